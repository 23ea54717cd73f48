#include "restcomm/rest_api.h"

#include "restcomm/form_encoding.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace mrc {

// ---- ordered JSON ---------------------------------------------------------------------------

namespace {
QByteArray serializeValue(const QJsonValue &value) {
    // QJsonDocument cannot hold a bare scalar: wrap it in an array and strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}
QByteArray serializeKey(const QString &key) {
    return serializeValue(QJsonValue(key));
}
}  // namespace

OrderedJsonObject &OrderedJsonObject::insert(const QString &key, const QJsonValue &value) {
    members_.append({key, serializeValue(value)});
    return *this;
}

OrderedJsonObject &OrderedJsonObject::insert(const QString &key, const OrderedJsonObject &object) {
    members_.append({key, object.toJson()});
    return *this;
}

OrderedJsonObject &OrderedJsonObject::insert(const QString &key,
                                             const QList<OrderedJsonObject> &array) {
    members_.append({key, toJsonArray(array)});
    return *this;
}

OrderedJsonObject &OrderedJsonObject::insertNullable(const QString &key, const QString &value) {
    return insert(key, value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value));
}

QByteArray OrderedJsonObject::toJson() const {
    QByteArray out = "{";
    for (const auto &[key, value] : members_) {
        if (out.size() > 1) {
            out += ',';
        }
        out += serializeKey(key) + ':' + value;
    }
    return out + '}';
}

QByteArray toJsonArray(const QList<OrderedJsonObject> &array) {
    QByteArray out = "[";
    for (const OrderedJsonObject &object : array) {
        if (out.size() > 1) {
            out += ',';
        }
        out += object.toJson();
    }
    return out + ']';
}

// ---- resource converters --------------------------------------------------------------------

namespace {

QString accountPrefix(const QString &accountSid) {
    return QStringLiteral("/%1/Accounts/%2").arg(QLatin1StringView(kApiVersion), accountSid);
}

// Adds "<kind>_application_sid" and, when set, "<kind>_application_name" (Restcomm adds the
// name only for a non-null sid).
void insertApplication(OrderedJsonObject &json, const QString &kind, const QString &sid,
                       const Store &store) {
    json.insertNullable(kind + QStringLiteral("_application_sid"), sid);
    if (!sid.isEmpty()) {
        const Application *application = store.applicationBySid(sid);
        json.insertNullable(kind + QStringLiteral("_application_name"),
                            application ? application->friendlyName : QString());
    }
}

}  // namespace

OrderedJsonObject incomingNumberJson(const IncomingNumber &number, const Store &store) {
    OrderedJsonObject json;
    json.insert(QStringLiteral("sid"), number.sid)
        .insert(QStringLiteral("account_sid"), store.accountSid())
        .insertNullable(QStringLiteral("friendly_name"), number.friendlyName)
        .insert(QStringLiteral("phone_number"), number.phoneNumber)
        .insertNullable(QStringLiteral("voice_url"), number.voiceUrl)
        .insert(QStringLiteral("voice_method"), number.voiceMethod)
        .insertNullable(QStringLiteral("voice_fallback_url"), number.voiceFallbackUrl)
        .insert(QStringLiteral("voice_fallback_method"), number.voiceFallbackMethod)
        .insertNullable(QStringLiteral("status_callback"), number.statusCallback)
        .insert(QStringLiteral("status_callback_method"), number.statusCallbackMethod)
        .insert(QStringLiteral("voice_caller_id_lookup"), number.voiceCallerIdLookup);
    insertApplication(json, QStringLiteral("voice"), number.voiceApplicationSid, store);
    json.insert(QStringLiteral("date_created"), restcommDate(number.dateCreated))
        .insert(QStringLiteral("date_updated"), restcommDate(number.dateUpdated))
        .insertNullable(QStringLiteral("sms_url"), number.smsUrl)
        .insert(QStringLiteral("sms_method"), number.smsMethod)
        .insertNullable(QStringLiteral("sms_fallback_url"), number.smsFallbackUrl)
        .insert(QStringLiteral("sms_fallback_method"), number.smsFallbackMethod);
    insertApplication(json, QStringLiteral("sms"), number.smsApplicationSid, store);
    json.insertNullable(QStringLiteral("ussd_url"), number.ussdUrl)
        .insert(QStringLiteral("ussd_method"), number.ussdMethod)
        .insertNullable(QStringLiteral("ussd_fallback_url"), number.ussdFallbackUrl)
        .insert(QStringLiteral("ussd_fallback_method"), number.ussdFallbackMethod);
    insertApplication(json, QStringLiteral("ussd"), number.ussdApplicationSid, store);
    json.insertNullable(QStringLiteral("refer_url"), number.referUrl)
        .insert(QStringLiteral("refer_method"), number.referMethod);
    insertApplication(json, QStringLiteral("refer"), number.referApplicationSid, store);
    OrderedJsonObject capabilities;
    capabilities.insert(QStringLiteral("voice_capable"), number.capabilities.voice)
        .insert(QStringLiteral("sms_capable"), number.capabilities.sms)
        .insert(QStringLiteral("mms_capable"), number.capabilities.mms)
        .insert(QStringLiteral("fax_capable"), number.capabilities.fax);
    json.insert(QStringLiteral("capabilities"), capabilities)
        .insert(QStringLiteral("api_version"), QString::fromLatin1(kApiVersion))
        .insert(QStringLiteral("uri"),
                accountPrefix(store.accountSid()) +
                    QStringLiteral("/IncomingPhoneNumbers/%1.json").arg(number.sid));
    return json;
}

