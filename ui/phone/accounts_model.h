#pragma once
// The phone's SIP accounts with their live registration state and the failure reason, fed by
// the engine (accounts() for the list, accountStateChanged() for the state).
#include "engine/engine.h"

#include <QAbstractTableModel>

namespace phone {

class AccountsModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Account, Registration, ColumnCount };
    enum Role { AorRole = Qt::UserRole + 1, RegisteredRole };

    explicit AccountsModel(engine::Engine *engine, QObject *parent = nullptr);

    // Re-reads the account list from the engine (after add/edit/remove).
    void reload();
    int rowOfAor(const QString &aor) const;
    engine::AccountConfig config(int row) const { return rows_.at(row).config; }
    engine::AccountState state(int row) const { return rows_.at(row).state; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString registrationText(const engine::AccountConfig &config,
                                    const engine::AccountState &state);

  private:
    void onStateChanged(const engine::AccountState &state);

    struct Row {
        engine::AccountConfig config;
        engine::AccountState state;
    };
    engine::Engine *engine_;
    QList<Row> rows_;
};

}  // namespace phone
