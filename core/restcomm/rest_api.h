#pragma once
// Restcomm-style REST API over the Store and the CallRegistry (pure request -> response).
//
// Paths: /restcomm/2012-04-24/Accounts/{AccountSid}/ (the same paths without the /restcomm
// prefix also work, since the "uri" values Restcomm prints omit it) followed by
//   Clients[.json]                 GET list (filters Login, FriendlyName), POST create
//   Clients/{CLsid}[.json]         GET, POST/PUT update, DELETE (204)
//   IncomingPhoneNumbers[.json], IncomingPhoneNumbers/Local[.json]
//                                  GET list (filters PhoneNumber, FriendlyName; Page, PageSize),
//                                  POST create
//   IncomingPhoneNumbers/{PNsid}[.json]   GET, POST/PUT update, DELETE (204)
//   Applications[.json]            GET list (filter FriendlyName), POST create
//   Applications/{APsid}[.json]    GET, POST/PUT update, DELETE (204)
//   Calls[.json]                   GET list (filters Status, From, To; Page, PageSize)
//   Calls/{CAsid}[.json]           GET
//   Supervisor.json/metrics        GET (restcomm-behaviour.md §7.4)
// Output is always JSON (Restcomm answers XML without .json; we do not speak XML).
//
// List shapes, as Restcomm's list converters print them: IncomingPhoneNumbers and Calls give a
// page object (page, num_pages, page_size, total, start, end, uri, first/previous/next/last
// page uris, then "incomingPhoneNumbers" or "calls"); Clients and Applications give a bare
// array. Unlike Restcomm, absent page uris are JSON null rather than the string "null".
// Filters compare whole values; '*' in a filter matches any run of characters.
//
// Status codes: 401 + WWW-Authenticate: Basic realm="Restcomm" when the Basic credentials are
// missing or are not AccountSid:AuthToken; 404 when the AccountSid in the path is not ours
// (there is only one account, so another one does not exist), for unknown paths and sids;
// 400 {"message","field"} for bad input: a required field missing, a bad URL/method/boolean,
// an *ApplicationSid naming no application, a duplicate PhoneNumber or Login (create or
// update); 405 (+ Allow) for a method the path does not take; 409 when deleting an
// application still used by a number or client; 500 when the store cannot be written
// (nothing changed). Create answers 201 with the new resource; DELETE answers 204.
// Update: only the fields sent change; a field sent empty is cleared to null (a *Method sent
// empty returns to POST), so an empty ReferUrl / ReferApplicationSid removes the refer app.
#include "restcomm/call_registry.h"
#include "restcomm/http_types.h"
#include "restcomm/store.h"

#include <QJsonValue>
#include <QList>
#include <QPair>

#include <functional>

namespace mrc {

// A JSON object that keeps its keys in insertion order (QJsonObject sorts them), so the output
// matches Restcomm's converters key for key.
class OrderedJsonObject {
  public:
    OrderedJsonObject &insert(const QString &key, const QJsonValue &value);
    OrderedJsonObject &insert(const QString &key, const OrderedJsonObject &object);
    OrderedJsonObject &insert(const QString &key, const QList<OrderedJsonObject> &array);
    // Empty string -> null, as Restcomm prints unset fields.
    OrderedJsonObject &insertNullable(const QString &key, const QString &value);
    QByteArray toJson() const;  // compact

  private:
    QList<QPair<QString, QByteArray>> members_;  // key, serialized value
};
QByteArray toJsonArray(const QList<OrderedJsonObject> &array);

// Resources as the API prints them (snake_case keys in Restcomm's order).
OrderedJsonObject incomingNumberJson(const IncomingNumber &number, const Store &store);
OrderedJsonObject clientJson(const Client &client, const Store &store);
OrderedJsonObject applicationJson(const Application &application, const Store &store);
OrderedJsonObject callJson(const CallRecord &call, const QString &accountSid);

class RestApi {
  public:
    RestApi(Store &store, CallRegistry &calls);

    void setInstanceId(const QString &instanceId) { instanceId_ = instanceId; }
    // Source of the RegisteredUsers metric (the registrar knows it); 0 when unset.
    void setRegisteredUsersCounter(std::function<int()> counter) {
        registeredUsers_ = std::move(counter);
    }

    HttpResponse handle(const HttpRequest &request);

  private:
    HttpResponse handleClients(const HttpRequest &request, const QStringList &segments);
    HttpResponse handleNumbers(const HttpRequest &request, const QStringList &segments);
    HttpResponse handleApplications(const HttpRequest &request, const QStringList &segments);
    HttpResponse handleCalls(const HttpRequest &request, const QStringList &segments);
    HttpResponse handleMetrics(const HttpRequest &request);
    bool authorized(const HttpRequest &request) const;

    Store &store_;
    CallRegistry &calls_;
    QString instanceId_;
    std::function<int()> registeredUsers_;
};

}  // namespace mrc
