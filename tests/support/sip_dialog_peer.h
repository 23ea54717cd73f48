#pragma once
// SipDialogPeer: a SIP-over-UDP phone for tests that must do what a real UA does not let a
// test script: send any in-dialog request (a REFER with a chosen Refer-To, a second REFER, a
// hold re-INVITE) and see every answer. One dialog at a time. In-dialog requests from the far
// side are answered automatically (BYE, NOTIFY, re-INVITE: 200; after our own BYE, 481) and
// recorded. Event-driven: waiting spins the Qt event loop.
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUdpSocket>

namespace rptest {

class SipDialogPeer : public QObject {
    Q_OBJECT
  public:
    explicit SipDialogPeer(QByteArray user, QObject *parent = nullptr);
    bool bind();  // 127.0.0.1, free port
    quint16 port() const { return socket_.localPort(); }
    QString uri() const;  // "sip:<user>@127.0.0.1:<port>"

    // UAS: waits for an INVITE; answers 180 then `finalCode` (200 with an SDP answer, or an
    // error), and for 200 waits for the ACK. Returns false on timeout.
    bool answer(int timeoutMs, int finalCode = 200);
    // UAC: INVITE <requestUri> via 127.0.0.1:serverPort; ACKs the final answer. Returns the
    // final status (0 on timeout). `hold` = false: the peer stays in the call.
    int call(const QByteArray &requestUri, quint16 serverPort, int timeoutMs);

    // Sends an in-dialog request and waits for its final response (empty on timeout).
    QByteArray request(const QByteArray &method, const QByteArray &extraHeaders, int timeoutMs,
                       const QByteArray &body = {}, const QByteArray &contentType = {});
    // BYE; returns the response status (0 on timeout).
    int hangup(int timeoutMs = 3000);

    // In-dialog requests of `method` received so far (already answered).
    QList<QByteArray> received(const QByteArray &method) const;
    bool waitForRequest(const QByteArray &method, int count, int timeoutMs);
    // Answers NOTIFYs only after `ms` (a slow phone): the notifier must wait for each answer.
    void setNotifyAnswerDelay(int ms) { notifyAnswerDelayMs_ = ms; }
    bool inDialog() const { return established_ && !ended_; }
    bool byeReceived() const { return byeReceived_; }
    QByteArray transcript() const { return transcript_; }

    static int statusCode(const QByteArray &message);
    static QByteArray header(const QByteArray &message, const QByteArray &name);

  private:
    void onReadyRead();
    void onMessage(const QByteArray &message, quint16 fromPort);
    void reply(const QByteArray &request, int code, const QByteArray &phrase,
               const QByteArray &extra = {}, const QByteArray &body = {});
    void send(const QByteArray &message);
    QByteArray branch();
    QByteArray sdp() const;

    QByteArray user_;
    QUdpSocket socket_;
    quint16 serverPort_ = 0;
    QByteArray callId_;
    QByteArray localTag_;
    QByteArray localFrom_;  // our From/To header value with tag
    QByteArray remote_;     // the far side's From/To header value with tag
    QByteArray remoteTarget_;
    int cseq_ = 100;
    bool established_ = false;
    bool ended_ = false;
    bool byeReceived_ = false;
    QByteArray pendingInvite_;  // the INVITE answer() is waiting for
    QList<QByteArray> responses_;
    QList<QByteArray> requests_;
    QByteArray transcript_;
    int sequence_ = 0;
    int notifyAnswerDelayMs_ = 0;
};

}  // namespace rptest
