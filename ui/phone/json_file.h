#pragma once
// Reading and writing the small JSON state files of the phone (history, contacts, settings).
// Writes are atomic (QSaveFile), so a crash never leaves half a file; reads never fail hard:
// a missing file is an empty document and a damaged one is reported as a readable error.
#include <QJsonDocument>
#include <QString>

namespace phone {

struct JsonReadResult {
    QJsonDocument document;  // null when the file is missing or unreadable
    QString error;           // readable; empty when fine or when the file does not exist
};

JsonReadResult readJsonFile(const QString &path);
// Creates the parent folder if needed. Returns a readable error, empty on success.
QString writeJsonFileAtomically(const QString &path, const QJsonDocument &document);

}  // namespace phone
