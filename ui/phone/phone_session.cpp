#include "ui/phone/phone_session.h"

#include "ui/phone/accounts_model.h"
#include "ui/phone/call_history_model.h"
#include "ui/phone/calls_model.h"
#include "ui/phone/contacts_model.h"
#include "ui/phone/target_rules.h"

#include <QDir>
#include <QJsonArray>

namespace phone {

using engine::EngineError;

namespace {

EngineError noSuchCall(const engine::CallKey &call) {
    return EngineError::make(EngineError::Code::UnknownCall,
                             QObject::tr("There is no call %1 any more.").arg(call.callId));
}

QJsonObject errorResponse(const QString &error) {
    return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}};
}

QJsonObject okResponse(const QString &text) {
    return {{QStringLiteral("ok"), true}, {QStringLiteral("message"), text}};
}

}  // namespace

PhonePaths PhonePaths::inDirectory(const QString &directory) {
    const QDir dir(directory);
    return {dir.filePath(QStringLiteral("settings.json")),
            dir.filePath(QStringLiteral("history.json")),
            dir.filePath(QStringLiteral("contacts.json")),
            dir.filePath(QStringLiteral("passwords-unencrypted.json"))};
}

PhoneSession::PhoneSession(engine::Engine *engine, PhonePaths paths,
                           PasswordStore::Backend passwords, QString phoneName, QObject *parent)
    : QObject(parent),
      engine_(engine),
      paths_(std::move(paths)),
      phoneName_(std::move(phoneName)),
      passwords_(new PasswordStore(paths_.passwordsFile, passwords, this)),
      accounts_(new AccountsModel(engine, this)),
      calls_(new CallsModel(engine, this)),
      history_(new CallHistoryModel(paths_.historyFile, this)),
      contacts_(new ContactsModel(paths_.contactsFile, this)),
      audioDevices_(new engine::AudioDeviceCatalog(this)) {
    audioDevices_->follow(engine_);
    connect(audioDevices_, &engine::AudioDeviceCatalog::selectedDeviceRemoved, this,
            [this](const QString &message) {
                // The engine went back to the default device; the settings follow it.
                config_.audio = engine_->audioDevices();
                saveConfig();
                emit configChanged();
                emit problem(message);
            });
    connect(calls_, &CallsModel::callFinished, this, &PhoneSession::recordFinishedCall);
    connect(contacts_, &ContactsModel::saveFailed, this, &PhoneSession::problem);
    connect(engine_, &engine::Engine::engineError, this,
            [this](const EngineError &error) { emit problem(error.message); });
    connect(engine_, &engine::Engine::dialFailed, this,
            [this](const QString &requestId, const EngineError &error) {
                emit problem(tr("The call failed: %1").arg(error.message));
                if (const auto dial = pendingDials_.take(requestId); !dial.first.isEmpty()) {
                    HistoryEntry entry;
                    entry.started = QDateTime::currentDateTimeUtc();
                    entry.accountAor = dial.first;
                    entry.peerUri = dial.second;
                    entry.peerName = contacts_->nameFor(dial.second);
                    entry.outcome = tr("failed: %1").arg(error.message);
                    history_->add(entry);
                }
            });
    connect(engine_, &engine::Engine::callAdded, this,
            [this](const engine::CallInfo &call) { pendingDials_.remove(call.dialRequestId); });
    // Connected after the calls model (created above), so its row already has this status.
    connect(engine_, &engine::Engine::transferStatusChanged, this,
            [this](const engine::TransferStatus &status) {
                const int row = calls_->rowOf(status.call);
                lastTransferJson_ =
                    QJsonObject{{QStringLiteral("call"), status.call.callId},
                                {QStringLiteral("state"), engine::describe(status.state)},
                                {QStringLiteral("target"), status.target},
                                {QStringLiteral("sipCode"), status.sipCode},
                                {QStringLiteral("text"),
                                 row >= 0 ? calls_->row(row).transferText() : status.reason}};
            });
}

PhoneSession::~PhoneSession() = default;

void PhoneSession::start() {
    const PhoneConfigLoad loaded = loadPhoneConfig(paths_.settingsFile);
    config_ = loaded.config;
    for (const QString &warning : {loaded.warning, history_->load(), contacts_->load()}) {
        if (!warning.isEmpty()) {
            emit problem(warning);
        }
    }
    engine_->setAudioDevices(config_.audio);
    engine_->start();
    for (const engine::AccountConfig &account : config_.accounts) {
        addAccountWithStoredPassword(account);
    }
}

