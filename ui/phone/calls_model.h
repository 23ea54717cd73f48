#pragma once
// The live calls of one phone as a table, fed only by engine signals. A row also carries the
// call's blind transfer: its progress and outcome are shown in words in the row, and a row
// whose call ended because of a transfer stays (closed) until the outcome is known and the
// user dismisses it, so "Transfer failed: 486 Busy Here — call Alice back?" cannot vanish
// together with the call it talks about. Successful transfers dismiss themselves after a
// while. When a row is finished for good, callFinished() hands it to the history.
#include "engine/engine.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimer>
#include <optional>

namespace phone {

// What the command line and the row's buttons see of a call.
enum class CallPhase { Ringing, Established, Held, Transferring, Closed };
QString phaseName(CallPhase phase);  // "ringing", "established", "held", "transferring", "closed"

struct CallRow {
    engine::CallInfo info;
    std::optional<engine::TransferStatus> transfer;  // the latest transfer of this call
    QString transferTargetLabel;  // what the user typed ("carol"); empty: from the target URI
    bool closed = false;          // the engine removed the call; the row lingers for a transfer
    bool recorded = false;        // callFinished() was emitted for it
    // Transferee side: "Alice is transferring you to carol" on the old call, then
    // "transferred here by Alice" on the call that continues it.
    QString transfereeNote;

    CallPhase phase() const;
    QString peerLabel() const;  // "Alice" or "alice" (display name, else user part)
    QString stateText() const;  // "Established", "On hold, muted", "Incoming call", ...
    // Empty without a transfer; "Transferring Alice to carol…", "Transferred Alice to carol",
    // "Transfer failed: 486 Busy Here — call Alice back?", ...
    QString transferText() const;
    bool canAnswer() const { return !closed && info.state == engine::CallState::Incoming; }
    bool canHangUp() const { return !closed; }
    bool isEstablished() const { return !closed && info.state == engine::CallState::Established; }
    bool transferPending() const {
        return transfer && transfer->state == engine::TransferState::Pending;
    }
    bool canTransfer() const { return isEstablished() && !transferPending(); }
    // The transfer failed or timed out and took the call with it: offer to call back.
    bool offersCallBack() const;
    // For the history: "answered", "missed", "declined", "transferred to carol", ...
    QString outcomeText() const;
    QString transferTargetText() const;  // "carol"
};

class CallsModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Peer, State, Duration, Actions, ColumnCount };
    enum Role { PhaseRole = Qt::UserRole + 1 };

    explicit CallsModel(engine::Engine *engine, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const CallRow &row(int row) const { return rows_.at(row); }
    QList<CallRow> rows() const { return rows_; }
    int rowOf(const engine::CallKey &key) const;  // -1 when absent
    // Remembers what the user typed as the target of the transfer about to start.
    void setTransferTargetLabel(const engine::CallKey &key, const QString &label);
    // Removes a lingering (closed) row; live calls are never dismissed.
    void dismiss(const engine::CallKey &key);
    // How long a successful transfer's row stays visible.
    void setSucceededLingerMs(int ms) { succeededLingerMs_ = ms; }

  signals:
    // The row is over for good (call ended, transfer outcome known): for the history.
    void callFinished(const phone::CallRow &row);
    // A new incoming call, for the ringer and the notification.
    void incomingCall(const engine::CallInfo &call);
    void incomingCallsChanged(int ringingCount);

  private:
    void onCallAdded(const engine::CallInfo &call);
    void onCallChanged(const engine::CallInfo &call);
    void onCallRemoved(const engine::CallInfo &call);
    void onTransferStatus(const engine::TransferStatus &status);
    void onTransferRequested(const engine::TransferNotice &notice);
    void emitRowChanged(int row);
    void finishIfOver(int row);
    void updateTicker();
    int ringingCount() const;

    QList<CallRow> rows_;
    QHash<engine::CallKey, QString> pendingLabels_;  // typed before the Pending status arrived
    QHash<QString, engine::TransferNotice> transfereeNotices_;  // by the old call's Call-ID
    QTimer ticker_;  // refreshes durations once a second while a call is established
    int succeededLingerMs_ = 8000;
};

}  // namespace phone

Q_DECLARE_METATYPE(phone::CallRow)
