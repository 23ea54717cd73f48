// ReferTest tests 1 and 5 (restcomm-behaviour.md part 2 §7.2) in the default
// --transfer-mode rfc3515: 202, NOTIFY "SIP/2.0 100 Trying" (active), final NOTIFY
// "SIP/2.0 200 OK" with Subscription-State: terminated;reason=noresource and
// Content-Type: message/sipfrag, then the server's BYE; and with a transferor that BYEs right
// after the 202 (its NOTIFY 100 answered, no BYE from the server, nothing hangs). Same
// assertions as the restcomm-mode port otherwise (refer URL once, byte-exact parameters,
// timings, call record, metrics).
#include "tst_refer_transfer.h"

using namespace refer;

class ReferRfc3515 : public QObject {
    Q_OBJECT
    Fixture fx_;

  private slots:
    void cleanup() { fx_.stop(); }

    // 1: George transfers after a hold and waits for the NOTIFYs and the server's BYE.
    void dialledPartyWaitsForNotify() {
        TransferRun run;
        run.mode = QStringLiteral("rfc3515");
        run.hold = true;
        run.after = QStringLiteral("notify");
        runTransfer(fx_, run);
    }

    // 1: George BYEs right after the 202 (Yealink newer firmware, web softphones).
    void dialledPartyByesRightAfter202() {
        TransferRun run;
        run.mode = QStringLiteral("rfc3515");
        run.after = QStringLiteral("notify_bye_now");
        runTransfer(fx_, run);
    }

    // 5: Bob (the caller) transfers and waits for the NOTIFYs and the server's BYE.
    void callerWaitsForNotify() {
        TransferRun run;
        run.mode = QStringLiteral("rfc3515");
        run.bobTransfers = true;
        run.after = QStringLiteral("notify");
        runTransfer(fx_, run);
    }

    // 5 after Bob's hold: George (who got the relayed hold) talks to Alice, not held.
    void transfereeNotLeftOnHold() {
        TransferRun run;
        run.mode = QStringLiteral("rfc3515");
        run.bobTransfers = true;
        run.hold = true;
        run.after = QStringLiteral("notify");
        checkTransfereeNotLeftOnHold(fx_, run);
    }

    // 5: Bob holds, transfers, and BYEs right after the 202.
    void callerByesRightAfter202() {
        TransferRun run;
        run.mode = QStringLiteral("rfc3515");
        run.bobTransfers = true;
        run.hold = true;
        run.after = QStringLiteral("notify_bye_now");
        runTransfer(fx_, run);
    }
};

QTEST_GUILESS_MAIN(ReferRfc3515)
#include "tst_refer_rfc3515.moc"
