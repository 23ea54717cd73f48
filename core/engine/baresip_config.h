#pragma once
// What the engine writes into baresip's private config dir (baresip-engine.md §2): the
// `config` file from our settings and one account line per AccountConfig. Pure text.
#include "engine/engine_types.h"
#include "engine/port_picker.h"

#include <QString>

namespace engine {

enum class AudioMode {
    System,    // alsa module ("default" PCM: PulseAudio/PipeWire through the ALSA plugin)
    Headless,  // ausine tone source + aubridge null sink: tests, CI, benchmarks
};

struct BaresipSettings {
    QString executable;  // empty: next to our executable, then PATH
    QString configDir;   // private config dir; empty: a temporary one per engine
    QString logDir;      // rotating stdout log; empty: configDir
    QString listenAddress = QStringLiteral("127.0.0.1");  // SIP + RTP address (an IP: "lo" fails)
    QString networkInterface;  // baresip net_interface; empty: listenAddress ("lo" fails in 1.0.0)
    quint16 sipPort = 0;       // 0: a free one at each start
    int rtpPortCount = 40;
    AudioMode audio = AudioMode::System;
    int headlessToneHz = 440;
    bool sipTrace = false;          // -s: SIP messages in the log and logLine()
    int startTimeoutMs = 5000;      // until ctrl_tcp accepts
    int commandTimeoutMs = 5000;    // per ctrl_tcp batch
    int transferGuardMs = 30000;    // transfer outcome guard timer
    int dialCorrelationMs = 40000;  // a dial without any call event after this is reported failed
    int maxRestarts = 5;            // within restartWindowMs; then status Failed
    int restartWindowMs = 120000;
    int restartBackoffMs = 250;  // doubled per consecutive restart, at most 8 s
    qint64 logMaxBytes = 4 * 1024 * 1024;
    int logFiles = 3;
    int callMaxCalls = 8;
    bool followNetwork = true;  // re-register when QNetworkInformation reports the network back
};

QString baresipConfigText(const BaresipSettings &settings, const BaresipPorts &ports);

struct AccountLine {
    QString line;   // for the accounts file / uanew
    QString error;  // readable, when the config cannot be expressed for baresip
};
AccountLine baresipAccountLine(const AccountConfig &config, bool registered);

// Our key for baresip's "accountaor" (which may carry URI parameters such as ;transport=).
QString normalizedAor(const QString &aor);

}  // namespace engine
