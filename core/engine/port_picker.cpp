#include "engine/port_picker.h"

#include <QRandomGenerator>
#include <QTcpServer>
#include <QUdpSocket>

namespace engine {
namespace {

bool udpFree(const QHostAddress &address, quint16 port) {
    QUdpSocket socket;
    return socket.bind(address, port);
}

bool tcpFree(const QHostAddress &address, quint16 port) {
    QTcpServer server;
    return server.listen(address, port);
}

// Below the kernel's default ephemeral range (32768-60999), so a probed port is not handed
// to someone's outgoing connection a moment later.
constexpr int kLow = 20000;
constexpr int kHigh = 32700;

}  // namespace

bool isLocalAddress(const QHostAddress &address) {
    QUdpSocket socket;
    return socket.bind(address, 0);
}

bool isSipPortFree(const QHostAddress &address, quint16 port) {
    return port > 0 && port < 65535 && udpFree(address, port) && tcpFree(address, port) &&
           tcpFree(address, static_cast<quint16>(port + 1));
}

bool pickBaresipPorts(const QHostAddress &address, quint16 sipPort, int rtpPortCount,
                      BaresipPorts *ports) {
    auto *random = QRandomGenerator::global();
    BaresipPorts picked;
    if (sipPort != 0) {
        picked.sip = sipPort;
    } else {
        for (int attempt = 0; attempt < 500 && picked.sip == 0; ++attempt) {
            const auto port = static_cast<quint16>(random->bounded(kLow, kHigh - 2));
            if (isSipPortFree(address, port)) {
                picked.sip = port;
            }
        }
    }
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0)) {
            return false;
        }
        picked.ctrl = server.serverPort();
    }
    const int count = qMax(4, rtpPortCount);
    for (int attempt = 0; attempt < 500 && picked.rtpLow == 0; ++attempt) {
        const auto low = static_cast<quint16>(random->bounded(kLow, kHigh - count));
        bool allFree = true;
        for (int i = 0; i < count && allFree; ++i) {
            const auto port = static_cast<quint16>(low + i);
            allFree =
                port != picked.sip && port != picked.sip + 1 && udpFree(QHostAddress::Any, port);
        }
        if (allFree) {
            picked.rtpLow = low;
            picked.rtpHigh = static_cast<quint16>(low + count - 1);
        }
    }
    if (picked.sip == 0 || picked.rtpLow == 0) {
        return false;
    }
    *ports = picked;
    return true;
}

}  // namespace engine
