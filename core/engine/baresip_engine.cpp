#include "engine/baresip_engine.h"

#include "engine/audio_probe.h"
#include "engine/sip_target.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkInformation>
#include <QProcessEnvironment>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>

#include <csignal>
#endif

namespace engine {
namespace {

using Code = EngineError::Code;

QDateTime now() {
    return QDateTime::currentDateTimeUtc();
}

bool writeFile(const QString &path, const QString &text) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        return false;
    }
    return file.write(text.toUtf8()) >= 0;
}

bool validDtmf(const QString &digits) {
    if (digits.isEmpty() || digits.size() > 64) {
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

EngineError unknownCall(const CallKey &key) {
    return EngineError::make(Code::UnknownCall,
                             QStringLiteral("There is no call %1 on %2 (it may have ended).")
                                 .arg(key.callId, key.accountAor));
}

EngineError wrongState(const QString &what, const CallInfo &call) {
    return EngineError::make(
        Code::InvalidState,
        QStringLiteral("Cannot %1 a call that is %2.").arg(what, describe(call.state)));
}

QString lastLines(const QByteArray &log, int lines) {
    QStringList all = QString::fromUtf8(log).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return all.mid(qMax<qsizetype>(0, all.size() - lines)).join(QLatin1Char('\n'));
}

}  // namespace

BaresipEngine::BaresipEngine(BaresipSettings settings, QObject *parent)
    : Engine(parent), settings_(std::move(settings)) {
    qRegisterMetaType<CtrlEvent>();
    qRegisterMetaType<CallInfo>();
    qRegisterMetaType<CallKey>();
    qRegisterMetaType<AccountState>();
    qRegisterMetaType<TransferStatus>();
    qRegisterMetaType<TransferNotice>();
    qRegisterMetaType<EngineError>();
    qRegisterMetaType<EngineStatus>();
    monotonic_.start();
    startTick_.setInterval(20);
    connect(&startTick_, &QTimer::timeout, this, &BaresipEngine::onStartTick);
    dialExpiry_.setInterval(1000);
    connect(&dialExpiry_, &QTimer::timeout, this, &BaresipEngine::expireDials);
    // Re-register when the network comes back (users expect it, baresip does not do it:
    // softphone-anchors.md). Without a backend (containers, no NetworkManager) the GUI can
    // still call networkChanged() itself.
    if (settings_.followNetwork &&
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    const bool up = reachability == QNetworkInformation::Reachability::Online ||
                                    reachability == QNetworkInformation::Reachability::Site;
                    if (up && !networkUp_) {
                        networkChanged();
                    }
                    networkUp_ = up;
                });
    }
}

BaresipEngine::~BaresipEngine() {
    stopping_ = true;
    startTick_.stop();
    if (process_ && process_->state() != QProcess::NotRunning) {
        process_->disconnect(this);
        if (ctrl_ && ctrl_->isConnected()) {
            ctrl_->send({{QStringLiteral("quit"), {}}}, {}, 500);
        }
        // The quit command needs the event loop to leave; give it a moment, then kill: an
        // orphan baresip would keep the ports.
        if (!process_->waitForFinished(300)) {
            process_->kill();
            process_->waitForFinished(2000);
        }
    }
}

QString BaresipEngine::locateBaresip(const QString &setting, QStringList *searched) {
    QStringList tried;
    auto usable = [](const QString &path) {
        const QFileInfo info(path);
        return info.isFile() && info.isExecutable();
    };
    QString found;
    if (!setting.isEmpty()) {
        tried << setting;
        if (usable(setting)) {
            found = setting;
        }
    }
    if (found.isEmpty() && QCoreApplication::instance()) {
        const QString beside =
            QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("baresip"));
        tried << beside;
        if (usable(beside)) {
            found = beside;
        }
    }
    if (found.isEmpty()) {
        tried << QStringLiteral("PATH");
        found = QStandardPaths::findExecutable(QStringLiteral("baresip"));
    }
    if (searched) {
        *searched = tried;
    }
    return found;
}

qint64 BaresipEngine::processId() const {
    return process_ ? process_->processId() : 0;
}

void BaresipEngine::setStatus(EngineStatus status, const QString &message) {
    status_ = status;
    emit statusChanged(status, message);
}

// ---------------------------------------------------------------------------------------
// process life cycle

void BaresipEngine::start() {
    if (status_ == EngineStatus::Running || status_ == EngineStatus::Starting ||
        status_ == EngineStatus::Restarting) {
        return;
    }
    stopping_ = false;
    restartAttempt_ = 0;
    restartTimes_.clear();
    portRetries_ = 0;
    setStatus(EngineStatus::Starting, QStringLiteral("starting baresip"));
    launch();
}

