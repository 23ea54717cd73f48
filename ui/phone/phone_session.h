#pragma once
// One phone in normal mode, without any widget: the engine, the models the window shows
// (accounts, calls, history, contacts), the persisted settings and passwords, and the
// commands. The window and the command-line server both go through it, so `referphone
// --transfer carol` and the Blind Transfer dialog follow the same rules.
#include "engine/audio_devices.h"
#include "engine/engine.h"
#include "ui/phone/instance_protocol.h"
#include "ui/phone/password_store.h"
#include "ui/phone/phone_config.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QPair>
#include <QObject>
#include <optional>

namespace phone {

class AccountsModel;
class CallsModel;
class CallHistoryModel;
class ContactsModel;
struct CallRow;

struct PhonePaths {
    QString settingsFile;
    QString historyFile;
    QString contactsFile;
    QString passwordsFile;  // the labelled fallback when no keychain answers
    static PhonePaths inDirectory(const QString &directory);
};

class PhoneSession : public QObject {
    Q_OBJECT
  public:
    // `engine` is not owned and must outlive the session.
    PhoneSession(engine::Engine *engine, PhonePaths paths, PasswordStore::Backend passwords,
                 QString phoneName = {}, QObject *parent = nullptr);
    ~PhoneSession() override;

    // Loads settings, history and contacts, creates the accounts (after reading their
    // passwords) and starts the engine. Problems arrive as problem().
    void start();

    engine::Engine *engine() const { return engine_; }
    AccountsModel *accounts() const { return accounts_; }
    CallsModel *calls() const { return calls_; }
    CallHistoryModel *history() const { return history_; }
    ContactsModel *contacts() const { return contacts_; }
    PasswordStore *passwords() const { return passwords_; }
    // Audio inputs/outputs; keeps the engine's selection valid as devices come and go.
    engine::AudioDeviceCatalog *audioDevices() const { return audioDevices_; }
    PhoneConfig config() const { return config_; }
    QString phoneName() const { return phoneName_; }

    // --- settings ---------------------------------------------------------------------------
    // Adds or replaces an account (`previousAor` empty: new). The password goes to the
    // PasswordStore; an empty password keeps the stored one when editing.
    engine::EngineError saveAccount(const engine::AccountConfig &account,
                                    const QString &previousAor = {});
    engine::EngineError removeAccount(const QString &aor);
    engine::EngineError setAudio(const engine::AudioDeviceSelection &audio, bool ringtoneEnabled);

    // --- calls ------------------------------------------------------------------------------
    // The account new calls go out on: the first registered one, else the first one.
    QString defaultAccountAor() const;
    QString accountDomain(const QString &aor) const;
    engine::EngineError dial(const QString &aor, const QString &typedTarget);
    engine::EngineError answer(const engine::CallKey &call);
    engine::EngineError decline(const engine::CallKey &call);
    engine::EngineError hangup(const engine::CallKey &call);
    engine::EngineError toggleHold(const engine::CallKey &call);
    engine::EngineError toggleMute(const engine::CallKey &call);
    engine::EngineError sendDtmf(const engine::CallKey &call, const QString &digits);
    // Validates `typedTarget` with the engine's target rules (and tel: URIs) first.
    engine::EngineError blindTransfer(const engine::CallKey &call, const QString &typedTarget);
    // After a lost transfer: dials the transferee again and removes the finished row.
    engine::EngineError callBack(const engine::CallKey &call);
    // The call the keyboard and the command line act on: the talking one, else the first
    // ringing one, else the first live one.
    std::optional<engine::CallKey> currentCall() const;
    std::optional<engine::CallKey> firstRingingCall() const;

    // --- command line -----------------------------------------------------------------------
    QJsonObject handleRequest(const InstanceRequest &request);
    QJsonObject statusJson() const;       // {"ok":true,"phones":[…]}
    QJsonObject phoneStatusJson() const;  // one element of "phones"

  signals:
    void problem(const QString &message);  // readable, for the status bar
    void accountsChanged();
    void configChanged();  // audio devices or ringtone switch

  private:
    void recordFinishedCall(const CallRow &row);
    void addAccountWithStoredPassword(const engine::AccountConfig &account);
    QString saveConfig();

    engine::Engine *engine_;
    PhonePaths paths_;
    QString phoneName_;
    PhoneConfig config_;
    // Dials not yet seen as a call, by request id: a failure goes to the history too.
    QHash<QString, QPair<QString, QString>> pendingDials_;  // id -> (account AOR, target URI)
    PasswordStore *passwords_;
    AccountsModel *accounts_;
    CallsModel *calls_;
    CallHistoryModel *history_;
    ContactsModel *contacts_;
    // The outcome of this phone's latest transfer as `--status` shows it ("lastTransfer" of
    // the phone): a succeeded transfer's call row is dismissed a few seconds after the call
    // ends, but the command line must still be able to tell how it went. Null until one.
    QJsonValue lastTransferJson_ = QJsonValue::Null;
    engine::AudioDeviceCatalog *audioDevices_;
};

}  // namespace phone
