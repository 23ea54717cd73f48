#include "ui/phone/calls_model.h"

#include "ui/phone/call_history_model.h"
#include "ui/phone/target_rules.h"

namespace phone {

using engine::CallState;
using engine::TransferState;

QString phaseName(CallPhase phase) {
    switch (phase) {
        case CallPhase::Ringing:
            return QStringLiteral("ringing");
        case CallPhase::Established:
            return QStringLiteral("established");
        case CallPhase::Held:
            return QStringLiteral("held");
        case CallPhase::Transferring:
            return QStringLiteral("transferring");
        case CallPhase::Closed:
            return QStringLiteral("closed");
    }
    return {};
}

namespace {

// "486 Busy Here" from a code and a reason that may or may not repeat the code.
QString failureText(const engine::TransferStatus &status) {
    const QString code = status.sipCode > 0 ? QString::number(status.sipCode) : QString();
    const QString reason = status.reason.trimmed();
    if (reason.isEmpty()) {
        return code.isEmpty() ? QStringLiteral("no reason given") : code;
    }
    if (code.isEmpty() || reason.startsWith(code)) {
        return reason;
    }
    return QStringLiteral("%1 %2").arg(code, reason);
}

}  // namespace

CallPhase CallRow::phase() const {
    if (closed) {
        return CallPhase::Closed;
    }
    if (transferPending()) {
        return CallPhase::Transferring;
    }
    switch (info.state) {
        case CallState::Outgoing:
        case CallState::Ringing:
        case CallState::Incoming:
            return CallPhase::Ringing;
        case CallState::Established:
            return info.onHold ? CallPhase::Held : CallPhase::Established;
        case CallState::Closed:
            return CallPhase::Closed;
    }
    return CallPhase::Closed;
}

QString CallRow::peerLabel() const {
    return info.peerDisplayName.isEmpty() ? userPartOf(info.peerUri) : info.peerDisplayName;
}

QString CallRow::transferTargetText() const {
    if (!transferTargetLabel.isEmpty()) {
        return transferTargetLabel;
    }
    return transfer ? userPartOf(transfer->target) : QString();
}

QString CallRow::stateText() const {
    if (closed) {
        return info.endReason.isEmpty() ? QObject::tr("Ended")
                                        : QObject::tr("Ended: %1").arg(info.endReason);
    }
    switch (info.state) {
        case CallState::Outgoing:
            return QObject::tr("Calling…");
        case CallState::Ringing:
            return QObject::tr("Ringing at the other end…");
        case CallState::Incoming:
            return QObject::tr("Incoming call");
        case CallState::Established: {
            QStringList parts{info.onHold ? QObject::tr("On hold") : QObject::tr("Talking")};
            if (info.muted) {
                parts << QObject::tr("muted");
            }
            return parts.join(QStringLiteral(", "));
        }
        case CallState::Closed:
            return QObject::tr("Ended");
    }
    return {};
}

bool CallRow::offersCallBack() const {
    return transfer &&
           (transfer->state == TransferState::Failed ||
            transfer->state == TransferState::TimedOut) &&
           (closed || transfer->originalCallLost);
}

QString CallRow::transferText() const {
    if (!transfer) {
        return {};
    }
    const QString peer = peerLabel();
    const QString target = transferTargetText();
    switch (transfer->state) {
        case TransferState::Pending:
            return QObject::tr("Transferring %1 to %2…").arg(peer, target);
        case TransferState::Succeeded:
            return QObject::tr("Transferred %1 to %2").arg(peer, target);
        case TransferState::Failed:
            return offersCallBack() ? QObject::tr("Transfer failed: %1 — call %2 back?")
                                          .arg(failureText(*transfer), peer)
                                    : QObject::tr("Transfer failed: %1 — %2 is still on the line")
                                          .arg(failureText(*transfer), peer);
        case TransferState::TimedOut:
            return offersCallBack() ? QObject::tr("Transfer timed out (%1) — call %2 back?")
                                          .arg(failureText(*transfer), peer)
                                    : QObject::tr("Transfer timed out (%1) — hang up or resume %2")
                                          .arg(failureText(*transfer), peer);
    }
    return {};
}

QString CallRow::outcomeText() const {
    if (transfer) {
        switch (transfer->state) {
            case TransferState::Succeeded:
                return QObject::tr("transferred to %1").arg(transferTargetText());
            case TransferState::Failed:
                return QObject::tr("transfer to %1 failed: %2")
                    .arg(transferTargetText(), failureText(*transfer));
            case TransferState::TimedOut:
                return QObject::tr("transfer to %1 timed out").arg(transferTargetText());
            case TransferState::Pending:
                break;
        }
    }
    if (info.established.isValid()) {
        return QObject::tr("answered");
    }
    if (info.direction == engine::CallDirection::Incoming) {
        return info.endReason == QLatin1String("Declined") ? QObject::tr("declined")
                                                           : QObject::tr("missed");
    }
    return info.endReason.isEmpty() ? QObject::tr("not answered")
                                    : QObject::tr("not answered: %1").arg(info.endReason);
}

CallsModel::CallsModel(engine::Engine *engine, QObject *parent) : QAbstractTableModel(parent) {
    connect(engine, &engine::Engine::callAdded, this, &CallsModel::onCallAdded);
    connect(engine, &engine::Engine::callChanged, this, &CallsModel::onCallChanged);
    connect(engine, &engine::Engine::callRemoved, this, &CallsModel::onCallRemoved);
    connect(engine, &engine::Engine::transferStatusChanged, this, &CallsModel::onTransferStatus);
    connect(engine, &engine::Engine::transferRequested, this, &CallsModel::onTransferRequested);
    // Should the new call arrive before the notice, the continuation names it afterwards.
    connect(engine, &engine::Engine::transferContinued, this,
            [this](const engine::TransferNotice &notice) {
                const int row = rowOf({notice.call.accountAor, notice.newCallId});
                if (row < 0 || !rows_[row].transfereeNote.isEmpty()) {
                    return;
                }
                const QString by = notice.transferorName.isEmpty()
                                       ? userPartOf(notice.transferorUri)
                                       : notice.transferorName;
                rows_[row].transfereeNote = tr("transferred here by %1").arg(by);
                emitRowChanged(row);
            });
    ticker_.setInterval(1000);
    connect(&ticker_, &QTimer::timeout, this, [this] {
        if (!rows_.isEmpty()) {
            emit dataChanged(index(0, Duration), index(int(rows_.size()) - 1, Duration));
        }
    });
    for (const engine::CallInfo &call : engine->calls()) {
        onCallAdded(call);
    }
}

int CallsModel::rowOf(const engine::CallKey &key) const {
    for (int i = 0; i < rows_.size(); ++i) {
        if (rows_.at(i).info.key == key) {
            return i;
        }
    }
    return -1;
}

int CallsModel::ringingCount() const {
    int count = 0;
    for (const CallRow &row : rows_) {
        count += row.canAnswer() ? 1 : 0;
    }
    return count;
}

void CallsModel::updateTicker() {
    bool anyEstablished = false;
    for (const CallRow &row : rows_) {
        anyEstablished = anyEstablished || row.isEstablished();
    }
    if (anyEstablished && !ticker_.isActive()) {
        ticker_.start();
    } else if (!anyEstablished) {
        ticker_.stop();
    }
}

void CallsModel::emitRowChanged(int row) {
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    updateTicker();
}

void CallsModel::onCallAdded(const engine::CallInfo &call) {
    if (rowOf(call.key) >= 0) {
        onCallChanged(call);
        return;
    }
    CallRow row{call, std::nullopt, {}, false, false, {}};
    if (!call.continuesCallId.isEmpty()) {
        const engine::TransferNotice notice = transfereeNotices_.take(call.continuesCallId);
        const QString by = notice.transferorName.isEmpty() ? userPartOf(notice.transferorUri)
                                                           : notice.transferorName;
        row.transfereeNote = by.isEmpty() ? tr("continues a transferred call")
                                          : tr("transferred here by %1").arg(by);
    }
    beginInsertRows({}, int(rows_.size()), int(rows_.size()));
    rows_.append(row);
    endInsertRows();
    updateTicker();
    if (call.state == CallState::Incoming) {
        emit incomingCall(call);
        emit incomingCallsChanged(ringingCount());
    }
}

void CallsModel::onCallChanged(const engine::CallInfo &call) {
    const int row = rowOf(call.key);
    if (row < 0) {
        return;
    }
    const bool wasRinging = rows_[row].canAnswer();
    rows_[row].info = call;
    emitRowChanged(row);
    if (wasRinging != rows_[row].canAnswer()) {
        emit incomingCallsChanged(ringingCount());
    }
}

void CallsModel::onCallRemoved(const engine::CallInfo &call) {
    const int row = rowOf(call.key);
    if (row < 0) {
        return;
    }
    CallRow &entry = rows_[row];
    const bool wasRinging = entry.canAnswer();
    entry.info = call;
    entry.closed = true;
    const bool lingers = entry.transfer && (entry.transfer->state == TransferState::Pending ||
                                            entry.transfer->state == TransferState::Succeeded ||
                                            entry.transfer->originalCallLost);
    if (lingers) {
        emitRowChanged(row);
        finishIfOver(row);
    } else {
        const CallRow finished = entry;
        beginRemoveRows({}, row, row);
        rows_.removeAt(row);
        endRemoveRows();
        updateTicker();
        if (!finished.recorded) {
            emit callFinished(finished);
        }
    }
    if (wasRinging) {
        emit incomingCallsChanged(ringingCount());
    }
}

void CallsModel::onTransferStatus(const engine::TransferStatus &status) {
    const int row = rowOf(status.call);
    if (row < 0) {
        return;
    }
    CallRow &entry = rows_[row];
    if (status.state == TransferState::Pending) {
        // A new transfer: the label typed for it, not one left from an earlier attempt.
        entry.transferTargetLabel = pendingLabels_.take(status.call);
    }
    entry.transfer = status;
    emitRowChanged(row);
    finishIfOver(row);
}

void CallsModel::onTransferRequested(const engine::TransferNotice &notice) {
    transfereeNotices_.insert(notice.call.callId, notice);
    const int row = rowOf(notice.call);
    if (row < 0) {
        return;
    }
    const QString by =
        notice.transferorName.isEmpty() ? userPartOf(notice.transferorUri) : notice.transferorName;
    rows_[row].transfereeNote =
        tr("%1 is transferring you to %2").arg(by, userPartOf(notice.target));
    emitRowChanged(row);
}

void CallsModel::finishIfOver(int row) {
    CallRow &entry = rows_[row];
    if (!entry.closed || entry.transferPending() || entry.recorded) {
        return;
    }
    entry.recorded = true;
    emit callFinished(entry);
    if (entry.transfer && entry.transfer->state == TransferState::Succeeded) {
        const engine::CallKey key = entry.info.key;
        QTimer::singleShot(succeededLingerMs_, this, [this, key] { dismiss(key); });
    }
}

void CallsModel::setTransferTargetLabel(const engine::CallKey &key, const QString &label) {
    pendingLabels_.insert(key, label);
}

void CallsModel::dismiss(const engine::CallKey &key) {
    const int row = rowOf(key);
    if (row < 0 || !rows_.at(row).closed) {
        return;
    }
    beginRemoveRows({}, row, row);
    rows_.removeAt(row);
    endRemoveRows();
    updateTicker();
}

int CallsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int CallsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size()) {
        return {};
    }
    const CallRow &entry = rows_.at(index.row());
    if (role == PhaseRole) {
        return phaseName(entry.phase());
    }
    if (role == Qt::ToolTipRole) {
        QStringList lines{entry.info.peerUri, entry.stateText()};
        if (!entry.transferText().isEmpty()) {
            lines << entry.transferText();
        }
        lines << QObject::tr("Account: %1").arg(entry.info.key.accountAor);
        return lines.join(QLatin1Char('\n'));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
        case Peer:
            return entry.info.peerDisplayName.isEmpty()
                       ? userPartOf(entry.info.peerUri)
                       : QStringLiteral("%1 (%2)").arg(entry.info.peerDisplayName,
                                                       userPartOf(entry.info.peerUri));
        case State: {
            const QString transfer = entry.transferText();
            if (!transfer.isEmpty()) {
                return transfer;
            }
            return entry.transfereeNote.isEmpty()
                       ? entry.stateText()
                       : QStringLiteral("%1 — %2").arg(entry.stateText(), entry.transfereeNote);
        }
        case Duration:
            return entry.info.established.isValid() ? formatDuration(entry.info.durationMs())
                                                    : QString();
        default:
            return {};
    }
}

QVariant CallsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case Peer:
            return tr("Peer");
        case State:
            return tr("State");
        case Duration:
            return tr("Time");
        case Actions:
            return tr("Actions");
        default:
            return {};
    }
}

}  // namespace phone
