#pragma once
// One call through mini-restcomm: the caller's inbound leg, the RCML interpreter that runs the
// number's application on it (or none for a client-to-client call), the outbound legs a Dial
// rings, and the media relay legs that bridge them. Restcomm parity: the caller is answered
// before a Dial rings the target and hears generated ringback meanwhile.
#include "restcomm/call_leg.h"
#include "restcomm/interpreter.h"
#include "restcomm/media_relay.h"
#include "restcomm/re_timer.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace mrc {

class CallRegistry;
class EventSink;
class FetchHandle;
struct FetchRequest;
class HttpFetcher;
class Registrar;
class SipStack;
class Store;

// How an accepted REFER is reported to the transferor (restcomm-behaviour.md part 1).
enum class TransferMode {
    Rfc3515,  // NOTIFY 100 Trying, final NOTIFY 200 (or 503) once the refer app runs, then BYE
    Restcomm  // Restcomm exactly: no NOTIFY, BYE right after the 202
};

// What every call needs from the server, owned by the server and outliving every session.
struct CallServices {
    SipStack &sip;
    Registrar &registrar;
    Store &store;
    CallRegistry &calls;
    MediaRelay &relay;
    HttpFetcher &fetcher;
    EventSink &events;
    QString instanceId;
    QString outboundProxy;  // "host:port" or empty
    int fetchTimeoutMs = 10000;
    QString httpBase;  // "http://ip:port" of our own HTTP server, for relative app URLs
    TransferMode transferMode = TransferMode::Rfc3515;
};

class CallSession {
  public:
    using Finished = std::function<void(CallSession *)>;  // called once; delete later, not inside

    CallSession(CallServices &services, Finished finished);
    ~CallSession();
    CallSession(const CallSession &) = delete;
    CallSession &operator=(const CallSession &) = delete;

    // A new INVITE to a local number whose application is at `app`.
    void startApplication(const struct sip_msg *invite, const AppLocation &app,
                          const QString &dialledNumber);
    // A new INVITE from an authenticated client to another client (or out through the
    // outbound proxy): no interpreter, REFER refused (Restcomm parity).
    void startPeerToPeer(const struct sip_msg *invite, const rcml::DialNoun &callee);
    // Ends everything now (server shutdown): BYE / CANCEL / 503.
    void terminate(const QString &why);

    const QString &callSid() const { return callSid_; }
    bool isFinished() const { return finished_; }
    // After the call finished: a transferor's dialog still waits for its final NOTIFY to be
    // answered before its BYE; keep the session until then.
    bool isLingering() const { return !released_.empty(); }
    // True when `msg` is an in-dialog request of one of this call's dialogs.
    bool ownsDialog(const struct sip_msg *msg) const;

  private:
    struct Attempt;      // one outbound leg being rung by a Dial
    struct ReleasedLeg;  // a transferor's dialog after its REFER: NOTIFYs, then BYE
    // The values of the transfer in progress (between an accepted REFER and the end of the
    // refer application's first Dial), for the event stream.
    struct Transfer {
        QString transferor;
        QString transferee;
        QString referTarget;
    };

    // caller leg
    bool acceptCaller(const struct sip_msg *invite, QString *error);
    Leg::Events callerEvents();
    bool answerCaller();
    void onCallerClosed(int code, const QString &reason);
    QByteArray onCallerReoffer(const QByteArray &offer, QString *error);
    void resumeCaller();  // re-INVITE sendrecv if we relayed a hold to the caller's leg
    quint64 calleeSdpSession() const { return sdpSessionId_ + 1; }

    // interpreter
    void run(Step step);
    void runFetch(const step::Fetch &fetch);
    FetchRequest fetchRequest(const step::Fetch &fetch) const;

    // transfer (REFER)
    void onRefer(Leg *from, const struct sip_msg *msg);
    void answerRefer(const struct sip_msg *msg, int code, const char *phrase, const QString &why);
    std::optional<AppLocation> referApplication() const;
    QString transferorOf(const struct sip_msg *msg) const;
    std::unique_ptr<Leg> detachTransferor(Leg *from);
    ReleasedLeg *keepReleased(std::unique_ptr<Leg> transferor);
    void onReferAppStarted(bool ok, const QString &why);
    void byeReleased(ReleasedLeg *released);
    void dropReleased(ReleasedLeg *released);
    void publishTransfer(const QString &step, QJsonObject fields = {});
    void runDial(const rcml::Dial &dial);
    void runPause(int seconds);

    // dialing
    struct Target {
        QString requestUri;
        QString description;
        QString party;  // who is dialled: the client login or number of the Dial noun
    };
    std::vector<Target> resolveTargets(const rcml::DialNoun &noun, QStringList *why) const;
    void startAttempt(const Target &target, const rcml::Dial &dial);
    void onAttemptProgress(Attempt *attempt, int code);
    void onAttemptAnswered(Attempt *attempt);
    void onAttemptClosed(Attempt *attempt, int code, const QString &reason);
    void onDialTimeout();
    void onConnectedCalleeClosed();
    void onTimeLimit();
    void finishDial(const QString &status);
    QByteArray onCalleeReoffer(const QByteArray &offer, QString *error);

    void setCallerStatus(const QString &status);
    void publishState(const QString &leg, const QString &state, const QString &detail = {});
    void warn(const QString &message);
    void hangupAll();
    void finish();

    CallServices &svc_;
    Finished onFinished_;
    bool finished_ = false;
    bool peerToPeer_ = false;

    QString callSid_;
    std::unique_ptr<Leg> caller_;
    LegId callerMedia_ = kNoLeg;
    QByteArray callerOffer_;
    int callerPayloadType_ = 0;
    quint64 sdpSessionId_ = 0;
    quint64 callerSdpSession_ = 0;  // o= session id of our SDP on the caller's leg
    bool callerHeld_ = false;       // we relayed a sendonly/recvonly/inactive offer to it
    quint32 sdpVersion_ = 0;
    QString callerUser_;  // From user of the caller (the interpreted leg's party)
    QString dialled_;     // what the caller dialled (R-URI user): whose Refer URL applies

    std::optional<Interpreter> interpreter_;
    std::unique_ptr<FetchHandle> fetch_;
    ReTimer pauseTimer_;

    // Dial in progress / connected
    std::optional<rcml::Dial> dial_;
    std::vector<std::unique_ptr<Attempt>> attempts_;
    std::unique_ptr<Attempt> connected_;
    ReTimer dialTimer_;
    ReTimer limitTimer_;
    QElapsedTimer dialClock_;
    qint64 ringDurationMs_ = 0;
    QElapsedTimer talkClock_;
    QString firstAttemptSid_;  // DialCallSid when no leg answered
    bool anyBusy_ = false;

    std::vector<std::unique_ptr<ReleasedLeg>> released_;
    ReleasedLeg *awaitingReferApp_ = nullptr;  // its final NOTIFY waits for the refer app
    std::optional<Transfer> transfer_;
    // Objects that may be inside their own libre callback when we are done with them are
    // parked here and freed from a zero-delay timer, outside any callback.
    void bury(std::shared_ptr<void> object);
    std::vector<std::shared_ptr<void>> graveyard_;
    ReTimer reapTimer_;
};

}  // namespace mrc
