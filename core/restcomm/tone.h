#pragma once
// G.711 companding and a generated ringback tone in 20 ms G.711 frames, for the media relay to
// play into a leg while the other side rings (restcomm-behaviour.md part 1, Transfer step 5).
// Pure: no I/O, no libre. Frame N is a pure function of N, so playback is reproducible.
#include <QByteArray>
#include <QtGlobal>
#include <span>

namespace mrc {

enum class G711Law { MuLaw, ALaw };  // RTP payload types 0 (PCMU) and 8 (PCMA)

quint8 linearToMuLaw(qint16 sample);
qint16 muLawToLinear(quint8 code);
quint8 linearToALaw(qint16 sample);
qint16 aLawToLinear(quint8 code);
quint8 encodeG711(G711Law law, qint16 sample);
qint16 decodeG711(G711Law law, quint8 code);

// Ringback cadence: one or two frequencies (integer Hz; 0 = unused) on for onMs, off for offMs.
struct RingbackPattern {
    int frequency1Hz = 440;
    int frequency2Hz = 480;
    int onMs = 2000;
    int offMs = 4000;

    static RingbackPattern northAmerica() { return {440, 480, 2000, 4000}; }  // US ringback
    static RingbackPattern europe() { return {425, 0, 1000, 4000}; }          // ETSI ringback
};

class RingbackTone {
  public:
    static constexpr int kSampleRate = 8000;
    static constexpr int kFrameMs = 20;
    static constexpr int kFrameSamples = kSampleRate * kFrameMs / 1000;  // 160 bytes of G.711

    explicit RingbackTone(G711Law law = G711Law::MuLaw,
                          RingbackPattern pattern = RingbackPattern::northAmerica());

    G711Law law() const { return law_; }
    const RingbackPattern &pattern() const { return pattern_; }

    // Writes frame `index` (kFrameSamples G.711 bytes) into `out`, which must hold that many.
    void writeFrame(quint64 index, std::span<quint8, kFrameSamples> out) const;
    QByteArray frame(quint64 index) const;
    // Linear sample number `sampleIndex` from the start of the tone (before companding).
    qint16 linearSample(quint64 sampleIndex) const;
    // True when any sample of frame `index` falls in the "on" part of the cadence.
    bool isToneOn(quint64 index) const;

  private:
    G711Law law_;
    RingbackPattern pattern_;
};

}  // namespace mrc
