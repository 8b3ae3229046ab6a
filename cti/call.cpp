#include "call.h"

#include <QCoreApplication>

namespace cti {

bool Call::isActive() const
{
    return state != CallState::Ended;
}

qint64 Call::ringingMs(qint64 nowUs) const
{
    const qint64 end = answered ? answeredUs : (endedUs ? endedUs : nowUs);
    return qMax<qint64>(0, end - startedUs) / 1000;
}

qint64 Call::holdMs(qint64 nowUs) const
{
    qint64 total = heldTotalUs;
    if (heldSinceUs) {
        total += (endedUs ? endedUs : nowUs) - heldSinceUs;
    }
    return qMax<qint64>(0, total) / 1000;
}

qint64 Call::talkMs(qint64 nowUs) const
{
    if (!answered) {
        return 0;
    }
    const qint64 end = endedUs ? endedUs : nowUs;
    return qMax<qint64>(0, (end - answeredUs) / 1000 - holdMs(nowUs));
}

QString toString(CallState state)
{
    switch (state) {
    case CallState::Ringing: return QStringLiteral("ringing");
    case CallState::Talking: return QStringLiteral("talking");
    case CallState::OnHold: return QStringLiteral("on_hold");
    case CallState::Ended: return QStringLiteral("ended");
    }
    return {};
}

QString toString(EndReason reason)
{
    switch (reason) {
    case EndReason::None: return QStringLiteral("none");
    case EndReason::Completed: return QStringLiteral("completed");
    case EndReason::Missed: return QStringLiteral("missed");
    case EndReason::Declined: return QStringLiteral("declined");
    case EndReason::Refused: return QStringLiteral("refused");
    case EndReason::Transferred: return QStringLiteral("transferred");
    case EndReason::Dropped: return QStringLiteral("dropped");
    case EndReason::Failed: return QStringLiteral("failed");
    }
    return {};
}

QString toString(CallEventType type)
{
    switch (type) {
    case CallEventType::Incoming: return QStringLiteral("incoming");
    case CallEventType::Answered: return QStringLiteral("answered");
    case CallEventType::Held: return QStringLiteral("held");
    case CallEventType::Resumed: return QStringLiteral("resumed");
    case CallEventType::MuteChanged: return QStringLiteral("mute_changed");
    case CallEventType::TransferStarted: return QStringLiteral("transfer_started");
    case CallEventType::Ended: return QStringLiteral("ended");
    case CallEventType::Refused: return QStringLiteral("refused");
    }
    return {};
}

QString toString(ProviderEventType type)
{
    switch (type) {
    case ProviderEventType::Started: return QStringLiteral("engine_started");
    case ProviderEventType::EngineRestarted: return QStringLiteral("engine_restarted");
    case ProviderEventType::EngineFailed: return QStringLiteral("engine_failed");
    case ProviderEventType::RegistrationChanged: return QStringLiteral("registration");
    case ProviderEventType::Error: return QStringLiteral("error");
    case ProviderEventType::Stopped: return QStringLiteral("stopped");
    }
    return {};
}

QString displayName(EndReason reason)
{
    switch (reason) {
    case EndReason::None: return QString();
    case EndReason::Completed: return QCoreApplication::translate("cti::Call", "Completed");
    case EndReason::Missed: return QCoreApplication::translate("cti::Call", "Missed");
    case EndReason::Declined: return QCoreApplication::translate("cti::Call", "Declined");
    case EndReason::Refused: return QCoreApplication::translate("cti::Call", "Refused (busy)");
    case EndReason::Transferred: return QCoreApplication::translate("cti::Call", "Transferred");
    case EndReason::Dropped: return QCoreApplication::translate("cti::Call", "Dropped");
    case EndReason::Failed: return QCoreApplication::translate("cti::Call", "Failed");
    }
    return {};
}

QString displayName(CallState state)
{
    switch (state) {
    case CallState::Ringing: return QCoreApplication::translate("cti::Call", "Ringing");
    case CallState::Talking: return QCoreApplication::translate("cti::Call", "Talking");
    case CallState::OnHold: return QCoreApplication::translate("cti::Call", "On hold");
    case CallState::Ended: return QCoreApplication::translate("cti::Call", "Ended");
    }
    return {};
}

void registerMetaTypes()
{
    qRegisterMetaType<cti::Call>();
    qRegisterMetaType<cti::CallEvent>();
    qRegisterMetaType<cti::ProviderEvent>();
}

} // namespace cti
