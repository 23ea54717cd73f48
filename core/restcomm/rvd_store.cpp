#include "restcomm/rvd_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSaveFile>

namespace mrc {

namespace {

using Kind = RvdStoreError::Kind;

// Writes `contents` to `path` atomically; the error names the file.
std::optional<RvdStoreError> writeAtomically(const QString &path, const QByteArray &contents) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size() ||
        !file.commit()) {
        return RvdStoreError{Kind::Io,
                             QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    }
    return std::nullopt;
}

}  // namespace

RvdStore::RvdStore(QString dataDir) : dataDir_(std::move(dataDir)) {}

bool RvdStore::isValidName(const QString &name) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]+$"));
    return valid.match(name).hasMatch();
}

QString RvdStore::projectsDir() const {
    return QDir(dataDir_).filePath(QStringLiteral("rvd"));
}

QString RvdStore::projectDir(const QString &name) const {
    return QDir(projectsDir()).filePath(name);
}

QString RvdStore::stateFile(const QString &name) const {
    return QDir(projectDir(name)).filePath(QStringLiteral("state"));
}

QStringList RvdStore::list() const {
    QStringList names;
    const QStringList dirs =
        QDir(projectsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &dir : dirs) {
        if (isValidName(dir) && QFileInfo::exists(stateFile(dir))) {
            names.append(dir);
        }
    }
    return names;
}

bool RvdStore::contains(const QString &name) const {
    return isValidName(name) && QFileInfo::exists(stateFile(name));
}

std::variant<QJsonObject, RvdStoreError> RvdStore::state(const QString &name) const {
    if (!isValidName(name)) {
        return RvdStoreError{Kind::InvalidName,
                             QStringLiteral("invalid RVD project name '%1' (letters, digits, _ "
                                            "and - only)")
                                 .arg(name)};
    }
    const QString path = stateFile(name);
    QFile file(path);
    if (!file.exists()) {
        return RvdStoreError{Kind::NotFound, QStringLiteral("no RVD project '%1'").arg(name)};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return RvdStoreError{Kind::Io,
                             QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const QString why = parseError.error != QJsonParseError::NoError
                                ? QStringLiteral("invalid JSON at offset %1: %2")
                                      .arg(parseError.offset)
                                      .arg(parseError.errorString())
                                : QStringLiteral("not a JSON object");
        return RvdStoreError{Kind::Corrupt,
                             QStringLiteral("corrupt RVD project file %1: %2").arg(path, why)};
    }
    return document.object();
}

std::variant<rvd::Project, RvdStoreError> RvdStore::get(const QString &name) const {
    auto loaded = state(name);
    if (auto *error = std::get_if<RvdStoreError>(&loaded)) {
        return *error;
    }
    auto parsed = rvd::Project::fromState(std::get<QJsonObject>(loaded));
    if (auto *errors = std::get_if<rvd::ParseErrors>(&parsed)) {
        return RvdStoreError{Kind::Corrupt, QStringLiteral("corrupt RVD project file %1: %2")
                                                .arg(stateFile(name), errors->joined())};
    }
    return std::get<rvd::Project>(std::move(parsed));
}

std::optional<RvdStoreError> RvdStore::put(const QString &name, const QJsonObject &state) {
    if (!isValidName(name)) {
        return RvdStoreError{Kind::InvalidName,
                             QStringLiteral("invalid RVD project name '%1' (letters, digits, _ "
                                            "and - only)")
                                 .arg(name)};
    }
    const auto parsed = rvd::Project::fromState(state);
    if (const auto *errors = std::get_if<rvd::ParseErrors>(&parsed)) {
        return RvdStoreError{Kind::InvalidState,
                             QStringLiteral("RVD project '%1': %2").arg(name, errors->joined())};
    }
    const QString dataDir = QDir(projectDir(name)).filePath(QStringLiteral("data"));
    if (!QDir().mkpath(dataDir)) {
        return RvdStoreError{Kind::Io, QStringLiteral("cannot create directory %1").arg(dataDir)};
    }
    if (auto error = writeAtomically(stateFile(name), QJsonDocument(state).toJson())) {
        return error;
    }

    // RVD's build output, for tools that read a workspace: written after `state`, which is
    // the only file read back, so a failure here never leaves a half-updated project.
    QJsonArray nodeNames;
    const QJsonArray nodes = state.value(QStringLiteral("nodes")).toArray();
    QDir data(dataDir);
    for (const QString &stale : data.entryList({QStringLiteral("*.mod")}, QDir::Files)) {
        data.remove(stale);
    }
    for (const QJsonValue &node : nodes) {
        const QJsonObject nodeObject = node.toObject();
        const QString nodeName = nodeObject.value(QStringLiteral("name")).toString();
        nodeNames.append(
            QJsonObject{{QStringLiteral("name"), nodeName},
                        {QStringLiteral("label"), nodeObject.value(QStringLiteral("label"))}});
        if (isValidName(nodeName)) {  // a node name is a file name here
            if (auto error = writeAtomically(data.filePath(nodeName + QStringLiteral(".mod")),
                                             QJsonDocument(nodeObject).toJson())) {
                return error;
            }
        }
    }
    const QJsonObject index{
        {QStringLiteral("defaultTarget"),
         state.value(QStringLiteral("header")).toObject().value(QStringLiteral("startNodeName"))},
        {QStringLiteral("nodeNames"), nodeNames}};
    return writeAtomically(data.filePath(QStringLiteral("project")), QJsonDocument(index).toJson());
}

std::optional<RvdStoreError> RvdStore::remove(const QString &name) {
    if (!isValidName(name)) {
        return RvdStoreError{Kind::InvalidName,
                             QStringLiteral("invalid RVD project name '%1'").arg(name)};
    }
    QDir dir(projectDir(name));
    if (!dir.exists()) {
        return RvdStoreError{Kind::NotFound, QStringLiteral("no RVD project '%1'").arg(name)};
    }
    if (!dir.removeRecursively()) {
        return RvdStoreError{Kind::Io, QStringLiteral("cannot remove %1").arg(dir.path())};
    }
    return std::nullopt;
}

}  // namespace mrc
