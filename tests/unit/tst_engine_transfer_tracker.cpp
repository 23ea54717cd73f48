// Transferor tracker: one outcome per transfer from what baresip reports.
#include "engine/transfer_tracker.h"

#include <QtTest>

using namespace engine;

namespace {
const CallKey kCall{QStringLiteral("sip:bob@h"), QStringLiteral("c1")};
}

class TransferTrackerTest : public QObject {
    Q_OBJECT
  private slots:
    void confirmedSuccess() {
        TransferTracker tracker;
        const auto pending = tracker.start(kCall, "sip:carol@h", "sip:alice@h", 100);
        QVERIFY(pending);
        QCOMPARE(pending->state, TransferState::Pending);
        QVERIFY(!tracker.start(kCall, "sip:carol@h", "sip:alice@h", 101));  // one at a time
        const auto done = tracker.callClosed(kCall, "Call transfered", 103);
        QVERIFY(done);
        QCOMPARE(done->state, TransferState::Succeeded);
        QCOMPARE(done->elapsedMs, 3);
        QVERIFY(!done->originalCallLost);
        QVERIFY(!tracker.isPending(kCall));
        QVERIFY(!tracker.callClosed(kCall, "Call transfered", 104));  // exactly one outcome
    }

    void serverByeAfterAcceptIsSuccess() {
        TransferTracker tracker;
        tracker.start(kCall, "sip:carol@h", "sip:alice@h", 0);
        const auto done = tracker.callClosed(kCall, "Connection reset by peer", 5);
        QCOMPARE(done->state, TransferState::Succeeded);
        QVERIFY(done->reason.contains("server ended"));
    }

    void failureCarriesCodeAndLostCall() {
        TransferTracker tracker;
        tracker.start(kCall, "sip:nobody@h", "sip:alice@h", 0);
        const auto done = tracker.transferFailed(kCall, "404 Not Found", 7);
        QCOMPARE(done->state, TransferState::Failed);
        QCOMPARE(done->sipCode, 404);
        QCOMPARE(done->reason, QStringLiteral("404 Not Found"));
        QVERIFY(done->originalCallLost);
        QCOMPARE(done->transfereeUri, QStringLiteral("sip:alice@h"));
    }

    void otherCloseIsFailure() {
        TransferTracker tracker;
        tracker.start(kCall, "sip:carol@h", "sip:alice@h", 0);
        const auto done = tracker.callClosed(kCall, "Connection reset by user", 7);
        QCOMPARE(done->state, TransferState::Failed);
        QVERIFY(done->originalCallLost);
    }

    void guardTimeout() {
        TransferTracker tracker;
        tracker.start(kCall, "sip:carol@h", "sip:alice@h", 1000);
        QVERIFY(!tracker.timeout(kCall, 30000, 20000));  // too early: nothing
        const auto done = tracker.timeout(kCall, 30000, 31000);
        QCOMPARE(done->state, TransferState::TimedOut);
        QVERIFY(!done->originalCallLost);
        QVERIFY(!tracker.transferFailed(kCall, "486 Busy Here", 40000));  // late: ignored
    }

    void commandFailureAndAbort() {
        TransferTracker tracker;
        tracker.start(kCall, "sip:carol@h", "sip:alice@h", 0);
        QCOMPARE(tracker.commandFailed(kCall, "Invalid argument", 1)->state, TransferState::Failed);
        tracker.start(kCall, "sip:carol@h", "sip:alice@h", 0);
        const CallKey other{QStringLiteral("sip:bob@h"), QStringLiteral("c2")};
        tracker.start(other, "sip:carol@h", "sip:dave@h", 0);
        QCOMPARE(tracker.abortAll("baresip crashed", 9).size(), 2);
        QVERIFY(tracker.pendingCalls().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TransferTrackerTest)
#include "tst_engine_transfer_tracker.moc"
