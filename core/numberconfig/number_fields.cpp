#include "numberconfig/number_fields.h"

#include "restcomm/store_types.h"

#include <QSet>

namespace numcfg {

const QList<NumberField> &numberFields() {
    using K = FieldKind;
    static const QList<NumberField> fields = {
        {"PhoneNumber", "phone_number", K::PhoneNumber},
        {"FriendlyName", "friendly_name", K::Text},
        {"VoiceUrl", "voice_url", K::AppReference},
        {"VoiceMethod", "voice_method", K::Method},
        {"VoiceFallbackUrl", "voice_fallback_url", K::AppReference},
        {"VoiceFallbackMethod", "voice_fallback_method", K::Method},
        {"StatusCallback", "status_callback", K::AppReference},
        {"StatusCallbackMethod", "status_callback_method", K::Method},
        {"VoiceCallerIdLookup", "voice_caller_id_lookup", K::Boolean},
        {"VoiceApplicationSid", "voice_application_sid", K::ApplicationSid},
        {"SmsUrl", "sms_url", K::AppReference},
        {"SmsMethod", "sms_method", K::Method},
        {"SmsFallbackUrl", "sms_fallback_url", K::AppReference},
        {"SmsFallbackMethod", "sms_fallback_method", K::Method},
        {"SmsApplicationSid", "sms_application_sid", K::ApplicationSid},
        {"UssdUrl", "ussd_url", K::AppReference},
        {"UssdMethod", "ussd_method", K::Method},
        {"UssdFallbackUrl", "ussd_fallback_url", K::AppReference},
        {"UssdFallbackMethod", "ussd_fallback_method", K::Method},
        {"UssdApplicationSid", "ussd_application_sid", K::ApplicationSid},
        {"ReferUrl", "refer_url", K::AppReference},
        {"ReferMethod", "refer_method", K::Method},
        {"ReferApplicationSid", "refer_application_sid", K::ApplicationSid},
        {"VoiceCapable", "voice_capable", K::Boolean},
        {"SmsCapable", "sms_capable", K::Boolean},
        {"MmsCapable", "mms_capable", K::Boolean},
        {"FaxCapable", "fax_capable", K::Boolean},
    };
    return fields;
}

std::optional<NumberField> fieldByName(const QString &name) {
    for (const NumberField &field : numberFields()) {
        if (name == field.camelName || name == field.snakeName) {
            return field;
        }
    }
    return std::nullopt;
}

bool isIgnoredName(const QString &name) {
    static const QSet<QString> ignored = {
        "sid",
        "Sid",
        "account_sid",
        "AccountSid",
        "api_version",
        "ApiVersion",
        "uri",
        "Uri",
        "date_created",
        "DateCreated",
        "date_updated",
        "DateUpdated",
        "voice_application_name",
        "VoiceApplicationName",
        "sms_application_name",
        "SmsApplicationName",
        "ussd_application_name",
        "UssdApplicationName",
        "refer_application_name",
        "ReferApplicationName",
        "isSIP",
        "is_sip",
        "IsSip",
        "cost",
        "Cost",
    };
    return ignored.contains(name);
}

bool isCapabilityField(const NumberField &field) {
    return field.snakeName.endsWith(QStringLiteral("_capable"));
}

std::optional<QString> checkValue(const NumberField &field, const QString &value,
                                  QString *normalized) {
    const QString trimmed = value.trimmed();
    switch (field.kind) {
        case FieldKind::PhoneNumber:
            if (trimmed.isEmpty()) {
                return QStringLiteral("required");
            }
            for (const QChar c : trimmed) {
                if (c.isSpace() || c.category() == QChar::Other_Control) {
                    return QStringLiteral("must not contain spaces or control characters");
                }
            }
            *normalized = trimmed;
            return std::nullopt;
        case FieldKind::Text:
            *normalized = trimmed;
            return std::nullopt;
        case FieldKind::AppReference:
            if (!trimmed.isEmpty() && !mrc::isAppReference(trimmed)) {
                return QStringLiteral(
                           "not an http(s) URL, a path starting with / or an RVD app name: %1")
                    .arg(trimmed);
            }
            *normalized = trimmed;
            return std::nullopt;
        case FieldKind::Method:
            if (trimmed.isEmpty()) {
                normalized->clear();
                return std::nullopt;
            }
            if (!mrc::isHttpMethod(trimmed, normalized)) {
                return QStringLiteral("must be GET or POST, not %1").arg(trimmed);
            }
            return std::nullopt;
        case FieldKind::ApplicationSid:
            if (!trimmed.isEmpty() && !mrc::isSid(QStringLiteral("AP"), trimmed)) {
                return QStringLiteral("not an application sid (AP and 32 hex digits): %1")
                    .arg(trimmed);
            }
            *normalized = trimmed;
            return std::nullopt;
        case FieldKind::Boolean: {
            const QString lower = trimmed.toLower();
            if (lower.isEmpty()) {
                normalized->clear();
            } else if (lower == u"true" || lower == u"1") {
                *normalized = QStringLiteral("true");
            } else if (lower == u"false" || lower == u"0") {
                *normalized = QStringLiteral("false");
            } else {
                return QStringLiteral("must be true or false, not %1").arg(trimmed);
            }
            return std::nullopt;
        }
    }
    return QStringLiteral("unhandled field kind");
}

}  // namespace numcfg
