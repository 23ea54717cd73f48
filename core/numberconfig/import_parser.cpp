#include "numberconfig/import_parser.h"

#include "numberconfig/csv.h"
#include "numberconfig/number_fields.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace numcfg {

namespace {

const QString kOwnNumbersKey = QStringLiteral("incoming_phone_numbers");

// Byte offset -> "line L, column C" (1-based), for JSON syntax errors.
QString lineColumnAt(const QByteArray &data, qsizetype offset) {
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset && i < data.size(); ++i) {
        if (data.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

void setValue(NumberEntry &entry, const NumberField &field, const QString &writtenName,
              const QString &value) {
    entry.writtenNames.insert(field.camelName, writtenName);
    QString normalized;
    if (auto error = checkValue(field, value, &normalized)) {
        entry.issues.append({entry.location, writtenName, *error});
        return;
    }
    if (!normalized.isEmpty() || field.kind == FieldKind::PhoneNumber) {
        entry.values.insert(field.camelName, normalized);
    }
}

void readJsonField(NumberEntry &entry, const NumberField &field, const QString &key,
                   const QJsonValue &value) {
    entry.writtenNames.insert(field.camelName, key);
    if (value.isNull() || value.isUndefined()) {
        if (field.kind == FieldKind::PhoneNumber) {
            entry.issues.append({entry.location, key, QStringLiteral("required")});
        }
        return;
    }
    if (field.kind == FieldKind::Boolean) {
        if (value.isBool()) {
            entry.values.insert(field.camelName,
                                value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
            return;
        }
        if (!value.isString()) {
            entry.issues.append({entry.location, key, QStringLiteral("expected true or false")});
            return;
        }
    } else if (!value.isString()) {
        entry.issues.append({entry.location, key, QStringLiteral("expected a string")});
        return;
    }
    setValue(entry, field, key, value.toString());
}

NumberEntry readJsonEntry(const QJsonValue &item, const QString &location) {
    NumberEntry entry;
    entry.location = location;
    if (!item.isObject()) {
        entry.issues.append({location, {}, QStringLiteral("expected a JSON object")});
        return entry;
    }
    const QJsonObject object = item.toObject();
    bool sawPhone = false;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (key == u"sid" || key == u"Sid") {
            entry.fileSid = it.value().toString();
            continue;
        }
        if (key == u"capabilities") {
            if (it.value().isNull()) {
                continue;
            }
            if (!it.value().isObject()) {
                entry.issues.append({location, key, QStringLiteral("expected an object")});
                continue;
            }
            const QJsonObject capabilities = it.value().toObject();
            for (auto cap = capabilities.begin(); cap != capabilities.end(); ++cap) {
                const auto field = fieldByName(cap.key());
                const QString written = QStringLiteral("capabilities.%1").arg(cap.key());
                if (!field || !isCapabilityField(*field)) {
                    entry.issues.append({location, written, QStringLiteral("unknown field")});
                    continue;
                }
                readJsonField(entry, *field, written, cap.value());
            }
            continue;
        }
        if (isIgnoredName(key)) {
            continue;
        }
        const auto field = fieldByName(key);
        if (!field) {
            entry.issues.append(
                {location, key,
                 QStringLiteral("unknown field (expected an IncomingPhoneNumbers field such as "
                                "phone_number, voice_url or refer_url)")});
            continue;
        }
        sawPhone = sawPhone || field->kind == FieldKind::PhoneNumber;
        readJsonField(entry, *field, key, it.value());
    }
    if (!sawPhone) {
        entry.issues.append({location, QStringLiteral("phone_number"), QStringLiteral("required")});
    }
    return entry;
}

void readJsonArray(ImportDocument &document, const QJsonArray &array, const QString &section) {
    for (qsizetype i = 0; i < array.size(); ++i) {
        document.entries.append(
            readJsonEntry(array.at(i), QStringLiteral("%1[%2]").arg(section).arg(i)));
    }
}

void readSectionArray(ImportDocument &document, const QJsonObject &root, const QString &key) {
    const QJsonValue value = root.value(key);
    if (value.isNull() || value.isUndefined()) {
        return;
    }
    if (!value.isArray()) {
        document.fileIssues.append({key, {}, QStringLiteral("expected an array")});
        return;
    }
    readJsonArray(document, value.toArray(), key);
}

ImportDocument parseJson(const QByteArray &data) {
    ImportDocument document;
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        document.fileIssues.append(
            {lineColumnAt(data, parseError.offset),
             {},
             QStringLiteral("not valid JSON: %1").arg(parseError.errorString())});
        return document;
    }
    if (json.isArray()) {
        readJsonArray(document, json.array(), QStringLiteral("[]"));
        // "[][2]" reads badly: a bare list names its entries "entry 3" style instead.
        for (qsizetype i = 0; i < document.entries.size(); ++i) {
            const QString location = QStringLiteral("array element %1").arg(i);
            document.entries[i].location = location;
            for (Issue &issue : document.entries[i].issues) {
                issue.location = location;
            }
        }
        return document;
    }
    const QJsonObject root = json.object();
    if (root.contains(QStringLiteral("referphone_config"))) {
        document.format = ImportFormat::OwnExport;
        const QJsonValue version = root.value(QStringLiteral("referphone_config"));
        if (!version.isDouble() || version.toDouble() != 1) {
            document.fileIssues.append({QStringLiteral("referphone_config"),
                                        {},
                                        QStringLiteral("unsupported version %1 (expected 1)")
                                            .arg(version.toVariant().toString())});
            return document;
        }
        readSectionArray(document, root, kOwnNumbersKey);
        for (const QString &section : {QStringLiteral("clients"), QStringLiteral("applications"),
                                       QStringLiteral("rvd_projects")}) {
            const QJsonArray items = root.value(section).toArray();
            if (!items.isEmpty()) {
                document.notes.append(
                    QStringLiteral("%1: %2 entries not imported here (this dialog imports phone "
                                   "numbers; load the file with mini-restcomm --config for the "
                                   "rest)")
                        .arg(section)
                        .arg(items.size()));
            }
        }
        return document;
    }
    for (const QString &key : {QStringLiteral("incomingPhoneNumbers"), kOwnNumbersKey}) {
        if (root.contains(key)) {
            readSectionArray(document, root, key);
            return document;
        }
    }
    if (root.contains(QStringLiteral("phone_number")) ||
        root.contains(QStringLiteral("PhoneNumber"))) {
        document.entries.append(readJsonEntry(root, QStringLiteral("number object")));
        return document;
    }
    document.fileIssues.append(
        {QStringLiteral("top level"),
         {},
         QStringLiteral("not a Restcomm IncomingPhoneNumbers list (no \"incomingPhoneNumbers\" "
                        "array), a single number (no \"phone_number\") nor a ReferPhone export "
                        "(no \"referphone_config\")")});
    return document;
}

ImportDocument parseCsvDocument(const QByteArray &data) {
    ImportDocument document;
    document.format = ImportFormat::Csv;
    const CsvParseResult csv = parseCsv(QString::fromUtf8(data));
    if (csv.error) {
        document.fileIssues.append({{}, {}, *csv.error});
        return document;
    }
    if (csv.records.isEmpty()) {
        document.fileIssues.append({{}, {}, QStringLiteral("empty file (expected a header row)")});
        return document;
    }
    const CsvRecord &header = csv.records.first();
    QList<std::optional<NumberField>> columns;  // nullopt: ignored column
    QHash<QString, int> seen;                   // CamelCase -> column
    bool hasPhone = false;
    for (int c = 0; c < header.cells.size(); ++c) {
        const QString name = header.cells.at(c).trimmed();
        const QString where =
            QStringLiteral("header line %1, column %2").arg(header.line).arg(c + 1);
        const auto field = fieldByName(name);
        if (field) {
            if (seen.contains(field->camelName)) {
                document.fileIssues.append({where, name,
                                            QStringLiteral("same field as column %1")
                                                .arg(seen.value(field->camelName) + 1)});
            }
            seen.insert(field->camelName, c);
            hasPhone = hasPhone || field->kind == FieldKind::PhoneNumber;
        } else if (!isIgnoredName(name)) {
            document.fileIssues.append(
                {where, name.isEmpty() ? QStringLiteral("(empty)") : name,
                 QStringLiteral("unknown column (expected IncomingPhoneNumbers fields in CamelCase "
                                "or snake_case, e.g. PhoneNumber or phone_number)")});
        }
        columns.append(field);
    }
    if (!hasPhone) {
        document.fileIssues.append({QStringLiteral("header line %1").arg(header.line),
                                    QStringLiteral("PhoneNumber"),
                                    QStringLiteral("required column missing")});
    }
    for (qsizetype r = 1; r < csv.records.size(); ++r) {
        const CsvRecord &record = csv.records.at(r);
        NumberEntry entry;
        entry.location = QStringLiteral("line %1").arg(record.line);
        if (record.cells.size() != header.cells.size()) {
            entry.issues.append({entry.location,
                                 {},
                                 QStringLiteral("%1 cells, the header has %2")
                                     .arg(record.cells.size())
                                     .arg(header.cells.size())});
        }
        for (int c = 0; c < columns.size() && c < record.cells.size(); ++c) {
            const QString name = header.cells.at(c).trimmed();
            if (columns.at(c)) {
                setValue(entry, *columns.at(c), name, record.cells.at(c));
            } else if (name == u"sid" || name == u"Sid") {
                entry.fileSid = record.cells.at(c).trimmed();
            }
        }
        // Every row without a number says so, also when the header lacks the column (the
        // preview then marks each row, not only the header).
        if (!entry.values.contains(QStringLiteral("PhoneNumber")) &&
            (!hasPhone || record.cells.size() == header.cells.size())) {
            const QString column =
                hasPhone ? header.cells.at(seen.value(QStringLiteral("PhoneNumber"))).trimmed()
                         : QStringLiteral("PhoneNumber");
            // An empty number cell has said "required" already (setValue).
            const bool said =
                std::any_of(entry.issues.cbegin(), entry.issues.cend(),
                            [&column](const Issue &issue) { return issue.field == column; });
            if (!said) {
                entry.issues.append({entry.location, column,
                                     hasPhone
                                         ? QStringLiteral("required")
                                         : QStringLiteral("required (no PhoneNumber column)")});
            }
        }
        document.entries.append(entry);
    }
    if (document.entries.isEmpty() && document.fileIssues.isEmpty()) {
        document.notes.append(QStringLiteral("the file has a header but no numbers"));
    }
    return document;
}

}  // namespace

void markDuplicates(ImportDocument &document) {
    QHash<QString, QString> firstLocation;
    for (NumberEntry &entry : document.entries) {
        const QString phone = entry.phoneNumber();
        if (phone.isEmpty()) {
            continue;
        }
        if (firstLocation.contains(phone)) {
            entry.issues.append({entry.location, entry.writtenName(QStringLiteral("PhoneNumber")),
                                 QStringLiteral("duplicate number %1 (first at %2)")
                                     .arg(phone, firstLocation.value(phone))});
        } else {
            firstLocation.insert(phone, entry.location);
        }
    }
}

ImportDocument parseImportFile(const QByteArray &data) {
    QByteArray content = data;
    if (content.startsWith("\xEF\xBB\xBF")) {
        content.remove(0, 3);  // UTF-8 BOM, as spreadsheet programs write it
    }
    const QByteArray start = content.trimmed().left(1);
    ImportDocument document =
        (start == "{" || start == "[") ? parseJson(content) : parseCsvDocument(content);
    markDuplicates(document);
    return document;
}

}  // namespace numcfg
