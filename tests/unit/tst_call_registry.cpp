// Call records and the Supervisor metrics counters.
#include "restcomm/call_registry.h"
#include "restcomm/store_types.h"

#include <QTest>

using namespace mrc;

namespace mrc {
// Lets QCOMPARE print call statuses (found by argument-dependent lookup).
char *toString(CallStatus status) {
    return qstrdup(qPrintable(callStatusName(status)));
}
}  // namespace mrc

namespace {
CallRecord call(const QString &from, const QString &to, CallDirection direction,
                CallStatus status = CallStatus::Ringing) {
    CallRecord record;
    record.from = from;
    record.to = to;
    record.direction = direction;
    record.status = status;
    return record;
}
}  // namespace

class TestCallRegistry : public QObject {
    Q_OBJECT
  private slots:
    void names() {
        QCOMPARE(callStatusName(CallStatus::InProgress), QStringLiteral("in-progress"));
        QCOMPARE(callStatusName(CallStatus::NoAnswer), QStringLiteral("no-answer"));
        QCOMPARE(callDirectionName(CallDirection::OutboundDial), QStringLiteral("outbound-dial"));
        QCOMPARE(stateName(CallStatus::InProgress), QStringLiteral("IN_PROGRESS"));
        QVERIFY(callStatusFromString("Canceled") == CallStatus::Canceled);
        QVERIFY(!callStatusFromString("nope"));
        QVERIFY(isLive(CallStatus::Queued));
        QVERIFY(!isLive(CallStatus::Busy));
    }

    void lifecycleStampsTimes() {
        CallRegistry registry;
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        CallRecord record = call("bob", "1111", CallDirection::Inbound, CallStatus::Queued);
        record.dateCreated = t0;
        const QString sid = registry.add(record);
        QVERIFY(isSid("CA", sid));
        QVERIFY(registry.setStatus(sid, CallStatus::Ringing, t0.addSecs(1)));
        QVERIFY(registry.setStatus(sid, CallStatus::InProgress, t0.addSecs(2)));
        QVERIFY(registry.setStatus(sid, CallStatus::Completed, t0.addSecs(5)));
        const CallRecord *stored = registry.find(sid);
        QVERIFY(stored);
        QCOMPARE(stored->status, CallStatus::Completed);
        QCOMPARE(stored->startTime, t0.addSecs(1));
        QCOMPARE(stored->answerTime, t0.addSecs(2));
        QCOMPARE(stored->endTime, t0.addSecs(5));
        QCOMPARE(stored->duration, 3);
        // Ended records are final.
        QVERIFY(!registry.setStatus(sid, CallStatus::InProgress));
        QVERIFY(!registry.setStatus("CAunknown", CallStatus::Completed));
        QCOMPARE(registry.add(*stored), QString());  // same sid twice is refused
    }

    void unansweredCallHasNoDuration() {
        CallRegistry registry;
        const QString sid = registry.add(call("bob", "alice", CallDirection::OutboundDial));
        QVERIFY(registry.setStatus(sid, CallStatus::NoAnswer));
        QCOMPARE(registry.find(sid)->duration, 0);
        QCOMPARE(registry.metrics().noAnswerCalls, 1);
    }

