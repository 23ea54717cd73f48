#include "restcomm/store.h"

#include "restcomm/config_document.h"
#include "restcomm/numbers.h"
#include "restcomm/sip_digest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

namespace mrc {

// ---- free helpers declared in store_types.h -------------------------------------------------

QString newSid(const QString &prefix) {
    QString sid = prefix;
    for (int i = 0; i < 4; ++i) {
        sid += QStringLiteral("%1").arg(
            static_cast<qulonglong>(QRandomGenerator::global()->generate()), 8, 16, QChar(u'0'));
    }
    return sid;
}

bool isSid(const QString &prefix, const QString &value) {
    static const QRegularExpression hex32(QStringLiteral("^[0-9a-fA-F]{32}$"));
    return value.size() == prefix.size() + 32 && value.startsWith(prefix) &&
           hex32.match(QStringView(value).mid(prefix.size())).hasMatch();
}

QString restcommDate(const QDateTime &when) {
    return QLocale::c().toString(when.toUTC(), QStringLiteral("ddd, d MMM yyyy HH:mm:ss +0000"));
}

bool isAppReference(const QString &value) {
    static const QRegularExpression appName(QStringLiteral("^[A-Za-z0-9_-]+$"));
    static const QRegularExpression whitespace(QStringLiteral("\\s"));
    if (value.isEmpty() || value.contains(whitespace)) {
        return false;
    }
    if (value.startsWith(u'/')) {
        return !value.startsWith(QStringLiteral("//"));  // "//host" would be a network path
    }
    if (appName.match(value).hasMatch()) {
        return true;
    }
    const QUrl url(value, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"http" || scheme == u"https") && !url.host().isEmpty();
}

bool isValidLogin(const QString &login) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._~+!$&'()*,;=-]+$"));
    return valid.match(login).hasMatch();
}

bool isHttpMethod(const QString &value, QString *normalized) {
    const QString upper = value.toUpper();
    if (upper != u"GET" && upper != u"POST") {
        return false;
    }
    if (normalized) {
        *normalized = upper;
    }
    return true;
}

const QList<StringField<IncomingNumber>> &incomingNumberStringFields() {
    using N = IncomingNumber;
    using K = FieldKind;
    static const QList<StringField<N>> fields = {
        {"friendly_name", "FriendlyName", &N::friendlyName, K::Text},
        {"voice_url", "VoiceUrl", &N::voiceUrl, K::AppReference},
        {"voice_method", "VoiceMethod", &N::voiceMethod, K::Method},
        {"voice_fallback_url", "VoiceFallbackUrl", &N::voiceFallbackUrl, K::AppReference},
        {"voice_fallback_method", "VoiceFallbackMethod", &N::voiceFallbackMethod, K::Method},
        {"status_callback", "StatusCallback", &N::statusCallback, K::AppReference},
        {"status_callback_method", "StatusCallbackMethod", &N::statusCallbackMethod, K::Method},
        {"voice_application_sid", "VoiceApplicationSid", &N::voiceApplicationSid,
         K::ApplicationSid},
        {"sms_url", "SmsUrl", &N::smsUrl, K::AppReference},
        {"sms_method", "SmsMethod", &N::smsMethod, K::Method},
        {"sms_fallback_url", "SmsFallbackUrl", &N::smsFallbackUrl, K::AppReference},
        {"sms_fallback_method", "SmsFallbackMethod", &N::smsFallbackMethod, K::Method},
        {"sms_application_sid", "SmsApplicationSid", &N::smsApplicationSid, K::ApplicationSid},
        {"ussd_url", "UssdUrl", &N::ussdUrl, K::AppReference},
        {"ussd_method", "UssdMethod", &N::ussdMethod, K::Method},
        {"ussd_fallback_url", "UssdFallbackUrl", &N::ussdFallbackUrl, K::AppReference},
        {"ussd_fallback_method", "UssdFallbackMethod", &N::ussdFallbackMethod, K::Method},
        {"ussd_application_sid", "UssdApplicationSid", &N::ussdApplicationSid, K::ApplicationSid},
        {"refer_url", "ReferUrl", &N::referUrl, K::AppReference},
        {"refer_method", "ReferMethod", &N::referMethod, K::Method},
        {"refer_application_sid", "ReferApplicationSid", &N::referApplicationSid,
         K::ApplicationSid},
    };
    return fields;
}