void BaresipEngine::launch() {
    ready_ = false;
    QStringList searched;
    const QString executable = locateBaresip(settings_.executable, &searched);
    if (executable.isEmpty()) {
        failStart(EngineError::make(
            Code::BaresipNotFound,
            QStringLiteral("baresip was not found: install the baresip-core package or set its "
                           "path in the settings."),
            QStringLiteral("searched: %1").arg(searched.join(QStringLiteral(", ")))));
        return;
    }
    if (settings_.configDir.isEmpty()) {
        if (!tempDir_) {
            tempDir_ = std::make_unique<QTemporaryDir>();
        }
        configDir_ = tempDir_->path();
    } else {
        configDir_ = settings_.configDir;
        QDir().mkpath(configDir_);
    }
    const QHostAddress address(settings_.listenAddress);
    if (address.isNull()) {
        failStart(EngineError::make(Code::BadConfig,
                                    QStringLiteral("The SIP listen address \"%1\" is not an IP "
                                                   "address.")
                                        .arg(settings_.listenAddress)));
        return;
    }
    if (!isLocalAddress(address)) {
        failStart(EngineError::make(Code::BadConfig,
                                    QStringLiteral("The SIP listen address %1 is not an address of "
                                                   "this computer: choose one it has (e.g. "
                                                   "127.0.0.1).")
                                        .arg(settings_.listenAddress)));
        return;
    }
    // After a restart keep the SIP port when it is still free: peers and registrars keep
    // reaching us at the same Contact.
    quint16 wantedSipPort = settings_.sipPort;
    if (wantedSipPort == 0 && ports_.sip != 0 && portRetries_ == 0 &&
        isSipPortFree(address, ports_.sip)) {
        wantedSipPort = ports_.sip;
    }
    if (!pickBaresipPorts(address, wantedSipPort, settings_.rtpPortCount, &ports_)) {
        failStart(EngineError::make(Code::PortInUse,
                                    QStringLiteral("No free ports for SIP/RTP on %1: close other "
                                                   "SIP software or choose another SIP port.")
                                        .arg(settings_.listenAddress)));
        return;
    }
    // Accounts are created over ctrl_tcp once connected: baresip sends no events while no
    // client is connected, and we want every REGISTER_OK.
    if (!writeFile(QDir(configDir_).filePath(QStringLiteral("config")),
                   baresipConfigText(settings_, ports_)) ||
        !writeFile(QDir(configDir_).filePath(QStringLiteral("accounts")), {}) ||
        !writeFile(QDir(configDir_).filePath(QStringLiteral("contacts")), {})) {
        failStart(EngineError::make(
            Code::BadConfig,
            QStringLiteral("Cannot write baresip's configuration in %1: check permissions and "
                           "free space.")
                .arg(configDir_)));
        return;
    }
    const QString logDir = settings_.logDir.isEmpty() ? configDir_ : settings_.logDir;
    QDir().mkpath(logDir);
    log_.open(QDir(logDir).filePath(QStringLiteral("baresip.log")), settings_.logMaxBytes,
              settings_.logFiles);
    log_.write(QStringLiteral("--- %1 starting %2 (SIP %3, ctrl %4, RTP %5-%6)\n")
                   .arg(now().toString(Qt::ISODateWithMs), executable)
                   .arg(ports_.sip)
                   .arg(ports_.ctrl)
                   .arg(ports_.rtpLow)
                   .arg(ports_.rtpHigh)
                   .toUtf8());

    if (ctrl_) {
        ctrl_->disconnect(this);
        ctrl_->disconnectFromBaresip();
        ctrl_->deleteLater();
    }
    ctrl_ = new CtrlClient(this);
    connect(ctrl_, &CtrlClient::connected, this, &BaresipEngine::onCtrlConnected);
    connect(ctrl_, &CtrlClient::eventReceived, this, &BaresipEngine::onEvent);
    connect(ctrl_, &CtrlClient::protocolError, this, [this](const CtrlProtocolError &error) {
        log_.write(
            QStringLiteral("ctrl_tcp protocol error: %1: %2\n")
                .arg(error.message, QString::fromUtf8(error.excerpt.toPercentEncoding(" :{}\",")))
                .toUtf8());
        emit engineError(EngineError::make(Code::ProtocolError,
                                           QStringLiteral("baresip sent something unreadable on "
                                                          "its control connection; it was "
                                                          "skipped."),
                                           error.message));
    });
    connect(ctrl_, &CtrlClient::disconnected, this, [this](const QString &reason) {
        if (!stopping_ && ready_) {
            handleCrash(reason);
        }
    });
    connect(ctrl_, &CtrlClient::batchWritten, this, [this](const QList<CtrlCommand> &commands) {
        QStringList names;
        for (const CtrlCommand &command : commands) {
            names << command.name;
        }
        emit commandsWritten(names);
    });

    process_ = std::make_unique<QProcess>();
    process_->setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_LINUX
    // If we die without stopping it (killed, crashed), baresip goes too instead of holding
    // its ports and registration. SIGKILL: baresip 1.0.0 answers a first SIGTERM by
    // un-registering, which waits for a server that may be gone as well.
    process_->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
    process_->setStandardInputFile(QProcess::nullDevice());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!audio_.outputId.isEmpty()) {
        environment.insert(QStringLiteral("PULSE_SINK"), audio_.outputId);
    }
    if (!audio_.inputId.isEmpty()) {
        environment.insert(QStringLiteral("PULSE_SOURCE"), audio_.inputId);
    }
    process_->setProcessEnvironment(environment);
    connect(process_.get(), &QProcess::readyReadStandardOutput, this,
            &BaresipEngine::onProcessOutput);
    connect(process_.get(), &QProcess::finished, this, &BaresipEngine::onProcessFinished);
    connect(process_.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            failStart(EngineError::make(Code::BaresipNotFound,
                                        QStringLiteral("baresip could not be started: %1. "
                                                       "Check that baresip-core is installed.")
                                            .arg(process_->errorString())));
        }
    });
    QStringList arguments{QStringLiteral("-f"), configDir_};
    if (settings_.sipTrace) {
        arguments << QStringLiteral("-s");
    }
    startClock_.start();
    process_->start(executable, arguments);
    startTick_.start();
}

