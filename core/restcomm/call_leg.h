#pragma once
// One SIP dialog of a bridged call (the B2BUA has two independent dialogs per call): an inbound
// leg created from a received INVITE, or an outbound leg we INVITE. Wraps a libre sipsess and
// turns its callbacks into std::function events. Destroying a Leg ends its dialog silently
// (BYE when established, CANCEL when ringing out, 486 when ringing in) without any callback.
#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>

struct sip_msg;
struct sipsess;
struct sip_dialog;

namespace mrc {

class SipStack;

class Leg {
  public:
    struct Events {
        std::function<void(int code)> progress;  // outbound: 18x received
        std::function<void()> answered;          // outbound: 2xx received (remoteSdp() set)
        std::function<void()> established;       // dialog confirmed (ACK in / ACK out)
        // The dialog ended from the far side or failed: code = final response code of a
        // failed outbound INVITE, 0 for BYE/CANCEL; reason is readable.
        std::function<void(int code, const QString &reason)> closed;
        // A re-INVITE with an offer: return our answer SDP, or empty + *error for 488.
        std::function<QByteArray(const QByteArray &offer, QString *error)> reoffer;
        // In-dialog REFER: the handler must answer it (sip_reply etc.).
        std::function<void(const struct sip_msg *msg)> refer;
    };

    ~Leg();
    Leg(const Leg &) = delete;
    Leg &operator=(const Leg &) = delete;

    // Takes the INVITE: answers 180 Ringing and keeps the transaction open until answer/reject.
    static std::unique_ptr<Leg> acceptInbound(SipStack &stack, const struct sip_msg *invite,
                                              const QString &contactUser, Events events,
                                              QString *error);
    // Sends an INVITE with our SDP offer.
    static std::unique_ptr<Leg> connectOutbound(SipStack &stack, const QString &requestUri,
                                                const QString &fromName, const QString &fromUri,
                                                const QString &contactUser, const QByteArray &offer,
                                                Events events, QString *error);

    void ringing();                                // inbound: 180 Ringing
    bool answer(const QByteArray &sdp);            // inbound: 200 OK with our SDP
    void reject(int code, const QString &reason);  // inbound, not answered yet
    bool reinvite(const QByteArray &sdp);          // established: send a re-INVITE offer
    void hangup();  // ends the dialog (see class comment); no callback; idempotent
    // A Reason header value (RFC 3326) for the BYE that hangup() sends.
    void setHangupReason(const QString &reason);
    void setClosedHandler(std::function<void(int, const QString &)> handler) {
        events_.closed = std::move(handler);
    }
    // Hands the leg to a new owner (a transfer moves legs between roles). Safe to call from
    // inside one of this leg's own callbacks: they run on a copy of the handler.
    void setEvents(Events events) { events_ = std::move(events); }
    // True when `msg` is an in-dialog request of this leg's dialog.
    bool matches(const struct sip_msg *msg) const;
    struct sip_dialog *dialog() const;

    bool inbound() const { return inbound_; }
    bool isAnswered() const { return answered_; }
    bool isClosed() const { return closed_; }
    const QString &callId() const { return callId_; }
    const QByteArray &remoteSdp() const { return remoteSdp_; }  // offer (in) or answer (out)
    const QString &remoteUser() const { return remoteUser_; }   // From user (in) / To user (out)
    const QString &remoteUri() const { return remoteUri_; }
    const QString &localUser() const { return localUser_; }  // To user (in) / From user (out)
    struct sipsess *session() const {
        return session_;
    }

  private:
    Leg() = default;
    static int onOffer(struct mbuf **descp, const struct sip_msg *msg, void *arg);
    static int onAnswer(const struct sip_msg *msg, void *arg);
    static void onProgress(const struct sip_msg *msg, void *arg);
    static void onEstablished(const struct sip_msg *msg, void *arg);
    static void onRefer(struct sip *sip, const struct sip_msg *msg, void *arg);
    static void onClose(int err, const struct sip_msg *msg, void *arg);

    SipStack *stack_ = nullptr;
    struct sipsess *session_ = nullptr;  // owned (mem_deref in hangup/destructor)
    Events events_;
    bool inbound_ = false;
    bool answered_ = false;
    bool closed_ = false;
    QString callId_;
    QByteArray remoteSdp_;
    QString remoteUser_;
    QString remoteUri_;
    QString localUser_;
};

}  // namespace mrc
