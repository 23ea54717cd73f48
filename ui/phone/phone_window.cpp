#include "ui/phone/phone_window.h"

#include "ui/phone/accounts_model.h"
#include "ui/phone/call_actions.h"
#include "ui/phone/call_history_model.h"
#include "ui/phone/calls_model.h"
#include "ui/phone/contacts_model.h"
#include "ui/phone/dial_pad.h"
#include "ui/phone/incoming_call_alert.h"
#include "ui/phone/phone_session.h"
#include "ui/phone/settings_dialog.h"
#include "ui/phone/target_completion.h"
#include "ui/phone/transfer_dialog.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace phone {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent, const QString &name) {
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    return view;
}

}  // namespace

PhoneWindow::PhoneWindow(PhoneSession *session, QWidget *parent)
    : QMainWindow(parent),
      session_(session),
      completion_(new TargetCompletionModel(session->contacts(), session->history(), this)) {
    setObjectName(QStringLiteral("phoneWindow"));
    setWindowTitle(tr("ReferPhone"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    accountsView_ = makeTable(session_->accounts(), central, QStringLiteral("accountsView"));
    accountsView_->setSelectionMode(QAbstractItemView::NoSelection);
    accountsView_->setFocusPolicy(Qt::NoFocus);
    accountsView_->horizontalHeader()->setSectionResizeMode(AccountsModel::Account,
                                                            QHeaderView::ResizeToContents);
    accountsView_->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    connect(session_->accounts(), &QAbstractItemModel::modelReset, this,
            &PhoneWindow::fitAccountsView);
    fitAccountsView();
    layout->addWidget(accountsView_);
    pad_ = new DialPad(central);
    pad_->setMaximumWidth(260);
    pad_->hide();
    layout->addWidget(makeDialRow());
    layout->addWidget(pad_, 0, Qt::AlignHCenter);

    auto *splitter = new QSplitter(Qt::Vertical, central);
    splitter->addWidget(makeCallsView());
    splitter->addWidget(makeLists());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    statusLabel_ = new QLabel(this);
    statusLabel_->setObjectName(QStringLiteral("phoneStatus"));
    statusBar()->addWidget(statusLabel_, 1);
    makeMenus();

    alert_ = new IncomingCallAlert(session_->calls(), this, this);
    alert_->setRingtone(session_->config().ringtoneEnabled, session_->config().audio.outputId);
    connect(session_, &PhoneSession::configChanged, this, [this] {
        alert_->setRingtone(session_->config().ringtoneEnabled, session_->config().audio.outputId);
    });
    connect(session_, &PhoneSession::problem, this, &PhoneWindow::showProblem);
    connect(session_->passwords(), &PasswordStore::backendChanged, this,
            [this] { showProblem(session_->passwords()->backendDescription()); });
    connect(
        session_->engine(), &engine::Engine::statusChanged, this,
        [this](engine::EngineStatus status, const QString &message) {
            if (status != engine::EngineStatus::Running) {
                engineStatusText_ =
                    tr("Phone engine %1: %2").arg(engine::describe(status), message);
                showProblem(engineStatusText_);
            } else if (!engineStatusText_.isEmpty() && statusLabel_->text() == engineStatusText_) {
                // "starting baresip" must not stay up once it runs; other news stays.
                engineStatusText_.clear();
                showProblem(tr("Ready"));
            }
        });
    resize(900, 640);
}

PhoneWindow::~PhoneWindow() = default;

QWidget *PhoneWindow::makeDialRow() {
    auto *row = new QWidget(this);
    accountCombo_ = new QComboBox(row);
    accountCombo_->setObjectName(QStringLiteral("dialAccount"));
    accountCombo_->setModel(session_->accounts());
    accountCombo_->setModelColumn(AccountsModel::Account);
    accountCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    accountCombo_->setToolTip(tr("The account the call goes out on"));
    connect(session_, &PhoneSession::accountsChanged, this, [this] {
        if (accountCombo_->currentIndex() < 0 && accountCombo_->count() > 0) {
            accountCombo_->setCurrentIndex(
                qMax(0, session_->accounts()->rowOfAor(session_->defaultAccountAor())));
        }
    });
    dialField_ = new QLineEdit(row);
    dialField_->setObjectName(QStringLiteral("dialField"));
    dialField_->setPlaceholderText(tr("Number, name or sip: address — Enter to call (Ctrl+L)"));
    dialField_->setClearButtonEnabled(true);
    attachTargetCompleter(dialField_, completion_);
    connect(dialField_, &QLineEdit::returnPressed, this, &PhoneWindow::dialTyped);
    auto *call = new QPushButton(tr("&Call"), row);
    call->setObjectName(QStringLiteral("callButton"));
    connect(call, &QPushButton::clicked, this, &PhoneWindow::dialTyped);
    padToggle_ = new QToolButton(row);
    padToggle_->setText(tr("Keypad"));
    padToggle_->setToolTip(tr("Show the keypad (Ctrl+K); in a call it sends DTMF"));
    padToggle_->setCheckable(true);
    connect(padToggle_, &QToolButton::toggled, this, [this](bool on) { pad_->setVisible(on); });
    connect(pad_, &DialPad::digitPressed, this, &PhoneWindow::onPadDigit);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("From:"), row));
    layout->addWidget(accountCombo_);
    layout->addWidget(dialField_, 1);
    layout->addWidget(call);
    layout->addWidget(padToggle_);
    return row;
}