void BaresipEngine::onProcessOutput() {
    if (!process_) {
        return;
    }
    // Always drained: an undrained pipe freezes baresip (baresip-engine.md §3).
    const QByteArray bytes = process_->readAllStandardOutput();
    log_.write(bytes);
    partialLine_ += bytes;
    qsizetype newline;
    while ((newline = partialLine_.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(partialLine_.left(newline)).trimmed();
        partialLine_.remove(0, newline + 1);
        if (!line.isEmpty()) {
            if (const QString failure = audioFailureIn(line); !failure.isEmpty()) {
                lastAudioFailure_ = failure;
                lastAudioFailureAt_ = monotonic_.elapsed();
            }
            emit logLine(line);
        }
    }
    if (partialLine_.size() > 64 * 1024) {
        partialLine_.clear();
    }
}

void BaresipEngine::onStartTick() {
    if (!process_ || process_->state() == QProcess::NotRunning) {
        return;  // onProcessFinished decides
    }
    if (ctrl_->isConnected()) {
        startTick_.stop();
        return;
    }
    if (startClock_.elapsed() > settings_.startTimeoutMs) {
        startTick_.stop();
        const QString tail = lastLines(log_.tail(2000), 8);
        process_->disconnect(this);
        process_->kill();
        process_->waitForFinished(2000);
        failStart(EngineError::make(Code::StartTimeout,
                                    QStringLiteral("baresip did not open its control port within "
                                                   "%1 ms.")
                                        .arg(settings_.startTimeoutMs),
                                    tail));
        return;
    }
    if (process_->state() == QProcess::Running) {
        // "Ready" = ctrl_tcp accepts (§13.1). Retry until it does.
        ctrl_->connectTo(ports_.ctrl);
    }
}

void BaresipEngine::onCtrlConnected() {
    startTick_.stop();
    ready_ = true;
    log_.write(
        QStringLiteral("--- ctrl_tcp connected after %1 ms\n").arg(startClock_.elapsed()).toUtf8());
    for (auto it = accounts_.begin(); it != accounts_.end(); ++it) {
        it->createdInBaresip = false;
        createAccount(it.key());
    }
    const bool restarted = status_ == EngineStatus::Restarting && !plannedRestart_;
    plannedRestart_ = false;
    setStatus(EngineStatus::Running,
              restarted ? QStringLiteral("baresip restarted after: %1").arg(crashReason_)
                        : QStringLiteral("baresip running"));
    if (restarted) {
        emit engineRestarted(restartAttempt_, crashReason_, lostInCrash_);
        lostInCrash_.clear();
    }
}

void BaresipEngine::failStart(const EngineError &error) {
    startTick_.stop();
    ready_ = false;
    log_.write(
        QStringLiteral("--- start failed: %1 %2\n").arg(error.message, error.detail).toUtf8());
    setStatus(EngineStatus::Failed, error.message);
    emit engineError(error);
}

void BaresipEngine::onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus) {
    startTick_.stop();
    const QString tail = lastLines(log_.tail(3000), 10);
    if (stopping_) {
        ready_ = false;
        QList<CallKey> lost;
        endEverything(QStringLiteral("phone engine stopped"), &lost);
        setStatus(EngineStatus::Stopped, QStringLiteral("baresip stopped"));
        return;
    }
    // launch() replaces process_, whose finished() is being emitted now: defer it.
    if (plannedRestart_) {
        QTimer::singleShot(0, this, &BaresipEngine::launch);
        return;
    }
    if (!ready_) {
        if (exitStatus == QProcess::NormalExit && exitCode == 98) {
            // Address in use: the ports we picked were taken meanwhile; pick again.
            if (settings_.sipPort == 0 && portRetries_ < 3) {
                ++portRetries_;
                QTimer::singleShot(0, this, &BaresipEngine::launch);
                return;
            }
            failStart(EngineError::make(Code::PortInUse,
                                        QStringLiteral("SIP port %1 is already in use: close the "
                                                       "other SIP program or choose another "
                                                       "port.")
                                            .arg(ports_.sip),
                                        tail));
            return;
        }
        failStart(EngineError::make(
            Code::BadConfig,
            exitStatus == QProcess::CrashExit
                ? QStringLiteral("baresip crashed while starting; see its log %1.").arg(log_.path())
                : QStringLiteral("baresip refused its configuration (exit code %1): %2")
                      .arg(exitCode)
                      .arg(tail.section(QLatin1Char('\n'), -1)),
            tail));
        return;
    }
    handleCrash(exitStatus == QProcess::CrashExit
                    ? QStringLiteral("baresip crashed")
                    : QStringLiteral("baresip exited unexpectedly with code %1").arg(exitCode));
}

