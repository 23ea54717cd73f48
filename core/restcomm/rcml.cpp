#include "restcomm/rcml.h"

#include <QSet>
#include <QXmlStreamReader>

namespace mrc::rcml {
namespace {

// Verbs of RCML we recognise but do not execute yet: they become Unsupported{verb} so a
// document using them still runs (the interpreter skips them with a warning).
const QSet<QString> &knownUnsupportedVerbs() {
    static const QSet<QString> verbs{
        QStringLiteral("Say"),      QStringLiteral("Play"),        QStringLiteral("Gather"),
        QStringLiteral("Record"),   QStringLiteral("Sms"),         QStringLiteral("Email"),
        QStringLiteral("Fax"),      QStringLiteral("UssdMessage"), QStringLiteral("UssdCollect"),
        QStringLiteral("Language"), QStringLiteral("Enqueue"),     QStringLiteral("Leave"),
    };
    return verbs;
}

// Restcomm turns any method other than GET/POST into POST.
QString normalisedMethod(QStringView attribute) {
    if (attribute.trimmed().compare(u"GET", Qt::CaseInsensitive) == 0) {
        return QStringLiteral("GET");
    }
    return QStringLiteral("POST");
}

// One parse: walks the token stream once and stops at the first error.
class Parser {
  public:
    explicit Parser(const QByteArray &xml) : reader_(xml) {}

    std::variant<Document, ParseError> run() {
        if (!readRoot()) {
            return takeError();
        }
        return std::move(document_);
    }

  private:
    // Advances one token; false (error set) on malformed XML, on an entity reference left
    // unexpanded, and on a DOCTYPE anywhere: Qt accepts one even inside an element and then
    // expands its entities, so checking only the prolog would let a billion-laughs through.
    bool next() {
        if (reader_.atEnd()) {
            return xmlError();
        }
        switch (reader_.readNext()) {
            case QXmlStreamReader::DTD:
                // The declarations are parsed into this token but nothing is expanded yet.
                return fail(
                    QStringLiteral("DOCTYPE is not allowed in RCML (entities are never expanded)"));
            case QXmlStreamReader::EntityReference:
                return fail(
                    QStringLiteral("entity reference &%1; is not allowed").arg(reader_.name()));
            case QXmlStreamReader::Invalid:
                return xmlError();
            default:
                return true;
        }
    }

    // Reads the prolog (XML declaration, comments) and the root element.
    bool readRoot() {
        while (next()) {
            if (reader_.tokenType() == QXmlStreamReader::StartElement) {
                if (reader_.name() != u"Response") {
                    return fail(QStringLiteral("root element must be <Response>, found <%1>")
                                    .arg(reader_.qualifiedName()));
                }
                return readResponse() && readEpilogue();
            }
        }
        return false;
    }