OrderedJsonObject clientJson(const Client &client, const Store &store) {
    OrderedJsonObject json;
    json.insert(QStringLiteral("sid"), client.sid)
        .insert(QStringLiteral("date_created"), restcommDate(client.dateCreated))
        .insert(QStringLiteral("date_updated"), restcommDate(client.dateUpdated))
        .insert(QStringLiteral("account_sid"), store.accountSid())
        .insert(QStringLiteral("api_version"), QString::fromLatin1(kApiVersion))
        .insertNullable(QStringLiteral("friendly_name"), client.friendlyName)
        .insert(QStringLiteral("login"), client.login)
        // Restcomm shows the stored digest HA1, never the clear password.
        .insert(QStringLiteral("password"), client.passwordHa1)
        .insert(QStringLiteral("password_algorithm"), QStringLiteral("md5"))
        .insert(QStringLiteral("status"), QString::number(client.status))
        .insertNullable(QStringLiteral("voice_url"), client.voiceUrl)
        .insert(QStringLiteral("voice_method"), client.voiceMethod)
        .insertNullable(QStringLiteral("voice_fallback_url"), client.voiceFallbackUrl)
        .insert(QStringLiteral("voice_fallback_method"), client.voiceFallbackMethod)
        .insertNullable(QStringLiteral("voice_application_sid"), client.voiceApplicationSid)
        .insert(QStringLiteral("uri"), accountPrefix(store.accountSid()) +
                                           QStringLiteral("/Clients/%1.json").arg(client.sid))
        .insert(QStringLiteral("push_client_identity"), QJsonValue(QJsonValue::Null));
    return json;
}

OrderedJsonObject applicationJson(const Application &application, const Store &store) {
    OrderedJsonObject json;
    json.insert(QStringLiteral("sid"), application.sid)
        .insert(QStringLiteral("date_created"), restcommDate(application.dateCreated))
        .insert(QStringLiteral("date_updated"), restcommDate(application.dateUpdated))
        .insertNullable(QStringLiteral("friendly_name"), application.friendlyName)
        .insert(QStringLiteral("account_sid"), store.accountSid())
        .insert(QStringLiteral("api_version"), QString::fromLatin1(kApiVersion))
        .insert(QStringLiteral("voice_caller_id_lookup"), false)
        .insert(QStringLiteral("uri"),
                accountPrefix(store.accountSid()) +
                    QStringLiteral("/Applications/%1.json").arg(application.sid))
        .insertNullable(QStringLiteral("rcml_url"), application.rcmlUrl)
        .insert(QStringLiteral("kind"), application.kind);
    return json;
}

OrderedJsonObject callJson(const CallRecord &call, const QString &accountSid) {
    auto dateOrNull = [](const QDateTime &when) {
        return when.isValid() ? QJsonValue(restcommDate(when)) : QJsonValue(QJsonValue::Null);
    };
    OrderedJsonObject json;
    json.insert(QStringLiteral("sid"), call.sid)
        .insert(QStringLiteral("date_created"), dateOrNull(call.dateCreated))
        .insert(QStringLiteral("date_updated"), dateOrNull(call.dateUpdated))
        .insertNullable(QStringLiteral("parent_call_sid"), call.parentSid)
        .insert(QStringLiteral("account_sid"),
                call.accountSid.isEmpty() ? accountSid : call.accountSid)
        .insert(QStringLiteral("to"), call.to)
        .insert(QStringLiteral("from"), call.from)
        .insert(QStringLiteral("status"), callStatusName(call.status))
        .insert(QStringLiteral("start_time"), dateOrNull(call.startTime))
        .insert(QStringLiteral("end_time"), dateOrNull(call.endTime))
        .insert(QStringLiteral("duration"), call.duration)
        .insert(QStringLiteral("direction"), callDirectionName(call.direction))
        .insert(QStringLiteral("api_version"), QString::fromLatin1(kApiVersion))
        .insertNullable(QStringLiteral("caller_name"), call.callerName)
        .insert(QStringLiteral("uri"),
                accountPrefix(accountSid) + QStringLiteral("/Calls/%1.json").arg(call.sid));
    return json;
}

