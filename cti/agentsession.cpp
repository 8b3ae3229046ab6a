#include "agentsession.h"

#include <QCoreApplication>
#include <QTimer>

#include "clock.h"
#include "telephonyprovider.h"

namespace cti {

QString toString(AgentState state)
{
    switch (state) {
    case AgentState::Ready: return QStringLiteral("ready");
    case AgentState::NotReady: return QStringLiteral("not_ready");
    case AgentState::Talking: return QStringLiteral("talking");
    case AgentState::WrapUp: return QStringLiteral("wrap_up");
    }
    return {};
}

QString displayName(AgentState state)
{
    switch (state) {
    case AgentState::Ready: return QCoreApplication::translate("cti::AgentSession", "Ready");
    case AgentState::NotReady: return QCoreApplication::translate("cti::AgentSession", "Not ready");
    case AgentState::Talking: return QCoreApplication::translate("cti::AgentSession", "Talking");
    case AgentState::WrapUp: return QCoreApplication::translate("cti::AgentSession", "Wrap-up");
    }
    return {};
}

AgentSession::AgentSession(TelephonyProvider *provider, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_provider(provider)
    , m_clock(clock ? clock : SystemClock::instance())
    , m_wrapUpTimer(new QTimer(this))
{
    qRegisterMetaType<cti::AgentStatus>();
    m_wrapUpTimer->setSingleShot(true);
    connect(m_wrapUpTimer, &QTimer::timeout, this, [this] { finishWrapUp(); });
    m_status.sinceUs = m_clock->nowUs();
    if (m_provider) {
        connect(m_provider, &TelephonyProvider::callEventOccurred, this, &AgentSession::handleCallEvent);
        m_provider->setAcceptingCalls(false);
    }
}

AgentSession::~AgentSession() = default;

AgentStatus AgentSession::status() const
{
    return m_status;
}

void AgentSession::setWrapUpMs(int ms)
{
    m_wrapUpMs = qMax(0, ms);
}

int AgentSession::wrapUpMs() const
{
    return m_wrapUpMs;
}

void AgentSession::enter(AgentState state, const QString &reason)
{
    m_wrapUpTimer->stop();
    m_status.state = state;
    m_status.reason = state == AgentState::NotReady ? reason : QString();
    m_status.sinceUs = m_clock->nowUs();
    m_status.wrapUpEndsUs = 0;
    if (state == AgentState::WrapUp) {
        m_status.wrapUpEndsUs = m_status.sinceUs + qint64(m_wrapUpMs) * 1000;
        m_wrapUpTimer->start(m_wrapUpMs);
    }
    if (m_provider) {
        m_provider->setAcceptingCalls(state == AgentState::Ready);
    }
    Q_EMIT statusChanged(m_status);
}

void AgentSession::setReady()
{
    m_notReadyAfterCall.reset();
    if (m_status.state == AgentState::Talking) {
        return; // back to ready after the call's wrap-up anyway
    }
    enter(AgentState::Ready);
}

void AgentSession::setNotReady(const QString &reason)
{
    if (m_status.state == AgentState::Talking) {
        m_notReadyAfterCall = reason;
        return;
    }
    enter(AgentState::NotReady, reason);
}

void AgentSession::finishWrapUp()
{
    if (m_status.state != AgentState::WrapUp) {
        return;
    }
    if (m_notReadyAfterCall) {
        const QString reason = *m_notReadyAfterCall;
        m_notReadyAfterCall.reset();
        enter(AgentState::NotReady, reason);
    } else {
        enter(AgentState::Ready);
    }
}

void AgentSession::handleCallEvent(const CallEvent &event)
{
    switch (event.type) {
    case CallEventType::Answered:
        if (m_status.state != AgentState::Talking) {
            enter(AgentState::Talking);
        }
        break;
    case CallEventType::Ended: {
        if (m_status.state != AgentState::Talking || !event.call.answered) {
            break;
        }
        bool otherCall = false;
        if (m_provider) {
            for (const Call &c : m_provider->activeCalls()) {
                otherCall = otherCall || c.answered;
            }
        }
        if (!otherCall) {
            enter(AgentState::WrapUp);
            if (m_wrapUpMs == 0) {
                finishWrapUp();
            }
        }
        break;
    }
    default:
        break;
    }
}

} // namespace cti
