#include "ui/phone/ring_tone.h"

#include <QtEndian>
#include <cmath>
#include <numbers>

namespace phone {
namespace {

void appendLe16(QByteArray &out, quint16 value) {
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLe32(QByteArray &out, quint32 value) {
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

}  // namespace

QByteArray ringToneWav() {
    struct Segment {
        double seconds;
        bool tone;
    };
    static constexpr Segment cadence[] = {{0.4, true}, {0.2, false}, {0.4, true}, {2.0, false}};
    QByteArray pcm;
    for (const Segment &segment : cadence) {
        const int samples = int(segment.seconds * ringSampleRate);
        for (int i = 0; i < samples; ++i) {
            double value = 0.0;
            if (segment.tone) {
                const double t = double(i) / ringSampleRate;
                // 10 ms ramps at both ends, so the tone starts and stops without clicks.
                const double ramp = std::min({1.0, t / 0.01, (segment.seconds - t) / 0.01});
                value = ramp * 0.35 *
                        (std::sin(2 * std::numbers::pi * 400 * t) +
                         std::sin(2 * std::numbers::pi * 450 * t));
            }
            appendLe16(pcm, quint16(qint16(std::lround(value * 32767.0))));
        }
    }
    QByteArray wav("RIFF");
    appendLe32(wav, quint32(36 + pcm.size()));
    wav.append("WAVEfmt ");
    appendLe32(wav, 16);                  // fmt chunk size
    appendLe16(wav, 1);                   // PCM
    appendLe16(wav, 1);                   // mono
    appendLe32(wav, ringSampleRate);      // sample rate
    appendLe32(wav, ringSampleRate * 2);  // byte rate
    appendLe16(wav, 2);                   // block align
    appendLe16(wav, 16);                  // bits per sample
    wav.append("data");
    appendLe32(wav, quint32(pcm.size()));
    wav.append(pcm);
    return wav;
}

}  // namespace phone