void PhoneSession::addAccountWithStoredPassword(const engine::AccountConfig &account) {
    passwords_->read(account.aor(), [this, account](const QString &password, const QString &error) {
        if (!error.isEmpty()) {
            emit problem(tr("Password of %1: %2").arg(account.aor(), error));
        }
        engine::AccountConfig withPassword = account;
        withPassword.password = password;
        const EngineError added = engine_->addAccount(withPassword);
        if (added.isError()) {
            emit problem(tr("Account %1: %2").arg(account.aor(), added.message));
        }
        accounts_->reload();
        emit accountsChanged();
    });
}

QString PhoneSession::saveConfig() {
    const QString error = savePhoneConfig(paths_.settingsFile, config_);
    if (!error.isEmpty()) {
        emit problem(error);
    }
    return error;
}

EngineError PhoneSession::saveAccount(const engine::AccountConfig &account,
                                      const QString &previousAor) {
    engine::AccountConfig stored = account;
    stored.password.clear();
    const QString aor = account.aor();
    const bool renamed = !previousAor.isEmpty() && previousAor != aor;
    qsizetype existing = -1;
    for (qsizetype i = 0; i < config_.accounts.size(); ++i) {
        if (config_.accounts.at(i).aor() == (previousAor.isEmpty() ? aor : previousAor)) {
            existing = i;
        }
    }
    if (previousAor.isEmpty() && existing >= 0) {
        return EngineError::make(EngineError::Code::BadConfig,
                                 tr("The account %1 exists already.").arg(aor));
    }
    const auto applyWithPassword = [this, account, aor, renamed, previousAor,
                                    existing](const QString &password) {
        engine::AccountConfig withPassword = account;
        withPassword.password = password;
        EngineError result;
        if (existing >= 0 && !renamed) {
            result = engine_->updateAccount(withPassword);
        } else {
            if (renamed) {
                engine_->removeAccount(previousAor);
            }
            result = engine_->addAccount(withPassword);
        }
        if (result.isError()) {
            emit problem(tr("Account %1: %2").arg(aor, result.message));
        }
        accounts_->reload();
        emit accountsChanged();
    };
    // Cheap checks first so the dialog can show them at once.
    if (account.user.trimmed().isEmpty()) {
        return EngineError::make(EngineError::Code::BadConfig, tr("The user name is empty."));
    }
    if (!engine::isValidHostPort(account.domain)) {
        return EngineError::make(
            EngineError::Code::BadConfig,
            tr("\"%1\" is not a valid domain (a host name or IP, optionally with :port).")
                .arg(account.domain));
    }
    if (existing >= 0) {
        config_.accounts[existing] = stored;
    } else {
        config_.accounts << stored;
    }
    if (renamed) {
        passwords_->remove(previousAor);
    }
    saveConfig();
    if (account.password.isEmpty() && existing >= 0) {
        const QString passwordKey = renamed ? previousAor : aor;
        passwords_->read(passwordKey,
                         [applyWithPassword](const QString &password, const QString &) {
                             applyWithPassword(password);
                         });
    } else {
        passwords_->write(aor, account.password, [this, aor](const QString &error) {
            if (!error.isEmpty()) {
                emit problem(tr("Password of %1 not saved: %2").arg(aor, error));
            }
        });
        applyWithPassword(account.password);
    }
    return {};
}

EngineError PhoneSession::removeAccount(const QString &aor) {
    const qsizetype removed = config_.accounts.removeIf(
        [&aor](const engine::AccountConfig &account) { return account.aor() == aor; });
    if (removed == 0) {
        return EngineError::make(EngineError::Code::UnknownAccount,
                                 tr("There is no account %1.").arg(aor));
    }
    saveConfig();
    passwords_->remove(aor);
    const EngineError result = engine_->removeAccount(aor);
    accounts_->reload();
    emit accountsChanged();
    return result;
}

EngineError PhoneSession::setAudio(const engine::AudioDeviceSelection &audio,
                                   bool ringtoneEnabled) {
    config_.audio = audio;
    config_.ringtoneEnabled = ringtoneEnabled;
    saveConfig();
    emit configChanged();
    return engine_->setAudioDevices(audio);
}

