#include "ui/phone/incoming_call_alert.h"

#include "ui/phone/calls_model.h"
#include "ui/phone/ring_tone.h"
#include "ui/phone/target_rules.h"

#include <QApplication>
#include <QAudioDevice>
#include <QFile>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QUrl>
#include <QWidget>

namespace phone {

IncomingCallAlert::IncomingCallAlert(CallsModel *calls, QWidget *window, QObject *parent)
    : QObject(parent), window_(window) {
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray_ = new QSystemTrayIcon(this);
        tray_->setIcon(window->style()->standardIcon(QStyle::SP_DialogYesButton));
        tray_->setToolTip(tr("ReferPhone"));
        connect(tray_, &QSystemTrayIcon::activated, window, [window] {
            window->showNormal();
            window->raise();
            window->activateWindow();
        });
        tray_->show();
    }
    connect(calls, &CallsModel::incomingCall, this, &IncomingCallAlert::onIncomingCall);
    connect(calls, &CallsModel::incomingCallsChanged, this, &IncomingCallAlert::onRingingCount);
}

IncomingCallAlert::~IncomingCallAlert() = default;

void IncomingCallAlert::setRingtone(bool enabled, const QString &outputId) {
    enabled_ = enabled;
    outputId_ = outputId;
    if (sound_) {
        delete sound_;  // re-created on the new device at the next ring
        sound_ = nullptr;
    }
    if (ringing_ && enabled_) {
        ensureSound();
        if (sound_) {
            sound_->play();
        }
    }
}

void IncomingCallAlert::ensureSound() {
    if (sound_ || !soundDir_.isValid()) {
        return;
    }
    const QString path = soundDir_.filePath(QStringLiteral("ring.wav"));
    if (!QFile::exists(path)) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(ringToneWav()) < 0) {
            return;
        }
    }
    QAudioDevice device = QMediaDevices::defaultAudioOutput();
    for (const QAudioDevice &candidate : QMediaDevices::audioOutputs()) {
        if (!outputId_.isEmpty() && QString::fromUtf8(candidate.id()) == outputId_) {
            device = candidate;
        }
    }
    sound_ = new QSoundEffect(device, this);
    sound_->setSource(QUrl::fromLocalFile(path));
    sound_->setLoopCount(QSoundEffect::Infinite);
    sound_->setVolume(0.8f);
}

void IncomingCallAlert::onIncomingCall(const engine::CallInfo &call) {
    const QString who =
        call.peerDisplayName.isEmpty()
            ? userPartOf(call.peerUri)
            : QStringLiteral("%1 (%2)").arg(call.peerDisplayName, userPartOf(call.peerUri));
    lastNotification_ = tr("Incoming call from %1").arg(who);
    if (tray_) {
        tray_->showMessage(tr("Incoming call"), lastNotification_, QSystemTrayIcon::Information,
                           15000);
    }
    QApplication::alert(window_);
}

void IncomingCallAlert::onRingingCount(int count) {
    const bool ring = count > 0;
    if (ring == ringing_) {
        return;
    }
    ringing_ = ring;
    if (!enabled_) {
        return;
    }
    if (ring) {
        ensureSound();
        if (sound_) {
            sound_->play();
        }
    } else if (sound_) {
        sound_->stop();
    }
}

}  // namespace phone
