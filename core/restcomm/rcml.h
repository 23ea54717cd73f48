#pragma once
// RCML document model and strict parser (pure; no I/O). See restcomm-behaviour.md part 2 §3.
#include <QString>
#include <QStringList>
#include <optional>
#include <variant>
#include <vector>

namespace mrc::rcml {

enum class NounKind { Number, Client, Sip };

// Nouns whose trimmed text is empty (e.g. an RVD "$core_ReferTarget" that substituted to
// nothing) are left out of Dial::nouns, so such a Dial has no nouns and is skipped.
struct DialNoun {
    NounKind kind = NounKind::Number;
    QString target;  // number, client login or SIP URI, trimmed
    QString url;     // screening url attribute (kept, not executed yet)
    QString method = QStringLiteral("POST");
};

struct Dial {
    std::vector<DialNoun> nouns;  // several nouns fork; first answer wins
    int timeoutSec = 30;
    int timeLimitSec = 14400;
    QString callerId;                         // empty = caller's From
    QString action;                           // empty = continue with the next verb
    QString method = QStringLiteral("POST");  // anything but GET/POST becomes POST
    QString conference;  // non-empty when the Dial holds <Conference> (not supported yet)
};
struct Hangup {};
struct Redirect {
    QString url;
    QString method = QStringLiteral("POST");
};
struct Reject {
    bool busy = false;  // reason="busy" -> 486, anything else -> 603
};
struct Pause {
    int lengthSec = 1;
};
// A verb we parse but do not execute yet (Say, Play, Gather, Record, Sms, ...): skipped with a
// warning event, never a crash or a hang.
struct Unsupported {
    QString verb;
};

using Verb = std::variant<Dial, Hangup, Redirect, Reject, Pause, Unsupported>;

struct Document {
    std::vector<Verb> verbs;
    // Things accepted but not acted upon (Dial record/hangupOnStar, noun screening url,
    // sendDigits, stray text): the interpreter forwards them as warning events.
    QStringList warnings;
};

struct ParseError {
    QString message;  // human readable, names the element/attribute
    qint64 line = 0;
    qint64 column = 0;
};

inline constexpr qsizetype kDefaultMaxDocumentBytes = 64 * 1024;

// Strict: root must be <Response>; a DOCTYPE/entity declaration is refused (no external or
// internal entities are ever expanded); documents larger than maxBytes are refused.
// Unknown elements, and negative or non-numeric timeout/timeLimit/length values, are errors
// naming the element or attribute; an attribute given as empty text takes its default.
// Text outside verbs is ignored with a warning.
std::variant<Document, ParseError> parse(const QByteArray &xml,
                                         qsizetype maxBytes = kDefaultMaxDocumentBytes);

}  // namespace mrc::rcml
