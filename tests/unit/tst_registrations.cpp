// The registrar's binding table: refresh, expiry, un-REGISTER, out-of-order CSeq, and the
// Contact -> login lookup the REFER handler uses for Transferor.
#include "restcomm/registrations.h"

#include <QTest>

using mrc::Binding;
using mrc::RegistrationTable;

namespace {
Binding binding(const QString &uri, const QString &callId = QStringLiteral("c1"),
                quint32 cseq = 1) {
    Binding b;
    b.contactUri = uri;
    b.callId = callId;
    b.cseq = cseq;
    b.transport = QStringLiteral("udp");
    return b;
}
}  // namespace

class TestRegistrations : public QObject {
    Q_OBJECT
  private slots:
    void contactKeyNormalises() {
        QCOMPARE(mrc::contactKey(QStringLiteral("<sip:bob-0x55@127.0.0.1:5060;transport=tcp>")),
                 QStringLiteral("bob-0x55@127.0.0.1:5060"));
        QCOMPARE(mrc::contactKey(QStringLiteral("SIP:Bob@EXAMPLE.org")),
                 QStringLiteral("Bob@example.org"));
        QCOMPARE(mrc::contactKey(QStringLiteral("sips:alice@host?x=1")),
                 QStringLiteral("alice@host"));
    }

    void severalContactsPerClientAndExpiry() {
        RegistrationTable t;
        QVERIFY(t.update(QStringLiteral("bob"), binding(QStringLiteral("sip:bob@10.0.0.1:5060")),
                         60, 1000));
        QVERIFY(t.update(QStringLiteral("bob"),
                         binding(QStringLiteral("sip:bob@10.0.0.2:5060"), QStringLiteral("c2")),
                         120, 1000));
        QCOMPARE(t.contacts(QStringLiteral("bob"), 1000).size(), 2);
        QCOMPARE(t.bindingCount(), 2);
        // After 60 s the first binding is gone, the second lives on.
        QCOMPARE(t.contacts(QStringLiteral("bob"), 1000 + 60000).size(), 1);
        QVERIFY(t.isRegistered(QStringLiteral("bob"), 1000 + 60000));
        QVERIFY(!t.isRegistered(QStringLiteral("bob"), 1000 + 120000));
        t.expire(1000 + 120000);
        QCOMPARE(t.bindingCount(), 0);
    }

    void refreshReplacesAndZeroRemoves() {
        RegistrationTable t;
        const QString uri = QStringLiteral("sip:alice@127.0.0.1:5070");
        QVERIFY(t.update(QStringLiteral("alice"), binding(uri, QStringLiteral("c"), 1), 30, 0));
        QVERIFY(t.update(QStringLiteral("alice"), binding(uri, QStringLiteral("c"), 2), 300, 0));
        QCOMPARE(t.contacts(QStringLiteral("alice"), 0).size(), 1);
        QCOMPARE(t.contacts(QStringLiteral("alice"), 0).first().expiresAtMs, 300000);
        QVERIFY(t.update(QStringLiteral("alice"), binding(uri, QStringLiteral("c"), 3), 0, 0));
        QVERIFY(!t.isRegistered(QStringLiteral("alice"), 0));
    }

    void outOfOrderCSeqIsIgnored() {
        RegistrationTable t;
        const QString uri = QStringLiteral("sip:alice@127.0.0.1:5070");
        QVERIFY(t.update(QStringLiteral("alice"), binding(uri, QStringLiteral("c"), 5), 60, 0));
        QVERIFY(!t.update(QStringLiteral("alice"), binding(uri, QStringLiteral("c"), 5), 0, 0));
        QVERIFY(!t.update(QStringLiteral("alice"), binding(uri, QStringLiteral("c"), 4), 0, 0));
        QVERIFY(t.isRegistered(QStringLiteral("alice"), 0));
        // Another Call-ID (the phone restarted) may lower the CSeq.
        QVERIFY(t.update(QStringLiteral("alice"), binding(uri, QStringLiteral("d"), 1), 0, 0));
        QVERIFY(!t.isRegistered(QStringLiteral("alice"), 0));
    }

    void loginForContactFindsTheClient() {
        RegistrationTable t;
        QVERIFY(t.update(QStringLiteral("bob"),
                         binding(QStringLiteral("sip:bob-0x5602b4d99500@127.0.0.1:35072")), 600,
                         0));
        QCOMPARE(t.loginForContact(
                     QStringLiteral("<sip:bob-0x5602b4d99500@127.0.0.1:35072;transport=udp>"), 1),
                 std::optional<QString>(QStringLiteral("bob")));
        QVERIFY(!t.loginForContact(QStringLiteral("sip:bob-0x5602b4d99500@127.0.0.1:35073"), 1));
        QVERIFY(
            !t.loginForContact(QStringLiteral("sip:bob-0x5602b4d99500@127.0.0.1:35072"), 600001));
    }
};

QTEST_GUILESS_MAIN(TestRegistrations)
#include "tst_registrations.moc"
