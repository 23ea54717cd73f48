// Bench (not a ctest): blind transfer through mini-restcomm. Two figures, each beside a peer
// measured in the same run (tests/bench/README.md, "bench_transfer"):
//  * REFER -> target INVITE latency (p50/p90/p99/max over --transfers transfers, one at a
//    time), peer: baresip 1.0.0 as the transferee, which sends the target INVITE itself;
//  * transfers per second at zero failures (stepped rates), peer: plain Dial-bridged calls
//    per second through the same mini-restcomm, with the same parties and hold.
// Alice, Bob and Carol are in-process UDP parties (bench_transfer_sip.h), so "REFER sent" and
// "INVITE received" are read on one clock.
// Run it inside its own network namespace: tests/support/netns-run.sh bench_transfer
#include "bench_transfer_sip.h"
#include "baresip_runner.h"
#include "free_ports.h"
#include "http_stub.h"
#include "mini_restcomm_process.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace rptest;
using benchxfer::Flow;
using benchxfer::Parties;
using benchxfer::Target;

namespace {

struct Subject {
    QString name;
    Target target;
    QList<double> latencyMs;  // REFER -> target INVITE
    QList<double> fetchMs;    // REFER -> Refer URL request at the app server
    int failed = 0;
    int resends = 0;
    QByteArray firstFailure;
    QList<int> bestRates;        // last passing rate of each round
    QList<double> cpuMsPerFlow;  // server CPU per flow, each rate step
    bool rateFailed = false;
};

double percentile(QList<double> values, double p) {
    if (values.isEmpty()) {
        return -1;
    }
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least p% of the samples at or below it.
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values[std::clamp<qsizetype>(rank - 1, 0, values.size() - 1)];
}

int median(QList<int> values) {
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

QString ratio(double ours, double peer) {
    return ours > 0 && peer > 0 ? QString::number(ours / peer, 'f', 2) : QStringLiteral("-");
}

// Spins the event loop until flow `id` finished. A real QEventLoop (not rptest::waitUntil,
// which sleeps 2 ms per turn) so that a datagram is read the moment it arrives.
void waitFinished(Parties &parties, int id) {
    if (parties.outcome(id).done) {
        return;
    }
    QEventLoop loop;
    const auto connection = QObject::connect(&parties, &Parties::finished, &loop, [&](int done) {
        if (done == id) {
            loop.quit();
        }
    });
    loop.exec();  // Parties fails a flow at its own deadline, so this returns
    QObject::disconnect(connection);
}

void settle(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// One transfer at a time, so the figure is the unloaded path, not queueing.
void measureLatency(Parties &parties, Subject &subject, int count, int holdMs) {
    for (int i = 0; i < count; ++i) {
        const int id = parties.start(subject.target, holdMs);
        waitFinished(parties, id);
        const benchxfer::Outcome outcome = parties.outcome(id);
        parties.forget(id);
        subject.resends += outcome.resends;
        if (!outcome.ok || outcome.referNs < 0 || outcome.targetInviteNs < 0) {
            if (subject.firstFailure.isEmpty()) {
                subject.firstFailure = outcome.failure;
            }
            ++subject.failed;
            continue;
        }
        subject.latencyMs << double(outcome.targetInviteNs - outcome.referNs) / 1e6;
        if (outcome.fetchNs >= 0) {
            subject.fetchMs << double(outcome.fetchNs - outcome.referNs) / 1e6;
        }
    }
}

struct StepResult {
    int ok = 0;
    int failed = 0;
    QList<double> latencyMs;
    QList<double> fetchMs;
    QList<double> acceptMs;
    int resends = 0;
    QByteArray firstFailure;
    bool passed(int calls) const { return failed == 0 && ok == calls; }
};

// `count` flows started at `rate` per second (open loop, on schedule whatever the answers),
// then waits for all of them.
StepResult runStep(Parties &parties, const Target &target, int rate, int count, int holdMs) {
    StepResult result;
    QList<int> ids;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer pacer;
    pacer.setTimerType(Qt::PreciseTimer);
    pacer.setInterval(2);
    QObject::connect(&pacer, &QTimer::timeout, &loop, [&] {
        const qint64 due = std::min<qint64>(count, clock.nsecsElapsed() * rate / 1000000000 + 1);
        while (ids.size() < due) {
            ids << parties.start(target, holdMs);
        }
        if (ids.size() == count) {
            pacer.stop();
            loop.quit();
        }
    });
    pacer.start();
    loop.exec();
    for (const int id : std::as_const(ids)) {
        waitFinished(parties, id);
        const benchxfer::Outcome outcome = parties.outcome(id);
        parties.forget(id);
        result.resends += outcome.resends;
        if (outcome.ok) {
            ++result.ok;
            if (outcome.referNs >= 0 && outcome.targetInviteNs >= 0) {
                result.latencyMs << double(outcome.targetInviteNs - outcome.referNs) / 1e6;
            }
            if (outcome.referNs >= 0 && outcome.fetchNs >= 0) {
                result.fetchMs << double(outcome.fetchNs - outcome.referNs) / 1e6;
            }
            if (outcome.referNs >= 0 && outcome.acceptedNs >= 0) {
                result.acceptMs << double(outcome.acceptedNs - outcome.referNs) / 1e6;
            }
        } else {
            ++result.failed;
            if (result.firstFailure.isEmpty()) {
                result.firstFailure = outcome.failure;
            }
        }
    }
    return result;
}

// mini-restcomm's own count of live calls (GET /health), after the step's calls ended.
int liveCalls(MiniRestcomm &server) {
    const HttpReply reply =
        server.http(QStringLiteral("GET"), QStringLiteral("/health"), {}, {}, false);
    return reply.status == 200 ? reply.json().object().value("live_calls").toInt(-1) : -1;
}

// QTextStream only hands its text to stdio; stdout into a file is fully buffered.
void flush(QTextStream &out) {
    out.flush();
    std::fflush(stdout);
}

// User + system CPU time of a process, in ms (clock-tick resolution, 10 ms).
double cpuMs(qint64 pid) {
    QFile stat(pid > 0 ? QStringLiteral("/proc/%1/stat").arg(pid)
                       : QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray text = stat.readAll();
    // Fields after the ")" closing the command name: state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble();
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

// Evidence for a leak: how many call records are still in a live status, by status and
// direction, with one example each (records of sessions that are gone, or stuck sessions).
QString liveRecords(MiniRestcomm &server) {
    QStringList parts;
    for (const QString &status :
         {QStringLiteral("queued"), QStringLiteral("ringing"), QStringLiteral("in-progress")}) {
        const HttpReply reply =
            server.rest(QStringLiteral("GET"),
                        QStringLiteral("Calls.json?Status=%1&PageSize=1000").arg(status));
        const QJsonObject page = reply.json().object();
        QHash<QString, int> byDirection;
        QHash<QString, QJsonObject> example;
        for (const QJsonValue &call : page.value("calls").toArray()) {
            const QString direction = call.toObject().value("direction").toString();
            ++byDirection[direction];
            example.insert(direction, call.toObject());
        }
        for (auto it = byDirection.cbegin(); it != byDirection.cend(); ++it) {
            const QJsonObject e = example.value(it.key());
            parts << QStringLiteral("%1 %2 x%3 (e.g. %4 from=%5 to=%6 created=%7)")
                         .arg(status, it.key())
                         .arg(it.value())
                         .arg(e.value("sid").toString(), e.value("from").toString(),
                              e.value("to").toString(), e.value("date_created").toString());
        }
    }
    return parts.join(QStringLiteral("; "));
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

}  // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Blind transfer through mini-restcomm: REFER -> target INVITE latency (peer: baresip "
        "transferee) and transfers/s at zero failures (peer: bridged calls/s)");
    parser.addHelpOption();
    QCommandLineOption transfersOption("transfers", "transfers per subject for the latency", "N",
                                       "1000");
    QCommandLineOption blockOption("block", "latency transfers per subject before switching", "N",
                                   "50");
    QCommandLineOption latencyHoldOption("latency-hold-ms", "hold of each latency transfer", "MS",
                                         "20");
    QCommandLineOption maxRateOption("max-rate", "highest rate tried (per second)", "N", "200");
    QCommandLineOption stepSecondsOption("step-seconds", "seconds of traffic per rate step", "S",
                                         "3");
    QCommandLineOption holdOption("hold-ms", "hold of each call in the rate steps", "MS", "500");
    QCommandLineOption roundsOption("rounds", "rate ladders run (median reported)", "N", "3");
    QCommandLineOption modesOption("modes", "mini-restcomm --transfer-mode values", "LIST",
                                   "rfc3515,restcomm");
    QCommandLineOption noBaresipOption("no-baresip", "skip the baresip latency peer");
    QCommandLineOption skipRateOption("skip-rate", "latency only");
    QCommandLineOption skipLatencyOption("skip-latency", "rate only");
    parser.addOptions({transfersOption, blockOption, latencyHoldOption, maxRateOption,
                       stepSecondsOption, holdOption, roundsOption, modesOption, noBaresipOption,
                       skipRateOption, skipLatencyOption});
    parser.process(app);
    const int transfers = parser.value(transfersOption).toInt();
    const int block = std::max(1, parser.value(blockOption).toInt());
    const int latencyHold = parser.value(latencyHoldOption).toInt();
    const int maxRate = parser.value(maxRateOption).toInt();
    const int stepSeconds = parser.value(stepSecondsOption).toInt();
    const int hold = parser.value(holdOption).toInt();
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const QStringList modes = parser.value(modesOption).split(',', Qt::SkipEmptyParts);
    QTextStream out(stdout);

    Parties parties;
    if (!parties.bind()) {
        qFatal("cannot bind the SIP parties");
    }
    HttpStub stub;
    if (!stub.listen()) {
        qFatal("cannot listen for the RCML stub");
    }
    stub.setRcml("/voice", QStringLiteral("<Response><Dial><Sip>sip:bob@127.0.0.1:%1</Sip>"
                                          "</Dial></Response>")
                               .arg(parties.bobPort())
                               .toUtf8());
    stub.setRcml("/refer", QStringLiteral("<Response><Dial><Sip>sip:carol@127.0.0.1:%1</Sip>"
                                          "</Dial></Response>")
                               .arg(parties.carolPort())
                               .toUtf8());
    QObject::connect(&stub, &HttpStub::requestReceived, &parties, [&](const StubRequest &request) {
        if (request.path == QLatin1String("/refer")) {
            parties.noteReferFetch(request.param("From").toUtf8());
        }
    });
    const QByteArray config =
        QJsonDocument(QJsonObject{{"referphone_config", 1},
                                  {"incoming_phone_numbers",
                                   QJsonArray{QJsonObject{{"phone_number", "9000"},
                                                          {"voice_url", stub.url("/voice")},
                                                          {"voice_method", "POST"},
                                                          {"refer_url", stub.url("/refer")},
                                                          {"refer_method", "POST"}}}}})
            .toJson();

    std::vector<std::unique_ptr<MiniRestcomm>> servers;
    QList<Subject> subjects;
    for (const QString &mode : modes) {
        auto server = std::make_unique<MiniRestcomm>();
        MiniRestcommOptions options;
        options.configJson = config;
        options.rtpPortCount = 8000;  // up to 3 legs x (RTP + RTCP) per transfer in flight
        options.extraArgs = {QStringLiteral("--transfer-mode"), mode};
        if (!server->start(options)) {
            qFatal("mini-restcomm (%s): %s", qPrintable(mode), qPrintable(server->lastError()));
        }
        Subject subject;
        subject.name = QStringLiteral("mini-restcomm %1").arg(mode);
        subject.target = Target{Flow::ServerTransfer, server->sipPort(), "9000"};
        subjects << subject;
        servers.push_back(std::move(server));
    }
    if (servers.empty()) {
        qFatal("--modes is empty");
    }
    std::unique_ptr<Baresip> baresip;
    if (!parser.isSet(noBaresipOption)) {
        baresip = std::make_unique<Baresip>(QStringLiteral("alice"), 440);
        baresip->addAccount(QStringLiteral("<sip:alice@127.0.0.1>;regint=0"));
        if (!baresip->start()) {
            qFatal("baresip: %s", qPrintable(baresip->lastError()));
        }
        Subject subject;
        subject.name = QStringLiteral("baresip 1.0.0 transferee");
        subject.target = Target{Flow::UaTransfer, baresip->sipPort(), "alice"};
        subjects << subject;
    }
    out << "bench_transfer: " << servers.size() << " mini-restcomm (" << modes.join(',')
        << "), baresip peer: " << (baresip ? "yes" : "no") << "\n";
    flush(out);

    // 1. Latency, one transfer at a time, subjects interleaved block by block so that the
    //    machine's noise (2 shared cores) lands on all of them alike.
    if (!parser.isSet(skipLatencyOption)) {
        for (int done = 0; done < transfers; done += block) {
            const int count = std::min(block, transfers - done);
            for (Subject &subject : subjects) {
                measureLatency(parties, subject, count, latencyHold);
            }
        }
        out << "\nREFER -> target INVITE latency (ms), " << transfers
            << " transfers per subject, one at a time, interleaved in blocks of " << block << "\n";
        out << "subject                          n  failed     p50     p90     p99     max"
               "  resends  REFER->app-fetch p50\n";
        for (const Subject &subject : std::as_const(subjects)) {
            out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8   %9\n")
                       .arg(subject.name, -27)
                       .arg(subject.latencyMs.size(), 6)
                       .arg(subject.failed, 7)
                       .arg(percentile(subject.latencyMs, 50), 7, 'f', 3)
                       .arg(percentile(subject.latencyMs, 90), 7, 'f', 3)
                       .arg(percentile(subject.latencyMs, 99), 7, 'f', 3)
                       .arg(percentile(subject.latencyMs, 100), 7, 'f', 3)
                       .arg(subject.resends, 8)
                       .arg(subject.fetchMs.isEmpty()
                                ? QStringLiteral("-")
                                : QString::number(percentile(subject.fetchMs, 50), 'f', 3));
        }
        for (const Subject &subject : std::as_const(subjects)) {
            if (!subject.firstFailure.isEmpty()) {
                out << "first failure, " << subject.name << ": " << subject.firstFailure << "\n";
            }
        }
        flush(out);
    }

    // 2. Transfers per second at zero failures; the peer is plain bridged calls through the
    //    first mini-restcomm, same parties, same hold. Subjects interleaved step by step.
    QList<Subject> rateSubjects;
    for (qsizetype i = 0; i < qsizetype(servers.size()); ++i) {
        rateSubjects << subjects[i];
    }
    Subject callPeer;
    callPeer.name = QStringLiteral("bridged calls via mini-restcomm %1").arg(modes.first());
    callPeer.target = Target{Flow::ServerCall, servers.front()->sipPort(), "9000"};
    rateSubjects << callPeer;
    const QList<int> ladder{5, 10, 20, 50, 100, 150, 200, 300, 400};
    QList<QStringList> leaks;
    if (!parser.isSet(skipRateOption)) {
        for (int round = 1; round <= rounds; ++round) {
            for (Subject &subject : rateSubjects) {
                subject.rateFailed = false;
                subject.bestRates << 0;
            }
            out << "\nround " << round << " (ms are REFER->x, p50 unless said)\n"
                << "rate      n  subject                              ok/failed resends"
                   "   INVITE p50   INVITE p99  202 p50  fetch p50  cpu ms/flow: server bench\n";
            for (const int rate : ladder) {
                if (rate > maxRate) {
                    break;
                }
                const bool anyLeft = std::any_of(rateSubjects.begin(), rateSubjects.end(),
                                                 [](const Subject &s) { return !s.rateFailed; });
                if (!anyLeft) {
                    break;
                }
                const int count = rate * stepSeconds;
                for (qsizetype i = 0; i < rateSubjects.size(); ++i) {
                    Subject &subject = rateSubjects[i];
                    if (subject.rateFailed) {
                        continue;
                    }
                    const qint64 sendErrorsBefore = parties.sendErrors();
                    MiniRestcomm &server =
                        i < qsizetype(servers.size()) ? *servers[size_t(i)] : *servers.front();
                    const double serverCpuBefore = cpuMs(server.pid());
                    const double benchCpuBefore = cpuMs(0);
                    const StepResult step = runStep(parties, subject.target, rate, count, hold);
                    // CPU per flow is the figure the shared machine disturbs least.
                    const double serverCpu = (cpuMs(server.pid()) - serverCpuBefore) / count;
                    const double benchCpu = (cpuMs(0) - benchCpuBefore) / count;
                    subject.cpuMsPerFlow << serverCpu;
                    const auto ms = [](const QList<double> &values, double p) {
                        return values.isEmpty() ? QStringLiteral("-")
                                                : QString::number(percentile(values, p), 'f', 2);
                    };
                    QString cell =
                        QStringLiteral("%1 %2  %3 %4 %5 %6 %7 %8 %9")
                            .arg(rate, 4)
                            .arg(count, 6)
                            .arg(subject.name, -35)
                            .arg(QStringLiteral("%1/%2").arg(step.ok).arg(step.failed), 10)
                            .arg(step.resends, 7)
                            .arg(ms(step.latencyMs, 50), 12)
                            .arg(ms(step.latencyMs, 99), 12)
                            .arg(ms(step.acceptMs, 50), 8)
                            .arg(ms(step.fetchMs, 50), 10) +
                        QStringLiteral(" %1 %2")
                            .arg(serverCpu, 10, 'f', 2)
                            .arg(benchCpu, 9, 'f', 2);
                    if (parties.sendErrors() != sendErrorsBefore) {
                        cell += QStringLiteral("  bench send errors: %1")
                                    .arg(parties.sendErrors() - sendErrorsBefore);
                    }
                    // Every leg ended: the server must be back to zero live calls.
                    settle(300);
                    int live = liveCalls(server);
                    if (live != 0) {
                        // Calls a failed flow abandoned may end by SIP timers (Timer B/F,
                        // 32 s): only what is still live after that is a leak.
                        cell += QStringLiteral("  live calls %1").arg(live);
                        for (int waited = 0; waited < 40 && live != 0; ++waited) {
                            settle(1000);
                            live = liveCalls(server);
                        }
                        cell += QStringLiteral(", 40 s later %1").arg(live);
                        if (live != 0) {
                            leaks << QStringList{subject.name, QString::number(rate),
                                                 QString::number(live), liveRecords(server)};
                        }
                    }
                    if (step.passed(count) && live == 0) {
                        subject.bestRates.last() = rate;
                    } else {
                        subject.rateFailed = true;
                        if (!step.firstFailure.isEmpty()) {
                            subject.firstFailure = step.firstFailure;
                        }
                    }
                    out << cell << "\n";
                    flush(out);
                    settle(500);
                }
            }
        }
        for (const Subject &subject : std::as_const(rateSubjects)) {
            if (!subject.firstFailure.isEmpty()) {
                out << "first failure, " << subject.name << ":\n" << subject.firstFailure << "\n";
            }
        }
    }

    // Summary: ratios against the peers measured above.
    out << "\nmetric                                   mini-restcomm        peer   ratio  peer "
           "is\n";
    if (!parser.isSet(skipLatencyOption) && baresip) {
        const Subject &peer = subjects.last();
        for (qsizetype i = 0; i < qsizetype(servers.size()); ++i) {
            const Subject &ours = subjects[i];
            for (const int p : {50, 99}) {
                const double a = percentile(ours.latencyMs, p);
                const double b = percentile(peer.latencyMs, p);
                out << QStringLiteral("REFER->INVITE p%1 ms (%2) %3 %4 %5  baresip\n")
                           .arg(p)
                           .arg(modes[i], -8)
                           .arg(a, 19, 'f', 3)
                           .arg(b, 11, 'f', 3)
                           .arg(ratio(a, b), 7);
            }
        }
    }
    if (!parser.isSet(skipRateOption)) {
        const int peerRate = median(rateSubjects.last().bestRates);
        for (qsizetype i = 0; i < qsizetype(servers.size()); ++i) {
            const int ours = median(rateSubjects[i].bestRates);
            out << QStringLiteral("transfers/s at 0 failed (%1) %2 %3 %4  calls/s\n")
                       .arg(modes[i], -8)
                       .arg(ours, 13)
                       .arg(peerRate, 11)
                       .arg(ratio(ours, peerRate), 7);
        }
        QList<double> peerCpu = rateSubjects.last().cpuMsPerFlow;
        std::sort(peerCpu.begin(), peerCpu.end());
        for (qsizetype i = 0; i < qsizetype(servers.size()); ++i) {
            QList<double> cpu = rateSubjects[i].cpuMsPerFlow;
            std::sort(cpu.begin(), cpu.end());
            const double ours = cpu.isEmpty() ? -1 : cpu[cpu.size() / 2];
            const double peer = peerCpu.isEmpty() ? -1 : peerCpu[peerCpu.size() / 2];
            out << QStringLiteral("server CPU ms per flow   (%1) %2 %3 %4  call\n")
                       .arg(modes[i], -8)
                       .arg(ours, 13, 'f', 2)
                       .arg(peer, 11, 'f', 2)
                       .arg(ratio(ours, peer), 7);
        }
        out << "(rates: median over " << rounds << " rounds of the last passing step; ladder "
            << "steps of " << stepSeconds << " s, hold " << hold << " ms)\n";
    }
    bool allClean = true;
    for (size_t i = 0; i < servers.size(); ++i) {
        out << "mini-restcomm " << modes[qsizetype(i)] << ": RSS at end "
            << rssKiB(servers[i]->pid()) << " KiB, live calls " << liveCalls(*servers[i]);
        const bool clean = servers[i]->stop();
        allClean = allClean && clean;
        out << ", SIGTERM exit " << (clean ? "0" : "NOT clean") << "\n";
    }
    for (const QStringList &leak : std::as_const(leaks)) {
        out << "LEAK: " << leak[0] << " at " << leak[1] << "/s: " << leak[2]
            << " live calls 40 s after the step ended: " << leak[3] << "\n";
    }
    return allClean && leaks.isEmpty() ? 0 : 1;
}
