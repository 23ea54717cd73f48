// The blind transfer of tst_lab_transfer.cpp, driven from outside through the command line of a
// running `referphone --lab`, as a user would from a shell: `--phone alice 1001` (number A
// rings Bob), `--phone bob --answer`, `--phone bob --transfer carol`, `--phone carol --answer`,
// with `--status` (JSON) polled between the steps. Also: commands that cannot work fail with a
// readable message and a non-zero exit code, and stopping the Lab leaves no engine or server
// process behind.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <optional>

#include <csignal>
#include <sys/types.h>

#ifndef REFERPHONE_BIN
#error "REFERPHONE_BIN must name the referphone executable under test"
#endif

namespace {

struct CliResult {
    bool finished = false;  // false: it did not exit in time (it was killed)
    int exitCode = -1;
    QString out;
    QString err;
    QString describe() const {
        return QStringLiteral("finished=%1 exit=%2\nstdout: %3\nstderr: %4")
            .arg(finished)
            .arg(exitCode)
            .arg(out.trimmed(), err.trimmed());
    }
};

// /proc/PID/stat: "pid (comm) state ppid …"; comm may contain spaces and parentheses.
struct ProcStat {
    QString command;
    char state = '?';
    qint64 parent = -1;
};

std::optional<ProcStat> procStat(qint64 pid) {
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;  // gone
    }
    const QByteArray line = file.readAll();
    const qsizetype open = line.indexOf('(');
    const qsizetype close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
        return std::nullopt;
    }
    const QList<QByteArray> rest = line.mid(close + 2).split(' ');
    if (rest.size() < 2 || rest.at(0).isEmpty()) {
        return std::nullopt;
    }
    return ProcStat{QString::fromUtf8(line.mid(open + 1, close - open - 1)), rest.at(0).at(0),
                    rest.at(1).toLongLong()};
}

// Live (not zombie) processes whose parent is `parent`, as "pid command".
QMap<qint64, QString> liveChildrenOf(qint64 parent) {
    QMap<qint64, QString> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric) {
            continue;
        }
        const auto stat = procStat(pid);
        if (stat && stat->parent == parent && stat->state != 'Z') {
            children.insert(pid, stat->command);
        }
    }
    return children;
}

bool alive(qint64 pid) {
    const auto stat = procStat(pid);
    return stat && stat->state != 'Z';
}

QString describe(const QMap<qint64, QString> &processes) {
    QStringList parts;
    for (auto it = processes.cbegin(); it != processes.cend(); ++it) {
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    }
    return parts.join(QStringLiteral(", "));
}

// "alice" from "sip:alice@127.0.0.1:5080" (or "sips:…"); the Lab's ports change every run.
QString userPart(const QString &uri) {
    QString rest = uri;
    for (const QLatin1String scheme : {QLatin1String("sip:"), QLatin1String("sips:")}) {
        if (rest.startsWith(scheme, Qt::CaseInsensitive)) {
            rest = rest.mid(scheme.size());
        }
    }
    const qsizetype at = rest.indexOf(QLatin1Char('@'));
    return at >= 0 ? rest.left(at) : rest;
}

// One phone of a parsed `--status`.
QJsonObject phoneIn(const QJsonObject &status, const QString &name) {
    for (const QJsonValue &phone : status.value(QStringLiteral("phones")).toArray()) {
        if (phone.toObject().value(QStringLiteral("phone")).toString() == name) {
            return phone.toObject();
        }
    }
    return {};
}

QList<QJsonObject> callsOf(const QJsonObject &phone) {
    QList<QJsonObject> calls;
    for (const QJsonValue &call : phone.value(QStringLiteral("calls")).toArray()) {
        calls << call.toObject();
    }
    return calls;
}

// The phone's calls in `state` ("ringing", "established", …).
QList<QJsonObject> callsIn(const QJsonObject &phone, const QString &state) {
    QList<QJsonObject> matching;
    for (const QJsonObject &call : callsOf(phone)) {
        if (call.value(QStringLiteral("state")).toString() == state) {
            matching << call;
        }
    }
    return matching;
}

