#pragma once
// Whether baresip's alsa module can reach a sound device here, and which AudioMode the app
// should start its engines with. Without a sound card or sound server, alsa's "default" PCM
// does not exist and baresip ends every call at once with "Unknown error -2"; headless audio
// (a test tone and a null sink) keeps calls and transfers working, silently, and we say so.
#include "engine/baresip_config.h"

#include <QString>
#include <QStringList>

namespace engine {

struct SystemAudioProbe {
    bool available = true;
    QString reason;  // why not, in words, when !available
};

// Pure: `asoundCards` is /proc/asound/cards (empty when it does not exist), `soundServers`
// the sound server endpoints found (PULSE_SERVER, PulseAudio or PipeWire sockets).
SystemAudioProbe judgeSystemAudio(const QString &asoundCards, const QStringList &soundServers);

// Reads /proc/asound/cards and looks for a PulseAudio/PipeWire socket. Linux only; elsewhere
// it reports available (baresip's audio there is another module).
SystemAudioProbe probeSystemAudio();

struct AudioModeChoice {
    AudioMode mode = AudioMode::System;
    QString notice;  // for the user when the choice is not plain System audio; else empty
};

// `setting` is REFERPHONE_AUDIO: "headless", "system", or "auto"/empty (use the probe).
AudioModeChoice chooseAudioMode(const QString &setting, const SystemAudioProbe &probe);

// Pure: the audio-open failure in a baresip log line ("alsa: could not open auplay device
// 'default' (No such file or directory)"), terminal colour codes removed; empty if none.
QString audioFailureIn(const QString &logLine);

}  // namespace engine
