#pragma once
// Which lane of the ladder an address belongs to. The Lab fills it (each phone's SIP
// address -> "Alice", mini-restcomm's SIP and HTTP addresses -> "mini-restcomm"); an address
// nobody named gets a lane of its own, titled by the address.
#include <QHash>
#include <QString>
#include <QStringList>

namespace flow {

inline const QString kServerLane = QStringLiteral("mini-restcomm");
inline const QString kAppServerLane = QStringLiteral("app server");

class LaneMap {
  public:
    // Lanes always shown, in this order: Alice, Bob, Carol, mini-restcomm, app server.
    static QStringList defaultLanes();

    void setLane(const QString &address, const QString &lane);  // "127.0.0.1:5060"
    void clear() { lanes_.clear(); }
    // The lane of `address`; the address itself when unknown. Also accepts "[::1]:5060"
    // and "host:port;transport" forms.
    QString laneFor(const QString &address) const;
    bool contains(const QString &address) const;

  private:
    QHash<QString, QString> lanes_;
};

}  // namespace flow
