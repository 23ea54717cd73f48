#pragma once
// The implicit subscription a 202-accepted REFER creates (RFC 3515 §2.4.4): NOTIFYs with a
// message/sipfrag status line, sent in the REFER's dialog one after another. The final one says
// `terminated;reason=noresource`. Destroying the notifier drops pending NOTIFYs without any
// callback (libre cancels the client transaction's handlers).
#include <QByteArray>
#include <QString>
#include <deque>
#include <functional>

struct sip_dialog;
struct sip_msg;
struct sip_request;

namespace mrc {

class SipStack;

class ReferNotifier {
  public:
    // `dialog` is the REFER's dialog (referenced, not owned); `contactUser` goes into Contact.
    ReferNotifier(SipStack &stack, struct sip_dialog *dialog, QString contactUser);
    ~ReferNotifier();
    ReferNotifier(const ReferNotifier &) = delete;
    ReferNotifier &operator=(const ReferNotifier &) = delete;

    // Queues a NOTIFY whose body is "SIP/2.0 <code> <reason>". After a final one, further calls
    // are ignored.
    void notify(int code, const QString &reason, bool final);
    // Called once the final NOTIFY got its final response (the code) or failed (0): the moment
    // to BYE the transferor.
    void setFinalDone(std::function<void(int code)> done) { finalDone_ = std::move(done); }
    bool finalQueued() const { return finalQueued_; }
    const QByteArray &contactUser() const { return contactUser_; }

  private:
    struct Pending {
        QByteArray body;
        bool final = false;
    };
    void sendNext();
    static void onResponse(int err, const struct sip_msg *msg, void *arg);

    SipStack &stack_;
    struct sip_dialog *dialog_ = nullptr;  // referenced (mem_ref) while we live
    QByteArray contactUser_;
    std::deque<Pending> queue_;
    struct sip_request *request_ = nullptr;  // the NOTIFY in flight
    bool inFlightFinal_ = false;
    bool finalQueued_ = false;
    std::function<void(int)> finalDone_;
};

}  // namespace mrc
