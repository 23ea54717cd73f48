#pragma once
// MiniRestcomm: one mini-restcomm process for a test. Private temporary data dir, free ports,
// waits for the "mini-restcomm ready" line and GET /health, REST calls with Basic auth, event
// stream reads, and a SIGTERM stop that reports whether the process exited with 0.
#include "form_params.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <memory>

namespace rptest {

// Restcomm's ReferTest fixture account (restcomm-behaviour.md part 2 §7.1).
inline const QString kAccountSid = QStringLiteral("ACae6e420f425248d6a26948c17a9e2acf");
inline const QString kAuthToken = QStringLiteral("77f8c12cc7b8f8423e5c38b035249166");

struct MiniRestcommOptions {
    QString accountSid = kAccountSid;
    QString authToken = kAuthToken;
    QString domain;         // empty: not passed (server default = SIP listen IP)
    QString outboundProxy;  // e.g. "sip:127.0.0.1:5070"; empty: not passed
    QByteArray configJson;  // written to a temp file and passed as --config when non-empty
    QString configPath;     // passed as --config as is (wins over configJson)
    QString dataDir;        // empty: a fresh temporary directory
    QString logFormat = QStringLiteral("json");
    int rtpPortCount = 200;
    bool lab = false;  // false: --no-lab, the test's own fixtures only
    QStringList extraArgs;
};

struct HttpReply {
    int status = 0;  // 0 = no HTTP answer
    QByteArray body;
    QString error;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

class MiniRestcomm {
  public:
    MiniRestcomm();
    ~MiniRestcomm();  // SIGKILLs a process still running (a test that failed half way)

    static QString binaryPath();  // $MINI_RESTCOMM or <build>/bin/mini-restcomm

    // Starts and waits (event loop spinning) for "ready" and /health 200.
    bool start(const MiniRestcommOptions &options, int timeoutMs = 10000);
    QString lastError() const { return error_; }

    // SIGTERM, wait; true when the process exited normally with code 0.
    bool stop(int timeoutMs = 10000);
    bool isRunning() const;
    int exitCode() const;
    qint64 pid() const;

    quint16 sipPort() const { return sipPort_; }
    quint16 httpPort() const { return httpPort_; }
    QString sipHostPort() const;                 // "127.0.0.1:P"
    QString sipUri(const QString &user) const;   // "sip:user@127.0.0.1:P"
    QString httpUrl(const QString &path) const;  // "http://127.0.0.1:H<path>"
    QString dataDir() const { return dataDir_; }
    QString accountSid() const { return options_.accountSid; }
    const MiniRestcommOptions &options() const { return options_; }
    QString rtpRange() const;  // "LO-HI"

    // Raw HTTP. `auth` adds Basic sid:token.
    HttpReply http(const QString &method, const QString &path, const QByteArray &body = {},
                   const QByteArray &contentType = {}, bool auth = true, int timeoutMs = 5000);
    // REST under /restcomm/2012-04-24/Accounts/{sid}/ with form parameters.
    HttpReply rest(const QString &method, const QString &relativePath, const Params &form = {});
    QString restPath(const QString &relativePath) const;

    // GET /events.json?since=N.
    QJsonArray events(qint64 since = 0);
    // Waits until an event satisfies `match`; returns it (empty object on timeout).
    QJsonObject waitForEvent(const std::function<bool(const QJsonObject &)> &match, int timeoutMs);

    QByteArray standardOutput();  // everything so far
    QByteArray standardError();

    // Runs mini-restcomm with arbitrary arguments to completion (for start-up failures).
    struct RunResult {
        bool finished = false;
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static RunResult runToExit(const QStringList &arguments, int timeoutMs = 10000);

  private:
    void drain();
    QString outputPath(const char *name) const;

    MiniRestcommOptions options_;
    std::unique_ptr<QProcess> process_;
    std::unique_ptr<QTemporaryDir> tempDir_;
    QString dataDir_;
    QString error_;
    quint16 sipPort_ = 0;
    quint16 httpPort_ = 0;
    quint16 rtpLow_ = 0;
    quint16 rtpHigh_ = 0;
    QByteArray stdout_;
    QByteArray stderr_;
};

}  // namespace rptest
