#pragma once
// Where mini-restcomm's observable events go (SIP message in/out, HTTP fetch, call state,
// warnings). The server's event stream implements it; tests can collect events in memory.
#include <QJsonObject>

namespace mrc {

class EventSink {
  public:
    virtual ~EventSink() = default;
    // `event` must hold at least "type" ("sip", "http", "call", "transfer", "warning", ...).
    // The sink adds "time" (ISO-8601 UTC with milliseconds) and a running "seq" number.
    virtual void publish(QJsonObject event) = 0;
};

}  // namespace mrc