// ---- request helpers ------------------------------------------------------------------------

namespace {

struct FieldError {
    QString message;
    QString field;
};

HttpResponse jsonResponse(int status, const QByteArray &body) {
    HttpResponse response;
    response.status = status;
    response.body = body;
    return response;
}

HttpResponse errorResponse(int status, const QString &message, const QString &field = {}) {
    OrderedJsonObject json;
    json.insert(QStringLiteral("message"), message);
    if (status == 400) {
        json.insertNullable(QStringLiteral("field"), field);
    }
    return jsonResponse(status, json.toJson());
}

HttpResponse fieldError(const FieldError &error) {
    return errorResponse(400, error.message, error.field);
}

HttpResponse methodNotAllowed(const QByteArray &allowed) {
    HttpResponse response = errorResponse(405, QStringLiteral("method not allowed here"));
    response.headers.append(qMakePair(QByteArray("Allow"), allowed));
    return response;
}

HttpResponse storeFailure(const StoreFailure &failure) {
    switch (failure.kind) {
        case StoreFailure::Kind::Conflict:
            // Duplicates are bad input (400, with the field); an application still in use is a
            // conflict with the current state (409).
            return failure.field.isEmpty() ? errorResponse(409, failure.message)
                                           : errorResponse(400, failure.message, failure.field);
        case StoreFailure::Kind::NotFound:
            return errorResponse(404, failure.message);
        case StoreFailure::Kind::Invalid:
            return errorResponse(400, failure.message, failure.field);
        case StoreFailure::Kind::Io:
            return errorResponse(500, failure.message);
    }
    return errorResponse(500, failure.message);
}

HttpResponse noContent() {
    HttpResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

// Whole-value match where '*' stands for any run of characters.
bool wildcardMatch(const QString &pattern, const QString &value) {
    if (!pattern.contains(u'*')) {
        return pattern == value;
    }
    QStringList parts = pattern.split(u'*');
    for (QString &part : parts) {
        part = QRegularExpression::escape(part);
    }
    const QRegularExpression expression(
        QRegularExpression::anchoredPattern(parts.join(QStringLiteral(".*"))));
    return expression.match(value).hasMatch();
}

bool passesFilter(const Params &query, const QString &name, const QString &value) {
    return !hasParam(query, name) || wildcardMatch(paramValue(query, name), value);
}

std::optional<bool> parseBool(const QString &text) {
    if (text.compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0) {
        return true;
    }
    if (text.compare(QStringLiteral("false"), Qt::CaseInsensitive) == 0) {
        return false;
    }
    return std::nullopt;
}

std::variant<Params, FieldError> formOf(const HttpRequest &request) {
    if (!request.contentType.isEmpty() &&
        request.contentType != "application/x-www-form-urlencoded") {
        return FieldError{
            QStringLiteral("expected an application/x-www-form-urlencoded body, got %1")
                .arg(QString::fromLatin1(request.contentType)),
            {}};
    }
    return formDecode(request.body);
}

// Applies the string fields of `fields` present in `form` to `record`, validating each.
template <typename Record>
std::optional<FieldError> applyStringFields(const Params &form, Record &record,
                                            const QList<StringField<Record>> &fields,
                                            const Store &store) {
    for (const auto &field : fields) {
        const QString name = QString::fromLatin1(field.camelName);
        if (!hasParam(form, name)) {
            continue;
        }
        const QString value = paramValue(form, name).trimmed();
        QString &target = record.*field.member;
        switch (field.kind) {
            case FieldKind::Text:
                target = value;
                break;
            case FieldKind::AppReference:
                if (!value.isEmpty() && !isAppReference(value)) {
                    return FieldError{QStringLiteral("%1 is not an http(s) URL, a path starting "
                                                     "with / or an RVD app name: %2")
                                          .arg(name, value),
                                      name};
                }
                target = value;
                break;
            case FieldKind::Method:
                if (value.isEmpty()) {
                    target = QString::fromLatin1(kDefaultHttpMethod);
                } else if (!isHttpMethod(value, &target)) {
                    return FieldError{
                        QStringLiteral("%1 must be GET or POST, not %2").arg(name, value), name};
                }
                break;
            case FieldKind::ApplicationSid:
                if (!value.isEmpty() && !store.applicationBySid(value)) {
                    return FieldError{QStringLiteral("%1: no application %2").arg(name, value),
                                      name};
                }
                target = value;
                break;
        }
    }
    return std::nullopt;
}

std::optional<FieldError> applyBool(const Params &form, const QString &name, bool &target) {
    if (!hasParam(form, name)) {
        return std::nullopt;
    }
    const auto parsed = parseBool(paramValue(form, name).trimmed());
    if (!parsed) {
        return FieldError{QStringLiteral("%1 must be true or false").arg(name), name};
    }
    target = *parsed;
    return std::nullopt;
}

std::optional<FieldError> applyNumberForm(const Params &form, IncomingNumber &number,
                                          const Store &store, bool creating) {
    if (creating || hasParam(form, QStringLiteral("PhoneNumber"))) {
        const QString phone = paramValue(form, QStringLiteral("PhoneNumber")).trimmed();
        if (phone.isEmpty()) {
            return FieldError{QStringLiteral("PhoneNumber is required (AreaCode purchase is not "
                                             "supported: numbers are pure SIP numbers)"),
                              QStringLiteral("PhoneNumber")};
        }
        number.phoneNumber = phone;
    }
    if (auto error = applyStringFields(form, number, incomingNumberStringFields(), store)) {
        return error;
    }
    const QList<QPair<QString, bool *>> booleans = {
        {QStringLiteral("VoiceCallerIdLookup"), &number.voiceCallerIdLookup},
        {QStringLiteral("VoiceCapable"), &number.capabilities.voice},
        {QStringLiteral("SmsCapable"), &number.capabilities.sms},
        {QStringLiteral("MmsCapable"), &number.capabilities.mms},
        {QStringLiteral("FaxCapable"), &number.capabilities.fax},
    };
    for (const auto &[name, target] : booleans) {
        if (auto error = applyBool(form, name, *target)) {
            return error;
        }
    }
    return std::nullopt;
}

std::optional<FieldError> applyClientForm(const Params &form, Client &client, const Store &store,
                                          bool creating) {
    for (const char *required : {"Login", "Password"}) {
        const QString name = QString::fromLatin1(required);
        if ((creating || hasParam(form, name)) && paramValue(form, name).isEmpty()) {
            return FieldError{QStringLiteral("%1 is required").arg(name), name};
        }
    }
    if (hasParam(form, QStringLiteral("Login"))) {
        client.login = paramValue(form, QStringLiteral("Login")).trimmed();
        if (!isValidLogin(client.login)) {
            return FieldError{
                QStringLiteral("Login may hold only letters, digits and -._~+!$&'()*,;="),
                QStringLiteral("Login")};
        }
    }
    if (hasParam(form, QStringLiteral("Password"))) {
        client.password = paramValue(form, QStringLiteral("Password"));
    }
    if (hasParam(form, QStringLiteral("Status"))) {
        const QString status = paramValue(form, QStringLiteral("Status")).trimmed();
        if (status != u"0" && status != u"1") {
            return FieldError{QStringLiteral("Status must be 0 (disabled) or 1 (enabled)"),
                              QStringLiteral("Status")};
        }
        client.status = status.toInt();
    }
    return applyStringFields(form, client, clientStringFields(), store);
}

std::optional<FieldError> applyApplicationForm(const Params &form, Application &application,
                                               bool creating) {
    if (creating || hasParam(form, QStringLiteral("FriendlyName"))) {
        const QString name = paramValue(form, QStringLiteral("FriendlyName")).trimmed();
        if (name.isEmpty()) {
            return FieldError{QStringLiteral("FriendlyName is required"),
                              QStringLiteral("FriendlyName")};
        }
        application.friendlyName = name;
    }
    if (hasParam(form, QStringLiteral("RcmlUrl"))) {
        const QString url = paramValue(form, QStringLiteral("RcmlUrl")).trimmed();
        if (!url.isEmpty() && !isAppReference(url)) {
            return FieldError{
                QStringLiteral("RcmlUrl is not an http(s) URL, a path starting with / or an RVD "
                               "app name: %1")
                    .arg(url),
                QStringLiteral("RcmlUrl")};
        }
        application.rcmlUrl = url;
    }
    if (hasParam(form, QStringLiteral("Kind"))) {
        const QString kind = paramValue(form, QStringLiteral("Kind")).trimmed().toLower();
        if (kind != u"voice" && kind != u"sms" && kind != u"ussd") {
            return FieldError{QStringLiteral("Kind must be voice, sms or ussd"),
                              QStringLiteral("Kind")};
        }
        application.kind = kind;
    }
    return std::nullopt;
}

struct Paging {
    int page = 0;
    int pageSize = 50;
};

std::variant<Paging, FieldError> pagingOf(const Params &query) {
    Paging paging;
    for (const auto &[name, target, minimum] :
         {std::tuple{QStringLiteral("Page"), &paging.page, 0},
          std::tuple{QStringLiteral("PageSize"), &paging.pageSize, 1}}) {
        if (!hasParam(query, name)) {
            continue;
        }
        bool ok = false;
        const int value = paramValue(query, name).toInt(&ok);
        if (!ok || value < minimum || value > 1000000) {
            return FieldError{
                QStringLiteral("%1 must be a whole number >= %2").arg(name).arg(minimum), name};
        }
        *target = value;
    }
    paging.pageSize = std::min(paging.pageSize, 1000);
    return paging;
}

// Restcomm's page object around `items` (all matching entries; this picks the page).
QByteArray pageJson(const QString &listKey, const QString &pathUri, const Paging &paging,
                    const QList<OrderedJsonObject> &items) {
    const int total = static_cast<int>(items.size());
    const int pages = std::max(1, (total + paging.pageSize - 1) / paging.pageSize);
    const int start = paging.page * paging.pageSize;
    const QList<OrderedJsonObject> pageItems =
        start < total ? items.mid(start, paging.pageSize) : QList<OrderedJsonObject>();
    auto pageUri = [&](int page) {
        return QJsonValue(
            QStringLiteral("%1?Page=%2&PageSize=%3").arg(pathUri).arg(page).arg(paging.pageSize));
    };
    OrderedJsonObject json;
    json.insert(QStringLiteral("page"), paging.page)
        .insert(QStringLiteral("num_pages"), pages)
        .insert(QStringLiteral("page_size"), paging.pageSize)
        .insert(QStringLiteral("total"), total)
        .insert(QStringLiteral("start"), start)
        .insert(QStringLiteral("end"), start + static_cast<int>(pageItems.size()))
        .insert(QStringLiteral("uri"), pathUri)
        .insert(QStringLiteral("first_page_uri"), pageUri(0))
        .insert(QStringLiteral("previous_page_uri"),
                paging.page > 0 ? pageUri(paging.page - 1) : QJsonValue(QJsonValue::Null))
        .insert(QStringLiteral("next_page_uri"),
                paging.page + 1 < pages ? pageUri(paging.page + 1) : QJsonValue(QJsonValue::Null))
        .insert(QStringLiteral("last_page_uri"), pageUri(pages - 1))
        .insert(listKey, pageItems);
    return json.toJson();
}

bool isWrite(const QString &method) {
    return method == u"POST" || method == u"PUT";
}

}  // namespace

// ---- RestApi --------------------------------------------------------------------------------

RestApi::RestApi(Store &store, CallRegistry &calls) : store_(store), calls_(calls) {}

bool RestApi::authorized(const HttpRequest &request) const {
    const QByteArray header = request.header("Authorization").trimmed();
    if (!header.startsWith("Basic ") && !header.startsWith("basic ")) {
        return false;
    }
    const QByteArray credentials = QByteArray::fromBase64(header.mid(6).trimmed());
    return credentials == (store_.accountSid() + u':' + store_.authToken()).toUtf8();
}

HttpResponse RestApi::handle(const HttpRequest &request) {
    static const QStringList prefixes = {QStringLiteral("/restcomm/2012-04-24/Accounts/"),
                                         QStringLiteral("/2012-04-24/Accounts/")};
    QString rest;
    for (const QString &prefix : prefixes) {
        if (request.path.startsWith(prefix)) {
            rest = request.path.mid(prefix.size());
            break;
        }
    }
    if (rest.isEmpty()) {
        return errorResponse(404, QStringLiteral("no such resource: %1").arg(request.path));
    }
    if (!authorized(request)) {
        HttpResponse response = errorResponse(
            401, QStringLiteral("authentication required: HTTP Basic with AccountSid:AuthToken"));
        response.headers.append(
            qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Basic realm=\"Restcomm\"")));
        return response;
    }
    QStringList segments = rest.split(u'/', Qt::SkipEmptyParts);
    for (QString &segment : segments) {
        if (segment.endsWith(QStringLiteral(".json"))) {
            segment.chop(5);
        }
    }
    if (segments.isEmpty() || segments.first() != store_.accountSid()) {
        return errorResponse(404, QStringLiteral("no account %1").arg(segments.value(0)));
    }
    segments.removeFirst();
    const QString resource = segments.value(0);
    if (resource == u"Clients") {
        return handleClients(request, segments.mid(1));
    }
    if (resource == u"IncomingPhoneNumbers") {
        return handleNumbers(request, segments.mid(1));
    }
    if (resource == u"Applications") {
        return handleApplications(request, segments.mid(1));
    }
    if (resource == u"Calls") {
        return handleCalls(request, segments.mid(1));
    }
    if (resource == u"Supervisor" && segments.size() == 2 && segments[1] == u"metrics") {
        return handleMetrics(request);
    }
    return errorResponse(404, QStringLiteral("no such resource: %1").arg(request.path));
}

