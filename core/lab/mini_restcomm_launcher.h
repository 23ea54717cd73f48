#pragma once
// Starts the bundled mini-restcomm for the Transfer Lab: a free SIP port and any free HTTP
// port on 127.0.0.1, then waits for its "mini-restcomm ready sip=... http=... account_sid=...
// auth_token=..." line. Its output is read continuously (a full pipe would stall the server)
// and the last lines are kept for error messages.
#include <QProcess>
#include <QStringList>

#include <optional>

namespace lab {

struct MiniRestcommEndpoints {
    QString sipHostPort;   // "127.0.0.1:5080"
    QString httpHostPort;  // "127.0.0.1:8080"
    QString accountSid;
    QString authToken;
    QString dataDir;
};

// Reads the ready line (pure); nullopt when `line` is not one or lacks a field.
std::optional<MiniRestcommEndpoints> parseReadyLine(const QString &line);

class MiniRestcommLauncher : public QObject {
    Q_OBJECT

  public:
    explicit MiniRestcommLauncher(QObject *parent = nullptr);
    ~MiniRestcommLauncher() override;

    // $MINI_RESTCOMM, else mini-restcomm beside this executable, else on PATH; empty if none.
    static QString findBinary();

    void setDataDir(const QString &dir) { dataDir_ = dir; }  // empty: the server's default
    // The SIP port of the next start only (0: a free one); for tests of the port-in-use retry.
    void setNextSipPort(quint16 port) { nextSipPort_ = port; }
    // A free port can be taken by someone else before the server binds it: a start that fails
    // with "Address already in use" is retried on new ports, up to kPortAttempts in all.
    static constexpr int kPortAttempts = 3;
    void start();
    void stop();  // SIGTERM, then kill after 5 s
    bool isReady() const { return endpoints_.has_value(); }
    const std::optional<MiniRestcommEndpoints> &endpoints() const { return endpoints_; }
    QStringList recentOutput() const { return recent_; }

  signals:
    void ready(const lab::MiniRestcommEndpoints &endpoints);
    void failed(const QString &message);  // did not start, or stopped unexpectedly
    void stopped();

  private:
    void launch();
    void readOutput();

    QProcess process_;
    QString dataDir_;
    QByteArray partialLine_;
    QStringList recent_;
    std::optional<MiniRestcommEndpoints> endpoints_;
    bool stopping_ = false;
    int attempts_ = 0;  // starts of this start() so far
    quint16 nextSipPort_ = 0;
};

}  // namespace lab
