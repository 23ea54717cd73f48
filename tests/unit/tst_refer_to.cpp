// Refer-To parsing (RFC 3515 §2.1, restcomm-behaviour.md part 1 "Values"): what becomes
// ReferTarget, and which REFERs get a 400.
#include "restcomm/refer_to.h"

#include <QtTest>

using namespace mrc;

class TestReferTo : public QObject {
    Q_OBJECT

  private slots:
    void accepted_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("replaces");
        QTest::newRow("addr-spec (baresip)") << "sip:carol@127.0.0.1:5080"
                                             << "carol"
                                             << "sip"
                                             << "127.0.0.1:5080" << false;
        QTest::newRow("name-addr") << "\"Carol\" <sip:carol@example.org;transport=tcp>"
                                   << "carol"
                                   << "sip"
                                   << "example.org" << false;
        QTest::newRow("plus number") << "<sip:+131313@127.0.0.1>"
                                     << "+131313"
                                     << "sip"
                                     << "127.0.0.1" << false;
        QTest::newRow("sips") << "<sips:alice@secure.example.org>"
                              << "alice"
                              << "sips"
                              << "secure.example.org" << false;
        QTest::newRow("percent-encoded user") << "<sip:john%20doe@example.org>"
                                              << "john doe"
                                              << "sip"
                                              << "example.org" << false;
        QTest::newRow("user with password") << "sip:carol:secret@example.org"
                                            << "carol"
                                            << "sip"
                                            << "example.org" << false;
        QTest::newRow("replaces (attended)")
            << "<sip:carol@example.org?Replaces=abc%40host%3Bto-tag%3D1%3Bfrom-tag%3D2>"
            << "carol"
            << "sip"
            << "example.org" << true;
        QTest::newRow("replaces after other header")
            << "<sip:carol@example.org?X-Foo=1&Replaces=abc>"
            << "carol"
            << "sip"
            << "example.org" << true;
        QTest::newRow("header params outside brackets") << "<sip:carol@example.org>;method=INVITE"
                                                        << "carol"
                                                        << "sip"
                                                        << "example.org" << false;
        QTest::newRow("tel") << "<tel:+1-555-0100;phone-context=example.org>"
                             << "+15550100"
                             << "tel"
                             << "" << false;
        QTest::newRow("tel bare") << "tel:2002"
                                  << "2002"
                                  << "tel"
                                  << "" << false;
        QTest::newRow("comma in display name") << "\"Doe, Carol\" <sip:carol@example.org>"
                                               << "carol"
                                               << "sip"
                                               << "example.org" << false;
    }

    void accepted() {
        QFETCH(QString, value);
        QFETCH(QString, target);
        QFETCH(QString, scheme);
        QFETCH(QString, host);
        QFETCH(bool, replaces);
        const auto parsed = parseReferTo({value});
        QVERIFY2(
            std::holds_alternative<ReferTo>(parsed),
            qPrintable(std::get_if<QString>(&parsed) ? *std::get_if<QString>(&parsed) : QString()));
        const ReferTo &referTo = std::get<ReferTo>(parsed);
        QCOMPARE(referTo.target, target);
        QCOMPARE(referTo.scheme, scheme);
        QCOMPARE(referTo.host, host);
        QCOMPARE(referTo.hasReplaces, replaces);
    }

    void refused_data() {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("reasonContains");
        QTest::newRow("missing") << QStringList{} << "without Refer-To";
        QTest::newRow("empty") << QStringList{""} << "without Refer-To";
        QTest::newRow("two headers") << QStringList{"<sip:a@h>", "<sip:b@h>"} << "2 Refer-To";
        QTest::newRow("two in one header") << QStringList{"<sip:a@h>, <sip:b@h>"} << "2 Refer-To";
        QTest::newRow("host only (Sipdroid)") << QStringList{"<sip:2002>"} << "only a host";
        QTest::newRow("host only, bare") << QStringList{"sip:127.0.0.1:5080"} << "only a host";
        QTest::newRow("empty user") << QStringList{"<sip:@example.org>"} << "empty user";
        QTest::newRow("no host") << QStringList{"<sip:carol@>"} << "no host";
        QTest::newRow("http") << QStringList{"<http://example.org/>"} << "sip:, sips: or tel:";
        QTest::newRow("not a uri") << QStringList{"carol"} << "not a URI";
        QTest::newRow("tel without number")
            << QStringList{"<tel:call-me>"} << "no telephone number";
    }

    void refused() {
        QFETCH(QStringList, values);
        QFETCH(QString, reasonContains);
        const auto parsed = parseReferTo(values);
        QVERIFY(std::holds_alternative<QString>(parsed));
        QVERIFY2(std::get<QString>(parsed).contains(reasonContains),
                 qPrintable(std::get<QString>(parsed)));
    }

    void nameAddrAndUserParts() {
        QCOMPARE(uriOfNameAddr("\"Bob\" <sip:bob-0x55d1@127.0.0.1:5062;transport=udp>;expires=60"),
                 QStringLiteral("sip:bob-0x55d1@127.0.0.1:5062;transport=udp"));
        QCOMPARE(uriOfNameAddr("sip:bob@h;expires=60"), QStringLiteral("sip:bob@h"));
        QCOMPARE(userOfUri("sip:bob-0x55d1@127.0.0.1:5062;transport=udp"),
                 QStringLiteral("bob-0x55d1"));
        QCOMPARE(userOfUri("sip:%2B131313@127.0.0.1"), QStringLiteral("+131313"));
        QCOMPARE(userOfUri("sip:127.0.0.1"), QString());
        QCOMPARE(userOfUri("tel:+1.555.0100"), QStringLiteral("+15550100"));
        QCOMPARE(userOfUri(""), QString());
    }
};

QTEST_GUILESS_MAIN(TestReferTo)
#include "tst_refer_to.moc"
