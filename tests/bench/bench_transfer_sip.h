#pragma once
// The in-process SIP parties of bench_transfer: Alice (caller), Bob (transferor) and Carol
// (transfer target), three UDP sockets driven by one Qt event loop. They live in the bench
// process so that "REFER sent" (Bob) and "INVITE received" (Carol) are read on one clock
// (QElapsedTimer), and so that hundreds of transfers can be in flight at once without one
// process per party. They speak just the SIP the flows need, with RFC 3261 retransmissions
// (Timer A/E doubling from 500 ms, 2xx-to-INVITE resent until ACK), so a datagram dropped
// under load is recovered as a real UA would, and only a genuinely stuck flow fails.
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUdpSocket>
#include <memory>

namespace benchxfer {

struct SipMessage;  // parsed once per datagram (bench_transfer_sip.cpp)

enum class Flow {
    // Alice calls the number on mini-restcomm, whose app <Dial>s Bob; Bob REFERs to Carol;
    // mini-restcomm runs the Refer URL and <Dial>s Carol; Alice hangs up after the hold.
    ServerTransfer,
    // Bob calls a UA (baresip, answermode=auto) and REFERs it to Carol; the UA INVITEs Carol
    // itself; Bob hangs up after the final NOTIFY (as baresip's own transferor does), Carol
    // after the hold.
    UaTransfer,
    // Alice calls the number, the app <Dial>s Bob, Alice hangs up after the hold: a plain
    // bridged call, the throughput peer of ServerTransfer.
    ServerCall,
};

struct Target {
    Flow flow = Flow::ServerTransfer;
    quint16 port = 0;  // mini-restcomm's or the UA's SIP port on 127.0.0.1
    QByteArray user;   // number ("9000") or the UA's user ("alice")
};

struct Outcome {
    bool done = false;
    bool ok = false;
    QByteArray failure;          // why it failed (state + last message)
    qint64 referNs = -1;         // Bob wrote the REFER
    qint64 fetchNs = -1;         // the Refer URL request reached the app server (server flows)
    qint64 targetInviteNs = -1;  // Carol read the INVITE
    qint64 acceptedNs = -1;      // Bob read the 202
    int resends = 0;             // retransmissions by our parties (lost or late answers)
    int referResends = 0;        // of which the REFER
    qint64 startNs = 0;
    qint64 endNs = 0;
};

class Parties : public QObject {
    Q_OBJECT
  public:
    explicit Parties(QObject *parent = nullptr);
    ~Parties() override;

    bool bind();
    quint16 bobPort() const { return bob_.localPort(); }
    quint16 carolPort() const { return carol_.localPort(); }
    qint64 nowNs() const { return clock_.nsecsElapsed(); }

    // Starts one flow; `holdMs` is how long the final call stays up before the hang-up.
    // Returns its id; finished(id) is emitted once, when it succeeded or failed.
    int start(const Target &target, int holdMs, int timeoutMs = 40000);
    const Outcome &outcome(int id) const;
    int inFlight() const { return int(active_.size()); }
    qint64 sendErrors() const { return sendErrors_; }  // datagrams the kernel refused
    void forget(int id);                               // drops a finished flow's record
    // The app server saw the Refer URL request of the flow whose caller user is `fromUser`.
    void noteReferFetch(const QByteArray &fromUser);

  signals:
    void finished(int id);

  private:
    struct Dialog;
    struct Pending;
    struct Run;
    void onDatagrams(QUdpSocket *socket);
    void handle(QUdpSocket *socket, quint16 fromPort, const SipMessage &message);
    void onRequest(Run &run, QUdpSocket *socket, quint16 fromPort, const SipMessage &message);
    void onResponse(Run &run, QUdpSocket *socket, const SipMessage &message);
    void advance(Run &run);
    void fail(Run &run, const QByteArray &why);
    void finish(Run &run, bool ok);
    void tick();
    Run *runFor(const SipMessage &message);
    void sendRequest(Run &run, QUdpSocket *socket, Dialog &dialog, const QByteArray &method,
                     const QByteArray &extraHeaders = {}, const QByteArray &body = {});
    void sendAck(Run &run, QUdpSocket *socket, Dialog &dialog, const QByteArray &cseq);
    void reply(QUdpSocket *socket, quint16 toPort, const SipMessage &request, int code,
               const QByteArray &localTag, const QByteArray &extra = {},
               const QByteArray &body = {});
    void write(QUdpSocket *socket, const QByteArray &message, quint16 port);
    QByteArray newToken();

    QElapsedTimer clock_;
    QUdpSocket alice_;
    QUdpSocket bob_;
    QUdpSocket carol_;
    QTimer ticker_;
    QHash<int, std::shared_ptr<Run>> active_;
    QHash<int, Outcome> outcomes_;
    QHash<QByteArray, int> byCallId_;
    QHash<QByteArray, int> byUser_;  // "tr<id>", the caller user / From every leg carries
    int nextId_ = 1;
    quint64 token_ = 0;
    qint64 sendErrors_ = 0;
};

}  // namespace benchxfer
