#pragma once
// Free local ports for one baresip launch: SIP (UDP+TCP on P, and TCP on P+1, where baresip
// opens a second listener, baresip-engine.md §2), ctrl_tcp, and a UDP range for RTP. A port is
// free when we could bind it a moment ago; baresip's exit code 98 covers the remaining race.
#include <QHostAddress>

namespace engine {

struct BaresipPorts {
    quint16 sip = 0;
    quint16 ctrl = 0;
    quint16 rtpLow = 0;
    quint16 rtpHigh = 0;  // inclusive
};

bool isSipPortFree(const QHostAddress &address, quint16 port);
// True when `address` belongs to this host (a socket can be bound to it).
bool isLocalAddress(const QHostAddress &address);
// sipPort 0: pick one. Returns false when nothing free was found.
bool pickBaresipPorts(const QHostAddress &address, quint16 sipPort, int rtpPortCount,
                      BaresipPorts *ports);

}  // namespace engine
