#include "restcomm/http_fetcher.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <utility>

#include "restcomm/event_sink.h"
#include "restcomm/form_encoding.h"

#include <re.h>

namespace mrc {

std::optional<FetchMethod> fetchMethodFromString(const QString &method) {
    if (method.compare(QLatin1String("GET"), Qt::CaseInsensitive) == 0) {
        return FetchMethod::Get;
    }
    if (method.compare(QLatin1String("POST"), Qt::CaseInsensitive) == 0) {
        return FetchMethod::Post;
    }
    return std::nullopt;
}

QString toString(FetchMethod method) {
    return method == FetchMethod::Get ? QStringLiteral("GET") : QStringLiteral("POST");
}

namespace {

// What goes on the wire for one fetch, derived from the FetchRequest.
struct PreparedRequest {
    QByteArray uri;     // as given to libre: scheme://address:port/path[?query]
    QByteArray extra;   // headers after Host, blank line, body
    Params sentParams;  // every parameter sent (URL's own first), for the event
    bool hostIsName = false;
    QString host;
    QString error;  // non-empty: the URL cannot be fetched
};

PreparedRequest prepare(const FetchRequest &request) {
    PreparedRequest out;
    const QUrl url(request.url, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()) {
        out.error = QStringLiteral("invalid URL '%1'").arg(request.url);
        return out;
    }
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        out.error = QStringLiteral("unsupported URL scheme '%1' in '%2' (use http)")
                        .arg(url.scheme(), request.url);
        return out;
    }
    out.host = url.host();
    const int port = url.port(scheme == QLatin1String("https") ? 443 : 80);
    QByteArray address = out.host.toUtf8();
    if (out.host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        address = "127.0.0.1";  // libre's client would ask DNS, which does not know localhost
    } else {
        struct sa literal {};
        out.hostIsName = sa_set_str(&literal, address.constData(), uint16_t(port)) != 0;
        if (!out.hostIsName && address.contains(':')) {
            address = '[' + address + ']';
        }
    }

    QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    if (path.isEmpty()) {
        path = "/";  // libre rejects a URI without a path
    }
    const QByteArray urlQuery = url.query(QUrl::FullyEncoded).toUtf8();
    out.sentParams = formDecode(urlQuery) + request.params;
    const QByteArray common =
        "User-Agent: mini-restcomm\r\n"
        "Accept: */*\r\n"
        "Connection: close\r\n";
    QByteArray target = path;
    if (request.method == FetchMethod::Get) {
        // The URL's own query is kept byte for byte; our parameters follow it.
        QByteArray query = urlQuery;
        const QByteArray encoded = formEncode(request.params);
        if (!query.isEmpty() && !encoded.isEmpty()) {
            query += '&';
        }
        query += encoded;
        if (!query.isEmpty()) {
            target += '?' + query;
        }
        out.extra = common + "\r\n";
    } else {
        const QByteArray body = formEncode(out.sentParams);
        out.extra = common +
                    "Content-Type: application/x-www-form-urlencoded; charset=UTF-8\r\n"
                    "Content-Length: " +
                    QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }
    out.uri = scheme.toLatin1() + "://" + address + ':' + QByteArray::number(port) + target;
    return out;
}

QJsonObject paramsObject(const Params &params) {
    QJsonObject object;
    for (const auto &[name, value] : params) {
        const auto existing = object.constFind(name);
        if (existing == object.constEnd()) {
            object.insert(name, value);
        } else {
            QJsonArray values =
                existing->isArray() ? existing->toArray() : QJsonArray{existing->toString()};
            values.append(value);
            object.insert(name, values);
        }
    }
    return object;
}

QByteArray plBytes(const struct pl &text) {
    return QByteArray(text.p, qsizetype(text.l));
}

}  // namespace

// --- one fetch -----------------------------------------------------------------------------

struct FetchHandle::State {
    ReUniquePtr<http_cli> client;  // our own reference: a fetch may outlive the fetcher
    // The libre request while it runs. libre owns it until it completes and then nulls this
    // pointer itself (http_request's reqp); we mem_deref it only to cancel.
    struct http_req *inFlight = nullptr;
    struct tmr timer {};
    FetchRequest request;
    PreparedRequest prepared;
    HttpFetcher::Callback done;
    EventSink *events = nullptr;
    QElapsedTimer clock;
    QByteArray body;
    // The TCP connection, kept past libre's request when the body is ended by closing it
    // (no Content-Length, not chunked: e.g. Python's http.server) which libre cannot read.
    ReUniquePtr<struct tcp_conn> closeDelimited;
    int closeDelimitedStatus = 0;
    QByteArray closeDelimitedType;
    bool bodyOverflow = false;
    bool finished = false;
    FetchResult deferredFailure;

