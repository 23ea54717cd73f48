#pragma once
// Value types the phone engine hands to the GUI. Plain copyable structs, registered as Qt
// metatypes so they travel through queued signals. Calls are keyed by (account AOR, SIP
// Call-ID): the Call-ID alone is not unique when a phone calls itself (baresip-engine.md §5).
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

namespace engine {

enum class Transport { Udp, Tcp, Tls };

// One SIP account as the user configured it. The AOR ("sip:user@domain") is its key.
struct AccountConfig {
    QString displayName;    // "Alice"; may be empty
    QString user;           // login, e.g. "alice"; also the Contact user part
    QString domain;         // "127.0.0.1:5080" or "example.com"
    QString password;       // digest password; empty: no authentication
    QString authUser;       // digest user name; empty: same as `user`
    QString outboundProxy;  // "sip:127.0.0.1:5080" or empty
    Transport transport = Transport::Udp;
    int registerIntervalS = 600;  // 0: never register (peer-to-peer use)
    bool allowTransfers = true;   // false: REFER refused with 501 (baresip call_transfer=no)
    bool autoAnswer = false;

    QString aor() const { return QStringLiteral("sip:%1@%2").arg(user, domain); }
    bool operator==(const AccountConfig &) const = default;
};

enum class RegistrationState { Unregistered, Registering, Registered, Failed, Unregistering };

struct AccountState {
    QString aor;
    RegistrationState registration = RegistrationState::Unregistered;
    int sipCode = 0;    // last registrar answer, e.g. 200 or 403; 0 when none
    QString reason;     // "403 Forbidden", "Connection timed out", ...
    QDateTime changed;  // when `registration` last changed
};

struct CallKey {
    QString accountAor;
    QString callId;  // SIP Call-ID
    bool isValid() const { return !accountAor.isEmpty() && !callId.isEmpty(); }
    bool operator==(const CallKey &) const = default;
};
inline size_t qHash(const CallKey &key, size_t seed = 0) {
    return qHashMulti(seed, key.accountAor, key.callId);
}

enum class CallDirection { Incoming, Outgoing };

enum class CallState {
    Outgoing,     // dialled, remote not ringing yet
    Ringing,      // outgoing, remote is ringing (180)
    Incoming,     // incoming, ringing here, not answered
    Established,  // answered; see onHold / muted
    Closed,       // ended; the reason says why
};

struct CallInfo {
    CallKey key;
    CallDirection direction = CallDirection::Outgoing;
    CallState state = CallState::Outgoing;
    QString peerUri;          // "sip:bob@127.0.0.1:5072"
    QString peerDisplayName;  // from the SIP display name; may be empty
    bool onHold = false;      // local hold, tracked by the engine (baresip has no event)
    bool muted = false;       // tracked by the engine (baresip's mute is a toggle)
    QString dialRequestId;    // for outgoing calls: the id dial() returned
    QString continuesCallId;  // transferee: the call this one replaces after a transfer
    QDateTime started;        // created
    QDateTime established;    // answered; invalid before
    QDateTime ended;          // closed; invalid before
    QString endReason;        // "Connection reset by peer", "486 Busy Here", "Call transfered"

    // Talk time so far (or in total once closed); 0 before the answer.
    qint64 durationMs(const QDateTime &now = QDateTime::currentDateTimeUtc()) const {
        if (!established.isValid()) {
            return 0;
        }
        return established.msecsTo(ended.isValid() ? ended : now);
    }
};

// Transferor side: what became of a blind transfer started with blindTransfer().
enum class TransferState {
    Pending,    // REFER sent, waiting for the outcome
    Succeeded,  // transfer confirmed, or the server ended the call after accepting it
    Failed,     // refused or the target failed: sipCode/reason say why
    TimedOut,   // no outcome within the guard time
};

struct TransferStatus {
    CallKey call;    // the call being transferred
    QString target;  // fully qualified target URI actually sent
    TransferState state = TransferState::Pending;
    int sipCode = 0;  // failure code (e.g. 486), 0 when none
    QString reason;   // "486 Busy Here", "no outcome within 30 s", ...
    // baresip 1.0.0 ends the original call when a transfer fails: true means the call is gone
    // and the UI should offer to call the transferee (transfereeUri) back.
    bool originalCallLost = false;
    QString transfereeUri;  // the peer of the transferred call
    qint64 elapsedMs = 0;   // since blindTransfer()
};

// Transferee side: the peer asked us (REFER) to call `target`.
struct TransferNotice {
    CallKey call;            // the old call, on which the REFER arrived
    QString target;          // Refer-To, angle brackets removed
    QString transferorUri;   // the peer of the old call
    QString transferorName;  // its display name, may be empty
    QString newCallId;       // the adopted continuation call; empty until it is known
};

enum class EngineStatus { Stopped, Starting, Running, Restarting, Failed };

struct EngineError {
    enum class Code {
        None,
        BaresipNotFound,  // no executable: setting, next to us, PATH
        PortInUse,        // baresip exit 98
        BadConfig,        // baresip refused the generated config / account line
        StartTimeout,     // ctrl_tcp never accepted
        Crashed,          // baresip died or dropped ctrl_tcp
        NotRunning,       // command while the engine is stopped/restarting
        UnknownAccount,
        UnknownCall,
        InvalidState,   // e.g. transfer of a call that is not established
        InvalidTarget,  // target is not a usable number, user or SIP URI
        CommandFailed,  // baresip answered with an error
        ProtocolError,  // garbage on ctrl_tcp
        Timeout,        // no response from baresip in time
    };
    Code code = Code::None;
    QString message;  // readable: what failed and what to do
    QString detail;   // technical detail (baresip text, log excerpt); may be empty

    bool isError() const { return code != Code::None; }
    static EngineError ok() { return {}; }
    static EngineError make(Code code, QString message, QString detail = {}) {
        return {code, std::move(message), std::move(detail)};
    }
};

struct AudioDevice {
    QString id;           // backend id (PulseAudio name on Linux)
    QString description;  // human name
    bool isDefault = false;
    bool operator==(const AudioDevice &) const = default;
};

// Empty ids mean "system default".
struct AudioDeviceSelection {
    QString inputId;
    QString outputId;
    bool operator==(const AudioDeviceSelection &) const = default;
};

QString describe(RegistrationState state);
QString describe(CallState state);
QString describe(TransferState state);
QString describe(EngineStatus status);
QString describe(EngineError::Code code);

}  // namespace engine

Q_DECLARE_METATYPE(engine::AccountConfig)
Q_DECLARE_METATYPE(engine::AccountState)
Q_DECLARE_METATYPE(engine::CallKey)
Q_DECLARE_METATYPE(engine::CallInfo)
Q_DECLARE_METATYPE(engine::TransferStatus)
Q_DECLARE_METATYPE(engine::TransferNotice)
Q_DECLARE_METATYPE(engine::EngineStatus)
Q_DECLARE_METATYPE(engine::EngineError)
Q_DECLARE_METATYPE(engine::AudioDevice)
Q_DECLARE_METATYPE(engine::AudioDeviceSelection)