HttpResponse RestApi::handleClients(const HttpRequest &request, const QStringList &segments) {
    if (segments.isEmpty()) {
        if (request.method == u"GET") {
            QList<OrderedJsonObject> items;
            for (const Client &client : store_.clients()) {
                if (passesFilter(request.query, QStringLiteral("Login"), client.login) &&
                    passesFilter(request.query, QStringLiteral("FriendlyName"),
                                 client.friendlyName)) {
                    items.append(clientJson(client, store_));
                }
            }
            return jsonResponse(200, toJsonArray(items));
        }
        if (request.method != u"POST") {
            return methodNotAllowed("GET, POST");
        }
        const auto form = formOf(request);
        if (const auto *error = std::get_if<FieldError>(&form)) {
            return fieldError(*error);
        }
        Client client;
        client.friendlyName = paramValue(std::get<Params>(form), QStringLiteral("Login"));
        if (auto error = applyClientForm(std::get<Params>(form), client, store_, true)) {
            return fieldError(*error);
        }
        auto result = store_.addClient(client);
        if (const auto *failure = std::get_if<StoreFailure>(&result)) {
            return storeFailure(*failure);
        }
        return jsonResponse(201, clientJson(std::get<Client>(result), store_).toJson());
    }
    if (segments.size() != 1) {
        return errorResponse(404, QStringLiteral("no such resource: %1").arg(request.path));
    }
    const Client *existing = store_.clientBySid(segments[0]);
    if (!existing) {
        return errorResponse(404, QStringLiteral("no client %1").arg(segments[0]));
    }
    if (request.method == u"GET") {
        return jsonResponse(200, clientJson(*existing, store_).toJson());
    }
    if (request.method == u"DELETE") {
        if (auto failure = store_.removeClient(existing->sid)) {
            return storeFailure(*failure);
        }
        return noContent();
    }
    if (!isWrite(request.method)) {
        return methodNotAllowed("GET, POST, PUT, DELETE");
    }
    const auto form = formOf(request);
    if (const auto *error = std::get_if<FieldError>(&form)) {
        return fieldError(*error);
    }
    Client client = *existing;
    if (auto error = applyClientForm(std::get<Params>(form), client, store_, false)) {
        return fieldError(*error);
    }
    auto result = store_.updateClient(client);
    if (const auto *failure = std::get_if<StoreFailure>(&result)) {
        return storeFailure(*failure);
    }
    return jsonResponse(200, clientJson(std::get<Client>(result), store_).toJson());
}

