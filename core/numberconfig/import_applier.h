#pragma once
// Runs an import plan against the server, all or nothing: steps go one at a time in file
// order; when one fails, what was already done is undone in reverse order (created numbers
// deleted, replaced ones put back from the snapshot the plan was built from), and the result
// names the row and field that failed.
#include "numberconfig/import_plan.h"
#include "numberconfig/restcomm_client.h"

#include <QObject>

namespace numcfg {

struct ApplyResult {
    bool applied = false;  // every step done
    int created = 0;
    int replaced = 0;
    // On failure:
    int failedRow = -1;  // index into the document's entries
    QString failedLocation;
    QString failedPhoneNumber;
    QString failedField;           // as the server named it (CamelCase), may be empty
    QString failure;               // the server's answer in words
    int undone = 0;                // steps rolled back
    QStringList rollbackFailures;  // undo steps that failed (the server is then changed!)

    QString summary() const;  // one paragraph for the user
};

class ImportApplier : public QObject {
    Q_OBJECT

  public:
    explicit ImportApplier(RestcommClient &client, QObject *parent = nullptr);

    // Starts applying; ignored (returns false) while a run is going on.
    bool start(const QList<ApplyStep> &steps);
    bool isRunning() const { return running_; }

  signals:
    void progress(int done, int total);
    void finished(const numcfg::ApplyResult &result);

  private:
    struct Undo {
        bool deleteCreated = true;  // else restore `form` on `sid`
        QString sid;
        FormParams form;
        QString phoneNumber;
    };

    void runStep(int index);
    void fail(const ApplyStep &step, const RestReply &reply, const QString &why);
    void runUndo();
    void finish();

    RestcommClient &client_;
    QList<ApplyStep> steps_;
    QList<Undo> undo_;
    ApplyResult result_;
    bool running_ = false;
};

}  // namespace numcfg
