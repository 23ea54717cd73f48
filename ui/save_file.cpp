#include "ui/save_file.h"

#include <QSaveFile>

namespace ui {

std::optional<QString> saveWholeFile(const QString &path, const QByteArray &bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return QObject::tr("cannot write %1: %2").arg(path, file.errorString());
    }
    return std::nullopt;
}

}  // namespace ui
