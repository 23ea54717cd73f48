#pragma once
// Call history: one row per finished call, newest first, persisted as JSON (atomic writes).
// Loading is tolerant: unknown fields are ignored, entries without a peer are skipped, missing
// fields get defaults, and a damaged file leaves an empty history plus a readable warning.
#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>

namespace phone {

struct HistoryEntry {
    QDateTime started;  // UTC
    bool incoming = false;
    QString peerUri;
    QString peerName;
    QString accountAor;
    qint64 durationMs = 0;
    QString outcome;  // readable: "answered", "missed", "declined", "transferred to carol", ...
    bool operator==(const HistoryEntry &) const = default;
};

class CallHistoryModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Time, Direction, Peer, Duration, Outcome, ColumnCount };
    enum Role { TargetRole = Qt::UserRole + 1 };  // the peer URI, for redial and completion
    static constexpr int maxEntries = 500;

    explicit CallHistoryModel(QString path, QObject *parent = nullptr);

    // Replaces the rows with the file's entries; returns a readable warning, empty if fine.
    QString load();
    // Adds at the top and saves; returns a readable error, empty if saved.
    QString add(const HistoryEntry &entry);
    QString clear();
    QList<HistoryEntry> entries() const { return entries_; }
    QString path() const { return path_; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  private:
    QString save() const;

    QString path_;
    QList<HistoryEntry> entries_;
};

QString formatDuration(qint64 ms);

}  // namespace phone