    State() { tmr_init(&timer); }
    ~State() {
        tmr_cancel(&timer);
        if (inFlight != nullptr) {
            mem_deref(inFlight);  // cancel: libre calls no handler for a dereferenced request
        }
    }

    QString describe(int err) const {
        switch (err) {
            case ECONNREFUSED:
                return QStringLiteral("connection refused");
            case ECONNRESET:
                return QStringLiteral(
                    "connection closed by the server before a complete "
                    "response");
            case ETIMEDOUT:
                return QStringLiteral("connection timed out");
            case EOVERFLOW:
                return bodyOverflow ? QStringLiteral("response body larger than %1 bytes")
                                          .arg(HttpFetcher::kMaxBodyBytes)
                                    : QStringLiteral("response head too large");
            case EPROTO:
            case EBADMSG:
                return QStringLiteral("malformed HTTP response");
            case EDESTADDRREQ:
            case ENOENT:
                if (prepared.hostIsName) {
                    return QStringLiteral("cannot resolve host '%1'").arg(prepared.host);
                }
                break;
            default:
                break;
        }
        const QString text = QString::fromLocal8Bit(std::strerror(err));
        return prepared.hostIsName
                   ? QStringLiteral("%1 (host '%2')").arg(text.toLower(), prepared.host)
                   : text.toLower();
    }

    static int onData(const uint8_t *buffer, size_t size, const struct http_msg *, void *arg) {
        auto *state = static_cast<State *>(arg);
        if (state->body.size() + qsizetype(size) > HttpFetcher::kMaxBodyBytes) {
            state->bodyOverflow = true;
            return EOVERFLOW;
        }
        state->body.append(reinterpret_cast<const char *>(buffer), qsizetype(size));
        return 0;
    }

    // libre hands us the connection just before it releases it (only then, in req_close).
    static void onConnection(struct tcp_conn *connection, struct tls_conn *, void *arg) {
        static_cast<State *>(arg)->closeDelimited = reShare(connection);
    }

    static bool bodyEndsAtClose(const struct http_msg *msg) {
        const bool bodyless = msg->scode < 200 || msg->scode == 204 || msg->scode == 304;
        return !bodyless && http_msg_hdr(msg, HTTP_HDR_CONTENT_LENGTH) == nullptr &&
               !http_msg_hdr_has_value(msg, HTTP_HDR_TRANSFER_ENCODING, "chunked");
    }

    static void onResponse(int err, const struct http_msg *msg, void *arg) {
        auto *state = static_cast<State *>(arg);
        FetchResult result;
        result.status = msg != nullptr ? msg->scode : 0;
        if (msg != nullptr && pl_isset(&msg->ctyp.type)) {
            result.contentType =
                (plBytes(msg->ctyp.type) + '/' + plBytes(msg->ctyp.subtype)).toLower();
        }
        if (err == 0 && msg != nullptr && state->closeDelimited && bodyEndsAtClose(msg)) {
            // Take the connection over: bytes already read after the head are in msg->_mb.
            if (msg->_mb != nullptr) {
                state->body.append(reinterpret_cast<const char *>(mbuf_buf(msg->_mb)),
                                   qsizetype(mbuf_get_left(msg->_mb)));
            }
            state->closeDelimitedStatus = result.status;
            state->closeDelimitedType = result.contentType;
            tcp_set_handlers(state->closeDelimited.get(), nullptr, &State::onTailData,
                             &State::onTailClosed, state);
            return;  // the timeout keeps running
        }
        state->closeDelimited.reset();
        tmr_cancel(&state->timer);
        if (err != 0) {
            result.error = state->describe(err);
        } else {
            result.body = std::move(state->body);
        }
        state->finish(std::move(result));
    }

    static void onTailData(struct mbuf *mb, void *arg) {
        auto *state = static_cast<State *>(arg);
        if (onData(mbuf_buf(mb), mbuf_get_left(mb), nullptr, arg) != 0) {
            state->finishCloseDelimited(EOVERFLOW);
        }
    }

    static void onTailClosed(int, void *arg) { static_cast<State *>(arg)->finishCloseDelimited(0); }

    void finishCloseDelimited(int err) {
        tmr_cancel(&timer);
        closeDelimited.reset();
        FetchResult result;
        result.status = closeDelimitedStatus;
        result.contentType = closeDelimitedType;
        if (err != 0) {
            result.error = describe(err);
        } else {
            result.body = std::move(body);
        }
        finish(std::move(result));
    }

