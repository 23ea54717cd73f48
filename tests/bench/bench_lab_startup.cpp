// Bench (not a ctest): Transfer Lab start-up beside Linphone's desktop app, both under one Xvfb.
//  - ReferPhone: `referphone --lab` (starts its own mini-restcomm and three baresip phones that
//    register as alice, bob, carol). Timed from just before the process is started to:
//      * the registrar's view: the `registration`/`registered` events of all three logins in
//        the Lab server's event stream (their own millisecond timestamps, so the poll interval
//        does not add up; the server's HTTP port is read from /proc, as the GUI picks it);
//      * the app's view: the instance socket (the same request `referphone --status` sends,
//        without starting a client process per poll) lists three phones, all registered.
//  - Linphone (Debian `linphone`, desktop 4.4): a fresh HOME with a linphonerc holding the
//    three Lab accounts, registering to a standalone mini-restcomm with the Lab configuration
//    that is started (and ready) before the clock starts: Linphone's figure has no server
//    start-up in it, ReferPhone's has. The server's own start -> ready time is printed apart.
//    Timed to the same registrar events.
//  - VmRSS of the GUI process and of the GUI with all its descendants, after --idle-ms idle
//    once all three are registered.
// Each run gets fresh directories and its own session D-Bus (Linphone 4.4 exits without one);
// every process is stopped between runs and the runs alternate ReferPhone, Linphone.
// Usage: bench_lab_startup [--runs N] [--idle-ms MS] [--display N] [--referphone PATH]
//                          [--mini-restcomm PATH] [--linphone PATH] [--no-linphone]
#include "form_params.h"
#include "free_ports.h"
#include "mini_restcomm_process.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <signal.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <optional>
#include <vector>

#ifndef BENCH_REFERPHONE_BIN
#define BENCH_REFERPHONE_BIN ""
#endif
#ifndef BENCH_MINI_RESTCOMM_BIN
#define BENCH_MINI_RESTCOMM_BIN ""
#endif

namespace {

volatile std::sig_atomic_t stopRequested = 0;  // SIGINT/SIGTERM: stop early, clean up children

const QStringList kLogins{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")};

// ---------------------------------------------------------------- /proc

qint64 rssKiB(qint64 pid) {
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
    }
    return 0;
}

QString commOf(qint64 pid) {
    QFile file(QStringLiteral("/proc/%1/comm").arg(pid));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().trimmed()) : QString();
}

bool isZombie(qint64 pid) {
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray stat = file.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    return close > 0 && stat.size() > close + 2 && stat.at(close + 2) == 'Z';
}

// One process as seen at one moment: the start time (clock ticks since boot, /proc/PID/stat
// field 22) tells it apart from a later process that reuses the pid.
struct ProcessId {
    qint64 pid = 0;
    qint64 startTicks = -1;
    bool operator==(const ProcessId &) const = default;
};

// pid, ppid and start time from /proc/PID/stat; nullopt when gone.
struct StatLine {
    qint64 ppid = 0;
    qint64 startTicks = -1;
};
std::optional<StatLine> procStat(qint64 pid) {
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QByteArray stat = file.readAll();
    const qsizetype close = stat.lastIndexOf(')');  // comm may hold spaces and ')'
    // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
    // utime stime cutime cstime priority nice threads itrealvalue starttime ...
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (close < 0 || fields.size() < 20) {
        return std::nullopt;
    }
    return StatLine{fields.at(1).toLongLong(), fields.at(19).toLongLong()};
}

// True while exactly that process (same pid, same start time) exists and is not a zombie.
bool alive(const ProcessId &process) {
    const std::optional<StatLine> now = procStat(process.pid);
    return now && now->startTicks == process.startTicks && !isZombie(process.pid);
}

// Every process below `root` (which must be a live child of ours, never 0 or 1), children
// before grandchildren.
std::vector<ProcessId> descendants(qint64 root) {
    std::vector<ProcessId> out;
    if (root <= 1) {
        return out;
    }
    QHash<qint64, QList<ProcessId>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok) {
            continue;
        }
        if (const std::optional<StatLine> stat = procStat(pid)) {
            children[stat->ppid].append(ProcessId{pid, stat->startTicks});
        }
    }
    QList<qint64> queue{root};
    while (!queue.isEmpty()) {
        for (const ProcessId &child : children.value(queue.takeFirst())) {
            if (child.pid > 1) {
                out.push_back(child);
                queue.append(child.pid);
            }
        }
    }
    return out;
}