const QList<StringField<Client>> &clientStringFields() {
    using C = Client;
    using K = FieldKind;
    static const QList<StringField<C>> fields = {
        {"friendly_name", "FriendlyName", &C::friendlyName, K::Text},
        {"voice_url", "VoiceUrl", &C::voiceUrl, K::AppReference},
        {"voice_method", "VoiceMethod", &C::voiceMethod, K::Method},
        {"voice_fallback_url", "VoiceFallbackUrl", &C::voiceFallbackUrl, K::AppReference},
        {"voice_fallback_method", "VoiceFallbackMethod", &C::voiceFallbackMethod, K::Method},
        {"voice_application_sid", "VoiceApplicationSid", &C::voiceApplicationSid,
         K::ApplicationSid},
    };
    return fields;
}

// ---- store file format ----------------------------------------------------------------------

namespace {

constexpr int kStoreFileVersion = 1;

QJsonValue stringOrNull(const QString &value) {
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QString isoDate(const QDateTime &when) {
    return when.toUTC().toString(Qt::ISODateWithMs);
}

template <typename Record>
void writeStringFields(QJsonObject &object, const Record &record,
                       const QList<StringField<Record>> &fields) {
    for (const auto &field : fields) {
        object.insert(QLatin1StringView(field.snakeName), stringOrNull(record.*field.member));
    }
}

QJsonObject clientToFile(const Client &client) {
    QJsonObject object{{"sid", client.sid},
                       {"login", client.login},
                       {"password", client.password},
                       {"password_ha1", client.passwordHa1},
                       {"status", client.status},
                       {"date_created", isoDate(client.dateCreated)},
                       {"date_updated", isoDate(client.dateUpdated)}};
    writeStringFields(object, client, clientStringFields());
    return object;
}

QJsonObject numberToFile(const IncomingNumber &number) {
    QJsonObject object{{"sid", number.sid},
                       {"phone_number", number.phoneNumber},
                       {"voice_caller_id_lookup", number.voiceCallerIdLookup},
                       {"capabilities", QJsonObject{{"voice_capable", number.capabilities.voice},
                                                    {"sms_capable", number.capabilities.sms},
                                                    {"mms_capable", number.capabilities.mms},
                                                    {"fax_capable", number.capabilities.fax}}},
                       {"date_created", isoDate(number.dateCreated)},
                       {"date_updated", isoDate(number.dateUpdated)}};
    writeStringFields(object, number, incomingNumberStringFields());
    return object;
}

QJsonObject applicationToFile(const Application &application) {
    return QJsonObject{{"sid", application.sid},
                       {"friendly_name", application.friendlyName},
                       {"rcml_url", application.rcmlUrl},
                       {"kind", application.kind},
                       {"date_created", isoDate(application.dateCreated)},
                       {"date_updated", isoDate(application.dateUpdated)}};
}

// Reads one entry of store.json, tolerating absent keys (older files); a key of the wrong type
// is an error. `where` prefixes every message.
class FileEntryReader {
  public:
    FileEntryReader(const QJsonObject &object, QString where)
        : object_(object), where_(std::move(where)) {}

    void string(const char *key, QString &out) {
        const QJsonValue value = object_.value(QLatin1StringView(key));
        if (value.isString()) {
            out = value.toString();
        } else if (value.isNull()) {
            out.clear();
        } else if (!value.isUndefined()) {
            fail(key, QStringLiteral("expected a string"));
        }
    }
    void method(const char *key, QString &out) {
        string(key, out);
        if (out.isEmpty()) {
            out = QString::fromLatin1(kDefaultHttpMethod);
        }
    }
    void boolean(const char *key, bool &out) {
        const QJsonValue value = object_.value(QLatin1StringView(key));
        if (value.isBool()) {
            out = value.toBool();
        } else if (!value.isUndefined() && !value.isNull()) {
            fail(key, QStringLiteral("expected true or false"));
        }
    }
    void integer(const char *key, int &out) {
        const QJsonValue value = object_.value(QLatin1StringView(key));
        if (value.isDouble()) {
            out = value.toInt();
        } else if (!value.isUndefined() && !value.isNull()) {
            fail(key, QStringLiteral("expected a number"));
        }
    }
    void date(const char *key, QDateTime &out) {
        QString text;
        string(key, text);
        out = text.isEmpty() ? QDateTime::currentDateTimeUtc()
                             : QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!out.isValid()) {
            fail(key, QStringLiteral("not an ISO-8601 date"));
        }
    }
    template <typename Record>
    void stringFields(Record &record, const QList<StringField<Record>> &fields) {
        for (const auto &field : fields) {
            if (field.kind == FieldKind::Method) {
                method(field.snakeName, record.*field.member);
            } else {
                string(field.snakeName, record.*field.member);
            }
        }
    }
    void required(const char *key, QString &out) {
        string(key, out);
        if (out.isEmpty()) {
            fail(key, QStringLiteral("missing"));
        }
    }
    const QJsonObject &object() const { return object_; }
    const std::optional<QString> &error() const { return error_; }

  private:
    void fail(const char *key, const QString &what) {
        if (!error_) {
            error_ = QStringLiteral("%1: %2: %3").arg(where_, QLatin1StringView(key), what);
        }
    }
    QJsonObject object_;
    QString where_;
    std::optional<QString> error_;
};

}  // namespace

