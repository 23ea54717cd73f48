#include "flow/lane_map.h"

namespace flow {

QStringList LaneMap::defaultLanes() {
    return {QStringLiteral("Alice"), QStringLiteral("Bob"), QStringLiteral("Carol"), kServerLane,
            kAppServerLane};
}

void LaneMap::setLane(const QString &address, const QString &lane) {
    lanes_.insert(address.trimmed(), lane);
}

QString LaneMap::laneFor(const QString &address) const {
    const QString key = address.trimmed().section(u';', 0, 0);
    return lanes_.value(key, key);
}

bool LaneMap::contains(const QString &address) const {
    return lanes_.contains(address.trimmed().section(u';', 0, 0));
}

}  // namespace flow
