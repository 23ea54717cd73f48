#include "ui/phone/call_history_model.h"

#include "ui/phone/json_file.h"
#include "ui/phone/target_rules.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace phone {
namespace {

constexpr int fileVersion = 1;

QJsonObject toJson(const HistoryEntry &entry) {
    return {{QStringLiteral("started"), entry.started.toString(Qt::ISODateWithMs)},
            {QStringLiteral("direction"),
             entry.incoming ? QStringLiteral("incoming") : QStringLiteral("outgoing")},
            {QStringLiteral("peerUri"), entry.peerUri},
            {QStringLiteral("peerName"), entry.peerName},
            {QStringLiteral("account"), entry.accountAor},
            {QStringLiteral("durationMs"), entry.durationMs},
            {QStringLiteral("outcome"), entry.outcome}};
}

bool fromJson(const QJsonValue &value, HistoryEntry *entry) {
    const QJsonObject object = value.toObject();
    entry->peerUri = object.value(QStringLiteral("peerUri")).toString();
    if (entry->peerUri.isEmpty()) {
        return false;
    }
    entry->started = QDateTime::fromString(object.value(QStringLiteral("started")).toString(),
                                           Qt::ISODateWithMs);
    entry->incoming =
        object.value(QStringLiteral("direction")).toString() == QLatin1String("incoming");
    entry->peerName = object.value(QStringLiteral("peerName")).toString();
    entry->accountAor = object.value(QStringLiteral("account")).toString();
    entry->durationMs = qMax<qint64>(0, object.value(QStringLiteral("durationMs")).toInteger(0));
    entry->outcome = object.value(QStringLiteral("outcome")).toString();
    return true;
}

}  // namespace

QString formatDuration(qint64 ms) {
    const qint64 seconds = ms / 1000;
    if (seconds >= 3600) {
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

CallHistoryModel::CallHistoryModel(QString path, QObject *parent)
    : QAbstractTableModel(parent), path_(std::move(path)) {}

QString CallHistoryModel::load() {
    const JsonReadResult read = readJsonFile(path_);
    QList<HistoryEntry> loaded;
    // Version 1 is {"version":1,"calls":[...]}; a bare array is accepted too (hand-made files).
    const QJsonArray calls = read.document.isArray()
                                 ? read.document.array()
                                 : read.document.object().value(QStringLiteral("calls")).toArray();
    int skipped = 0;
    for (const QJsonValue &value : calls) {
        HistoryEntry entry;
        if (fromJson(value, &entry)) {
            loaded << entry;
        } else {
            ++skipped;
        }
        if (loaded.size() >= maxEntries) {
            break;
        }
    }
    beginResetModel();
    entries_ = loaded;
    endResetModel();
    if (!read.error.isEmpty()) {
        return read.error;
    }
    if (skipped > 0) {
        return QStringLiteral("%1: %2 unreadable history entries were skipped.")
            .arg(path_)
            .arg(skipped);
    }
    return {};
}

QString CallHistoryModel::add(const HistoryEntry &entry) {
    beginInsertRows({}, 0, 0);
    entries_.prepend(entry);
    endInsertRows();
    if (entries_.size() > maxEntries) {
        beginRemoveRows({}, maxEntries, entries_.size() - 1);
        entries_.resize(maxEntries);
        endRemoveRows();
    }
    return save();
}

QString CallHistoryModel::clear() {
    beginResetModel();
    entries_.clear();
    endResetModel();
    return save();
}

QString CallHistoryModel::save() const {
    QJsonArray calls;
    for (const HistoryEntry &entry : entries_) {
        calls.append(toJson(entry));
    }
    const QJsonObject root{{QStringLiteral("version"), fileVersion},
                           {QStringLiteral("calls"), calls}};
    return writeJsonFileAtomically(path_, QJsonDocument(root));
}

int CallHistoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(entries_.size());
}

int CallHistoryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallHistoryModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= entries_.size()) {
        return {};
    }
    const HistoryEntry &entry = entries_.at(index.row());
    if (role == TargetRole) {
        return entry.peerUri;
    }
    if (role == Qt::ToolTipRole) {
        return QStringLiteral("%1 via %2").arg(entry.peerUri, entry.accountAor);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
        case Time:
            return QLocale().toString(entry.started.toLocalTime(), QLocale::ShortFormat);
        case Direction:
            return entry.incoming ? tr("In") : tr("Out");
        case Peer:
            return entry.peerName.isEmpty()
                       ? userPartOf(entry.peerUri)
                       : QStringLiteral("%1 (%2)").arg(entry.peerName, userPartOf(entry.peerUri));
        case Duration:
            return entry.durationMs > 0 ? formatDuration(entry.durationMs) : QString();
        case Outcome:
            return entry.outcome;
        default:
            return {};
    }
}

QVariant CallHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case Time:
            return tr("Time");
        case Direction:
            return tr("Dir.");
        case Peer:
            return tr("Peer");
        case Duration:
            return tr("Duration");
        case Outcome:
            return tr("Outcome");
        default:
            return {};
    }
}

}  // namespace phone