void BaresipEngine::endEverything(const QString &reason, QList<CallKey> *lost) {
    for (const TransferStatus &status : transfers_.abortAll(reason, monotonic_.elapsed())) {
        emit transferStatusChanged(status);
    }
    for (const auto &guard : std::as_const(transferGuards_)) {
        guard->stop();
        QTimer::singleShot(0, this, [guard] {});
    }
    transferGuards_.clear();
    for (const QString &request : calls_.expireDials(now().addYears(1), 0)) {
        emit dialFailed(request, EngineError::make(Code::Crashed, reason));
    }
    for (const CallKey &key : calls_.keys()) {
        if (const auto removed = calls_.remove(key, reason, now())) {
            *lost << key;
            emit callRemoved(*removed);
        }
    }
    calls_.clear();
    for (auto it = accounts_.begin(); it != accounts_.end(); ++it) {
        it->createdInBaresip = false;
        if (it->state.registration != RegistrationState::Unregistered) {
            setAccountState(*it, RegistrationState::Unregistered, 0, reason);
        }
    }
}

void BaresipEngine::handleCrash(const QString &reason) {
    if (status_ == EngineStatus::Restarting || status_ == EngineStatus::Failed || stopping_) {
        return;  // already handled (process exit and socket close both report it)
    }
    ready_ = false;
    startTick_.stop();
    crashReason_ = reason;
    log_.write(
        QStringLiteral("--- %1: %2\n").arg(now().toString(Qt::ISODateWithMs), reason).toUtf8());
    if (process_) {
        process_->disconnect(this);
        if (process_->state() != QProcess::NotRunning) {
            process_->kill();
            process_->waitForFinished(2000);
        }
    }
    if (ctrl_) {
        ctrl_->disconnect(this);
        ctrl_->disconnectFromBaresip();
    }
    lostInCrash_.clear();
    endEverything(QStringLiteral("phone engine stopped: %1").arg(reason), &lostInCrash_);

    const qint64 t = monotonic_.elapsed();
    restartTimes_ << t;
    while (!restartTimes_.isEmpty() && t - restartTimes_.first() > settings_.restartWindowMs) {
        restartTimes_.removeFirst();
    }
    ++restartAttempt_;
    if (restartTimes_.size() > settings_.maxRestarts) {
        const QString message = QStringLiteral(
                                    "baresip keeps failing (%1 restarts within %2 s); "
                                    "giving up. Last reason: %3. See %4.")
                                    .arg(restartTimes_.size())
                                    .arg(settings_.restartWindowMs / 1000)
                                    .arg(reason, log_.path());
        setStatus(EngineStatus::Failed, message);
        emit engineError(EngineError::make(Code::Crashed, message, lastLines(log_.tail(3000), 10)));
        return;
    }
    const int backoff = qMin(8000, settings_.restartBackoffMs << qMin(5, restartTimes_.size() - 1));
    setStatus(EngineStatus::Restarting,
              QStringLiteral("%1; restarting in %2 ms").arg(reason).arg(backoff));
    emit engineError(EngineError::make(
        Code::Crashed,
        QStringLiteral("The phone engine stopped unexpectedly (%1). Calls in progress were lost; "
                       "it is being restarted and your accounts re-registered.")
            .arg(reason),
        lastLines(log_.tail(3000), 10)));
    QTimer::singleShot(backoff, this, [this] {
        if (status_ == EngineStatus::Restarting && !stopping_) {
            launch();
        }
    });
}

void BaresipEngine::stop() {
    if (status_ == EngineStatus::Stopped) {
        return;
    }
    stopping_ = true;
    startTick_.stop();
    if (!process_ || process_->state() == QProcess::NotRunning) {
        QList<CallKey> lost;
        endEverything(QStringLiteral("phone engine stopped"), &lost);
        setStatus(EngineStatus::Stopped, QStringLiteral("baresip stopped"));
        return;
    }
    if (ctrl_ && ctrl_->isConnected()) {
        ctrl_->send({{QStringLiteral("quit"), {}}}, {}, 1000);
    } else {
        process_->kill();
    }
    QTimer::singleShot(2000, this, [this] {
        if (process_ && process_->state() != QProcess::NotRunning) {
            process_->kill();
        }
    });
}

// ---------------------------------------------------------------------------------------
// events

void BaresipEngine::onEvent(const CtrlEvent &raw) {
    emit rawEvent(raw);
    CtrlEvent event = raw;
    if (!event.accountAor.isEmpty()) {
        const QString ours = normalizedAor(event.accountAor);
        baresipAor_.insert(ours, event.accountAor);
        event.accountAor = ours;
    }
    if (event.eventClass == QLatin1String("register")) {
        onRegistrationEvent(event);
        return;
    }
    for (const CallUpdate &update : calls_.apply(event, now())) {
        const CallKey key = update.call.key;
        switch (update.kind) {
            case CallUpdate::Kind::Added:
                emit callAdded(update.call);
                break;
            case CallUpdate::Kind::Changed:
                emit callChanged(update.call);
                break;
            case CallUpdate::Kind::Removed: {
                CallInfo closed = update.call;
                explainAudioFailure(&closed);
                finishTransfer(transfers_.callClosed(key, closed.endReason, monotonic_.elapsed()));
                emit callRemoved(closed);
                applyPendingAudioRestart();
                break;
            }
            case CallUpdate::Kind::DtmfReceived:
                emit dtmfReceived(key, update.digit);
                break;
            case CallUpdate::Kind::TransferRequested:
                emit transferRequested(update.notice);
                break;
            case CallUpdate::Kind::TransferContinued:
                emit transferContinued(update.notice);
                break;
            case CallUpdate::Kind::TransferFailedHere:
                finishTransfer(transfers_.transferFailed(key, update.reason, monotonic_.elapsed()));
                break;
            case CallUpdate::Kind::RemoteSdpOffer:
                break;
        }
    }
}

