#pragma once
// The RCML interpreter of one call as a pure state machine: it is fed what happened (document
// fetched, dial finished, pause over) and answers with the next Step for the I/O side to carry
// out. It owns the request parameters (part 2 §4) including the sticky ReferTarget / Transferor
// / Transferee of a Refer-URL interpreter.
#include "restcomm/http_types.h"
#include "restcomm/rcml.h"

#include <QDateTime>
#include <QStringList>

namespace mrc {

struct CallInfo {
    QString callSid;
    QString accountSid;
    QString instanceId;
    QString from;
    QString to;
    QString direction = QStringLiteral("inbound");  // inbound | outbound-dial | outbound-api
    QString callStatus = QStringLiteral("ringing");
    QString callerName;     // sent as "null" when empty
    QString forwardedFrom;  // sent as "null" when empty
    QDateTime timestamp;
    Params sipHeaders;  // X- headers of the INVITE: name without prefix, e.g. {"X-Foo","v"}
};

struct AppLocation {
    QString url;  // absolute http(s) URL
    QString method = QStringLiteral("POST");
    QString fallbackUrl;  // empty = none
    QString fallbackMethod = QStringLiteral("POST");
};

struct DialOutcome {
    QString status;  // completed | busy | no-answer | failed | canceled
    QString dialCallSid;  // empty when no leg was created ("null" is sent)
    int ringDurationSec = 0;
    int callDurationSec = 0;
};

namespace step {
struct Fetch {  // GET/POST `url` with `params` (form-encoded by the I/O side)
    QString url;
    QString method;
    Params params;
};
struct Dial {  // ring the nouns; report with onDialFinished()
    rcml::Dial dial;
};
struct Hangup {};  // hang the call up (BYE if answered)
struct Reject {    // answer the unanswered call with this final code
    int sipCode = 603;
};
struct Pause {
    int seconds = 1;
};
struct Failed {  // no document could be obtained: hang up, and say why in an event
    QString reason;
};
}  // namespace step

using Step = std::variant<step::Fetch, step::Dial, step::Hangup, step::Reject, step::Pause,
                          step::Failed>;

class Interpreter {
public:
    // extraParams: sent on every request (ReferTarget, Transferor, Transferee for a refer app).
    Interpreter(CallInfo call, AppLocation app, Params extraParams = {});

    Step start();  // the first Fetch
    // The fetch of the last Fetch step finished with an HTTP status and body. Non-2xx or an
    // unparsable document moves to the fallback URL once, then Failed.
    Step onFetched(int httpStatus, const QByteArray &body);
    Step onFetchFailed(const QString &reason);  // connect error / timeout
    Step onDialFinished(const DialOutcome &outcome);
    Step onPauseDone();

    void setCallStatus(const QString &status);  // for later requests
    const CallInfo &call() const { return call_; }
    const Params &extraParams() const { return extra_; }

    // Warnings gathered since the last call (unsupported verbs, ignored attributes, ...).
    QStringList takeWarnings();

    Params requestParams() const;  // §4.2 parameters in Restcomm's order, plus extras

private:
    // implementation detail; see interpreter.cpp
    Step nextVerb();
    Step fetch(const QString &url, const QString &method, const Params &params);
    Step failOrFallback(const QString &reason);

    CallInfo call_;
    AppLocation app_;
    Params extra_;
    QString currentUrl_;       // URL of the document being run, for relative URLs
    bool usingFallback_ = false;
    bool fetchingAction_ = false;  // the pending fetch is a Dial action / Redirect (no fallback)
    rcml::Document document_;
    std::size_t next_ = 0;
    QStringList warnings_;
    int redirects_ = 0;  // guards against Redirect loops
};

}  // namespace mrc
