#pragma once
// The ladder's model: one row per event of mini-restcomm's stream, in arrival order, plus the
// ordered list of lanes (the default five, then any unknown address in order of appearance).
// Events already seen (seq not above the last one) are dropped, so a WebSocket replay after a
// reconnect and an /events.json catch-up can overlap freely. Kinds of entries can be hidden
// (media notes crowd a transfer's ladder): the rows are then the shown entries only, and
// showing the kind again brings its entries back in place.
#include "flow/flow_builder.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace flow {

class FlowModel : public QAbstractTableModel {
    Q_OBJECT

  public:
    enum Column { Seq, Time, From, To, Label, ColumnCount };
    enum Role {
        FullTextRole = Qt::UserRole + 1,
        HighlightRole,
        FromLaneRole,
        ToLaneRole,
        IsNoteRole,
        KindRole,  // int(EntryKind)
    };

    // A Lab left running keeps receiving events; past this many entries the oldest
    // kDropCount go (rows removed from the top), so memory stays bounded.
    static constexpr int kDefaultMaxEntries = 20000;
    static constexpr int kDropCount = 1000;

    explicit FlowModel(QObject *parent = nullptr);
    void setMaxEntries(int maxEntries) { maxEntries_ = std::max(maxEntries, kDropCount + 1); }

    void setLaneMap(const LaneMap &lanes);
    const LaneMap &laneMap() const { return builder_.laneMap(); }
    QStringList lanes() const { return lanes_; }
    int laneIndex(const QString &lane) const { return int(lanes_.indexOf(lane)); }

    // Shown entries (the rows); every entry kept, shown or not: allEntries().
    const QList<FlowEntry> &entries() const { return entries_; }
    const QList<FlowEntry> &allEntries() const { return all_; }
    void setKindShown(EntryKind kind, bool shown);
    bool isKindShown(EntryKind kind) const { return !hiddenKinds_.contains(kind); }
    const FlowEntry &entry(int row) const { return entries_.at(row); }
    qint64 lastSeq() const { return lastSeq_; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  public slots:
    void addEvent(const QJsonObject &event);
    void addEvents(const QJsonArray &events);
    // Forgets every entry (and the seq high-water mark, so a restarted server is seen again).
    void clear();

  signals:
    void lanesChanged();
    void shownKindsChanged();

  private:
    void ensureLane(const QString &lane);

    FlowBuilder builder_;
    QList<FlowEntry> all_;      // every entry kept, in arrival order
    QList<FlowEntry> entries_;  // the shown ones among all_, in the same order
    QSet<EntryKind> hiddenKinds_;
    QStringList lanes_;
    qint64 lastSeq_ = 0;
    int maxEntries_ = kDefaultMaxEntries;
};

}  // namespace flow