void remember(std::vector<ProcessId> &seen, const std::vector<ProcessId> &found) {
    for (const ProcessId &process : found) {
        if (std::find(seen.begin(), seen.end(), process) == seen.end()) {
            seen.push_back(process);
        }
    }
}

// The HTTP port of a mini-restcomm started with `--http-listen 127.0.0.1:0`: its listening TCP
// socket on 127.0.0.1 that is not the SIP port.
quint16 httpPortOf(qint64 pid) {
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> args = cmdline.readAll().split('\0');
    quint16 sipPort = 0;
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        if (args.at(i) == "--sip-listen") {
            sipPort = args.at(i + 1).mid(args.at(i + 1).lastIndexOf(':') + 1).toUShort();
        }
    }
    QSet<QByteArray> inodes;
    const QString fdDir = QStringLiteral("/proc/%1/fd").arg(pid);
    for (const QString &fd : QDir(fdDir).entryList(QDir::NoDotAndDotDot | QDir::System)) {
        const QString target = QFileInfo(fdDir + u'/' + fd).symLinkTarget();
        const qsizetype at = target.indexOf(QStringLiteral("socket:["));
        if (at >= 0) {
            inodes.insert(target.mid(at + 8).chopped(1).toLatin1());
        }
    }
    QFile tcp(QStringLiteral("/proc/%1/net/tcp").arg(pid));
    if (!tcp.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> lines = tcp.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> f = lines.at(i).simplified().split(' ');
        // sl local rem st tx:rx tr:when retrnsmt uid timeout inode
        if (f.size() < 10 || f.at(3) != "0A" || !inodes.contains(f.at(9))) {
            continue;
        }
        const quint16 port = f.at(1).mid(f.at(1).indexOf(':') + 1).toUShort(nullptr, 16);
        if (port != sipPort) {
            return port;
        }
    }
    return 0;
}

// ---------------------------------------------------------------- processes

void sleepMs(int ms) {
    QThread::msleep(ms);
    QCoreApplication::processEvents();
}

// SIGTERM the process, SIGKILL after the grace time; then the same for each recorded
// descendant that is still exactly that process (pid and start time), e.g. one reparented to
// init when the GUI died (referphone's three baresips outlive a SIGTERMed referphone and answer
// SIGTERM only after their de-registration times out). Nothing else is ever signalled.
// Returns how many processes were still running after the GUI had exited.
int stopTree(QProcess &process, const std::vector<ProcessId> &recordedDescendants) {
    int forced = 0;
    if (process.state() != QProcess::NotRunning) {
        process.terminate();
        if (!process.waitForFinished(8000)) {
            process.kill();
            process.waitForFinished(2000);
        }
    }
    for (const ProcessId &child : recordedDescendants) {
        if (child.pid <= 1 || !alive(child)) {
            continue;
        }
        ++forced;
        ::kill(pid_t(child.pid), SIGTERM);
        QElapsedTimer wait;
        wait.start();
        while (alive(child) && wait.elapsed() < 1000) {
            sleepMs(20);
        }
        if (alive(child)) {
            ::kill(pid_t(child.pid), SIGKILL);
        }
    }
    return forced;
}

// A private session bus (Linphone 4.4's single-application guard needs one; ReferPhone gets
// the same environment).
class SessionBus {
  public:
    bool start() {
        process_.setProgram(QStringLiteral("dbus-daemon"));
        process_.setArguments({QStringLiteral("--session"), QStringLiteral("--nofork"),
                               QStringLiteral("--print-address=1")});
        process_.start();
        if (!process_.waitForStarted(3000)) {
            return false;
        }
        QElapsedTimer clock;
        clock.start();
        while (!process_.canReadLine() && clock.elapsed() < 5000) {
            process_.waitForReadyRead(100);
        }
        address_ = QString::fromUtf8(process_.readLine().trimmed());
        return !address_.isEmpty();
    }
    ~SessionBus() { stopTree(process_, {}); }
    QString address() const { return address_; }

