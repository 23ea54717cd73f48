#pragma once
// Turns mini-restcomm event-stream objects into ladder entries (pure, no I/O). It remembers
// which SIP dialogs carried a REFER, so that the NOTIFY and BYE of a transfer are highlighted
// as well as the REFER itself, its 202 and the Refer URL fetch.
#include "flow/flow_entry.h"
#include "flow/lane_map.h"

#include <QJsonObject>
#include <QSet>

namespace flow {

class FlowBuilder {
  public:
    void setLaneMap(const LaneMap &lanes) { lanes_ = lanes; }
    const LaneMap &laneMap() const { return lanes_; }
    void reset() { transferDialogs_.clear(); }

    // Every event gives one entry; kinds the builder does not know become notes.
    FlowEntry build(const QJsonObject &event);

  private:
    FlowEntry buildSip(const QJsonObject &event, FlowEntry entry);
    FlowEntry buildHttp(const QJsonObject &event, FlowEntry entry);

    LaneMap lanes_;
    QSet<QString> transferDialogs_;  // Call-IDs on which a REFER was seen
};

// "INVITE sip:x SIP/2.0" -> "INVITE sip:x"; "SIP/2.0 202 Accepted" -> "202 Accepted".
QString sipLabel(const QString &firstLine);
// The method of a request line or of a CSeq value ("1 REFER" -> "REFER"); empty otherwise.
QString sipMethod(const QString &firstLine);

}  // namespace flow
