#pragma once
// What baresip's `audio_debug` says about its current call's RTP (format in
// baresip-engine.md §4/§9): used to check, not assume, that audio flows through the relay.
#include <QRegularExpression>
#include <QString>

namespace itest {

struct AudioStats {
    int remotePort = 0;    // where the phone sends RTP
    qint64 txPackets = 0;  // "TX: packets=N"
    qint64 rxPackets = 0;  // sum of "rcvd=N" over the RTCP members it hears
};

inline AudioStats parseAudioDebug(const QString &text) {
    AudioStats stats;
    const auto remote =
        QRegularExpression(QStringLiteral("remote: 127\\.0\\.0\\.1:(\\d+)")).match(text);
    stats.remotePort = remote.hasMatch() ? remote.captured(1).toInt() : 0;
    const auto tx = QRegularExpression(QStringLiteral("TX: packets=(\\d+)")).match(text);
    stats.txPackets = tx.hasMatch() ? tx.captured(1).toLongLong() : 0;
    // One RTCP member per SSRC heard (mini-restcomm's ringback has its own): add them up.
    auto members = QRegularExpression(QStringLiteral("rcvd=(\\d+)")).globalMatch(text);
    while (members.hasNext()) {
        stats.rxPackets += members.next().captured(1).toLongLong();
    }
    return stats;
}

inline bool inPortRange(int port, const QString &range) {
    const QStringList bounds = range.split(u'-');
    return port >= bounds.value(0).toInt() && port <= bounds.value(1).toInt();
}

}  // namespace itest
