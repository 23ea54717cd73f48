#include "ui/phone/settings_dialog.h"

#include "ui/phone/account_dialog.h"
#include "ui/phone/accounts_model.h"
#include "ui/phone/phone_session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace phone {

SettingsDialog::SettingsDialog(PhoneSession *session, QWidget *parent)
    : QDialog(parent), session_(session), status_(new QLabel(this)) {
    setWindowTitle(tr("Settings"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(makeAccountsPage(), tr("&Accounts"));
    tabs->addTab(makeAudioPage(), tr("A&udio"));
    status_->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    resize(640, 380);
}

QWidget *SettingsDialog::makeAccountsPage() {
    auto *page = new QWidget(this);
    accounts_ = new QTableView(page);
    accounts_->setObjectName(QStringLiteral("settingsAccounts"));
    accounts_->setModel(session_->accounts());
    accounts_->setSelectionBehavior(QAbstractItemView::SelectRows);
    accounts_->setSelectionMode(QAbstractItemView::SingleSelection);
    accounts_->horizontalHeader()->setStretchLastSection(true);
    accounts_->horizontalHeader()->setSectionResizeMode(AccountsModel::Account,
                                                        QHeaderView::ResizeToContents);
    accounts_->verticalHeader()->hide();
    auto *add = new QPushButton(tr("&Add…"), page);
    auto *edit = new QPushButton(tr("&Edit…"), page);
    auto *remove = new QPushButton(tr("&Remove"), page);
    connect(add, &QPushButton::clicked, this, [this] {
        AccountDialog dialog(session_, engine::AccountConfig{}, false, this);
        dialog.exec();
    });
    connect(edit, &QPushButton::clicked, this, &SettingsDialog::editSelected);
    connect(accounts_, &QTableView::doubleClicked, this, &SettingsDialog::editSelected);
    connect(remove, &QPushButton::clicked, this, &SettingsDialog::removeSelected);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(edit);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *storage = new QLabel(session_->passwords()->backendDescription(), page);
    storage->setWordWrap(true);
    connect(session_->passwords(), &PasswordStore::backendChanged, storage,
            [this, storage] { storage->setText(session_->passwords()->backendDescription()); });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(accounts_);
    layout->addLayout(buttons);
    layout->addWidget(storage);
    return page;
}

QWidget *SettingsDialog::makeAudioPage() {
    auto *page = new QWidget(this);
    input_ = new QComboBox(page);
    output_ = new QComboBox(page);
    ringtone_ = new QCheckBox(tr("Play a ringtone for incoming calls"), page);
    const engine::AudioDeviceSelection current = session_->config().audio;
    engine::AudioDeviceCatalog *catalog = session_->audioDevices();
    const auto fill = [](QComboBox *combo, const QList<engine::AudioDevice> &devices) {
        combo->addItem(tr("System default"), QString());
        for (const engine::AudioDevice &device : devices) {
            combo->addItem(device.description, device.id);
        }
    };
    fill(input_, catalog->inputs());
    fill(output_, catalog->outputs());
    input_->setCurrentIndex(qMax(0, input_->findData(current.inputId)));
    output_->setCurrentIndex(qMax(0, output_->findData(current.outputId)));
    ringtone_->setChecked(session_->config().ringtoneEnabled);
    for (QComboBox *combo : {input_, output_}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &SettingsDialog::applyAudio);
    }
    connect(ringtone_, &QCheckBox::toggled, this, &SettingsDialog::applyAudio);
    auto *form = new QFormLayout(page);
    form->addRow(tr("Microphone:"), input_);
    form->addRow(tr("Speaker (calls and ringtone):"), output_);
    form->addRow(QString(), ringtone_);
    if (catalog->inputs().isEmpty() && catalog->outputs().isEmpty()) {
        form->addRow(
            new QLabel(tr("No audio devices were found; the system default is used."), page));
    }
    return page;
}

void SettingsDialog::editSelected() {
    const QModelIndex current = accounts_->currentIndex();
    if (!current.isValid()) {
        status_->setText(tr("Select an account to edit."));
        return;
    }
    AccountDialog dialog(session_, session_->accounts()->config(current.row()), true, this);
    dialog.exec();
}

void SettingsDialog::removeSelected() {
    const QModelIndex current = accounts_->currentIndex();
    if (!current.isValid()) {
        status_->setText(tr("Select an account to remove."));
        return;
    }
    const QString aor = session_->accounts()->config(current.row()).aor();
    if (QMessageBox::question(
            this, tr("Remove account"),
            tr("Remove %1? Its calls end and its password is deleted.").arg(aor)) !=
        QMessageBox::Yes) {
        return;
    }
    const engine::EngineError error = session_->removeAccount(aor);
    status_->setText(error.isError() ? error.message : tr("Removed %1.").arg(aor));
}

void SettingsDialog::applyAudio() {
    const engine::EngineError error =
        session_->setAudio({input_->currentData().toString(), output_->currentData().toString()},
                           ringtone_->isChecked());
    status_->setText(error.isError() ? error.message : tr("Audio settings saved."));
}

}  // namespace phone
