#pragma once
// Transferor side of a blind transfer: baresip 1.0.0 reports no "pending" state and has no
// timeout (baresip-engine.md §7, §12.9), so a tracker per call turns what it does report into
// exactly one outcome:
//  - success: CALL_CLOSED "Call transfered" (the final NOTIFY said 2xx), or the peer ended the
//    call while the transfer was pending (Restcomm accepts the REFER and BYEs the transferor);
//  - failure: TRANSFER_FAILED "<code> <reason>" (baresip then drops the call itself), the
//    command was refused, or the call ended some other way before an outcome;
//  - timeout: no outcome within the guard time (the caller arms the timer and calls timeout()).
// Pure: fed with events and times.
#include "engine/engine_types.h"

#include <QHash>
#include <optional>

namespace engine {

class TransferTracker {
  public:
    // Starts tracking; returns the Pending status (to emit). False if one is already pending.
    std::optional<TransferStatus> start(const CallKey &call, const QString &target,
                                        const QString &transfereeUri, qint64 nowMs);
    bool isPending(const CallKey &call) const { return pending_.contains(call); }
    QList<CallKey> pendingCalls() const { return pending_.keys(); }

    // TRANSFER_FAILED on the call: "<code> <reason>".
    std::optional<TransferStatus> transferFailed(const CallKey &call, const QString &param,
                                                 qint64 nowMs);
    // CALL_CLOSED on the call (or the call vanished): reason as baresip gave it.
    std::optional<TransferStatus> callClosed(const CallKey &call, const QString &reason,
                                             qint64 nowMs);
    // baresip refused the transfer command, or it could not be sent.
    std::optional<TransferStatus> commandFailed(const CallKey &call, const QString &reason,
                                                qint64 nowMs);
    // The guard timer fired.
    std::optional<TransferStatus> timeout(const CallKey &call, qint64 guardMs, qint64 nowMs);
    // The engine died: every pending transfer fails; returns them.
    QList<TransferStatus> abortAll(const QString &reason, qint64 nowMs);

  private:
    struct Pending {
        TransferStatus status;
        qint64 startedMs = 0;
    };
    std::optional<TransferStatus> finish(const CallKey &call, TransferState state, int code,
                                         const QString &reason, bool callLost, qint64 nowMs);
    QHash<CallKey, Pending> pending_;
};

}  // namespace engine
