// G.711 companding and the ringback generator: determinism, cadence and the frequencies heard.
#include "restcomm/tone.h"

#include <QTest>
#include <cmath>
#include <numbers>
#include <vector>

using namespace mrc;

namespace {

// Share of the signal's energy at `frequency` (Goertzel, normalised by the total energy):
// ~1.0 for a pure tone at that frequency, ~0.5 each for two equal tones, ~0 elsewhere.
double goertzelShare(const std::vector<double> &samples, double frequency) {
    const double coefficient =
        2.0 * std::cos(2.0 * std::numbers::pi * frequency / RingbackTone::kSampleRate);
    double previous = 0.0;
    double beforePrevious = 0.0;
    double energy = 0.0;
    for (double sample : samples) {
        const double current = sample + coefficient * previous - beforePrevious;
        beforePrevious = previous;
        previous = current;
        energy += sample * sample;
    }
    const double power = previous * previous + beforePrevious * beforePrevious -
                         coefficient * previous * beforePrevious;
    return energy > 0 ? 2.0 * power / (energy * double(samples.size())) : 0.0;
}

std::vector<double> decodeFrames(const RingbackTone &tone, quint64 first, int count) {
    std::vector<double> samples;
    for (quint64 index = first; index < first + quint64(count); ++index) {
        const QByteArray frame = tone.frame(index);
        for (char code : frame) {
            samples.push_back(decodeG711(tone.law(), static_cast<quint8>(code)));
        }
    }
    return samples;
}

double rms(const std::vector<double> &samples) {
    double sum = 0;
    for (double s : samples) {
        sum += s * s;
    }
    return samples.empty() ? 0 : std::sqrt(sum / double(samples.size()));
}

}  // namespace

class TestTone : public QObject {
    Q_OBJECT
  private slots:
    void muLawKnownCodes() {
        QCOMPARE(linearToMuLaw(0), quint8(0xFF));
        QCOMPARE(muLawToLinear(0x7F), qint16(0));  // µ-law's "negative zero"
        QCOMPARE(linearToMuLaw(-8), quint8(0x7E));
        QCOMPARE(linearToMuLaw(32767), quint8(0x80));
        QCOMPARE(linearToMuLaw(-32768), quint8(0x00));
        QCOMPARE(muLawToLinear(0xFF), qint16(0));
        QCOMPARE(muLawToLinear(0x80), qint16(32124));
        QCOMPARE(muLawToLinear(0x00), qint16(-32124));
    }

    void aLawKnownCodes() {
        QCOMPARE(linearToALaw(0), quint8(0xD5));
        QCOMPARE(linearToALaw(-8), quint8(0x55));
        QCOMPARE(linearToALaw(32767), quint8(0xAA));
        QCOMPARE(linearToALaw(-32768), quint8(0x2A));
        QCOMPARE(aLawToLinear(0xD5), qint16(8));
        QCOMPARE(aLawToLinear(0xAA), qint16(32256));
        QCOMPARE(aLawToLinear(0x2A), qint16(-32256));
    }

    void companding_data() {
        QTest::addColumn<int>("law");
        QTest::newRow("mu-law") << int(G711Law::MuLaw);
        QTest::newRow("A-law") << int(G711Law::ALaw);
    }

    // Every code decodes to a value that encodes back to the same code, and the quantisation
    // error of any linear sample stays within G.711's ~3% segment step.
    void companding() {
        QFETCH(int, law);
        const auto g711 = static_cast<G711Law>(law);
        for (int code = 0; code < 256; ++code) {
            const qint16 linear = decodeG711(g711, quint8(code));
            const quint8 again = encodeG711(g711, linear);
            // µ-law has two codes for zero (0x7F and 0xFF); both decode to 0.
            if (!(g711 == G711Law::MuLaw && linear == 0)) {
                QCOMPARE(int(again), code);
            }
        }
        for (int sample = -32768; sample <= 32767; sample += 7) {
            const int decoded = decodeG711(g711, encodeG711(g711, qint16(sample)));
            const int tolerance = std::max(40, std::abs(sample) / 16);
            QVERIFY2(std::abs(decoded - sample) <= tolerance,
                     qPrintable(QStringLiteral("%1 -> %2").arg(sample).arg(decoded)));
        }
    }

