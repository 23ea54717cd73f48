// Number matching as Restcomm's NumberSelectorServiceImpl (restcomm-behaviour.md §2.4).
#include "restcomm/numbers.h"

#include <QTest>

using namespace mrc;

class TestNumbers : public QObject {
    Q_OBJECT
  private slots:
    void usE164Form_data() {
        QTest::addColumn<QString>("dialled");
        QTest::addColumn<QString>("expected");
        QTest::newRow("10 digits") << "2223334444"
                                   << "+12223334444";
        QTest::newRow("11 digits with 1") << "12223334444"
                                          << "+12223334444";
        QTest::newRow("short") << "1112"
                               << "+11112";
        QTest::newRow("already E.164") << "+4915112345"
                                       << "+4915112345";
        QTest::newRow("one digit") << "7"
                                   << "";
        QTest::newRow("name") << "alice"
                              << "";
        QTest::newRow("too long") << "123456789012345678"
                                  << "";
    }
    void usE164Form() {
        QFETCH(QString, dialled);
        QFETCH(QString, expected);
        QCOMPARE(mrc::usE164Form(dialled), expected);
    }

    void candidatesFollowRestcommOrder() {
        QCOMPARE(numberCandidates("1112"), QStringList({"1112", "+11112", "+1112", "*"}));
        QCOMPARE(numberCandidates("+1112"), QStringList({"+1112", "1112", "*"}));
        // '*' or '#' in the dialled string: no E.164 form.
        QCOMPARE(numberCandidates("12#3"), QStringList({"12#3", "+12#3", "*"}));
        QCOMPARE(numberCandidates("*"), QStringList({"*", "+*"}));
    }

    void namesNeverReachTheCatchAll() {
        QCOMPARE(numberCandidates("alice"), QStringList({"alice", "+alice"}));
        QCOMPARE(matchNumberIndex("alice", {"1111", "*"}), std::nullopt);
    }

    void referTestFixtures() {
        const QStringList numbers = {"*", "1111", "+1112", "1212"};
        QCOMPARE(matchNumberIndex("1111", numbers), std::optional<qsizetype>(1));
        QCOMPARE(matchNumberIndex("1112", numbers), std::optional<qsizetype>(2));  // -> +1112
        QCOMPARE(matchNumberIndex("0545", numbers), std::optional<qsizetype>(0));  // -> *
        QCOMPARE(matchNumberIndex("1212", numbers), std::optional<qsizetype>(3));
    }

    void exactWinsOverPlusAndCatchAll() {
        QCOMPARE(matchNumberIndex("1112", {"*", "+1112", "1112"}), std::optional<qsizetype>(2));
        QCOMPARE(matchNumberIndex("1112", {"*", "+1112"}), std::optional<qsizetype>(1));
        // The E.164 form comes before the '+' toggle.
        QCOMPARE(matchNumberIndex("2223334444", {"+2223334444", "+12223334444"}),
                 std::optional<qsizetype>(1));
        QCOMPARE(matchNumberIndex("+1112", {"1112"}), std::optional<qsizetype>(0));
    }

    void noMatchWithoutCatchAll() {
        QCOMPARE(matchNumberIndex("0545", {"1111", "+1112"}), std::nullopt);
        QCOMPARE(matchNumberIndex("", {"1111"}), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestNumbers)
#include "tst_numbers.moc"
