#include "restcomm/interpreter.h"

#include <QLocale>
#include <QUrl>

namespace mrc {
namespace {

const QString kApiVersion = QStringLiteral("2012-04-24");

QString orNull(const QString &value) {
    return value.isEmpty() ? QStringLiteral("null") : value;
}

// Restcomm's "EEE, d MMM yyyy HH:mm:ss Z", always in UTC; C locale so day and month names
// do not follow the user's language.
QString callTimestamp(const QDateTime &timestamp) {
    if (!timestamp.isValid()) {
        return {};
    }
    return QLocale::c().toString(timestamp.toUTC(), u"ddd, d MMM yyyy HH:mm:ss") +
           QStringLiteral(" +0000");
}

QString normalisedMethod(const QString &method) {
    return method.trimmed().compare(u"GET", Qt::CaseInsensitive) == 0 ? QStringLiteral("GET")
                                                                      : QStringLiteral("POST");
}

bool isFetchable(const QUrl &url) {
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") &&
           !url.host().isEmpty();
}

}  // namespace

Interpreter::Interpreter(CallInfo call, AppLocation app, Params extraParams)
    : call_(std::move(call)), app_(std::move(app)), extra_(std::move(extraParams)) {}

Params Interpreter::requestParams() const {
    Params params{
        {QStringLiteral("CallSid"), call_.callSid},
        {QStringLiteral("InstanceId"), call_.instanceId},
        {QStringLiteral("AccountSid"), call_.accountSid},
        {QStringLiteral("From"), call_.from},
        {QStringLiteral("To"), call_.to},
        {QStringLiteral("CallStatus"), call_.callStatus},
        {QStringLiteral("ApiVersion"), kApiVersion},
        {QStringLiteral("Direction"), call_.direction},
        {QStringLiteral("CallerName"), orNull(call_.callerName)},
        {QStringLiteral("ForwardedFrom"), orNull(call_.forwardedFrom)},
        {QStringLiteral("CallTimestamp"), callTimestamp(call_.timestamp)},
    };
    params.append(extra_);
    for (const auto &[name, value] : call_.sipHeaders) {
        params.append({QStringLiteral("SipHeader_") + name, value});
    }
    return params;
}

void Interpreter::setCallStatus(const QString &status) {
    call_.callStatus = status;
}

QStringList Interpreter::takeWarnings() {
    return std::exchange(warnings_, {});
}

Step Interpreter::start() {
    if (awaiting_ != Awaiting::Start) {
        return unexpected("start()");
    }
    currentUrl_ = app_.url;
    return fetch(FetchKind::App, app_.url, app_.method, requestParams());
}

Step Interpreter::onFetched(int httpStatus, const QByteArray &body) {
    if (awaiting_ != Awaiting::Fetch) {
        return unexpected("onFetched()");
    }
    const QString request = pendingMethod_ + u' ' + pendingUrl_;
    if (httpStatus < 200 || httpStatus > 299) {
        return failOrFallback(QStringLiteral("%1 answered HTTP %2").arg(request).arg(httpStatus));
    }
    auto parsed = rcml::parse(body);
    if (const auto *error = std::get_if<rcml::ParseError>(&parsed)) {
        return failOrFallback(QStringLiteral("RCML from %1 is invalid: %2 (line %3, column %4)")
                                  .arg(request, error->message)
                                  .arg(error->line)
                                  .arg(error->column));
    }
    // The new document replaces whatever was left of the old one.
    document_ = std::get<rcml::Document>(std::move(parsed));
    next_ = 0;
    currentUrl_ = pendingUrl_;
    warnings_.append(document_.warnings);
    return nextVerb();
}

Step Interpreter::onFetchFailed(const QString &reason) {
    if (awaiting_ != Awaiting::Fetch) {
        return unexpected("onFetchFailed()");
    }
    return failOrFallback(
        QStringLiteral("%1 %2 failed: %3").arg(pendingMethod_, pendingUrl_, reason));
}

Step Interpreter::onDialFinished(const DialOutcome &outcome) {
    if (awaiting_ != Awaiting::Dial || !runningDial_) {
        return unexpected("onDialFinished()");
    }
    const rcml::Dial dial = *std::exchange(runningDial_, std::nullopt);
    if (dial.action.isEmpty()) {
        return nextVerb();
    }
    // With an action the rest of this document is unreachable: the action's answer replaces it.
    return fetch(FetchKind::DialAction, resolved(dial.action), dial.method,
                 dialActionParams(outcome));
}

Step Interpreter::onPauseDone() {
    if (awaiting_ != Awaiting::Pause) {
        return unexpected("onPauseDone()");
    }
    return nextVerb();
}

Params Interpreter::dialActionParams(const DialOutcome &outcome) const {
    // Only an answered leg has talked: Restcomm reports 0 for busy/failed/no-answer/canceled.
    const int callDuration = outcome.status == u"completed" ? outcome.callDurationSec : 0;
    Params params = requestParams();
    params.append({QStringLiteral("DialRingDuration"), QString::number(outcome.ringDurationSec)});
    params.append({QStringLiteral("DialCallSid"), orNull(outcome.dialCallSid)});
    params.append({QStringLiteral("DialCallStatus"), outcome.status});
    params.append({QStringLiteral("DialCallDuration"), QString::number(callDuration)});
    params.append({QStringLiteral("RecordingUrl"), QString()});
    params.append({QStringLiteral("PublicRecordingUrl"), QString()});
    return params;
}

Step Interpreter::nextVerb() {
    while (next_ < document_.verbs.size()) {
        const rcml::Verb &verb = document_.verbs[next_++];
        if (const auto *dial = std::get_if<rcml::Dial>(&verb)) {
            if (!dial->conference.isEmpty()) {
                warnings_.append(QStringLiteral("<Dial><Conference>%1</Conference> is not "
                                                "supported yet, skipped")
                                     .arg(dial->conference));
                continue;
            }
            if (dial->nouns.empty()) {
                warnings_.append(
                    QStringLiteral("<Dial> with no number, client or SIP URI to ring, skipped"));
                continue;
            }
            return runDial(*dial);
        }
        if (std::holds_alternative<rcml::Hangup>(verb)) {
            return finish(step::Hangup{});
        }
        if (const auto *reject = std::get_if<rcml::Reject>(&verb)) {
            return finish(step::Reject{reject->busy ? 486 : 603});
        }
        if (const auto *pause = std::get_if<rcml::Pause>(&verb)) {
            awaiting_ = Awaiting::Pause;
            return step::Pause{pause->lengthSec};
        }
        if (const auto *redirect = std::get_if<rcml::Redirect>(&verb)) {
            return runRedirect(*redirect);
        }
        if (const auto *unsupported = std::get_if<rcml::Unsupported>(&verb)) {
            warnings_.append(
                QStringLiteral("verb %1 not supported yet, skipped").arg(unsupported->verb));
        }
    }
    return finish(step::Hangup{});  // Restcomm hangs up at the end of the document
}

Step Interpreter::runDial(const rcml::Dial &dial) {
    redirects_ = 0;  // a Dial is progress: the Redirect loop guard starts again
    runningDial_ = dial;
    awaiting_ = Awaiting::Dial;
    return step::Dial{dial};
}

Step Interpreter::runRedirect(const rcml::Redirect &redirect) {
    if (++redirects_ > kMaxConsecutiveRedirects) {
        return finish(step::Failed{
            QStringLiteral("more than %1 consecutive <Redirect>s without a <Dial> (last to %2): "
                           "stopped as a redirect loop")
                .arg(kMaxConsecutiveRedirects)
                .arg(resolved(redirect.url))});
    }
    return fetch(FetchKind::Redirect, resolved(redirect.url), redirect.method, requestParams());
}

Step Interpreter::fetch(FetchKind kind, const QString &url, const QString &method,
                        const Params &params) {
    if (!isFetchable(QUrl(url))) {
        return finish(step::Failed{
            QStringLiteral("cannot fetch \"%1\": only absolute http:// and https:// URLs are "
                           "supported")
                .arg(url)});
    }
    fetchKind_ = kind;
    pendingUrl_ = url;
    pendingMethod_ = normalisedMethod(method);
    awaiting_ = Awaiting::Fetch;
    return step::Fetch{pendingUrl_, pendingMethod_, params};
}

Step Interpreter::failOrFallback(const QString &reason) {
    // Only the application's first document has a fallback (Restcomm parity): Redirects and
    // Dial actions fail the call directly.
    if (fetchKind_ == FetchKind::App && !app_.fallbackUrl.isEmpty()) {
        fallbackCause_ = reason;
        warnings_.append(reason + QStringLiteral("; trying the fallback URL"));
        return fetch(FetchKind::Fallback,
                     QUrl(app_.url).resolved(QUrl(app_.fallbackUrl)).toString(),
                     app_.fallbackMethod, requestParams());
    }
    if (fetchKind_ == FetchKind::Fallback) {
        return finish(step::Failed{fallbackCause_ + QStringLiteral("; fallback: ") + reason});
    }
    return finish(step::Failed{reason});
}

Step Interpreter::finish(Step terminal) {
    awaiting_ = Awaiting::Nothing;
    runningDial_.reset();
    return terminal;
}

Step Interpreter::unexpected(const char *event) {
    return finish(step::Failed{
        QStringLiteral("internal error: %1 came when the interpreter did not expect it")
            .arg(QLatin1String(event))});
}

QString Interpreter::resolved(const QString &url) const {
    return QUrl(currentUrl_).resolved(QUrl(url.trimmed())).toString();
}

}  // namespace mrc
