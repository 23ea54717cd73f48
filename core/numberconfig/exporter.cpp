#include "numberconfig/exporter.h"

#include "numberconfig/csv.h"
#include "numberconfig/number_fields.h"
#include "restcomm/rest_api.h"

namespace numcfg {

namespace {

mrc::OrderedJsonObject numberJson(const ServerNumber &number, const QString &accountSid) {
    const QMap<QString, QString> values = valuesFromServerJson(number.json);
    mrc::OrderedJsonObject json;
    json.insert(QStringLiteral("sid"), number.sid);
    if (!accountSid.isEmpty()) {
        json.insert(QStringLiteral("account_sid"), accountSid);
    }
    mrc::OrderedJsonObject capabilities;
    for (const NumberField &field : numberFields()) {
        const QString value = values.value(field.camelName);
        if (field.kind == FieldKind::Boolean) {
            (isCapabilityField(field) ? capabilities : json)
                .insert(field.snakeName, value == u"true");
        } else {
            json.insertNullable(field.snakeName, value);
        }
    }
    json.insert(QStringLiteral("capabilities"), capabilities);
    json.insert(QStringLiteral("api_version"), QStringLiteral("2012-04-24"));
    return json;
}

QList<mrc::OrderedJsonObject> numbersJson(const ServerSnapshot &server, const QString &account) {
    QList<mrc::OrderedJsonObject> numbers;
    for (const ServerNumber &number : server.numbers) {
        numbers.append(numberJson(number, account));
    }
    return numbers;
}

}  // namespace

QByteArray exportRestcommPage(const ServerSnapshot &server, const QString &accountSid) {
    const int total = int(server.numbers.size());
    const QString uri =
        QStringLiteral("/2012-04-24/Accounts/%1/IncomingPhoneNumbers.json").arg(accountSid);
    const QString pageUri = uri + QStringLiteral("?Page=0&PageSize=%1").arg(std::max(total, 1));
    mrc::OrderedJsonObject page;
    page.insert(QStringLiteral("page"), 0)
        .insert(QStringLiteral("num_pages"), 1)
        .insert(QStringLiteral("page_size"), std::max(total, 1))
        .insert(QStringLiteral("total"), total)
        .insert(QStringLiteral("start"), 0)
        .insert(QStringLiteral("end"), total)
        .insert(QStringLiteral("uri"), uri)
        .insert(QStringLiteral("first_page_uri"), pageUri)
        .insert(QStringLiteral("previous_page_uri"), QJsonValue())
        .insert(QStringLiteral("next_page_uri"), QJsonValue())
        .insert(QStringLiteral("last_page_uri"), pageUri)
        .insert(QStringLiteral("incomingPhoneNumbers"), numbersJson(server, accountSid));
    return page.toJson() + '\n';
}

QByteArray exportOwn(const ServerSnapshot &server) {
    QList<mrc::OrderedJsonObject> applications;
    for (const ServerApplication &application : server.applications) {
        mrc::OrderedJsonObject json;
        json.insert(QStringLiteral("sid"), application.sid)
            .insertNullable(QStringLiteral("friendly_name"), application.friendlyName)
            .insert(QStringLiteral("rcml_url"), application.rcmlUrl)
            .insert(QStringLiteral("kind"),
                    application.kind.isEmpty() ? QStringLiteral("voice") : application.kind);
        applications.append(json);
    }
    mrc::OrderedJsonObject root;
    root.insert(QStringLiteral("referphone_config"), 1)
        .insert(QStringLiteral("applications"), applications)
        .insert(QStringLiteral("incoming_phone_numbers"), numbersJson(server, {}));
    return root.toJson() + '\n';
}

QByteArray exportCsv(const ServerSnapshot &server) {
    QStringList header{QStringLiteral("Sid")};
    for (const NumberField &field : numberFields()) {
        header.append(field.camelName);
    }
    QString text = csvLine(header);
    for (const ServerNumber &number : server.numbers) {
        const QMap<QString, QString> values = valuesFromServerJson(number.json);
        QStringList cells{number.sid};
        for (const NumberField &field : numberFields()) {
            cells.append(values.value(field.camelName));
        }
        text += csvLine(cells);
    }
    return text.toUtf8();
}

}  // namespace numcfg
