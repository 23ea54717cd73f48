#pragma once
// A telephone keypad (1-9, *, 0, #). It only reports presses; the owner decides whether a
// digit goes into a text field or out as DTMF.
#include <QWidget>

namespace phone {

class DialPad : public QWidget {
    Q_OBJECT
  public:
    explicit DialPad(QWidget *parent = nullptr);

  signals:
    void digitPressed(QChar digit);
};

}  // namespace phone