QWidget *PhoneWindow::makeCallsView() {
    callsView_ = makeTable(session_->calls(), this, QStringLiteral("callsView"));
    callsView_->setAlternatingRowColors(false);
    callsView_->horizontalHeader()->setSectionResizeMode(CallsModel::Peer,
                                                         QHeaderView::ResizeToContents);
    callsView_->horizontalHeader()->setSectionResizeMode(CallsModel::State, QHeaderView::Stretch);
    callsView_->horizontalHeader()->setSectionResizeMode(CallsModel::Duration,
                                                         QHeaderView::ResizeToContents);
    // Sized by hand from the row widgets (fitActionsColumn): the header does not see their
    // size change when a button appears.
    callsView_->horizontalHeader()->setSectionResizeMode(CallsModel::Actions, QHeaderView::Fixed);
    // Queued: the row widgets update their buttons on the same signal, and must go first.
    connect(session_->calls(), &QAbstractItemModel::dataChanged, this,
            &PhoneWindow::fitActionsColumn, Qt::QueuedConnection);
    connect(session_->calls(), &QAbstractItemModel::rowsRemoved, this,
            &PhoneWindow::fitActionsColumn, Qt::QueuedConnection);
    callsView_->horizontalHeader()->setStretchLastSection(false);
    callsView_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    callsView_->installEventFilter(this);
    callsView_->setToolTip(tr("Type digits here to send them as DTMF to the selected call"));
    connect(session_->calls(), &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { placeCallActions(first, last); });
    connect(session_->calls(), &QAbstractItemModel::modelReset, this,
            [this] { placeCallActions(0, session_->calls()->rowCount() - 1); });
    // Select a newly added call: it is the one the user will act on next.
    connect(session_->calls(), &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int, int last) { callsView_->selectRow(last); });
    placeCallActions(0, session_->calls()->rowCount() - 1);
    return callsView_;
}

void PhoneWindow::placeCallActions(int first, int last) {
    CallsModel *calls = session_->calls();
    for (int row = first; row <= last && row < calls->rowCount(); ++row) {
        auto *actions = new CallActions(session_, calls->row(row).info.key, callsView_);
        connect(actions, &CallActions::transferRequested, this,
                [this](const engine::CallKey &key) { openTransferDialog(key); });
        connect(actions, &CallActions::problem, this, &PhoneWindow::showProblem);
        callsView_->setIndexWidget(calls->index(row, CallsModel::Actions), actions);
    }
    fitActionsColumn();
}

void PhoneWindow::fitActionsColumn() {
    int width = callsView_->fontMetrics().horizontalAdvance(
                    session_->calls()->headerData(CallsModel::Actions, Qt::Horizontal).toString()) +
                24;
    for (int row = 0; row < session_->calls()->rowCount(); ++row) {
        if (QWidget *actions =
                callsView_->indexWidget(session_->calls()->index(row, CallsModel::Actions))) {
            actions->layout()->invalidate();
            width = qMax(width, actions->sizeHint().width());
        }
    }
    callsView_->setColumnWidth(CallsModel::Actions, width);
}

void PhoneWindow::fitAccountsView() {
    // Exactly the rows there are (one to three), so the calls get the room.
    const int rows = qBound(1, session_->accounts()->rowCount(), 3);
    const int rowHeight = accountsView_->verticalHeader()->defaultSectionSize();
    accountsView_->setFixedHeight(accountsView_->horizontalHeader()->sizeHint().height() +
                                  rows * rowHeight + 2 * accountsView_->frameWidth());
}

