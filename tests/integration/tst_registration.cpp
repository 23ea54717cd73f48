// Registrar: MD5 digest REGISTER with sipp (401 then 200, Expires honoured, two contacts,
// un-REGISTER), refusals (wrong password, unknown user), and baresip registering.
#include "baresip_runner.h"
#include "itest_common.h"
#include "mini_restcomm_process.h"
#include "sipp_runner.h"

#include <QtTest>

using namespace rptest;

class Registration : public QObject {
    Q_OBJECT
    MiniRestcomm server_;

  private slots:
    void initTestCase() {
        MiniRestcommOptions options;
        options.configJson =
            itest::config({itest::client("alice", "1234"), itest::client("bob", "secret")}, {});
        QVERIFY2(server_.start(options), qPrintable(server_.lastError()));
    }

    void cleanupTestCase() {
        QVERIFY2(server_.stop(), qPrintable(server_.standardError().right(2000)));
    }

    void digestRegisterExpiresAndContacts() {
        Sipp sipp("register_digest.xml");
        sipp.remote(server_.sipHostPort())
            .service("alice")
            .arg({"-au", "alice", "-ap", "1234"})
            .timeoutSeconds(20);
        QVERIFY2(sipp.run(25000), qPrintable(sipp.describe()));
    }

    void wrongPasswordIsForbidden() {
        Sipp sipp("register_expect_reject.xml");
        sipp.remote(server_.sipHostPort())
            .service("alice")
            .arg({"-au", "alice", "-ap", "not-1234"})
            .timeoutSeconds(15);
        QVERIFY2(sipp.run(20000), qPrintable(sipp.describe()));
        QVERIFY2(sipp.logTrace().contains("REGISTER_FINAL 403"), sipp.logTrace().constData());
    }

    void unknownUserIsRefused() {
        Sipp sipp("register_expect_reject.xml");
        sipp.remote(server_.sipHostPort())
            .service("mallory")
            .arg({"-au", "mallory", "-ap", "whatever"})
            .timeoutSeconds(15);
        QVERIFY2(sipp.run(20000), qPrintable(sipp.describe()));
        const QByteArray log = sipp.logTrace();
        QVERIFY2(log.contains("REGISTER_FINAL 403") || log.contains("REGISTER_FINAL 404"),
                 log.constData());
        qInfo("mini-restcomm answers an unknown user with %s",
              log.contains("REGISTER_FINAL 403") ? "403" : "404");
    }

    void baresipRegisters() {
        Baresip bob("bob", 880);
        bob.addAccount(
            QStringLiteral("<%1>;auth_pass=secret;regint=60").arg(server_.sipUri("bob")));
        QVERIFY2(bob.start(), qPrintable(bob.lastError()));
        const QJsonObject ok = bob.waitForEvent("REGISTER_OK", 5000);
        QVERIFY2(!ok.isEmpty(), bob.log().right(3000).constData());
        QVERIFY(ok.value("param").toString().startsWith("200"));
        QVERIFY(!bob.hasEvent("REGISTER_FAIL"));
    }

    void baresipWrongPasswordFails() {
        Baresip bob("bob", 880);
        bob.addAccount(QStringLiteral("<%1>;auth_pass=wrong;regint=60").arg(server_.sipUri("bob")));
        QVERIFY2(bob.start(), qPrintable(bob.lastError()));
        const QJsonObject fail = bob.waitForEvent("REGISTER_FAIL", 5000);
        QVERIFY2(!fail.isEmpty(), bob.log().right(3000).constData());
        QVERIFY2(fail.value("param").toString().startsWith("403"),
                 qPrintable(fail.value("param").toString()));
        QVERIFY(!bob.hasEvent("REGISTER_OK"));
    }
};

QTEST_GUILESS_MAIN(Registration)
#include "tst_registration.moc"