  private:
    QProcess process_;
    QString address_;
};

// ---------------------------------------------------------------- probes

class Http {
  public:
    Http() { manager_.setProxy(QNetworkProxy::NoProxy); }
    std::optional<QByteArray> get(quint16 port, const QString &path, int timeoutMs = 2000) {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
        QNetworkReply *reply = manager_.get(request);
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        loop.exec();
        std::optional<QByteArray> out;
        if (reply->isFinished() &&
            reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
            out = reply->readAll();
        } else {
            reply->abort();
        }
        reply->deleteLater();
        return out;
    }

  private:
    QNetworkAccessManager manager_;
};

// The wall time (ms since the epoch) of the first `registered` event of each Lab login.
struct RegistrarWatch {
    qint64 since = 0;
    QHash<QString, qint64> firstRegisteredMs;

    void feed(const QByteArray &json) {
        for (const QJsonValue &value : QJsonDocument::fromJson(json).array()) {
            const QJsonObject event = value.toObject();
            since = std::max(since, qint64(event.value(QStringLiteral("seq")).toInteger()));
            const QString login = event.value(QStringLiteral("login")).toString();
            if (event.value(QStringLiteral("type")).toString() != u"registration" ||
                event.value(QStringLiteral("state")).toString() != u"registered" ||
                firstRegisteredMs.contains(login)) {
                continue;
            }
            const QDateTime at = QDateTime::fromString(
                event.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
            firstRegisteredMs.insert(login, at.toMSecsSinceEpoch());
        }
    }
    bool complete() const {
        return std::all_of(kLogins.begin(), kLogins.end(),
                           [this](const QString &l) { return firstRegisteredMs.contains(l); });
    }
    qint64 firstMs() const {
        qint64 first = 0;
        for (qint64 ms : firstRegisteredMs) {
            first = first == 0 ? ms : std::min(first, ms);
        }
        return first;
    }
    qint64 lastMs() const {
        qint64 last = 0;
        for (qint64 ms : firstRegisteredMs) {
            last = std::max(last, ms);
        }
        return last;
    }
};

// `referphone --status` without the client process: one JSON line over the instance socket.
std::optional<QJsonObject> instanceStatus(const QString &name) {
    QLocalSocket socket;
    socket.connectToServer(name);
    if (!socket.waitForConnected(500)) {
        return std::nullopt;
    }
    socket.write(R"({"v":1,"command":"status","phone":"","target":""})"
                 "\n");
    QByteArray received;
    QElapsedTimer clock;
    clock.start();
    while (!received.contains('\n') && clock.elapsed() < 2000) {
        if (socket.waitForReadyRead(200)) {
            received += socket.readAll();
        } else if (socket.state() != QLocalSocket::ConnectedState) {
            received += socket.readAll();
            break;
        }
    }
    const QJsonDocument document = QJsonDocument::fromJson(received.left(received.indexOf('\n')));
    if (!document.isObject()) {
        return std::nullopt;
    }
    return document.object();
}

bool allPhonesRegistered(const QJsonObject &status) {
    const QJsonArray phones = status.value(QStringLiteral("phones")).toArray();
    return phones.size() == kLogins.size() &&
           std::all_of(phones.begin(), phones.end(), [](const QJsonValue &phone) {
               return phone.toObject().value(QStringLiteral("registered")).toBool();
           });
}

// ---------------------------------------------------------------- runs

struct Options {
    QString referphone;
    QString miniRestcomm;
    QString linphone;
    QString display;
    int idleMs = 3000;
    int timeoutMs = 60000;
    int pollMs = 20;
};

struct Sample {
    bool ok = false;
    QString error;
    double registrarMs = -1;  // start -> last of the three `registered` events at the registrar
    double firstRegisteredMs = -1;  // start -> the first of the three at the registrar
    double appStatusMs = -1;    // start -> instance socket says all three registered (ReferPhone)
    double serverReadyMs = -1;  // standalone mini-restcomm start -> ready (Linphone's server)
    qint64 rssGui = 0;
    qint64 rssTree = 0;
    int processes = 0;   // GUI + descendants
    int leftBehind = 0;  // descendants still running after the GUI exited on SIGTERM
};

QProcessEnvironment guiEnvironment(const Options &options, const QString &home,
                                   const QString &bus) {
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH", "/usr/bin:/bin"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/run"));
    env.insert(QStringLiteral("DISPLAY"), options.display);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), bus);
    return env;
}

