#pragma once
// Engine: what the GUI sees of a phone. Commands return at once: an EngineError that is not
// None means the command was refused before anything was sent (and says why); everything that
// happens later arrives as a signal carrying a value type. Signals are emitted on the thread
// the engine lives on (the GUI thread). BaresipEngine drives a baresip process; FakeEngine is
// an in-process implementation with real state for GUI tests.
#include "engine/engine_types.h"

#include <QObject>

namespace engine {

class Engine : public QObject {
    Q_OBJECT
  public:
    using QObject::QObject;
    ~Engine() override = default;

    // --- life cycle ---------------------------------------------------------------------
    // Starts the engine; statusChanged(Running) or engineError() follow.
    virtual void start() = 0;
    // Ends all calls and stops; statusChanged(Stopped) follows.
    virtual void stop() = 0;
    virtual EngineStatus status() const = 0;

    // --- accounts (keyed by AccountConfig::aor()) ---------------------------------------
    virtual EngineError addAccount(const AccountConfig &config) = 0;
    // Replaces the account with the same AOR (re-creates it in the engine).
    virtual EngineError updateAccount(const AccountConfig &config) = 0;
    virtual EngineError removeAccount(const QString &aor) = 0;
    // Register (true) or unregister (false) now, independently of the interval.
    virtual EngineError setRegistered(const QString &aor, bool registered) = 0;
    // The network came back (or changed): re-register every registering account.
    virtual void networkChanged() = 0;
    virtual QList<AccountConfig> accounts() const = 0;
    virtual QList<AccountState> accountStates() const = 0;

    // --- calls ----------------------------------------------------------------------------
    // Dials `target` (number, user name or SIP URI, completed with the account's domain).
    // On success `requestId` is set; callAdded() later carries CallInfo::dialRequestId equal
    // to it, or dialFailed(requestId, error) reports why no call came of it.
    virtual EngineError dial(const QString &aor, const QString &target, QString *requestId) = 0;
    virtual EngineError answer(const CallKey &call) = 0;
    virtual EngineError decline(const CallKey &call) = 0;  // incoming, not answered
    virtual EngineError hangup(const CallKey &call) = 0;
    virtual EngineError hold(const CallKey &call) = 0;
    virtual EngineError resume(const CallKey &call) = 0;
    virtual EngineError setMuted(const CallKey &call, bool muted) = 0;
    virtual EngineError sendDtmf(const CallKey &call, const QString &digits) = 0;  // 0-9*#A-D
    // Blind transfer of an established call; outcome via transferStatusChanged().
    virtual EngineError blindTransfer(const CallKey &call, const QString &target) = 0;
    virtual QList<CallInfo> calls() const = 0;  // live calls

    // --- audio ------------------------------------------------------------------------------
    virtual EngineError setAudioDevices(const AudioDeviceSelection &selection) = 0;
    virtual AudioDeviceSelection audioDevices() const = 0;

  signals:
    void statusChanged(engine::EngineStatus status, const QString &message);
    // Something failed outside a command's synchronous checks (start, crash, late errors).
    void engineError(const engine::EngineError &error);
    // baresip died and was restarted: accounts re-created, `lostCalls` ended by the crash.
    void engineRestarted(int attempt, const QString &reason,
                         const QList<engine::CallKey> &lostCalls);

    void accountStateChanged(const engine::AccountState &state);

    void callAdded(const engine::CallInfo &call);    // new incoming or outgoing call
    void callChanged(const engine::CallInfo &call);  // state, hold, mute
    void callRemoved(const engine::CallInfo &call);  // closed; endReason says why
    void dialFailed(const QString &requestId, const engine::EngineError &error);
    void dtmfReceived(const engine::CallKey &call, QChar digit);

    void transferStatusChanged(const engine::TransferStatus &status);  // transferor
    void transferRequested(const engine::TransferNotice &notice);      // transferee, REFER in
    void transferContinued(const engine::TransferNotice &notice);      // newCallId adopted

    // A line of SIP trace / engine log, for the flow view and diagnostics.
    void logLine(const QString &line);
};

}  // namespace engine
