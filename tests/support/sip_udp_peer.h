#pragma once
// SipUdpPeer: a raw SIP-over-UDP endpoint for the tests that must send what no real UA would
// (torture messages) or must accept any outcome of a call (a final error response, or 200
// then BYE). It speaks just enough SIP for that; real call flows use sipp and baresip.
#include <QByteArray>
#include <QList>
#include <QUdpSocket>
#include <functional>

namespace rptest {

struct InviteOutcome {
    int finalStatus = 0;    // final response to the INVITE; 0 = none before the timeout
    bool gotBye = false;    // the server ended the answered call with BYE
    bool sentBye = false;   // we ended it (hangupAfterMs)
    int byeStatus = 0;      // response to our BYE
    QByteArray transcript;  // every message sent/received, for failure messages
};

class SipUdpPeer {
  public:
    SipUdpPeer();
    bool bind();  // 127.0.0.1, free port
    quint16 port() const { return socket_.localPort(); }

    void send(const QByteArray &message, quint16 toPort);
    // Waits for a received message matching `match` (all are kept in received()).
    QByteArray waitFor(const std::function<bool(const QByteArray &)> &match, int timeoutMs);
    QList<QByteArray> received() const { return received_; }

    // OPTIONS to the server; returns the status code (0 = no answer).
    int options(quint16 serverPort, int timeoutMs = 3000);

    // INVITE sip:<user>@127.0.0.1:<serverPort> with an audio SDP offer. ACKs the final
    // response; on 2xx, waits for the server's BYE (answered 200) or sends BYE itself after
    // hangupAfterMs (>= 0). Returns when the call is over or timeoutMs elapsed.
    InviteOutcome invite(const QString &user, quint16 serverPort, int timeoutMs,
                         int hangupAfterMs = -1);

    static int statusCode(const QByteArray &message);  // 0 for requests
    static QByteArray header(const QByteArray &message, const QByteArray &name);
    static QByteArray method(const QByteArray &message);  // empty for responses

  private:
    void pump();
    QByteArray branch();

    QUdpSocket socket_;
    QList<QByteArray> received_;
    int consumed_ = 0;
    int sequence_ = 0;
};

}  // namespace rptest
