#include "free_ports.h"

#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QUdpSocket>

namespace rptest {
namespace {

bool udpFree(quint16 port) {
    QUdpSocket socket;
    return socket.bind(QHostAddress::LocalHost, port);
}

bool tcpFree(quint16 port) {
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, port);
}

// Random probing in a range the kernel does not hand out as ephemeral ports by default
// (32768-60999), so a just-probed port is not taken by someone's outgoing connection.
template <typename Check>
quint16 probe(Check &&isFree, int span = 1) {
    auto *random = QRandomGenerator::global();
    for (int attempt = 0; attempt < 2000; ++attempt) {
        const auto port = static_cast<quint16>(random->bounded(20000, 32700 - span));
        if (isFree(port)) {
            return port;
        }
    }
    qFatal("free_ports: no free port found after 2000 attempts");
}

}  // namespace

quint16 freeUdpPort() {
    QUdpSocket socket;
    if (!socket.bind(QHostAddress::LocalHost, 0)) {
        qFatal("free_ports: cannot bind UDP 127.0.0.1:0");
    }
    return socket.localPort();
}

quint16 freeTcpPort() {
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        qFatal("free_ports: cannot listen on TCP 127.0.0.1:0");
    }
    return server.serverPort();
}

quint16 freeUdpTcpPort() {
    return probe([](quint16 port) { return udpFree(port) && tcpFree(port); });
}

quint16 freeBaresipSipPort() {
    return probe([](quint16 port) { return udpFree(port) && tcpFree(port) && tcpFree(port + 1); },
                 2);
}

PortRange freeUdpPortRange(int count) {
    const quint16 low = probe(
        [count](quint16 port) {
            for (int i = 0; i < count; ++i) {
                if (!udpFree(static_cast<quint16>(port + i))) {
                    return false;
                }
            }
            return true;
        },
        count);
    return {low, static_cast<quint16>(low + count - 1)};
}

}  // namespace rptest
