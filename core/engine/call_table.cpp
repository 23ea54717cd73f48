#include "engine/call_table.h"

#include "engine/sip_target.h"

namespace engine {
namespace {

constexpr int kClosedMemory = 64;

bool isOutgoingCallEvent(const QString &type) {
    return type == QLatin1String("CALL_RINGING") || type == QLatin1String("CALL_PROGRESS") ||
           type == QLatin1String("CALL_ESTABLISHED") || type == QLatin1String("CALL_CLOSED") ||
           type == QLatin1String("CALL_OUTGOING") || type == QLatin1String("CALL_ANSWERED");
}

}  // namespace

int sipCodeOf(const QString &reason) {
    const QString trimmed = reason.trimmed();
    if (trimmed.size() < 3) {
        return 0;
    }
    bool numeric = false;
    const int code = trimmed.left(3).toInt(&numeric);
    if (!numeric || code < 100 || code > 699 || (trimmed.size() > 3 && !trimmed.at(3).isSpace())) {
        return 0;
    }
    return code;
}

bool sameSipUri(const QString &a, const QString &b) {
    const QString left = stripAngleBrackets(a);
    const QString right = stripAngleBrackets(b);
    const qsizetype leftAt = left.lastIndexOf(QLatin1Char('@'));
    const qsizetype rightAt = right.lastIndexOf(QLatin1Char('@'));
    // The user part is case-sensitive, scheme and host are not (RFC 3261 §19.1.4).
    const QString leftUser = left.left(leftAt + 1);
    const QString rightUser = right.left(rightAt + 1);
    const qsizetype leftColon = leftUser.indexOf(QLatin1Char(':'));
    const qsizetype rightColon = rightUser.indexOf(QLatin1Char(':'));
    return leftUser.left(leftColon).compare(rightUser.left(rightColon), Qt::CaseInsensitive) == 0 &&
           leftUser.mid(leftColon) == rightUser.mid(rightColon) &&
           left.mid(leftAt + 1).compare(right.mid(rightAt + 1), Qt::CaseInsensitive) == 0;
}

void CallTable::expectDial(const QString &aor, const QString &peerUri, const QString &requestId,
                           const QDateTime &now) {
    dials_.append({aor, peerUri, requestId, now});
}

QStringList CallTable::expireDials(const QDateTime &now, qint64 maxAgeMs) {
    QStringList expired;
    for (qsizetype i = dials_.size() - 1; i >= 0; --i) {
        if (dials_.at(i).since.msecsTo(now) > maxAgeMs) {
            expired.prepend(dials_.at(i).requestId);
            dials_.removeAt(i);
        }
    }
    return expired;
}

bool CallTable::dialPending(const QString &aor, const QString &peerUri) const {
    for (const PendingDial &dial : dials_) {
        if (dial.aor == aor && sameSipUri(dial.peerUri, peerUri)) {
            return true;
        }
    }
    return false;
}

CallInfo *CallTable::ensureCall(const CtrlEvent &event, const QDateTime &now,
                                std::vector<CallUpdate> &updates) {
    const CallKey key{event.accountAor, event.callId};
    auto it = calls_.find(key);
    if (it != calls_.end()) {
        return &it.value();
    }
    if (closed_.contains(key) || !key.isValid()) {
        return nullptr;
    }
    const bool incoming = event.direction == QLatin1String("incoming");
    if (!incoming && !isOutgoingCallEvent(event.type)) {
        return nullptr;  // e.g. CALL_RTCP of a call we never saw start: ignore
    }
    // With answermode=auto the first event of an incoming call is CALL_ESTABLISHED, not
    // CALL_INCOMING (observed), so any call-state event may introduce a call.
    CallInfo call;
    call.key = key;
    call.direction = incoming ? CallDirection::Incoming : CallDirection::Outgoing;
    call.state = incoming ? CallState::Incoming : CallState::Outgoing;  // updated by the caller
    call.peerUri = stripAngleBrackets(event.peerUri);
    call.peerDisplayName = event.peerDisplayName;
    call.started = now;
    std::optional<TransferNotice> continued;
    if (!incoming) {
        // A transfer continuation first (baresip dials it by itself), then our own dials.
        for (qsizetype i = 0; i < continuations_.size(); ++i) {
            const PendingContinuation &pending = continuations_.at(i);
            if (pending.aor == key.accountAor && sameSipUri(pending.target, call.peerUri)) {
                call.continuesCallId = pending.notice.call.callId;
                TransferNotice notice = pending.notice;
                notice.newCallId = key.callId;
                continued = notice;
                continuations_.removeAt(i);
                break;
            }
        }
        if (!continued) {
            qsizetype match = -1;
            for (qsizetype i = 0; i < dials_.size(); ++i) {
                if (dials_.at(i).aor == key.accountAor &&
                    sameSipUri(dials_.at(i).peerUri, call.peerUri)) {
                    match = i;
                    break;
                }
            }
            if (match >= 0) {
                call.dialRequestId = dials_.at(match).requestId;
                dials_.removeAt(match);
            }
        }
    }
    calls_.insert(key, call);
    order_.append(key);
    updates.push_back({CallUpdate::Kind::Added, call, {}, {}, {}});
    if (continued) {
        updates.push_back({CallUpdate::Kind::TransferContinued, call, {}, *continued, {}});
    }
    return &calls_[key];
}

std::vector<CallUpdate> CallTable::apply(const CtrlEvent &event, const QDateTime &now) {
    std::vector<CallUpdate> updates;
    const QString &type = event.type;
    if (event.callId.isEmpty() || event.accountAor.isEmpty()) {
        return updates;  // e.g. the first CALL_LOCAL_SDP of a dial; registration events
    }
    const CallKey key{event.accountAor, event.callId};

    if (type == QLatin1String("CALL_INCOMING") || isOutgoingCallEvent(type)) {
        CallInfo *call = ensureCall(event, now, updates);
        if (!call) {
            return updates;
        }
        if (!event.peerDisplayName.isEmpty() && call->peerDisplayName != event.peerDisplayName) {
            call->peerDisplayName = event.peerDisplayName;
        }
        CallState next = call->state;
        if (type == QLatin1String("CALL_RINGING") || type == QLatin1String("CALL_PROGRESS")) {
            if (call->state == CallState::Outgoing) {
                next = CallState::Ringing;
            }
        } else if (type == QLatin1String("CALL_ESTABLISHED")) {
            next = CallState::Established;
        } else if (type == QLatin1String("CALL_CLOSED")) {
            if (const auto removed = remove(key, event.param, now)) {
                updates.push_back({CallUpdate::Kind::Removed, *removed, {}, {}, {}});
            }
            return updates;
        }
        if (next != call->state) {
            call->state = next;
            if (next == CallState::Established && !call->established.isValid()) {
                call->established = now;
            }
            updates.push_back({CallUpdate::Kind::Changed, *call, {}, {}, {}});
        }
        return updates;
    }

    const auto it = calls_.find(key);
    if (it == calls_.end()) {
        return updates;
    }
    if (type == QLatin1String("CALL_DTMF_START")) {
        if (!event.param.isEmpty()) {
            updates.push_back({CallUpdate::Kind::DtmfReceived, *it, event.param.at(0), {}, {}});
        }
    } else if (type == QLatin1String("TRANSFER")) {
        TransferNotice notice;
        notice.call = key;
        notice.target = stripAngleBrackets(event.param);
        notice.transferorUri = it->peerUri;
        notice.transferorName = it->peerDisplayName;
        continuations_.append({key.accountAor, notice.target, notice});
        updates.push_back({CallUpdate::Kind::TransferRequested, *it, {}, notice, {}});
    } else if (type == QLatin1String("TRANSFER_FAILED")) {
        // baresip 1.0.0 hangs the call up after a failed transfer and emits no CALL_CLOSED
        // (baresip-engine.md §12.1): the call is gone now.
        updates.push_back({CallUpdate::Kind::TransferFailedHere, *it, {}, {}, event.param});
        if (const auto removed =
                remove(key, QStringLiteral("Transfer failed: %1").arg(event.param), now)) {
            updates.push_back({CallUpdate::Kind::Removed, *removed, {}, {}, {}});
        }
    } else if (type == QLatin1String("CALL_RTCP") && event.hasRtcp) {
        rtcp_.insert(key, event.rtcp);
    } else if (type == QLatin1String("CALL_REMOTE_SDP") && event.param == QLatin1String("offer") &&
               it->state == CallState::Established) {
        updates.push_back({CallUpdate::Kind::RemoteSdpOffer, *it, {}, {}, {}});
    }
    return updates;
}

std::optional<CallInfo> CallTable::setOnHold(const CallKey &key, bool onHold) {
    auto it = calls_.find(key);
    if (it == calls_.end() || it->onHold == onHold) {
        return std::nullopt;
    }
    it->onHold = onHold;
    return *it;
}

std::optional<CallInfo> CallTable::setMuted(const CallKey &key, bool muted) {
    auto it = calls_.find(key);
    if (it == calls_.end() || it->muted == muted) {
        return std::nullopt;
    }
    it->muted = muted;
    return *it;
}

std::optional<CallInfo> CallTable::remove(const CallKey &key, const QString &reason,
                                          const QDateTime &now) {
    auto it = calls_.find(key);
    if (it == calls_.end()) {
        return std::nullopt;
    }
    CallInfo call = it.value();
    call.state = CallState::Closed;
    call.ended = now;
    call.endReason = reason;
    calls_.erase(it);
    order_.removeAll(key);
    rtcp_.remove(key);
    closed_.append(key);
    if (closed_.size() > kClosedMemory) {
        closed_.removeFirst();
    }
    for (qsizetype i = continuations_.size() - 1; i >= 0; --i) {
        // A continuation stays expected after the old call closes (it closes right after the
        // REFER), but not forever: drop it when its new call would be far too late.
        if (continuations_.at(i).notice.call == key && continuations_.size() > 8) {
            continuations_.removeAt(i);
        }
    }
    return call;
}

const CallInfo *CallTable::find(const CallKey &key) const {
    const auto it = calls_.constFind(key);
    return it == calls_.constEnd() ? nullptr : &it.value();
}

QList<CallInfo> CallTable::calls() const {
    QList<CallInfo> out;
    for (const CallKey &key : order_) {
        out << calls_.value(key);
    }
    return out;
}

std::optional<RtcpStats> CallTable::rtcp(const CallKey &key) const {
    const auto it = rtcp_.constFind(key);
    if (it == rtcp_.constEnd()) {
        return std::nullopt;
    }
    return *it;
}

void CallTable::clear() {
    calls_.clear();
    order_.clear();
    dials_.clear();
    continuations_.clear();
    rtcp_.clear();
    closed_.clear();
}

}  // namespace engine