QString PhoneSession::defaultAccountAor() const {
    for (int row = 0; row < accounts_->rowCount(); ++row) {
        if (accounts_->state(row).registration == engine::RegistrationState::Registered) {
            return accounts_->config(row).aor();
        }
    }
    return accounts_->rowCount() > 0 ? accounts_->config(0).aor() : QString();
}

QString PhoneSession::accountDomain(const QString &aor) const {
    const int row = accounts_->rowOfAor(aor);
    return row >= 0 ? accounts_->config(row).domain : QString();
}

EngineError PhoneSession::dial(const QString &aor, const QString &typedTarget) {
    if (aor.isEmpty()) {
        return EngineError::make(EngineError::Code::UnknownAccount,
                                 tr("There is no account to call from: add one in Settings."));
    }
    const engine::SipTarget target = completeTarget(typedTarget, accountDomain(aor));
    if (!target.isValid()) {
        return EngineError::make(EngineError::Code::InvalidTarget, target.error);
    }
    QString requestId;
    const EngineError result = engine_->dial(aor, target.uri, &requestId);
    if (!result.isError() && !requestId.isEmpty()) {
        pendingDials_.insert(requestId, {aor, target.uri});
    }
    return result;
}

EngineError PhoneSession::answer(const engine::CallKey &call) {
    return engine_->answer(call);
}

EngineError PhoneSession::decline(const engine::CallKey &call) {
    return engine_->decline(call);
}

EngineError PhoneSession::hangup(const engine::CallKey &call) {
    const int row = calls_->rowOf(call);
    if (row >= 0 && calls_->row(row).closed) {
        calls_->dismiss(call);  // nothing to hang up: the row only showed an outcome
        return {};
    }
    return engine_->hangup(call);
}

EngineError PhoneSession::toggleHold(const engine::CallKey &call) {
    const int row = calls_->rowOf(call);
    if (row < 0) {
        return noSuchCall(call);
    }
    return calls_->row(row).info.onHold ? engine_->resume(call) : engine_->hold(call);
}

EngineError PhoneSession::toggleMute(const engine::CallKey &call) {
    const int row = calls_->rowOf(call);
    if (row < 0) {
        return noSuchCall(call);
    }
    return engine_->setMuted(call, !calls_->row(row).info.muted);
}

EngineError PhoneSession::sendDtmf(const engine::CallKey &call, const QString &digits) {
    return engine_->sendDtmf(call, digits);
}

EngineError PhoneSession::blindTransfer(const engine::CallKey &call, const QString &typedTarget) {
    const int row = calls_->rowOf(call);
    if (row < 0) {
        return noSuchCall(call);
    }
    if (!calls_->row(row).canTransfer()) {
        return EngineError::make(
            EngineError::Code::InvalidState,
            tr("Only an established call without a transfer in progress can be transferred."));
    }
    const engine::SipTarget target = completeTarget(typedTarget, accountDomain(call.accountAor));
    if (!target.isValid()) {
        return EngineError::make(EngineError::Code::InvalidTarget, target.error);
    }
    calls_->setTransferTargetLabel(call, typedTarget.trimmed());
    return engine_->blindTransfer(call, target.uri);
}

EngineError PhoneSession::callBack(const engine::CallKey &call) {
    const int row = calls_->rowOf(call);
    if (row < 0) {
        return noSuchCall(call);
    }
    const CallRow &entry = calls_->row(row);
    const QString peer = entry.transfer && !entry.transfer->transfereeUri.isEmpty()
                             ? entry.transfer->transfereeUri
                             : entry.info.peerUri;
    const EngineError result = dial(call.accountAor, peer);
    if (!result.isError()) {
        calls_->dismiss(call);
    }
    return result;
}

std::optional<engine::CallKey> PhoneSession::currentCall() const {
    std::optional<engine::CallKey> ringing;
    std::optional<engine::CallKey> any;
    for (const CallRow &row : calls_->rows()) {
        if (row.closed) {
            continue;
        }
        if (row.isEstablished() && !row.info.onHold) {
            return row.info.key;
        }
        if (!ringing && row.canAnswer()) {
            ringing = row.info.key;
        }
        if (!any) {
            any = row.info.key;
        }
    }
    return ringing ? ringing : any;
}

