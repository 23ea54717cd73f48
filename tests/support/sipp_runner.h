#pragma once
// Sipp: one sipp process running a scenario file from tests/integration/sipp/ (or a built-in
// one such as "uac"/"uas"), with -key values, its exit code (0 = every call succeeded) and
// its stdout/stderr, error trace (-trace_err) and message trace (-trace_msg) captured into a
// private temporary directory. Waiting spins the event loop so an in-process HttpStub keeps
// answering mini-restcomm meanwhile.
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace rptest {

class Sipp {
  public:
    // `scenario`: a file name under tests/integration/sipp/ ("uac_wait_bye.xml"), an absolute
    // path, or a built-in name without ".xml" ("uas", "uac").
    explicit Sipp(QString scenario);
    ~Sipp();  // kills a sipp still running

    static QString scenarioDir();

    Sipp &key(const QString &name, const QString &value);  // -key name value
    Sipp &localPort(quint16 port);                         // -p (default: a free UDP port)
    Sipp &remote(const QString &hostPort);                 // the trailing remote host
    Sipp &service(const QString &user);                    // -s user
    Sipp &calls(int count);                                // -m (default 1)
    Sipp &rate(double callsPerSecond);                     // -r
    Sipp &arg(const QStringList &extra);                   // anything else
    Sipp &timeoutSeconds(int seconds);                     // -timeout Ns -timeout_error
    // Per-message trace (-trace_msg) is on by default; benches switch it off (it costs CPU).
    Sipp &traceMessages(bool on);

    bool start();
    bool waitForFinished(int timeoutMs);
    // start() + waitForFinished(); true when sipp exited 0.
    bool run(int timeoutMs);
    void kill();

    bool isRunning() const;
    int exitCode() const;  // -1 when it crashed or is still running
    quint16 port() const { return port_; }
    QString hostPort() const;  // "127.0.0.1:<port>"
    qint64 pid() const;

    QByteArray standardOutput() const;
    QByteArray standardError() const;
    QByteArray errorTrace() const;    // -trace_err file
    QByteArray messageTrace() const;  // -trace_msg file
    QByteArray logTrace() const;      // -trace_logs file (<log> actions)
    QString statsFile() const;        // -trace_stat file path
    QString describe() const;         // command line, exit code, outputs: for failure messages

  private:
    QString scenario_;
    QStringList keys_;
    QStringList extra_;
    QString remote_;
    QString service_;
    int calls_ = 1;
    double rate_ = 0;
    int timeoutSeconds_ = 0;
    bool traceMessages_ = true;
    quint16 port_ = 0;
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<QProcess> process_;
    QStringList lastArgs_;
};

}  // namespace rptest
