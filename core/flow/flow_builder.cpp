#include "flow/flow_builder.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUrl>

namespace flow {

QString FlowEntry::shortTime() const {
    const QDateTime when = QDateTime::fromString(time, Qt::ISODateWithMs);
    return when.isValid() ? when.toUTC().toString(QStringLiteral("HH:mm:ss.zzz")) : time;
}

QString sipLabel(const QString &firstLine) {
    QString line = firstLine.trimmed();
    if (line.startsWith(QStringLiteral("SIP/2.0 "))) {
        return line.mid(8);
    }
    if (line.endsWith(QStringLiteral(" SIP/2.0"))) {
        line.chop(8);
    }
    return line;
}

QString sipMethod(const QString &firstLine) {
    const QString line = firstLine.trimmed();
    if (line.startsWith(QStringLiteral("SIP/"))) {
        return {};
    }
    const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
    if (words.size() == 2 && words.first().at(0).isDigit()) {
        return words.at(1).toUpper();  // a CSeq value
    }
    return words.isEmpty() ? QString() : words.first().toUpper();
}

namespace {

QString prettyJson(const QJsonObject &event) {
    return QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Indented)).trimmed();
}

QString str(const QJsonObject &event, const char *key) {
    return event.value(QLatin1String(key)).toVariant().toString();
}

}  // namespace

FlowEntry FlowBuilder::build(const QJsonObject &event) {
    FlowEntry entry;
    entry.seq = event.value(QStringLiteral("seq")).toInteger();
    entry.time = str(event, "time");
    entry.fromLane = kServerLane;
    entry.toLane = kServerLane;
    entry.fullText = prettyJson(event);
    const QString type = str(event, "type");
    if (type == u"sip") {
        return buildSip(event, entry);
    }
    if (type == u"http") {
        return buildHttp(event, entry);
    }
    if (type == u"call") {
        entry.kind = EntryKind::Call;
        entry.callId = str(event, "call_sid");
        entry.label = QStringLiteral("%1 %2").arg(str(event, "leg"), str(event, "state")).trimmed();
        const QString detail = str(event, "detail");
        if (!detail.isEmpty()) {
            entry.label += QStringLiteral(": ") + detail;
        }
    } else if (type == u"transfer") {
        entry.kind = EntryKind::Transfer;
        entry.highlight = true;
        entry.callId = str(event, "call_sid");
        entry.label = QStringLiteral("transfer %1").arg(str(event, "step"));
        const QString transferor = str(event, "transferor");
        const QString target = str(event, "refer_target");
        if (!transferor.isEmpty() || !target.isEmpty()) {
            entry.label += QStringLiteral(" (%1 \u2192 %2)").arg(transferor, target);
        }
        const QString code = str(event, "code");
        const QString reason = str(event, "reason");
        if (!code.isEmpty() && code != u"0") {
            entry.label += QStringLiteral(" %1").arg(code);
        }
        if (!reason.isEmpty()) {
            entry.label += QStringLiteral(" %1").arg(reason);
        }
    } else if (type == u"registration") {
        entry.kind = EntryKind::Registration;
        // mini-restcomm says "state" (registered, unregistered, refused) and a detail: the
        // contact (in the full text only) or, for a refusal, why (on the label too).
        const QString state = str(event, "state");
        entry.label = QStringLiteral("registration %1: %2").arg(str(event, "login"), state);
        if (const QString detail = str(event, "detail"); state == u"refused" && !detail.isEmpty()) {
            entry.label += QStringLiteral(" (%1)").arg(detail);
        }
    } else if (type == u"warning") {
        entry.kind = EntryKind::Warning;
        entry.label = QStringLiteral("warning: %1").arg(str(event, "message"));
    } else if (type == u"media") {
        entry.kind = EntryKind::Media;
        entry.label = QStringLiteral("media %1 leg %2").arg(str(event, "event"), str(event, "leg"));
    } else {
        entry.kind = EntryKind::Other;
        entry.label = type.isEmpty() ? QStringLiteral("event") : type;
    }
    return entry;
}

FlowEntry FlowBuilder::buildSip(const QJsonObject &event, FlowEntry entry) {
    entry.kind = EntryKind::Sip;
    entry.fromLane = lanes_.laneFor(str(event, "src"));
    entry.toLane = lanes_.laneFor(str(event, "dst"));
    const QString firstLine = str(event, "first_line");
    entry.label = sipLabel(firstLine);
    entry.callId = str(event, "call_id");
    const QString text = str(event, "text");
    entry.fullText = text.isEmpty() ? firstLine : text;
    const QString method = sipMethod(firstLine);
    const QString cseqMethod = sipMethod(str(event, "cseq"));
    if (method == u"REFER") {
        transferDialogs_.insert(entry.callId);
        entry.highlight = true;
    } else if (method.isEmpty() && cseqMethod == u"REFER") {
        entry.highlight = true;  // the answer to a REFER (202 Accepted, or a refusal)
    } else if (method == u"NOTIFY") {
        // A NOTIFY of a REFER subscription carries "Event: refer" (RFC 3515 §2.4.4).
        entry.highlight = transferDialogs_.contains(entry.callId) ||
                          text.contains(QStringLiteral("\nEvent: refer"), Qt::CaseInsensitive) ||
                          text.contains(QStringLiteral("\no: refer"), Qt::CaseInsensitive);
    } else if (method == u"BYE") {
        entry.highlight = transferDialogs_.contains(entry.callId);
    }
    return entry;
}

FlowEntry FlowBuilder::buildHttp(const QJsonObject &event, FlowEntry entry) {
    entry.kind = EntryKind::Http;
    entry.fromLane = kServerLane;
    entry.toLane = kAppServerLane;
    const QString method = str(event, "method");
    const QString url = str(event, "url");
    const QUrl parsed(url);
    const QString path = parsed.isValid() && !parsed.path().isEmpty() ? parsed.path() : url;
    const int status = event.value(QStringLiteral("status")).toInt();
    const QString error = str(event, "error");
    entry.label = QStringLiteral("%1 %2 \u2192 %3")
                      .arg(method, path,
                           status > 0 ? QString::number(status)
                                      : (error.isEmpty() ? QStringLiteral("no answer") : error));
    const QJsonObject params = event.value(QStringLiteral("params")).toObject();
    QString text = QStringLiteral("%1 %2\n\nParameters:\n").arg(method, url);
    for (auto it = params.begin(); it != params.end(); ++it) {
        text += QStringLiteral("  %1=%2\n").arg(it.key(), it.value().toVariant().toString());
    }
    text += QStringLiteral("\nResponse: %1 %2, %3 ms\n")
                .arg(status > 0 ? QString::number(status) : QStringLiteral("none"),
                     str(event, "content_type"), str(event, "latency_ms"));
    if (!error.isEmpty()) {
        text += QStringLiteral("Error: %1\n").arg(error);
    }
    text += str(event, "body_excerpt");
    entry.fullText = text;
    entry.callId = params.value(QStringLiteral("CallSid")).toString();
    // The Refer URL fetch: Restcomm sends the transfer's parties as parameters.
    entry.highlight = params.contains(QStringLiteral("Transferor")) ||
                      params.contains(QStringLiteral("Transferee")) ||
                      params.contains(QStringLiteral("ReferTarget"));
    return entry;
}

}  // namespace flow