HttpResponse RestApi::handleNumbers(const HttpRequest &request, const QStringList &segments) {
    if (segments.isEmpty() || (segments.size() == 1 && segments[0] == u"Local")) {
        if (request.method == u"GET") {
            const auto paging = pagingOf(request.query);
            if (const auto *error = std::get_if<FieldError>(&paging)) {
                return fieldError(*error);
            }
            QList<OrderedJsonObject> items;
            for (const IncomingNumber &number : store_.numbers()) {
                if (passesFilter(request.query, QStringLiteral("PhoneNumber"),
                                 number.phoneNumber) &&
                    passesFilter(request.query, QStringLiteral("FriendlyName"),
                                 number.friendlyName)) {
                    items.append(incomingNumberJson(number, store_));
                }
            }
            const QString uri =
                accountPrefix(store_.accountSid()) + QStringLiteral("/IncomingPhoneNumbers.json");
            return jsonResponse(200, pageJson(QStringLiteral("incomingPhoneNumbers"), uri,
                                              std::get<Paging>(paging), items));
        }
        if (request.method != u"POST") {
            return methodNotAllowed("GET, POST");
        }
        const auto form = formOf(request);
        if (const auto *error = std::get_if<FieldError>(&form)) {
            return fieldError(*error);
        }
        IncomingNumber number;
        if (auto error = applyNumberForm(std::get<Params>(form), number, store_, true)) {
            return fieldError(*error);
        }
        if (number.friendlyName.isEmpty()) {
            number.friendlyName = number.phoneNumber;
        }
        auto result = store_.addNumber(number);
        if (const auto *failure = std::get_if<StoreFailure>(&result)) {
            return storeFailure(*failure);
        }
        return jsonResponse(201,
                            incomingNumberJson(std::get<IncomingNumber>(result), store_).toJson());
    }
    if (segments.size() != 1) {
        return errorResponse(404, QStringLiteral("no such resource: %1").arg(request.path));
    }
    const IncomingNumber *existing = store_.numberBySid(segments[0]);
    if (!existing) {
        return errorResponse(404, QStringLiteral("no incoming number %1").arg(segments[0]));
    }
    if (request.method == u"GET") {
        return jsonResponse(200, incomingNumberJson(*existing, store_).toJson());
    }
    if (request.method == u"DELETE") {
        if (auto failure = store_.removeNumber(existing->sid)) {
            return storeFailure(*failure);
        }
        return noContent();
    }
    if (!isWrite(request.method)) {
        return methodNotAllowed("GET, POST, PUT, DELETE");
    }
    const auto form = formOf(request);
    if (const auto *error = std::get_if<FieldError>(&form)) {
        return fieldError(*error);
    }
    IncomingNumber number = *existing;
    if (auto error = applyNumberForm(std::get<Params>(form), number, store_, false)) {
        return fieldError(*error);
    }
    auto result = store_.updateNumber(number);
    if (const auto *failure = std::get_if<StoreFailure>(&result)) {
        return storeFailure(*failure);
    }
    return jsonResponse(200, incomingNumberJson(std::get<IncomingNumber>(result), store_).toJson());
}

