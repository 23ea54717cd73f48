#include "restcomm/config_document.h"

#include "restcomm/rest_api.h"
#include "restcomm/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <optional>

namespace mrc {

namespace {

// Thrown inside the parser only, caught in parseConfig: the first error ends the parse.
struct ConfigError {
    QString message;
};

// Reads the fields of one entry; every error is prefixed with the entry's label
// ("incoming_phone_numbers[2] (1112)").
class EntryReader {
  public:
    EntryReader(QJsonObject object, QString label)
        : object_(std::move(object)), label_(std::move(label)) {}

    void setLabel(const QString &label) { label_ = label; }

    [[noreturn]] void fail(const QString &field, const QString &what) const {
        throw ConfigError{QStringLiteral("%1: %2: %3").arg(label_, field, what)};
    }

    bool has(const QString &key) const {
        const QJsonValue value = object_.value(key);
        return !value.isUndefined() && !value.isNull();
    }

    QString string(const QString &key) const {
        const QJsonValue value = object_.value(key);
        if (value.isUndefined() || value.isNull()) {
            return {};
        }
        if (!value.isString()) {
            fail(key, QStringLiteral("expected a string"));
        }
        return value.toString().trimmed();
    }

    QString required(const QString &key) const {
        const QString value = string(key);
        if (value.isEmpty()) {
            fail(key, QStringLiteral("required"));
        }
        return value;
    }

    bool boolean(const QString &key, bool fallback) const {
        const QJsonValue value = object_.value(key);
        if (value.isUndefined() || value.isNull()) {
            return fallback;
        }
        if (!value.isBool()) {
            fail(key, QStringLiteral("expected true or false"));
        }
        return value.toBool();
    }

    template <typename Record>
    void stringFields(Record &record, const QList<StringField<Record>> &fields) const {
        for (const auto &field : fields) {
            const QString key = QString::fromLatin1(field.snakeName);
            const QString value = string(key);
            QString &target = record.*field.member;
            switch (field.kind) {
                case FieldKind::Text:
                    target = value;
                    break;
                case FieldKind::AppReference:
                    if (!value.isEmpty() && !isAppReference(value)) {
                        fail(key, QStringLiteral("not an http(s) URL or app name"));
                    }
                    target = value;
                    break;
                case FieldKind::Method:
                    if (value.isEmpty()) {
                        target = QString::fromLatin1(kDefaultHttpMethod);
                    } else if (!isHttpMethod(value, &target)) {
                        fail(key, QStringLiteral("must be GET or POST"));
                    }
                    break;
                case FieldKind::ApplicationSid:
                    if (!value.isEmpty() && !isSid(QStringLiteral("AP"), value)) {
                        fail(key, QStringLiteral("not an application sid (AP and 32 hex digits)"));
                    }
                    target = value;
                    break;
            }
        }
    }

    const QJsonObject &object() const { return object_; }

