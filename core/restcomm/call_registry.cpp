#include "restcomm/call_registry.h"

#include "restcomm/store_types.h"

#include <algorithm>

namespace mrc {

QString callDirectionName(CallDirection direction) {
    switch (direction) {
        case CallDirection::Inbound:
            return QStringLiteral("inbound");
        case CallDirection::OutboundDial:
            return QStringLiteral("outbound-dial");
        case CallDirection::OutboundApi:
            return QStringLiteral("outbound-api");
    }
    return {};
}

namespace {
struct StatusName {
    CallStatus status;
    const char *text;
    const char *state;
};
constexpr StatusName kStatusNames[] = {
    {CallStatus::Queued, "queued", "QUEUED"},
    {CallStatus::Ringing, "ringing", "RINGING"},
    {CallStatus::InProgress, "in-progress", "IN_PROGRESS"},
    {CallStatus::Completed, "completed", "COMPLETED"},
    {CallStatus::Busy, "busy", "BUSY"},
    {CallStatus::Failed, "failed", "FAILED"},
    {CallStatus::NoAnswer, "no-answer", "NO_ANSWER"},
    {CallStatus::Canceled, "canceled", "CANCELED"},
};
}  // namespace

QString callStatusName(CallStatus status) {
    for (const StatusName &name : kStatusNames) {
        if (name.status == status) {
            return QString::fromLatin1(name.text);
        }
    }
    return {};
}

QString stateName(CallStatus status) {
    for (const StatusName &name : kStatusNames) {
        if (name.status == status) {
            return QString::fromLatin1(name.state);
        }
    }
    return {};
}

std::optional<CallStatus> callStatusFromString(const QString &text) {
    for (const StatusName &name : kStatusNames) {
        if (text.compare(QLatin1StringView(name.text), Qt::CaseInsensitive) == 0) {
            return name.status;
        }
    }
    return std::nullopt;
}

bool isLive(CallStatus status) {
    return status == CallStatus::Queued || status == CallStatus::Ringing ||
           status == CallStatus::InProgress;
}

CallRegistry::CallRegistry(int endedCapacity) : endedCapacity_(std::max(0, endedCapacity)) {}

bool CallRegistry::isIncoming(const CallRecord &record) {
    return record.direction == CallDirection::Inbound;
}

void CallRegistry::countLive(const CallRecord &record, int delta) {
    metrics_.liveCalls += delta;
    if (isIncoming(record)) {
        metrics_.liveIncomingCalls += delta;
    } else {
        metrics_.liveOutgoingCalls += delta;
    }
    metrics_.maximumConcurrentCalls = std::max(metrics_.maximumConcurrentCalls, metrics_.liveCalls);
    metrics_.maximumConcurrentIncomingCalls =
        std::max(metrics_.maximumConcurrentIncomingCalls, metrics_.liveIncomingCalls);
    metrics_.maximumConcurrentOutgoingCalls =
        std::max(metrics_.maximumConcurrentOutgoingCalls, metrics_.liveOutgoingCalls);
}

void CallRegistry::countEnded(CallStatus status) {
    switch (status) {
        case CallStatus::Completed:
            ++metrics_.completedCalls;
            break;
        case CallStatus::Failed:
            ++metrics_.failedCalls;
            break;
        case CallStatus::Busy:
            ++metrics_.busyCalls;
            break;
        case CallStatus::Canceled:
            ++metrics_.canceledCalls;
            break;
        case CallStatus::NoAnswer:
            ++metrics_.noAnswerCalls;
            break;
        default:
            break;
    }
}

QString CallRegistry::add(CallRecord record) {
    if (record.sid.isEmpty()) {
        record.sid = newSid(QStringLiteral("CA"));
    } else if (calls_.contains(record.sid)) {
        return {};
    }
    if (!record.dateCreated.isValid()) {
        record.dateCreated = QDateTime::currentDateTimeUtc();
    }
    if (!record.dateUpdated.isValid()) {
        record.dateUpdated = record.dateCreated;
    }
    ++metrics_.totalCallsSinceUptime;
    if (isIncoming(record)) {
        ++metrics_.incomingCallsSinceUptime;
    } else {
        ++metrics_.outgoingCallsSinceUptime;
    }
    const QString sid = record.sid;
    const CallStatus status = record.status;
    if (!isLive(status)) {
        // Born ended (e.g. a dial that failed at once): never counted as live.
        record.endTime = record.endTime.isValid() ? record.endTime : record.dateCreated;
        record.duration = 0;
        calls_.insert(sid, Entry{record, nextSequence_++});
        recordEnded(sid);
        return sid;
    }
    // Enter as queued, then let the normal transition stamp times.
    record.status = CallStatus::Queued;
    calls_.insert(sid, Entry{record, nextSequence_++});
    countLive(record, +1);
    if (status != CallStatus::Queued) {
        setStatus(sid, status, record.dateCreated);
    }
    return sid;
}

void CallRegistry::recordEnded(const QString &sid) {
    countEnded(calls_.value(sid).record.status);
    endedOrder_.push_back(sid);
    while (static_cast<int>(endedOrder_.size()) > endedCapacity_) {
        calls_.remove(endedOrder_.front());
        endedOrder_.pop_front();
    }
}

bool CallRegistry::setStatus(const QString &sid, CallStatus status, const QDateTime &at) {
    const auto it = calls_.find(sid);
    if (it == calls_.end() || !isLive(it->record.status)) {
        return false;
    }
    CallRecord &record = it->record;
    record.status = status;
    record.dateUpdated = at;
    if (status != CallStatus::Queued && !record.startTime.isValid()) {
        record.startTime = at;
    }
    if (status == CallStatus::InProgress && !record.answerTime.isValid()) {
        record.answerTime = at;
    }
    if (!isLive(status)) {
        if (!record.endTime.isValid()) {
            record.endTime = at;
        }
        record.duration = record.answerTime.isValid()
                              ? static_cast<int>(record.answerTime.secsTo(record.endTime))
                              : 0;
        countLive(record, -1);
        recordEnded(sid);  // may evict `record`: do not touch it after this
    }
    return true;
}

bool CallRegistry::update(const CallRecord &record) {
    const auto it = calls_.find(record.sid);
    if (it == calls_.end()) {
        return false;
    }
    const CallStatus previous = it->record.status;
    if (!isLive(previous) && record.status != previous) {
        return false;  // ended records are final
    }
    // Direction changes move the call between the incoming/outgoing live counters.
    if (isLive(previous)) {
        countLive(it->record, -1);
        it->record = record;
        it->record.status = previous;
        countLive(it->record, +1);
    } else {
        it->record = record;
        return true;
    }
    if (record.status != previous) {
        const QDateTime at =
            record.dateUpdated.isValid() ? record.dateUpdated : QDateTime::currentDateTimeUtc();
        return setStatus(record.sid, record.status, at);
    }
    return true;
}

const CallRecord *CallRegistry::find(const QString &sid) const {
    const auto it = calls_.constFind(sid);
    return it == calls_.cend() ? nullptr : &it->record;
}

QList<CallRecord> CallRegistry::list() const {
    QList<const Entry *> entries;
    entries.reserve(calls_.size());
    for (const Entry &entry : calls_) {
        entries.append(&entry);
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry *a, const Entry *b) { return a->sequence < b->sequence; });
    QList<CallRecord> records;
    records.reserve(entries.size());
    for (const Entry *entry : entries) {
        records.append(entry->record);
    }
    return records;
}

QList<CallRecord> CallRegistry::liveCalls() const {
    QList<CallRecord> live;
    for (const CallRecord &record : list()) {
        if (isLive(record.status)) {
            live.append(record);
        }
    }
    return live;
}

}  // namespace mrc
