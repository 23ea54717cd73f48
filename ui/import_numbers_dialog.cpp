#include "ui/import_numbers_dialog.h"

#include "numberconfig/exporter.h"
#include "numberconfig/import_parser.h"
#include "ui/save_file.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

namespace {

// Tints rows that cannot be imported; the model itself stays free of colours (Qt Core only).
// Refits the rows of a word-wrapping table when its viewport changes width (a stretched
// column got wider or narrower); QTableView does not redo row heights by itself then.
class RowsFitOnResize : public QObject {
  public:
    explicit RowsFitOnResize(QTableView *table) : QObject(table), table_(table) {}

  protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Resize) {
            // Queued: the header resizes its stretched section after the viewport's event.
            QMetaObject::invokeMethod(table_, &QTableView::resizeRowsToContents,
                                      Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

  private:
    QTableView *table_;
};

class RowTintProxy : public QIdentityProxyModel {
  public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override {
        if (role == Qt::BackgroundRole) {
            const auto action = static_cast<numcfg::ImportPreviewModel::RowAction>(
                QIdentityProxyModel::data(index, numcfg::ImportPreviewModel::RowActionRole)
                    .toInt());
            switch (action) {
                case numcfg::ImportPreviewModel::RowAction::Invalid:
                    return QColor(0xff, 0xe0, 0xe0);
                case numcfg::ImportPreviewModel::RowAction::Create:
                    return QColor(0xe6, 0xf6, 0xe6);
                case numcfg::ImportPreviewModel::RowAction::Replace:
                    return QColor(0xff, 0xf3, 0xd6);
                default:
                    return {};
            }
        }
        return QIdentityProxyModel::data(index, role);
    }
};

}  // namespace

ImportNumbersDialog::ImportNumbersDialog(QWidget *parent)
    : QDialog(parent),
      applier_(client_),
      model_(new numcfg::ImportPreviewModel(this)),
      url_(new QLineEdit),
      accountSid_(new QLineEdit),
      authToken_(new QLineEdit),
      fileLabel_(new QLabel(tr("No file opened."))),
      table_(new QTableView),
      issues_(new QPlainTextEdit),
      status_(new QLabel),
      check_(new QPushButton(tr("Check against server"))),
      apply_(new QPushButton(tr("Apply"))),
      export_(new QPushButton(tr("Export server numbers\u2026"))) {
    setWindowTitle(tr("Import Number Config"));
    url_->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080"));
    accountSid_->setPlaceholderText(QStringLiteral("AC\u2026"));
    authToken_->setEchoMode(QLineEdit::Password);

    auto *server = new QFormLayout;
    server->addRow(tr("Server URL:"), url_);
    server->addRow(tr("AccountSid:"), accountSid_);
    server->addRow(tr("AuthToken:"), authToken_);

    auto *open = new QPushButton(tr("Open file\u2026"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(open);
    fileRow->addWidget(fileLabel_, 1);
    fileLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *proxy = new RowTintProxy(this);
    proxy->setSourceModel(model_);
    table_->setModel(proxy);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    // The problems column takes the width that is left and wraps, and rows grow to fit, so a
    // long message is read whole in its row; the other columns fit their contents.
    table_->horizontalHeader()->setSectionResizeMode(numcfg::ImportPreviewModel::Problems,
                                                     QHeaderView::Stretch);
    table_->setWordWrap(true);
    table_->viewport()->installEventFilter(new RowsFitOnResize(table_));

    issues_->setReadOnly(true);
    issues_->setMaximumBlockCount(2000);
    issues_->setPlaceholderText(tr("Problems found in the file and on the server show here."));
    issues_->setFixedHeight(110);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(check_, QDialogButtonBox::ActionRole);
    buttons->addButton(export_, QDialogButtonBox::ActionRole);
    buttons->addButton(apply_, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(server);
    layout->addLayout(fileRow);
    layout->addWidget(table_, 1);
    layout->addWidget(new QLabel(tr("Problems:")));
    layout->addWidget(issues_);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    resize(1120, 600);  // room for a whole problem message in the table

    connect(open, &QPushButton::clicked, this, &ImportNumbersDialog::chooseFile);
    connect(check_, &QPushButton::clicked, this, &ImportNumbersDialog::checkServer);
    connect(apply_, &QPushButton::clicked, this, &ImportNumbersDialog::applyImport);
    connect(export_, &QPushButton::clicked, this, &ImportNumbersDialog::chooseExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&applier_, &numcfg::ImportApplier::finished, this, &ImportNumbersDialog::onApplied);
    connect(model_, &QAbstractItemModel::dataChanged, this, [this] {
        updateButtons();
        showReadyStatus();  // a ticked or cleared "replace" changes the count
        table_->resizeColumnToContents(numcfg::ImportPreviewModel::Action);
    });
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        refreshIssues();
        updateButtons();
        for (int column = 0; column < numcfg::ImportPreviewModel::Problems; ++column) {
            table_->resizeColumnToContents(column);
        }
        table_->resizeRowsToContents();
    });
    for (QLineEdit *edit : {url_, accountSid_, authToken_}) {
        connect(edit, &QLineEdit::textEdited, this, [this] {
            model_->clearServer();  // the preview no longer describes the server named
        });
    }
    updateButtons();
}

void ImportNumbersDialog::setServerSettings(const numcfg::ServerSettings &settings) {
    url_->setText(settings.baseUrl.toString());
    accountSid_->setText(settings.accountSid);
    authToken_->setText(settings.authToken);
    model_->clearServer();
}

numcfg::ServerSettings ImportNumbersDialog::serverSettings() const {
    return {QUrl::fromUserInput(url_->text().trimmed()), accountSid_->text().trimmed(),
            authToken_->text()};
}

QString ImportNumbersDialog::statusText() const {
    return status_->text();
}

QString ImportNumbersDialog::issuesText() const {
    return issues_->toPlainText();
}

void ImportNumbersDialog::setStatus(const QString &text, bool error) {
    status_->setText(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void ImportNumbersDialog::setBusy(bool busy) {
    busy_ = busy;
    updateButtons();
}

void ImportNumbersDialog::updateButtons() {
    const auto plan = model_->plan();
    const bool planOk = std::holds_alternative<QList<numcfg::ApplyStep>>(plan) &&
                        !std::get<QList<numcfg::ApplyStep>>(plan).isEmpty();
    apply_->setEnabled(!busy_ && fileLoaded_ && planOk);
    check_->setEnabled(!busy_);
    export_->setEnabled(!busy_);
}

void ImportNumbersDialog::showReadyStatus() {
    const auto plan = model_->plan();
    if (!fileLoaded_ || busy_ || !std::holds_alternative<QList<numcfg::ApplyStep>>(plan)) {
        return;
    }
    const int steps = int(std::get<QList<numcfg::ApplyStep>>(plan).size());
    setStatus(tr("Ready: %n change(s) to apply. Existing numbers are skipped unless their "
                 "Action box is checked (replace).",
                 nullptr, steps),
              false);
}

void ImportNumbersDialog::refreshIssues() {
    QStringList lines;
    for (const numcfg::Issue &issue : model_->allIssues()) {
        lines.append(issue.text());
    }
    for (const QString &note : model_->document().notes) {
        lines.append(tr("note: %1").arg(note));
    }
    issues_->setPlainText(lines.join(u'\n'));
}

bool ImportNumbersDialog::loadFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setStatus(tr("Cannot read %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    constexpr qint64 kMaxBytes = 16 * 1024 * 1024;
    if (file.size() > kMaxBytes) {
        setStatus(tr("%1 is larger than 16 MiB; not a number list").arg(path), true);
        return false;
    }
    const numcfg::ImportDocument document = numcfg::parseImportFile(file.readAll());
    filePath_ = path;
    fileLoaded_ = true;
    fileLabel_->setText(tr("%1 (%2, %n number(s))", nullptr, int(document.entries.size()))
                            .arg(QFileInfo(path).fileName(), numcfg::formatName(document.format)));
    model_->setDocument(document);
    const int problems = int(model_->allIssues().size());
    setStatus(problems == 0 ? tr("File read. Checking against the server\u2026")
                            : tr("The file has %n problem(s); nothing can be imported until "
                                 "they are fixed.",
                                 nullptr, problems),
              problems != 0);
    checkServer();
    return true;
}

void ImportNumbersDialog::checkServer() {
    const numcfg::ServerSettings settings = serverSettings();
    if (!settings.baseUrl.isValid() || settings.baseUrl.host().isEmpty() ||
        settings.accountSid.isEmpty()) {
        setStatus(tr("Enter the server URL, AccountSid and AuthToken."), true);
        emit serverChecked(false);
        return;
    }
    client_.setSettings(settings);
    setBusy(true);
    client_.fetchSnapshot([this](const std::variant<numcfg::ServerSnapshot, QString> &result) {
        setBusy(false);
        if (const QString *error = std::get_if<QString>(&result)) {
            model_->clearServer();
            setStatus(tr("Server check failed: %1").arg(*error), true);
            emit serverChecked(false);
            return;
        }
        model_->setServer(std::get<numcfg::ServerSnapshot>(result));
        if (!afterCheckStatus_.isEmpty()) {
            setStatus(afterCheckStatus_, false);  // the import's result stays readable
            afterCheckStatus_.clear();
        } else if (fileLoaded_) {
            const int problems = int(model_->allIssues().size());
            if (problems > 0) {
                setStatus(tr("%n problem(s) found; fix the file and open it again. Nothing "
                             "was changed on the server.",
                             nullptr, problems),
                          true);
            } else {
                showReadyStatus();
            }
        } else {
            setStatus(tr("Server read: %1 number(s), %2 application(s).")
                          .arg(model_->server()->numbers.size())
                          .arg(model_->server()->applications.size()),
                      false);
        }
        updateButtons();
        emit serverChecked(true);
    });
}

void ImportNumbersDialog::reject() {
    if (applier_.isRunning()) {
        setStatus(tr("Please wait: the import is running and is rolled back if it fails."), true);
        return;
    }
    QDialog::reject();
}

void ImportNumbersDialog::applyImport() {
    if (busy_) {
        return;
    }
    const auto plan = model_->plan();
    if (const auto *issues = std::get_if<QList<numcfg::Issue>>(&plan)) {
        QStringList lines;
        for (const numcfg::Issue &issue : *issues) {
            lines.append(issue.text());
        }
        setStatus(tr("Not applied: %1").arg(lines.join(QStringLiteral("; "))), true);
        return;
    }
    const auto steps = std::get<QList<numcfg::ApplyStep>>(plan);
    if (steps.isEmpty()) {
        setStatus(tr("Nothing to apply: every number exists and is skipped."), false);
        return;
    }
    setBusy(true);
    setStatus(tr("Applying %n change(s)\u2026", nullptr, int(steps.size())), false);
    applier_.start(steps);
}

void ImportNumbersDialog::onApplied(const numcfg::ApplyResult &result) {
    setBusy(false);
    setStatus(result.summary(), !result.applied);
    if (!result.applied && result.failedRow >= 0) {
        table_->selectRow(result.failedRow);
    }
    emit applyFinished(result);
    if (result.applied) {
        afterCheckStatus_ = result.summary();
        checkServer();  // the preview now shows the numbers as existing
    }
}

void ImportNumbersDialog::exportServerNumbers(const QString &path, ExportFormat format) {
    client_.setSettings(serverSettings());
    setBusy(true);
    client_.fetchSnapshot(
        [this, path, format](const std::variant<numcfg::ServerSnapshot, QString> &result) {
            setBusy(false);
            if (const QString *error = std::get_if<QString>(&result)) {
                setStatus(tr("Export failed: %1").arg(*error), true);
                emit exportFinished(false, *error);
                return;
            }
            const auto &server = std::get<numcfg::ServerSnapshot>(result);
            QByteArray bytes;
            switch (format) {
                case ExportFormat::RestcommJson:
                    bytes = numcfg::exportRestcommPage(server, serverSettings().accountSid);
                    break;
                case ExportFormat::OwnExport:
                    bytes = numcfg::exportOwn(server);
                    break;
                case ExportFormat::Csv:
                    bytes = numcfg::exportCsv(server);
                    break;
            }
            if (const auto error = saveWholeFile(path, bytes)) {
                setStatus(tr("Export failed: %1").arg(*error), true);
                emit exportFinished(false, *error);
                return;
            }
            const QString message =
                tr("Exported %n number(s) to %1.", nullptr, int(server.numbers.size())).arg(path);
            setStatus(message, false);
            emit exportFinished(true, message);
        });
}

void ImportNumbersDialog::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open number config"), QString(),
        tr("Number configs (*.json *.csv);;JSON (*.json);;CSV (*.csv);;All files (*)"));
    if (!path.isEmpty()) {
        loadFile(path);
    }
}

void ImportNumbersDialog::chooseExport() {
    QMenu menu(this);
    QAction *page = menu.addAction(tr("Restcomm IncomingPhoneNumbers JSON"));
    QAction *own = menu.addAction(tr("ReferPhone export (JSON)"));
    menu.addAction(tr("CSV"));
    QAction *chosen = menu.exec(export_->mapToGlobal(QPoint(0, export_->height())));
    if (!chosen) {
        return;
    }
    const ExportFormat format = chosen == page  ? ExportFormat::RestcommJson
                                : chosen == own ? ExportFormat::OwnExport
                                                : ExportFormat::Csv;
    const QString suggested = format == ExportFormat::Csv ? QStringLiteral("numbers.csv")
                                                          : QStringLiteral("numbers.json");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export numbers"), suggested);
    if (!path.isEmpty()) {
        exportServerNumbers(path, format);
    }
}

}  // namespace ui
