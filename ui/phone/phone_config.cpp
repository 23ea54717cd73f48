#include "ui/phone/phone_config.h"

#include "ui/phone/json_file.h"

#include <QJsonArray>
#include <QJsonObject>

namespace phone {
namespace {

QString transportName(engine::Transport transport) {
    switch (transport) {
        case engine::Transport::Tcp:
            return QStringLiteral("tcp");
        case engine::Transport::Tls:
            return QStringLiteral("tls");
        case engine::Transport::Udp:
            break;
    }
    return QStringLiteral("udp");
}

engine::Transport transportFromName(const QString &name) {
    if (name == QLatin1String("tcp")) {
        return engine::Transport::Tcp;
    }
    if (name == QLatin1String("tls")) {
        return engine::Transport::Tls;
    }
    return engine::Transport::Udp;
}

QJsonObject accountToJson(const engine::AccountConfig &account) {
    return {{QStringLiteral("displayName"), account.displayName},
            {QStringLiteral("user"), account.user},
            {QStringLiteral("domain"), account.domain},
            {QStringLiteral("authUser"), account.authUser},
            {QStringLiteral("outboundProxy"), account.outboundProxy},
            {QStringLiteral("transport"), transportName(account.transport)},
            {QStringLiteral("registerIntervalS"), account.registerIntervalS},
            {QStringLiteral("allowTransfers"), account.allowTransfers},
            {QStringLiteral("autoAnswer"), account.autoAnswer}};
}

engine::AccountConfig accountFromJson(const QJsonObject &object) {
    engine::AccountConfig account;
    account.displayName = object.value(QStringLiteral("displayName")).toString();
    account.user = object.value(QStringLiteral("user")).toString().trimmed();
    account.domain = object.value(QStringLiteral("domain")).toString().trimmed();
    account.authUser = object.value(QStringLiteral("authUser")).toString();
    account.outboundProxy = object.value(QStringLiteral("outboundProxy")).toString();
    account.transport = transportFromName(object.value(QStringLiteral("transport")).toString());
    account.registerIntervalS =
        qMax(0, object.value(QStringLiteral("registerIntervalS")).toInt(600));
    account.allowTransfers = object.value(QStringLiteral("allowTransfers")).toBool(true);
    account.autoAnswer = object.value(QStringLiteral("autoAnswer")).toBool(false);
    return account;
}

}  // namespace

PhoneConfigLoad loadPhoneConfig(const QString &path) {
    const JsonReadResult read = readJsonFile(path);
    PhoneConfigLoad result;
    result.warning = read.error;
    const QJsonObject root = read.document.object();
    int skipped = 0;
    for (const QJsonValue &value : root.value(QStringLiteral("accounts")).toArray()) {
        const engine::AccountConfig account = accountFromJson(value.toObject());
        if (account.user.isEmpty() || account.domain.isEmpty()) {
            ++skipped;
            continue;
        }
        result.config.accounts << account;
    }
    const QJsonObject audio = root.value(QStringLiteral("audio")).toObject();
    result.config.audio.inputId = audio.value(QStringLiteral("input")).toString();
    result.config.audio.outputId = audio.value(QStringLiteral("output")).toString();
    result.config.ringtoneEnabled = root.value(QStringLiteral("ringtone")).toBool(true);
    if (skipped > 0 && result.warning.isEmpty()) {
        result.warning = QStringLiteral("%1: %2 accounts without a user or domain were skipped.")
                             .arg(path)
                             .arg(skipped);
    }
    return result;
}

QString savePhoneConfig(const QString &path, const PhoneConfig &config) {
    QJsonArray accounts;
    for (const engine::AccountConfig &account : config.accounts) {
        accounts.append(accountToJson(account));
    }
    const QJsonObject root{
        {QStringLiteral("version"), 1},
        {QStringLiteral("accounts"), accounts},
        {QStringLiteral("audio"), QJsonObject{{QStringLiteral("input"), config.audio.inputId},
                                              {QStringLiteral("output"), config.audio.outputId}}},
        {QStringLiteral("ringtone"), config.ringtoneEnabled}};
    return writeJsonFileAtomically(path, QJsonDocument(root));
}

}  // namespace phone
