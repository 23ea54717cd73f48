#include "restcomm/tone.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace mrc {

namespace {

// Each tone component at about -20 dBm0: audible but well clear of clipping when two add up.
constexpr double kComponentAmplitude = 2500.0;

// Classic segment search shared by both laws: index of the first segment end >= value.
int segmentOf(int value, const int (&segmentEnds)[8]) {
    for (int segment = 0; segment < 8; ++segment) {
        if (value <= segmentEnds[segment]) {
            return segment;
        }
    }
    return 8;
}

}  // namespace

// ITU-T G.711 µ-law on the 14-bit magnitude (the 16-bit sample shifted right by 2).
quint8 linearToMuLaw(qint16 sample) {
    static constexpr int kSegmentEnds[8] = {0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF};
    constexpr int kBias = 0x21;
    constexpr int kClip = 8159;
    int value = sample >> 2;
    int mask = 0xFF;
    if (value < 0) {
        value = -value;
        mask = 0x7F;
    }
    value = std::min(value, kClip) + kBias;
    const int segment = segmentOf(value, kSegmentEnds);
    if (segment >= 8) {
        return static_cast<quint8>(0x7F ^ mask);
    }
    const int code = (segment << 4) | ((value >> (segment + 1)) & 0x0F);
    return static_cast<quint8>(code ^ mask);
}

qint16 muLawToLinear(quint8 code) {
    constexpr int kBias = 0x84;
    const int inverted = ~code & 0xFF;
    int magnitude = ((inverted & 0x0F) << 3) + kBias;
    magnitude <<= (inverted & 0x70) >> 4;
    return static_cast<qint16>((inverted & 0x80) ? (kBias - magnitude) : (magnitude - kBias));
}

// ITU-T G.711 A-law on the 13-bit sample (the 16-bit sample shifted right by 3).
quint8 linearToALaw(qint16 sample) {
    static constexpr int kSegmentEnds[8] = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
    int value = sample >> 3;
    int mask = 0xD5;
    if (value < 0) {
        mask = 0x55;
        value = -value - 1;
    }
    const int segment = segmentOf(value, kSegmentEnds);
    if (segment >= 8) {
        return static_cast<quint8>(0x7F ^ mask);
    }
    int code = segment << 4;
    code |= segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
    return static_cast<quint8>(code ^ mask);
}

qint16 aLawToLinear(quint8 code) {
    const int toggled = code ^ 0x55;
    int magnitude = (toggled & 0x0F) << 4;
    const int segment = (toggled & 0x70) >> 4;
    if (segment == 0) {
        magnitude += 8;
    } else {
        magnitude = (magnitude + 0x108) << (segment - 1);
    }
    return static_cast<qint16>((toggled & 0x80) ? magnitude : -magnitude);
}

quint8 encodeG711(G711Law law, qint16 sample) {
    return law == G711Law::MuLaw ? linearToMuLaw(sample) : linearToALaw(sample);
}

qint16 decodeG711(G711Law law, quint8 code) {
    return law == G711Law::MuLaw ? muLawToLinear(code) : aLawToLinear(code);
}

RingbackTone::RingbackTone(G711Law law, RingbackPattern pattern) : law_(law), pattern_(pattern) {}

qint16 RingbackTone::linearSample(quint64 sampleIndex) const {
    const quint64 onSamples = quint64(std::max(pattern_.onMs, 0)) * kSampleRate / 1000;
    const quint64 cycleSamples =
        onSamples + quint64(std::max(pattern_.offMs, 0)) * kSampleRate / 1000;
    if (cycleSamples == 0 || sampleIndex % cycleSamples >= onSamples) {
        return 0;
    }
    // Integer frequencies repeat every second, so reducing the index modulo one second keeps
    // the phase exact however long the tone has played.
    const double t = double(sampleIndex % kSampleRate) / kSampleRate;
    double value = 0.0;
    for (int frequency : {pattern_.frequency1Hz, pattern_.frequency2Hz}) {
        if (frequency > 0) {
            value += kComponentAmplitude * std::sin(2.0 * std::numbers::pi * frequency * t);
        }
    }
    return static_cast<qint16>(std::lround(value));
}

void RingbackTone::writeFrame(quint64 index, std::span<quint8, kFrameSamples> out) const {
    const quint64 first = index * kFrameSamples;
    for (int i = 0; i < kFrameSamples; ++i) {
        out[i] = encodeG711(law_, linearSample(first + i));
    }
}

QByteArray RingbackTone::frame(quint64 index) const {
    QByteArray bytes(kFrameSamples, Qt::Uninitialized);
    writeFrame(index, std::span<quint8, kFrameSamples>(reinterpret_cast<quint8 *>(bytes.data()),
                                                       kFrameSamples));
    return bytes;
}

bool RingbackTone::isToneOn(quint64 index) const {
    const quint64 onSamples = quint64(std::max(pattern_.onMs, 0)) * kSampleRate / 1000;
    const quint64 cycleSamples =
        onSamples + quint64(std::max(pattern_.offMs, 0)) * kSampleRate / 1000;
    if (cycleSamples == 0 || onSamples == 0) {
        return false;
    }
    const quint64 first = (index * kFrameSamples) % cycleSamples;
    const quint64 last = first + kFrameSamples - 1;
    // On for positions [0, onSamples) of each cycle; a frame may wrap into the next cycle.
    return first < onSamples || last >= cycleSamples;
}

}  // namespace mrc
