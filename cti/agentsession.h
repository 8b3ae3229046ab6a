#pragma once

#include <optional>

#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

#include "call.h"

class QTimer;

namespace cti {

class Clock;
class TelephonyProvider;

enum class AgentState { Ready, NotReady, Talking, WrapUp };

struct AgentStatus
{
    AgentState state = AgentState::NotReady;
    QString reason;          // NotReady: why ("Pause", "Schulung", …)
    qint64 sinceUs = 0;
    qint64 wrapUpEndsUs = 0; // WrapUp: when the agent goes back to ready on their own
};

QString toString(AgentState state);
QString displayName(AgentState state);

// The agent's availability, driven by the agent (ready / not ready with a reason) and by calls (talking, then
// wrap-up for a configurable time, then ready again). Tells the provider to refuse new calls with 486 Busy Here
// unless the agent is ready. A "not ready" asked for during a call takes effect after its wrap-up.
class AgentSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentSession)

public:
    explicit AgentSession(TelephonyProvider *provider, const Clock *clock = nullptr, QObject *parent = nullptr);
    ~AgentSession() override;

    AgentStatus status() const;
    void setWrapUpMs(int ms);
    int wrapUpMs() const;

    void setReady();
    void setNotReady(const QString &reason);
    // Ends the wrap-up early (the agent finished the note).
    void finishWrapUp();

Q_SIGNALS:
    void statusChanged(const cti::AgentStatus &status);

private:
    void handleCallEvent(const cti::CallEvent &event);
    void enter(AgentState state, const QString &reason = {});

    QPointer<TelephonyProvider> m_provider;
    const Clock *m_clock;
    QTimer *m_wrapUpTimer;
    AgentStatus m_status;
    int m_wrapUpMs = 30000;
    std::optional<QString> m_notReadyAfterCall;
};

} // namespace cti

Q_DECLARE_METATYPE(cti::AgentStatus)
