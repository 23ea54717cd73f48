#pragma once
// Helpers for the engine integration tests: a BaresipEngine in headless mode plus a recorder
// of everything it signals, and audio_debug parsing to check media (not assume it).
#include "engine/baresip_engine.h"
#include "form_params.h"

#include <QRegularExpression>
#include <QtTest>

namespace eitest {

using namespace engine;

inline BaresipSettings headless(int toneHz) {
    BaresipSettings settings;
    settings.audio = AudioMode::Headless;
    settings.headlessToneHz = toneHz;
    settings.restartBackoffMs = 100;
    return settings;
}

inline AccountConfig account(const QString &user, const QString &domain,
                             const QString &password = {}, int registerIntervalS = 0) {
    AccountConfig config;
    config.displayName = user.left(1).toUpper() + user.mid(1);
    config.user = user;
    config.domain = domain;
    config.password = password;
    config.registerIntervalS = registerIntervalS;
    return config;
}

// Records every signal of an Engine.
class Recorder : public QObject {
  public:
    explicit Recorder(Engine *engine) : engine_(engine) {
        connect(engine, &Engine::statusChanged, this, [this](EngineStatus s, const QString &m) {
            statuses << s;
            statusMessages << m;
        });
        connect(engine, &Engine::engineError, this, [this](const EngineError &e) { errors << e; });
        connect(engine, &Engine::engineRestarted, this,
                [this](int attempt, const QString &reason, const QList<CallKey> &lost) {
                    restarts << attempt;
                    restartReasons << reason;
                    restartLost << lost;
                });
        connect(engine, &Engine::accountStateChanged, this,
                [this](const AccountState &s) { accountStates << s; });
        connect(engine, &Engine::callAdded, this, [this](const CallInfo &c) { added << c; });
        connect(engine, &Engine::callChanged, this, [this](const CallInfo &c) { changed << c; });
        connect(engine, &Engine::callRemoved, this, [this](const CallInfo &c) { removed << c; });
        connect(engine, &Engine::dialFailed, this, [this](const QString &id, const EngineError &e) {
            dialFailures << qMakePair(id, e);
        });
        connect(engine, &Engine::dtmfReceived, this,
                [this](const CallKey &k, QChar d) { dtmf << qMakePair(k, d); });
        connect(engine, &Engine::transferStatusChanged, this,
                [this](const TransferStatus &s) { transfers << s; });
        connect(engine, &Engine::transferRequested, this,
                [this](const TransferNotice &n) { requested << n; });
        connect(engine, &Engine::transferContinued, this,
                [this](const TransferNotice &n) { continued << n; });
    }

    bool waitStatus(EngineStatus status, int timeoutMs = 8000) {
        return rptest::waitUntil([&] { return engine_->status() == status; }, timeoutMs);
    }
    bool waitRegistration(const QString &aor, RegistrationState state, int timeoutMs = 8000) {
        return rptest::waitUntil(
            [&] {
                for (const AccountState &s : engine_->accountStates()) {
                    if (s.aor == aor && s.registration == state) {
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
    }
    // The live call with this peer (user part match), or an invalid key.
    CallKey callWith(const QString &peerUser) const {
        for (const CallInfo &call : engine_->calls()) {
            if (call.peerUri.startsWith(QStringLiteral("sip:%1@").arg(peerUser))) {
                return call.key;
            }
        }
        return {};
    }
    std::optional<CallInfo> live(const CallKey &key) const {
        for (const CallInfo &call : engine_->calls()) {
            if (call.key == key) {
                return call;
            }
        }
        return std::nullopt;
    }
    bool waitCallState(const CallKey &key, CallState state, int timeoutMs = 8000) {
        return rptest::waitUntil(
            [&] {
                const auto c = live(key);
                return c && c->state == state;
            },
            timeoutMs);
    }
    bool waitRemoved(const CallKey &key, int timeoutMs = 8000) {
        return rptest::waitUntil([&] { return !live(key).has_value(); }, timeoutMs);
    }
    std::optional<TransferStatus> finalTransfer() const {
        for (const TransferStatus &s : transfers) {
            if (s.state != TransferState::Pending) {
                return s;
            }
        }
        return std::nullopt;
    }

    QList<EngineStatus> statuses;
    QStringList statusMessages;
    QList<EngineError> errors;
    QList<int> restarts;
    QStringList restartReasons;
    QList<QList<CallKey>> restartLost;
    QList<AccountState> accountStates;
    QList<CallInfo> added, changed, removed;
    QList<QPair<QString, EngineError>> dialFailures;
    QList<QPair<CallKey, QChar>> dtmf;
    QList<TransferStatus> transfers;
    QList<TransferNotice> requested, continued;

  private:
    Engine *engine_;
};

// RTP counters from baresip's audio_debug text (format in baresip-engine.md §4/§9).
struct AudioStats {
    qint64 txPackets = 0;
    qint64 rxPackets = 0;
};
inline AudioStats parseAudioDebug(const QString &text) {
    AudioStats stats;
    const auto tx = QRegularExpression(R"(TX: packets=(\d+))").match(text);
    stats.txPackets = tx.hasMatch() ? tx.captured(1).toLongLong() : 0;
    auto members = QRegularExpression(R"(rcvd=(\d+))").globalMatch(text);
    while (members.hasNext()) {
        stats.rxPackets += members.next().captured(1).toLongLong();
    }
    return stats;
}

// audio_debug of an engine call, synchronously.
inline AudioStats engineAudio(BaresipEngine &engine, const CallKey &key) {
    QString text;
    bool done = false;
    engine.queryCall(key, QStringLiteral("audio_debug"),
                     [&](const EngineError &, const QString &data) {
                         text = data;
                         done = true;
                     });
    rptest::waitUntil([&] { return done; }, 3000);
    return parseAudioDebug(text);
}

}  // namespace eitest