HttpResponse RestApi::handleApplications(const HttpRequest &request, const QStringList &segments) {
    if (segments.isEmpty()) {
        if (request.method == u"GET") {
            QList<OrderedJsonObject> items;
            for (const Application &application : store_.applications()) {
                if (passesFilter(request.query, QStringLiteral("FriendlyName"),
                                 application.friendlyName)) {
                    items.append(applicationJson(application, store_));
                }
            }
            return jsonResponse(200, toJsonArray(items));
        }
        if (request.method != u"POST") {
            return methodNotAllowed("GET, POST");
        }
        const auto form = formOf(request);
        if (const auto *error = std::get_if<FieldError>(&form)) {
            return fieldError(*error);
        }
        Application application;
        if (auto error = applyApplicationForm(std::get<Params>(form), application, true)) {
            return fieldError(*error);
        }
        auto result = store_.addApplication(application);
        if (const auto *failure = std::get_if<StoreFailure>(&result)) {
            return storeFailure(*failure);
        }
        return jsonResponse(201, applicationJson(std::get<Application>(result), store_).toJson());
    }
    if (segments.size() != 1) {
        return errorResponse(404, QStringLiteral("no such resource: %1").arg(request.path));
    }
    const Application *existing = store_.applicationBySid(segments[0]);
    if (!existing) {
        return errorResponse(404, QStringLiteral("no application %1").arg(segments[0]));
    }
    if (request.method == u"GET") {
        return jsonResponse(200, applicationJson(*existing, store_).toJson());
    }
    if (request.method == u"DELETE") {
        if (auto failure = store_.removeApplication(existing->sid)) {
            return storeFailure(*failure);
        }
        return noContent();
    }
    if (!isWrite(request.method)) {
        return methodNotAllowed("GET, POST, PUT, DELETE");
    }
    const auto form = formOf(request);
    if (const auto *error = std::get_if<FieldError>(&form)) {
        return fieldError(*error);
    }
    Application application = *existing;
    if (auto error = applyApplicationForm(std::get<Params>(form), application, false)) {
        return fieldError(*error);
    }
    auto result = store_.updateApplication(application);
    if (const auto *failure = std::get_if<StoreFailure>(&result)) {
        return storeFailure(*failure);
    }
    return jsonResponse(200, applicationJson(std::get<Application>(result), store_).toJson());
}

