#include "ui/phone/accounts_model.h"

#include <QBrush>
#include <QColor>

namespace phone {

using engine::RegistrationState;

AccountsModel::AccountsModel(engine::Engine *engine, QObject *parent)
    : QAbstractTableModel(parent), engine_(engine) {
    connect(engine, &engine::Engine::accountStateChanged, this, &AccountsModel::onStateChanged);
    reload();
}

void AccountsModel::reload() {
    const QList<engine::AccountState> states = engine_->accountStates();
    beginResetModel();
    rows_.clear();
    for (const engine::AccountConfig &config : engine_->accounts()) {
        Row row{config, {}};
        row.state.aor = config.aor();
        for (const engine::AccountState &state : states) {
            if (state.aor == config.aor()) {
                row.state = state;
            }
        }
        rows_ << row;
    }
    endResetModel();
}

int AccountsModel::rowOfAor(const QString &aor) const {
    for (int i = 0; i < rows_.size(); ++i) {
        if (rows_.at(i).config.aor() == aor) {
            return i;
        }
    }
    return -1;
}

void AccountsModel::onStateChanged(const engine::AccountState &state) {
    const int row = rowOfAor(state.aor);
    if (row < 0) {
        return;
    }
    rows_[row].state = state;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString AccountsModel::registrationText(const engine::AccountConfig &config,
                                        const engine::AccountState &state) {
    if (config.registerIntervalS == 0) {
        return tr("No registration (peer-to-peer)");
    }
    switch (state.registration) {
        case RegistrationState::Registered:
            return tr("Registered");
        case RegistrationState::Registering:
            return tr("Registering…");
        case RegistrationState::Unregistering:
            return tr("Unregistering…");
        case RegistrationState::Unregistered:
            return tr("Not registered");
        case RegistrationState::Failed:
            return state.reason.isEmpty() ? tr("Registration failed")
                                          : tr("Registration failed: %1").arg(state.reason);
    }
    return {};
}

int AccountsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int AccountsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size()) {
        return {};
    }
    const Row &row = rows_.at(index.row());
    switch (role) {
        case AorRole:
            return row.config.aor();
        case RegisteredRole:
            return row.state.registration == RegistrationState::Registered;
        case Qt::DisplayRole:
            if (index.column() == Account) {
                return row.config.displayName.isEmpty()
                           ? row.config.aor()
                           : QStringLiteral("%1 <%2>").arg(row.config.displayName,
                                                           row.config.aor());
            }
            return registrationText(row.config, row.state);
        case Qt::ForegroundRole:
            if (index.column() == Registration &&
                row.state.registration == RegistrationState::Failed) {
                return QBrush(QColor(0xb0, 0x00, 0x20));
            }
            return {};
        case Qt::ToolTipRole:
            return row.state.changed.isValid()
                       ? tr("Since %1").arg(row.state.changed.toLocalTime().toString())
                       : QVariant();
        default:
            return {};
    }
}

QVariant AccountsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == Account ? tr("Account") : tr("Registration");
}

}  // namespace phone
