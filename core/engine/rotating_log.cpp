#include "engine/rotating_log.h"

namespace engine {
namespace {
constexpr qsizetype kRecentBytes = 16 * 1024;
}

bool RotatingLog::open(const QString &path, qint64 maxBytes, int files) {
    file_.close();
    path_ = path;
    maxBytes_ = qMax<qint64>(4096, maxBytes);
    files_ = qMax(1, files);
    file_.setFileName(path);
    return file_.open(QIODevice::WriteOnly | QIODevice::Append);
}

void RotatingLog::rotate() {
    file_.close();
    for (int i = files_ - 1; i >= 1; --i) {
        const QString from = i == 1 ? path_ : QStringLiteral("%1.%2").arg(path_).arg(i - 1);
        const QString to = QStringLiteral("%1.%2").arg(path_).arg(i);
        QFile::remove(to);
        QFile::rename(from, to);
    }
    if (files_ == 1) {
        QFile::remove(path_);
    }
    file_.open(QIODevice::WriteOnly | QIODevice::Append);
}

void RotatingLog::write(const QByteArray &bytes) {
    recent_ += bytes;
    if (recent_.size() > kRecentBytes) {
        recent_.remove(0, recent_.size() - kRecentBytes);
    }
    if (!file_.isOpen()) {
        return;  // still keep `recent_` for error messages
    }
    if (file_.size() + bytes.size() > maxBytes_) {
        rotate();
    }
    file_.write(bytes);
    file_.flush();
}

QByteArray RotatingLog::tail(qint64 bytes) const {
    return recent_.right(bytes);
}

}  // namespace engine
