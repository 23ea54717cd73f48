#pragma once
// Import Number Config: open a Restcomm IncomingPhoneNumbers JSON, a ReferPhone export or a
// CSV file, preview every entry with its problems and what will happen on the server
// (create / skip / replace, per row), then apply all of it or nothing through the REST API.
// Export writes the server's numbers in the same three formats.
#include "numberconfig/import_applier.h"
#include "numberconfig/import_preview_model.h"
#include "numberconfig/restcomm_client.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace ui {

class ImportNumbersDialog : public QDialog {
    Q_OBJECT

  public:
    enum class ExportFormat { RestcommJson, OwnExport, Csv };

    explicit ImportNumbersDialog(QWidget *parent = nullptr);

    void setServerSettings(const numcfg::ServerSettings &settings);
    numcfg::ServerSettings serverSettings() const;

    // Reads and previews `path`, then checks it against the server. False when unreadable.
    bool loadFile(const QString &path);
    // Re-reads the server's numbers and applications and re-checks the preview.
    void checkServer();
    // Applies the preview (only when it has no problem left).
    void applyImport();
    // Reads the server and writes its numbers to `path` (finished by exportFinished).
    void exportServerNumbers(const QString &path, ExportFormat format);

    numcfg::ImportPreviewModel *previewModel() const { return model_; }
    QTableView *table() const { return table_; }
    QPushButton *applyButton() const { return apply_; }
    QString statusText() const;
    QString issuesText() const;
    bool isBusy() const { return busy_; }

  public slots:
    // Refused while an import runs: it must finish or roll back first.
    void reject() override;

  signals:
    void serverChecked(bool ok);
    void applyFinished(const numcfg::ApplyResult &result);
    void exportFinished(bool ok, const QString &message);

  private:
    void setBusy(bool busy);
    void setStatus(const QString &text, bool error);
    void refreshIssues();
    void showReadyStatus();
    void updateButtons();
    void chooseFile();
    void chooseExport();
    void onApplied(const numcfg::ApplyResult &result);

    numcfg::RestcommClient client_;
    numcfg::ImportApplier applier_;
    numcfg::ImportPreviewModel *model_;
    QLineEdit *url_;
    QLineEdit *accountSid_;
    QLineEdit *authToken_;
    QLabel *fileLabel_;
    QTableView *table_;
    QPlainTextEdit *issues_;
    QLabel *status_;
    QPushButton *check_;
    QPushButton *apply_;
    QPushButton *export_;
    QString filePath_;
    QString afterCheckStatus_;  // shown once the re-check after an import has finished
    bool busy_ = false;
    bool fileLoaded_ = false;
};

}  // namespace ui
