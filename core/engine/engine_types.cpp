#include "engine/engine_types.h"

namespace engine {

QString describe(RegistrationState state) {
    switch (state) {
        case RegistrationState::Unregistered:
            return QStringLiteral("unregistered");
        case RegistrationState::Registering:
            return QStringLiteral("registering");
        case RegistrationState::Registered:
            return QStringLiteral("registered");
        case RegistrationState::Failed:
            return QStringLiteral("failed");
        case RegistrationState::Unregistering:
            return QStringLiteral("unregistering");
    }
    return {};
}

QString describe(CallState state) {
    switch (state) {
        case CallState::Outgoing:
            return QStringLiteral("outgoing");
        case CallState::Ringing:
            return QStringLiteral("ringing");
        case CallState::Incoming:
            return QStringLiteral("incoming");
        case CallState::Established:
            return QStringLiteral("established");
        case CallState::Closed:
            return QStringLiteral("closed");
    }
    return {};
}

QString describe(TransferState state) {
    switch (state) {
        case TransferState::Pending:
            return QStringLiteral("pending");
        case TransferState::Succeeded:
            return QStringLiteral("succeeded");
        case TransferState::Failed:
            return QStringLiteral("failed");
        case TransferState::TimedOut:
            return QStringLiteral("timed out");
    }
    return {};
}

QString describe(EngineStatus status) {
    switch (status) {
        case EngineStatus::Stopped:
            return QStringLiteral("stopped");
        case EngineStatus::Starting:
            return QStringLiteral("starting");
        case EngineStatus::Running:
            return QStringLiteral("running");
        case EngineStatus::Restarting:
            return QStringLiteral("restarting");
        case EngineStatus::Failed:
            return QStringLiteral("failed");
    }
    return {};
}

QString describe(EngineError::Code code) {
    using C = EngineError::Code;
    switch (code) {
        case C::None:
            return QStringLiteral("none");
        case C::BaresipNotFound:
            return QStringLiteral("baresip-not-found");
        case C::PortInUse:
            return QStringLiteral("port-in-use");
        case C::BadConfig:
            return QStringLiteral("bad-config");
        case C::StartTimeout:
            return QStringLiteral("start-timeout");
        case C::Crashed:
            return QStringLiteral("crashed");
        case C::NotRunning:
            return QStringLiteral("not-running");
        case C::UnknownAccount:
            return QStringLiteral("unknown-account");
        case C::UnknownCall:
            return QStringLiteral("unknown-call");
        case C::InvalidState:
            return QStringLiteral("invalid-state");
        case C::InvalidTarget:
            return QStringLiteral("invalid-target");
        case C::CommandFailed:
            return QStringLiteral("command-failed");
        case C::ProtocolError:
            return QStringLiteral("protocol-error");
        case C::Timeout:
            return QStringLiteral("timeout");
    }
    return {};
}

}  // namespace engine
