#include "ui/phone/contacts_model.h"

#include "ui/phone/json_file.h"
#include "ui/phone/target_rules.h"

#include <QJsonArray>
#include <QJsonObject>

namespace phone {

ContactsModel::ContactsModel(QString path, QObject *parent)
    : QAbstractTableModel(parent), path_(std::move(path)) {}

QString ContactsModel::load() {
    const JsonReadResult read = readJsonFile(path_);
    const QJsonArray array =
        read.document.isArray()
            ? read.document.array()
            : read.document.object().value(QStringLiteral("contacts")).toArray();
    QList<Contact> loaded;
    int skipped = 0;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        Contact contact{object.value(QStringLiteral("name")).toString().trimmed(),
                        object.value(QStringLiteral("target")).toString().trimmed()};
        if (contact.target.isEmpty()) {
            ++skipped;
            continue;
        }
        loaded << contact;
    }
    beginResetModel();
    contacts_ = loaded;
    endResetModel();
    if (!read.error.isEmpty()) {
        return read.error;
    }
    return skipped > 0 ? QStringLiteral("%1: %2 contacts without a number were skipped.")
                             .arg(path_)
                             .arg(skipped)
                       : QString();
}

QString ContactsModel::addContact(const Contact &contact) {
    beginInsertRows({}, int(contacts_.size()), int(contacts_.size()));
    contacts_ << contact;
    endInsertRows();
    save();
    return saveError_;
}

QString ContactsModel::nameFor(const QString &peerUri) const {
    const QString peerUser = userPartOf(peerUri);
    for (const Contact &contact : contacts_) {
        if (contact.target == peerUri || userPartOf(contact.target) == peerUser) {
            return contact.name;
        }
    }
    return {};
}

void ContactsModel::save() {
    QJsonArray array;
    for (const Contact &contact : contacts_) {
        array.append(QJsonObject{{QStringLiteral("name"), contact.name},
                                 {QStringLiteral("target"), contact.target}});
    }
    saveError_ = writeJsonFileAtomically(
        path_, QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                         {QStringLiteral("contacts"), array}}));
    if (!saveError_.isEmpty()) {
        emit saveFailed(saveError_);
    }
}

int ContactsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(contacts_.size());
}

int ContactsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContactsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= contacts_.size()) {
        return {};
    }
    const Contact &contact = contacts_.at(index.row());
    if (role == TargetRole) {
        return contact.target;
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        return index.column() == Name ? contact.name : contact.target;
    }
    return {};
}

bool ContactsModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!index.isValid() || role != Qt::EditRole || index.row() >= contacts_.size()) {
        return false;
    }
    const QString text = value.toString().trimmed();
    Contact &contact = contacts_[index.row()];
    if (index.column() == Target) {
        if (text.isEmpty()) {
            return false;  // a contact without a target is useless; keep the old one
        }
        contact.target = text;
    } else {
        contact.name = text;
    }
    emit dataChanged(index, index);
    save();
    return true;
}

Qt::ItemFlags ContactsModel::flags(const QModelIndex &index) const {
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

bool ContactsModel::removeRows(int row, int count, const QModelIndex &parent) {
    if (parent.isValid() || row < 0 || count <= 0 || row + count > contacts_.size()) {
        return false;
    }
    beginRemoveRows({}, row, row + count - 1);
    contacts_.remove(row, count);
    endRemoveRows();
    save();
    return true;
}

QVariant ContactsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == Name ? tr("Name") : tr("Number or address");
}

}  // namespace phone
