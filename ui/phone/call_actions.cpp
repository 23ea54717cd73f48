#include "ui/phone/call_actions.h"

#include "ui/phone/calls_model.h"
#include "ui/phone/dial_pad.h"
#include "ui/phone/phone_session.h"

#include <QHBoxLayout>
#include <QMenu>
#include <QPoint>
#include <QToolButton>
#include <QWidgetAction>

namespace phone {

CallActions::CallActions(PhoneSession *session, const engine::CallKey &call, QWidget *parent)
    : QWidget(parent), session_(session), call_(call) {
    answer_ = makeButton(tr("Answer"), QStringLiteral("answer"), tr("Answer (Ctrl+Shift+A)"));
    decline_ = makeButton(tr("Decline"), QStringLiteral("decline"), tr("Decline (Ctrl+Shift+D)"));
    hangUp_ = makeButton(tr("Hang up"), QStringLiteral("hangUp"), tr("Hang up (Ctrl+Shift+E)"));
    hold_ = makeButton(tr("Hold"), QStringLiteral("hold"), tr("Hold or resume (Ctrl+Shift+H)"));
    mute_ = makeButton(tr("Mute"), QStringLiteral("mute"), tr("Mute or unmute (Ctrl+Shift+M)"));
    keypad_ = makeButton(tr("Keypad"), QStringLiteral("keypad"),
                         tr("Send DTMF tones (or type digits while the call list has focus)"));
    transfer_ = makeButton(tr("Blind Transfer…"), QStringLiteral("blindTransfer"),
                           tr("Hand this call to another number (Ctrl+Shift+T)"));
    callBack_ = makeButton(tr("Call back"), QStringLiteral("callBack"),
                           tr("The transfer failed and the call is gone: call the peer again"));
    dismiss_ = makeButton(tr("Dismiss"), QStringLiteral("dismiss"), tr("Remove this row"));
    QFont bold = transfer_->font();
    bold.setBold(true);
    transfer_->setFont(bold);
    // Buttons whose text toggles keep the width of their longer text, so rows stay aligned.
    const auto fitWidest = [](QToolButton *button, const QStringList &texts) {
        int widest = 0;
        for (const QString &text : texts) {
            widest = qMax(widest, button->fontMetrics().horizontalAdvance(text));
        }
        button->setMinimumWidth(widest + 2 * button->fontMetrics().averageCharWidth() + 8);
    };
    fitWidest(hold_, {tr("Hold"), tr("Resume")});
    fitWidest(mute_, {tr("Mute"), tr("Unmute")});
    fitWidest(hangUp_, {tr("Hang up"), tr("Cancel")});

    auto *pad = new DialPad(this);
    auto *padAction = new QWidgetAction(this);
    padAction->setDefaultWidget(pad);
    auto *padMenu = new QMenu(this);
    padMenu->addAction(padAction);
    // Popped up by hand rather than with setMenu(): the menu arrow would eat into the text.
    connect(keypad_, &QToolButton::clicked, this, [this, padMenu] {
        padMenu->popup(keypad_->mapToGlobal(QPoint(0, keypad_->height())));
    });
    connect(pad, &DialPad::digitPressed, this,
            [this](QChar digit) { report(session_->sendDtmf(call_, QString(digit))); });

    connect(answer_, &QToolButton::clicked, this, [this] { report(session_->answer(call_)); });
    connect(decline_, &QToolButton::clicked, this, [this] { report(session_->decline(call_)); });
    connect(hangUp_, &QToolButton::clicked, this, [this] { report(session_->hangup(call_)); });
    connect(hold_, &QToolButton::clicked, this, [this] { report(session_->toggleHold(call_)); });
    connect(mute_, &QToolButton::clicked, this, [this] { report(session_->toggleMute(call_)); });
    connect(transfer_, &QToolButton::clicked, this, [this] { emit transferRequested(call_); });
    connect(callBack_, &QToolButton::clicked, this, [this] { report(session_->callBack(call_)); });
    connect(dismiss_, &QToolButton::clicked, this, [this] { session_->calls()->dismiss(call_); });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 1, 2, 1);
    layout->setSpacing(3);
    for (QToolButton *button :
         {answer_, decline_, hangUp_, hold_, mute_, keypad_, transfer_, callBack_, dismiss_}) {
        layout->addWidget(button);
    }
    layout->addStretch(1);

    connect(session_->calls(), &QAbstractItemModel::dataChanged, this, &CallActions::refresh);
    refresh();
}

QToolButton *CallActions::makeButton(const QString &text, const QString &name, const QString &tip) {
    auto *button = new QToolButton(this);
    button->setText(text);
    button->setObjectName(name);
    button->setToolTip(tip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    return button;
}

void CallActions::report(const engine::EngineError &error) {
    if (error.isError()) {
        emit problem(error.message);
    }
}

void CallActions::refresh() {
    const int row = session_->calls()->rowOf(call_);
    if (row >= 0) {
        apply(session_->calls()->row(row));
    }
}

void CallActions::apply(const CallRow &row) {
    const bool live = !row.closed;
    answer_->setVisible(row.canAnswer());
    decline_->setVisible(row.canAnswer());
    // A ringing call offers Answer and Decline only (Decline is its hang-up); Hold, Mute and
    // the keypad come once it is answered. Fewer buttons also keep the row within the Lab's
    // narrow phone panels.
    hangUp_->setVisible(live && !row.canAnswer());
    hangUp_->setText(row.info.state == engine::CallState::Established ? tr("Hang up")
                                                                      : tr("Cancel"));
    const bool talking = row.isEstablished();
    hold_->setVisible(talking);
    hold_->setEnabled(!row.transferPending());
    hold_->setText(row.info.onHold ? tr("Resume") : tr("Hold"));
    mute_->setVisible(talking);
    mute_->setText(row.info.muted ? tr("Unmute") : tr("Mute"));
    keypad_->setVisible(talking);
    transfer_->setVisible(live);
    transfer_->setEnabled(row.canTransfer());
    callBack_->setVisible(row.offersCallBack());
    callBack_->setText(tr("Call %1 back").arg(row.peerLabel()));
    dismiss_->setVisible(row.closed);
}

}  // namespace phone
