#include "ui/phone/json_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace phone {

JsonReadResult readJsonFile(const QString &path) {
    QFile file(path);
    if (!file.exists()) {
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return {{}, QStringLiteral("Cannot read %1: %2").arg(path, file.errorString())};
    }
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return {{},
                QStringLiteral("%1 is damaged at byte %2 (%3); it was ignored.")
                    .arg(path)
                    .arg(parseError.offset)
                    .arg(parseError.errorString())};
    }
    return {document, {}};
}

QString writeJsonFileAtomically(const QString &path, const QJsonDocument &document) {
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        return QStringLiteral("Cannot create the folder %1.").arg(folder);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    }
    file.write(document.toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return QStringLiteral("Cannot save %1: %2").arg(path, file.errorString());
    }
    return {};
}

}  // namespace phone
