#pragma once
// Writes a whole file atomically (QSaveFile: the old file stays until the new one is complete).
#include <QByteArray>
#include <QString>

#include <optional>

namespace ui {

// nullopt on success, else "cannot write /path: reason".
std::optional<QString> saveWholeFile(const QString &path, const QByteArray &bytes);

}  // namespace ui
