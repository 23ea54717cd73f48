#pragma once
// Call detail records of the running server: the live calls plus the most recent ended ones,
// and Restcomm's monitoring counters (Supervisor.json/metrics, restcomm-behaviour.md §7.4).
// Pure bookkeeping, hash lookups only: the B2BUA updates it on every call state change.
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <deque>
#include <optional>

namespace mrc {

enum class CallDirection { Inbound, OutboundDial, OutboundApi };
enum class CallStatus { Queued, Ringing, InProgress, Completed, Busy, Failed, NoAnswer, Canceled };

QString callDirectionName(CallDirection direction);  // "inbound", "outbound-dial", "outbound-api"
QString callStatusName(CallStatus status);           // "queued", "ringing", "in-progress", ...
std::optional<CallStatus> callStatusFromString(const QString &text);
// Restcomm's CallStateChanged.State name, as LiveCallDetails prints it ("IN_PROGRESS", ...).
QString stateName(CallStatus status);
// Live = queued, ringing or in-progress.
bool isLive(CallStatus status);

struct CallRecord {
    QString sid;        // "CA" + 32 hex; assigned by add() when empty
    QString parentSid;  // the inbound call an outbound-dial leg belongs to
    QString accountSid;
    QString from;
    QString to;
    CallDirection direction = CallDirection::Inbound;
    CallStatus status = CallStatus::Queued;
    QString callerName;
    QDateTime dateCreated;  // set by add() when null
    QDateTime dateUpdated;
    QDateTime startTime;   // set when it starts ringing (or is answered) when null
    QDateTime answerTime;  // set when it becomes in-progress when null
    QDateTime endTime;     // set when it ends when null
    int duration = 0;      // seconds from answer to end (0 when never answered)

    bool operator==(const CallRecord &) const = default;
};

struct CallMetrics {
    int liveCalls = 0;
    int liveIncomingCalls = 0;
    int liveOutgoingCalls = 0;
    int maximumConcurrentCalls = 0;
    int maximumConcurrentIncomingCalls = 0;
    int maximumConcurrentOutgoingCalls = 0;
    int totalCallsSinceUptime = 0;
    int incomingCallsSinceUptime = 0;
    int outgoingCallsSinceUptime = 0;
    int completedCalls = 0;
    int failedCalls = 0;
    int busyCalls = 0;
    int canceledCalls = 0;
    int noAnswerCalls = 0;
};

class CallRegistry {
  public:
    static constexpr int kDefaultEndedCapacity = 500;
    explicit CallRegistry(int endedCapacity = kDefaultEndedCapacity);

    // Records a new call and returns its sid. A record whose sid is already known is refused
    // (empty result): use update() for changes.
    QString add(CallRecord record);
    // Moves a call to `status` at time `at`, stamping start/answer/end times and the duration.
    // False when the sid is unknown or the call already ended (ended records are final).
    bool setStatus(const QString &sid, CallStatus status,
                   const QDateTime &at = QDateTime::currentDateTimeUtc());
    // Replaces the record with the same sid (status changes go through the same bookkeeping).
    bool update(const CallRecord &record);
    const CallRecord *find(const QString &sid) const;
    // Live calls and the last `endedCapacity` ended ones, oldest first.
    QList<CallRecord> list() const;
    QList<CallRecord> liveCalls() const;  // oldest first
    CallMetrics metrics() const { return metrics_; }

  private:
    struct Entry {
        CallRecord record;
        quint64 sequence = 0;  // creation order, for listing
    };
    static bool isIncoming(const CallRecord &record);
    void countLive(const CallRecord &record, int delta);
    void countEnded(CallStatus status);
    // Counts an ended call and evicts the oldest ended ones beyond the capacity.
    void recordEnded(const QString &sid);

    int endedCapacity_;
    quint64 nextSequence_ = 0;
    QHash<QString, Entry> calls_;
    std::deque<QString> endedOrder_;  // oldest ended first, for eviction
    CallMetrics metrics_;
};

}  // namespace mrc
