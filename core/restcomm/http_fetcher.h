#pragma once
// Fetches RCML (and any app URL) the way Restcomm's Downloader/HttpRequestDescriptor does
// (restcomm-behaviour.md part 2 §4.1):
//  - GET: the parameters go in the query string, after any query already in the URL;
//  - POST: application/x-www-form-urlencoded UTF-8 body made of the URL's own query parameters
//    first, then the parameters; the URL is requested without its query;
//  - encoding is formEncode(): '+' goes out as %2B.
// Built on libre's HTTP client, on the libre thread. Hosts: IP literals and "localhost"
// (-> 127.0.0.1) connect directly; other names are resolved with libre's DNS client using the
// system's name servers (no /etc/hosts). Bodies over kMaxBodyBytes are an error.
// Bodies may be sized by Content-Length, chunked, or ended by the server closing the connection
// (libre 1.1.0 cannot read the latter; we take its connection over for that case).
#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

#include "restcomm/http_types.h"
#include "restcomm/libre_ptr.h"

struct http_cli;
struct dnsc;

namespace mrc {

class EventSink;

enum class FetchMethod { Get, Post };

// "GET"/"POST" in any case; nullopt for anything else.
std::optional<FetchMethod> fetchMethodFromString(const QString &method);
QString toString(FetchMethod method);

struct FetchRequest {
    FetchMethod method = FetchMethod::Post;  // Restcomm's default for voice URLs
    QString url;
    Params params;
    int timeoutMs = 10000;  // whole exchange: connect, send, response head and body
};

struct FetchResult {
    int status = 0;  // HTTP status; 0 when no response came (see `error`)
    QByteArray body;
    QByteArray contentType;  // lower-case media type without parameters, e.g. "application/xml"
    // Empty when a complete response arrived (whatever its status). Otherwise what went wrong,
    // readable: "timeout after 10000 ms", "connection refused", "invalid URL ...", ...
    QString error;
    qint64 latencyMs = 0;

    // A complete 2xx response: what "the fetch worked" means for VoiceFallbackUrl.
    bool succeeded() const { return error.isEmpty() && status >= 200 && status < 300; }
};

// One fetch in flight. Destroying it cancels the fetch: the callback is then never called.
class FetchHandle {
  public:
    struct State;
    explicit FetchHandle(std::unique_ptr<State> state);
    ~FetchHandle();
    FetchHandle(const FetchHandle &) = delete;
    FetchHandle &operator=(const FetchHandle &) = delete;

    bool finished() const;

  private:
    std::unique_ptr<State> state_;
};

class HttpFetcher {
  public:
    using Callback = std::function<void(const FetchResult &)>;

    static constexpr qsizetype kMaxBodyBytes = 1024 * 1024;
    static constexpr int kBodyExcerptBytes = 512;  // of the body, in the "http" event

    // `events` (may be null) receives one "http" event per finished fetch (not for cancelled
    // ones): method, url, params (object; a repeated name gives an array), status,
    // latency_ms, error, content_type, body_excerpt. It must outlive every fetch.
    explicit HttpFetcher(EventSink *events = nullptr);
    ~HttpFetcher();
    HttpFetcher(const HttpFetcher &) = delete;
    HttpFetcher &operator=(const HttpFetcher &) = delete;

    // Starts a fetch. `done` is called exactly once, later from the libre loop (never from
    // inside fetch()), unless the handle is destroyed first. Handles may outlive the fetcher.
    [[nodiscard]] std::unique_ptr<FetchHandle> fetch(const FetchRequest &request, Callback done);

  private:
    EventSink *events_;
    ReUniquePtr<struct dnsc> dns_;
    ReUniquePtr<http_cli> client_;
    QString setupError_;  // why client_ could not be made (every fetch then fails with it)
};

}  // namespace mrc
