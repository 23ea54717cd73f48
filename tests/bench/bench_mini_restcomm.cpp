// Bench (not a ctest): Dial-bridged calls per second at zero failed calls, and memory per live
// call, for mini-restcomm (sipp uac -> number -> <Dial><Sip> -> sipp uas), with sipp uac ->
// uas direct measured in the same run as the peer. Prints a table with ratios.
// Usage: bench_mini_restcomm [--max-rate N] [--step-seconds S] [--held-calls N]
// Run it inside its own network namespace: tests/support/netns-run.sh bench_mini_restcomm
#include "form_params.h"
#include "free_ports.h"
#include "http_stub.h"
#include "mini_restcomm_process.h"
#include "sipp_runner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>

#include <cstdio>

using namespace rptest;

namespace {

struct StepResult {
    int successful = 0;
    int failed = 0;
    bool ok = false;
};

// The last line of a sipp -trace_stat CSV, read by column name.
StepResult readStats(const QString &csvPath, int expectedCalls, int exitCode) {
    StepResult result;
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly)) {
        return result;
    }
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    if (lines.size() < 2) {
        return result;
    }
    const QList<QByteArray> header = lines.first().split(';');
    const QList<QByteArray> last = lines.last().split(';');
    const auto column = [&](const QByteArray &name) {
        const qsizetype index = header.indexOf(name);
        return index < 0 ? -1 : last.value(index).trimmed().toInt();
    };
    result.successful = column("SuccessfulCall(C)");
    result.failed = column("FailedCall(C)");
    result.ok = exitCode == 0 && result.failed == 0 && result.successful == expectedCalls;
    return result;
}

// One rate step: `calls` calls at `rate` cps through `target` ("host:port"), each held
// `holdMs`, answered by a fresh sipp uas (the target itself for the direct peer).
StepResult runStep(const QString &service, Sipp &uas, const QString &target, double rate, int calls,
                   int holdMs) {
    Sipp uac("uac_hangup.xml");
    uac.remote(target)
        .service(service)
        .key("from_user", "bench")
        .calls(calls)
        .rate(rate)
        .traceMessages(false)
        .arg({"-d", QString::number(holdMs), "-l", QString::number(std::max(1, int(rate * 4)))})
        .timeoutSeconds(int(calls / rate) + 30);
    if (!uac.start()) {
        return {};
    }
    uac.waitForFinished((int(calls / rate) + 40) * 1000);
    uas.waitForFinished(5000);
    return readStats(uac.statsFile(), calls, uac.exitCode());
}

