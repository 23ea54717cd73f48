#include "numberconfig/import_preview_model.h"

namespace numcfg {

ImportPreviewModel::ImportPreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void ImportPreviewModel::setDocument(const ImportDocument &document) {
    beginResetModel();
    document_ = document;
    replaceRows_.clear();
    serverIssues_.clear();
    if (server_) {
        for (const NumberEntry &entry : document_.entries) {
            serverIssues_.append(checkAgainstServer(entry, *server_));
        }
    }
    endResetModel();
}

void ImportPreviewModel::setServer(const ServerSnapshot &server) {
    beginResetModel();
    server_ = server;
    serverIssues_.clear();
    for (const NumberEntry &entry : document_.entries) {
        serverIssues_.append(checkAgainstServer(entry, server));
    }
    endResetModel();
}

void ImportPreviewModel::clearServer() {
    beginResetModel();
    server_.reset();
    serverIssues_.clear();
    endResetModel();
}

QList<Issue> ImportPreviewModel::rowIssues(int row) const {
    QList<Issue> issues = document_.entries.at(row).issues;
    if (row < serverIssues_.size()) {
        issues += serverIssues_.at(row);
    }
    return issues;
}

QList<Issue> ImportPreviewModel::allIssues() const {
    QList<Issue> issues = document_.fileIssues;
    for (int row = 0; row < document_.entries.size(); ++row) {
        issues += rowIssues(row);
    }
    return issues;
}

ImportPreviewModel::RowAction ImportPreviewModel::rowAction(int row) const {
    if (!rowIssues(row).isEmpty()) {
        return RowAction::Invalid;
    }
    if (!server_) {
        return RowAction::Unchecked;
    }
    if (!server_->numberByPhone(document_.entries.at(row).phoneNumber())) {
        return RowAction::Create;
    }
    return replaceRows_.contains(row) ? RowAction::Replace : RowAction::Skip;
}

void ImportPreviewModel::setReplace(int row, bool replace) {
    if (row < 0 || row >= document_.entries.size()) {
        return;
    }
    if (replace) {
        replaceRows_.insert(row);
    } else {
        replaceRows_.remove(row);
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

std::variant<QList<ApplyStep>, QList<Issue>> ImportPreviewModel::plan() const {
    if (!server_) {
        return QList<Issue>{{{}, {}, QStringLiteral("the server's numbers have not been read")}};
    }
    return buildPlan(document_, *server_, replaceRows_);
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(document_.entries.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ImportPreviewModel::target(int row, const QString &urlField,
                                   const QString &appField) const {
    const NumberEntry &entry = document_.entries.at(row);
    const QString app = entry.values.value(appField);
    if (!app.isEmpty()) {
        return QStringLiteral("app %1").arg(app);
    }
    return entry.values.value(urlField);
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= document_.entries.size()) {
        return {};
    }
    const int row = index.row();
    const NumberEntry &entry = document_.entries.at(row);
    const RowAction action = rowAction(row);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
            case Location:
                return entry.location;
            case PhoneNumber:
                return entry.phoneNumber();
            case FriendlyName:
                return entry.values.value(QStringLiteral("FriendlyName"));
            case VoiceTarget:
                return target(row, QStringLiteral("VoiceUrl"),
                              QStringLiteral("VoiceApplicationSid"));
            case ReferTarget:
                return target(row, QStringLiteral("ReferUrl"),
                              QStringLiteral("ReferApplicationSid"));
            case Action:
                switch (action) {
                    case RowAction::Invalid:
                        return tr("error");
                    case RowAction::Unchecked:
                        return tr("not checked");
                    case RowAction::Create:
                        return tr("new");
                    case RowAction::Skip:
                        return tr("exists: skip");
                    case RowAction::Replace:
                        return tr("exists: replace");
                }
                return {};
            case Problems: {
                QStringList texts;
                for (const Issue &issue : rowIssues(row)) {
                    texts.append(issue.field.isEmpty()
                                     ? issue.message
                                     : issue.field + QStringLiteral(": ") + issue.message);
                }
                return texts.join(role == Qt::ToolTipRole ? QStringLiteral("\n")
                                                          : QStringLiteral("; "));
            }
            default:
                return {};
        }
    }
    if (role == Qt::CheckStateRole && index.column() == Action &&
        (action == RowAction::Skip || action == RowAction::Replace)) {
        return action == RowAction::Replace ? Qt::Checked : Qt::Unchecked;
    }
    if (role == RowActionRole) {
        return int(action);
    }
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) {
        return {};
    }
    if (orientation == Qt::Vertical) {
        return section + 1;
    }
    switch (section) {
        case Location:
            return tr("Where");
        case PhoneNumber:
            return tr("Number");
        case FriendlyName:
            return tr("Name");
        case VoiceTarget:
            return tr("Voice");
        case ReferTarget:
            return tr("Refer");
        case Action:
            return tr("Action");
        case Problems:
            return tr("Problems");
        default:
            return {};
    }
}

Qt::ItemFlags ImportPreviewModel::flags(const QModelIndex &index) const {
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Action) {
        const RowAction action = rowAction(index.row());
        if (action == RowAction::Skip || action == RowAction::Replace) {
            flags |= Qt::ItemIsUserCheckable;
        }
    }
    return flags;
}

bool ImportPreviewModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::CheckStateRole || index.column() != Action) {
        return false;
    }
    const RowAction action = rowAction(index.row());
    if (action != RowAction::Skip && action != RowAction::Replace) {
        return false;
    }
    setReplace(index.row(), value.toInt() == Qt::Checked);
    return true;
}

}  // namespace numcfg