    static void onTimeout(void *arg) {
        auto *state = static_cast<State *>(arg);
        if (state->inFlight != nullptr) {
            mem_deref(std::exchange(state->inFlight, nullptr));
        }
        state->closeDelimited.reset();
        FetchResult result;
        result.error = QStringLiteral("timeout after %1 ms").arg(state->request.timeoutMs);
        state->finish(std::move(result));
    }

    static void onDeferredFailure(void *arg) {
        auto *state = static_cast<State *>(arg);
        state->finish(std::move(state->deferredFailure));
    }

    void failLater(const QString &error) {
        deferredFailure.error = error;
        tmr_start(&timer, 0, &State::onDeferredFailure, this);
    }

    // Publishes the event, then calls back; the callback may destroy this State.
    void finish(FetchResult result) {
        finished = true;
        result.latencyMs = clock.elapsed();
        if (events != nullptr) {
            QJsonObject event{
                {QStringLiteral("type"), QStringLiteral("http")},
                {QStringLiteral("method"), toString(request.method)},
                {QStringLiteral("url"), request.url},
                {QStringLiteral("params"), paramsObject(prepared.sentParams)},
                {QStringLiteral("status"), result.status},
                {QStringLiteral("latency_ms"), result.latencyMs},
                {QStringLiteral("error"), result.error},
                {QStringLiteral("content_type"), QString::fromLatin1(result.contentType)},
                {QStringLiteral("body_excerpt"),
                 QString::fromUtf8(result.body.left(HttpFetcher::kBodyExcerptBytes))},
            };
            events->publish(std::move(event));
        }
        const HttpFetcher::Callback callback = std::move(done);
        if (callback) {
            callback(result);
        }
    }
};

FetchHandle::FetchHandle(std::unique_ptr<State> state) : state_(std::move(state)) {}
FetchHandle::~FetchHandle() = default;
bool FetchHandle::finished() const {
    return state_->finished;
}

// --- the fetcher ---------------------------------------------------------------------------

HttpFetcher::HttpFetcher(EventSink *events) : events_(events) {
    struct sa servers[4] = {};
    uint32_t serverCount = 4;
    char domain[128] = "";
    if (dns_srv_get(domain, sizeof domain, servers, &serverCount) != 0) {
        serverCount = 0;  // names will fail to resolve; IP literals and localhost still work
    }
    struct dnsc *dns = nullptr;
    if (const int err = dnsc_alloc(&dns, nullptr, servers, serverCount); err != 0) {
        setupError_ = QStringLiteral("cannot create the DNS client: %1")
                          .arg(QString::fromLocal8Bit(std::strerror(err)));
        return;
    }
    dns_.reset(dns);
    struct http_cli *client = nullptr;
    if (const int err = http_client_alloc(&client, dns_.get()); err != 0) {
        setupError_ = QStringLiteral("cannot create the HTTP client: %1")
                          .arg(QString::fromLocal8Bit(std::strerror(err)));
        return;
    }
    client_.reset(client);
}

HttpFetcher::~HttpFetcher() = default;

std::unique_ptr<FetchHandle> HttpFetcher::fetch(const FetchRequest &request, Callback done) {
    auto state = std::make_unique<FetchHandle::State>();
    state->request = request;
    state->request.timeoutMs = std::max(request.timeoutMs, 1);
    state->done = std::move(done);
    state->events = events_;
    state->prepared = prepare(request);
    state->clock.start();

    if (!setupError_.isEmpty()) {
        state->failLater(setupError_);
    } else if (!state->prepared.error.isEmpty()) {
        state->failLater(state->prepared.error);
    } else {
        state->client = reShare(client_.get());
        const PreparedRequest &prepared = state->prepared;
        const QByteArray method = toString(request.method).toLatin1();
        const int err = http_request(
            &state->inFlight, client_.get(), method.constData(), prepared.uri.constData(),
            &FetchHandle::State::onResponse, &FetchHandle::State::onData, state.get(), "%b",
            prepared.extra.constData(), std::size_t(prepared.extra.size()));
        if (err != 0) {
            state->inFlight = nullptr;
            state->failLater(state->describe(err));
        } else {
            http_req_set_conn_handler(state->inFlight, &FetchHandle::State::onConnection);
            tmr_start(&state->timer, uint64_t(state->request.timeoutMs),
                      &FetchHandle::State::onTimeout, state.get());
        }
    }
    return std::make_unique<FetchHandle>(std::move(state));
}

}  // namespace mrc
