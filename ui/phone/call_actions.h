#pragma once
// The buttons of one call row: Answer, Decline, Hang up, Hold/Resume, Mute, Keypad (DTMF),
// Blind Transfer, and after a lost transfer "Call back" and Dismiss. It reads its state from
// the calls model (never from the engine) and sends commands through the session.
#include "engine/engine_types.h"

#include <QWidget>

class QToolButton;

namespace phone {

class PhoneSession;
struct CallRow;

class CallActions : public QWidget {
    Q_OBJECT
  public:
    CallActions(PhoneSession *session, const engine::CallKey &call, QWidget *parent = nullptr);

    engine::CallKey call() const { return call_; }
    QToolButton *answerButton() const { return answer_; }
    QToolButton *declineButton() const { return decline_; }
    QToolButton *hangUpButton() const { return hangUp_; }
    QToolButton *holdButton() const { return hold_; }
    QToolButton *muteButton() const { return mute_; }
    QToolButton *keypadButton() const { return keypad_; }
    QToolButton *transferButton() const { return transfer_; }
    QToolButton *callBackButton() const { return callBack_; }
    QToolButton *dismissButton() const { return dismiss_; }

  signals:
    void transferRequested(const engine::CallKey &call);
    void problem(const QString &message);

  private:
    void refresh();
    void apply(const CallRow &row);
    void report(const engine::EngineError &error);
    QToolButton *makeButton(const QString &text, const QString &name, const QString &tip);

    PhoneSession *session_;
    engine::CallKey call_;
    QToolButton *answer_;
    QToolButton *decline_;
    QToolButton *hangUp_;
    QToolButton *hold_;
    QToolButton *mute_;
    QToolButton *keypad_;
    QToolButton *transfer_;
    QToolButton *callBack_;
    QToolButton *dismiss_;
};

}  // namespace phone