bool makeHome(const QString &home) {
    for (const char *sub : {".config/linphone", ".local/share/linphone", ".cache", "run"}) {
        if (!QDir().mkpath(home + u'/' + QLatin1String(sub))) {
            return false;
        }
    }
    return QFile::setPermissions(home + QStringLiteral("/run"),
                                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

// Once registered: idle, then memory; then everything stopped. `guiPid` was read while the
// process ran (QProcess::processId() is 0 once it has exited).
void measureAndStop(const Options &options, QProcess &gui, qint64 guiPid,
                    std::vector<ProcessId> &seen, Sample &sample) {
    sleepMs(options.idleMs);
    const std::vector<ProcessId> tree = descendants(guiPid);
    remember(seen, tree);
    sample.rssGui = rssKiB(guiPid);
    sample.rssTree = sample.rssGui;
    for (const ProcessId &process : tree) {
        sample.rssTree += rssKiB(process.pid);
    }
    sample.processes = 1 + int(tree.size());
    sample.leftBehind += stopTree(gui, seen);
}

Sample runReferPhone(const Options &options, int run) {
    Sample sample;
    QTemporaryDir dir;
    const QString home = dir.path() + QStringLiteral("/home");
    SessionBus bus;
    if (!dir.isValid() || !makeHome(home) || !bus.start()) {
        sample.error = QStringLiteral("set-up failed (temp dir or dbus-daemon)");
        return sample;
    }
    const QString instance =
        QStringLiteral("bench-lab-startup-%1-%2").arg(QCoreApplication::applicationPid()).arg(run);
    QProcessEnvironment env = guiEnvironment(options, home, bus.address());
    env.insert(QStringLiteral("REFERPHONE_AUDIO"), QStringLiteral("headless"));
    env.insert(QStringLiteral("REFERPHONE_INSTANCE"), instance);
    env.insert(QStringLiteral("MINI_RESTCOMM"), options.miniRestcomm);
    QProcess gui;
    gui.setProcessEnvironment(env);
    gui.setStandardInputFile(QProcess::nullDevice());
    gui.setStandardOutputFile(dir.filePath(QStringLiteral("referphone.out")));
    gui.setStandardErrorFile(dir.filePath(QStringLiteral("referphone.err")));

    Http http;
    RegistrarWatch registrar;
    quint16 httpPort = 0;
    std::vector<ProcessId> seen;  // every descendant ever seen, for the clean-up

    QElapsedTimer clock;
    const qint64 startWallMs = QDateTime::currentMSecsSinceEpoch();
    clock.start();
    gui.start(options.referphone, {QStringLiteral("--lab")});
    if (!gui.waitForStarted(10000)) {
        sample.error = QStringLiteral("cannot start %1").arg(options.referphone);
        return sample;
    }
    const qint64 guiPid = gui.processId();
    while (!stopRequested && clock.elapsed() < options.timeoutMs) {
        if (gui.state() == QProcess::NotRunning) {
            sample.error = QStringLiteral("referphone exited (%1)").arg(gui.exitCode());
            break;
        }
        if (sample.appStatusMs < 0) {
            const std::optional<QJsonObject> status = instanceStatus(instance);
            if (status && allPhonesRegistered(*status)) {
                sample.appStatusMs = double(clock.nsecsElapsed()) / 1e6;
            }
        }
        const std::vector<ProcessId> tree = descendants(guiPid);
        remember(seen, tree);
        if (httpPort == 0) {
            for (const ProcessId &process : tree) {
                if (commOf(process.pid) == u"mini-restcomm") {
                    httpPort = httpPortOf(process.pid);
                }
            }
        } else if (!registrar.complete()) {
            if (const auto json = http.get(
                    httpPort, QStringLiteral("/events.json?since=%1").arg(registrar.since))) {
                registrar.feed(*json);
            }
            if (registrar.complete()) {
                sample.registrarMs = double(registrar.lastMs() - startWallMs);
                sample.firstRegisteredMs = double(registrar.firstMs() - startWallMs);
            }
        }
        if (sample.appStatusMs >= 0 && registrar.complete()) {
            sample.ok = true;
            break;
        }
        sleepMs(options.pollMs);
    }
    if (!sample.ok && sample.error.isEmpty()) {
        sample.error = QStringLiteral("not all registered after %1 ms (registrar saw %2; app %3)")
                           .arg(options.timeoutMs)
                           .arg(registrar.firstRegisteredMs.keys().join(u','))
                           .arg(sample.appStatusMs >= 0 ? "yes" : "no");
    }
    if (sample.ok) {
        measureAndStop(options, gui, guiPid, seen, sample);
    } else {
        if (gui.state() != QProcess::NotRunning) {
            remember(seen, descendants(guiPid));
        }
        sample.leftBehind += stopTree(gui, seen);
    }
    return sample;
}

QByteArray linphoneRc(quint16 ownPort, const QString &registrar) {
    QByteArray rc =
        "[sip]\n"
        "sip_port=" +
        QByteArray::number(ownPort) +
        "\n"
        "sip_tcp_port=0\n"
        "sip_tls_port=0\n"
        "default_proxy=0\n"
        "use_ipv6=0\n"
        "\n"
        "[misc]\n"
        "version_check_url_root=\n"
        "\n";
    const QStringList names{QStringLiteral("Alice"), QStringLiteral("Bob"),
                            QStringLiteral("Carol")};
    for (qsizetype i = 0; i < kLogins.size(); ++i) {
        const QByteArray login = kLogins.at(i).toUtf8();
        rc += "[proxy_" + QByteArray::number(i) +
              "]\n"
              "reg_proxy=<sip:" +
              registrar.toUtf8() +
              ";transport=udp>\n"
              "reg_identity=\"" +
              names.at(i).toUtf8() + "\" <sip:" + login +
              "@127.0.0.1>\n"
              "reg_expires=3600\n"
              "reg_sendregister=1\n"
              "publish=0\n\n";
    }
    for (qsizetype i = 0; i < kLogins.size(); ++i) {
        const QByteArray login = kLogins.at(i).toUtf8();
        // The Lab's passwords (resources/lab/lab-config.json): NAME123.
        rc += "[auth_info_" + QByteArray::number(i) + "]\nusername=" + login + "\npasswd=" + login +
              "123\nrealm=127.0.0.1\ndomain=127.0.0.1\n\n";
    }
    return rc;
}

Sample runLinphone(const Options &options) {
    Sample sample;
    QTemporaryDir dir;
    const QString home = dir.path() + QStringLiteral("/home");
    SessionBus bus;
    if (!dir.isValid() || !makeHome(home) || !bus.start()) {
        sample.error = QStringLiteral("set-up failed (temp dir or dbus-daemon)");
        return sample;
    }
    rptest::MiniRestcomm server;
    rptest::MiniRestcommOptions serverOptions;
    serverOptions.lab = true;  // the built-in Lab configuration, as the Lab window's server
    QElapsedTimer serverClock;
    serverClock.start();
    if (!server.start(serverOptions, 15000)) {
        sample.error = QStringLiteral("mini-restcomm: %1").arg(server.lastError());
        return sample;
    }
    sample.serverReadyMs = double(serverClock.nsecsElapsed()) / 1e6;
    QFile rc(home + QStringLiteral("/.config/linphone/linphonerc"));
    if (!rc.open(QIODevice::WriteOnly) ||
        rc.write(linphoneRc(rptest::freeUdpTcpPort(), server.sipHostPort())) < 0) {
        sample.error = QStringLiteral("cannot write %1").arg(rc.fileName());
        return sample;
    }
    rc.close();

    QProcess gui;
    gui.setProcessEnvironment(guiEnvironment(options, home, bus.address()));
    gui.setStandardInputFile(QProcess::nullDevice());
    gui.setStandardOutputFile(dir.filePath(QStringLiteral("linphone.out")));
    gui.setStandardErrorFile(dir.filePath(QStringLiteral("linphone.err")));
    Http http;
    RegistrarWatch registrar;
    if (const auto json = http.get(server.httpPort(), QStringLiteral("/events.json?since=0"))) {
        registrar.feed(*json);  // only events after this count (none should be registrations)
        registrar.firstRegisteredMs.clear();
    }
    std::vector<ProcessId> seen;

    QElapsedTimer clock;
    const qint64 startWallMs = QDateTime::currentMSecsSinceEpoch();
    clock.start();
    gui.start(options.linphone, {});
    if (!gui.waitForStarted(10000)) {
        sample.error = QStringLiteral("cannot start %1").arg(options.linphone);
        return sample;
    }
    const qint64 guiPid = gui.processId();
    while (!stopRequested && clock.elapsed() < options.timeoutMs) {
        if (gui.state() == QProcess::NotRunning) {
            QFile err(dir.filePath(QStringLiteral("linphone.err")));
            sample.error =
                QStringLiteral("linphone exited (%1): %2")
                    .arg(gui.exitCode())
                    .arg(err.open(QIODevice::ReadOnly) ? QString::fromUtf8(err.readAll().right(300))
                                                       : QString());
            break;
        }
        remember(seen, descendants(guiPid));
        if (const auto json = http.get(
                server.httpPort(), QStringLiteral("/events.json?since=%1").arg(registrar.since))) {
            registrar.feed(*json);
        }
        if (registrar.complete()) {
            sample.registrarMs = double(registrar.lastMs() - startWallMs);
            sample.firstRegisteredMs = double(registrar.firstMs() - startWallMs);
            sample.ok = true;
            break;
        }
        sleepMs(options.pollMs);
    }
    if (!sample.ok && sample.error.isEmpty()) {
        sample.error = QStringLiteral("not all registered after %1 ms (registrar saw %2)")
                           .arg(options.timeoutMs)
                           .arg(registrar.firstRegisteredMs.keys().join(u','));
    }
    if (sample.ok) {
        measureAndStop(options, gui, guiPid, seen, sample);
    } else {
        if (gui.state() != QProcess::NotRunning) {
            remember(seen, descendants(guiPid));
        }
        sample.leftBehind += stopTree(gui, seen);
    }
    if (!server.stop()) {
        std::fprintf(stderr, "note: mini-restcomm (Linphone's server) did not exit with 0\n");
    }
    return sample;
}

// ---------------------------------------------------------------- statistics and output

struct Stat {
    int n = 0;
    double median = 0;
    double min = 0;
    double max = 0;
};

template <typename Get>
Stat statOf(const std::vector<Sample> &samples, Get get) {
    std::vector<double> values;
    for (const Sample &s : samples) {
        if (s.ok && get(s) >= 0) {
            values.push_back(get(s));
        }
    }
    Stat stat;
    stat.n = int(values.size());
    if (values.empty()) {
        return stat;
    }
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    stat.median = values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    stat.min = values.front();
    stat.max = values.back();
    return stat;
}

QString cell(const Stat &stat, int decimals) {
    if (stat.n == 0) {
        return QStringLiteral("-");
    }
    return QStringLiteral("%1 [%2..%3]")
        .arg(stat.median, 0, 'f', decimals)
        .arg(stat.min, 0, 'f', decimals)
        .arg(stat.max, 0, 'f', decimals);
}

void row(const char *metric, const Stat &referphone, const Stat &linphone, int decimals) {
    const QString ratio = referphone.n && linphone.n && linphone.median != 0
                              ? QString::number(referphone.median / linphone.median, 'f', 2)
                              : QStringLiteral("-");
    std::printf("%-46s %24s %24s %7s\n", metric, qPrintable(cell(referphone, decimals)),
                qPrintable(cell(linphone, decimals)), qPrintable(ratio));
}

void printSample(const char *who, int run, const Sample &s) {
    if (!s.ok) {
        std::printf("run %d %-10s FAILED: %s\n", run, who, qPrintable(s.error));
        return;
    }
    QString line = QStringLiteral("run %1 %2 registered first %3 ms, all %4 ms")
                       .arg(run)
                       .arg(QString::fromLatin1(who), -10)
                       .arg(s.firstRegisteredMs, 6, 'f', 0)
                       .arg(s.registrarMs, 6, 'f', 0);
    if (s.appStatusMs >= 0) {
        line += QStringLiteral("  app status %1 ms").arg(s.appStatusMs, 6, 'f', 0);
    }
    if (s.serverReadyMs >= 0) {
        line += QStringLiteral("  server ready %1 ms").arg(s.serverReadyMs, 4, 'f', 0);
    }
    line += QStringLiteral("  RSS gui %1 KiB, with descendants %2 KiB (%3 processes)")
                .arg(s.rssGui, 7)
                .arg(s.rssTree, 7)
                .arg(s.processes);
    if (s.leftBehind) {
        line += QStringLiteral("  [%1 left behind by SIGTERM]").arg(s.leftBehind);
    }
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

QString freeDisplay() {
    for (int n = 90; n < 200; ++n) {
        if (!QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(n)) &&
            !QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n))) {
            return QString::number(n);
        }
    }
    return {};
}

}  // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Transfer Lab start-up and memory beside Linphone, under Xvfb"));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("runs"), QStringLiteral("runs per subject (5)"), QStringLiteral("N"),
         QStringLiteral("5")},
        {QStringLiteral("idle-ms"), QStringLiteral("idle time before reading RSS (3000)"),
         QStringLiteral("MS"), QStringLiteral("3000")},
        {QStringLiteral("timeout-ms"), QStringLiteral("give up a start after (60000)"),
         QStringLiteral("MS"), QStringLiteral("60000")},
        {QStringLiteral("display"), QStringLiteral("Xvfb display number (first free from 90)"),
         QStringLiteral("N")},
        {QStringLiteral("referphone"), QStringLiteral("referphone binary"), QStringLiteral("PATH"),
         QStringLiteral(BENCH_REFERPHONE_BIN)},
        {QStringLiteral("mini-restcomm"), QStringLiteral("mini-restcomm binary"),
         QStringLiteral("PATH"), QStringLiteral(BENCH_MINI_RESTCOMM_BIN)},
        {QStringLiteral("linphone"), QStringLiteral("Linphone desktop binary (linphone)"),
         QStringLiteral("PATH"), QStringLiteral("linphone")},
        {QStringLiteral("no-linphone"), QStringLiteral("ReferPhone only")},
    });
    parser.process(app);

    Options options;
    options.referphone = parser.value(QStringLiteral("referphone"));
    options.miniRestcomm = parser.value(QStringLiteral("mini-restcomm"));
    options.linphone = QStandardPaths::findExecutable(parser.value(QStringLiteral("linphone")));
    if (options.linphone.isEmpty()) {
        options.linphone = parser.value(QStringLiteral("linphone"));
    }
    options.idleMs = parser.value(QStringLiteral("idle-ms")).toInt();
    options.timeoutMs = parser.value(QStringLiteral("timeout-ms")).toInt();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const bool withLinphone = !parser.isSet(QStringLiteral("no-linphone"));
    if (!QFileInfo(options.referphone).isExecutable() ||
        !QFileInfo(options.miniRestcomm).isExecutable()) {
        std::fprintf(stderr, "referphone (%s) or mini-restcomm (%s) is not executable\n",
                     qPrintable(options.referphone), qPrintable(options.miniRestcomm));
        return 2;
    }
    if (withLinphone && !QFileInfo(options.linphone).isExecutable()) {
        std::fprintf(stderr,
                     "linphone not found: apt-get install --no-install-recommends linphone, "
                     "or --no-linphone\n");
        return 2;
    }
    qputenv("MINI_RESTCOMM", options.miniRestcomm.toLocal8Bit());  // for rptest::MiniRestcomm

    const QString number = parser.isSet(QStringLiteral("display"))
                               ? parser.value(QStringLiteral("display"))
                               : freeDisplay();
    options.display = u':' + number;
    QProcess xvfb;
    xvfb.setStandardOutputFile(QProcess::nullDevice());
    xvfb.setStandardErrorFile(QProcess::nullDevice());
    xvfb.start(QStringLiteral("Xvfb"), {options.display, QStringLiteral("-screen"),
                                        QStringLiteral("0"), QStringLiteral("1600x1000x24"),
                                        QStringLiteral("-nolisten"), QStringLiteral("tcp")});
    const bool xReady =
        xvfb.waitForStarted(3000) &&
        rptest::waitUntil(
            [&] {
                return QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X") + number) ||
                       xvfb.state() == QProcess::NotRunning;
            },
            5000) &&
        xvfb.state() == QProcess::Running;
    if (!xReady) {
        std::fprintf(stderr, "Xvfb %s did not start\n", qPrintable(options.display));
        return 2;
    }
    const auto onSignal = [](int) { stopRequested = 1; };
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    std::printf("Xvfb %s, %d runs per subject, idle %d ms before RSS\nreferphone %s\n",
                qPrintable(options.display), runs, options.idleMs, qPrintable(options.referphone));
    if (withLinphone) {
        QProcess version;
        version.start(QStringLiteral("dpkg-query"),
                      {QStringLiteral("-W"), QStringLiteral("-f=${Version}"),
                       QStringLiteral("linphone-desktop")});
        version.waitForFinished(5000);
        std::printf("linphone %s (linphone-desktop %s)\n", qPrintable(options.linphone),
                    version.readAllStandardOutput().constData());
    }
    std::fflush(stdout);

    std::vector<Sample> referphone;
    std::vector<Sample> linphone;
    int failures = 0;
    int leftBehind = 0;
    for (int run = 1; run <= runs && !stopRequested; ++run) {
        referphone.push_back(runReferPhone(options, run));
        printSample("ReferPhone", run, referphone.back());
        failures += referphone.back().ok ? 0 : 1;
        leftBehind += referphone.back().leftBehind;
        if (withLinphone && !stopRequested) {
            linphone.push_back(runLinphone(options));
            printSample("Linphone", run, linphone.back());
            failures += linphone.back().ok ? 0 : 1;
            leftBehind += linphone.back().leftBehind;
        }
    }
    stopTree(xvfb, {});

    std::printf("\n%-46s %24s %24s %7s\n", "metric (median [min..max])", "ReferPhone", "Linphone",
                "ratio");
    const auto registrar = [](const Sample &s) { return s.registrarMs; };
    const auto firstRegistered = [](const Sample &s) { return s.firstRegisteredMs; };
    const auto appStatus = [](const Sample &s) { return s.appStatusMs; };
    const auto serverReady = [](const Sample &s) { return s.serverReadyMs; };
    const auto gui = [](const Sample &s) { return double(s.rssGui); };
    const auto tree = [](const Sample &s) { return double(s.rssTree); };
    const auto processes = [](const Sample &s) { return double(s.processes); };
    row("start -> 1st registered at registrar (ms)", statOf(referphone, firstRegistered),
        statOf(linphone, firstRegistered), 0);
    row("start -> 3 registered at registrar (ms)", statOf(referphone, registrar),
        statOf(linphone, registrar), 0);
    row("start -> app reports 3 registered (ms)", statOf(referphone, appStatus), Stat{}, 0);
    row("mini-restcomm start -> ready (ms, apart)", Stat{}, statOf(linphone, serverReady), 0);
    row("VmRSS GUI process, idle (KiB)", statOf(referphone, gui), statOf(linphone, gui), 0);
    row("VmRSS GUI + descendants (KiB)", statOf(referphone, tree), statOf(linphone, tree), 0);
    row("processes (GUI + descendants)", statOf(referphone, processes), statOf(linphone, processes),
        0);
    std::printf(
        "ReferPhone's time includes starting its own mini-restcomm; Linphone's server was up "
        "before its clock started (its start -> ready is the row marked apart).\n");
    if (failures || leftBehind) {
        std::printf("%d failed runs; %d descendants outlived their SIGTERMed GUI (then stopped)\n",
                    failures, leftBehind);
    }
    return failures || stopRequested ? 1 : 0;
}
