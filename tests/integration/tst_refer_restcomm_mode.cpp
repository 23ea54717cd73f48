// Restcomm's own REFER acceptance tests (ReferTest, restcomm-behaviour.md part 2 §7.2 tests
// 1-5) in --transfer-mode restcomm: 202, no NOTIFY, BYE to the transferor within 10 s, the
// target INVITEd within 5 s, the refer URL fetched once with Transferor/Transferee/ReferTarget
// byte-exact, the inbound call completed, and the Supervisor metrics before and after.
#include "tst_refer_transfer.h"

using namespace refer;

class ReferRestcommMode : public QObject {
    Q_OBJECT
    Fixture fx_;

  private slots:
    void cleanup() { fx_.stop(); }

    // 1. testTransfer: George (the dialled party) transfers Bob to alice.
    void transferByDialledParty() { runTransfer(fx_, TransferRun{}); }

    // 1 with a desk phone's habits: hold re-INVITE (a=sendonly) before the REFER.
    void transferByDialledPartyAfterHold() {
        TransferRun run;
        run.hold = true;
        runTransfer(fx_, run);
    }

    // 1 after a hold: Bob (who got the relayed hold) is talking to Alice afterwards, not held.
    void transfereeNotLeftOnHold() {
        TransferRun run;
        run.hold = true;
        checkTransfereeNotLeftOnHold(fx_, run);
    }

    // 1 with a transferor that BYEs right after the 202: its BYE crosses the server's.
    void transferorByesRightAfter202() {
        TransferRun run;
        run.after = QStringLiteral("bye_now");
        runTransfer(fx_, run);
    }

    // 2. testTransferToAnyNumber: Bob dials 0545, matched by "*" (/gottacatchemall).
    void transferViaCatchAllNumber() {
        TransferRun run;
        run.dialled = QStringLiteral("0545");
        run.voicePath = QStringLiteral("/gottacatchemall");
        runTransfer(fx_, run);
    }

    // 3. testTransferToNumberWithPlusSign: Bob dials 1112, matched by +1112.
    void transferViaPlusNumber() {
        TransferRun run;
        run.dialled = QStringLiteral("1112");
        run.voicePath = QStringLiteral("/1112");
        runTransfer(fx_, run);
    }

    // 4. testTransferHangupByBob: after the transfer Bob hangs up; Alice gets the BYE.
    void transfereeHangsUpAfterTransfer() {
        TransferRun run;
        run.bobHangsUp = true;
        runTransfer(fx_, run);
    }

    // 5. testTransferByBob: the caller transfers George to alice.
    void transferByCaller() {
        TransferRun run;
        run.bobTransfers = true;
        runTransfer(fx_, run);
    }
};

QTEST_GUILESS_MAIN(ReferRestcommMode)
#include "tst_refer_restcomm_mode.moc"
