#pragma once
// Settings: accounts (add, edit, remove, with their live registration state), audio input
// and output (QMediaDevices, handed to the engine) and the ringtone switch.
#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;

namespace phone {

class PhoneSession;

class SettingsDialog : public QDialog {
    Q_OBJECT
  public:
    explicit SettingsDialog(PhoneSession *session, QWidget *parent = nullptr);

  private:
    QWidget *makeAccountsPage();
    QWidget *makeAudioPage();
    void editSelected();
    void removeSelected();
    void applyAudio();

    PhoneSession *session_;
    QTableView *accounts_;
    QComboBox *input_;
    QComboBox *output_;
    QCheckBox *ringtone_;
    QLabel *status_;
};

}  // namespace phone