  private:
    QJsonObject object_;
    QString label_;
};

QJsonArray arrayAt(const QJsonObject &root, const QString &key) {
    const QJsonValue value = root.value(key);
    if (value.isUndefined() || value.isNull()) {
        return {};
    }
    if (!value.isArray()) {
        throw ConfigError{QStringLiteral("%1: expected an array").arg(key)};
    }
    return value.toArray();
}

QJsonObject objectAt(const QJsonArray &array, qsizetype index, const QString &section) {
    if (!array.at(index).isObject()) {
        throw ConfigError{QStringLiteral("%1[%2]: expected an object").arg(section).arg(index)};
    }
    return array.at(index).toObject();
}

QList<IncomingNumber> parseNumbers(const QJsonArray &array) {
    const QString section = QStringLiteral("incoming_phone_numbers");
    QList<IncomingNumber> numbers;
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        EntryReader reader(objectAt(array, i, section),
                           QStringLiteral("%1[%2]").arg(section).arg(i));
        IncomingNumber number;
        number.phoneNumber = reader.required(QStringLiteral("phone_number"));
        reader.setLabel(QStringLiteral("%1[%2] (%3)").arg(section).arg(i).arg(number.phoneNumber));
        if (seen.contains(number.phoneNumber)) {
            reader.fail(QStringLiteral("phone_number"), QStringLiteral("duplicate of %1[%2]")
                                                            .arg(section)
                                                            .arg(seen.value(number.phoneNumber)));
        }
        seen.insert(number.phoneNumber, i);
        number.sid = reader.string(QStringLiteral("sid"));  // kept when usable, see Store::apply
        reader.stringFields(number, incomingNumberStringFields());
        number.voiceCallerIdLookup =
            reader.boolean(QStringLiteral("voice_caller_id_lookup"), false);
        if (reader.has(QStringLiteral("capabilities"))) {
            const QJsonValue value = reader.object().value(QStringLiteral("capabilities"));
            if (!value.isObject()) {
                reader.fail(QStringLiteral("capabilities"), QStringLiteral("expected an object"));
            }
            EntryReader capabilities(value.toObject(), QStringLiteral("%1[%2] (%3): capabilities")
                                                           .arg(section)
                                                           .arg(i)
                                                           .arg(number.phoneNumber));
            number.capabilities.voice =
                capabilities.boolean(QStringLiteral("voice_capable"), false);
            number.capabilities.sms = capabilities.boolean(QStringLiteral("sms_capable"), false);
            number.capabilities.mms = capabilities.boolean(QStringLiteral("mms_capable"), false);
            number.capabilities.fax = capabilities.boolean(QStringLiteral("fax_capable"), false);
        }
        if (number.friendlyName.isEmpty()) {
            number.friendlyName = number.phoneNumber;
        }
        numbers.append(number);
    }
    return numbers;
}

QList<Client> parseClients(const QJsonArray &array) {
    const QString section = QStringLiteral("clients");
    QList<Client> clients;
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        EntryReader reader(objectAt(array, i, section),
                           QStringLiteral("%1[%2]").arg(section).arg(i));
        Client client;
        client.login = reader.required(QStringLiteral("login"));
        reader.setLabel(QStringLiteral("%1[%2] (%3)").arg(section).arg(i).arg(client.login));
        if (!isValidLogin(client.login)) {
            reader.fail(QStringLiteral("login"),
                        QStringLiteral("may hold only letters, digits and -._~+!$&'()*,;="));
        }
        if (seen.contains(client.login)) {
            reader.fail(
                QStringLiteral("login"),
                QStringLiteral("duplicate of %1[%2]").arg(section).arg(seen.value(client.login)));
        }
        seen.insert(client.login, i);
        // The clear password: HA1 depends on the realm, which the store owns.
        const QJsonValue password = reader.object().value(QStringLiteral("password"));
        if (!password.isString() || password.toString().isEmpty()) {
            reader.fail(QStringLiteral("password"),
                        QStringLiteral("required (the clear password)"));
        }
        client.password = password.toString();
        client.sid = reader.string(QStringLiteral("sid"));
        reader.stringFields(client, clientStringFields());
        if (client.friendlyName.isEmpty()) {
            client.friendlyName = client.login;
        }
        const QJsonValue status = reader.object().value(QStringLiteral("status"));
        if (status.isDouble() || status.isString()) {
            const QString text = status.isDouble() ? QString::number(status.toDouble())
                                                   : status.toString().trimmed();
            if (text != u"0" && text != u"1") {
                reader.fail(QStringLiteral("status"), QStringLiteral("must be 0 or 1"));
            }
            client.status = text.toInt();
        } else if (!status.isUndefined() && !status.isNull()) {
            reader.fail(QStringLiteral("status"), QStringLiteral("must be 0 or 1"));
        }
        clients.append(client);
    }
    return clients;
}

QList<Application> parseApplications(const QJsonArray &array) {
    const QString section = QStringLiteral("applications");
    QList<Application> applications;
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        EntryReader reader(objectAt(array, i, section),
                           QStringLiteral("%1[%2]").arg(section).arg(i));
        Application application;
        application.sid = reader.string(QStringLiteral("sid"));
        if (application.sid.isEmpty()) {
            application.sid = newSid(QStringLiteral("AP"));
        } else if (!isSid(QStringLiteral("AP"), application.sid)) {
            reader.fail(QStringLiteral("sid"),
                        QStringLiteral("not an application sid (AP and 32 hex digits)"));
        }
        reader.setLabel(QStringLiteral("%1[%2] (%3)").arg(section).arg(i).arg(application.sid));
        if (seen.contains(application.sid)) {
            reader.fail(QStringLiteral("sid"), QStringLiteral("duplicate of %1[%2]")
                                                   .arg(section)
                                                   .arg(seen.value(application.sid)));
        }
        seen.insert(application.sid, i);
        application.friendlyName = reader.string(QStringLiteral("friendly_name"));
        application.rcmlUrl = reader.required(QStringLiteral("rcml_url"));
        if (!isAppReference(application.rcmlUrl)) {
            reader.fail(QStringLiteral("rcml_url"),
                        QStringLiteral("not an http(s) URL or app name"));
        }
        const QString kind = reader.string(QStringLiteral("kind")).toLower();
        if (!kind.isEmpty()) {
            if (kind != u"voice" && kind != u"sms" && kind != u"ussd") {
                reader.fail(QStringLiteral("kind"), QStringLiteral("must be voice, sms or ussd"));
            }
            application.kind = kind;
        }
        applications.append(application);
    }
    return applications;
}

