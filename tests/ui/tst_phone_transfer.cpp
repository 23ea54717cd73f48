// Blind Transfer in the softphone window, driven through the real widgets with FakeEngine:
// the button follows the call state, the dialog validates targets inline and transfers the
// completed target on Enter, and the call row tells the outcome in words.
#include "phone_test_support.h"
#include "ui/phone/call_actions.h"
#include "ui/phone/phone_window.h"
#include "ui/phone/settings_dialog.h"
#include "ui/phone/transfer_dialog.h"

#include <QCompleter>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>

using namespace phone_test;
using engine::TransferState;

namespace {

const QString uriOf(const QString &user) {
    return QStringLiteral("sip:%1@%2").arg(user, domain);
}

// Types `text` into the dialog's field and presses Enter, as a user would.
void typeAndEnter(phone::TransferDialog *dialog, const QString &text) {
    QLineEdit *field = dialog->targetField();
    field->clear();
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

}  // namespace

class PhoneTransferTest : public QObject {
    Q_OBJECT
  private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        QVERIFY(dir_->isValid());
    }

    void transferButtonFollowsCallState() {
        Phone phone(dir_->path());
        phone::PhoneWindow window(&phone.session);
        window.show();
        const engine::CallKey ringing = phone.fake.injectIncomingCall(
            phone.aor(), uriOf(QStringLiteral("alice")), QStringLiteral("Alice"));
        QTRY_VERIFY(window.actionsFor(ringing) != nullptr);
        phone::CallActions *actions = window.actionsFor(ringing);
        QVERIFY(actions->transferButton()->isVisible());
        QVERIFY(!actions->transferButton()->isEnabled());  // ringing: nothing to transfer
        QVERIFY(window.openTransferDialog(ringing) == nullptr);

        QTest::mouseClick(actions->answerButton(), Qt::LeftButton);
        QTRY_VERIFY(actions->transferButton()->isEnabled());

        // An outgoing call that is not answered yet cannot be transferred either.
        window.dialField()->setText(QStringLiteral("1002"));
        QTest::keyClick(window.dialField(), Qt::Key_Return);
        QTRY_COMPARE(phone.calls()->rowCount(), 2);
        const engine::CallKey outgoing = phone.calls()->row(1).info.key;
        QTRY_VERIFY(window.actionsFor(outgoing) != nullptr);
        QVERIFY(!window.actionsFor(outgoing)->transferButton()->isEnabled());
        QCOMPARE(phone.calls()->row(1).info.peerUri, uriOf(QStringLiteral("1002")));

        // While a transfer is pending the button is off, so no second REFER can start.
        QVERIFY(!phone.session.blindTransfer(ringing, QStringLiteral("carol")).isError());
        QTRY_VERIFY(phone.row(ringing)->transferPending());
        QVERIFY(!actions->transferButton()->isEnabled());
    }

    void dialogValidatesTargetsInline() {
        Phone phone(dir_->path());
        phone::PhoneWindow window(&phone.session);
        window.show();
        const engine::CallKey call =
            phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
        QVERIFY(call.isValid());
        QTRY_VERIFY(window.actionsFor(call) != nullptr);
        QTest::mouseClick(window.actionsFor(call)->transferButton(), Qt::LeftButton);
        phone::TransferDialog *dialog = window.findChild<phone::TransferDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        // Nothing to call back yet: no (empty) call-back button between Transfer and Cancel.
        auto *callBack = dialog->findChild<QPushButton *>("transferCallBackButton");
        QVERIFY(callBack && !callBack->isVisible());

        const QStringList bad{QString(), QStringLiteral("sip:"), QStringLiteral("car ol"),
                              QStringLiteral("   "), QStringLiteral("@@")};
        for (const QString &target : bad) {
            typeAndEnter(dialog, target);
            QVERIFY2(!dialog->errorText().isEmpty(), qPrintable(target));
            QVERIFY2(!dialog->transferStarted(), qPrintable(target));
        }
        typeAndEnter(dialog, QString());
        QVERIFY(dialog->errorText().contains(QStringLiteral("empty")));
        typeAndEnter(dialog, QStringLiteral("@@"));
        QVERIFY(dialog->errorText().contains(QStringLiteral("user part")));
        QVERIFY(!phone.fake.commandLog().join(' ').contains(QStringLiteral("transfer")));

        // Good targets are accepted live (no error) and say what they complete to.
        const QList<QPair<QString, QString>> good{
            {QStringLiteral("carol"), uriOf(QStringLiteral("carol"))},
            {QStringLiteral("1002"), uriOf(QStringLiteral("1002"))},
            {QStringLiteral("sip:carol@example.org"), QStringLiteral("sip:carol@example.org")},
            {QStringLiteral("tel:+1555"), uriOf(QStringLiteral("+1555"))}};
        for (const auto &[typed, completed] : good) {
            dialog->targetField()->setText(typed);
            QVERIFY2(dialog->errorText().isEmpty(), qPrintable(typed));
        }
    }

