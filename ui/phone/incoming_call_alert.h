#pragma once
// Tells the user about incoming calls: the ringtone (QSoundEffect on the chosen output
// device, looping while any call rings) and a tray notification when a system tray exists,
// else the window is flagged for attention.
#include "engine/engine_types.h"

#include <QObject>
#include <QTemporaryDir>

class QSoundEffect;
class QSystemTrayIcon;
class QWidget;

namespace phone {

class CallsModel;

class IncomingCallAlert : public QObject {
    Q_OBJECT
  public:
    IncomingCallAlert(CallsModel *calls, QWidget *window, QObject *parent = nullptr);
    ~IncomingCallAlert() override;

    // `outputId`: a QAudioDevice id (as text) or empty for the default output.
    void setRingtone(bool enabled, const QString &outputId);
    bool isRinging() const { return ringing_; }
    bool hasTray() const { return tray_ != nullptr; }
    QString lastNotification() const { return lastNotification_; }

  private:
    void onIncomingCall(const engine::CallInfo &call);
    void onRingingCount(int count);
    void ensureSound();

    QWidget *window_;
    QSystemTrayIcon *tray_ = nullptr;  // child; null without a system tray
    QSoundEffect *sound_ = nullptr;    // child; created on first ring
    QTemporaryDir soundDir_;
    bool enabled_ = true;
    QString outputId_;
    bool ringing_ = false;
    QString lastNotification_;
};

}  // namespace phone
