#include "numberconfig/number_entry.h"

#include "numberconfig/number_fields.h"

namespace numcfg {

QString formatName(ImportFormat format) {
    switch (format) {
        case ImportFormat::RestcommJson:
            return QStringLiteral("Restcomm IncomingPhoneNumbers JSON");
        case ImportFormat::OwnExport:
            return QStringLiteral("ReferPhone export");
        case ImportFormat::Csv:
            return QStringLiteral("CSV");
    }
    return {};
}

QString Issue::text() const {
    QString out = location;
    if (!field.isEmpty()) {
        out += (out.isEmpty() ? QString() : QStringLiteral(", ")) + field;
    }
    return out.isEmpty() ? message : out + QStringLiteral(": ") + message;
}

bool ImportDocument::hasErrors() const {
    if (!fileIssues.isEmpty()) {
        return true;
    }
    for (const NumberEntry &entry : entries) {
        if (!entry.issues.isEmpty()) {
            return true;
        }
    }
    return false;
}

QList<Issue> ImportDocument::allIssues() const {
    QList<Issue> issues = fileIssues;
    for (const NumberEntry &entry : entries) {
        issues += entry.issues;
    }
    return issues;
}

const ServerNumber *ServerSnapshot::numberByPhone(const QString &phoneNumber) const {
    for (const ServerNumber &number : numbers) {
        if (number.phoneNumber == phoneNumber) {
            return &number;
        }
    }
    return nullptr;
}

bool ServerSnapshot::hasApplication(const QString &sid) const {
    for (const ServerApplication &application : applications) {
        if (application.sid == sid) {
            return true;
        }
    }
    return false;
}

QMap<QString, QString> valuesFromServerJson(const QJsonObject &json) {
    QMap<QString, QString> values;
    const QJsonObject capabilities = json.value(QStringLiteral("capabilities")).toObject();
    for (const NumberField &field : numberFields()) {
        const QJsonValue value = isCapabilityField(field) ? capabilities.value(field.snakeName)
                                                          : json.value(field.snakeName);
        if (value.isBool()) {
            values.insert(field.camelName,
                          value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        } else if (value.isString()) {
            values.insert(field.camelName, value.toString());
        } else if (field.kind == FieldKind::Boolean) {
            values.insert(field.camelName, QStringLiteral("false"));  // Restcomm prints null
        } else {
            values.insert(field.camelName, QString());
        }
    }
    return values;
}

}  // namespace numcfg
