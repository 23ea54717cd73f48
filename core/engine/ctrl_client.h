#pragma once
// The one ctrl_tcp connection to a baresip (a second one would replace it). Sends batches of
// commands in ONE write, so baresip runs them back to back and no SIP event can change the
// "current call" in between (baresip-engine.md §3, §8); matches responses by token, in any
// interleaving with events; times batches out; re-arms TCP_QUICKACK after every read on Linux
// (baresip leaves Nagle on: without it later frames of a burst wait ~40 ms for our ACK).
#include "engine/ctrl_protocol.h"

#include <QHash>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>

namespace engine {

struct CtrlCommand {
    QString name;
    QString params;
};

struct CtrlBatchResult {
    bool completed = false;         // all responses arrived
    QString error;                  // why not (timeout, disconnected)
    QList<CtrlResponse> responses;  // in command order (missing ones default-constructed)
};

class CtrlClient : public QObject {
    Q_OBJECT
  public:
    using Done = std::function<void(const CtrlBatchResult &)>;

    explicit CtrlClient(QObject *parent = nullptr);
    ~CtrlClient() override;

    void connectTo(quint16 port);
    bool isConnected() const;
    void disconnectFromBaresip();  // expected close: no disconnected() signal

    // Queues the batch for sending (one write); `done` runs once, on the last response, on
    // timeout or on disconnect.
    void send(const QList<CtrlCommand> &commands, Done done, int timeoutMs = 5000);
    int pendingBatches() const { return static_cast<int>(batches_.size()); }

  signals:
    void connected();
    void connectFailed(const QString &error);  // socket error before connected()
    void disconnected(const QString &reason);  // unexpected close after connected()
    void eventReceived(const engine::CtrlEvent &event);
    void protocolError(const engine::CtrlProtocolError &error);
    // Written to the socket (for latency measurement: the command has left us).
    void batchWritten(const QList<engine::CtrlCommand> &commands);

  private:
    struct Batch {
        QList<CtrlCommand> commands;
        QStringList tokens;
        QList<CtrlResponse> responses;
        int received = 0;
        Done done;
        std::unique_ptr<QTimer> timer;
    };
    void onReadyRead();
    void finishBatch(quint64 id, const QString &error);
    void failAll(const QString &error);
    void armQuickAck();

    std::unique_ptr<QTcpSocket> socket_;
    CtrlStreamParser parser_;
    QHash<QString, quint64> batchOfToken_;
    std::map<quint64, Batch> batches_;
    quint64 nextBatch_ = 1;
    quint64 nextToken_ = 1;
    bool expectClose_ = false;
    bool wasConnected_ = false;
};

}  // namespace engine

Q_DECLARE_METATYPE(engine::CtrlEvent)
Q_DECLARE_METATYPE(engine::CtrlProtocolError)
