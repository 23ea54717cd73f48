#include "ui/lab_window.h"

#include "ui/import_numbers_dialog.h"
#include "ui/ladder_panel.h"

#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace ui {

LabWindow::LabWindow(LabEngineFactory engineFactory, QWidget *parent)
    : QMainWindow(parent),
      numbers_(client_),
      phones_(std::move(engineFactory)),
      phonesRow_(new QWidget),
      numbersView_(new QTableView),
      ladder_(new LadderPanel(&flow_)),
      status_(new QLabel) {
    setWindowTitle(tr("ReferPhone \u2014 Transfer Lab"));
    QToolBar *toolbar = addToolBar(tr("Lab"));
    toolbar->setMovable(false);
    start_ = toolbar->addAction(tr("Start mini-restcomm"), this, &LabWindow::startServer);
    stop_ = toolbar->addAction(tr("Stop mini-restcomm"), this, &LabWindow::stopServer);
    toolbar->addSeparator();
    import_ =
        toolbar->addAction(tr("Import Number Config\u2026"), this, &LabWindow::openImportDialog);
    toolbar->addAction(tr("Reload numbers"), &numbers_, &numcfg::ServerNumbersModel::reload);
    stop_->setEnabled(false);
    import_->setEnabled(false);

    // The Lab is about the transfer's messages: the relay's media notes only on request.
    flow_.setKindShown(flow::EntryKind::Media, false);

    numbersView_->setModel(&numbers_);
    numbersView_->horizontalHeader()->setStretchLastSection(true);
    numbersView_->setWordWrap(false);  // one line per number; columns fit their contents
    numbersView_->setEditTriggers(QAbstractItemView::DoubleClicked |
                                  QAbstractItemView::EditKeyPressed);
    numbersView_->setToolTip(tr("Double-click a cell to change it on the server."));

    auto *numbersBox = new QWidget;
    auto *numbersLayout = new QVBoxLayout(numbersBox);
    numbersLayout->setContentsMargins(6, 6, 6, 0);
    numbersLayout->addWidget(new QLabel(tr("Numbers on mini-restcomm:")));
    numbersLayout->addWidget(numbersView_);

    // The phones side by side on top (hidden until the server is ready and they exist), then
    // the numbers, then the ladder across the whole width.
    phonesRow_->setObjectName(QStringLiteral("labPhones"));
    phonesRow_->hide();
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(phonesRow_);
    splitter->addWidget(numbersBox);
    splitter->addWidget(ladder_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 3);
    setCentralWidget(splitter);
    statusBar()->addWidget(status_, 1);
    resize(1300, 800);

    connect(&launcher_, &lab::MiniRestcommLauncher::ready, this, &LabWindow::onReady);
    connect(&launcher_, &lab::MiniRestcommLauncher::failed, this, [this](const QString &message) {
        stream_.stop();
        start_->setEnabled(true);
        stop_->setEnabled(false);
        import_->setEnabled(false);
        setStatus(message, true);
    });
    connect(&launcher_, &lab::MiniRestcommLauncher::stopped, this, [this] {
        stream_.stop();
        start_->setEnabled(true);
        stop_->setEnabled(false);
        import_->setEnabled(false);
        setStatus(tr("mini-restcomm stopped."), false);
    });
    connect(&stream_, &flow::EventStreamClient::eventReceived, &flow_, &flow::FlowModel::addEvent);
    connect(&numbers_, &numcfg::ServerNumbersModel::loadFailed, this,
            [this](const QString &message) { setStatus(message, true); });
    connect(&numbers_, &numcfg::ServerNumbersModel::editFailed, this,
            [this](const QString &message) { setStatus(message, true); });
    connect(&numbers_, &numcfg::ServerNumbersModel::loaded, this,
            [this] { numbersView_->resizeColumnsToContents(); });
    // An edited URL is usually longer than the app name it replaced: show it whole.
    connect(&numbers_, &QAbstractItemModel::dataChanged, this,
            [this] { numbersView_->resizeColumnsToContents(); });
}

LabWindow::~LabWindow() {
    // The launcher is destroyed last and may still report its process's end from its
    // destructor; the handlers below use members that are gone by then.
    disconnect(&launcher_, nullptr, this, nullptr);
}

QString LabWindow::statusText() const {
    return status_->text();
}

void LabWindow::setStatus(const QString &text, bool error) {
    status_->setText(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void LabWindow::closeEvent(QCloseEvent *event) {
    QMainWindow::closeEvent(event);
    if (event->isAccepted()) {
        emit closed();
    }
}

void LabWindow::startServer() {
    start_->setEnabled(false);
    setStatus(tr("Starting mini-restcomm\u2026"), false);
    launcher_.start();
}

void LabWindow::stopServer() {
    stop_->setEnabled(false);
    launcher_.stop();
}

void LabWindow::onReady(const lab::MiniRestcommEndpoints &endpoints) {
    client_.setSettings({QUrl(QStringLiteral("http://") + endpoints.httpHostPort),
                         endpoints.accountSid, endpoints.authToken});
    // New phones for each server run: its SIP address may have changed.
    phones_.create(endpoints.sipHostPort, phonesRow_);
    if (!phones_.isEmpty()) {
        phonesRow_->show();
        // Three phone panels need more room than the numbers and ladder alone.
        if (!isMaximized() && !isFullScreen()) {
            resize(qMax(width(), 1800), qMax(height(), 1150));
        }
        // Room for the phones' call lists, the numbers' rows, and the rest for the ladder.
        if (auto *splitter = qobject_cast<QSplitter *>(centralWidget())) {
            const int total = splitter->height() > 0 ? splitter->height() : height();
            splitter->setSizes({total * 45 / 100, total * 15 / 100, total * 40 / 100});
        }
    }
    flow::LaneMap lanes;
    lanes.setLane(endpoints.sipHostPort, flow::kServerLane);
    phones_.addLanes(&lanes);
    flow_.setLaneMap(lanes);
    flow_.clear();  // a new server run starts its seq at 1 again
    stream_.start(QUrl(QStringLiteral("http://") + endpoints.httpHostPort));
    numbers_.reload();
    stop_->setEnabled(true);
    import_->setEnabled(true);
    setStatus(tr("mini-restcomm running: SIP %1, HTTP %2, AccountSid %3")
                  .arg(endpoints.sipHostPort, endpoints.httpHostPort, endpoints.accountSid),
              false);
}

QJsonObject LabWindow::handleRequest(const phone::InstanceRequest &request) {
    if (request.command == phone::InstanceRequest::Command::Show ||
        request.command == phone::InstanceRequest::Command::Lab) {
        showNormal();
        raise();
        activateWindow();
        return {{QStringLiteral("ok"), true},
                {QStringLiteral("message"),
                 tr("The Transfer Lab is already running; its window was raised.")}};
    }
    return phones_.handleRequest(request);
}

void LabWindow::openImportDialog() {
    auto *dialog = new ImportNumbersDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setServerSettings(client_.settings());
    connect(dialog, &ImportNumbersDialog::applyFinished, &numbers_,
            &numcfg::ServerNumbersModel::reload);
    dialog->show();
}

}  // namespace ui