    void completionOffersContactsHistoryAndLabNames() {
        Phone phone(dir_->path());
        phone.session.contacts()->addContact({QStringLiteral("Carol"), QStringLiteral("1003")});
        phone::HistoryEntry recent;
        recent.peerUri = uriOf(QStringLiteral("erin"));
        recent.peerName = QStringLiteral("Erin");
        QVERIFY(phone.session.history()->add(recent).isEmpty());
        phone::PhoneWindow window(&phone.session);
        window.setExtraTargets({QStringLiteral("sip:lab-carol@127.0.0.1:5090")});
        window.show();
        const engine::CallKey call =
            phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
        phone::TransferDialog *dialog = window.openTransferDialog(call);
        QVERIFY(dialog);
        QCompleter *completer = dialog->targetField()->completer();
        QVERIFY(completer);
        QStringList offered;
        for (int row = 0; row < completer->model()->rowCount(); ++row) {
            offered << completer->model()->index(row, 0).data(Qt::EditRole).toString();
        }
        QCOMPARE(offered, (QStringList{QStringLiteral("1003"), uriOf(QStringLiteral("erin")),
                                       QStringLiteral("sip:lab-carol@127.0.0.1:5090")}));
        // Typing part of a name pops up the match; the popup says who it is.
        completer->setCompletionPrefix(QStringLiteral("lab"));
        QCOMPARE(completer->currentCompletion(), QStringLiteral("sip:lab-carol@127.0.0.1:5090"));
        QCOMPARE(completer->model()->index(0, 0).data(Qt::DisplayRole).toString(),
                 QStringLiteral("1003 — Carol"));
    }

