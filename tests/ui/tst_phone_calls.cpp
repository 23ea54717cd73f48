// The softphone window with several calls, driven through its widgets with FakeEngine: each
// row's buttons reach their own call, incoming calls ring and can be answered or declined,
// digits become DTMF, accounts show the registration failure reason, and the history and
// contacts survive a restart of the window.
#include "phone_test_support.h"
#include "ui/phone/account_dialog.h"
#include "ui/phone/call_actions.h"
#include "ui/phone/call_history_model.h"
#include "ui/phone/contacts_model.h"
#include "ui/phone/incoming_call_alert.h"
#include "ui/phone/phone_window.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QToolButton>

using namespace phone_test;

class PhoneCallsTest : public QObject {
    Q_OBJECT
  private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        QVERIFY(dir_->isValid());
    }

    void buttonsReachTheRightCallWithTwoCalls() {
        Phone phone(dir_->path());
        phone::PhoneWindow window(&phone.session);
        window.show();
        const engine::CallKey alice =
            phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
        const engine::CallKey dave =
            phone.establishedCall(QStringLiteral("dave"), QStringLiteral("Dave"));
        QVERIFY(alice.isValid() && dave.isValid() && !(alice == dave));
        // Answering Dave put Alice on hold (as baresip does with call_hold_other_calls).
        QTRY_VERIFY(phone.row(alice)->info.onHold);
        phone::CallActions *aliceButtons = window.actionsFor(alice);
        phone::CallActions *daveButtons = window.actionsFor(dave);
        QVERIFY(aliceButtons && daveButtons && aliceButtons != daveButtons);
        QTRY_COMPARE(aliceButtons->holdButton()->text(), QStringLiteral("Resume"));
        QCOMPARE(daveButtons->holdButton()->text(), QStringLiteral("Hold"));

        // Mute Dave: only Dave is muted.
        QTest::mouseClick(daveButtons->muteButton(), Qt::LeftButton);
        QCOMPARE(phone.fake.commandLog().last(), QStringLiteral("mute %1 1").arg(dave.callId));
        QTRY_VERIFY(phone.row(dave)->info.muted);
        QVERIFY(!phone.row(alice)->info.muted);
        QTRY_COMPARE(daveButtons->muteButton()->text(), QStringLiteral("Unmute"));

        // Resume Alice: the engine holds Dave first, then resumes Alice.
        QTest::mouseClick(aliceButtons->holdButton(), Qt::LeftButton);
        QCOMPARE(phone.fake.commandLog().last(), QStringLiteral("resume %1").arg(alice.callId));
        QTRY_VERIFY(!phone.row(alice)->info.onHold);
        QTRY_VERIFY(phone.row(dave)->info.onHold);
        QTRY_COMPARE(daveButtons->holdButton()->text(), QStringLiteral("Resume"));

        // Hold Alice again with her own button.
        QTest::mouseClick(aliceButtons->holdButton(), Qt::LeftButton);
        QCOMPARE(phone.fake.commandLog().last(), QStringLiteral("hold %1").arg(alice.callId));
        QTRY_VERIFY(phone.row(alice)->info.onHold);

        // Hang up Dave: Alice stays.
        QTest::mouseClick(daveButtons->hangUpButton(), Qt::LeftButton);
        QCOMPARE(phone.fake.commandLog().last(), QStringLiteral("hangup %1").arg(dave.callId));
        QTRY_COMPARE(phone.calls()->rowCount(), 1);
        QCOMPARE(phone.calls()->row(0).info.key, alice);
        QVERIFY(window.actionsFor(alice) == aliceButtons);  // the widget moved with its row
        QTRY_COMPARE(phone.session.history()->rowCount(), 1);
        QCOMPARE(phone.session.history()->entries().first().peerName, QStringLiteral("Dave"));
        QCOMPARE(phone.session.history()->entries().first().outcome, QStringLiteral("answered"));
    }

    void keyboardShortcutsActOnTheSelectedCall() {
        Phone phone(dir_->path());
        phone::PhoneWindow window(&phone.session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const engine::CallKey alice =
            phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
        const engine::CallKey dave =
            phone.establishedCall(QStringLiteral("dave"), QStringLiteral("Dave"));
        window.callsView()->selectRow(phone.calls()->rowOf(dave));
        window.callsView()->setFocus();
        QTest::keyClick(&window, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(phone.fake.commandLog().last(), QStringLiteral("mute %1 1").arg(dave.callId));
        // Digits typed on the calls list go out as DTMF on the selected call.
        QTest::keyClicks(window.callsView(), QStringLiteral("12#"));
        const QStringList log = phone.fake.commandLog();
        QCOMPARE(log.mid(log.size() - 3),
                 (QStringList{QStringLiteral("dtmf %1 1").arg(dave.callId),
                              QStringLiteral("dtmf %1 2").arg(dave.callId),
                              QStringLiteral("dtmf %1 #").arg(dave.callId)}));
        window.callsView()->selectRow(phone.calls()->rowOf(alice));
        QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(phone.fake.commandLog().last(), QStringLiteral("hangup %1").arg(alice.callId));
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(window.dialField()->hasFocus());
    }

    // Phone → Transfer Lab… (Ctrl+Shift+L) in the softphone; the Lab's own panels have none.
    void transferLabMenuItem() {
        Phone phone(dir_->path());
        phone::PhoneWindow window(&phone.session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy requested(&window, &phone::PhoneWindow::transferLabRequested);
        QVERIFY(!window.transferLabAction()->isVisible());
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(requested.count(), 0);
        window.offerTransferLab();
        QVERIFY(window.transferLabAction()->isVisible());
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(requested.count(), 1);
        window.transferLabAction()->trigger();
        QCOMPARE(requested.count(), 2);
    }

    void incomingCallRingsAndCanBeDeclined() {
        Phone phone(dir_->path());
        phone::PhoneWindow window(&phone.session);
        window.show();
        const engine::CallKey call = phone.fake.injectIncomingCall(
            phone.aor(), QStringLiteral("sip:alice@%1").arg(domain), QStringLiteral("Alice"));
        QTRY_VERIFY(window.actionsFor(call) != nullptr);
        QTRY_VERIFY(window.incomingAlert()->isRinging());
        QCOMPARE(window.incomingAlert()->lastNotification(),
                 QStringLiteral("Incoming call from Alice (alice)"));
        phone::CallActions *actions = window.actionsFor(call);
        QVERIFY(actions->answerButton()->isVisible());
        QVERIFY(actions->declineButton()->isVisible());
        // Ringing: Answer and Decline (and Blind Transfer, off); the rest once answered.
        for (QToolButton *later : {actions->hangUpButton(), actions->holdButton(),
                                   actions->muteButton(), actions->keypadButton()}) {
            QVERIFY2(!later->isVisible(), qPrintable(later->text()));
        }
        QVERIFY(actions->transferButton()->isVisible() && !actions->transferButton()->isEnabled());
        QCOMPARE(phone.rowText(call), QStringLiteral("Incoming call"));
        QTest::mouseClick(actions->declineButton(), Qt::LeftButton);
        QCOMPARE(phone.fake.commandLog().last(), QStringLiteral("decline %1").arg(call.callId));
        QTRY_COMPARE(phone.calls()->rowCount(), 0);
        QTRY_VERIFY(!window.incomingAlert()->isRinging());
        QTRY_COMPARE(phone.session.history()->rowCount(), 1);
        QCOMPARE(phone.session.history()->entries().first().outcome, QStringLiteral("declined"));
    }

    void beingTransferredIsShownOnTheNewCall() {
        Phone phone(dir_->path());
        phone::PhoneWindow window(&phone.session);
        const engine::CallKey alice =
            phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
        const engine::CallKey next =
            phone.fake.injectTransferRequest(alice, QStringLiteral("<sip:carol@127.0.0.1:5080>"));
        QVERIFY(next.isValid());
        QTRY_VERIFY(phone.calls()->rowOf(next) >= 0);
        QTRY_COMPARE(phone.calls()->rowOf(alice), -1);
        QCOMPARE(phone.rowText(next), QStringLiteral("Calling… — transferred here by Alice"));
        QVERIFY(window.actionsFor(next) != nullptr);
    }

    void dialFieldRefusesBadTargetsWithAReason() {
        Phone phone(dir_->path());
        phone::PhoneWindow window(&phone.session);
        window.show();
        window.dialField()->setText(QStringLiteral("car ol"));
        QTest::keyClick(window.dialField(), Qt::Key_Return);
        QVERIFY(window.statusMessage().contains(QStringLiteral("not a number, a user name")));
        QCOMPARE(phone.calls()->rowCount(), 0);
        window.dialField()->setText(QStringLiteral("tel:+1555"));
        QTest::keyClick(window.dialField(), Qt::Key_Return);
        QCOMPARE(phone.fake.commandLog().last(),
                 QStringLiteral("dial %1 sip:+1555@%2").arg(phone.aor(), domain));
    }

    void accountsShowRegistrationAndFailureReason() {
        Phone phone(dir_->path());
        phone::AccountsModel *accounts = phone.session.accounts();
        QTRY_COMPARE(accounts->index(0, phone::AccountsModel::Registration).data().toString(),
                     QStringLiteral("Registered"));
        phone.fake.setRegistrarAnswer(phone.aor(), 403, QStringLiteral("403 Forbidden"));
        QVERIFY(!phone.fake.setRegistered(phone.aor(), true).isError());
        QTRY_COMPARE(accounts->index(0, phone::AccountsModel::Registration).data().toString(),
                     QStringLiteral("Registration failed: 403 Forbidden"));
        const QJsonObject status = phone.session.phoneStatusJson();
        QCOMPARE(status.value(QStringLiteral("registered")).toBool(), false);
    }

    void historyContactsAndAccountsSurviveARestart() {
        {
            Phone phone(dir_->path());
            phone::PhoneWindow window(&phone.session);
            phone.session.contacts()->addContact({QStringLiteral("Carol"), QStringLiteral("1003")});
            const engine::CallKey call =
                phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
            QTRY_VERIFY(window.actionsFor(call) != nullptr);
            QTest::mouseClick(window.actionsFor(call)->hangUpButton(), Qt::LeftButton);
            QTRY_COMPARE(phone.session.history()->rowCount(), 1);
        }
        // A new engine, session and window over the same folder: nothing is lost.
        Phone restarted(dir_->path(), false);
        phone::PhoneWindow window(&restarted.session);
        QTRY_COMPARE(restarted.session.accounts()->rowCount(), 1);
        QCOMPARE(restarted.fake.accounts().value(0).password, QStringLiteral("secret"));
        QCOMPARE(restarted.session.history()->rowCount(), 1);
        QCOMPARE(window.historyView()->model()->rowCount(), 1);
        const phone::HistoryEntry entry = restarted.session.history()->entries().first();
        QCOMPARE(entry.peerUri, QStringLiteral("sip:alice@%1").arg(domain));
        QCOMPARE(entry.peerName, QStringLiteral("Alice"));
        QVERIFY(entry.incoming);
        QCOMPARE(entry.outcome, QStringLiteral("answered"));
        QCOMPARE(restarted.session.contacts()->contacts().value(0).name, QStringLiteral("Carol"));

        // Double-clicking the history row calls again.
        const QModelIndex first = window.historyView()->model()->index(0, 2);
        emit window.historyView()->doubleClicked(first);
        QCOMPARE(restarted.fake.commandLog().last(),
                 QStringLiteral("dial %1 sip:alice@%2").arg(restarted.aor(), domain));
    }

    void accountDialogAddsEditsAndRemoves() {
        Phone phone(dir_->path(), false);
        {
            phone::AccountDialog add(&phone.session, engine::AccountConfig{}, false);
            add.findChild<QLineEdit *>(QStringLiteral("accountUser"))
                ->setText(QStringLiteral("dave"));
            auto *domainField = add.findChild<QLineEdit *>(QStringLiteral("accountDomain"));
            domainField->setText(QStringLiteral("not a host!"));
            auto *save = add.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
            QTest::mouseClick(save, Qt::LeftButton);
            auto *error = add.findChild<QLabel *>(QStringLiteral("accountError"));
            QVERIFY(error->text().contains(QStringLiteral("not a valid domain")));
            QCOMPARE(phone.session.accounts()->rowCount(), 0);
            domainField->setText(domain);
            add.findChild<QLineEdit *>(QStringLiteral("accountPassword"))
                ->setText(QStringLiteral("pw1"));
            QTest::mouseClick(save, Qt::LeftButton);
            QCOMPARE(add.result(), int(QDialog::Accepted));
        }
        QCOMPARE(phone.session.accounts()->rowCount(), 1);
        const QString aor = QStringLiteral("sip:dave@%1").arg(domain);
        QCOMPARE(phone.fake.accounts().value(0).password, QStringLiteral("pw1"));
        {
            // Editing without typing a password keeps the stored one.
            phone::AccountDialog edit(&phone.session, phone.session.accounts()->config(0), true);
            QTest::mouseClick(edit.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                              Qt::LeftButton);
        }
        QCOMPARE(phone.fake.commandLog().last(), QStringLiteral("updateAccount %1").arg(aor));
        QCOMPARE(phone.fake.accounts().value(0).password, QStringLiteral("pw1"));
        QVERIFY(!phone.session.removeAccount(aor).isError());
        QCOMPARE(phone.session.accounts()->rowCount(), 0);
        QVERIFY(phone.session.config().accounts.isEmpty());
        QFile passwords(dir_->filePath(QStringLiteral("passwords-unencrypted.json")));
        QVERIFY(passwords.open(QIODevice::ReadOnly));  // it held pw1 before the removal
        QVERIFY(!passwords.readAll().contains("pw1"));
    }

  private:
    std::unique_ptr<QTemporaryDir> dir_;
};

QTEST_MAIN(PhoneCallsTest)
#include "tst_phone_calls.moc"
