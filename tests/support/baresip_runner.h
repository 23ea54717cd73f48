#pragma once
// Baresip: one headless baresip 1.0.0 for a test, configured as in baresip-engine.md §2
// (ausine tone source, aubridge null player, ctrl_tcp on a free port, free SIP/RTP ports),
// plus a minimal netstring JSON ctrl_tcp client that records every event.
#include "netstring.h"

#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <functional>
#include <memory>

namespace rptest {

struct CtrlResponse {
    bool received = false;
    bool ok = false;
    QString data;
};

class Baresip {
  public:
    Baresip(QString name, int toneHz);
    ~Baresip();  // quits (or kills) a baresip still running

    // An accounts-file line, e.g. "<sip:bob@127.0.0.1:5080>;auth_pass=pw;regint=60".
    // answermode=auto and audio_codecs=pcmu are appended unless the line sets them.
    void addAccount(const QString &accountLine);

    bool start(int timeoutMs = 5000);
    QString lastError() const { return error_; }
    void quit();  // "quit" command, then waits for the exit

    quint16 sipPort() const { return sipPort_; }
    QString sipHostPort() const;  // "127.0.0.1:<port>"
    QString rtpRange() const;

    // Sends one command and waits for its response (events are recorded meanwhile).
    CtrlResponse command(const QString &name, const QString &params = {}, int timeoutMs = 3000);
    // Several commands in ONE write, so no SIP event can change the current call between them
    // (baresip-engine.md §3 "atomic batches"); returns the responses in order.
    QList<CtrlResponse> batch(const QList<QPair<QString, QString>> &commands, int timeoutMs = 3000);

    QList<QJsonObject> events() const { return events_; }
    // First recorded event (old or new) of `type` satisfying `match`; empty on timeout.
    QJsonObject waitForEvent(const QString &type, int timeoutMs,
                             const std::function<bool(const QJsonObject &)> &match = {});
    bool hasEvent(const QString &type) const;

    QByteArray log() const;  // baresip's stdout (file)

  private:
    void onReadyRead();
    void sendPayloads(const QList<QByteArray> &payloads);

    QString name_;
    int toneHz_;
    QStringList accounts_;
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<QProcess> process_;
    std::unique_ptr<QTcpSocket> ctrl_;
    NetstringDecoder decoder_;
    QList<QJsonObject> events_;
    QHash<QString, CtrlResponse> responses_;  // by token
    int nextToken_ = 1;
    quint16 sipPort_ = 0;
    quint16 ctrlPort_ = 0;
    quint16 rtpLow_ = 0;
    quint16 rtpHigh_ = 0;
    QString error_;
};

}  // namespace rptest
