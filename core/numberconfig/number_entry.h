#pragma once
// Value types of a number-config import: the entries read from a file, their problems, and the
// server state they are checked against. Pure data, no I/O.
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QSet>
#include <QString>

namespace numcfg {

// Ordered form parameters, as sent to the REST API.
using FormParams = QList<QPair<QString, QString>>;

enum class ImportFormat { RestcommJson, OwnExport, Csv };
QString formatName(ImportFormat format);

// One problem, located as precisely as the file allows. `field` is the column/key as written in
// the file (or the CamelCase name for server checks); empty when the whole entry is at fault.
struct Issue {
    QString location;  // "line 4", "incomingPhoneNumbers[2]", "header line 1, column 3"
    QString field;
    QString message;

    QString text() const;  // "line 4, VoiceUrl: not an http(s) URL..."
    bool operator==(const Issue &) const = default;
};

struct NumberEntry {
    QString location;  // where the entry starts in the file ("line 4" / "incomingPhoneNumbers[2]")
    QString fileSid;   // sid written in the file (informational: a server assigns its own)
    // Values given in the file, keyed by CamelCase name, already normalized. A field absent from
    // the map (or an empty CSV cell) is "not set".
    QMap<QString, QString> values;
    // How the file spelled each field it gave (CamelCase -> "refer_url", "capabilities.x"...),
    // so that later problems name the field as the user wrote it.
    QMap<QString, QString> writtenNames;
    QList<Issue> issues;  // problems found while reading the file

    QString phoneNumber() const { return values.value(QStringLiteral("PhoneNumber")); }
    QString writtenName(const QString &camelName) const {
        return writtenNames.value(camelName, camelName);
    }
    bool operator==(const NumberEntry &) const = default;
};

struct ImportDocument {
    ImportFormat format = ImportFormat::RestcommJson;
    QList<NumberEntry> entries;
    QList<Issue> fileIssues;  // problems not tied to one entry (syntax, header, sections)
    QStringList notes;        // harmless remarks (e.g. sections this dialog does not import)

    bool hasErrors() const;
    QList<Issue> allIssues() const;  // file issues, then each entry's, in file order
};

// A number as the server lists it (snake_case JSON object).
struct ServerNumber {
    QString sid;
    QString phoneNumber;
    QJsonObject json;
};

struct ServerApplication {
    QString sid;
    QString friendlyName;
    QString rcmlUrl;
    QString kind;
};

struct ServerSnapshot {
    QList<ServerNumber> numbers;
    QList<ServerApplication> applications;

    const ServerNumber *numberByPhone(const QString &phoneNumber) const;
    bool hasApplication(const QString &sid) const;
};

// A server JSON number as entry values (every settable field, CamelCase, nulls as empty).
QMap<QString, QString> valuesFromServerJson(const QJsonObject &json);

}  // namespace numcfg
