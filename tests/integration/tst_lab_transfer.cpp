// End to end in the Transfer Lab window: three real BaresipEngines (headless audio) registered
// at the Lab's mini-restcomm. Alice dials 1001, Bob answers, Bob blind-transfers Alice to carol
// through his PhoneSession (what the Blind Transfer dialog and `--phone bob --transfer carol`
// call), Carol answers: Alice and Carol talk, Bob's row says "Transferred".
#include "engine/baresip_engine.h"
#include "ui/lab_phones.h"
#include "ui/lab_window.h"
#include "ui/phone/accounts_model.h"
#include "ui/phone/calls_model.h"
#include "ui/phone/phone_session.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {

bool registered(phone::PhoneSession *session) {
    phone::AccountsModel *accounts = session->accounts();
    return accounts->rowCount() == 1 &&
           accounts->state(0).registration == engine::RegistrationState::Registered;
}

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
        ui::LabWindow window([](const QString &) {
            return ui::baresipLabPhone(engine::AudioMode::Headless);  // no sound card in CI
        });
        window.launcher().setDataDir(data.path());
        window.show();
        window.startServer();
        QTRY_VERIFY_WITH_TIMEOUT(window.launcher().isReady(), 10000);
        QCOMPARE(window.phones().count(), 3);
        phone::PhoneSession *alice = window.phones().session("alice");
        phone::PhoneSession *bob = window.phones().session("bob");
        phone::PhoneSession *carol = window.phones().session("carol");
        QTRY_VERIFY_WITH_TIMEOUT(registered(alice) && registered(bob) && registered(carol), 15000);

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
