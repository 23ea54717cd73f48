#pragma once
// CallSession's private parts, shared by its two source files (call_session.cpp: the call and
// its Dial; call_transfer.cpp: REFER). Not for use outside them.
#include "restcomm/call_session.h"
#include "restcomm/refer_notifier.h"

namespace mrc {

struct CallSession::Attempt {
    std::unique_ptr<Leg> leg;
    LegId media = kNoLeg;
    QString callSid;
    QString target;     // request URI
    QString party;      // the Dial noun's client login or number
    bool held = false;  // we relayed a sendonly/recvonly/inactive offer to this leg
};

struct CallSession::ReleasedLeg {
    std::unique_ptr<Leg> leg;
    std::unique_ptr<ReferNotifier> notifier;  // rfc3515 mode only
    ReTimer guard;                            // BYE even if the final NOTIFY is never answered
    bool gone = false;                        // the transferor hung up itself
};

}  // namespace mrc
