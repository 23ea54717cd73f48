#pragma once
// mini-restcomm as a whole: owns the store, the SIP stack, registrar, B2BUA sessions, media
// relay, HTTP server (REST API, RVD controller, event stream, /health) and runs them all in one
// libre event loop (architecture rule 5).
#include <QString>
#include <functional>

namespace mrc {

struct ServerOptions {
    QString sipIp = QStringLiteral("127.0.0.1");
    quint16 sipPort = 5080;
    QString httpIp = QStringLiteral("127.0.0.1");
    quint16 httpPort = 8080;  // 0 = any free port (printed in the ready line)
    quint16 rtpLow = 20000;
    quint16 rtpHigh = 20999;
    QString dataDir;
    QString configFile;     // imported at start; empty = none
    QByteArray labConfig;   // imported when the store is empty and no configFile is given
    QString domain;         // registrar realm; empty = the SIP listen IP
    QString accountSid;     // empty = keep / generate
    QString authToken;      // empty = keep / generate
    QString outboundProxy;  // "sip:host:port" or "host:port"; empty = none
    bool jsonLog = false;
    int fetchTimeoutMs = 10000;
    bool restcommTransferMode = false;  // --transfer-mode restcomm: no NOTIFY, BYE after 202
};

// Runs until SIGINT/SIGTERM (live calls are ended with BYE first). Returns the process exit
// code; problems at start-up are printed to stderr with what to do about them.
int runServer(const ServerOptions &options);

}  // namespace mrc