qint64 rssKiB(qint64 pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

QString ratio(double ours, double peer) {
    return peer > 0 ? QString::number(ours / peer, 'f', 2) : QStringLiteral("-");
}

struct MemoryResult {
    qint64 idleKiB = -1;
    qint64 heldKiB = -1;
    int held = 0;
    double perCallKiB() const { return held > 0 ? double(heldKiB - idleKiB) / held : 0; }
};

// RSS of `pid` idle, then with `count` concurrent answered calls placed through `target`
// (answered by `uas`); the calls are torn down afterwards.
MemoryResult measureMemory(qint64 pid, Sipp &uas, const QString &service, const QString &target,
                           int count) {
    MemoryResult result;
    QThread::msleep(500);
    result.idleKiB = rssKiB(pid);
    Sipp uac("uac_hangup.xml");
    const double rate = 50;
    uac.remote(target)
        .service(service)
        .key("from_user", "bench")
        .calls(count)
        .rate(rate)
        .traceMessages(false)
        .arg({"-d", "60000", "-l", QString::number(count)});
    if (!uac.start()) {
        return result;
    }
    // Every call answered and held: wait for the placing to end, plus a margin.
    waitUntil([] { return false; }, int(count / rate * 1000) + 3000);
    result.heldKiB = rssKiB(pid);
    result.held = count;
    uac.kill();
    uas.kill();
    return result;
}

}  // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Calls/s at zero failed calls and memory per live call: mini-restcomm vs sipp direct");
    parser.addHelpOption();
    QCommandLineOption maxRate("max-rate", "highest rate tried (calls/s)", "N", "400");
    QCommandLineOption stepSeconds("step-seconds", "seconds of traffic per rate step", "S", "4");
    QCommandLineOption heldCalls("held-calls", "concurrent calls for the memory figure", "N",
                                 "100");
    QCommandLineOption holdMs("hold-ms", "how long each CPS call stays up", "MS", "1000");
    parser.addOptions({maxRate, stepSeconds, heldCalls, holdMs});
    parser.process(app);
    const int maximumRate = parser.value(maxRate).toInt();
    const int seconds = parser.value(stepSeconds).toInt();
    const int held = parser.value(heldCalls).toInt();
    const int hold = parser.value(holdMs).toInt();
    QTextStream out(stdout);

    HttpStub stub;
    if (!stub.listen()) {
        qFatal("cannot listen for the RCML stub");
    }
    const quint16 targetPort = freeUdpTcpPort();
    stub.setRcml("/bridge", QStringLiteral("<Response><Dial><Sip>sip:bench@127.0.0.1:%1</Sip>"
                                           "</Dial></Response>")
                                .arg(targetPort)
                                .toUtf8());
    MiniRestcomm server;
    MiniRestcommOptions options;
    options.logFormat = QStringLiteral("json");
    options.rtpPortCount = 4000;  // 2 legs x (RTP + RTCP) per call
    options.configJson =
        QJsonDocument(QJsonObject{{"referphone_config", 1},
                                  {"incoming_phone_numbers",
                                   QJsonArray{QJsonObject{{"phone_number", "9000"},
                                                          {"voice_url", stub.url("/bridge")},
                                                          {"voice_method", "POST"}}}}})
            .toJson();
    if (!server.start(options)) {
        qFatal("%s", qPrintable(server.lastError()));
    }

    // Memory per live call.
    Sipp memoryTarget("uas");
    memoryTarget.localPort(targetPort).calls(held).traceMessages(false);
    memoryTarget.start();
    const MemoryResult ours =
        measureMemory(server.pid(), memoryTarget, "9000", server.sipHostPort(), held);
    Sipp directTarget("uas");
    directTarget.calls(held).traceMessages(false);
    directTarget.start();
    const MemoryResult peer =
        measureMemory(directTarget.pid(), directTarget, "bench", directTarget.hostPort(), held);
    QThread::msleep(1000);

    // Calls per second, stepping the rate up until a step has a failed call.
    const QList<int> ladder{10, 25, 50, 100, 200, 400, 800, 1600};
    int bestOurs = 0;
    int bestPeer = 0;
    out << "step  rate  calls  mini-restcomm ok/failed  sipp-direct ok/failed\n";
    bool oursFailed = false;
    bool peerFailed = false;
    for (const int rate : ladder) {
        if (rate > maximumRate || (oursFailed && peerFailed)) {
            break;
        }
        const int calls = rate * seconds;
        QString oursText = QStringLiteral("-");
        QString peerText = QStringLiteral("-");
        if (!oursFailed) {
            Sipp uas("uas");
            uas.localPort(targetPort).calls(calls).traceMessages(false);
            uas.start();
            const StepResult step = runStep("9000", uas, server.sipHostPort(), rate, calls, hold);
            uas.kill();
            oursText = QStringLiteral("%1/%2").arg(step.successful).arg(step.failed);
            if (step.ok) {
                bestOurs = rate;
            } else {
                oursFailed = true;
            }
            QThread::msleep(hold + 500);  // let the last calls' legs close
        }
        if (!peerFailed) {
            Sipp uas("uas");
            uas.calls(calls).traceMessages(false);
            uas.start();
            const StepResult step = runStep("bench", uas, uas.hostPort(), rate, calls, hold);
            uas.kill();
            peerText = QStringLiteral("%1/%2").arg(step.successful).arg(step.failed);
            if (step.ok) {
                bestPeer = rate;
            } else {
                peerFailed = true;
            }
        }
        out << QStringLiteral("      %1  %2  %3  %4\n")
                   .arg(rate, 4)
                   .arg(calls, 5)
                   .arg(oursText, 23)
                   .arg(peerText, 21);
        out.flush();
    }
    const bool stoppedCleanly = server.stop();

    out << "\nmetric                          mini-restcomm   sipp direct   ratio\n";
    out << QStringLiteral("max calls/s at 0 failed        %1   %2   %3\n")
               .arg(bestOurs, 13)
               .arg(bestPeer, 11)
               .arg(ratio(bestOurs, bestPeer), 5);
    out << QStringLiteral("RSS idle (KiB)                  %1   %2   %3\n")
               .arg(ours.idleKiB, 13)
               .arg(peer.idleKiB, 11)
               .arg(ratio(ours.idleKiB, peer.idleKiB), 5);
    out << QStringLiteral("RSS with %1 live calls (KiB)  %2   %3   %4\n")
               .arg(held, 4)
               .arg(ours.heldKiB, 13)
               .arg(peer.heldKiB, 11)
               .arg(ratio(ours.heldKiB, peer.heldKiB), 5);
    out << QStringLiteral("RSS per live call (KiB)         %1   %2   %3\n")
               .arg(ours.perCallKiB(), 13, 'f', 1)
               .arg(peer.perCallKiB(), 11, 'f', 1)
               .arg(ratio(ours.perCallKiB(), peer.perCallKiB()), 5);
    out << "(a mini-restcomm call is two SIP dialogs and two relay legs; a sipp-direct call is one"
           " dialog, measured at the uas)\n";
    out << "mini-restcomm SIGTERM exit: " << (stoppedCleanly ? "0" : "NOT clean") << "\n";
    return stoppedCleanly ? 0 : 1;
}
