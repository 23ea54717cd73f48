// The seed scenario end to end through the Transfer Lab's widgets, as a user clicks it: real
// mini-restcomm and three real baresip phones (headless audio). Alice types 1001 and presses
// Call, Bob clicks Answer, Bob clicks Blind Transfer and types carol + Enter, Carol clicks
// Answer. Then Alice and Carol talk, Bob's call is over with "Transferred", and the ladder's
// flow model holds the REFER, its 202, Bob's BYE, the refer fetch with its three parameters
// and Carol's INVITE, in that order.
#include "flow/flow_model.h"
#include "flow/flow_text.h"
#include "lab_test_support.h"
#include "screenshot.h"
#include "ui/ladder_panel.h"
#include "ui/phone/call_actions.h"
#include "ui/phone/calls_model.h"
#include "ui/phone/phone_session.h"
#include "ui/phone/phone_window.h"
#include "ui/phone/transfer_dialog.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using flow::EntryKind;
using flow::FlowEntry;

namespace {

// The phone's only live call in the given state, if any.
std::optional<phone::CallRow> liveCall(phone::PhoneSession *session,
                                       const std::function<bool(const phone::CallRow &)> &match) {
    for (const phone::CallRow &row : session->calls()->rows()) {
        if (!row.closed && match(row)) {
            return row;
        }
    }
    return std::nullopt;
}

bool established(const phone::CallRow &row) {
    return row.isEstablished();
}
bool ringing(const phone::CallRow &row) {
    return row.canAnswer();
}

// A visible, enabled button a user could click.
bool clickable(QAbstractButton *button) {
    return button && button->isVisible() && button->isEnabled();
}

int findEntry(const flow::FlowModel &model, const std::function<bool(const FlowEntry &)> &match,
              int after = -1) {
    for (int row = after + 1; row < model.rowCount(); ++row) {
        if (match(model.entry(row))) {
            return row;
        }
    }
    return -1;
}

}  // namespace

class TestLabEndToEnd : public QObject {
    Q_OBJECT