    bool readResponse() {
        while (next()) {
            switch (reader_.tokenType()) {
                case QXmlStreamReader::StartElement:
                    if (!readVerb()) {
                        return false;
                    }
                    break;
                case QXmlStreamReader::EndElement:
                    return true;  // </Response>
                case QXmlStreamReader::Characters:
                    if (!reader_.isWhitespace()) {
                        warn(QStringLiteral("text outside any verb ignored: \"%1\"")
                                 .arg(reader_.text().trimmed().left(40)));
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    // After </Response> only comments and whitespace may follow; reading on to the end makes
    // the reader report trailing garbage as not well-formed.
    bool readEpilogue() {
        while (!reader_.atEnd()) {
            if (!next()) {
                return false;
            }
        }
        return !reader_.hasError() || xmlError();
    }

    bool readVerb() {
        const QString name = reader_.name().toString();
        if (name == u"Dial") {
            return readDial();
        }
        if (name == u"Hangup") {
            document_.verbs.emplace_back(Hangup{});
            return skipElement();
        }
        if (name == u"Redirect") {
            return readRedirect();
        }
        if (name == u"Reject") {
            Reject reject;
            reject.busy = attribute("reason").trimmed().compare(u"busy", Qt::CaseInsensitive) == 0;
            document_.verbs.emplace_back(reject);
            return skipElement();
        }
        if (name == u"Pause") {
            Pause pause;
            if (!readSeconds("Pause", "length", pause.lengthSec)) {
                return false;
            }
            document_.verbs.emplace_back(pause);
            return skipElement();
        }
        if (knownUnsupportedVerbs().contains(name)) {
            document_.verbs.emplace_back(Unsupported{name});
            return skipElement();  // nested Say/Play of a Gather are skipped with it
        }
        return fail(QStringLiteral("unknown RCML verb <%1>").arg(reader_.qualifiedName()));
    }

    bool readDial() {
        Dial dial;
        dial.action = attribute("action").trimmed();
        dial.method = normalisedMethod(attribute("method"));
        dial.callerId = attribute("callerId").trimmed();
        if (!readSeconds("Dial", "timeout", dial.timeoutSec) ||
            !readSeconds("Dial", "timeLimit", dial.timeLimitSec)) {
            return false;
        }
        if (isTrue(attribute("record"))) {
            warn(QStringLiteral("<Dial record> is not supported yet, the call is not recorded"));
        }
        if (isTrue(attribute("hangupOnStar"))) {
            warn(QStringLiteral("<Dial hangupOnStar> is not supported (Restcomm ignores it too)"));
        }

        QString bareText;  // Restcomm accepts <Dial>target</Dial> without a noun
        while (next()) {
            switch (reader_.tokenType()) {
                case QXmlStreamReader::StartElement:
                    if (!readDialChild(dial)) {
                        return false;
                    }
                    break;
                case QXmlStreamReader::Characters:
                    bareText += reader_.text();
                    break;
                case QXmlStreamReader::EndElement:
                    addBareTarget(dial, bareText.trimmed());
                    document_.verbs.emplace_back(std::move(dial));
                    return true;
                default:
                    break;
            }
        }
        return false;
    }

    bool readDialChild(Dial &dial) {
        const QString name = reader_.name().toString();
        if (name == u"Conference") {
            QString room;
            if (!readText(room)) {
                return false;
            }
            if (room.isEmpty()) {
                return fail(QStringLiteral("<Conference> needs a room name"));
            }
            dial.conference = room;
            return true;
        }
        DialNoun noun;
        if (name == u"Number") {
            noun.kind = NounKind::Number;
        } else if (name == u"Client") {
            noun.kind = NounKind::Client;
        } else if (name == u"Sip" || name == u"Uri") {  // Uri is the deprecated name of Sip
            noun.kind = NounKind::Sip;
        } else {
            return fail(
                QStringLiteral("unknown noun <%1> inside <Dial>").arg(reader_.qualifiedName()));
        }
        noun.url = attribute("url").trimmed();
        noun.method = normalisedMethod(attribute("method"));
        if (!noun.url.isEmpty()) {
            warn(QStringLiteral("<%1 url> (screening) is not executed yet").arg(name));
        }
        if (!attribute("sendDigits").isEmpty()) {
            warn(QStringLiteral("<%1 sendDigits> is not supported (Restcomm ignores it too)")
                     .arg(name));
        }
        if (!readText(noun.target)) {
            return false;
        }
        if (!noun.target.isEmpty()) {
            dial.nouns.push_back(std::move(noun));
        }
        return true;
    }

    // Restcomm's rule for a bare target: '@' means a SIP URI, a "client" prefix a client
    // login, anything else a number.
    static void addBareTarget(Dial &dial, const QString &text) {
        if (text.isEmpty()) {
            return;
        }
        DialNoun noun;
        if (text.contains(u'@')) {
            noun.kind = NounKind::Sip;
            noun.target = text;
        } else if (text.startsWith(u"client")) {
            noun.kind = NounKind::Client;
            noun.target = text.mid(6).trimmed();
            if (noun.target.startsWith(u':')) {  // "client:alice" as Twilio writes it
                noun.target = noun.target.mid(1).trimmed();
            }
        } else {
            noun.kind = NounKind::Number;
            noun.target = text;
        }
        if (!noun.target.isEmpty()) {
            dial.nouns.push_back(std::move(noun));
        }
    }

    bool readRedirect() {
        Redirect redirect;
        redirect.method = normalisedMethod(attribute("method"));
        if (!readText(redirect.url)) {
            return false;
        }
        if (redirect.url.isEmpty()) {
            return fail(QStringLiteral("<Redirect> needs a URL as its text"));
        }
        document_.verbs.emplace_back(std::move(redirect));
        return true;
    }

    // Text content of the current element, trimmed; a child element is an error naming both.
    bool readText(QString &out) {
        const QString element = reader_.qualifiedName().toString();
        QString text;
        while (next()) {
            switch (reader_.tokenType()) {
                case QXmlStreamReader::Characters:
                    text += reader_.text();
                    break;
                case QXmlStreamReader::EndElement:
                    out = text.trimmed();
                    return true;
                case QXmlStreamReader::StartElement:
                    return fail(QStringLiteral("<%1> may only hold text, found <%2>")
                                    .arg(element, reader_.qualifiedName()));
                default:
                    break;
            }
        }
        return false;
    }

    // Skips the current element's content; the reader still checks it is well-formed.
    bool skipElement() {
        int depth = 1;
        while (next()) {
            switch (reader_.tokenType()) {
                case QXmlStreamReader::StartElement:
                    ++depth;
                    break;
                case QXmlStreamReader::EndElement:
                    if (--depth == 0) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    // A whole number of seconds >= 0; an absent or empty attribute keeps `value`'s default.
    bool readSeconds(const char *element, const char *name, int &value) {
        const QString text = attribute(name).trimmed();
        if (text.isEmpty()) {
            return true;
        }
        bool ok = false;
        const int parsed = text.toInt(&ok);
        if (!ok || parsed < 0) {
            return fail(
                QStringLiteral("<%1 %2=\"%3\">: expected a whole number of seconds >= 0")
                    .arg(QLatin1StringView(element), QLatin1StringView(name), text.left(40)));
        }
        value = parsed;
        return true;
    }

    // A copy: attributes() returns a temporary, so a view into it would dangle.
    QString attribute(const char *name) const {
        return reader_.attributes().value(QLatin1StringView(name)).toString();
    }

    static bool isTrue(QStringView value) {
        return value.trimmed().compare(u"true", Qt::CaseInsensitive) == 0;
    }

    void warn(const QString &text) { document_.warnings.append(text); }

    bool fail(const QString &message) {
        error_ = ParseError{message, reader_.lineNumber(), reader_.columnNumber()};
        return false;
    }

    bool xmlError() {
        const QString detail = reader_.hasError() ? reader_.errorString()
                                                  : QStringLiteral("premature end of document");
        return fail(QStringLiteral("not well-formed XML: %1").arg(detail));
    }

    ParseError takeError() {
        return error_.value_or(ParseError{QStringLiteral("invalid RCML document"), 0, 0});
    }

    QXmlStreamReader reader_;
    Document document_;
    std::optional<ParseError> error_;
};

}  // namespace

std::variant<Document, ParseError> parse(const QByteArray &xml, qsizetype maxBytes) {
    if (xml.size() > maxBytes) {
        return ParseError{QStringLiteral("RCML document is %1 bytes, more than the limit of %2")
                              .arg(xml.size())
                              .arg(maxBytes),
                          0, 0};
    }
    if (xml.trimmed().isEmpty()) {
        return ParseError{QStringLiteral("empty RCML document (expected <Response>)"), 1, 0};
    }
    return Parser(xml).run();
}

}  // namespace mrc::rcml