// ---- Store ----------------------------------------------------------------------------------

struct Store::Snapshot {
    QString accountSid, authToken, realm;
    QList<Client> clients;
    QList<IncomingNumber> numbers;
    QList<Application> applications;
};

Store::Store(QString dataDirectory)
    : directory_(std::move(dataDirectory)),
      accountSid_(newSid(QStringLiteral("AC"))),
      authToken_(newSid({})),
      realm_(QStringLiteral("127.0.0.1")) {}

QString Store::filePath() const {
    return QDir(directory_).filePath(QStringLiteral("store.json"));
}

std::optional<QString> Store::load() {
    const QString path = filePath();
    QFile file(path);
    if (!file.exists()) {
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return QStringLiteral("%1: not valid JSON at byte %2: %3")
            .arg(path)
            .arg(parseError.offset)
            .arg(parseError.errorString());
    }
    if (!document.isObject()) {
        return QStringLiteral("%1: the top level is not a JSON object").arg(path);
    }
    const QJsonObject root = document.object();
    const int version = root.value(QStringLiteral("version")).toInt(kStoreFileVersion);
    if (version > kStoreFileVersion) {
        return QStringLiteral("%1: version %2 is newer than this program understands (%3)")
            .arg(path)
            .arg(version)
            .arg(kStoreFileVersion);
    }

    Snapshot loaded{accountSid_, authToken_, realm_, {}, {}, {}};
    FileEntryReader top(root, path);
    top.string("account_sid", loaded.accountSid);
    top.string("auth_token", loaded.authToken);
    top.string("realm", loaded.realm);
    if (top.error()) {
        return top.error();
    }
    if (loaded.accountSid.isEmpty()) {
        loaded.accountSid = accountSid_;
    }
    if (loaded.authToken.isEmpty()) {
        loaded.authToken = authToken_;
    }
    if (loaded.realm.isEmpty()) {
        loaded.realm = realm_;
    }

    // Reads the array `key`, handing each object entry to `readEntry`.
    auto readArray = [&](const char *key, auto &&readEntry) -> std::optional<QString> {
        const QJsonValue value = root.value(QLatin1StringView(key));
        if (value.isUndefined() || value.isNull()) {
            return std::nullopt;
        }
        if (!value.isArray()) {
            return QStringLiteral("%1: %2: expected an array").arg(path, QLatin1StringView(key));
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString where =
                QStringLiteral("%1: %2[%3]").arg(path, QLatin1StringView(key)).arg(i);
            if (!array.at(i).isObject()) {
                return where + QStringLiteral(": expected an object");
            }
            FileEntryReader reader(array.at(i).toObject(), where);
            readEntry(reader);
            if (reader.error()) {
                return reader.error();
            }
        }
        return std::nullopt;
    };

    auto error = readArray("clients", [&](FileEntryReader &reader) {
        Client client;
        reader.required("login", client.login);
        reader.string("sid", client.sid);
        reader.string("password", client.password);
        reader.string("password_ha1", client.passwordHa1);
        reader.integer("status", client.status);
        reader.stringFields(client, clientStringFields());
        reader.date("date_created", client.dateCreated);
        reader.date("date_updated", client.dateUpdated);
        if (client.sid.isEmpty()) {
            client.sid = newSid(QStringLiteral("CL"));
        }
        if (!client.password.isEmpty()) {
            client.passwordHa1 =
                QString::fromLatin1(digestHa1(client.login, loaded.realm, client.password));
        }
        loaded.clients.append(client);
    });
    if (!error) {
        error = readArray("incoming_phone_numbers", [&](FileEntryReader &reader) {
            IncomingNumber number;
            reader.required("phone_number", number.phoneNumber);
            reader.string("sid", number.sid);
            reader.boolean("voice_caller_id_lookup", number.voiceCallerIdLookup);
            reader.stringFields(number, incomingNumberStringFields());
            const QJsonObject capabilities =
                reader.object().value(QStringLiteral("capabilities")).toObject();
            FileEntryReader capabilityReader(capabilities, QString());
            capabilityReader.boolean("voice_capable", number.capabilities.voice);
            capabilityReader.boolean("sms_capable", number.capabilities.sms);
            capabilityReader.boolean("mms_capable", number.capabilities.mms);
            capabilityReader.boolean("fax_capable", number.capabilities.fax);
            reader.date("date_created", number.dateCreated);
            reader.date("date_updated", number.dateUpdated);
            if (number.sid.isEmpty()) {
                number.sid = newSid(QStringLiteral("PN"));
            }
            loaded.numbers.append(number);
        });
    }
    if (!error) {
        error = readArray("applications", [&](FileEntryReader &reader) {
            Application application;
            reader.required("sid", application.sid);
            reader.string("friendly_name", application.friendlyName);
            reader.string("rcml_url", application.rcmlUrl);
            reader.string("kind", application.kind);
            if (application.kind.isEmpty()) {
                application.kind = QStringLiteral("voice");
            }
            reader.date("date_created", application.dateCreated);
            reader.date("date_updated", application.dateUpdated);
            loaded.applications.append(application);
        });
    }
    if (error) {
        return error;
    }
    restore(loaded);
    return std::nullopt;
}

