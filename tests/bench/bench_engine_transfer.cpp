// Bench (not a ctest): blind transfer latency through BaresipEngine, and baresip's memory.
// Three engines peer to peer on 127.0.0.1 (alice calls bob, bob transfers alice to carol, both
// answering automatically), repeated N times (default 200):
//  - blindTransfer() call -> REFER on the wire: tcpdump's capture timestamp of bob's REFER
//    (when tcpdump is available), and -> the TRANSFER event at alice (REFER received and
//    processed by the transferee, seen through its ctrl_tcp);
//  - blindTransfer() call -> target established: carol's CALL_ESTABLISHED event;
//  - blindTransfer() call -> outcome at the transferor (TransferStatus Succeeded).
// Prints p50/p90/p99/max per metric, and VmRSS of each baresip idle, in a call, and at the end.
// With --lab MODE the same runs through mini-restcomm's Lab: alice dials 1001 (rings bob),
// bob transfers to carol, the Refer URL re-bridges alice to carol.
// Usage: bench_engine_transfer [--transfers N] [--lab rfc3515|restcomm]
// Run it in its own network namespace: tests/support/netns-run.sh bench_engine_transfer
#include "engine/baresip_engine.h"
#include "form_params.h"
#include "mini_restcomm_process.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>

using namespace engine;

