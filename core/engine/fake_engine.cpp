#include "engine/fake_engine.h"

#include "engine/sip_target.h"

#include <QDateTime>
#include <QTimer>

namespace engine {
namespace {

QDateTime now() {
    return QDateTime::currentDateTimeUtc();
}

EngineError unknownCall(const CallKey &key) {
    return EngineError::make(
        EngineError::Code::UnknownCall,
        QStringLiteral("There is no call %1 on %2.").arg(key.callId, key.accountAor));
}

EngineError wrongState(const QString &what, const CallInfo &call) {
    return EngineError::make(
        EngineError::Code::InvalidState,
        QStringLiteral("Cannot %1 a call that is %2.").arg(what, describe(call.state)));
}

bool validDtmf(const QString &digits) {
    if (digits.isEmpty()) {
        return false;
    }
    for (const QChar c : digits) {
        if (!(c.isDigit() || c == QLatin1Char('*') || c == QLatin1Char('#') ||
              (c >= QLatin1Char('A') && c <= QLatin1Char('D')))) {
            return false;
        }
    }
    return true;
}

}  // namespace

FakeEngine::FakeEngine(QObject *parent) : Engine(parent) {}

void FakeEngine::emitLater(std::function<void()> emitter) {
    QTimer::singleShot(0, this, std::move(emitter));
}

void FakeEngine::start() {
    if (status_ == EngineStatus::Running) {
        return;
    }
    status_ = EngineStatus::Running;
    emitLater([this] {
        emit statusChanged(EngineStatus::Running, QStringLiteral("fake engine running"));
    });
    for (auto it = accounts_.begin(); it != accounts_.end(); ++it) {
        if (it->wantRegistered && it->config.registerIntervalS > 0) {
            registerAccount(it.key());
        }
    }
}

void FakeEngine::stop() {
    if (status_ == EngineStatus::Stopped) {
        return;
    }
    const QList<CallKey> live = callOrder_;
    for (const CallKey &key : live) {
        closeCall(key, QStringLiteral("Connection reset by user"));
    }
    for (auto it = accounts_.begin(); it != accounts_.end(); ++it) {
        setRegistration(*it, RegistrationState::Unregistered, 0, {});
    }
    status_ = EngineStatus::Stopped;
    emitLater([this] {
        emit statusChanged(EngineStatus::Stopped, QStringLiteral("fake engine stopped"));
    });
}

EngineError FakeEngine::checkRunning() const {
    if (status_ != EngineStatus::Running) {
        return EngineError::make(EngineError::Code::NotRunning,
                                 QStringLiteral("The phone engine is %1.").arg(describe(status_)));
    }
    return {};
}

void FakeEngine::setRegistration(Account &account, RegistrationState state, int code,
                                 const QString &reason) {
    account.state.registration = state;
    account.state.sipCode = code;
    account.state.reason = reason;
    account.state.changed = now();
    const AccountState copy = account.state;
    emitLater([this, copy] { emit accountStateChanged(copy); });
}

void FakeEngine::registerAccount(const QString &aor) {
    auto it = accounts_.find(aor);
    if (it == accounts_.end() || status_ != EngineStatus::Running) {
        return;
    }
    setRegistration(*it, RegistrationState::Registering, 0, {});
    const auto answer = registrarAnswers_.value(aor, defaultRegistrarAnswer_);
    const bool ok = answer.first >= 200 && answer.first < 300;
    setRegistration(*it, ok ? RegistrationState::Registered : RegistrationState::Failed,
                    answer.first, answer.second);
}

EngineError FakeEngine::addAccount(const AccountConfig &config) {
    if (config.user.isEmpty() || !isValidHostPort(config.domain)) {
        return EngineError::make(
            EngineError::Code::BadConfig,
            QStringLiteral("An account needs a user name and a valid domain."));
    }
    if (accounts_.contains(config.aor())) {
        return EngineError::make(
            EngineError::Code::BadConfig,
            QStringLiteral("The account %1 exists already.").arg(config.aor()));
    }
    Account account;
    account.config = config;
    account.state.aor = config.aor();
    account.state.changed = now();
    accounts_.insert(config.aor(), account);
    commandLog_ << QStringLiteral("addAccount %1").arg(config.aor());
    if (status_ == EngineStatus::Running && config.registerIntervalS > 0) {
        registerAccount(config.aor());
    }
    return {};
}

EngineError FakeEngine::updateAccount(const AccountConfig &config) {
    if (!accounts_.contains(config.aor())) {
        return EngineError::make(EngineError::Code::UnknownAccount,
                                 QStringLiteral("There is no account %1.").arg(config.aor()));
    }
    accounts_[config.aor()].config = config;
    commandLog_ << QStringLiteral("updateAccount %1").arg(config.aor());
    if (status_ == EngineStatus::Running && config.registerIntervalS > 0) {
        registerAccount(config.aor());
    }
    return {};
}

EngineError FakeEngine::removeAccount(const QString &aor) {
    auto it = accounts_.find(aor);
    if (it == accounts_.end()) {
        return EngineError::make(EngineError::Code::UnknownAccount,
                                 QStringLiteral("There is no account %1.").arg(aor));
    }
    for (const CallKey &key : QList<CallKey>(callOrder_)) {
        if (key.accountAor == aor) {
            closeCall(key, QStringLiteral("Account removed"));
        }
    }
    setRegistration(*it, RegistrationState::Unregistered, 0, QStringLiteral("account removed"));
    accounts_.erase(it);
    commandLog_ << QStringLiteral("removeAccount %1").arg(aor);
    return {};
}

EngineError FakeEngine::setRegistered(const QString &aor, bool registered) {
    if (const EngineError error = checkRunning(); error.isError()) {
        return error;
    }
    auto it = accounts_.find(aor);
    if (it == accounts_.end()) {
        return EngineError::make(EngineError::Code::UnknownAccount,
                                 QStringLiteral("There is no account %1.").arg(aor));
    }
    it->wantRegistered = registered;
    if (registered) {
        registerAccount(aor);
    } else {
        setRegistration(*it, RegistrationState::Unregistering, 0, {});
        setRegistration(*it, RegistrationState::Unregistered, 0, {});
    }
    return {};
}

void FakeEngine::networkChanged() {
    for (auto it = accounts_.begin(); it != accounts_.end(); ++it) {
        if (it->wantRegistered && it->config.registerIntervalS > 0) {
            registerAccount(it.key());
        }
    }
}

QList<AccountConfig> FakeEngine::accounts() const {
    QList<AccountConfig> out;
    for (const Account &account : accounts_) {
        out << account.config;
    }
    return out;
}

QList<AccountState> FakeEngine::accountStates() const {
    QList<AccountState> out;
    for (const Account &account : accounts_) {
        out << account.state;
    }
    return out;
}

QString FakeEngine::newCallId() {
    return QStringLiteral("fake-%1").arg(nextCallId_++, 8, 16, QLatin1Char('0'));
}

EngineError FakeEngine::dial(const QString &aor, const QString &target, QString *requestId) {
    if (const EngineError error = checkRunning(); error.isError()) {
        return error;
    }
    const auto account = accounts_.constFind(aor);
    if (account == accounts_.constEnd()) {
        return EngineError::make(EngineError::Code::UnknownAccount,
                                 QStringLiteral("There is no account %1.").arg(aor));
    }
    const SipTarget uri = completeSipTarget(target, account->config.domain);
    if (!uri.isValid()) {
        return EngineError::make(EngineError::Code::InvalidTarget, uri.error);
    }
    CallInfo call;
    call.key = {aor, newCallId()};
    call.direction = CallDirection::Outgoing;
    call.state = CallState::Outgoing;
    call.peerUri = uri.uri;
    call.dialRequestId = QStringLiteral("dial-%1").arg(nextDialRequest_++);
    call.started = now();
    if (requestId) {
        *requestId = call.dialRequestId;
    }
    calls_.insert(call.key, call);
    callOrder_ << call.key;
    commandLog_ << QStringLiteral("dial %1 %2").arg(aor, uri.uri);
    emitLater([this, call] { emit callAdded(call); });
    return {};
}

EngineError FakeEngine::findCall(const CallKey &key, CallInfo **call) {
    if (const EngineError error = checkRunning(); error.isError()) {
        return error;
    }
    auto it = calls_.find(key);
    if (it == calls_.end()) {
        return unknownCall(key);
    }
    *call = &it.value();
    return {};
}

EngineError FakeEngine::answer(const CallKey &key) {
    CallInfo *call = nullptr;
    if (const EngineError error = findCall(key, &call); error.isError()) {
        return error;
    }
    if (call->state != CallState::Incoming) {
        return wrongState(QStringLiteral("answer"), *call);
    }
    // Like BaresipEngine: the other established calls are put on hold first.
    for (auto it = calls_.begin(); it != calls_.end(); ++it) {
        if (it.key() != key && it->state == CallState::Established && !it->onHold) {
            hold(it.key());
        }
    }
    call->state = CallState::Established;
    call->established = now();
    commandLog_ << QStringLiteral("answer %1").arg(key.callId);
    const CallInfo copy = *call;
    emitLater([this, copy] { emit callChanged(copy); });
    return {};
}

EngineError FakeEngine::decline(const CallKey &key) {
    CallInfo *call = nullptr;
    if (const EngineError error = findCall(key, &call); error.isError()) {
        return error;
    }
    if (call->state != CallState::Incoming) {
        return wrongState(QStringLiteral("decline"), *call);
    }
    commandLog_ << QStringLiteral("decline %1").arg(key.callId);
    closeCall(key, QStringLiteral("Declined"));
    return {};
}

EngineError FakeEngine::hangup(const CallKey &key) {
    CallInfo *call = nullptr;
    if (const EngineError error = findCall(key, &call); error.isError()) {
        return error;
    }
    commandLog_ << QStringLiteral("hangup %1").arg(key.callId);
    closeCall(key, QStringLiteral("Connection reset by user"));
    return {};
}

EngineError FakeEngine::hold(const CallKey &key) {
    CallInfo *call = nullptr;
    if (const EngineError error = findCall(key, &call); error.isError()) {
        return error;
    }
    if (call->state != CallState::Established) {
        return wrongState(QStringLiteral("hold"), *call);
    }
    if (call->onHold) {
        return {};
    }
    call->onHold = true;
    commandLog_ << QStringLiteral("hold %1").arg(key.callId);
    const CallInfo copy = *call;
    emitLater([this, copy] { emit callChanged(copy); });
    return {};
}

EngineError FakeEngine::resume(const CallKey &key) {
    CallInfo *call = nullptr;
    if (const EngineError error = findCall(key, &call); error.isError()) {
        return error;
    }
    if (call->state != CallState::Established) {
        return wrongState(QStringLiteral("resume"), *call);
    }
    if (!call->onHold) {
        return {};
    }
    for (auto it = calls_.begin(); it != calls_.end(); ++it) {
        if (it.key() != key && it->state == CallState::Established && !it->onHold) {
            hold(it.key());
        }
    }
    call = &calls_[key];
    call->onHold = false;
    commandLog_ << QStringLiteral("resume %1").arg(key.callId);
    const CallInfo copy = *call;
    emitLater([this, copy] { emit callChanged(copy); });
    return {};
}

EngineError FakeEngine::setMuted(const CallKey &key, bool muted) {
    CallInfo *call = nullptr;
    if (const EngineError error = findCall(key, &call); error.isError()) {
        return error;
    }
    if (call->state != CallState::Established) {
        return wrongState(QStringLiteral("mute"), *call);
    }
    if (call->muted == muted) {
        return {};
    }
    call->muted = muted;
    commandLog_ << QStringLiteral("mute %1 %2").arg(key.callId).arg(muted);
    const CallInfo copy = *call;
    emitLater([this, copy] { emit callChanged(copy); });
    return {};
}

EngineError FakeEngine::sendDtmf(const CallKey &key, const QString &digits) {
    CallInfo *call = nullptr;
    if (const EngineError error = findCall(key, &call); error.isError()) {
        return error;
    }
    if (call->state != CallState::Established) {
        return wrongState(QStringLiteral("send DTMF on"), *call);
    }
    if (!validDtmf(digits)) {
        return EngineError::make(EngineError::Code::InvalidTarget,
                                 QStringLiteral("DTMF digits are 0-9, *, # and A-D."));
    }
    commandLog_ << QStringLiteral("dtmf %1 %2").arg(key.callId, digits);
    return {};
}

EngineError FakeEngine::blindTransfer(const CallKey &key, const QString &target) {
    CallInfo *call = nullptr;
    if (const EngineError error = findCall(key, &call); error.isError()) {
        return error;
    }
    if (call->state != CallState::Established) {
        return wrongState(QStringLiteral("transfer"), *call);
    }
    if (transfers_.contains(key)) {
        return EngineError::make(EngineError::Code::InvalidState,
                                 QStringLiteral("A transfer of this call is already in progress."));
    }
    const SipTarget uri = completeSipTarget(target, accounts_.value(key.accountAor).config.domain);
    if (!uri.isValid()) {
        return EngineError::make(EngineError::Code::InvalidTarget, uri.error);
    }
    TransferStatus status;
    status.call = key;
    status.target = uri.uri;
    status.transfereeUri = call->peerUri;
    transfers_.insert(key, status);
    commandLog_ << QStringLiteral("transfer %1 %2").arg(key.callId, uri.uri);
    emitLater([this, status] { emit transferStatusChanged(status); });
    return {};
}

QList<CallInfo> FakeEngine::calls() const {
    QList<CallInfo> out;
    for (const CallKey &key : callOrder_) {
        out << calls_.value(key);
    }
    return out;
}

EngineError FakeEngine::setAudioDevices(const AudioDeviceSelection &selection) {
    audio_ = selection;
    commandLog_ << QStringLiteral("audio in=%1 out=%2").arg(selection.inputId, selection.outputId);
    return {};
}

void FakeEngine::setRegistrarAnswer(int sipCode, const QString &reason) {
    defaultRegistrarAnswer_ = {sipCode, reason.isEmpty() ? QString::number(sipCode) : reason};
}

void FakeEngine::setRegistrarAnswer(const QString &aor, int sipCode, const QString &reason) {
    registrarAnswers_.insert(aor, {sipCode, reason.isEmpty() ? QString::number(sipCode) : reason});
}

void FakeEngine::closeCall(const CallKey &key, const QString &reason) {
    auto it = calls_.find(key);
    if (it == calls_.end()) {
        return;
    }
    CallInfo call = it.value();
    call.state = CallState::Closed;
    call.ended = now();
    call.endReason = reason;
    calls_.erase(it);
    callOrder_.removeAll(key);
    emitLater([this, call] { emit callRemoved(call); });
}

CallKey FakeEngine::injectIncomingCall(const QString &aor, const QString &peerUri,
                                       const QString &peerDisplayName) {
    if (!accounts_.contains(aor) || status_ != EngineStatus::Running) {
        return {};
    }
    CallInfo call;
    call.key = {aor, newCallId()};
    call.direction = CallDirection::Incoming;
    call.state = CallState::Incoming;
    call.peerUri = peerUri;
    call.peerDisplayName = peerDisplayName;
    call.started = now();
    calls_.insert(call.key, call);
    callOrder_ << call.key;
    emitLater([this, call] { emit callAdded(call); });
    if (accounts_.value(aor).config.autoAnswer) {
        answer(call.key);
    }
    return call.key;
}

void FakeEngine::injectRemoteRinging(const CallKey &key) {
    auto it = calls_.find(key);
    if (it == calls_.end() || it->state != CallState::Outgoing) {
        return;
    }
    it->state = CallState::Ringing;
    const CallInfo copy = *it;
    emitLater([this, copy] { emit callChanged(copy); });
}

void FakeEngine::injectRemoteAnswer(const CallKey &key) {
    auto it = calls_.find(key);
    if (it == calls_.end() ||
        (it->state != CallState::Outgoing && it->state != CallState::Ringing)) {
        return;
    }
    it->state = CallState::Established;
    it->established = now();
    const CallInfo copy = *it;
    emitLater([this, copy] { emit callChanged(copy); });
}

void FakeEngine::injectRemoteHangup(const CallKey &key, const QString &reason) {
    auto transfer = transfers_.find(key);
    if (transfer != transfers_.end()) {
        // Restcomm ends the transferor's leg after accepting the REFER: that is success.
        TransferStatus status = transfer.value();
        transfers_.erase(transfer);
        status.state = TransferState::Succeeded;
        status.reason = QStringLiteral("the server ended the call after accepting the transfer");
        emitLater([this, status] { emit transferStatusChanged(status); });
    }
    closeCall(key, reason);
}

void FakeEngine::injectDtmf(const CallKey &key, QChar digit) {
    if (calls_.contains(key)) {
        emitLater([this, key, digit] { emit dtmfReceived(key, digit); });
    }
}

void FakeEngine::injectTransferOutcome(const CallKey &key, TransferState outcome, int sipCode,
                                       const QString &reason) {
    auto transfer = transfers_.find(key);
    if (transfer == transfers_.end()) {
        return;
    }
    TransferStatus status = transfer.value();
    transfers_.erase(transfer);
    status.state = outcome;
    status.sipCode = sipCode;
    status.reason = reason;
    if (outcome == TransferState::Succeeded) {
        closeCall(key, QStringLiteral("Call transfered"));
    } else if (outcome == TransferState::Failed) {
        status.originalCallLost = true;
        closeCall(key, reason);
    }
    emitLater([this, status] { emit transferStatusChanged(status); });
}

CallKey FakeEngine::injectTransferRequest(const CallKey &key, const QString &target) {
    auto it = calls_.find(key);
    if (it == calls_.end() || !accounts_.value(key.accountAor).config.allowTransfers) {
        return {};
    }
    TransferNotice notice;
    notice.call = key;
    notice.target = stripAngleBrackets(target);
    notice.transferorUri = it->peerUri;
    notice.transferorName = it->peerDisplayName;
    emitLater([this, notice] { emit transferRequested(notice); });

    CallInfo next;
    next.key = {key.accountAor, newCallId()};
    next.direction = CallDirection::Outgoing;
    next.state = CallState::Outgoing;
    next.peerUri = notice.target;
    next.continuesCallId = key.callId;
    next.started = now();
    calls_.insert(next.key, next);
    callOrder_ << next.key;
    emitLater([this, next] { emit callAdded(next); });
    TransferNotice continued = notice;
    continued.newCallId = next.key.callId;
    emitLater([this, continued] { emit transferContinued(continued); });
    closeCall(key, QStringLiteral("Connection reset by peer"));
    return next.key;
}

void FakeEngine::injectCrash(const QString &reason) {
    if (status_ != EngineStatus::Running) {
        return;
    }
    status_ = EngineStatus::Restarting;
    emitLater([this, reason] { emit statusChanged(EngineStatus::Restarting, reason); });
    emitLater([this, reason] {
        emit engineError(EngineError::make(EngineError::Code::Crashed, reason));
    });
    const QList<CallKey> lost = callOrder_;
    for (const CallKey &key : lost) {
        closeCall(key, reason);
    }
    transfers_.clear();
    status_ = EngineStatus::Running;
    const int attempt = ++restarts_;
    emitLater([this, attempt, reason, lost] {
        emit engineRestarted(attempt, reason, lost);
        emit statusChanged(EngineStatus::Running,
                           QStringLiteral("restarted after: %1").arg(reason));
    });
    networkChanged();
}

QList<TransferStatus> FakeEngine::pendingTransfers() const {
    return transfers_.values();
}

}  // namespace engine