HttpResponse RestApi::handleCalls(const HttpRequest &request, const QStringList &segments) {
    if (request.method != u"GET") {
        // Restcomm creates outbound calls with POST Calls.json; the emulator does not.
        return methodNotAllowed("GET");
    }
    if (segments.isEmpty()) {
        const auto paging = pagingOf(request.query);
        if (const auto *error = std::get_if<FieldError>(&paging)) {
            return fieldError(*error);
        }
        std::optional<CallStatus> status;
        if (hasParam(request.query, QStringLiteral("Status"))) {
            status = callStatusFromString(paramValue(request.query, QStringLiteral("Status")));
            if (!status) {
                return fieldError(FieldError{QStringLiteral("Status must be one of queued, "
                                                            "ringing, in-progress, completed, "
                                                            "busy, failed, no-answer, canceled"),
                                             QStringLiteral("Status")});
            }
        }
        QList<OrderedJsonObject> items;
        for (const CallRecord &call : calls_.list()) {
            if ((!status || call.status == *status) &&
                passesFilter(request.query, QStringLiteral("From"), call.from) &&
                passesFilter(request.query, QStringLiteral("To"), call.to)) {
                items.append(callJson(call, store_.accountSid()));
            }
        }
        const QString uri = accountPrefix(store_.accountSid()) + QStringLiteral("/Calls.json");
        return jsonResponse(
            200, pageJson(QStringLiteral("calls"), uri, std::get<Paging>(paging), items));
    }
    const CallRecord *call = segments.size() == 1 ? calls_.find(segments[0]) : nullptr;
    if (!call) {
        return errorResponse(404, QStringLiteral("no call %1").arg(segments.join(u'/')));
    }
    return jsonResponse(200, callJson(*call, store_.accountSid()).toJson());
}

