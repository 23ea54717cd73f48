#pragma once
// RVD projects on disk, in RVD's workspace layout (restcomm-behaviour.md part 2 §5.2):
//   <data-dir>/rvd/<name>/state             the project JSON (the only file read back)
//   <data-dir>/rvd/<name>/data/project      {"defaultTarget": ..., "nodeNames": [...]}
//   <data-dir>/rvd/<name>/data/<module>.mod one node JSON per module
// The only file I/O of the RVD area. Writes are atomic (QSaveFile).
#include "restcomm/rvd_project.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>
#include <variant>

namespace mrc {

struct RvdStoreError {
    enum class Kind {
        InvalidName,   // not ^[A-Za-z0-9_-]+$
        NotFound,      // no such project
        Corrupt,       // the state file exists but is not a valid project
        InvalidState,  // put() refused a state that does not validate
        Io,            // a file could not be written or removed
    };
    Kind kind;
    QString message;  // names the project and, where it applies, the file
};

class RvdStore {
  public:
    explicit RvdStore(QString dataDir);

    static bool isValidName(const QString &name);

    QString projectsDir() const;                   // <data-dir>/rvd
    QString stateFile(const QString &name) const;  // <data-dir>/rvd/<name>/state

    QStringList list() const;  // names of projects that have a state file, sorted
    bool contains(const QString &name) const;

    std::variant<rvd::Project, RvdStoreError> get(const QString &name) const;
    // The raw state document, as stored (for export / the REST API).
    std::variant<QJsonObject, RvdStoreError> state(const QString &name) const;

    // Validates with rvd::Project first; nothing is written when it does not validate.
    std::optional<RvdStoreError> put(const QString &name, const QJsonObject &state);
    std::optional<RvdStoreError> remove(const QString &name);

  private:
    QString projectDir(const QString &name) const;

    QString dataDir_;
};

}  // namespace mrc
