#pragma once
// mini-restcomm's persistent configuration: account credentials, SIP realm, clients,
// incoming numbers and applications, kept in <dataDirectory>/store.json.
//
// Every mutation writes the whole file atomically (QSaveFile); when the write fails the
// in-memory state is rolled back, so memory and disk never disagree. Pointers returned by
// the lookup methods stay valid until the next mutation.
#include "restcomm/store_types.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace mrc {

struct ConfigDocument;

struct StoreFailure {
    enum class Kind {
        Conflict,  // duplicate login/number/sid, or an entry still referenced
        NotFound,  // no entry with that sid
        Invalid,   // a reference to an application that does not exist
        Io,        // the file could not be written (nothing changed)
    };
    Kind kind;
    QString message;  // readable, says what failed
    QString field;    // Restcomm form field name concerned (e.g. "Login"), may be empty
};
using StoreResult = std::optional<StoreFailure>;  // nullopt = done and saved

// One string field of a record: its snake_case JSON name, its CamelCase form name and what
// kind of value it holds. Shared by the store file, the REST API and config import.
enum class FieldKind { Text, AppReference, Method, ApplicationSid };
template <typename Record>
struct StringField {
    const char *snakeName;
    const char *camelName;
    QString Record::*member;
    FieldKind kind;
};
const QList<StringField<IncomingNumber>> &incomingNumberStringFields();
const QList<StringField<Client>> &clientStringFields();  // all but login/password

class Store {
  public:
    explicit Store(QString dataDirectory);

    QString filePath() const;
    // Reads store.json. A missing file gives an empty store (fresh account credentials, realm
    // 127.0.0.1). A corrupt file gives an error naming the file and the fault; then nothing
    // in memory changes and the file is left as it is.
    std::optional<QString> load();
    // Writes the current state now (mutations already do this); error text on failure.
    std::optional<QString> save() const;

    bool isEmpty() const;  // no clients, numbers nor applications

    QString accountSid() const { return accountSid_; }
    QString authToken() const { return authToken_; }
    StoreResult setAccount(const QString &accountSid, const QString &authToken);
    QString realm() const { return realm_; }
    // Recomputes every client's HA1 from its kept clear password.
    StoreResult setRealm(const QString &realm);

    const QList<Client> &clients() const { return clients_; }
    const Client *clientByLogin(const QString &login) const;
    const Client *clientBySid(const QString &sid) const;
    // Fills sid, dates and passwordHa1. Conflict when the login exists.
    std::variant<Client, StoreFailure> addClient(Client client);
    // Replaces the client with the same sid (dateCreated kept, dateUpdated now, HA1 recomputed).
    std::variant<Client, StoreFailure> updateClient(Client client);
    StoreResult removeClient(const QString &sid);

    const QList<IncomingNumber> &numbers() const { return numbers_; }
    const IncomingNumber *numberBySid(const QString &sid) const;
    const IncomingNumber *numberByPhone(const QString &phoneNumber) const;  // verbatim
    // The number a call to `dialled` reaches (numbers.h rules), or nullopt.
    std::optional<IncomingNumber> matchNumber(const QString &dialled) const;
    std::variant<IncomingNumber, StoreFailure> addNumber(IncomingNumber number);
    std::variant<IncomingNumber, StoreFailure> updateNumber(IncomingNumber number);
    StoreResult removeNumber(const QString &sid);

    const QList<Application> &applications() const { return applications_; }
    const Application *applicationBySid(const QString &sid) const;
    std::variant<Application, StoreFailure> addApplication(Application application);
    std::variant<Application, StoreFailure> updateApplication(Application application);
    // Conflict while a number or client still points at it.
    StoreResult removeApplication(const QString &sid);

    // The URL to fetch for an app reference. `applicationSid` set: that Application's rcml_url
    // (empty when no such application). Otherwise `urlOrName`: absolute http(s) URL as is; a
    // path starting with '/' -> httpBase + path; a bare RVD app name -> httpBase +
    // "/restcomm-rvd/services/apps/<name>/controller"; empty or anything else -> empty.
    QString resolveAppUrl(const QString &urlOrName, const QString &applicationSid,
                          const QString &httpBase) const;

    // Imports a parsed config document, all or nothing, with one save: applications replace
    // those with the same sid, clients those with the same login, numbers those with the same
    // phone number (keeping their sid and creation date). Error text names the entry and field.
    std::optional<QString> apply(const ConfigDocument &document);

  private:
    struct Snapshot;
    Snapshot snapshot() const;
    void restore(const Snapshot &snapshot);
    // Saves; on failure restores `before` and returns an Io failure.
    StoreResult commit(const Snapshot &before);
    void reindex();
    std::optional<QString> checkApplicationRefs(const IncomingNumber &number) const;
    std::optional<QString> checkApplicationRefs(const Client &client) const;

    QString directory_;
    QString accountSid_;
    QString authToken_;
    QString realm_;
    QList<Client> clients_;
    QList<IncomingNumber> numbers_;
    QList<Application> applications_;
    QHash<QString, qsizetype> clientByLogin_;
    QHash<QString, qsizetype> clientBySid_;
    QHash<QString, qsizetype> numberByPhone_;
    QHash<QString, qsizetype> numberBySid_;
    QHash<QString, qsizetype> applicationBySid_;
};

}  // namespace mrc
