#pragma once
// Add or edit one SIP account. Saving goes through the session (engine + settings file +
// password store); a refusal is shown inline and the dialog stays open.
#include "engine/engine_types.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace phone {

class PhoneSession;

class AccountDialog : public QDialog {
    Q_OBJECT
  public:
    // `existing`: the account to edit; nullopt-like empty AOR (default) adds a new one.
    AccountDialog(PhoneSession *session, const engine::AccountConfig &existing, bool editing,
                  QWidget *parent = nullptr);

    engine::AccountConfig account() const;

  private:
    void save();

    PhoneSession *session_;
    QString previousAor_;
    QLineEdit *displayName_;
    QLineEdit *user_;
    QLineEdit *domain_;
    QLineEdit *password_;
    QLineEdit *authUser_;
    QLineEdit *proxy_;
    QComboBox *transport_;
    QSpinBox *interval_;
    QCheckBox *allowTransfers_;
    QCheckBox *autoAnswer_;
    QLabel *error_;
};

}  // namespace phone
