#pragma once
// The engine's own call table, built from ctrl_tcp events (baresip has no reliable one:
// listcalls has no Call-IDs, TRANSFER_FAILED closes a call without CALL_CLOSED). It also does
// the two correlations baresip leaves to the client (baresip-engine.md §13.4, §13.7):
//  - dial: dial() returns no Call-ID, so the first outgoing event with an unseen id and the
//    dialled peer URI is adopted as that dial's call;
//  - transferee: after a TRANSFER event, the next outgoing call to the Refer-To URI is the
//    continuation of the old call.
// Pure: fed with events and the time, returns what changed.
#include "engine/ctrl_protocol.h"
#include "engine/engine_types.h"

#include <QHash>
#include <QList>
#include <optional>
#include <vector>

namespace engine {

struct CallUpdate {
    enum class Kind {
        Added,               // call
        Changed,             // call
        Removed,             // call (state Closed, endReason set)
        DtmfReceived,        // call + digit
        TransferRequested,   // notice (transferee: REFER arrived on notice.call)
        TransferContinued,   // notice with newCallId (transferee: continuation adopted)
        TransferFailedHere,  // call + reason: baresip reported TRANSFER_FAILED (transferor)
        RemoteSdpOffer,      // call (a re-INVITE from the peer, e.g. remote hold)
    };
    Kind kind = Kind::Changed;
    CallInfo call;
    QChar digit;
    TransferNotice notice;
    QString reason;
};

class CallTable {
  public:
    // A dial was sent for `aor` to `peerUri`; `requestId` is handed back on adoption.
    void expectDial(const QString &aor, const QString &peerUri, const QString &requestId,
                    const QDateTime &now);
    // Gives up on dials older than `maxAgeMs` without a call; returns their request ids.
    QStringList expireDials(const QDateTime &now, qint64 maxAgeMs);
    bool dialPending(const QString &aor, const QString &peerUri) const;

    std::vector<CallUpdate> apply(const CtrlEvent &event, const QDateTime &now);

    // State the engine tracks itself (no baresip events): returns the changed call.
    std::optional<CallInfo> setOnHold(const CallKey &key, bool onHold);
    std::optional<CallInfo> setMuted(const CallKey &key, bool muted);
    // Removes a call the engine knows is gone (TRANSFER_FAILED, crash); returns it closed.
    std::optional<CallInfo> remove(const CallKey &key, const QString &reason, const QDateTime &now);

    const CallInfo *find(const CallKey &key) const;
    QList<CallInfo> calls() const;  // in creation order
    QList<CallKey> keys() const { return order_; }
    // Latest RTCP numbers per call (for media checks and statistics).
    std::optional<RtcpStats> rtcp(const CallKey &key) const;
    void clear();

  private:
    struct PendingDial {
        QString aor;
        QString peerUri;
        QString requestId;
        QDateTime since;
    };
    struct PendingContinuation {
        QString aor;
        QString target;
        TransferNotice notice;
    };
    CallInfo *ensureCall(const CtrlEvent &event, const QDateTime &now,
                         std::vector<CallUpdate> &updates);

    QHash<CallKey, CallInfo> calls_;
    QList<CallKey> order_;
    QList<PendingDial> dials_;
    QList<PendingContinuation> continuations_;
    QHash<CallKey, RtcpStats> rtcp_;
    // Ids closed recently: late events for them must not resurrect the call.
    QList<CallKey> closed_;
};

// "486 Busy Here" -> 486; 0 when the text does not start with a SIP code.
int sipCodeOf(const QString &reason);
// Compares SIP URIs as baresip prints them: brackets and case of scheme/host ignored.
bool sameSipUri(const QString &a, const QString &b);

}  // namespace engine
