// libFuzzer target for rcml::parse. Beyond "no crash, no sanitizer report, no hang", it checks
// the promises the interpreter relies on, so a parser that accepts nonsense also fails.
#include "restcomm/rcml.h"

#include <QXmlStreamReader>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char *promise) {
    if (!condition) {
        std::fprintf(stderr, "rcml::parse broke its promise: %s\n", promise);
        std::abort();
    }
}

bool isMethod(const QString &method) {
    return method == QLatin1StringView("GET") || method == QLatin1StringView("POST");
}

void checkDial(const mrc::rcml::Dial &dial) {
    require(dial.timeoutSec >= 0, "Dial timeout >= 0");
    require(dial.timeLimitSec >= 0, "Dial timeLimit >= 0");
    require(isMethod(dial.method), "Dial method is GET or POST");
    require(dial.action == dial.action.trimmed(), "Dial action is trimmed");
    for (const auto &noun : dial.nouns) {
        require(!noun.target.isEmpty(), "noun target is not empty");
        require(noun.target == noun.target.trimmed(), "noun target is trimmed");
        require(isMethod(noun.method), "noun method is GET or POST");
    }
}

void checkDocument(const mrc::rcml::Document &document) {
    using namespace mrc::rcml;
    for (const Verb &verb : document.verbs) {
        if (const auto *dial = std::get_if<Dial>(&verb)) {
            checkDial(*dial);
        } else if (const auto *pause = std::get_if<Pause>(&verb)) {
            require(pause->lengthSec >= 0, "Pause length >= 0");
        } else if (const auto *redirect = std::get_if<Redirect>(&verb)) {
            require(!redirect->url.isEmpty(), "Redirect has a URL");
            require(isMethod(redirect->method), "Redirect method is GET or POST");
        } else if (const auto *unsupported = std::get_if<Unsupported>(&verb)) {
            require(!unsupported->verb.isEmpty(), "Unsupported names its verb");
        }
    }
}

// Independent oracle: does the raw token stream hold a DTD anywhere? (Qt accepts one even
// inside an element and would expand its entities.)
bool hasDoctypeToken(const QByteArray &xml) {
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::DTD) {
            return true;
        }
    }
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray xml =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = mrc::rcml::parse(xml);
    if (const auto *document = std::get_if<mrc::rcml::Document>(&result)) {
        require(!hasDoctypeToken(xml), "a DOCTYPE is never accepted");
        checkDocument(*document);
    } else {
        require(!std::get<mrc::rcml::ParseError>(result).message.isEmpty(),
                "a ParseError says what is wrong");
    }
    // The size limit is checked before any parsing.
    if (size > 16) {
        require(std::holds_alternative<mrc::rcml::ParseError>(mrc::rcml::parse(xml, 16)),
                "documents over maxBytes are refused");
    }
    return 0;
}