std::optional<QString> Store::save() const {
    const QString path = filePath();
    if (!QDir().mkpath(directory_)) {
        return QStringLiteral("%1: cannot create the directory %2").arg(path, directory_);
    }
    QJsonArray clients;
    for (const Client &client : clients_) {
        clients.append(clientToFile(client));
    }
    QJsonArray numbers;
    for (const IncomingNumber &number : numbers_) {
        numbers.append(numberToFile(number));
    }
    QJsonArray applications;
    for (const Application &application : applications_) {
        applications.append(applicationToFile(application));
    }
    const QJsonObject root{{"version", kStoreFileVersion}, {"account_sid", accountSid_},
                           {"auth_token", authToken_},     {"realm", realm_},
                           {"clients", clients},           {"incoming_phone_numbers", numbers},
                           {"applications", applications}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
    }
    return std::nullopt;
}

bool Store::isEmpty() const {
    return clients_.isEmpty() && numbers_.isEmpty() && applications_.isEmpty();
}

Store::Snapshot Store::snapshot() const {
    return Snapshot{accountSid_, authToken_, realm_, clients_, numbers_, applications_};
}

void Store::restore(const Snapshot &snapshot) {
    accountSid_ = snapshot.accountSid;
    authToken_ = snapshot.authToken;
    realm_ = snapshot.realm;
    clients_ = snapshot.clients;
    numbers_ = snapshot.numbers;
    applications_ = snapshot.applications;
    reindex();
}

