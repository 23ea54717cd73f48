#pragma once
// Audio devices for the phone: listed with QtMultimedia (QMediaDevices, PulseAudio on Linux)
// and handed to the engine as an AudioDeviceSelection. baresip 1.0.0 has no PulseAudio module;
// its alsa module plays through ALSA's pulse plugin, and the chosen devices reach it as
// PULSE_SINK / PULSE_SOURCE (BaresipEngine applies them when no call is up). When a chosen
// device disappears, PulseAudio moves baresip's streams to the default device by itself, so
// the call goes on; the catalog then resets the selection to the default and says so.
#include "engine/engine.h"

#include <QObject>
#include <QPointer>

class QMediaDevices;

namespace engine {

// The selection with every id that is not among the devices replaced by "" (default).
// `removedInput` / `removedOutput` tell which ones were dropped. Pure.
AudioDeviceSelection reconcileAudioSelection(const AudioDeviceSelection &selection,
                                             const QList<AudioDevice> &inputs,
                                             const QList<AudioDevice> &outputs,
                                             bool *removedInput = nullptr,
                                             bool *removedOutput = nullptr);

class AudioDeviceCatalog : public QObject {
    Q_OBJECT
  public:
    explicit AudioDeviceCatalog(QObject *parent = nullptr);
    ~AudioDeviceCatalog() override;

    QList<AudioDevice> inputs() const;
    QList<AudioDevice> outputs() const;

    // Keeps `engine`'s selection valid as devices come and go.
    void follow(Engine *engine);

  signals:
    void devicesChanged();
    // A chosen device went away; the engine now uses the default one.
    void selectedDeviceRemoved(const QString &message);

  private:
    void reconcile();
    QMediaDevices *devices_ = nullptr;  // child QObject
    QPointer<Engine> engine_;
    QList<AudioDevice> knownInputs_;
    QList<AudioDevice> knownOutputs_;
};

}  // namespace engine