void BaresipEngine::explainAudioFailure(CallInfo *call) {
    // baresip logs the device error just before it closes the call (stdout arrives first).
    constexpr qint64 kSameMomentMs = 3000;
    if (lastAudioFailure_.isEmpty() || monotonic_.elapsed() - lastAudioFailureAt_ > kSameMomentMs) {
        return;
    }
    call->endReason = QStringLiteral(
                          "no sound device: %1. Pick another device in Settings, or "
                          "start ReferPhone with REFERPHONE_AUDIO=headless.")
                          .arg(lastAudioFailure_);
    lastAudioFailure_.clear();
}

void BaresipEngine::onRegistrationEvent(const CtrlEvent &event) {
    auto it = accounts_.find(event.accountAor);
    if (it == accounts_.end()) {
        return;
    }
    if (event.type == QLatin1String("REGISTERING")) {
        setAccountState(*it, RegistrationState::Registering, 0, {});
    } else if (event.type == QLatin1String("REGISTER_OK")) {
        setAccountState(*it, RegistrationState::Registered, sipCodeOf(event.param), event.param);
    } else if (event.type == QLatin1String("REGISTER_FAIL")) {
        setAccountState(*it, RegistrationState::Failed, sipCodeOf(event.param), event.param);
    } else if (event.type == QLatin1String("UNREGISTERING")) {
        // baresip sends nothing after the un-REGISTER: this is the last word.
        setAccountState(*it, RegistrationState::Unregistered, 0, event.param);
    }
}

void BaresipEngine::setAccountState(Account &account, RegistrationState state, int code,
                                    const QString &reason) {
    account.state.registration = state;
    account.state.sipCode = code;
    account.state.reason = reason;
    account.state.changed = now();
    emit accountStateChanged(account.state);
}

void BaresipEngine::finishTransfer(const std::optional<TransferStatus> &status) {
    if (!status) {
        return;
    }
    // The guard may be the timer whose timeout is running now: stop it, and let it go only
    // after this event.
    if (auto guard = transferGuards_.take(status->call)) {
        guard->stop();
        QTimer::singleShot(0, this, [guard] {});
    }
    emit transferStatusChanged(*status);
}

// ---------------------------------------------------------------------------------------
// accounts

QString BaresipEngine::baresipAorFor(const QString &aor) const {
    return baresipAor_.value(aor, aor);
}

void BaresipEngine::createAccount(const QString &aor) {
    auto it = accounts_.find(aor);
    if (it == accounts_.end() || !ctrl_ || !ctrl_->isConnected()) {
        return;
    }
    const AccountLine line = baresipAccountLine(it->config, it->wantRegistered);
    if (!line.error.isEmpty()) {
        setAccountState(*it, RegistrationState::Failed, 0, line.error);
        return;
    }
    ctrl_->send(
        {{QStringLiteral("uanew"), line.line}},
        [this, aor](const CtrlBatchResult &result) {
            auto account = accounts_.find(aor);
            if (account == accounts_.end()) {
                return;
            }
            const CtrlResponse &response = result.responses.value(0);
            if (!result.completed || !response.ok) {
                const QString why = result.completed ? response.data.trimmed() : result.error;
                setAccountState(*account, RegistrationState::Failed, 0,
                                QStringLiteral("baresip refused the account: %1").arg(why));
                emit engineError(EngineError::make(
                    Code::BadConfig,
                    QStringLiteral("The account %1 could not be created: %2").arg(aor, why)));
                return;
            }
            account->createdInBaresip = true;
        },
        settings_.commandTimeoutMs);
}

void BaresipEngine::deleteAccount(const QString &aor, std::function<void()> then) {
    auto it = accounts_.find(aor);
    if (it == accounts_.end() || !it->createdInBaresip || !ctrl_ || !ctrl_->isConnected()) {
        if (then) {
            then();
        }
        return;
    }
    it->createdInBaresip = false;
    ctrl_->send(
        {{QStringLiteral("uadel"), baresipAorFor(aor)}},
        [then](const CtrlBatchResult &) {
            if (then) {
                then();
            }
        },
        settings_.commandTimeoutMs);
}

EngineError BaresipEngine::addAccount(const AccountConfig &config) {
    const AccountLine line = baresipAccountLine(config, true);
    if (!line.error.isEmpty()) {
        return EngineError::make(Code::BadConfig, line.error);
    }
    if (accounts_.contains(config.aor())) {
        return EngineError::make(
            Code::BadConfig, QStringLiteral("The account %1 exists already.").arg(config.aor()));
    }
    Account account;
    account.config = config;
    account.state.aor = config.aor();
    account.state.changed = now();
    accounts_.insert(config.aor(), account);
    if (ready_) {
        createAccount(config.aor());
    }
    return {};
}

EngineError BaresipEngine::updateAccount(const AccountConfig &config) {
    auto it = accounts_.find(config.aor());
    if (it == accounts_.end()) {
        return EngineError::make(Code::UnknownAccount,
                                 QStringLiteral("There is no account %1.").arg(config.aor()));
    }
    const AccountLine line = baresipAccountLine(config, true);
    if (!line.error.isEmpty()) {
        return EngineError::make(Code::BadConfig, line.error);
    }
    it->config = config;
    if (ready_) {
        const QString aor = config.aor();
        deleteAccount(aor, [this, aor] { createAccount(aor); });
    }
    return {};
}

