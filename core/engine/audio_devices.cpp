#include "engine/audio_devices.h"

#include <QAudioDevice>
#include <QMediaDevices>

namespace engine {
namespace {

QList<AudioDevice> convert(const QList<QAudioDevice> &devices) {
    QList<AudioDevice> out;
    for (const QAudioDevice &device : devices) {
        out << AudioDevice{QString::fromUtf8(device.id()), device.description(),
                           device.isDefault()};
    }
    return out;
}

bool containsId(const QList<AudioDevice> &devices, const QString &id) {
    for (const AudioDevice &device : devices) {
        if (device.id == id) {
            return true;
        }
    }
    return false;
}

QString describeId(const QList<AudioDevice> &known, const QString &id) {
    for (const AudioDevice &device : known) {
        if (device.id == id) {
            return device.description;
        }
    }
    return id;
}

}  // namespace

AudioDeviceSelection reconcileAudioSelection(const AudioDeviceSelection &selection,
                                             const QList<AudioDevice> &inputs,
                                             const QList<AudioDevice> &outputs, bool *removedInput,
                                             bool *removedOutput) {
    AudioDeviceSelection out = selection;
    const bool inputGone = !selection.inputId.isEmpty() && !containsId(inputs, selection.inputId);
    const bool outputGone =
        !selection.outputId.isEmpty() && !containsId(outputs, selection.outputId);
    if (inputGone) {
        out.inputId.clear();
    }
    if (outputGone) {
        out.outputId.clear();
    }
    if (removedInput) {
        *removedInput = inputGone;
    }
    if (removedOutput) {
        *removedOutput = outputGone;
    }
    return out;
}

AudioDeviceCatalog::AudioDeviceCatalog(QObject *parent)
    : QObject(parent), devices_(new QMediaDevices(this)) {
    knownInputs_ = inputs();
    knownOutputs_ = outputs();
    connect(devices_, &QMediaDevices::audioInputsChanged, this, &AudioDeviceCatalog::reconcile);
    connect(devices_, &QMediaDevices::audioOutputsChanged, this, &AudioDeviceCatalog::reconcile);
}

AudioDeviceCatalog::~AudioDeviceCatalog() = default;

QList<AudioDevice> AudioDeviceCatalog::inputs() const {
    return convert(QMediaDevices::audioInputs());
}

QList<AudioDevice> AudioDeviceCatalog::outputs() const {
    return convert(QMediaDevices::audioOutputs());
}

void AudioDeviceCatalog::follow(Engine *engine) {
    engine_ = engine;
    reconcile();
}

void AudioDeviceCatalog::reconcile() {
    const QList<AudioDevice> nowInputs = inputs();
    const QList<AudioDevice> nowOutputs = outputs();
    if (engine_) {
        bool inputGone = false;
        bool outputGone = false;
        const AudioDeviceSelection current = engine_->audioDevices();
        const AudioDeviceSelection fixed =
            reconcileAudioSelection(current, nowInputs, nowOutputs, &inputGone, &outputGone);
        if (inputGone || outputGone) {
            engine_->setAudioDevices(fixed);
            QStringList gone;
            if (inputGone) {
                gone << tr("microphone \"%1\"").arg(describeId(knownInputs_, current.inputId));
            }
            if (outputGone) {
                gone << tr("speaker \"%1\"").arg(describeId(knownOutputs_, current.outputId));
            }
            emit selectedDeviceRemoved(
                tr("The %1 went away; the system default is used now (calls continue).")
                    .arg(gone.join(tr(" and "))));
        }
    }
    knownInputs_ = nowInputs;
    knownOutputs_ = nowOutputs;
    emit devicesChanged();
}

}  // namespace engine