StoreResult Store::commit(const Snapshot &before) {
    reindex();
    if (auto error = save()) {
        restore(before);
        return StoreFailure{StoreFailure::Kind::Io, *error, {}};
    }
    return std::nullopt;
}

void Store::reindex() {
    clientByLogin_.clear();
    clientBySid_.clear();
    numberByPhone_.clear();
    numberBySid_.clear();
    applicationBySid_.clear();
    for (qsizetype i = 0; i < clients_.size(); ++i) {
        clientByLogin_.insert(clients_[i].login, i);
        clientBySid_.insert(clients_[i].sid, i);
    }
    for (qsizetype i = 0; i < numbers_.size(); ++i) {
        numberByPhone_.insert(numbers_[i].phoneNumber, i);
        numberBySid_.insert(numbers_[i].sid, i);
    }
    for (qsizetype i = 0; i < applications_.size(); ++i) {
        applicationBySid_.insert(applications_[i].sid, i);
    }
}

StoreResult Store::setAccount(const QString &accountSid, const QString &authToken) {
    const Snapshot before = snapshot();
    accountSid_ = accountSid;
    authToken_ = authToken;
    return commit(before);
}

StoreResult Store::setRealm(const QString &realm) {
    const Snapshot before = snapshot();
    realm_ = realm;
    for (Client &client : clients_) {
        if (!client.password.isEmpty()) {
            client.passwordHa1 =
                QString::fromLatin1(digestHa1(client.login, realm_, client.password));
        }
    }
    return commit(before);
}

// ---- clients --------------------------------------------------------------------------------

const Client *Store::clientByLogin(const QString &login) const {
    const auto it = clientByLogin_.constFind(login);
    return it == clientByLogin_.cend() ? nullptr : &clients_[*it];
}

const Client *Store::clientBySid(const QString &sid) const {
    const auto it = clientBySid_.constFind(sid);
    return it == clientBySid_.cend() ? nullptr : &clients_[*it];
}

std::optional<QString> Store::checkApplicationRefs(const Client &client) const {
    if (!client.voiceApplicationSid.isEmpty() && !applicationBySid(client.voiceApplicationSid)) {
        return QStringLiteral("voice_application_sid: no application %1")
            .arg(client.voiceApplicationSid);
    }
    return std::nullopt;
}

std::variant<Client, StoreFailure> Store::addClient(Client client) {
    if (clientByLogin(client.login)) {
        return StoreFailure{
            StoreFailure::Kind::Conflict,
            QStringLiteral("a client with login %1 already exists").arg(client.login),
            QStringLiteral("Login")};
    }
    if (auto error = checkApplicationRefs(client)) {
        return StoreFailure{StoreFailure::Kind::Invalid, *error,
                            QStringLiteral("VoiceApplicationSid")};
    }
    const Snapshot before = snapshot();
    client.sid = newSid(QStringLiteral("CL"));
    client.dateCreated = client.dateUpdated = QDateTime::currentDateTimeUtc();
    client.passwordHa1 = QString::fromLatin1(digestHa1(client.login, realm_, client.password));
    clients_.append(client);
    if (auto failure = commit(before)) {
        return *failure;
    }
    return client;
}