HttpResponse RestApi::handleMetrics(const HttpRequest &request) {
    if (request.method != u"GET") {
        return methodNotAllowed("GET");
    }
    const CallMetrics metrics = calls_.metrics();
    OrderedJsonObject counters;
    counters.insert(QStringLiteral("LiveCalls"), metrics.liveCalls)
        .insert(QStringLiteral("LiveIncomingCalls"), metrics.liveIncomingCalls)
        .insert(QStringLiteral("LiveOutgoingCalls"), metrics.liveOutgoingCalls)
        .insert(QStringLiteral("MaximumConcurrentCalls"), metrics.maximumConcurrentCalls)
        .insert(QStringLiteral("MaximumConcurrentIncomingCalls"),
                metrics.maximumConcurrentIncomingCalls)
        .insert(QStringLiteral("MaximumConcurrentOutgoingCalls"),
                metrics.maximumConcurrentOutgoingCalls)
        .insert(QStringLiteral("TotalCallsSinceUptime"), metrics.totalCallsSinceUptime)
        .insert(QStringLiteral("IncomingCallsSinceUptime"), metrics.incomingCallsSinceUptime)
        .insert(QStringLiteral("OutgoingCallsSinceUptime"), metrics.outgoingCallsSinceUptime)
        .insert(QStringLiteral("RegisteredUsers"), registeredUsers_ ? registeredUsers_() : 0)
        .insert(QStringLiteral("CompletedCalls"), metrics.completedCalls)
        .insert(QStringLiteral("FailedCalls"), metrics.failedCalls)
        .insert(QStringLiteral("BusyCalls"), metrics.busyCalls)
        .insert(QStringLiteral("CanceledCalls"), metrics.canceledCalls)
        .insert(QStringLiteral("NoAnswerCalls"), metrics.noAnswerCalls);
    QList<OrderedJsonObject> details;
    for (const CallRecord &call : calls_.liveCalls()) {
        OrderedJsonObject detail;
        detail.insert(QStringLiteral("sid"), call.sid)
            .insert(QStringLiteral("State"), stateName(call.status))
            .insert(QStringLiteral("direction"), callDirectionName(call.direction))
            .insert(QStringLiteral("date_created"), restcommDate(call.dateCreated))
            .insert(QStringLiteral("ForwardedFrom"), QJsonValue(QJsonValue::Null))
            .insertNullable(QStringLiteral("CallerName"), call.callerName)
            .insert(QStringLiteral("from"), call.from)
            .insert(QStringLiteral("to"), call.to);
        details.append(detail);
    }
    OrderedJsonObject json;
    json.insertNullable(QStringLiteral("InstanceId"), instanceId_)
        .insert(QStringLiteral("Version"), QStringLiteral("mini-restcomm"))
        .insert(QStringLiteral("Metrics"), counters)
        .insert(QStringLiteral("LiveCallDetails"), details);
    return jsonResponse(200, json.toJson());
}

}  // namespace mrc
