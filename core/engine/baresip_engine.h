#pragma once
// BaresipEngine: the Engine on a baresip 1.0.0 process driven over ctrl_tcp, with the
// workarounds baresip-engine.md §13 lists: private generated config, drained stdout into a
// rotating log, one owned ctrl connection, atomic uafind+callfind+command batches with
// verified replies, our own call table, dial/transferee correlation, tracked hold/mute, a
// transfer tracker with a guard timer, and crash detection with restart and re-registration.
#include "engine/baresip_config.h"
#include "engine/call_table.h"
#include "engine/ctrl_client.h"
#include "engine/engine.h"
#include "engine/rotating_log.h"
#include "engine/transfer_tracker.h"

#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace engine {

class BaresipEngine : public Engine {
    Q_OBJECT
  public:
    explicit BaresipEngine(BaresipSettings settings, QObject *parent = nullptr);
    ~BaresipEngine() override;  // quits baresip (kills it if it does not exit at once)

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
    QList<CallInfo> calls() const override { return calls_.calls(); }

    EngineError setAudioDevices(const AudioDeviceSelection &selection) override;
    AudioDeviceSelection audioDevices() const override { return audio_; }

    // --- diagnostics, tests and benchmarks ------------------------------------------------
    // Where baresip is searched: the setting, next to our executable, then PATH. Empty when
    // not found; `searched` lists the places tried.
    static QString locateBaresip(const QString &setting, QStringList *searched = nullptr);
    const BaresipSettings &settings() const { return settings_; }
    BaresipPorts ports() const { return ports_; }
    qint64 processId() const;
    QString logPath() const { return log_.path(); }
    QByteArray recentLog(qint64 bytes = 4000) const { return log_.tail(bytes); }
    std::optional<RtcpStats> rtcpStats(const CallKey &call) const { return calls_.rtcp(call); }
    // Runs a read-only baresip command on a call (e.g. "audio_debug") and hands back its text.
    void queryCall(const CallKey &call, const QString &command,
                   std::function<void(const EngineError &, const QString &)> done);

  signals:
    // Every ctrl_tcp event as received (diagnostics and latency measurements).
    void rawEvent(const engine::CtrlEvent &event);
    // A batch left for baresip (its first command is usually uafind).
    void commandsWritten(const QStringList &names);

  private:
    struct Account {
        AccountConfig config;
        AccountState state;
        bool wantRegistered = true;
        bool createdInBaresip = false;
    };

    // process life cycle
    void launch();
    void onProcessOutput();
    void onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void onStartTick();
    void onCtrlConnected();
    void handleCrash(const QString &reason);
    void failStart(const EngineError &error);
    void setStatus(EngineStatus status, const QString &message);
    void endEverything(const QString &reason, QList<CallKey> *lost);

    // events
    void onEvent(const CtrlEvent &raw);
    void onRegistrationEvent(const CtrlEvent &event);
    void explainAudioFailure(CallInfo *call);
    void finishTransfer(const std::optional<TransferStatus> &status);

    // commands
    EngineError checkRunning() const;
    EngineError checkCall(const CallKey &key, const CallInfo **call) const;
    void createAccount(const QString &aor);
    void deleteAccount(const QString &aor, std::function<void()> then = {});
    void setAccountState(Account &account, RegistrationState state, int code,
                         const QString &reason);
    void sendToCall(const CallKey &key, const QList<CtrlCommand> &commands,
                    std::function<void(const EngineError &, const CtrlBatchResult &)> done);
    void holdOthers(const CallKey &except);
    void reportCommandError(const EngineError &error);
    void expireDials();
    void applyPendingAudioRestart();
    QString baresipAorFor(const QString &aor) const;

    BaresipSettings settings_;
    EngineStatus status_ = EngineStatus::Stopped;
    QMap<QString, Account> accounts_;
    QHash<QString, QString> baresipAor_;  // our AOR -> baresip's accountaor spelling
    CallTable calls_;
    TransferTracker transfers_;
    QHash<CallKey, std::shared_ptr<QTimer>> transferGuards_;
    AudioDeviceSelection audio_;
    bool audioRestartPending_ = false;

    std::unique_ptr<QTemporaryDir> tempDir_;
    QString configDir_;
    BaresipPorts ports_;
    std::unique_ptr<QProcess> process_;
    CtrlClient *ctrl_ = nullptr;  // child QObject
    RotatingLog log_;
    QByteArray partialLine_;
    // The last "could not open … device" line and when: a call closed right after it closed
    // for want of a sound device, and its end reason says so instead of "Unknown error -2".
    QString lastAudioFailure_;
    qint64 lastAudioFailureAt_ = 0;
    QTimer startTick_;
    QTimer dialExpiry_;
    QElapsedTimer startClock_;
    QElapsedTimer monotonic_;
    bool ready_ = false;
    bool stopping_ = false;
    bool plannedRestart_ = false;
    bool networkUp_ = true;
    int portRetries_ = 0;
    int restartAttempt_ = 0;
    QList<qint64> restartTimes_;
    QString crashReason_;
    QList<CallKey> lostInCrash_;
    int nextDialRequest_ = 1;
};

}  // namespace engine