std::variant<Client, StoreFailure> Store::updateClient(Client client) {
    const Client *existing = clientBySid(client.sid);
    if (!existing) {
        return StoreFailure{
            StoreFailure::Kind::NotFound, QStringLiteral("no client %1").arg(client.sid), {}};
    }
    const Client *sameLogin = clientByLogin(client.login);
    if (sameLogin && sameLogin != existing) {
        return StoreFailure{
            StoreFailure::Kind::Conflict,
            QStringLiteral("a client with login %1 already exists").arg(client.login),
            QStringLiteral("Login")};
    }
    if (auto error = checkApplicationRefs(client)) {
        return StoreFailure{StoreFailure::Kind::Invalid, *error,
                            QStringLiteral("VoiceApplicationSid")};
    }
    const Snapshot before = snapshot();
    client.dateCreated = existing->dateCreated;
    client.dateUpdated = QDateTime::currentDateTimeUtc();
    if (!client.password.isEmpty()) {
        client.passwordHa1 = QString::fromLatin1(digestHa1(client.login, realm_, client.password));
    }
    clients_[clientBySid_.value(client.sid)] = client;
    if (auto failure = commit(before)) {
        return *failure;
    }
    return client;
}

StoreResult Store::removeClient(const QString &sid) {
    if (!clientBySid(sid)) {
        return StoreFailure{
            StoreFailure::Kind::NotFound, QStringLiteral("no client %1").arg(sid), {}};
    }
    const Snapshot before = snapshot();
    clients_.removeAt(clientBySid_.value(sid));
    return commit(before);
}

// ---- numbers --------------------------------------------------------------------------------

const IncomingNumber *Store::numberBySid(const QString &sid) const {
    const auto it = numberBySid_.constFind(sid);
    return it == numberBySid_.cend() ? nullptr : &numbers_[*it];
}

const IncomingNumber *Store::numberByPhone(const QString &phoneNumber) const {
    const auto it = numberByPhone_.constFind(phoneNumber);
    return it == numberByPhone_.cend() ? nullptr : &numbers_[*it];
}

std::optional<IncomingNumber> Store::matchNumber(const QString &dialled) const {
    for (const QString &candidate : numberCandidates(dialled)) {
        if (const IncomingNumber *number = numberByPhone(candidate)) {
            return *number;
        }
    }
    return std::nullopt;
}

std::optional<QString> Store::checkApplicationRefs(const IncomingNumber &number) const {
    for (const auto &field : incomingNumberStringFields()) {
        const QString &sid = number.*field.member;
        if (field.kind == FieldKind::ApplicationSid && !sid.isEmpty() && !applicationBySid(sid)) {
            return QStringLiteral("%1: no application %2")
                .arg(QLatin1StringView(field.snakeName), sid);
        }
    }
    return std::nullopt;
}

namespace {
// The CamelCase form name of the first application-sid field of `number` that is dangling.
QString danglingField(const IncomingNumber &number, const QString &error) {
    for (const auto &field : incomingNumberStringFields()) {
        if (error.startsWith(QLatin1StringView(field.snakeName) + u':')) {
            return QString::fromLatin1(field.camelName);
        }
    }
    Q_UNUSED(number);
    return {};
}
}  // namespace

std::variant<IncomingNumber, StoreFailure> Store::addNumber(IncomingNumber number) {
    if (numberByPhone(number.phoneNumber)) {
        return StoreFailure{StoreFailure::Kind::Conflict,
                            QStringLiteral("the number %1 already exists").arg(number.phoneNumber),
                            QStringLiteral("PhoneNumber")};
    }
    if (auto error = checkApplicationRefs(number)) {
        return StoreFailure{StoreFailure::Kind::Invalid, *error, danglingField(number, *error)};
    }
    const Snapshot before = snapshot();
    number.sid = newSid(QStringLiteral("PN"));
    number.dateCreated = number.dateUpdated = QDateTime::currentDateTimeUtc();
    numbers_.append(number);
    if (auto failure = commit(before)) {
        return *failure;
    }
    return number;
}