    // Restcomm's testTransfer: Bob -> 1111 -> George, George REFERs to alice.
    void metricsOfTheTransferScenario() {
        CallRegistry registry;
        const QString bob = registry.add(call("bob", "1111", CallDirection::Inbound));
        QVERIFY(registry.setStatus(bob, CallStatus::InProgress));
        CallRecord georgeLeg = call("bob", "+131313", CallDirection::OutboundDial);
        georgeLeg.parentSid = bob;
        const QString george = registry.add(georgeLeg);
        QVERIFY(registry.setStatus(george, CallStatus::InProgress));
        CallMetrics metrics = registry.metrics();
        QCOMPARE(metrics.liveCalls, 2);
        QCOMPARE(metrics.liveIncomingCalls, 1);
        QCOMPARE(metrics.liveOutgoingCalls, 1);
        QCOMPARE(registry.liveCalls().size(), 2);

        QVERIFY(registry.setStatus(george, CallStatus::Completed));  // transferor hung up
        const QString alice = registry.add(call("bob", "alice", CallDirection::OutboundDial));
        QVERIFY(registry.setStatus(alice, CallStatus::InProgress));
        metrics = registry.metrics();
        QCOMPARE(metrics.liveCalls, 2);
        QCOMPARE(metrics.liveOutgoingCalls, 1);

        QVERIFY(registry.setStatus(alice, CallStatus::Completed));
        QVERIFY(registry.setStatus(bob, CallStatus::Completed));
        metrics = registry.metrics();
        QCOMPARE(metrics.liveCalls, 0);
        QCOMPARE(metrics.liveIncomingCalls, 0);
        QCOMPARE(metrics.liveOutgoingCalls, 0);
        QCOMPARE(metrics.maximumConcurrentCalls, 2);
        QCOMPARE(metrics.maximumConcurrentIncomingCalls, 1);
        QCOMPARE(metrics.maximumConcurrentOutgoingCalls, 1);
        QCOMPARE(metrics.totalCallsSinceUptime, 3);
        QCOMPARE(metrics.incomingCallsSinceUptime, 1);
        QCOMPARE(metrics.outgoingCallsSinceUptime, 2);
        QCOMPARE(metrics.completedCalls, 3);
        QCOMPARE(registry.find(bob)->status, CallStatus::Completed);
        QCOMPARE(registry.find(george)->parentSid, bob);
    }

    void callsBornEndedAreNotLive() {
        CallRegistry registry;
        const QString sid =
            registry.add(call("bob", "joe", CallDirection::OutboundDial, CallStatus::Failed));
        QVERIFY(!sid.isEmpty());
        const CallMetrics metrics = registry.metrics();
        QCOMPARE(metrics.liveCalls, 0);
        QCOMPARE(metrics.maximumConcurrentCalls, 0);
        QCOMPARE(metrics.failedCalls, 1);
        QCOMPARE(metrics.totalCallsSinceUptime, 1);
        QVERIFY(registry.find(sid)->endTime.isValid());
    }

    void updateMovesCounters() {
        CallRegistry registry;
        const QString sid = registry.add(call("bob", "1111", CallDirection::Inbound));
        CallRecord changed = *registry.find(sid);
        changed.direction = CallDirection::OutboundApi;
        changed.status = CallStatus::InProgress;
        QVERIFY(registry.update(changed));
        QCOMPARE(registry.metrics().liveIncomingCalls, 0);
        QCOMPARE(registry.metrics().liveOutgoingCalls, 1);
        QVERIFY(registry.find(sid)->answerTime.isValid());
        changed.status = CallStatus::Busy;
        QVERIFY(registry.update(changed));
        QCOMPARE(registry.metrics().liveCalls, 0);
        QCOMPARE(registry.metrics().busyCalls, 1);
    }

    void keepsOnlyTheLastEndedCalls() {
        CallRegistry registry(3);
        const QString live = registry.add(call("x", "y", CallDirection::Inbound));
        QStringList ended;
        for (int i = 0; i < 5; ++i) {
            const QString sid = registry.add(call("a", QString::number(i), CallDirection::Inbound));
            QVERIFY(registry.setStatus(sid, CallStatus::Completed));
            ended.append(sid);
        }
        const QList<CallRecord> all = registry.list();
        QCOMPARE(all.size(), 4);  // the live call plus the 3 newest ended ones
        QCOMPARE(all[0].sid, live);
        QCOMPARE(all[1].sid, ended[2]);
        QCOMPARE(all[3].sid, ended[4]);
        QVERIFY(!registry.find(ended[0]));
        QVERIFY(!registry.find(ended[1]));
        QCOMPARE(registry.metrics().completedCalls, 5);
    }

    void defaultCapacityIs500() {
        CallRegistry registry;
        for (int i = 0; i < 600; ++i) {
            registry.add(call("a", "b", CallDirection::Inbound, CallStatus::Completed));
        }
        QCOMPARE(registry.list().size(), 500);
    }
};

QTEST_GUILESS_MAIN(TestCallRegistry)
#include "tst_call_registry.moc"
