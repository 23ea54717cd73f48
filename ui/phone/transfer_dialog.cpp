#include "ui/phone/transfer_dialog.h"

#include "ui/phone/calls_model.h"
#include "ui/phone/dial_pad.h"
#include "ui/phone/phone_session.h"
#include "ui/phone/target_completion.h"
#include "ui/phone/target_rules.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace phone {

namespace {
const QString errorStyle = QStringLiteral("color: #b00020;");
const QString okStyle = QStringLiteral("color: palette(mid);");
}  // namespace

TransferDialog::TransferDialog(PhoneSession *session, const engine::CallKey &call,
                               TargetCompletionModel *completion, QWidget *parent)
    : QDialog(parent),
      session_(session),
      call_(call),
      heading_(new QLabel(this)),
      target_(new QLineEdit(this)),
      feedback_(new QLabel(this)),
      pad_(new DialPad(this)),
      status_(new QLabel(this)),
      transferButton_(new QPushButton(tr("&Transfer"), this)),
      callBackButton_(new QPushButton(this)),
      closeButton_(new QPushButton(tr("Cancel"), this)) {
    setObjectName(QStringLiteral("transferDialog"));
    setWindowTitle(tr("Blind Transfer"));
    setAttribute(Qt::WA_DeleteOnClose);

    heading_->setWordWrap(true);
    target_->setObjectName(QStringLiteral("transferTarget"));
    target_->setPlaceholderText(tr("Number, user name or sip: address"));
    target_->setClearButtonEnabled(true);
    target_->setMinimumWidth(320);
    if (completion) {
        attachTargetCompleter(target_, completion);
    }
    feedback_->setObjectName(QStringLiteral("transferFeedback"));
    feedback_->setWordWrap(true);
    feedback_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_->setObjectName(QStringLiteral("transferStatus"));
    status_->setWordWrap(true);
    QFont statusFont = status_->font();
    statusFont.setBold(true);
    status_->setFont(statusFont);
    status_->hide();
    transferButton_->setObjectName(QStringLiteral("transferButton"));
    transferButton_->setDefault(true);
    callBackButton_->setObjectName(QStringLiteral("transferCallBackButton"));

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(callBackButton_, QDialogButtonBox::ActionRole);
    buttons->addButton(transferButton_, QDialogButtonBox::AcceptRole);
    buttons->addButton(closeButton_, QDialogButtonBox::RejectRole);
    callBackButton_->hide();  // after addButton(), which shows it (an empty button otherwise)

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading_);
    layout->addWidget(target_);
    layout->addWidget(feedback_);
    layout->addWidget(pad_);
    layout->addWidget(status_);
    layout->addWidget(buttons);

    connect(target_, &QLineEdit::textChanged, this, [this] { validate(false); });
    connect(pad_, &DialPad::digitPressed, this, [this](QChar digit) {
        target_->insert(QString(digit));
        target_->setFocus();
    });
    // Enter and the button both land here; the dialog never closes on Enter by itself.
    connect(transferButton_, &QPushButton::clicked, this, &TransferDialog::startTransfer);
    connect(closeButton_, &QPushButton::clicked, this, &QDialog::reject);
    connect(callBackButton_, &QPushButton::clicked, this, [this] {
        const engine::EngineError error = session_->callBack(call_);
        if (error.isError()) {
            status_->setText(error.message);
        } else {
            accept();
        }
    });
    CallsModel *calls = session_->calls();
    connect(calls, &QAbstractItemModel::dataChanged, this, &TransferDialog::refreshFromCall);
    connect(calls, &QAbstractItemModel::rowsRemoved, this, &TransferDialog::refreshFromCall);

    const int row = calls->rowOf(call_);
    const QString peer = row >= 0 ? calls->row(row).peerLabel() : call_.callId;
    heading_->setText(tr("Transfer <b>%1</b> to:").arg(peer.toHtmlEscaped()));
    validate(false);
    refreshFromCall();
}

QString TransferDialog::errorText() const {
    return valid_ ? QString() : feedback_->text();
}

QString TransferDialog::statusText() const {
    return status_->isVisibleTo(this) ? status_->text() : QString();
}

void TransferDialog::validate(bool showEmptyError) {
    const QString text = target_->text();
    const engine::SipTarget target =
        completeTarget(text, session_->accountDomain(call_.accountAor));
    valid_ = target.isValid();
    if (valid_) {
        feedback_->setStyleSheet(okStyle);
        feedback_->setText(tr("Transfers to %1").arg(target.uri));
    } else if (text.trimmed().isEmpty() && !showEmptyError) {
        feedback_->setStyleSheet(okStyle);
        feedback_->setText(tr("For example 1002, carol, sip:carol@example.org or tel:+1555…"));
    } else {
        feedback_->setStyleSheet(errorStyle);
        feedback_->setText(target.error);
    }
}

void TransferDialog::startTransfer() {
    if (started_) {
        return;
    }
    validate(true);
    if (!valid_) {
        target_->setFocus();
        return;
    }
    const engine::EngineError error = session_->blindTransfer(call_, target_->text());
    if (error.isError()) {
        valid_ = false;
        feedback_->setStyleSheet(errorStyle);
        feedback_->setText(error.message);
        return;
    }
    started_ = true;
    target_->setEnabled(false);
    pad_->hide();  // nothing left to type: the dialog becomes the transfer's progress report
    transferButton_->hide();
    closeButton_->setText(tr("Close"));
    status_->show();
    const int row = session_->calls()->rowOf(call_);
    status_->setText(
        row >= 0 ? tr("Transferring %1 to %2…")
                       .arg(session_->calls()->row(row).peerLabel(), target_->text().trimmed())
                 : tr("Transferring…"));
    // Shrink to what is left; word-wrapped labels make the height depend on the width.
    layout()->activate();
    resize(width(), layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                  : layout()->totalSizeHint().height());
}

void TransferDialog::refreshFromCall() {
    CallsModel *calls = session_->calls();
    const int row = calls->rowOf(call_);
    if (row < 0) {
        if (started_ && status_->text().endsWith(QStringLiteral("…"))) {
            status_->setText(tr("The call is gone; the outcome of the transfer is unknown."));
        } else if (!started_) {
            status_->setText(tr("The call has ended."));
            status_->show();
            transferButton_->setEnabled(false);
        }
        callBackButton_->hide();
        return;
    }
    const CallRow &entry = calls->row(row);
    if (started_) {
        const QString text = entry.transferText();
        if (!text.isEmpty()) {
            status_->setText(text);
        }
        callBackButton_->setVisible(entry.offersCallBack());
        callBackButton_->setText(tr("Call %1 &back").arg(entry.peerLabel()));
    } else {
        const bool possible = entry.canTransfer();
        transferButton_->setEnabled(possible);
        if (!possible) {
            status_->setText(tr("The call is not established any more."));
        }
        status_->setVisible(!possible);
    }
}

}  // namespace phone