std::variant<IncomingNumber, StoreFailure> Store::updateNumber(IncomingNumber number) {
    const IncomingNumber *existing = numberBySid(number.sid);
    if (!existing) {
        return StoreFailure{StoreFailure::Kind::NotFound,
                            QStringLiteral("no incoming number %1").arg(number.sid),
                            {}};
    }
    const IncomingNumber *samePhone = numberByPhone(number.phoneNumber);
    if (samePhone && samePhone != existing) {
        return StoreFailure{StoreFailure::Kind::Conflict,
                            QStringLiteral("the number %1 already exists").arg(number.phoneNumber),
                            QStringLiteral("PhoneNumber")};
    }
    if (auto error = checkApplicationRefs(number)) {
        return StoreFailure{StoreFailure::Kind::Invalid, *error, danglingField(number, *error)};
    }
    const Snapshot before = snapshot();
    number.dateCreated = existing->dateCreated;
    number.dateUpdated = QDateTime::currentDateTimeUtc();
    numbers_[numberBySid_.value(number.sid)] = number;
    if (auto failure = commit(before)) {
        return *failure;
    }
    return number;
}

StoreResult Store::removeNumber(const QString &sid) {
    if (!numberBySid(sid)) {
        return StoreFailure{
            StoreFailure::Kind::NotFound, QStringLiteral("no incoming number %1").arg(sid), {}};
    }
    const Snapshot before = snapshot();
    numbers_.removeAt(numberBySid_.value(sid));
    return commit(before);
}

// ---- applications ---------------------------------------------------------------------------

const Application *Store::applicationBySid(const QString &sid) const {
    const auto it = applicationBySid_.constFind(sid);
    return it == applicationBySid_.cend() ? nullptr : &applications_[*it];
}

std::variant<Application, StoreFailure> Store::addApplication(Application application) {
    const Snapshot before = snapshot();
    application.sid = newSid(QStringLiteral("AP"));
    application.dateCreated = application.dateUpdated = QDateTime::currentDateTimeUtc();
    applications_.append(application);
    if (auto failure = commit(before)) {
        return *failure;
    }
    return application;
}

std::variant<Application, StoreFailure> Store::updateApplication(Application application) {
    const Application *existing = applicationBySid(application.sid);
    if (!existing) {
        return StoreFailure{StoreFailure::Kind::NotFound,
                            QStringLiteral("no application %1").arg(application.sid),
                            {}};
    }
    const Snapshot before = snapshot();
    application.dateCreated = existing->dateCreated;
    application.dateUpdated = QDateTime::currentDateTimeUtc();
    applications_[applicationBySid_.value(application.sid)] = application;
    if (auto failure = commit(before)) {
        return *failure;
    }
    return application;
}

StoreResult Store::removeApplication(const QString &sid) {
    if (!applicationBySid(sid)) {
        return StoreFailure{
            StoreFailure::Kind::NotFound, QStringLiteral("no application %1").arg(sid), {}};
    }
    // Refuse to leave numbers or clients pointing at nothing: calls to them would fail silently.
    QStringList users;
    for (const IncomingNumber &number : numbers_) {
        for (const auto &field : incomingNumberStringFields()) {
            if (field.kind == FieldKind::ApplicationSid && number.*field.member == sid) {
                users.append(QStringLiteral("number %1").arg(number.phoneNumber));
                break;
            }
        }
    }
    for (const Client &client : clients_) {
        if (client.voiceApplicationSid == sid) {
            users.append(QStringLiteral("client %1").arg(client.login));
        }
    }
    if (!users.isEmpty()) {
        return StoreFailure{StoreFailure::Kind::Conflict,
                            QStringLiteral("application %1 is still used by %2")
                                .arg(sid, users.join(QStringLiteral(", "))),
                            {}};
    }
    const Snapshot before = snapshot();
    applications_.removeAt(applicationBySid_.value(sid));
    return commit(before);
}