namespace {

double wallSeconds();
volatile std::sig_atomic_t stopRequested = 0;  // SIGINT/SIGTERM: stop early, clean up children

void phase(const char *what, double since) {
    if (qEnvironmentVariableIsSet("BENCH_VERBOSE")) {
        std::fprintf(stderr, "%8.1f ms  %s\n", (wallSeconds() - since) * 1000, what);
    }
}

double wallSeconds() {
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
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

struct Phone {
    Phone(const QString &name, int tone, bool autoAnswer) : engine(settingsFor(tone)) {
        config.user = name;
        config.displayName = name;
        config.registerIntervalS = 0;
        config.autoAnswer = autoAnswer;
        this->name = name;
    }
    static BaresipSettings settingsFor(int tone) {
        BaresipSettings settings;
        settings.audio = AudioMode::Headless;
        settings.headlessToneHz = tone;
        settings.transferGuardMs = 10000;
        return settings;
    }
    // Peer to peer (no registrar) or registered to mini-restcomm as NAME/NAME123.
    bool start(rptest::MiniRestcomm *server) {
        engine.start();
        if (!rptest::waitUntil([&] { return engine.status() == EngineStatus::Running; }, 8000)) {
            return false;
        }
        if (server) {
            config.domain = server->sipHostPort();
            config.password = name + QStringLiteral("123");
            config.registerIntervalS = 60;
        } else {
            config.domain = QStringLiteral("127.0.0.1:%1").arg(engine.ports().sip);
        }
        if (engine.addAccount(config).isError()) {
            return false;
        }
        return !server || rptest::waitUntil(
                              [&] {
                                  const auto states = engine.accountStates();
                                  return !states.isEmpty() && states.first().registration ==
                                                                  RegistrationState::Registered;
                              },
                              5000);
    }
    QString name;
    BaresipEngine engine;
    AccountConfig config;
};

struct Series {
    QString name;
    std::vector<double> ms;
    void print() const {
        if (ms.empty()) {
            std::printf("%-44s  (no samples)\n", qPrintable(name));
            return;
        }
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        auto pct = [&](double p) {
            return sorted[std::min(sorted.size() - 1,
                                   static_cast<size_t>(p * (sorted.size() - 1) + 0.5))];
        };
        std::printf("%-44s %5zu  %7.2f  %7.2f  %7.2f  %7.2f\n", qPrintable(name), sorted.size(),
                    pct(0.5), pct(0.9), pct(0.99), sorted.back());
    }
};

}  // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    std::signal(SIGINT, [](int) { stopRequested = 1; });
    std::signal(SIGTERM, [](int) { stopRequested = 1; });
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"transfers", "number of transfers (>= 200 for the p99)", "N", "200"});
    parser.addOption({"lab",
                      "through mini-restcomm's Lab (alice dials 1001, bob transfers to "
                      "carol) in this --transfer-mode (rfc3515 or restcomm)",
                      "mode"});
    parser.process(app);
    const int transfers = parser.value("transfers").toInt();
    const QString labMode = parser.value("lab");
    const bool lab = !labMode.isEmpty();
    rptest::MiniRestcomm server;
    if (lab) {
        rptest::MiniRestcommOptions options;
        options.lab = true;
        options.extraArgs = {QStringLiteral("--transfer-mode"), labMode};
        if (!server.start(options)) {
            std::fprintf(stderr, "mini-restcomm did not start: %s\n",
                         qPrintable(server.lastError()));
            return 1;
        }
    }

    Phone alice("alice", 440, false), bob("bob", 880, true), carol("carol", 1320, true);
    for (Phone *phone : {&alice, &bob, &carol}) {
        if (!phone->start(lab ? &server : nullptr)) {
            std::fprintf(stderr, "%s did not start: %s\n", qPrintable(phone->name),
                         phone->engine.recentLog().constData());
            return 1;
        }
    }
    rptest::waitUntil([] { return false; }, 300);  // uanew of the three

    // tcpdump, when present, timestamps bob's REFERs on lo (payload starts with "REFE").
    std::unique_ptr<QProcess> tcpdump;
    std::vector<double> referWire;
    const QString tcpdumpPath = QStandardPaths::findExecutable("tcpdump");
    if (!tcpdumpPath.isEmpty()) {
        tcpdump = std::make_unique<QProcess>();
        tcpdump->setProcessChannelMode(QProcess::SeparateChannels);
        tcpdump->start(tcpdumpPath, {"-i", "lo", "-n", "-tt", "-l", "--immediate-mode",
                                     QStringLiteral("udp and src port %1 and udp[8:4] = 0x52454645")
                                         .arg(bob.engine.ports().sip)});
        QObject::connect(tcpdump.get(), &QProcess::readyReadStandardOutput, [&] {
            while (tcpdump->canReadLine()) {
                const QByteArray line = tcpdump->readLine();
                bool ok = false;
                const double t = line.split(' ').value(0).toDouble(&ok);
                if (ok) {
                    referWire.push_back(t);
                }
            }
        });
        QObject::connect(tcpdump.get(), &QProcess::readyReadStandardError, [&] {
            const QByteArray text = tcpdump->readAllStandardError();
            if (qEnvironmentVariableIsSet("BENCH_VERBOSE")) {
                std::fprintf(stderr, "tcpdump: %s", text.constData());
            }
        });
        tcpdump->waitForStarted(3000);
        rptest::waitUntil([] { return false; }, 1000);  // tcpdump attaches
    }

    const qint64 rssIdle[3] = {rssKiB(alice.engine.processId()), rssKiB(bob.engine.processId()),
                               rssKiB(carol.engine.processId())};
    qint64 rssInCall[3] = {0, 0, 0};

    double t0 = 0;
    double tTransferEvent = 0, tCarolEstablished = 0, tOutcome = 0;
    QObject::connect(&alice.engine, &BaresipEngine::rawEvent, [&](const CtrlEvent &e) {
        if (e.type == QLatin1String("TRANSFER") && tTransferEvent == 0) {
            tTransferEvent = wallSeconds();
        }
    });
    QObject::connect(&carol.engine, &BaresipEngine::rawEvent, [&](const CtrlEvent &e) {
        if (e.type == QLatin1String("CALL_ESTABLISHED") && tCarolEstablished == 0) {
            tCarolEstablished = wallSeconds();
        }
    });
    TransferState outcome = TransferState::Pending;
    QString outcomeReason;
    QObject::connect(&bob.engine, &Engine::transferStatusChanged, [&](const TransferStatus &s) {
        if (s.state != TransferState::Pending) {
            tOutcome = wallSeconds();
            outcome = s.state;
            outcomeReason = s.reason;
        }
    });

    Series wire{"command -> REFER on the wire (tcpdump)", {}};
    Series atTransferee{"command -> TRANSFER event at transferee", {}};
    Series established{"command -> target CALL_ESTABLISHED", {}};
    Series atTransferor{"command -> outcome at transferor", {}};
    std::vector<double> starts;
    const QString carolUri = QStringLiteral("sip:carol@%1").arg(carol.config.domain);
    const QString bobTarget = lab ? QStringLiteral("1001") : bob.config.aor();
    int failures = 0;
    for (int i = 0; i < transfers && !stopRequested; ++i) {
        const double iterationStart = wallSeconds();
        QString request;
        if (alice.engine.dial(alice.config.aor(), bobTarget, &request).isError() ||
            !rptest::waitUntil(
                [&] {
                    const auto calls = bob.engine.calls();
                    return !calls.isEmpty() && calls.first().state == CallState::Established &&
                           !alice.engine.calls().isEmpty() &&
                           alice.engine.calls().first().state == CallState::Established;
                },
                5000)) {
            std::fprintf(stderr, "transfer %d: alice -> bob not established\n", i);
            return 1;
        }
        if (i == 0) {
            rptest::waitUntil([] { return false; }, 500);
            rssInCall[0] = rssKiB(alice.engine.processId());
            rssInCall[1] = rssKiB(bob.engine.processId());
            rssInCall[2] = rssKiB(carol.engine.processId());
        }
        phase("alice -> bob established", iterationStart);
        const CallKey call = bob.engine.calls().first().key;
        tTransferEvent = tCarolEstablished = tOutcome = 0;
        outcome = TransferState::Pending;
        t0 = wallSeconds();
        if (bob.engine.blindTransfer(call, carolUri).isError()) {
            std::fprintf(stderr, "transfer %d refused\n", i);
            return 1;
        }
        starts.push_back(t0);
        // Through the B2BUA alice gets no REFER (her leg is re-bridged): no TRANSFER event.
        rptest::waitUntil(
            [&] { return (lab || tTransferEvent > 0) && tCarolEstablished > 0 && tOutcome > 0; },
            10000);
        phase("transfer done", iterationStart);
        if (outcome != TransferState::Succeeded) {
            ++failures;
            std::fprintf(stderr, "transfer %d: %s\n", i, qPrintable(outcomeReason));
        } else {
            if (!lab) {
                atTransferee.ms.push_back((tTransferEvent - t0) * 1000);
            }
            established.ms.push_back((tCarolEstablished - t0) * 1000);
            atTransferor.ms.push_back((tOutcome - t0) * 1000);
        }
        // alice hangs up the continuation; wait until all three are idle.
        rptest::waitUntil(
            [&] {
                return alice.engine.calls().size() == 1 &&
                       alice.engine.calls().first().state == CallState::Established;
            },
            5000);
        phase("alice has the continuation", iterationStart);
        for (const CallInfo &c : alice.engine.calls()) {
            alice.engine.hangup(c.key);
        }
        rptest::waitUntil(
            [&] {
                return alice.engine.calls().isEmpty() && bob.engine.calls().isEmpty() &&
                       carol.engine.calls().isEmpty();
            },
            5000);
    }
    if (tcpdump) {
        rptest::waitUntil([] { return false; }, 500);
        tcpdump->terminate();
        tcpdump->waitForFinished(2000);
        // Match each command with the first REFER captured after it.
        size_t next = 0;
        for (double start : starts) {
            while (next < referWire.size() && referWire[next] < start) {
                ++next;
            }
            if (next < referWire.size()) {
                wire.ms.push_back((referWire[next] - start) * 1000);
                ++next;
            }
        }
    }
    const qint64 rssEnd[3] = {rssKiB(alice.engine.processId()), rssKiB(bob.engine.processId()),
                              rssKiB(carol.engine.processId())};

    std::printf("%d transfers (%s), %d failed\n\n", transfers,
                lab ? qPrintable(QStringLiteral("mini-restcomm Lab, --transfer-mode ") + labMode)
                    : "peer to peer",
                failures);
    std::printf("%-44s %5s  %7s  %7s  %7s  %7s\n", "metric (ms)", "n", "p50", "p90", "p99", "max");
    if (tcpdump) {
        wire.print();
    } else {
        std::printf("%-44s  (tcpdump not installed)\n", qPrintable(wire.name));
    }
    if (lab) {
        std::printf("%-44s  (none: the B2BUA re-bridges alice)\n", qPrintable(atTransferee.name));
    } else {
        atTransferee.print();
    }
    established.print();
    atTransferor.print();
    std::printf("\n%-10s %12s %14s %16s\n", "baresip", "RSS idle KiB", "RSS 1 call KiB",
                "RSS after KiB");
    const char *names[3] = {"alice", "bob", "carol"};
    for (int i = 0; i < 3; ++i) {
        std::printf("%-10s %12lld %14lld %16lld\n", names[i], rssIdle[i], rssInCall[i], rssEnd[i]);
    }
    return failures == 0 ? 0 : 2;
}
