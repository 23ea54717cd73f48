// End to end in the Transfer Lab window: three real BaresipEngines (headless audio) registered
// at the Lab's mini-restcomm. Alice dials 1001, Bob answers, Bob blind-transfers Alice to carol
// through his PhoneSession (what the Blind Transfer dialog and `--phone bob --transfer carol`
// call), Carol answers: Alice and Carol talk, Bob's row says "Transferred".
#include "lab_test_support.h"
#include "ui/phone/calls_model.h"
#include "ui/phone/phone_session.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {

bool hasEstablishedCall(phone::PhoneSession *session) {
    for (const phone::CallRow &row : session->calls()->rows()) {
        if (!row.closed && row.isEstablished()) {
            return true;
        }
    }
    return false;
}

}  // namespace

class TestLabTransfer : public QObject {
    Q_OBJECT

  private slots:
    void aliceIsTransferredToCarol() {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        ui::LabWindow window(rptest::headlessLabPhones());
        rptest::startLabWithRegisteredPhones(window, data.path());
        if (QTest::currentTestFailed()) {
            return;
        }
        phone::PhoneSession *alice = window.phones().session("alice");
        phone::PhoneSession *bob = window.phones().session("bob");
        phone::PhoneSession *carol = window.phones().session("carol");

        QVERIFY(!alice->dial(alice->defaultAccountAor(), "1001").isError());
        QTRY_VERIFY_WITH_TIMEOUT(bob->firstRingingCall().has_value(), 15000);
        const engine::CallKey bobCall = *bob->firstRingingCall();
        QVERIFY(!bob->answer(bobCall).isError());
        QTRY_VERIFY_WITH_TIMEOUT(hasEstablishedCall(alice) && hasEstablishedCall(bob), 15000);

        const engine::EngineError transfer = bob->blindTransfer(bobCall, "carol");
        QVERIFY2(!transfer.isError(), qPrintable(transfer.message));
        QTRY_VERIFY_WITH_TIMEOUT(carol->firstRingingCall().has_value(), 15000);
        QVERIFY(!carol->answer(*carol->firstRingingCall()).isError());
        QTRY_VERIFY_WITH_TIMEOUT(hasEstablishedCall(alice) && hasEstablishedCall(carol), 15000);

        const auto bobRowText = [bob, bobCall] {
            const int row = bob->calls()->rowOf(bobCall);
            return row >= 0 ? bob->calls()->row(row).transferText() : QString();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(bobRowText().startsWith("Transferred"), qPrintable(bobRowText()),
                                  35000);

        window.stopServer();
        QTRY_VERIFY_WITH_TIMEOUT(!window.launcher().isReady(), 8000);
    }
};

QTEST_MAIN(TestLabTransfer)
#include "tst_lab_transfer.moc"