// ---- URL resolution -------------------------------------------------------------------------

QString Store::resolveAppUrl(const QString &urlOrName, const QString &applicationSid,
                             const QString &httpBase) const {
    QString base = httpBase;
    while (base.endsWith(u'/')) {
        base.chop(1);
    }
    auto resolve = [&base](const QString &reference) -> QString {
        static const QRegularExpression appName(QStringLiteral("^[A-Za-z0-9_-]+$"));
        if (reference.isEmpty()) {
            return {};
        }
        if (reference.startsWith(QStringLiteral("http://"), Qt::CaseInsensitive) ||
            reference.startsWith(QStringLiteral("https://"), Qt::CaseInsensitive)) {
            return reference;
        }
        if (reference.startsWith(u'/')) {
            return base + reference;
        }
        if (appName.match(reference).hasMatch()) {
            return base +
                   QStringLiteral("/restcomm-rvd/services/apps/%1/controller").arg(reference);
        }
        return {};
    };
    if (!applicationSid.isEmpty()) {
        const Application *application = applicationBySid(applicationSid);
        return application ? resolve(application->rcmlUrl) : QString();
    }
    return resolve(urlOrName);
}

// ---- config import --------------------------------------------------------------------------

std::optional<QString> Store::apply(const ConfigDocument &document) {
    const Snapshot before = snapshot();
    const QDateTime now = QDateTime::currentDateTimeUtc();

    for (Application application : document.applications) {
        application.dateUpdated = now;
        if (const Application *existing = applicationBySid(application.sid)) {
            application.dateCreated = existing->dateCreated;
            applications_[applicationBySid_.value(application.sid)] = application;
        } else {
            application.dateCreated = now;
            applications_.append(application);
            applicationBySid_.insert(application.sid, applications_.size() - 1);
        }
    }

    for (qsizetype i = 0; i < document.clients.size(); ++i) {
        Client client = document.clients[i];
        if (auto error = checkApplicationRefs(client)) {
            restore(before);
            return QStringLiteral("clients[%1] (%2): %3").arg(i).arg(client.login, *error);
        }
        client.passwordHa1 = QString::fromLatin1(digestHa1(client.login, realm_, client.password));
        client.dateUpdated = now;
        if (const Client *existing = clientByLogin(client.login)) {
            client.sid = existing->sid;
            client.dateCreated = existing->dateCreated;
            clients_[clientByLogin_.value(client.login)] = client;
        } else {
            if (!isSid(QStringLiteral("CL"), client.sid) || clientBySid(client.sid)) {
                client.sid = newSid(QStringLiteral("CL"));
            }
            client.dateCreated = now;
            clients_.append(client);
        }
        reindex();
    }

    for (qsizetype i = 0; i < document.numbers.size(); ++i) {
        IncomingNumber number = document.numbers[i];
        if (auto error = checkApplicationRefs(number)) {
            restore(before);
            return QStringLiteral("incoming_phone_numbers[%1] (%2): %3")
                .arg(i)
                .arg(number.phoneNumber, *error);
        }
        number.dateUpdated = now;
        if (const IncomingNumber *existing = numberByPhone(number.phoneNumber)) {
            number.sid = existing->sid;
            number.dateCreated = existing->dateCreated;
            numbers_[numberByPhone_.value(number.phoneNumber)] = number;
        } else {
            const bool usableSid =
                isSid(QStringLiteral("PN"), number.sid) || isSid(QStringLiteral("PH"), number.sid);
            if (!usableSid || numberBySid(number.sid)) {
                number.sid = newSid(QStringLiteral("PN"));
            }
            number.dateCreated = now;
            numbers_.append(number);
        }
        reindex();
    }

    if (auto failure = commit(before)) {
        return failure->message;
    }
    return std::nullopt;
}

}  // namespace mrc
