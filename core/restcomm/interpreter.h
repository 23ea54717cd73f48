#pragma once
// The RCML interpreter of one call as a pure state machine: it is fed what happened (document
// fetched, dial finished, pause over) and answers with the next Step for the I/O side to carry
// out. It owns the request parameters (part 2 §4) including the sticky ReferTarget / Transferor
// / Transferee of a Refer-URL interpreter.
#include "restcomm/http_types.h"
#include "restcomm/rcml.h"

#include <QDateTime>
#include <QStringList>
#include <optional>

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
    QString status;       // completed | busy | no-answer | failed | canceled
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

using Step =
    std::variant<step::Fetch, step::Dial, step::Hangup, step::Reject, step::Pause, step::Failed>;

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

    // True once a terminal step (Hangup, Reject, Failed) has been returned.
    bool finished() const { return awaiting_ == Awaiting::Nothing; }

    static constexpr int kMaxConsecutiveRedirects = 10;

  private:
    // What the I/O side owes us next; any other event is a caller bug and fails the call.
    enum class Awaiting { Start, Fetch, Dial, Pause, Nothing };
    // Why the pending fetch was made: only the application's first document has a fallback.
    enum class FetchKind { App, Fallback, Redirect, DialAction };

    Step nextVerb();
    Step runDial(const rcml::Dial &dial);
    Step runRedirect(const rcml::Redirect &redirect);
    Step fetch(FetchKind kind, const QString &url, const QString &method, const Params &params);
    Step failOrFallback(const QString &reason);
    Step finish(Step terminal);
    Step unexpected(const char *event);
    QString resolved(const QString &url) const;  // against the running document's URL
    Params dialActionParams(const DialOutcome &outcome) const;

    CallInfo call_;
    AppLocation app_;
    Params extra_;
    QString currentUrl_;  // URL of the document being run, for relative URLs
    Awaiting awaiting_ = Awaiting::Start;
    FetchKind fetchKind_ = FetchKind::App;
    QString pendingUrl_;  // URL of the pending fetch: becomes currentUrl_ once it succeeds
    QString pendingMethod_;
    QString fallbackCause_;  // why the application URL failed, quoted if the fallback fails too
    rcml::Document document_;
    std::size_t next_ = 0;
    std::optional<rcml::Dial> runningDial_;  // the Dial whose outcome we wait for
    QStringList warnings_;
    int redirects_ = 0;  // consecutive Redirects without a Dial: guards against loops
};

}  // namespace mrc