  private slots:
    void blindTransferClickedThroughTheLab() {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        ui::LabWindow window(rptest::headlessLabPhones());
        window.resize(1500, 950);
        rptest::startLabWithRegisteredPhones(window, data.path());
        if (QTest::currentTestFailed()) {
            return;
        }
        phone::PhoneSession *alice = window.phones().session("alice");
        phone::PhoneSession *bob = window.phones().session("bob");
        phone::PhoneSession *carol = window.phones().session("carol");
        phone::PhoneWindow *alicePanel = window.phones().panel("alice");
        phone::PhoneWindow *bobPanel = window.phones().panel("bob");
        phone::PhoneWindow *carolPanel = window.phones().panel("carol");
        QVERIFY(alicePanel && bobPanel && carolPanel);
        // Once the engines run, no panel still says they are starting.
        for (phone::PhoneWindow *panel : {alicePanel, bobPanel, carolPanel}) {
            QTRY_VERIFY2(!panel->statusMessage().contains("starting"),
                         qPrintable(panel->statusMessage()));
        }

        // Alice: type number A (1001, which rings Bob) and press the Call button.
        QTest::keyClicks(alicePanel->dialField(), "1001");
        auto *callButton = alicePanel->findChild<QAbstractButton *>("callButton");
        QVERIFY(clickable(callButton));
        QTest::mouseClick(callButton, Qt::LeftButton);

        // Bob: the call rings; Blind Transfer is there but off until the call is answered.
        QTRY_VERIFY_WITH_TIMEOUT(liveCall(bob, ringing).has_value(), 15000);
        const engine::CallKey bobCall = liveCall(bob, ringing)->info.key;
        QTRY_VERIFY(bobPanel->actionsFor(bobCall) != nullptr);
        phone::CallActions *bobActions = bobPanel->actionsFor(bobCall);
        QVERIFY(!bobActions->transferButton()->isEnabled());
        QTRY_VERIFY(clickable(bobActions->answerButton()));
        QTest::mouseClick(bobActions->answerButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(liveCall(alice, established) && liveCall(bob, established), 15000);

        // Bob: Blind Transfer, type carol, Enter.
        QTRY_VERIFY(clickable(bobActions->transferButton()));
        QTest::mouseClick(bobActions->transferButton(), Qt::LeftButton);
        auto *dialog = bobPanel->findChild<phone::TransferDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QTest::keyClicks(dialog->targetField(), "carol");
        QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
        QTest::keyClick(dialog->targetField(), Qt::Key_Return);
        QVERIFY(dialog->transferStarted());

        // Carol: the transferred call rings (from Alice, through mini-restcomm); Answer.
        QTRY_VERIFY_WITH_TIMEOUT(liveCall(carol, ringing).has_value(), 15000);
        const engine::CallKey carolCall = liveCall(carol, ringing)->info.key;
        QTRY_VERIFY(carolPanel->actionsFor(carolCall) != nullptr);
        rptest::saveScreenshot(window, "lab-e2e-carol-ringing");
        // The ringing row fits Carol's narrow panel: Answer is on screen, not scrolled away.
        QWidget *carolActions = carolPanel->actionsFor(carolCall);
        QTRY_VERIFY2(
            carolActions->geometry().right() <= carolPanel->callsView()->viewport()->width(),
            qPrintable(QStringLiteral("actions end at %1, viewport %2")
                           .arg(carolActions->geometry().right())
                           .arg(carolPanel->callsView()->viewport()->width())));
        QTRY_VERIFY(clickable(carolPanel->actionsFor(carolCall)->answerButton()));
        QTest::mouseClick(carolPanel->actionsFor(carolCall)->answerButton(), Qt::LeftButton);

        // Alice and Carol talk; Bob's call is over and says how the transfer ended.
        QTRY_VERIFY_WITH_TIMEOUT(liveCall(alice, established) && liveCall(carol, established),
                                 15000);
        QVERIFY(liveCall(carol, established)->info.peerUri.startsWith("sip:alice@"));
        const auto bobRow = [bob, bobCall]() -> std::optional<phone::CallRow> {
            const int row = bob->calls()->rowOf(bobCall);
            return row >= 0 ? std::optional(bob->calls()->row(row)) : std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(bobRow() && bobRow()->closed, 15000);
        QTRY_VERIFY2_WITH_TIMEOUT(bobRow()->transferText().startsWith("Transferred"),
                                  qPrintable(bobRow()->transferText()), 35000);
        QVERIFY(!liveCall(bob, [](const phone::CallRow &) { return true; }));

        // The ladder: REFER → 202 → BYE to Bob, the refer fetch with the three parameters,
        // then mini-restcomm's INVITE to Carol.
        const flow::FlowModel &model = window.flowModel();
        const auto referRow = [&model] {
            return findEntry(model, [](const FlowEntry &e) {
                return e.fromLane == "Bob" && e.toLane == flow::kServerLane &&
                       e.label.startsWith("REFER ");
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(referRow() >= 0, 5000);
        const int refer = referRow();
        const QString text = flow::ladderText(model);
        QVERIFY(model.entry(refer).highlight);
        QVERIFY2(model.entry(refer).fullText.contains("Refer-To:"), qPrintable(text));
        const int accepted = findEntry(
            model,
            [](const FlowEntry &e) {
                return e.fromLane == flow::kServerLane && e.toLane == "Bob" &&
                       e.label == "202 Accepted";
            },
            refer);
        QVERIFY2(accepted > refer && model.entry(accepted).highlight, qPrintable(text));
        const int bye = findEntry(
            model,
            [](const FlowEntry &e) {
                return e.kind == EntryKind::Sip && e.label.startsWith("BYE ") &&
                       (e.fromLane == "Bob" || e.toLane == "Bob");
            },
            refer);
        QVERIFY2(bye > accepted && model.entry(bye).highlight, qPrintable(text));
        const int fetch = findEntry(
            model,
            [](const FlowEntry &e) {
                return e.kind == EntryKind::Http && e.fullText.contains("ReferTarget=");
            },
            refer);
        QVERIFY2(fetch > refer && model.entry(fetch).highlight, qPrintable(text));
        const QString params = model.entry(fetch).fullText;
        QVERIFY2(params.contains("Transferor=bob"), qPrintable(params));
        QVERIFY2(params.contains("Transferee=alice"), qPrintable(params));
        QVERIFY2(params.contains("ReferTarget=carol"), qPrintable(params));
        const int inviteCarol = findEntry(
            model,
            [](const FlowEntry &e) {
                return e.fromLane == flow::kServerLane && e.toLane == "Carol" &&
                       e.label.startsWith("INVITE ");
            },
            fetch);
        QVERIFY2(inviteCarol > fetch, qPrintable(text));
        // The relay's media notes are kept but off the ladder until asked for.
        QVERIFY(!window.ladderPanel()->showMediaBox()->isChecked());
        QVERIFY(!text.contains("media bridged"));
        const int shownRows = model.rowCount();
        window.ladderPanel()->showMediaBox()->click();
        QVERIFY(model.rowCount() > shownRows);
        QVERIFY(flow::ladderText(model).contains("media bridged"));
        window.ladderPanel()->showMediaBox()->click();
        QCOMPARE(model.rowCount(), shownRows);
        rptest::saveScreenshot(window, "lab-e2e-transferred");

        window.stopServer();
        QTRY_VERIFY_WITH_TIMEOUT(!window.launcher().isReady(), 8000);
    }
};

QTEST_MAIN(TestLabEndToEnd)
#include "tst_lab_e2e.moc"
