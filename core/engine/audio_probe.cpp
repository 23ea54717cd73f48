#include "engine/audio_probe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace engine {

SystemAudioProbe judgeSystemAudio(const QString &asoundCards, const QStringList &soundServers) {
    if (!soundServers.isEmpty()) {
        return {};
    }
    // A card line: " 0 [PCH            ]: HDA-Intel - HDA Intel PCH".
    static const QRegularExpression cardLine(QStringLiteral(R"(^\s*\d+\s+\[)"),
                                             QRegularExpression::MultilineOption);
    if (cardLine.match(asoundCards).hasMatch()) {
        return {};
    }
    return {false, QStringLiteral("no sound card and no PulseAudio or PipeWire server found")};
}

SystemAudioProbe probeSystemAudio() {
#ifdef Q_OS_LINUX
    QStringList servers;
    if (const QString server = qEnvironmentVariable("PULSE_SERVER"); !server.isEmpty()) {
        servers << server;
    }
    QStringList runtimeDirs;
    if (const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR"); !runtime.isEmpty()) {
        runtimeDirs << runtime;
    }
    runtimeDirs << QStringLiteral("/run/user/%1").arg(::getuid());
    for (const QString &dir : runtimeDirs) {
        for (const QString &socket :
             {QStringLiteral("pulse/native"), QStringLiteral("pipewire-0")}) {
            const QString path = QDir(dir).filePath(socket);
            if (QFileInfo::exists(path)) {
                servers << path;
            }
        }
    }
    QString cards;
    QFile file(QStringLiteral("/proc/asound/cards"));
    if (file.open(QIODevice::ReadOnly)) {
        // procfs files report size 0: read until the end, not by size.
        cards = QString::fromUtf8(file.readAll());
    }
    return judgeSystemAudio(cards, servers);
#else
    return {};
#endif
}

AudioModeChoice chooseAudioMode(const QString &setting, const SystemAudioProbe &probe) {
    const QString value = setting.trimmed().toLower();
    if (value == QLatin1String("headless")) {
        return {AudioMode::Headless,
                QStringLiteral("Headless audio (REFERPHONE_AUDIO=headless): calls send a test "
                               "tone and play into a silent sink.")};
    }
    if (value == QLatin1String("system")) {
        return {AudioMode::System, {}};
    }
    QString unknown;
    if (!value.isEmpty() && value != QLatin1String("auto")) {
        unknown = QStringLiteral(
                      " (REFERPHONE_AUDIO=\"%1\" is not headless, system or auto; "
                      "using auto)")
                      .arg(setting);
    }
    if (probe.available) {
        return {AudioMode::System, unknown.trimmed()};
    }
    return {AudioMode::Headless,
            QStringLiteral("No sound device: %1. Calls still connect; they send a test tone and "
                           "play into a silent sink.%2")
                .arg(probe.reason, unknown)};
}

QString audioFailureIn(const QString &logLine) {
    static const QRegularExpression colour(QStringLiteral("\x1b?\\[[0-9;]*m"));
    static const QRegularExpression failure(
        QStringLiteral(R"((\w+: could not open (?:auplay|ausrc) device '[^']*'(?: \([^)]*\))?))"));
    QString line = logLine;
    line.remove(colour);
    const QRegularExpressionMatch match = failure.match(line);
    return match.hasMatch() ? match.captured(1) : QString();
}

}  // namespace engine
