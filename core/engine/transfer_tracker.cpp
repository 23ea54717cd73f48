#include "engine/transfer_tracker.h"

#include "engine/call_table.h"

namespace engine {

std::optional<TransferStatus> TransferTracker::start(const CallKey &call, const QString &target,
                                                     const QString &transfereeUri, qint64 nowMs) {
    if (pending_.contains(call)) {
        return std::nullopt;
    }
    Pending pending;
    pending.status.call = call;
    pending.status.target = target;
    pending.status.transfereeUri = transfereeUri;
    pending.status.state = TransferState::Pending;
    pending.startedMs = nowMs;
    pending_.insert(call, pending);
    return pending.status;
}

std::optional<TransferStatus> TransferTracker::finish(const CallKey &call, TransferState state,
                                                      int code, const QString &reason,
                                                      bool callLost, qint64 nowMs) {
    const auto it = pending_.constFind(call);
    if (it == pending_.constEnd()) {
        return std::nullopt;
    }
    TransferStatus status = it->status;
    status.state = state;
    status.sipCode = code;
    status.reason = reason;
    status.originalCallLost = callLost;
    status.elapsedMs = nowMs - it->startedMs;
    pending_.erase(it);
    return status;
}

std::optional<TransferStatus> TransferTracker::transferFailed(const CallKey &call,
                                                              const QString &param, qint64 nowMs) {
    // baresip 1.0.0 has already sent BYE to the transferee: the call is lost.
    return finish(call, TransferState::Failed, sipCodeOf(param), param.trimmed(), true, nowMs);
}

std::optional<TransferStatus> TransferTracker::callClosed(const CallKey &call,
                                                          const QString &reason, qint64 nowMs) {
    if (reason == QLatin1String("Call transfered") || reason == QLatin1String("Call transferred")) {
        return finish(call, TransferState::Succeeded, 0, QStringLiteral("transfer confirmed"),
                      false, nowMs);
    }
    if (reason == QLatin1String("Connection reset by peer")) {
        // The REFER was not refused (that would be TRANSFER_FAILED) and the server hung up:
        // Restcomm's way of saying it took the call over.
        return finish(call, TransferState::Succeeded, 0,
                      QStringLiteral("the server ended the call after accepting the transfer"),
                      false, nowMs);
    }
    const int code = sipCodeOf(reason);
    return finish(call, TransferState::Failed, code,
                  QStringLiteral("the call ended before the transfer completed (%1)").arg(reason),
                  true, nowMs);
}

std::optional<TransferStatus> TransferTracker::commandFailed(const CallKey &call,
                                                             const QString &reason, qint64 nowMs) {
    return finish(call, TransferState::Failed, 0, reason, false, nowMs);
}

std::optional<TransferStatus> TransferTracker::timeout(const CallKey &call, qint64 guardMs,
                                                       qint64 nowMs) {
    const auto it = pending_.constFind(call);
    if (it == pending_.constEnd() || nowMs - it->startedMs < guardMs) {
        return std::nullopt;
    }
    return finish(
        call, TransferState::TimedOut, 0,
        QStringLiteral("no outcome within %1 s; the call is still up").arg(guardMs / 1000), false,
        nowMs);
}

QList<TransferStatus> TransferTracker::abortAll(const QString &reason, qint64 nowMs) {
    QList<TransferStatus> out;
    for (const CallKey &call : pending_.keys()) {
        if (auto status = finish(call, TransferState::Failed, 0, reason, true, nowMs)) {
            out << *status;
        }
    }
    return out;
}

}  // namespace engine
