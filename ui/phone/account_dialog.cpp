#include "ui/phone/account_dialog.h"

#include "ui/phone/phone_session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace phone {

AccountDialog::AccountDialog(PhoneSession *session, const engine::AccountConfig &existing,
                             bool editing, QWidget *parent)
    : QDialog(parent),
      session_(session),
      previousAor_(editing ? existing.aor() : QString()),
      displayName_(new QLineEdit(existing.displayName, this)),
      user_(new QLineEdit(existing.user, this)),
      domain_(new QLineEdit(existing.domain, this)),
      password_(new QLineEdit(this)),
      authUser_(new QLineEdit(existing.authUser, this)),
      proxy_(new QLineEdit(existing.outboundProxy, this)),
      transport_(new QComboBox(this)),
      interval_(new QSpinBox(this)),
      allowTransfers_(new QCheckBox(tr("Accept transfers (REFER) from the other side"), this)),
      autoAnswer_(new QCheckBox(tr("Answer incoming calls automatically"), this)),
      error_(new QLabel(this)) {
    setWindowTitle(editing ? tr("Edit account") : tr("Add account"));
    user_->setObjectName(QStringLiteral("accountUser"));
    domain_->setObjectName(QStringLiteral("accountDomain"));
    password_->setObjectName(QStringLiteral("accountPassword"));
    domain_->setPlaceholderText(tr("example.com or 127.0.0.1:5080"));
    password_->setEchoMode(QLineEdit::Password);
    password_->setPlaceholderText(editing ? tr("unchanged") : tr("none"));
    authUser_->setPlaceholderText(tr("same as the user name"));
    proxy_->setPlaceholderText(tr("none, e.g. sip:127.0.0.1:5080"));
    transport_->addItem(QStringLiteral("UDP"), int(engine::Transport::Udp));
    transport_->addItem(QStringLiteral("TCP"), int(engine::Transport::Tcp));
    transport_->addItem(QStringLiteral("TLS"), int(engine::Transport::Tls));
    transport_->setCurrentIndex(transport_->findData(int(existing.transport)));
    interval_->setRange(0, 86400);
    interval_->setSuffix(tr(" s"));
    interval_->setSpecialValueText(tr("never (peer-to-peer)"));
    interval_->setValue(existing.registerIntervalS);
    allowTransfers_->setChecked(existing.allowTransfers);
    autoAnswer_->setChecked(existing.autoAnswer);
    error_->setObjectName(QStringLiteral("accountError"));
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->setWordWrap(true);
    error_->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Display name:"), displayName_);
    form->addRow(tr("User:"), user_);
    form->addRow(tr("Domain:"), domain_);
    form->addRow(tr("Password:"), password_);
    form->addRow(tr("Authentication user:"), authUser_);
    form->addRow(tr("Outbound proxy:"), proxy_);
    form->addRow(tr("Transport:"), transport_);
    form->addRow(tr("Register every:"), interval_);
    form->addRow(QString(), allowTransfers_);
    form->addRow(QString(), autoAnswer_);
    auto *storage = new QLabel(session_->passwords()->backendDescription(), this);
    storage->setWordWrap(true);
    storage->setObjectName(QStringLiteral("passwordStorage"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &AccountDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(storage);
    layout->addWidget(error_);
    layout->addWidget(buttons);
}

engine::AccountConfig AccountDialog::account() const {
    engine::AccountConfig config;
    config.displayName = displayName_->text().trimmed();
    config.user = user_->text().trimmed();
    config.domain = domain_->text().trimmed();
    config.password = password_->text();
    config.authUser = authUser_->text().trimmed();
    config.outboundProxy = proxy_->text().trimmed();
    config.transport = engine::Transport(transport_->currentData().toInt());
    config.registerIntervalS = interval_->value();
    config.allowTransfers = allowTransfers_->isChecked();
    config.autoAnswer = autoAnswer_->isChecked();
    return config;
}

void AccountDialog::save() {
    const engine::EngineError error = session_->saveAccount(account(), previousAor_);
    if (error.isError()) {
        error_->setText(error.message);
        error_->show();
        return;
    }
    accept();
}

}  // namespace phone
