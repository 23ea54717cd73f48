#include "numberconfig/server_numbers_model.h"

#include <QJsonObject>

namespace numcfg {

ServerNumbersModel::ServerNumbersModel(RestcommClient &client, QObject *parent)
    : QAbstractTableModel(parent), client_(client) {}

QString ServerNumbersModel::formName(int column) {
    static const QStringList names = {"PhoneNumber", "FriendlyName", "VoiceUrl", "ReferUrl",
                                      "ReferApplicationSid"};
    return names.value(column);
}

QString ServerNumbersModel::jsonKey(int column) {
    static const QStringList keys = {"phone_number", "friendly_name", "voice_url", "refer_url",
                                     "refer_application_sid"};
    return keys.value(column);
}

void ServerNumbersModel::reload() {
    ++pending_;
    client_.fetchSnapshot([this](const std::variant<ServerSnapshot, QString> &result) {
        --pending_;
        if (const QString *error = std::get_if<QString>(&result)) {
            emit loadFailed(*error);
            return;
        }
        beginResetModel();
        numbers_ = std::get<ServerSnapshot>(result).numbers;
        endResetModel();
        emit loaded();
    });
}

int ServerNumbersModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(numbers_.size());
}

int ServerNumbersModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServerNumbersModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= numbers_.size() ||
        (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)) {
        return {};
    }
    return numbers_.at(index.row()).json.value(jsonKey(index.column())).toString();
}

QVariant ServerNumbersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case PhoneNumber:
            return tr("Number");
        case FriendlyName:
            return tr("Name");
        case VoiceUrl:
            return tr("Voice URL / app");
        case ReferUrl:
            return tr("Refer URL / app");
        case ReferApplicationSid:
            return tr("Refer application");
        default:
            return {};
    }
}

Qt::ItemFlags ServerNumbersModel::flags(const QModelIndex &index) const {
    return QAbstractTableModel::flags(index) |
           (index.isValid() ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

bool ServerNumbersModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::EditRole || !index.isValid() || index.row() >= numbers_.size()) {
        return false;
    }
    const QString text = value.toString().trimmed();
    const ServerNumber &number = numbers_.at(index.row());
    if (text == number.json.value(jsonKey(index.column())).toString()) {
        return false;
    }
    const QString sid = number.sid;
    const int column = index.column();
    client_.updateNumber(
        sid, {{formName(column), text}}, [this, sid, column](const RestReply &reply) {
            if (!reply.ok()) {
                emit editFailed(tr("%1 not changed: %2").arg(formName(column), reply.describe()));
                return;
            }
            // The server's answer is the truth (it normalizes, e.g. methods); find the row again,
            // the table may have been reloaded meanwhile.
            for (int row = 0; row < numbers_.size(); ++row) {
                if (numbers_.at(row).sid == sid) {
                    numbers_[row].json = reply.json().object();
                    numbers_[row].phoneNumber =
                        numbers_[row].json.value(QStringLiteral("phone_number")).toString();
                    emit dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
                    emit edited(row, column);
                    return;
                }
            }
        });
    return true;
}

}  // namespace numcfg
