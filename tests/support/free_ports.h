#pragma once
// Ports chosen free at run time on 127.0.0.1, so parallel test runs never collide. A port is
// free when we could bind it a moment ago; the tiny race with other processes is accepted.
#include <QtGlobal>

namespace rptest {

quint16 freeUdpPort();
quint16 freeTcpPort();
// Free for both UDP and TCP (SIP listeners bind both on the same number).
quint16 freeUdpTcpPort();
// Free for UDP+TCP on `port` and TCP on `port + 1` (baresip opens a second TCP listener there).
quint16 freeBaresipSipPort();

struct PortRange {
    quint16 low = 0;
    quint16 high = 0;  // inclusive
};
// `count` consecutive UDP ports, all free (for RTP ranges).
PortRange freeUdpPortRange(int count);

}  // namespace rptest
