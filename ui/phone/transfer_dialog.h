#pragma once
// The Blind Transfer dialog of one call: a target field (completion from contacts, history
// and the Lab's names; checked live with the engine's target rules, the reason shown inline),
// a dial pad, Enter to transfer. It then stays open as the transfer's progress report, fed by
// the same calls model as the call row, until the user closes it.
#include "engine/engine_types.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace phone {

class PhoneSession;
class TargetCompletionModel;
class DialPad;

class TransferDialog : public QDialog {
    Q_OBJECT
  public:
    TransferDialog(PhoneSession *session, const engine::CallKey &call,
                   TargetCompletionModel *completion, QWidget *parent = nullptr);

    engine::CallKey call() const { return call_; }
    QLineEdit *targetField() const { return target_; }
    QString errorText() const;   // the inline validation message; empty when valid
    QString statusText() const;  // progress/outcome once the transfer started
    bool transferStarted() const { return started_; }

    // How long a succeeded transfer stays on screen before the dialog closes itself (a failed
    // one stays: it offers to call back).
    static constexpr int kCloseAfterSuccessMs = 2500;

  private:
    void validate(bool showEmptyError);
    void startTransfer();
    void refreshFromCall();

    PhoneSession *session_;
    engine::CallKey call_;
    QLabel *heading_;
    QLineEdit *target_;
    QLabel *feedback_;  // the reason an input is invalid, or what it completes to
    DialPad *pad_;
    QLabel *status_;
    QPushButton *transferButton_;
    QPushButton *callBackButton_;
    QPushButton *closeButton_;
    bool started_ = false;
    bool valid_ = false;
    bool closing_ = false;  // the transfer succeeded: the dialog closes itself shortly
};

}  // namespace phone
