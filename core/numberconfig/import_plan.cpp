#include "numberconfig/import_plan.h"

#include "numberconfig/number_fields.h"

namespace numcfg {

QList<Issue> checkAgainstServer(const NumberEntry &entry, const ServerSnapshot &server) {
    QList<Issue> issues;
    for (const NumberField &field : numberFields()) {
        if (field.kind != FieldKind::ApplicationSid) {
            continue;
        }
        const QString sid = entry.values.value(field.camelName);
        if (!sid.isEmpty() && !server.hasApplication(sid)) {
            issues.append({entry.location, entry.writtenName(field.camelName),
                           QStringLiteral("no application %1 on the server").arg(sid)});
        }
    }
    return issues;
}

FormParams createForm(const NumberEntry &entry) {
    FormParams form;
    for (const NumberField &field : numberFields()) {
        if (entry.values.contains(field.camelName)) {
            form.append({field.camelName, entry.values.value(field.camelName)});
        }
    }
    return form;
}

FormParams replaceForm(const NumberEntry &entry) {
    FormParams form;
    for (const NumberField &field : numberFields()) {
        QString value = entry.values.value(field.camelName);
        if (value.isEmpty() && field.kind == FieldKind::Boolean) {
            value = QStringLiteral("false");
        }
        form.append({field.camelName, value});
    }
    return form;
}

FormParams restoreForm(const QJsonObject &serverJson) {
    const QMap<QString, QString> values = valuesFromServerJson(serverJson);
    FormParams form;
    for (const NumberField &field : numberFields()) {
        form.append({field.camelName, values.value(field.camelName)});
    }
    return form;
}

std::variant<QList<ApplyStep>, QList<Issue>> buildPlan(const ImportDocument &document,
                                                       const ServerSnapshot &server,
                                                       const QSet<int> &replaceRows) {
    QList<Issue> issues = document.allIssues();
    QList<ApplyStep> steps;
    for (int row = 0; row < document.entries.size(); ++row) {
        const NumberEntry &entry = document.entries.at(row);
        issues += checkAgainstServer(entry, server);
        ApplyStep step;
        step.row = row;
        step.location = entry.location;
        step.phoneNumber = entry.phoneNumber();
        if (const ServerNumber *existing = server.numberByPhone(step.phoneNumber)) {
            if (!replaceRows.contains(row)) {
                continue;  // skipped: the server keeps its number
            }
            step.kind = ApplyStep::Kind::Replace;
            step.sid = existing->sid;
            step.form = replaceForm(entry);
            step.restoreForm = restoreForm(existing->json);
        } else {
            step.form = createForm(entry);
        }
        steps.append(step);
    }
    if (!issues.isEmpty()) {
        return issues;
    }
    return steps;
}

}  // namespace numcfg