    void framesAre160BytesAndDeterministic() {
        const RingbackTone tone;
        const RingbackTone other;
        for (quint64 index : {quint64(0), quint64(1), quint64(77), quint64(1) << 40}) {
            QCOMPARE(tone.frame(index).size(), RingbackTone::kFrameSamples);
            QCOMPARE(tone.frame(index), other.frame(index));
            QCOMPARE(tone.frame(index), tone.frame(index));
        }
        QVERIFY(tone.frame(0) != tone.frame(1));  // the waveform moves on
        // Integer frequencies make the sound repeat exactly every cadence cycle (6 s = 300
        // frames), however far into the call.
        QCOMPARE(tone.frame(5), tone.frame(5 + 300));
        QCOMPARE(tone.frame(5), tone.frame(5 + 300ULL * 1000000));
    }

    void usCadenceIsTwoSecondsOnFourOff() {
        const RingbackTone tone(G711Law::MuLaw, RingbackPattern::northAmerica());
        const QByteArray silence(RingbackTone::kFrameSamples, char(linearToMuLaw(0)));
        for (quint64 cycle : {quint64(0), quint64(3)}) {
            const quint64 base = cycle * 300;
            for (quint64 index = base; index < base + 300; ++index) {
                const bool on = index - base < 100;  // 2000 ms / 20 ms
                QCOMPARE(tone.isToneOn(index), on);
                QCOMPARE(tone.frame(index) == silence, !on);
            }
        }
    }

    void euCadenceIsOneSecondOnFourOff() {
        const RingbackTone tone(G711Law::ALaw, RingbackPattern::europe());
        const QByteArray silence(RingbackTone::kFrameSamples, char(linearToALaw(0)));
        for (quint64 index = 0; index < 250; ++index) {  // 5 s cycle = 250 frames
            const bool on = index < 50;
            QCOMPARE(tone.isToneOn(index), on);
            QCOMPARE(tone.frame(index) == silence, !on);
        }
        QVERIFY(tone.isToneOn(250));
    }

    void frequencies_data() {
        QTest::addColumn<int>("law");
        QTest::addColumn<bool>("europe");
        QTest::newRow("US mu-law") << int(G711Law::MuLaw) << false;
        QTest::newRow("US A-law") << int(G711Law::ALaw) << false;
        QTest::newRow("EU mu-law") << int(G711Law::MuLaw) << true;
        QTest::newRow("EU A-law") << int(G711Law::ALaw) << true;
    }

    // Goertzel on the decoded "on" period: energy sits at the pattern's frequencies only.
    void frequencies() {
        QFETCH(int, law);
        QFETCH(bool, europe);
        const RingbackTone tone(static_cast<G711Law>(law), europe
                                                               ? RingbackPattern::europe()
                                                               : RingbackPattern::northAmerica());
        const std::vector<double> samples = decodeFrames(tone, 10, 25);  // 0.5 s of tone
        QVERIFY(rms(samples) > 1000);                                    // audible, not a whisper
        const QList<double> present = europe ? QList<double>{425} : QList<double>{440, 480};
        const QList<double> absent = europe ? QList<double>{350, 440, 480, 620, 1000}
                                            : QList<double>{350, 425, 620, 1000, 2000};
        double presentShare = 0;
        for (double frequency : present) {
            const double share = goertzelShare(samples, frequency);
            QVERIFY2(share > 0.4,
                     qPrintable(QStringLiteral("%1 Hz share %2").arg(frequency).arg(share)));
            presentShare += share;
        }
        QVERIFY2(presentShare > 0.95, qPrintable(QString::number(presentShare)));
        for (double frequency : absent) {
            const double share = goertzelShare(samples, frequency);
            QVERIFY2(share < 0.02,
                     qPrintable(QStringLiteral("%1 Hz share %2").arg(frequency).arg(share)));
        }
    }

    void customPatternIsHonoured() {
        const RingbackTone tone(G711Law::MuLaw, RingbackPattern{1000, 0, 100, 100});
        QVERIFY(tone.isToneOn(0) && tone.isToneOn(4));
        QVERIFY(!tone.isToneOn(5) && !tone.isToneOn(9));
        QVERIFY(tone.isToneOn(10));
        QVERIFY(goertzelShare(decodeFrames(tone, 0, 5), 1000) > 0.95);
    }
};

QTEST_GUILESS_MAIN(TestTone)
#include "tst_tone.moc"
