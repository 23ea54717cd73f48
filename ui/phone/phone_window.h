#pragma once
// The softphone window in normal mode: accounts with their registration state, a dial field
// with completion and a keypad, the live calls with per-call buttons (Blind Transfer first
// among them), and history and contacts. Everything it shows comes from the session's models.
#include "engine/engine_types.h"

#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTabWidget;
class QToolButton;

namespace phone {

class CallActions;
class DialPad;
class IncomingCallAlert;
class PhoneSession;
class TargetCompletionModel;
class TransferDialog;

class PhoneWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit PhoneWindow(PhoneSession *session, QWidget *parent = nullptr);
    ~PhoneWindow() override;

    PhoneSession *session() const { return session_; }
    QLineEdit *dialField() const { return dialField_; }
    QTableView *callsView() const { return callsView_; }
    QTableView *historyView() const { return historyView_; }
    CallActions *actionsFor(const engine::CallKey &call) const;
    // Opens (or raises) the Blind Transfer dialog of `call`; null when it cannot be transferred.
    TransferDialog *openTransferDialog(const engine::CallKey &call);
    // Names the Lab offers as transfer and dial targets (its phones' numbers).
    void setExtraTargets(const QStringList &targets);
    QString statusMessage() const;
    IncomingCallAlert *incomingAlert() const { return alert_; }
    // Shows "Phone → Transfer Lab…" (off by default: the Lab's own phone panels have no Lab).
    void offerTransferLab();
    QAction *transferLabAction() const { return transferLab_; }

  signals:
    void transferLabRequested();

  private:
    QWidget *makeDialRow();
    QWidget *makeCallsView();
    QWidget *makeLists();
    void makeMenus();
    void placeCallActions(int first, int last);
    void fitActionsColumn();
    void fitAccountsView();
    void dialTyped();
    void onPadDigit(QChar digit);
    void showProblem(const QString &message);
    // The call keyboard shortcuts act on: the selected row, else the session's current call.
    std::optional<engine::CallKey> targetCall() const;
    void runOnTargetCall(
        const std::function<engine::EngineError(const engine::CallKey &)> &command);
    bool eventFilter(QObject *watched, QEvent *event) override;

    PhoneSession *session_;
    TargetCompletionModel *completion_;
    QComboBox *accountCombo_ = nullptr;
    QLineEdit *dialField_ = nullptr;
    DialPad *pad_ = nullptr;
    QToolButton *padToggle_ = nullptr;
    QTableView *accountsView_ = nullptr;
    QTableView *callsView_ = nullptr;
    QTableView *historyView_ = nullptr;
    QTableView *contactsView_ = nullptr;
    QTabWidget *lists_ = nullptr;
    QLabel *statusLabel_ = nullptr;
    QString engineStatusText_;  // the engine state last shown in statusLabel_, if any
    IncomingCallAlert *alert_ = nullptr;
    QHash<QString, QPointer<TransferDialog>> transferDialogs_;  // by Call-ID
    QAction *transferLab_ = nullptr;                            // in the Phone menu
};

}  // namespace phone
