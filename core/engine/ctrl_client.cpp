#include "engine/ctrl_client.h"

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace engine {

CtrlClient::CtrlClient(QObject *parent) : QObject(parent) {}

CtrlClient::~CtrlClient() {
    expectClose_ = true;
    if (socket_) {
        socket_->disconnect(this);
        socket_->abort();
    }
    // Callbacks may touch their owner, which is being destroyed: drop them unrun.
    for (auto &[id, batch] : batches_) {
        batch.done = nullptr;
    }
}

void CtrlClient::connectTo(quint16 port) {
    expectClose_ = false;
    wasConnected_ = false;
    parser_ = CtrlStreamParser();
    socket_ = std::make_unique<QTcpSocket>();
    socket_->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(socket_.get(), &QTcpSocket::connected, this, [this] {
        wasConnected_ = true;
        armQuickAck();
        emit connected();
    });
    connect(socket_.get(), &QTcpSocket::readyRead, this, &CtrlClient::onReadyRead);
    connect(socket_.get(), &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (!wasConnected_) {
            emit connectFailed(socket_->errorString());
        }
    });
    connect(socket_.get(), &QTcpSocket::disconnected, this, [this] {
        const QString reason = QStringLiteral("baresip closed the control connection");
        failAll(reason);
        if (!expectClose_ && wasConnected_) {
            emit disconnected(reason);
        }
    });
    socket_->connectToHost(QHostAddress::LocalHost, port);
}

bool CtrlClient::isConnected() const {
    return socket_ && socket_->state() == QAbstractSocket::ConnectedState;
}

void CtrlClient::disconnectFromBaresip() {
    expectClose_ = true;
    if (socket_) {
        socket_->abort();
    }
    failAll(QStringLiteral("control connection closed"));
}

void CtrlClient::armQuickAck() {
#ifdef Q_OS_LINUX
    // Linux clears TCP_QUICKACK after use, so it must be set again after every read.
    if (socket_ && socket_->socketDescriptor() >= 0) {
        const int one = 1;
        ::setsockopt(static_cast<int>(socket_->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &one,
                     sizeof one);
    }
#endif
}

void CtrlClient::send(const QList<CtrlCommand> &commands, Done done, int timeoutMs) {
    if (!isConnected()) {
        CtrlBatchResult result;
        result.error = QStringLiteral("baresip is not connected");
        result.responses.resize(commands.size());
        if (done) {
            done(result);
        }
        return;
    }
    const quint64 id = nextBatch_++;
    Batch batch;
    batch.commands = commands;
    batch.responses.resize(commands.size());
    batch.done = std::move(done);
    QByteArray wire;
    for (const CtrlCommand &command : commands) {
        const QString token = QStringLiteral("rp%1").arg(nextToken_++);
        batch.tokens << token;
        batchOfToken_.insert(token, id);
        wire += encodeCtrlCommand(command.name, command.params, token);
    }
    batch.timer = std::make_unique<QTimer>();
    batch.timer->setSingleShot(true);
    connect(batch.timer.get(), &QTimer::timeout, this, [this, id, timeoutMs] {
        finishBatch(id, QStringLiteral("baresip did not answer within %1 ms").arg(timeoutMs));
    });
    batch.timer->start(timeoutMs);
    batches_.emplace(id, std::move(batch));
    // One write() per batch: baresip executes its frames back to back.
    socket_->write(wire);
    socket_->flush();
    emit batchWritten(commands);
}

void CtrlClient::onReadyRead() {
    parser_.feed(socket_->readAll());
    armQuickAck();
    for (CtrlItem &item : parser_.take()) {
        if (auto *event = std::get_if<CtrlEvent>(&item)) {
            emit eventReceived(*event);
        } else if (auto *error = std::get_if<CtrlProtocolError>(&item)) {
            emit protocolError(*error);
        } else if (auto *response = std::get_if<CtrlResponse>(&item)) {
            const auto owner = batchOfToken_.constFind(response->token);
            if (owner == batchOfToken_.constEnd()) {
                emit protocolError({QStringLiteral("response with an unknown token"),
                                    response->token.toUtf8().left(80)});
                continue;
            }
            const quint64 id = owner.value();
            batchOfToken_.erase(owner);
            auto batch = batches_.find(id);
            if (batch == batches_.end()) {
                continue;
            }
            const qsizetype index = batch->second.tokens.indexOf(response->token);
            batch->second.responses[index] = *response;
            if (++batch->second.received == batch->second.commands.size()) {
                finishBatch(id, {});
            }
        }
        if (!socket_) {
            return;  // a callback tore the connection down
        }
    }
}

void CtrlClient::finishBatch(quint64 id, const QString &error) {
    auto it = batches_.find(id);
    if (it == batches_.end()) {
        return;
    }
    Batch batch = std::move(it->second);
    batches_.erase(it);
    for (const QString &token : std::as_const(batch.tokens)) {
        batchOfToken_.remove(token);
    }
    if (batch.timer) {
        batch.timer->stop();
    }
    CtrlBatchResult result;
    result.completed = error.isEmpty();
    result.error = error;
    result.responses = batch.responses;
    if (batch.done) {
        batch.done(result);
    }
    // The QTimer may be the sender of the running slot: delete it later.
    if (batch.timer) {
        batch.timer.release()->deleteLater();
    }
}

void CtrlClient::failAll(const QString &error) {
    std::vector<quint64> ids;
    for (const auto &[id, batch] : batches_) {
        ids.push_back(id);
    }
    for (quint64 id : ids) {
        finishBatch(id, error);
    }
}

}  // namespace engine
