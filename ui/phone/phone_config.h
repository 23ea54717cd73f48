#pragma once
// The phone's settings file: accounts (without passwords, those go to the PasswordStore),
// audio devices and the ringtone switch. JSON, written atomically, read tolerantly: accounts
// without a user or domain are skipped with a readable warning, missing fields get defaults.
#include "engine/engine_types.h"

#include <QList>
#include <QString>

namespace phone {

struct PhoneConfig {
    QList<engine::AccountConfig> accounts;  // password fields empty
    engine::AudioDeviceSelection audio;     // empty ids: system default
    bool ringtoneEnabled = true;
    bool operator==(const PhoneConfig &) const = default;
};

struct PhoneConfigLoad {
    PhoneConfig config;
    QString warning;  // readable; empty when the file was fine or absent
};

PhoneConfigLoad loadPhoneConfig(const QString &path);
QString savePhoneConfig(const QString &path, const PhoneConfig &config);  // error or empty

}  // namespace phone