    void enterTransfersTheCompletedTarget_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("sent");
        QTest::newRow("user") << "carol" << uriOf(QStringLiteral("carol"));
        QTest::newRow("number") << "1002" << uriOf(QStringLiteral("1002"));
        QTest::newRow("sip uri") << "sip:carol@example.org"
                                 << "sip:carol@example.org";
        QTest::newRow("tel uri") << "tel:+1555" << uriOf(QStringLiteral("+1555"));
    }

    void enterTransfersTheCompletedTarget() {
        QFETCH(QString, typed);
        QFETCH(QString, sent);
        Phone phone(dir_->path());
        phone::PhoneWindow window(&phone.session);
        window.show();
        const engine::CallKey call =
            phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
        phone::TransferDialog *dialog = window.openTransferDialog(call);
        QVERIFY(dialog);
        typeAndEnter(dialog, typed);
        QVERIFY(dialog->transferStarted());
        QCOMPARE(phone.fake.commandLog().last(),
                 QStringLiteral("transfer %1 %2").arg(call.callId, sent));
        QCOMPARE(phone.fake.pendingTransfers().size(), 1);
        QTRY_COMPARE(phone.rowText(call), QStringLiteral("Transferring Alice to %1…").arg(typed));
        QCOMPARE(phone.calls()
                     ->index(phone.calls()->rowOf(call), 0)
                     .data(phone::CallsModel::PhaseRole)
                     .toString(),
                 QStringLiteral("transferring"));
    }

    void rowShowsSuccess() {
        Phone phone(dir_->path());
        phone::PhoneWindow window(&phone.session);
        window.show();
        const engine::CallKey call =
            phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
        phone::TransferDialog *dialog = window.openTransferDialog(call);
        typeAndEnter(dialog, QStringLiteral("carol"));
        QTRY_VERIFY(phone.row(call) && phone.row(call)->transferPending());
        phone.fake.injectTransferOutcome(call, TransferState::Succeeded);
        QTRY_COMPARE(phone.rowText(call), QStringLiteral("Transferred Alice to carol"));
        QTRY_COMPARE(dialog->statusText(), QStringLiteral("Transferred Alice to carol"));
        QVERIFY(phone.row(call)->closed);
        QVERIFY(!window.actionsFor(call)->callBackButton()->isVisible());
        // History says what happened.
        QTRY_COMPARE(phone.session.history()->rowCount(), 1);
        QCOMPARE(phone.session.history()->entries().first().outcome,
                 QStringLiteral("transferred to carol"));
    }

    void successIsAlsoTheServerEndingTheCall() {
        // Restcomm accepts the REFER and BYEs the transferor without any NOTIFY.
        Phone phone(dir_->path());
        phone::PhoneWindow window(&phone.session);
        const engine::CallKey call =
            phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
        QVERIFY(!phone.session.blindTransfer(call, QStringLiteral("1003")).isError());
        QTRY_VERIFY(phone.row(call)->transferPending());
        phone.calls()->setSucceededLingerMs(200);
        phone.fake.injectRemoteHangup(call);
        QTRY_COMPARE(phone.rowText(call), QStringLiteral("Transferred Alice to 1003"));
        QTRY_COMPARE(phone.calls()->rowOf(call), -1);  // dismissed itself after the linger
    }

    void rowShowsFailureWithCodeAndCallsBack() {
        Phone phone(dir_->path());
        phone::PhoneWindow window(&phone.session);
        window.show();
        const engine::CallKey call =
            phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
        phone::TransferDialog *dialog = window.openTransferDialog(call);
        typeAndEnter(dialog, QStringLiteral("carol"));
        QTRY_VERIFY(phone.row(call) && phone.row(call)->transferPending());
        phone.fake.injectTransferOutcome(call, TransferState::Failed, 486,
                                         QStringLiteral("Busy Here"));
        const QString expected =
            QStringLiteral("Transfer failed: 486 Busy Here — call Alice back?");
        QTRY_COMPARE(phone.rowText(call), expected);
        QTRY_COMPARE(dialog->statusText(), expected);
        phone::CallActions *actions = window.actionsFor(call);
        QVERIFY(actions);
        QTRY_VERIFY(actions->callBackButton()->isVisible());
        QVERIFY(!actions->transferButton()->isVisible());
        QCOMPARE(phone.session.history()->entries().value(0).outcome,
                 QStringLiteral("transfer to carol failed: 486 Busy Here"));

        QTest::mouseClick(actions->callBackButton(), Qt::LeftButton);
        QCOMPARE(phone.fake.commandLog().last(),
                 QStringLiteral("dial %1 %2").arg(phone.aor(), uriOf(QStringLiteral("alice"))));
        QTRY_COMPARE(phone.calls()->rowOf(call), -1);  // the failed row made way for the new call
        QTRY_COMPARE(phone.calls()->rowCount(), 1);
        QCOMPARE(phone.calls()->row(0).info.peerUri, uriOf(QStringLiteral("alice")));
    }

    void failureThatKeepsTheCallSaysSo() {
        // A transferee-side failure where the engine kept (and resumed) the call.
        Phone phone(dir_->path());
        const engine::CallKey call =
            phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
        QVERIFY(!phone.session.blindTransfer(call, QStringLiteral("carol")).isError());
        QTRY_VERIFY(phone.row(call)->transferPending());
        engine::TransferStatus status = phone.row(call)->transfer.value();
        status.state = TransferState::Failed;
        status.sipCode = 404;
        status.reason = QStringLiteral("404 Not Found");
        emit phone.fake.transferStatusChanged(status);
        QCOMPARE(phone.rowText(call),
                 QStringLiteral("Transfer failed: 404 Not Found — Alice is still on the line"));
        QVERIFY(phone.row(call)->canTransfer());  // the user may try another target
    }

    void rowShowsTimeout() {
        Phone phone(dir_->path());
        phone::PhoneWindow window(&phone.session);
        window.show();
        const engine::CallKey call =
            phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
        QVERIFY(!phone.session.blindTransfer(call, QStringLiteral("carol")).isError());
        QTRY_VERIFY(phone.row(call)->transferPending());
        phone.fake.injectTransferOutcome(call, TransferState::TimedOut, 0,
                                         QStringLiteral("no outcome within 30 s"));
        QTRY_COMPARE(phone.rowText(call),
                     QStringLiteral("Transfer timed out (no outcome within 30 s) — hang up or "
                                    "resume Alice"));
        // The call is still there: hang up and resume stay possible, the phase is back.
        QCOMPARE(phone.row(call)->phase(), phone::CallPhase::Established);
        QVERIFY(window.actionsFor(call)->hangUpButton()->isEnabled());
    }

    void screenshots() {
        Phone phone(dir_->path());
        phone.session.contacts()->addContact({QStringLiteral("Carol"), QStringLiteral("1003")});
        phone::PhoneWindow window(&phone.session);
        window.resize(980, 600);
        window.show();
        const engine::CallKey alice =
            phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
        const engine::CallKey dave =
            phone.establishedCall(QStringLiteral("1004"), QStringLiteral("Dave"));
        QVERIFY(alice.isValid() && dave.isValid());
        // Alice is on hold (answering Dave held her); transfer her while Dave keeps talking.
        QTRY_VERIFY(phone.row(alice)->info.onHold);
        phone::TransferDialog *dialog = window.openTransferDialog(alice);
        QVERIFY(dialog);
        typeAndEnter(dialog, QStringLiteral("carol"));
        QTRY_COMPARE(dialog->statusText(), QStringLiteral("Transferring Alice to carol…"));
        QTRY_COMPARE(phone.rowText(alice), QStringLiteral("Transferring Alice to carol…"));
        QTest::qWait(50);
        QVERIFY(saveScreenshot(dialog, QStringLiteral("phone-transfer-dialog-pending")));
        QVERIFY(saveScreenshot(&window, QStringLiteral("phone-window-two-calls")));

        phone.fake.injectTransferOutcome(alice, TransferState::Failed, 486,
                                         QStringLiteral("Busy Here"));
        QTRY_VERIFY(window.actionsFor(alice)->callBackButton()->isVisible());
        QTest::qWait(50);
        QVERIFY(saveScreenshot(&window, QStringLiteral("phone-window-transfer-failed")));

        phone::SettingsDialog settings(&phone.session, &window);
        settings.show();
        QTest::qWait(50);
        QVERIFY(saveScreenshot(&settings, QStringLiteral("phone-settings-accounts")));
    }

  private:
    std::unique_ptr<QTemporaryDir> dir_;
};

QTEST_MAIN(PhoneTransferTest)
#include "tst_phone_transfer.moc"