QString field(const QJsonObject &object, const char *key) {
    return object.value(QLatin1String(key)).toString();
}

}  // namespace

class TestLabCli : public QObject {
    Q_OBJECT

  private:
    // Runs `referphone ARGS` against the Lab, as a shell would, and waits for it to exit.
    CliResult cli(const QStringList &arguments, int timeoutMs = 15000) {
        QProcess process;
        process.setProcessEnvironment(environment_);
        process.start(QStringLiteral(REFERPHONE_BIN), arguments);
        CliResult result;
        result.finished = process.waitForFinished(timeoutMs);
        if (!result.finished) {
            process.kill();
            process.waitForFinished(2000);
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    // `referphone --status`, parsed; an empty object (and lastStatusProblem_) when it failed.
    QJsonObject status() {
        const CliResult result = cli({QStringLiteral("--status")});
        if (!result.finished || result.exitCode != 0) {
            lastStatusProblem_ = result.describe();
            return {};
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject() ||
            !document.object().value(QStringLiteral("ok")).toBool()) {
            lastStatusProblem_ = QStringLiteral("--status printed no status: %1 (%2)")
                                     .arg(parseError.errorString(), result.out);
            return {};
        }
        lastStatusProblem_.clear();
        lastStatus_ = document.object();
        return lastStatus_;
    }

    // The latest status (or why there is none), one line per phone: QVERIFY2 cuts long
    // messages, and the indented JSON would not fit.
    QByteArray statusReport() const {
        if (!lastStatusProblem_.isEmpty()) {
            return lastStatusProblem_.toUtf8();
        }
        QStringList lines{QStringLiteral("last --status:")};
        for (const QJsonValue &value : lastStatus_.value(QStringLiteral("phones")).toArray()) {
            const QJsonObject phone = value.toObject();
            QStringList calls;
            for (const QJsonObject &call : callsOf(phone)) {
                calls << QStringLiteral("%1 %2 %3")
                             .arg(field(call, "id"), userPart(field(call, "peer")),
                                  field(call, "state"));
            }
            const QJsonObject transfer = phone.value(QStringLiteral("lastTransfer")).toObject();
            lines << QStringLiteral("%1 registered=%2 calls=[%3] lastTransfer=%4")
                         .arg(field(phone, "phone"))
                         .arg(phone.value(QStringLiteral("registered")).toBool())
                         .arg(calls.join(QStringLiteral("; ")),
                              transfer.isEmpty()
                                  ? QStringLiteral("null")
                                  : QStringLiteral("%1 (%2)").arg(field(transfer, "state"),
                                                                  field(transfer, "text")));
        }
        return lines.join(QLatin1Char('\n')).toUtf8();
    }

    // Polls `--status` until `condition` holds for it, for at most `timeoutMs`.
    template <typename Condition>
    bool waitForStatus(Condition condition, int timeoutMs) {
        QElapsedTimer clock;
        clock.start();
        while (true) {
            const QJsonObject current = status();
            if (!current.isEmpty() && condition(current)) {
                return true;
            }
            if (clock.elapsed() > timeoutMs) {
                return false;
            }
            QTest::qWait(200);
        }
    }

    // Every process the Lab started and still runs, so a failed test does not leave them.
    void killLab() {
        if (lab_.state() == QProcess::NotRunning) {
            return;
        }
        const QMap<qint64, QString> children = liveChildrenOf(lab_.processId());
        for (auto it = children.cbegin(); it != children.cend(); ++it) {
            ::kill(static_cast<pid_t>(it.key()), SIGKILL);
        }
        lab_.kill();
        lab_.waitForFinished(3000);
    }

    QTemporaryDir home_;
    QProcessEnvironment environment_;
    QProcess lab_;
    QJsonObject lastStatus_;
    QString lastStatusProblem_;
    bool labUp_ = false;                 // the later steps need the Lab and its registered phones
    QMap<qint64, QString> labChildren_;  // pid -> command, taken just before the Lab is stopped

  private slots:
    void initTestCase() {
        QVERIFY2(QFile::exists(QStringLiteral(REFERPHONE_BIN)), REFERPHONE_BIN);
        QVERIFY(home_.isValid());
        const QDir root(home_.path());
        // Settings, the Lab's mini-restcomm data, sockets and temporary profiles all inside
        // this run's directory: nothing from an earlier run (or the user's own phone) counts.
        for (const char *dir : {"home", "config", "data", "runtime", "tmp"}) {
            QVERIFY(root.mkpath(QLatin1String(dir)));
        }
        QVERIFY(QFile::setPermissions(
            root.filePath(QStringLiteral("runtime")),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        environment_ = QProcessEnvironment::systemEnvironment();
        environment_.insert(QStringLiteral("HOME"), root.filePath(QStringLiteral("home")));
        environment_.insert(QStringLiteral("XDG_CONFIG_HOME"),
                            root.filePath(QStringLiteral("config")));
        environment_.insert(QStringLiteral("XDG_DATA_HOME"), root.filePath(QStringLiteral("data")));
        environment_.insert(QStringLiteral("XDG_RUNTIME_DIR"),
                            root.filePath(QStringLiteral("runtime")));
        environment_.insert(QStringLiteral("TMPDIR"), root.filePath(QStringLiteral("tmp")));
        environment_.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // The messages checked here are the English ones: no translation, whatever the
        // locale of the machine running the test.
        environment_.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment_.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        environment_.remove(QStringLiteral("LANGUAGE"));
        // No sound card on the test machines: a tone source and a null sink.
        environment_.insert(QStringLiteral("REFERPHONE_AUDIO"), QStringLiteral("headless"));
        environment_.insert(
            QStringLiteral("REFERPHONE_INSTANCE"),
            QStringLiteral("referphone-itest-lab-cli-%1").arg(QCoreApplication::applicationPid()));
    }

    void cleanupTestCase() {
        killLab();
        // Whatever the Lab left behind when it was stopped: a failed check must not leave
        // baresips running on the machine.
        for (auto it = labChildren_.cbegin(); it != labChildren_.cend(); ++it) {
            if (alive(it.key())) {
                ::kill(static_cast<pid_t>(it.key()), SIGKILL);
            }
        }
    }

    void nothingAnswersBeforeTheLabRuns() {
        const CliResult result = cli({QStringLiteral("--status")});
        QVERIFY2(result.finished && result.exitCode != 0, qPrintable(result.describe()));
        QVERIFY2(result.err.contains(QLatin1String("not running")), qPrintable(result.describe()));
    }

    void labStartsAndRegistersItsPhones() {
        lab_.setProcessEnvironment(environment_);
        lab_.setProcessChannelMode(QProcess::ForwardedChannels);  // in the test log
        lab_.start(QStringLiteral(REFERPHONE_BIN), {QStringLiteral("--lab")});
        QVERIFY2(lab_.waitForStarted(5000), qPrintable(lab_.errorString()));
        const bool allRegistered = waitForStatus(
            [](const QJsonObject &current) {
                const QJsonArray phones = current.value(QStringLiteral("phones")).toArray();
                if (phones.size() != 3) {
                    return false;
                }
                for (const QJsonValue &phone : phones) {
                    if (!phone.toObject().value(QStringLiteral("registered")).toBool()) {
                        return false;
                    }
                }
                return true;
            },
            30000);
        QVERIFY2(allRegistered, statusReport().constData());
        QVERIFY2(lab_.state() == QProcess::Running, "the Lab exited");

        for (const char *name : {"alice", "bob", "carol"}) {
            const QJsonObject phone = phoneIn(lastStatus_, QLatin1String(name));
            QVERIFY2(!phone.isEmpty(), name);
            QCOMPARE(userPart(field(phone, "account")), QString::fromLatin1(name));
            QVERIFY(callsOf(phone).isEmpty());
            QVERIFY(phone.value(QStringLiteral("lastTransfer")).isNull());
        }
        labUp_ = true;
    }

    void commandsThatCannotWorkSayWhy() {
        QVERIFY2(labUp_, "the Lab did not come up");
        const CliResult unknownPhone = cli({"--phone", "dave", "--answer"});
        QVERIFY2(unknownPhone.finished && unknownPhone.exitCode != 0,
                 qPrintable(unknownPhone.describe()));
        for (const char *name : {"dave", "alice", "bob", "carol"}) {
            QVERIFY2(unknownPhone.err.contains(QLatin1String(name)),
                     qPrintable(unknownPhone.describe()));
        }

        const CliResult noCall = cli({"--phone", "bob", "--transfer", "carol"});
        QVERIFY2(noCall.finished && noCall.exitCode != 0, qPrintable(noCall.describe()));
        QVERIFY2(noCall.err.contains(QLatin1String("no call to transfer")),
                 qPrintable(noCall.describe()));

        // Neither did anything: the phones are as idle as before.
        const QJsonObject after = status();
        QVERIFY2(!after.isEmpty(), statusReport().constData());
        for (const QJsonValue &phone : after.value(QStringLiteral("phones")).toArray()) {
            QVERIFY2(callsOf(phone.toObject()).isEmpty(), statusReport().constData());
            QVERIFY(phone.toObject().value(QStringLiteral("lastTransfer")).isNull());
        }
    }

    void aliceIsTransferredToCarol() {
        QVERIFY2(labUp_, "the Lab did not come up");
        // Number A (1001) rings Bob.
        const CliResult dial = cli({"--phone", "alice", "1001"});
        QVERIFY2(dial.finished && dial.exitCode == 0, qPrintable(dial.describe()));
        QVERIFY2(dial.out.contains(QLatin1String("1001")), qPrintable(dial.describe()));
        QVERIFY2(waitForStatus(
                     [](const QJsonObject &current) {
                         // mini-restcomm answers number A before its <Dial> rings Bob, so
                         // Alice's call may already count as established.
                         const QList<QJsonObject> aliceCalls = callsOf(phoneIn(current, "alice"));
                         return aliceCalls.size() == 1 &&
                                field(aliceCalls.first(), "state") != QLatin1String("closed") &&
                                callsIn(phoneIn(current, "bob"), "ringing").size() == 1;
                     },
                     15000),
                 statusReport().constData());

        const CliResult answer = cli({"--phone", "bob", "--answer"});
        QVERIFY2(answer.finished && answer.exitCode == 0, qPrintable(answer.describe()));
        QVERIFY2(waitForStatus(
                     [](const QJsonObject &current) {
                         return callsIn(phoneIn(current, "alice"), "established").size() == 1 &&
                                callsIn(phoneIn(current, "bob"), "established").size() == 1;
                     },
                     15000),
                 statusReport().constData());
        const QJsonObject aliceCall = callsIn(phoneIn(lastStatus_, "alice"), "established").first();
        const QJsonObject bobCall = callsIn(phoneIn(lastStatus_, "bob"), "established").first();
        QCOMPARE(userPart(field(aliceCall, "peer")), QStringLiteral("1001"));
        QCOMPARE(userPart(field(bobCall, "peer")), QStringLiteral("alice"));
        QVERIFY(!field(aliceCall, "id").isEmpty());
        QVERIFY(!field(bobCall, "id").isEmpty());

        const CliResult transfer = cli({"--phone", "bob", "--transfer", "carol"});
        QVERIFY2(transfer.finished && transfer.exitCode == 0, qPrintable(transfer.describe()));
        QVERIFY2(transfer.out.contains(QLatin1String("carol")), qPrintable(transfer.describe()));
        QVERIFY2(
            waitForStatus(
                [](const QJsonObject &current) {
                    const QJsonObject bobTransfer =
                        phoneIn(current, "bob").value(QStringLiteral("lastTransfer")).toObject();
                    return callsIn(phoneIn(current, "carol"), "ringing").size() == 1 &&
                           !bobTransfer.isEmpty();
                },
                15000),
            statusReport().constData());

        const CliResult carolAnswers = cli({"--phone", "carol", "--answer"});
        QVERIFY2(carolAnswers.finished && carolAnswers.exitCode == 0,
                 qPrintable(carolAnswers.describe()));
        const auto transferred = [&aliceCall](const QJsonObject &current) {
            const QJsonObject bob = phoneIn(current, "bob");
            const QJsonObject outcome = bob.value(QStringLiteral("lastTransfer")).toObject();
            const QList<QJsonObject> aliceTalking =
                callsIn(phoneIn(current, "alice"), "established");
            return aliceTalking.size() == 1 &&
                   field(aliceTalking.first(), "id") == field(aliceCall, "id") &&
                   callsIn(phoneIn(current, "carol"), "established").size() == 1 &&
                   callsOf(bob).size() == callsIn(bob, "closed").size() &&
                   field(outcome, "state") == QLatin1String("succeeded");
        };
        QVERIFY2(waitForStatus(transferred, 20000), statusReport().constData());

        // Alice kept her call (the same dialog, now bridged to Carol); Carol's call is from Alice.
        const QJsonObject carolCall = callsIn(phoneIn(lastStatus_, "carol"), "established").first();
        QCOMPARE(userPart(field(carolCall, "peer")), QStringLiteral("alice"));
        // Bob's transfer: the call it was about, to carol, and a sentence saying it worked.
        const QJsonObject outcome =
            phoneIn(lastStatus_, "bob").value(QStringLiteral("lastTransfer")).toObject();
        QCOMPARE(field(outcome, "call"), field(bobCall, "id"));
        QCOMPARE(userPart(field(outcome, "target")), QStringLiteral("carol"));
        QVERIFY2(field(outcome, "text").startsWith(QLatin1String("Transferred")),
                 qPrintable(field(outcome, "text")));
        for (const QJsonObject &call : callsOf(phoneIn(lastStatus_, "bob"))) {
            QCOMPARE(field(call, "id"), field(bobCall, "id"));  // only the transferred call
        }
    }

    void stoppingTheLabLeavesNothingRunning() {
        QVERIFY2(lab_.state() == QProcess::Running, "the Lab exited before it was stopped");
        // Three baresips and mini-restcomm; remembered, because once the Lab is gone its
        // orphans would no longer have it as their parent.
        labChildren_ = liveChildrenOf(lab_.processId());
        const QMap<qint64, QString> &children = labChildren_;
        QVERIFY2(children.size() >= 4, qPrintable(describe(children)));

        const qint64 labPid = lab_.processId();
        lab_.terminate();
        QVERIFY2(lab_.waitForFinished(5000), "the Lab did not exit within 5 s of SIGTERM");
        // Its children may take a moment to notice (mini-restcomm ends its calls first).
        const auto stillAlive = [&children] {
            QMap<qint64, QString> running;
            for (auto it = children.cbegin(); it != children.cend(); ++it) {
                if (alive(it.key())) {
                    running.insert(it.key(), it.value());
                }
            }
            return running;
        };
        QDeadlineTimer deadline(5000);
        while (!stillAlive().isEmpty() && !deadline.hasExpired()) {
            QTest::qWait(100);
        }
        QMap<qint64, QString> baresips = stillAlive();
        QMap<qint64, QString> others;
        for (auto it = baresips.begin(); it != baresips.end();) {
            if (it.value() == QLatin1String("baresip")) {
                ++it;
            } else {
                others.insert(it.key(), it.value());
                it = baresips.erase(it);
            }
        }
        QVERIFY2(
            others.isEmpty(),
            qPrintable(QStringLiteral("still running after the Lab exited: ") + describe(others)));
        // SIGTERM quits the Lab cleanly (its engines tell baresip to quit), and baresip has a
        // parent-death signal besides.
        QVERIFY2(baresips.isEmpty(),
                 qPrintable(QStringLiteral("still running after the Lab exited: ") +
                            describe(baresips)));
        QVERIFY2(liveChildrenOf(labPid).isEmpty(), qPrintable(describe(liveChildrenOf(labPid))));
    }

    // `referphone --lab` while the softphone runs opens the Lab in that process (what its
    // Phone → Transfer Lab menu item does) instead of a second process fighting over the socket;
    // --phone then reaches the Lab's phones, and quitting takes the Lab down with the phone.
    void softphoneOpensTheLabInItsOwnProcess() {
        QVERIFY(lab_.state() == QProcess::NotRunning);
        QProcessEnvironment environment = environment_;
        environment.insert(QStringLiteral("REFERPHONE_PROFILE_DIR"),
                           QDir(home_.path()).filePath(QStringLiteral("profile")));
        environment.insert(QStringLiteral("REFERPHONE_PASSWORDS"), QStringLiteral("file"));
        lab_.setProcessEnvironment(environment);
        lab_.setProcessChannelMode(QProcess::ForwardedChannels);
        lab_.start(QStringLiteral(REFERPHONE_BIN), {});
        QVERIFY(lab_.waitForStarted(5000));
        QVERIFY2(waitForStatus([](const QJsonObject &) { return true; }, 10000), statusReport());

        CliResult result =
            cli({QStringLiteral("--phone"), QStringLiteral("alice"), QStringLiteral("--status")});
        QVERIFY2(result.finished && result.exitCode != 0, qPrintable(result.describe()));
        QVERIFY2(result.err.contains(QStringLiteral("No Transfer Lab is open")),
                 qPrintable(result.describe()));

        result = cli({QStringLiteral("--lab")});
        QVERIFY2(result.finished && result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY2(result.out.contains(QStringLiteral("open in the running ReferPhone")),
                 qPrintable(result.describe()));
        const auto aliceRegistered = [this] {
            const CliResult answer = cli(
                {QStringLiteral("--phone"), QStringLiteral("alice"), QStringLiteral("--status")});
            const QJsonObject status = QJsonDocument::fromJson(answer.out.toUtf8()).object();
            return phoneIn(status, QStringLiteral("alice"))
                .value(QStringLiteral("registered"))
                .toBool();
        };
        QTRY_VERIFY_WITH_TIMEOUT(aliceRegistered(), 20000);
        // The phone's own status still lists the softphone alone.
        QCOMPARE(phoneIn(status(), QStringLiteral("alice")), QJsonObject());
        // A second --lab raises the same Lab.
        result = cli({QStringLiteral("--lab")});
        QVERIFY2(result.finished && result.exitCode == 0, qPrintable(result.describe()));

        const qint64 phonePid = lab_.processId();
        const QMap<qint64, QString> children = liveChildrenOf(phonePid);
        QVERIFY2(children.size() >= 5, qPrintable(describe(children)));  // 4 baresips + server
        labChildren_ = children;
        lab_.terminate();
        QVERIFY2(lab_.waitForFinished(5000), "the softphone did not exit within 5 s of SIGTERM");
        QDeadlineTimer deadline(5000);
        const auto anyAlive = [&children] {
            for (auto it = children.cbegin(); it != children.cend(); ++it) {
                if (alive(it.key())) {
                    return true;
                }
            }
            return false;
        };
        while (anyAlive() && !deadline.hasExpired()) {
            QTest::qWait(100);
        }
        QVERIFY2(!anyAlive(), qPrintable(describe(children)));
    }
};

QTEST_MAIN(TestLabCli)
#include "tst_lab_cli.moc"
