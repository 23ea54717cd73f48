// Target completion and validation for dial and blind transfer (engine/sip_target.h).
#include "engine/sip_target.h"

#include <QtTest>

using engine::completeSipTarget;

class SipTargetTest : public QObject {
    Q_OBJECT
  private slots:
    void completes_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("expected");
        const QString d = QStringLiteral("127.0.0.1:5080");
        QTest::newRow("number") << "1001" << d << "sip:1001@127.0.0.1:5080";
        QTest::newRow("spaced number")
            << "+49 (30) 123-45.6" << d << "sip:+4930123456@127.0.0.1:5080";
        QTest::newRow("star hash") << "*21#" << d << "sip:*21#@127.0.0.1:5080";
        QTest::newRow("user") << "carol" << d << "sip:carol@127.0.0.1:5080";
        QTest::newRow("user dotted") << "carol.smith" << d << "sip:carol.smith@127.0.0.1:5080";
        QTest::newRow("user at host") << "carol@example.com" << d << "sip:carol@example.com";
        QTest::newRow("sip uri") << "sip:carol@127.0.0.1:5074" << d << "sip:carol@127.0.0.1:5074";
        QTest::newRow("SIP upper") << "SIP:carol@127.0.0.1" << d << "sip:carol@127.0.0.1";
        QTest::newRow("sips") << "sips:carol@example.com" << d << "sips:carol@example.com";
        QTest::newRow("brackets") << " <sip:carol@127.0.0.1:5074> " << d
                                  << "sip:carol@127.0.0.1:5074";
        QTest::newRow("params") << "sip:carol@example.com;transport=tcp" << d
                                << "sip:carol@example.com;transport=tcp";
        QTest::newRow("host only uri") << "sip:example.com" << d << "sip:example.com";
        QTest::newRow("ipv6") << "sip:carol@[::1]:5060" << d << "sip:carol@[::1]:5060";
        QTest::newRow("domain name") << "bob"
                                     << "pbx.example.org"
                                     << "sip:bob@pbx.example.org";
    }
    void completes() {
        QFETCH(QString, target);
        QFETCH(QString, domain);
        QFETCH(QString, expected);
        const engine::SipTarget result = completeSipTarget(target, domain);
        QVERIFY2(result.isValid(), qPrintable(result.error));
        QCOMPARE(result.uri, expected);
        QVERIFY(result.error.isEmpty());
    }

    void refuses_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("domain");
        const QString d = QStringLiteral("127.0.0.1:5080");
        QTest::newRow("empty") << "" << d;
        QTest::newRow("blank") << "   " << d;
        QTest::newRow("spaces in name") << "not a uri" << d;
        QTest::newRow("space in uri") << "sip:not a uri@127.0.0.1" << d;
        QTest::newRow("bad port") << "sip:carol@127.0.0.1:99999" << d;
        QTest::newRow("zero port") << "sip:carol@127.0.0.1:0" << d;
        QTest::newRow("bad ipv4") << "sip:carol@300.1.1.1" << d;
        QTest::newRow("empty user") << "sip:@127.0.0.1" << d;
        QTest::newRow("empty host") << "carol@" << d;
        QTest::newRow("quote") << "sip:ca\"rol@127.0.0.1" << d;
        QTest::newRow("bracket inside") << "sip:carol@127.0.0.1>" << d;
        QTest::newRow("no domain to complete") << "carol"
                                               << "";
        QTest::newRow("bad domain to complete") << "1001"
                                                << "bad domain";
        QTest::newRow("bad params") << "sip:carol@example.com;a b" << d;
        QTest::newRow("too long") << QString(600, QLatin1Char('1')) << d;
        QTest::newRow("unclosed ipv6") << "sip:carol@[::1" << d;
    }
    void refuses() {
        QFETCH(QString, target);
        QFETCH(QString, domain);
        const engine::SipTarget result = completeSipTarget(target, domain);
        QVERIFY2(!result.isValid(), qPrintable(result.uri));
        QVERIFY(!result.error.isEmpty());
    }

    void stripsBrackets() {
        QCOMPARE(engine::stripAngleBrackets("<sip:a@b>"), QStringLiteral("sip:a@b"));
        QCOMPARE(engine::stripAngleBrackets("sip:a@b"), QStringLiteral("sip:a@b"));
        QCOMPARE(engine::stripAngleBrackets("<sip:a@b"), QStringLiteral("<sip:a@b"));
    }
};

QTEST_GUILESS_MAIN(SipTargetTest)
#include "tst_engine_sip_target.moc"