std::optional<engine::CallKey> PhoneSession::firstRingingCall() const {
    for (const CallRow &row : calls_->rows()) {
        if (row.canAnswer()) {
            return row.info.key;
        }
    }
    return std::nullopt;
}

QJsonObject PhoneSession::handleRequest(const InstanceRequest &request) {
    const QString ownName = phoneName_.isEmpty() ? QStringLiteral("default") : phoneName_;
    if (!request.phone.isEmpty() && request.phone != ownName) {
        return errorResponse(tr("There is no phone named \"%1\" (this is \"%2\"; the Lab's "
                                "phones are reachable when it runs).")
                                 .arg(request.phone, ownName));
    }
    using Command = InstanceRequest::Command;
    const auto done = [](const EngineError &error, const QString &text) {
        return error.isError() ? errorResponse(error.message) : okResponse(text);
    };
    switch (request.command) {
        case Command::Status:
            return statusJson();
        case Command::Show:
            return errorResponse(tr("This phone has no window to show."));
        case Command::Lab:
            return errorResponse(tr("This phone cannot open the Transfer Lab."));
        case Command::Dial:
            return done(dial(defaultAccountAor(), request.target),
                        tr("Dialling %1").arg(request.target));
        case Command::Answer: {
            const auto call = firstRingingCall();
            return call ? done(answer(*call), tr("Answered"))
                        : errorResponse(tr("No call is ringing."));
        }
        case Command::Hangup: {
            const auto call = currentCall();
            return call ? done(hangup(*call), tr("Hung up"))
                        : errorResponse(tr("There is no call."));
        }
        case Command::Transfer: {
            const auto call = currentCall();
            return call ? done(blindTransfer(*call, request.target),
                               tr("Transferring to %1").arg(request.target))
                        : errorResponse(tr("There is no call to transfer."));
        }
    }
    return errorResponse(tr("Unknown command."));
}

QJsonObject PhoneSession::phoneStatusJson() const {
    const QString aor = defaultAccountAor();
    const int accountRow = accounts_->rowOfAor(aor);
    const bool registered = accountRow >= 0 && accounts_->state(accountRow).registration ==
                                                   engine::RegistrationState::Registered;
    QJsonArray calls;
    for (const CallRow &row : calls_->rows()) {
        QJsonValue lastTransfer = QJsonValue::Null;
        if (row.transfer) {
            lastTransfer =
                QJsonObject{{QStringLiteral("state"), engine::describe(row.transfer->state)},
                            {QStringLiteral("target"), row.transfer->target},
                            {QStringLiteral("sipCode"), row.transfer->sipCode},
                            {QStringLiteral("text"), row.transferText()}};
        }
        calls.append(QJsonObject{{QStringLiteral("id"), row.info.key.callId},
                                 {QStringLiteral("account"), row.info.key.accountAor},
                                 {QStringLiteral("peer"), row.info.peerUri},
                                 {QStringLiteral("state"), phaseName(row.phase())},
                                 {QStringLiteral("muted"), row.info.muted},
                                 {QStringLiteral("lastTransfer"), lastTransfer}});
    }
    return {
        {QStringLiteral("phone"), phoneName_.isEmpty() ? QStringLiteral("default") : phoneName_},
        {QStringLiteral("account"), aor},
        {QStringLiteral("registered"), registered},
        {QStringLiteral("calls"), calls},
        {QStringLiteral("lastTransfer"), lastTransferJson_}};
}

QJsonObject PhoneSession::statusJson() const {
    return {{QStringLiteral("ok"), true},
            {QStringLiteral("phones"), QJsonArray{phoneStatusJson()}}};
}

void PhoneSession::recordFinishedCall(const CallRow &row) {
    HistoryEntry entry;
    entry.started = row.info.started.isValid() ? row.info.started : QDateTime::currentDateTimeUtc();
    entry.incoming = row.info.direction == engine::CallDirection::Incoming;
    entry.peerUri = row.info.peerUri;
    entry.peerName = row.info.peerDisplayName.isEmpty() ? contacts_->nameFor(row.info.peerUri)
                                                        : row.info.peerDisplayName;
    entry.accountAor = row.info.key.accountAor;
    entry.durationMs = row.info.durationMs();
    entry.outcome = row.outcomeText();
    const QString error = history_->add(entry);
    if (!error.isEmpty()) {
        emit problem(tr("History not saved: %1").arg(error));
    }
}

}  // namespace phone
