// libFuzzer target for the ctrl_tcp stream parser (engine/ctrl_protocol.h) and what consumes
// its output: the call table and SIP target completion. Beyond "no crash, no sanitizer report,
// no hang", it checks the promises the engine relies on.
#include "engine/call_table.h"
#include "engine/ctrl_protocol.h"
#include "engine/sip_target.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char *promise) {
    if (!condition) {
        std::fprintf(stderr, "ctrl_tcp parser broke its promise: %s\n", promise);
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    // The first byte chooses how the stream is cut into reads: frames split anywhere.
    const std::size_t chunk = 1 + data[0] % 64;
    const char *bytes = reinterpret_cast<const char *>(data + 1);
    const std::size_t length = size - 1;

    engine::CtrlStreamParser parser;
    engine::CallTable table;
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000LL, Qt::UTC);
    std::size_t fed = 0;
    while (fed < length) {
        const std::size_t n = std::min(chunk, length - fed);
        parser.feed(bytes + fed, static_cast<qsizetype>(n));
        fed += n;
        require(parser.buffered() <= engine::CtrlStreamParser::kMaxFrame + 16,
                "buffer stays bounded");
        for (const engine::CtrlItem &item : parser.take()) {
            if (const auto *event = std::get_if<engine::CtrlEvent>(&item)) {
                require(!event->type.isEmpty(), "events have a type");
                for (const engine::CallUpdate &update : table.apply(*event, now)) {
                    require(update.call.key.isValid(), "call updates carry a valid key");
                }
                const engine::SipTarget target =
                    engine::completeSipTarget(event->param, QStringLiteral("127.0.0.1:5060"));
                require(target.isValid() == target.error.isEmpty(),
                        "a target is valid or says why not");
                require(!target.uri.contains(QLatin1Char(' ')) &&
                            !target.uri.contains(QLatin1Char('>')),
                        "a completed target has no spaces or brackets");
            } else if (const auto *error = std::get_if<engine::CtrlProtocolError>(&item)) {
                require(!error->message.isEmpty(), "errors say what is wrong");
                require(error->excerpt.size() <= 80, "error excerpts are short");
            }
        }
    }
    for (const engine::CallInfo &call : table.calls()) {
        require(call.state != engine::CallState::Closed, "closed calls leave the table");
        require(call.key.isValid(), "live calls have a valid key");
    }
    return 0;
}
