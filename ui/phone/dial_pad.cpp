#include "ui/phone/dial_pad.h"

#include <QGridLayout>
#include <QToolButton>

namespace phone {

DialPad::DialPad(QWidget *parent) : QWidget(parent) {
    struct Key {
        QChar digit;
        const char *letters;
    };
    static const Key keys[] = {
        {QLatin1Char('1'), ""},     {QLatin1Char('2'), "ABC"}, {QLatin1Char('3'), "DEF"},
        {QLatin1Char('4'), "GHI"},  {QLatin1Char('5'), "JKL"}, {QLatin1Char('6'), "MNO"},
        {QLatin1Char('7'), "PQRS"}, {QLatin1Char('8'), "TUV"}, {QLatin1Char('9'), "WXYZ"},
        {QLatin1Char('*'), ""},     {QLatin1Char('0'), "+"},   {QLatin1Char('#'), ""}};
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    int index = 0;
    for (const Key &key : keys) {
        auto *button = new QToolButton(this);
        const QString letters = QString::fromLatin1(key.letters);
        button->setText(letters.isEmpty() ? QString(key.digit)
                                          : QStringLiteral("%1\n%2").arg(key.digit).arg(letters));
        button->setObjectName(QStringLiteral("dialPadKey_%1").arg(key.digit));
        button->setAccessibleName(QString(key.digit));
        button->setMinimumSize(48, 40);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        button->setFocusPolicy(Qt::NoFocus);  // typing stays in the field that has focus
        connect(button, &QToolButton::clicked, this,
                [this, digit = key.digit] { emit digitPressed(digit); });
        grid->addWidget(button, index / 3, index % 3);
        ++index;
    }
}

}  // namespace phone