QList<RvdProject> parseRvdProjects(const QJsonArray &array) {
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9_-]+$"));
    const QString section = QStringLiteral("rvd_projects");
    QList<RvdProject> projects;
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        EntryReader reader(objectAt(array, i, section),
                           QStringLiteral("%1[%2]").arg(section).arg(i));
        RvdProject project;
        project.name = reader.required(QStringLiteral("name"));
        reader.setLabel(QStringLiteral("%1[%2] (%3)").arg(section).arg(i).arg(project.name));
        if (!validName.match(project.name).hasMatch()) {
            reader.fail(QStringLiteral("name"),
                        QStringLiteral("may hold only letters, digits, - and _"));
        }
        if (seen.contains(project.name)) {
            reader.fail(
                QStringLiteral("name"),
                QStringLiteral("duplicate of %1[%2]").arg(section).arg(seen.value(project.name)));
        }
        seen.insert(project.name, i);
        const QJsonValue state = reader.object().value(QStringLiteral("state"));
        if (!state.isObject()) {
            reader.fail(QStringLiteral("state"),
                        QStringLiteral("required (an RVD project state object)"));
        }
        project.state = state.toObject();
        projects.append(project);
    }
    return projects;
}

ConfigDocument parseDocument(const QJsonDocument &json) {
    ConfigDocument document;
    if (json.isArray()) {
        document.numbers = parseNumbers(json.array());
        return document;
    }
    const QJsonObject root = json.object();
    if (root.contains(QStringLiteral("referphone_config"))) {
        const QJsonValue version = root.value(QStringLiteral("referphone_config"));
        if (!version.isDouble() || version.toDouble() != kConfigFormatVersion) {
            throw ConfigError{
                QStringLiteral("referphone_config: unsupported version %1 (expected %2)")
                    .arg(version.toVariant().toString())
                    .arg(kConfigFormatVersion)};
        }
        document.applications = parseApplications(arrayAt(root, QStringLiteral("applications")));
        document.clients = parseClients(arrayAt(root, QStringLiteral("clients")));
        document.numbers = parseNumbers(arrayAt(root, QStringLiteral("incoming_phone_numbers")));
        document.rvdProjects = parseRvdProjects(arrayAt(root, QStringLiteral("rvd_projects")));
        return document;
    }
    // Restcomm's IncomingPhoneNumbers page, or Twilio's spelling of it.
    for (const QString &key :
         {QStringLiteral("incomingPhoneNumbers"), QStringLiteral("incoming_phone_numbers")}) {
        if (root.contains(key)) {
            document.numbers = parseNumbers(arrayAt(root, key));
            return document;
        }
    }
    if (root.contains(QStringLiteral("phone_number"))) {
        document.numbers = parseNumbers(QJsonArray{root});
        return document;
    }
    throw ConfigError{QStringLiteral(
        "not a ReferPhone config (no \"referphone_config\" key), a Restcomm IncomingPhoneNumbers "
        "list nor a single number (no \"phone_number\" key)")};
}

}  // namespace

std::variant<ConfigDocument, QString> parseConfig(const QByteArray &json) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return QStringLiteral("not valid JSON at byte %1: %2")
            .arg(parseError.offset)
            .arg(parseError.errorString());
    }
    if (!document.isObject() && !document.isArray()) {
        return QStringLiteral("expected a JSON object or array");
    }
    try {
        return parseDocument(document);
    } catch (const ConfigError &error) {
        return error.message;
    }
}

QByteArray exportConfig(const Store &store, const QList<RvdProject> &rvdProjects) {
    QList<OrderedJsonObject> clients;
    for (const Client &client : store.clients()) {
        OrderedJsonObject json;
        json.insert(QStringLiteral("sid"), client.sid)
            .insert(QStringLiteral("login"), client.login)
            .insert(QStringLiteral("password"), client.password)
            .insert(QStringLiteral("status"), client.status);
        for (const auto &field : clientStringFields()) {
            json.insertNullable(QString::fromLatin1(field.snakeName), client.*field.member);
        }
        clients.append(json);
    }
    QList<OrderedJsonObject> applications;
    for (const Application &application : store.applications()) {
        OrderedJsonObject json;
        json.insert(QStringLiteral("sid"), application.sid)
            .insertNullable(QStringLiteral("friendly_name"), application.friendlyName)
            .insert(QStringLiteral("rcml_url"), application.rcmlUrl)
            .insert(QStringLiteral("kind"), application.kind);
        applications.append(json);
    }
    QList<OrderedJsonObject> numbers;
    for (const IncomingNumber &number : store.numbers()) {
        numbers.append(incomingNumberJson(number, store));
    }
    QList<OrderedJsonObject> projects;
    for (const RvdProject &project : rvdProjects) {
        OrderedJsonObject json;
        json.insert(QStringLiteral("name"), project.name)
            .insert(QStringLiteral("state"), project.state);
        projects.append(json);
    }
    OrderedJsonObject root;
    root.insert(QStringLiteral("referphone_config"), kConfigFormatVersion)
        .insert(QStringLiteral("clients"), clients)
        .insert(QStringLiteral("applications"), applications)
        .insert(QStringLiteral("incoming_phone_numbers"), numbers)
        .insert(QStringLiteral("rvd_projects"), projects);
    return root.toJson() + '\n';  // compact: QJsonDocument would re-sort the keys
}

}  // namespace mrc
