#pragma once
// FakeEngine: an in-process Engine with real state and no baresip, for GUI tests and demos.
// Commands are checked exactly like BaresipEngine checks them (unknown account/call, call
// state, target validation) and change the state; the far end is played by the inject*()
// methods. Signals are delivered queued, as from the real engine, so tests must wait for them.
#include "engine/engine.h"

#include <QHash>
#include <QMap>
#include <functional>

namespace engine {

class FakeEngine : public Engine {
    Q_OBJECT
  public:
    explicit FakeEngine(QObject *parent = nullptr);

    void start() override;
    void stop() override;
    EngineStatus status() const override { return status_; }

    EngineError addAccount(const AccountConfig &config) override;
    EngineError updateAccount(const AccountConfig &config) override;
    EngineError removeAccount(const QString &aor) override;
    EngineError setRegistered(const QString &aor, bool registered) override;
    void networkChanged() override;
    QList<AccountConfig> accounts() const override;
    QList<AccountState> accountStates() const override;

    EngineError dial(const QString &aor, const QString &target, QString *requestId) override;
    EngineError answer(const CallKey &call) override;
    EngineError decline(const CallKey &call) override;
    EngineError hangup(const CallKey &call) override;
    EngineError hold(const CallKey &call) override;
    EngineError resume(const CallKey &call) override;
    EngineError setMuted(const CallKey &call, bool muted) override;
    EngineError sendDtmf(const CallKey &call, const QString &digits) override;
    EngineError blindTransfer(const CallKey &call, const QString &target) override;
    QList<CallInfo> calls() const override;

    EngineError setAudioDevices(const AudioDeviceSelection &selection) override;
    AudioDeviceSelection audioDevices() const override { return audio_; }

    // --- the far end ---------------------------------------------------------------------
    // Registrations answer with this code (200 = success) unless overridden per AOR.
    void setRegistrarAnswer(int sipCode, const QString &reason = {});
    void setRegistrarAnswer(const QString &aor, int sipCode, const QString &reason = {});
    // An incoming call on `aor`; returns its key.
    CallKey injectIncomingCall(const QString &aor, const QString &peerUri,
                               const QString &peerDisplayName = {});
    void injectRemoteRinging(const CallKey &call);
    void injectRemoteAnswer(const CallKey &call);
    void injectRemoteHangup(const CallKey &call,
                            const QString &reason = QStringLiteral("Connection reset by peer"));
    void injectDtmf(const CallKey &call, QChar digit);
    // Ends a pending transfer: Succeeded closes the call ("Call transfered"), Failed closes it
    // too (as baresip 1.0.0 does) with originalCallLost = true.
    void injectTransferOutcome(const CallKey &call, TransferState outcome, int sipCode = 0,
                               const QString &reason = {});
    // The peer sends REFER on `call`: a TransferNotice, then a new outgoing call to `target`
    // adopted as its continuation; returns the new call's key (invalid if refused).
    CallKey injectTransferRequest(const CallKey &call, const QString &target);
    // The engine process "crashes": all calls end, accounts re-register, engineRestarted().
    void injectCrash(const QString &reason = QStringLiteral("baresip crashed (signal 9)"));

    // What the commands asked for, for assertions ("dtmf <key> 12#", "transfer <key> sip:…").
    QStringList commandLog() const { return commandLog_; }
    // Pending transfers (transferor side).
    QList<TransferStatus> pendingTransfers() const;

  private:
    struct Account {
        AccountConfig config;
        AccountState state;
        bool wantRegistered = true;
    };
    EngineError checkRunning() const;
    EngineError findCall(const CallKey &key, CallInfo **call);
    void setRegistration(Account &account, RegistrationState state, int code,
                         const QString &reason);
    void registerAccount(const QString &aor);
    void closeCall(const CallKey &key, const QString &reason);
    void emitLater(std::function<void()> emitter);
    QString newCallId();

    EngineStatus status_ = EngineStatus::Stopped;
    QMap<QString, Account> accounts_;
    QHash<CallKey, CallInfo> calls_;
    QList<CallKey> callOrder_;
    QHash<CallKey, TransferStatus> transfers_;
    QHash<QString, QPair<int, QString>> registrarAnswers_;
    QPair<int, QString> defaultRegistrarAnswer_{200, QStringLiteral("200 OK")};
    AudioDeviceSelection audio_;
    QStringList commandLog_;
    int nextCallId_ = 1;
    int nextDialRequest_ = 1;
    int restarts_ = 0;
};

}  // namespace engine