QWidget *PhoneWindow::makeLists() {
    lists_ = new QTabWidget(this);
    historyView_ = makeTable(session_->history(), lists_, QStringLiteral("historyView"));
    historyView_->horizontalHeader()->setStretchLastSection(true);
    historyView_->setToolTip(tr("Double-click to call again"));
    // Every column fits its text; the outcome takes the rest of the width.
    const auto fitHistory = [this] {
        for (int column = 0; column < CallHistoryModel::Outcome; ++column) {
            historyView_->resizeColumnToContents(column);
        }
    };
    connect(session_->history(), &QAbstractItemModel::rowsInserted, historyView_, fitHistory);
    connect(session_->history(), &QAbstractItemModel::modelReset, historyView_, fitHistory);
    connect(historyView_, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        dialField_->setText(index.data(CallHistoryModel::TargetRole).toString());
        dialTyped();
    });
    lists_->addTab(historyView_, tr("&History"));

    auto *contactsPage = new QWidget(lists_);
    contactsView_ = makeTable(session_->contacts(), contactsPage, QStringLiteral("contactsView"));
    contactsView_->horizontalHeader()->setSectionResizeMode(ContactsModel::Name,
                                                            QHeaderView::ResizeToContents);
    contactsView_->setEditTriggers(QAbstractItemView::EditKeyPressed |
                                   QAbstractItemView::SelectedClicked);
    contactsView_->setToolTip(tr("Double-click to call, F2 to edit"));
    connect(contactsView_, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        dialField_->setText(index.data(ContactsModel::TargetRole).toString());
        dialTyped();
    });
    auto *add = new QPushButton(tr("Add contact"), contactsPage);
    auto *remove = new QPushButton(tr("Remove"), contactsPage);
    connect(add, &QPushButton::clicked, this, [this] {
        // Pre-filled from the dial field, so "type number, Add contact" works.
        const QString target = dialField_->text().trimmed();
        session_->contacts()->addContact(
            {tr("New contact"), target.isEmpty() ? QStringLiteral("1000") : target});
        const QModelIndex name =
            session_->contacts()->index(session_->contacts()->rowCount() - 1, 0);
        contactsView_->setCurrentIndex(name);
        contactsView_->edit(name);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = contactsView_->currentIndex();
        if (current.isValid()) {
            session_->contacts()->removeRows(current.row(), 1);
        }
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *contactsLayout = new QVBoxLayout(contactsPage);
    contactsLayout->setContentsMargins(0, 0, 0, 0);
    contactsLayout->addWidget(contactsView_);
    contactsLayout->addLayout(buttons);
    lists_->addTab(contactsPage, tr("C&ontacts"));
    return lists_;
}

void PhoneWindow::makeMenus() {
    QMenu *phoneMenu = menuBar()->addMenu(tr("&Phone"));
    QAction *settings = phoneMenu->addAction(tr("&Settings…"), this, [this] {
        SettingsDialog dialog(session_, this);
        dialog.exec();
    });
    settings->setShortcut(QKeySequence::Preferences);
    settings->setShortcuts({QKeySequence(tr("Ctrl+,")), QKeySequence::Preferences});
    transferLab_ = phoneMenu->addAction(tr("Transfer &Lab…"), QKeySequence(tr("Ctrl+Shift+L")),
                                        this, &PhoneWindow::transferLabRequested);
    transferLab_->setToolTip(
        tr("Open the Transfer Lab: a local mini-restcomm, three phones and "
           "the live ladder of a blind transfer."));
    transferLab_->setVisible(false);
    phoneMenu->addSeparator();
    phoneMenu->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    QMenu *callMenu = menuBar()->addMenu(tr("&Call"));
    const auto add = [this, callMenu](const QString &text, const QKeySequence &keys, auto &&slot) {
        QAction *action = callMenu->addAction(text);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(tr("Focus the dial field"), QKeySequence(tr("Ctrl+L")), [this] {
        dialField_->setFocus();
        dialField_->selectAll();
    });
    add(tr("Show the keypad"), QKeySequence(tr("Ctrl+K")), [this] { padToggle_->toggle(); });
    callMenu->addSeparator();
    add(tr("&Answer"), QKeySequence(tr("Ctrl+Shift+A")), [this] {
        const auto ringing = session_->firstRingingCall();
        if (ringing) {
            const engine::EngineError error = session_->answer(*ringing);
            if (error.isError()) {
                showProblem(error.message);
            }
        } else {
            showProblem(tr("No call is ringing."));
        }
    });
    add(tr("&Decline"), QKeySequence(tr("Ctrl+Shift+D")),
        [this] { runOnTargetCall([this](const auto &key) { return session_->decline(key); }); });
    add(tr("&Hang up"), QKeySequence(tr("Ctrl+Shift+E")),
        [this] { runOnTargetCall([this](const auto &key) { return session_->hangup(key); }); });
    add(tr("Hold / &Resume"), QKeySequence(tr("Ctrl+Shift+H")),
        [this] { runOnTargetCall([this](const auto &key) { return session_->toggleHold(key); }); });
    add(tr("&Mute / Unmute"), QKeySequence(tr("Ctrl+Shift+M")),
        [this] { runOnTargetCall([this](const auto &key) { return session_->toggleMute(key); }); });
    add(tr("Blind &Transfer…"), QKeySequence(tr("Ctrl+Shift+T")), [this] {
        const auto call = targetCall();
        if (!call || !openTransferDialog(*call)) {
            showProblem(tr("Blind Transfer needs an established call."));
        }
    });
}

std::optional<engine::CallKey> PhoneWindow::targetCall() const {
    const QModelIndex current = callsView_->currentIndex();
    if (current.isValid() && current.row() < session_->calls()->rowCount()) {
        return session_->calls()->row(current.row()).info.key;
    }
    return session_->currentCall();
}

void PhoneWindow::runOnTargetCall(
    const std::function<engine::EngineError(const engine::CallKey &)> &command) {
    const auto call = targetCall();
    if (!call) {
        showProblem(tr("There is no call."));
        return;
    }
    const engine::EngineError error = command(*call);
    if (error.isError()) {
        showProblem(error.message);
    }
}

CallActions *PhoneWindow::actionsFor(const engine::CallKey &call) const {
    const int row = session_->calls()->rowOf(call);
    if (row < 0) {
        return nullptr;
    }
    return qobject_cast<CallActions *>(
        callsView_->indexWidget(session_->calls()->index(row, CallsModel::Actions)));
}

TransferDialog *PhoneWindow::openTransferDialog(const engine::CallKey &call) {
    if (auto open = transferDialogs_.value(call.callId)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    const int row = session_->calls()->rowOf(call);
    if (row < 0 || !session_->calls()->row(row).canTransfer()) {
        return nullptr;
    }
    auto *dialog = new TransferDialog(session_, call, completion_, this);
    transferDialogs_.insert(call.callId, dialog);
    dialog->show();
    dialog->targetField()->setFocus();
    return dialog;
}

void PhoneWindow::setExtraTargets(const QStringList &targets) {
    completion_->setExtraTargets(targets);
}

void PhoneWindow::offerTransferLab() {
    transferLab_->setVisible(true);
}

QString PhoneWindow::statusMessage() const {
    return statusLabel_->text();
}

void PhoneWindow::dialTyped() {
    const QString target = dialField_->text().trimmed();
    QString aor = accountCombo_->currentIndex() >= 0
                      ? accountCombo_->currentData(AccountsModel::AorRole).toString()
                      : session_->defaultAccountAor();
    const engine::EngineError error = session_->dial(aor, target);
    if (error.isError()) {
        showProblem(error.message);
        return;
    }
    showProblem(tr("Calling %1…").arg(target));
    dialField_->clear();
}

void PhoneWindow::onPadDigit(QChar digit) {
    const auto call = targetCall();
    if (call) {
        const int row = session_->calls()->rowOf(*call);
        if (row >= 0 && session_->calls()->row(row).isEstablished()) {
            const engine::EngineError error = session_->sendDtmf(*call, QString(digit));
            showProblem(error.isError() ? error.message : tr("Sent DTMF %1").arg(digit));
            return;
        }
    }
    dialField_->insert(QString(digit));
}

bool PhoneWindow::eventFilter(QObject *watched, QEvent *event) {
    if (watched == callsView_ && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const QString text = key->text();
        if (text.size() == 1 && QStringLiteral("0123456789*#").contains(text.at(0)) &&
            !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            onPadDigit(text.at(0));
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void PhoneWindow::showProblem(const QString &message) {
    statusLabel_->setText(message);
    statusLabel_->setToolTip(message);
}

}  // namespace phone
