// An unreadable --config (a directory, invalid JSON, wrong format version, a missing file, an
// invalid entry): mini-restcomm exits non-zero with a message naming the file, and the data
// dir's store is left byte-for-byte untouched (architecture rule 6).
#include "free_ports.h"
#include "itest_common.h"
#include "mini_restcomm_process.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QtTest>

using namespace rptest;

namespace {

// Every file under `dir` with its SHA-256: the store's exact bytes.
QMap<QString, QByteArray> snapshot(const QString &dir) {
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            files.insert(path.mid(dir.size()),
                         QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
        }
    }
    return files;
}

}  // namespace

class BadConfig : public QObject {
    Q_OBJECT
    QTemporaryDir work_;
    QString dataDir_;
    QMap<QString, QByteArray> before_;

  private slots:
    void initTestCase() {
        QVERIFY(work_.isValid());
        dataDir_ = work_.filePath("data");
        // A store with content: a good import, then a REST change, then a clean stop.
        MiniRestcomm server;
        MiniRestcommOptions options;
        options.dataDir = dataDir_;
        options.configJson = itest::config({itest::client("alice", "1234")},
                                           {itest::number("1111", "http://127.0.0.1:9/1111")});
        QVERIFY2(server.start(options), qPrintable(server.lastError()));
        QVERIFY(server.rest("POST", "Clients.json", {{"Login", "bob"}, {"Password", "pw"}}).status <
                300);
        QVERIFY(server.stop());
        before_ = snapshot(dataDir_);
        QVERIFY2(!before_.isEmpty(), "the store wrote no file in the data dir");
    }

    void refusedAndStoreUntouched_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("directory") << "directory";
        QTest::newRow("invalid JSON") << "invalid-json";
        QTest::newRow("wrong format version") << "wrong-version";
        QTest::newRow("invalid entry") << "invalid-entry";
        QTest::newRow("missing file") << "missing";
    }

    void refusedAndStoreUntouched() {
        QFETCH(QString, kind);
        QString configPath = work_.filePath("config-" + kind + ".json");
        if (kind == "directory") {
            QVERIFY(QDir().mkpath(configPath));
        } else if (kind != "missing") {
            QByteArray content;
            if (kind == "invalid-json") {
                content = "{\"referphone_config\": 1, \"clients\": [";
            } else if (kind == "wrong-version") {
                content = R"({"referphone_config": 99, "clients": []})";
            } else {
                content = R"({"referphone_config": 1, "clients": [{"login": "carol"}],
                             "incoming_phone_numbers": [{"phone_number": "2222", "voice_url": "not a url"}]})";
            }
            QFile file(configPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        const MiniRestcomm::RunResult result = MiniRestcomm::runToExit(
            {"--sip-listen", QStringLiteral("127.0.0.1:%1").arg(freeUdpTcpPort()), "--http-listen",
             QStringLiteral("127.0.0.1:%1").arg(freeTcpPort()), "--rtp-ports", "30000-30099",
             "--data-dir", dataDir_, "--account-sid", kAccountSid, "--auth-token", kAuthToken,
             "--config", configPath});
        QVERIFY2(result.finished, "mini-restcomm kept running with a bad --config");
        QVERIFY2(result.exitCode != 0, result.out.constData());
        QVERIFY2(result.err.contains(configPath.toUtf8()),
                 qPrintable("stderr does not name the file: " + QString::fromUtf8(result.err)));
        QVERIFY(!result.out.contains("mini-restcomm ready"));
        qInfo("%s", result.err.trimmed().constData());
        QCOMPARE(snapshot(dataDir_), before_);
    }
};

QTEST_GUILESS_MAIN(BadConfig)
#include "tst_bad_config.moc"
