#pragma once
// The ringtone, generated instead of shipped: a UK-style double ring (400 + 450 Hz, 0.4 s on,
// 0.2 s off, 0.4 s on, 2 s off) as a 16 kHz mono 16-bit PCM WAV, one cycle long so that
// looping it rings.
#include <QByteArray>

namespace phone {

constexpr int ringSampleRate = 16000;
QByteArray ringToneWav();

}  // namespace phone
