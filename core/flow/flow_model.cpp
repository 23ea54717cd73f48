#include "flow/flow_model.h"

#include <algorithm>
#include <iterator>

namespace flow {

FlowModel::FlowModel(QObject *parent)
    : QAbstractTableModel(parent), lanes_(LaneMap::defaultLanes()) {}

void FlowModel::setLaneMap(const LaneMap &lanes) {
    builder_.setLaneMap(lanes);
}

void FlowModel::ensureLane(const QString &lane) {
    if (!lane.isEmpty() && !lanes_.contains(lane)) {
        lanes_.append(lane);
        emit lanesChanged();
    }
}

void FlowModel::addEvent(const QJsonObject &event) {
    const qint64 seq = event.value(QStringLiteral("seq")).toInteger();
    if (seq > 0) {
        if (seq <= lastSeq_) {
            return;
        }
        lastSeq_ = seq;
    }
    if (all_.size() >= maxEntries_) {
        // entries_ is all_ filtered in order: the dropped head of all_ is a head of entries_.
        const auto dropped = all_.first(kDropCount);
        const int shownDropped =
            int(std::count_if(dropped.begin(), dropped.end(),
                              [this](const FlowEntry &old) { return isKindShown(old.kind); }));
        if (shownDropped > 0) {
            beginRemoveRows({}, 0, shownDropped - 1);
            entries_.remove(0, shownDropped);
            endRemoveRows();
        }
        all_.remove(0, kDropCount);
    }
    const FlowEntry entry = builder_.build(event);
    ensureLane(entry.fromLane);
    ensureLane(entry.toLane);
    all_.append(entry);
    if (isKindShown(entry.kind)) {
        const int row = int(entries_.size());
        beginInsertRows({}, row, row);
        entries_.append(entry);
        endInsertRows();
    }
}

void FlowModel::setKindShown(EntryKind kind, bool shown) {
    if (isKindShown(kind) == shown) {
        return;
    }
    beginResetModel();
    if (shown) {
        hiddenKinds_.remove(kind);
    } else {
        hiddenKinds_.insert(kind);
    }
    entries_.clear();
    std::copy_if(all_.begin(), all_.end(), std::back_inserter(entries_),
                 [this](const FlowEntry &entry) { return isKindShown(entry.kind); });
    endResetModel();
    emit shownKindsChanged();
}

void FlowModel::addEvents(const QJsonArray &events) {
    for (const QJsonValue &event : events) {
        if (event.isObject()) {
            addEvent(event.toObject());
        }
    }
}

void FlowModel::clear() {
    beginResetModel();
    all_.clear();
    entries_.clear();
    lastSeq_ = 0;
    builder_.reset();
    endResetModel();
    if (lanes_ != LaneMap::defaultLanes()) {
        lanes_ = LaneMap::defaultLanes();
        emit lanesChanged();
    }
}

int FlowModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(entries_.size());
}

int FlowModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FlowModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= entries_.size()) {
        return {};
    }
    const FlowEntry &entry = entries_.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case Seq:
                    return entry.seq;
                case Time:
                    return entry.shortTime();
                case From:
                    return entry.fromLane;
                case To:
                    return entry.toLane;
                case Label:
                    return entry.label;
                default:
                    return {};
            }
        case FullTextRole:
            return entry.fullText;
        case HighlightRole:
            return entry.highlight;
        case FromLaneRole:
            return entry.fromLane;
        case ToLaneRole:
            return entry.toLane;
        case IsNoteRole:
            return entry.isNote();
        case KindRole:
            return int(entry.kind);
        default:
            return {};
    }
}

QVariant FlowModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case Seq:
            return tr("#");
        case Time:
            return tr("Time");
        case From:
            return tr("From");
        case To:
            return tr("To");
        case Label:
            return tr("Message");
        default:
            return {};
    }
}

}  // namespace flow