EngineError BaresipEngine::removeAccount(const QString &aor) {
    auto it = accounts_.find(aor);
    if (it == accounts_.end()) {
        return EngineError::make(Code::UnknownAccount,
                                 QStringLiteral("There is no account %1.").arg(aor));
    }
    for (const CallKey &key : calls_.keys()) {
        if (key.accountAor == aor) {
            hangup(key);
        }
    }
    deleteAccount(aor, [this, aor] {
        auto account = accounts_.find(aor);
        if (account == accounts_.end()) {
            return;
        }
        AccountState state = account->state;
        accounts_.erase(account);
        state.registration = RegistrationState::Unregistered;
        state.sipCode = 0;
        state.reason = QStringLiteral("account removed");
        state.changed = now();
        emit accountStateChanged(state);
    });
    return {};
}

EngineError BaresipEngine::setRegistered(const QString &aor, bool registered) {
    if (const EngineError error = checkRunning(); error.isError()) {
        return error;
    }
    auto it = accounts_.find(aor);
    if (it == accounts_.end()) {
        return EngineError::make(Code::UnknownAccount,
                                 QStringLiteral("There is no account %1.").arg(aor));
    }
    for (const CallKey &key : calls_.keys()) {
        if (key.accountAor == aor) {
            // baresip 1.0.0 has no (un)register command: the UA is re-created, which would
            // drop its calls.
            return EngineError::make(Code::InvalidState,
                                     QStringLiteral("Hang up the calls of %1 first.").arg(aor));
        }
    }
    it->wantRegistered = registered;
    deleteAccount(aor, [this, aor] { createAccount(aor); });
    return {};
}

void BaresipEngine::networkChanged() {
    if (!ready_) {
        return;
    }
    for (auto it = accounts_.begin(); it != accounts_.end(); ++it) {
        if (!it->wantRegistered || it->config.registerIntervalS <= 0) {
            continue;
        }
        bool busy = false;
        for (const CallKey &key : calls_.keys()) {
            busy = busy || key.accountAor == it.key();
        }
        if (busy) {
            continue;  // baresip's own refresh will re-register it; re-creating drops calls
        }
        const QString aor = it.key();
        deleteAccount(aor, [this, aor] { createAccount(aor); });
    }
}

QList<AccountConfig> BaresipEngine::accounts() const {
    QList<AccountConfig> out;
    for (const Account &account : accounts_) {
        out << account.config;
    }
    return out;
}

