#include "numberconfig/import_applier.h"

#include <QJsonObject>

namespace numcfg {

QString ApplyResult::summary() const {
    if (applied) {
        return QObject::tr("Imported: %1 created, %2 replaced.").arg(created).arg(replaced);
    }
    QString text = QObject::tr("Import failed at %1 (%2)").arg(failedLocation, failedPhoneNumber);
    if (!failedField.isEmpty()) {
        text += QObject::tr(", field %1").arg(failedField);
    }
    text += QStringLiteral(": ") + failure + QStringLiteral(". ");
    if (rollbackFailures.isEmpty()) {
        text += undone == 0
                    ? QObject::tr("Nothing had been changed on the server.")
                    : QObject::tr("Rolled back %1 change(s); the server is as it was.").arg(undone);
    } else {
        text += QObject::tr("Roll-back incomplete, the server still differs: %1")
                    .arg(rollbackFailures.join(QStringLiteral("; ")));
    }
    return text;
}

ImportApplier::ImportApplier(RestcommClient &client, QObject *parent)
    : QObject(parent), client_(client) {}

bool ImportApplier::start(const QList<ApplyStep> &steps) {
    if (running_) {
        return false;
    }
    running_ = true;
    steps_ = steps;
    undo_.clear();
    result_ = ApplyResult{};
    runStep(0);
    return true;
}

void ImportApplier::runStep(int index) {
    emit progress(index, int(steps_.size()));
    if (index >= steps_.size()) {
        result_.applied = true;
        finish();
        return;
    }
    const ApplyStep step = steps_.at(index);
    if (step.kind == ApplyStep::Kind::Create) {
        client_.createNumber(step.form, [this, step, index](const RestReply &reply) {
            const QString sid = reply.json().object().value(QStringLiteral("sid")).toString();
            if (!reply.ok() || sid.isEmpty()) {
                fail(step, reply,
                     reply.ok() ? tr("the server's answer holds no sid") : reply.describe());
                return;
            }
            undo_.append({true, sid, {}, step.phoneNumber});
            ++result_.created;
            runStep(index + 1);
        });
    } else {
        client_.updateNumber(step.sid, step.form, [this, step, index](const RestReply &reply) {
            if (!reply.ok()) {
                fail(step, reply, reply.describe());
                return;
            }
            undo_.append({false, step.sid, step.restoreForm, step.phoneNumber});
            ++result_.replaced;
            runStep(index + 1);
        });
    }
}

void ImportApplier::fail(const ApplyStep &step, const RestReply &reply, const QString &why) {
    result_.failedRow = step.row;
    result_.failedLocation = step.location;
    result_.failedPhoneNumber = step.phoneNumber;
    result_.failedField = reply.field();
    result_.failure = why;
    runUndo();
}

void ImportApplier::runUndo() {
    if (undo_.isEmpty()) {
        finish();
        return;
    }
    const Undo undo = undo_.takeLast();
    auto next = [this, undo](const RestReply &reply) {
        if (reply.ok()) {
            ++result_.undone;
        } else {
            result_.rollbackFailures.append(
                tr("%1 %2: %3")
                    .arg(undo.deleteCreated ? tr("deleting created") : tr("restoring replaced"),
                         undo.phoneNumber, reply.describe()));
        }
        runUndo();
    };
    if (undo.deleteCreated) {
        client_.deleteNumber(undo.sid, next);
    } else {
        client_.updateNumber(undo.sid, undo.form, next);
    }
}

void ImportApplier::finish() {
    running_ = false;
    emit finished(result_);
}

}  // namespace numcfg
