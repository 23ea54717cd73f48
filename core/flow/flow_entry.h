#pragma once
// One line of the ladder (Wireshark's seq_analysis_item_t in spirit): an arrow between two
// lanes, or a note on one lane when `fromLane == toLane`. Plain value, no Qt Widgets.
#include <QString>

namespace flow {

enum class EntryKind { Sip, Http, Call, Transfer, Registration, Media, Warning, Other };

struct FlowEntry {
    qint64 seq = 0;  // the event's sequence number on the stream (0 when absent)
    QString time;    // the event's time as sent ("2024-05-01T12:00:00.123Z")
    EntryKind kind = EntryKind::Other;
    QString fromLane;
    QString toLane;
    QString label;           // first line / method + path + status / state
    QString fullText;        // the whole SIP message, or request params + response excerpt
    QString callId;          // SIP Call-ID or call sid, for grouping
    bool highlight = false;  // part of a transfer (REFER, its 202, NOTIFY, BYE, refer fetch)

    bool isNote() const { return fromLane == toLane; }
    QString shortTime() const;  // "12:00:00.123"
};

}  // namespace flow
