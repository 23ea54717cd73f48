#pragma once
// The libre SIP stack of mini-restcomm: UDP and TCP transports on one address, the session
// socket for INVITE dialogs, a first-chance request handler (REGISTER, OPTIONS, REFER outside
// a dialog, ...) and a trace of every SIP message in or out onto the event stream.

#include <QString>
#include <functional>
#include <memory>

struct sip;
struct sip_msg;
struct sip_lsnr;
struct sipsess_sock;

namespace mrc {

class EventSink;

class SipStack {
  public:
    // Handler called first for every request; return true when it answered the request.
    using RequestHandler = std::function<bool(const struct sip_msg *)>;
    // A new INVITE (no To tag) for the B2BUA.
    using InviteHandler = std::function<void(const struct sip_msg *)>;

    // Binds UDP and TCP on ip:port (port 0 is refused: phones must know it). On failure returns
    // null and a readable reason in *error.
    static std::unique_ptr<SipStack> create(const QString &ip, quint16 port, EventSink *events,
                                            QString *error);
    ~SipStack();
    SipStack(const SipStack &) = delete;
    SipStack &operator=(const SipStack &) = delete;

    void setRequestHandler(RequestHandler handler) { requestHandler_ = std::move(handler); }
    void setInviteHandler(InviteHandler handler) { inviteHandler_ = std::move(handler); }

    struct sip *sip() const {
        return sip_;
    }
    struct sipsess_sock *sessionSocket() const {
        return sessionSocket_;
    }
    const QString &ip() const { return ip_; }
    quint16 port() const { return port_; }
    QString hostPort() const { return ip_ + u':' + QString::number(port_); }

    // Closes transports; pending transactions are dropped (used at exit).
    void close();

  private:
    SipStack() = default;
    static bool onRequest(const struct sip_msg *msg, void *arg);
    static void onInvite(const struct sip_msg *msg, void *arg);
    static void onTrace(bool tx, int transport, const struct sa *src, const struct sa *dst,
                        const unsigned char *packet, size_t length, void *arg);

    struct sip *sip_ = nullptr;            // owned, freed in the destructor (sip_close + mem_deref)
    struct sip_lsnr *listener_ = nullptr;  // owned
    struct sipsess_sock *sessionSocket_ = nullptr;  // owned
    EventSink *events_ = nullptr;
    RequestHandler requestHandler_;
    InviteHandler inviteHandler_;
    QString ip_;
    quint16 port_ = 0;
};

}  // namespace mrc