QList<AccountState> BaresipEngine::accountStates() const {
    QList<AccountState> out;
    for (const Account &account : accounts_) {
        out << account.state;
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// calls

EngineError BaresipEngine::checkRunning() const {
    if (status_ != EngineStatus::Running || !ready_) {
        return EngineError::make(
            Code::NotRunning,
            QStringLiteral("The phone engine is %1; try again when it is running.")
                .arg(describe(status_)));
    }
    return {};
}

EngineError BaresipEngine::checkCall(const CallKey &key, const CallInfo **call) const {
    if (const EngineError error = checkRunning(); error.isError()) {
        return error;
    }
    const CallInfo *found = calls_.find(key);
    if (!found) {
        return unknownCall(key);
    }
    *call = found;
    return {};
}

void BaresipEngine::reportCommandError(const EngineError &error) {
    log_.write(
        QStringLiteral("command error: %1 (%2)\n").arg(error.message, error.detail).toUtf8());
    emit engineError(error);
}

void BaresipEngine::sendToCall(
    const CallKey &key, const QList<CtrlCommand> &commands,
    std::function<void(const EngineError &, const CtrlBatchResult &)> done) {
    // Calls are addressed implicitly in baresip: select the account and the call, then run the
    // command, all in one write so no SIP event can change the current call in between.
    QList<CtrlCommand> batch{{QStringLiteral("uafind"), baresipAorFor(key.accountAor)},
                             {QStringLiteral("callfind"), key.callId}};
    batch += commands;
    ctrl_->send(
        batch,
        [this, key, commands, done](const CtrlBatchResult &result) {
            EngineError error;
            if (!result.completed) {
                error = EngineError::make(
                    Code::Timeout,
                    QStringLiteral("baresip did not confirm the command: %1").arg(result.error));
            } else if (!result.responses.at(0).ok) {
                error = EngineError::make(
                    Code::UnknownAccount,
                    QStringLiteral("baresip does not know the account %1.").arg(key.accountAor),
                    result.responses.at(0).data.trimmed());
            } else if (!result.responses.at(1).data.startsWith(
                           QLatin1String("setting current call"))) {
                // callfind answers ok:true even when it fails (§3): the text tells.
                error = EngineError::make(Code::UnknownCall,
                                          QStringLiteral("baresip no longer has the call %1; the "
                                                         "command may have reached another "
                                                         "call.")
                                              .arg(key.callId),
                                          result.responses.at(1).data.trimmed());
            } else {
                for (qsizetype i = 2; i < result.responses.size(); ++i) {
                    if (!result.responses.at(i).ok) {
                        error = EngineError::make(Code::CommandFailed,
                                                  QStringLiteral("baresip refused \"%1\": %2")
                                                      .arg(commands.at(i - 2).name,
                                                           result.responses.at(i).data.trimmed()));
                        break;
                    }
                }
            }
            if (error.isError()) {
                reportCommandError(error);
            }
            if (done) {
                done(error, result);
            }
        },
        settings_.commandTimeoutMs);
}

void BaresipEngine::holdOthers(const CallKey &except) {
    // baresip's dial holds nothing and accept holds exactly one other call (§8): hold every
    // other talking call explicitly, so only one call ever has live audio.
    for (const CallInfo &call : calls_.calls()) {
        if (!(call.key == except) && call.state == CallState::Established && !call.onHold) {
            hold(call.key);
        }
    }
}

EngineError BaresipEngine::dial(const QString &aor, const QString &target, QString *requestId) {
    if (const EngineError error = checkRunning(); error.isError()) {
        return error;
    }
    const auto account = accounts_.constFind(aor);
    if (account == accounts_.constEnd()) {
        return EngineError::make(Code::UnknownAccount,
                                 QStringLiteral("There is no account %1.").arg(aor));
    }
    const SipTarget uri = completeSipTarget(target, account->config.domain);
    if (!uri.isValid()) {
        return EngineError::make(Code::InvalidTarget, uri.error);
    }
    if (calls_.dialPending(aor, uri.uri)) {
        // Dials are matched to calls by peer URI: one in flight per URI (§13.4).
        return EngineError::make(
            Code::InvalidState,
            QStringLiteral("A call to %1 is already being set up.").arg(uri.uri));
    }
    holdOthers({});
    const QString id = QStringLiteral("dial-%1").arg(nextDialRequest_++);
    if (requestId) {
        *requestId = id;
    }
    calls_.expectDial(aor, uri.uri, id, now());
    dialExpiry_.start();
    ctrl_->send(
        {{QStringLiteral("uafind"), baresipAorFor(aor)}, {QStringLiteral("dial"), uri.uri}},
        [this, id, aor](const CtrlBatchResult &result) {
            QString why;
            if (!result.completed) {
                why = result.error;
            } else if (!result.responses.at(0).ok) {
                why = QStringLiteral("baresip does not know the account %1").arg(aor);
            } else if (!result.responses.at(1).ok) {
                why = result.responses.at(1).data.trimmed();
            }
            if (!why.isEmpty()) {
                calls_.expireDials(now().addYears(1), 0);  // drops this (and any) pending dial
                emit dialFailed(id, EngineError::make(Code::CommandFailed,
                                                      QStringLiteral("The call could not be "
                                                                     "placed: %1")
                                                          .arg(why)));
            }
        },
        settings_.commandTimeoutMs);
    return {};
}

void BaresipEngine::expireDials() {
    const QStringList expired = calls_.expireDials(now(), settings_.dialCorrelationMs);
    for (const QString &request : expired) {
        emit dialFailed(
            request, EngineError::make(Code::Timeout, QStringLiteral("baresip reported no call for "
                                                                     "this dial.")));
    }
}

EngineError BaresipEngine::answer(const CallKey &key) {
    const CallInfo *call = nullptr;
    if (const EngineError error = checkCall(key, &call); error.isError()) {
        return error;
    }
    if (call->state != CallState::Incoming) {
        return wrongState(QStringLiteral("answer"), *call);
    }
    holdOthers(key);
    sendToCall(key, {{QStringLiteral("accept"), {}}}, {});
    return {};
}

EngineError BaresipEngine::decline(const CallKey &key) {
    const CallInfo *call = nullptr;
    if (const EngineError error = checkCall(key, &call); error.isError()) {
        return error;
    }
    if (call->state != CallState::Incoming) {
        return wrongState(QStringLiteral("decline"), *call);
    }
    sendToCall(key, {{QStringLiteral("hangup"), {}}}, {});  // 486 for an unanswered call
    return {};
}

EngineError BaresipEngine::hangup(const CallKey &key) {
    const CallInfo *call = nullptr;
    if (const EngineError error = checkCall(key, &call); error.isError()) {
        return error;
    }
    sendToCall(key, {{QStringLiteral("hangup"), {}}}, {});
    return {};
}

EngineError BaresipEngine::hold(const CallKey &key) {
    const CallInfo *call = nullptr;
    if (const EngineError error = checkCall(key, &call); error.isError()) {
        return error;
    }
    if (call->state != CallState::Established) {
        return wrongState(QStringLiteral("hold"), *call);  // hold while ringing fails (§4)
    }
    if (call->onHold) {
        return {};
    }
    sendToCall(key, {{QStringLiteral("hold"), {}}},
               [this, key](const EngineError &error, const CtrlBatchResult &) {
                   if (!error.isError()) {
                       if (const auto changed = calls_.setOnHold(key, true)) {
                           emit callChanged(*changed);
                       }
                   }
               });
    return {};
}

EngineError BaresipEngine::resume(const CallKey &key) {
    const CallInfo *call = nullptr;
    if (const EngineError error = checkCall(key, &call); error.isError()) {
        return error;
    }
    if (call->state != CallState::Established) {
        return wrongState(QStringLiteral("resume"), *call);
    }
    if (!call->onHold) {
        return {};
    }
    holdOthers(key);
    sendToCall(key, {{QStringLiteral("resume"), {}}},
               [this, key](const EngineError &error, const CtrlBatchResult &) {
                   if (!error.isError()) {
                       if (const auto changed = calls_.setOnHold(key, false)) {
                           emit callChanged(*changed);
                       }
                   }
               });
    return {};
}

EngineError BaresipEngine::setMuted(const CallKey &key, bool muted) {
    const CallInfo *call = nullptr;
    if (const EngineError error = checkCall(key, &call); error.isError()) {
        return error;
    }
    if (call->state != CallState::Established) {
        return wrongState(QStringLiteral("mute"), *call);
    }
    if (call->muted == muted) {
        return {};
    }
    // mute is a toggle without an event (§9): its answer text says which way it went.
    sendToCall(key, {{QStringLiteral("mute"), {}}},
               [this, key](const EngineError &error, const CtrlBatchResult &result) {
                   if (error.isError()) {
                       return;
                   }
                   const QString text = result.responses.value(2).data;
                   const bool nowMuted = text.contains(QLatin1String("call muted"));
                   if (const auto changed = calls_.setMuted(key, nowMuted)) {
                       emit callChanged(*changed);
                   }
               });
    return {};
}

EngineError BaresipEngine::sendDtmf(const CallKey &key, const QString &digits) {
    const CallInfo *call = nullptr;
    if (const EngineError error = checkCall(key, &call); error.isError()) {
        return error;
    }
    if (call->state != CallState::Established) {
        return wrongState(QStringLiteral("send DTMF on"), *call);
    }
    if (!validDtmf(digits)) {
        return EngineError::make(Code::InvalidTarget,
                                 QStringLiteral("DTMF digits are 0-9, *, # and A-D."));
    }
    sendToCall(key, {{QStringLiteral("sndcode"), digits}}, {});
    return {};
}

EngineError BaresipEngine::blindTransfer(const CallKey &key, const QString &target) {
    const CallInfo *call = nullptr;
    if (const EngineError error = checkCall(key, &call); error.isError()) {
        return error;
    }
    // baresip does not guard transfer by call state, and the call dies if it is not
    // established (§7): refuse here.
    if (call->state != CallState::Established) {
        return wrongState(QStringLiteral("transfer"), *call);
    }
    if (transfers_.isPending(key)) {
        return EngineError::make(Code::InvalidState,
                                 QStringLiteral("A transfer of this call is already in progress."));
    }
    const SipTarget uri = completeSipTarget(target, accounts_.value(key.accountAor).config.domain);
    if (!uri.isValid()) {
        return EngineError::make(Code::InvalidTarget, uri.error);
    }
    const auto pending = transfers_.start(key, uri.uri, call->peerUri, monotonic_.elapsed());
    emit transferStatusChanged(*pending);
    auto guard = std::make_shared<QTimer>();
    guard->setSingleShot(true);
    // Coarse timers may fire up to 5 % early, before the tracker's guard time: use a precise
    // one, and re-arm for the rest should it still be early.
    guard->setTimerType(Qt::PreciseTimer);
    QTimer *guardTimer = guard.get();
    connect(guardTimer, &QTimer::timeout, this, [this, key, guardTimer] {
        const auto status =
            transfers_.timeout(key, settings_.transferGuardMs, monotonic_.elapsed());
        if (status) {
            finishTransfer(status);
        } else if (transfers_.isPending(key)) {
            guardTimer->start(10);
        }
    });
    guard->start(settings_.transferGuardMs);
    transferGuards_.insert(key, guard);
    sendToCall(
        key, {{QStringLiteral("transfer"), uri.uri}},
        [this, key](const EngineError &error, const CtrlBatchResult &) {
            if (error.isError()) {
                finishTransfer(transfers_.commandFailed(key, error.message, monotonic_.elapsed()));
            }
        });
    return {};
}

void BaresipEngine::queryCall(const CallKey &key, const QString &command,
                              std::function<void(const EngineError &, const QString &)> done) {
    const CallInfo *call = nullptr;
    if (const EngineError error = checkCall(key, &call); error.isError()) {
        done(error, {});
        return;
    }
    sendToCall(key, {{command, {}}},
               [done](const EngineError &error, const CtrlBatchResult &result) {
                   done(error, result.responses.value(2).data);
               });
}

// ---------------------------------------------------------------------------------------
// audio

EngineError BaresipEngine::setAudioDevices(const AudioDeviceSelection &selection) {
    if (selection == audio_) {
        return {};
    }
    audio_ = selection;
    if (settings_.audio == AudioMode::System && ready_) {
        // The device reaches baresip through PULSE_SINK/PULSE_SOURCE, read at process start:
        // restart now if idle, else once the last call has ended.
        audioRestartPending_ = true;
        applyPendingAudioRestart();
    }
    return {};
}

void BaresipEngine::applyPendingAudioRestart() {
    if (!audioRestartPending_ || !calls_.keys().isEmpty() || !ready_ || !process_) {
        return;
    }
    audioRestartPending_ = false;
    plannedRestart_ = true;
    ready_ = false;
    setStatus(EngineStatus::Restarting, QStringLiteral("applying the new audio devices"));
    for (auto it = accounts_.begin(); it != accounts_.end(); ++it) {
        it->createdInBaresip = false;
    }
    if (ctrl_) {
        ctrl_->disconnect(this);
        ctrl_->send({{QStringLiteral("quit"), {}}}, {}, 1000);
    }
}

}  // namespace engine
