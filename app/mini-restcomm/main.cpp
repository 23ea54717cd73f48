// mini-restcomm: a local emulator of Restcomm-Connect (registrar, B2BUA with RTP relay,
// RCML/RVD interpreter, REST API, event stream). Parses the command line, then runs the server.
#include "restcomm/server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QStandardPaths>
#include <cstdio>

namespace {

bool splitHostPort(const QString &text, QString *host, quint16 *port, QString *error) {
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = false;
    const uint value = colon > 0 ? text.mid(colon + 1).toUInt(&ok) : 0;
    if (colon <= 0 || !ok || value > 65535 || QHostAddress(text.left(colon)).isNull()) {
        *error = QStringLiteral("'%1' is not IP:PORT (e.g. 127.0.0.1:5080)").arg(text);
        return false;
    }
    *host = text.left(colon);
    *port = quint16(value);
    return true;
}

int fail(const QString &message) {
    std::fprintf(stderr, "mini-restcomm: %s\nTry 'mini-restcomm --help'.\n",
                 message.toLocal8Bit().constData());
    return 2;
}

}  // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);  // for argument parsing and paths; the loop is libre's
    QCoreApplication::setApplicationName(QStringLiteral("mini-restcomm"));
    QCoreApplication::setOrganizationName(QStringLiteral("ReferPhone"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REFERPHONE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Local emulator of Restcomm-Connect: SIP registrar and B2BUA with RTP relay, RCML and "
        "RVD applications, the Restcomm REST API and a live event stream (ws://HTTP/events).\n"
        "On first run with an empty data directory it imports the built-in Lab configuration "
        "(clients alice, bob, carol; numbers 1001 and 1002)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sipListen(
        QStringLiteral("sip-listen"),
        QStringLiteral("SIP address, UDP and TCP (default 127.0.0.1:5080)."),
        QStringLiteral("ADDR:PORT"), QStringLiteral("127.0.0.1:5080"));
    const QCommandLineOption httpListen(
        QStringLiteral("http-listen"),
        QStringLiteral("HTTP address for the REST API, RVD apps, /health and /events (default "
                       "127.0.0.1:8080; port 0 = any free port)."),
        QStringLiteral("ADDR:PORT"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption rtpPorts(
        QStringLiteral("rtp-ports"),
        QStringLiteral("UDP port range of the media relay (default 20000-20999)."),
        QStringLiteral("LO-HI"), QStringLiteral("20000-20999"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("Persistent store (default: %1).")
            .arg(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)),
        QStringLiteral("DIR"));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QStringLiteral("Import this configuration (ReferPhone export or Restcomm "
                       "IncomingPhoneNumbers JSON) at start; all or nothing."),
        QStringLiteral("FILE"));
    const QCommandLineOption domain(
        QStringLiteral("domain"),
        QStringLiteral("SIP domain and digest realm (default: the SIP listen IP)."),
        QStringLiteral("NAME"));
    const QCommandLineOption accountSid(
        QStringLiteral("account-sid"),
        QStringLiteral("AccountSid of the REST API (generated once and stored when not given)."),
        QStringLiteral("SID"));
    const QCommandLineOption authToken(
        QStringLiteral("auth-token"),
        QStringLiteral("AuthToken of the REST API (generated once and stored when not given)."),
        QStringLiteral("TOKEN"));
    const QCommandLineOption outboundProxy(
        QStringLiteral("outbound-proxy"),
        QStringLiteral("Where <Number> goes when it is no client and no local number, e.g. "
                       "sip:127.0.0.1:5070."),
        QStringLiteral("URI"));
    const QCommandLineOption logFormat(
        QStringLiteral("log-format"),
        QStringLiteral("Event log on stdout: text (default) or json (one event per line)."),
        QStringLiteral("text|json"), QStringLiteral("text"));
    const QCommandLineOption fetchTimeout(
        QStringLiteral("fetch-timeout"),
        QStringLiteral("Timeout of application (RCML) requests in ms (default 10000)."),
        QStringLiteral("MS"), QStringLiteral("10000"));
    const QCommandLineOption transferMode(
        QStringLiteral("transfer-mode"),
        QStringLiteral("How an accepted REFER is reported: rfc3515 (default: NOTIFY 100 Trying, "
                       "final NOTIFY once the refer application runs, then BYE) or restcomm "
                       "(Restcomm exactly: no NOTIFY, BYE right after the 202)."),
        QStringLiteral("rfc3515|restcomm"), QStringLiteral("rfc3515"));
    const QCommandLineOption noLab(
        QStringLiteral("no-lab"),
        QStringLiteral("Do not import the built-in Lab configuration into an empty store."));
    parser.addOptions({sipListen, httpListen, rtpPorts, dataDir, config, domain, accountSid,
                       authToken, outboundProxy, logFormat, fetchTimeout, transferMode, noLab});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        return fail(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    }

    mrc::ServerOptions options;
    QString error;
    if (!splitHostPort(parser.value(sipListen), &options.sipIp, &options.sipPort, &error) ||
        !splitHostPort(parser.value(httpListen), &options.httpIp, &options.httpPort, &error)) {
        return fail(error);
    }
    if (options.sipPort == 0) {
        return fail(QStringLiteral("--sip-listen needs a fixed port: phones must know it"));
    }
    const QStringList range = parser.value(rtpPorts).split(u'-');
    bool okLow = false, okHigh = false;
    if (range.size() == 2) {
        options.rtpLow = quint16(range[0].toUInt(&okLow));
        options.rtpHigh = quint16(range[1].toUInt(&okHigh));
    }
    if (!okLow || !okHigh || options.rtpLow < 1024 || options.rtpHigh <= options.rtpLow + 2) {
        return fail(QStringLiteral("--rtp-ports '%1' is not LO-HI with 1024 <= LO and room for one "
                                   "RTP/RTCP pair")
                        .arg(parser.value(rtpPorts)));
    }
    options.dataDir = parser.isSet(dataDir)
                          ? parser.value(dataDir)
                          : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(options.dataDir)) {
        return fail(QStringLiteral("cannot create the data directory %1").arg(options.dataDir));
    }
    options.configFile = parser.value(config);
    options.domain = parser.value(domain);
    options.accountSid = parser.value(accountSid);
    options.authToken = parser.value(authToken);
    options.outboundProxy = parser.value(outboundProxy);
    if (parser.value(logFormat) != u"text" && parser.value(logFormat) != u"json") {
        return fail(QStringLiteral("--log-format must be text or json"));
    }
    options.jsonLog = parser.value(logFormat) == u"json";
    bool okTimeout = false;
    options.fetchTimeoutMs = parser.value(fetchTimeout).toInt(&okTimeout);
    if (!okTimeout || options.fetchTimeoutMs < 100) {
        return fail(QStringLiteral("--fetch-timeout must be a number of milliseconds >= 100"));
    }
    if (parser.value(transferMode) != u"rfc3515" && parser.value(transferMode) != u"restcomm") {
        return fail(QStringLiteral("--transfer-mode must be rfc3515 or restcomm"));
    }
    options.restcommTransferMode = parser.value(transferMode) == u"restcomm";
    QFile lab(QStringLiteral(":/lab/lab-config.json"));
    if (!parser.isSet(noLab) && lab.open(QIODevice::ReadOnly)) {
        options.labConfig = lab.readAll();
    }
    return mrc::runServer(options);
}
