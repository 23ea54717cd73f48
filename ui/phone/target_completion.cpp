#include "ui/phone/target_completion.h"

#include "ui/phone/call_history_model.h"
#include "ui/phone/contacts_model.h"
#include "ui/phone/target_rules.h"

#include <QCompleter>
#include <QLineEdit>
#include <QSet>

namespace phone {

TargetCompletionModel::TargetCompletionModel(ContactsModel *contacts, CallHistoryModel *history,
                                             QObject *parent)
    : QAbstractListModel(parent), contacts_(contacts), history_(history) {
    for (QAbstractItemModel *source : {static_cast<QAbstractItemModel *>(contacts),
                                       static_cast<QAbstractItemModel *>(history)}) {
        connect(source, &QAbstractItemModel::modelReset, this, &TargetCompletionModel::rebuild);
        connect(source, &QAbstractItemModel::rowsInserted, this, &TargetCompletionModel::rebuild);
        connect(source, &QAbstractItemModel::rowsRemoved, this, &TargetCompletionModel::rebuild);
        connect(source, &QAbstractItemModel::dataChanged, this, &TargetCompletionModel::rebuild);
    }
    rebuild();
}

void TargetCompletionModel::setExtraTargets(const QStringList &targets) {
    extra_ = targets;
    rebuild();
}

QStringList TargetCompletionModel::targets() const {
    QStringList out;
    for (const Entry &entry : entries_) {
        out << entry.target;
    }
    return out;
}

void TargetCompletionModel::rebuild() {
    QList<Entry> entries;
    QSet<QString> seen;
    const auto add = [&](const QString &target, const QString &label) {
        if (target.isEmpty() || seen.contains(target.toLower())) {
            return;
        }
        seen.insert(target.toLower());
        entries << Entry{target, label.isEmpty() || label == target
                                     ? target
                                     : QStringLiteral("%1 — %2").arg(target, label)};
    };
    if (contacts_) {
        for (const Contact &contact : contacts_->contacts()) {
            add(contact.target, contact.name);
        }
    }
    if (history_) {
        for (const HistoryEntry &entry : history_->entries()) {
            add(entry.peerUri, entry.peerName);
        }
    }
    for (const QString &target : extra_) {
        add(target.trimmed(), {});
    }
    beginResetModel();
    entries_ = entries;
    endResetModel();
}

int TargetCompletionModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(entries_.size());
}

QVariant TargetCompletionModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= entries_.size()) {
        return {};
    }
    const Entry &entry = entries_.at(index.row());
    if (role == Qt::EditRole) {
        return entry.target;
    }
    if (role == Qt::DisplayRole) {
        return entry.label;
    }
    return {};
}

QCompleter *attachTargetCompleter(QLineEdit *field, TargetCompletionModel *model) {
    auto *completer = new QCompleter(model, field);
    completer->setCompletionRole(Qt::EditRole);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    field->setCompleter(completer);
    return completer;
}

}  // namespace phone
