#pragma once
// Append-only log file that rotates at a size limit (name, name.1, … name.N-1), so baresip's
// stdout, which must always be drained (baresip-engine.md §3: an undrained pipe freezes it),
// never fills the disk.
#include <QFile>
#include <QString>

namespace engine {

class RotatingLog {
  public:
    RotatingLog() = default;
    bool open(const QString &path, qint64 maxBytes, int files);
    void write(const QByteArray &bytes);
    QString path() const { return path_; }
    // The last `bytes` written (across a rotation), for error messages.
    QByteArray tail(qint64 bytes) const;

  private:
    void rotate();
    QFile file_;
    QString path_;
    qint64 maxBytes_ = 0;
    int files_ = 1;
    QByteArray recent_;
};

}  // namespace engine
