#include "callbook.h"

#include "clock.h"

namespace cti {

namespace {
constexpr qsizetype MaxHistory = 200;
}

CallBook::CallBook(const Clock *clock)
    : m_clock(clock ? clock : SystemClock::instance())
    , m_lines(m_plan)
{
}

void CallBook::setNumberingPlan(const NumberingPlan &plan)
{
    m_plan = plan;
}

const NumberingPlan &CallBook::numberingPlan() const
{
    return m_plan;
}

void CallBook::setLineMap(const LineMap &map)
{
    m_lines = map;
}

const Clock *CallBook::clock() const
{
    return m_clock;
}

Call CallBook::makeCall(const QString &id, const QString &remoteUri, const QString &remoteUser,
                        const QString &displayName, const QString &dialled) const
{
    Call c;
    c.id = id;
    c.remoteUri = remoteUri;
    c.callerNumber = PhoneNumber::toE164(remoteUser, m_plan);
    c.callerNumberDisplay = c.callerNumber.isEmpty() ? QString() : PhoneNumber::formatNational(c.callerNumber, m_plan);
    c.callerName = displayName.trimmed();
    const QString dialledE164 = PhoneNumber::toE164(dialled, m_plan);
    c.dialledNumber = dialledE164.isEmpty() ? dialled : dialledE164;
    c.municipality = m_lines.municipalityFor(dialled);
    c.startedUs = m_clock->nowUs();
    return c;
}

CallEvent CallBook::event(CallEventType type, const Call &call) const
{
    return CallEvent{type, call, m_clock->nowUs()};
}

void CallBook::archive(const Call &call)
{
    m_history.append(call);
    if (m_history.size() > MaxHistory) {
        m_history.removeFirst();
    }
}

std::optional<CallEvent> CallBook::ring(const QString &id, const QString &remoteUri, const QString &remoteUser,
                                        const QString &displayName, const QString &dialled)
{
    if (id.isEmpty() || m_active.contains(id)) {
        return std::nullopt;
    }
    const Call c = makeCall(id, remoteUri, remoteUser, displayName, dialled);
    m_active.insert(id, c);
    m_order.append(id);
    return event(CallEventType::Incoming, c);
}

CallEvent CallBook::refused(const QString &remoteUri, const QString &remoteUser, const QString &displayName,
                            const QString &dialled, const QString &id)
{
    Call c = makeCall(id, remoteUri, remoteUser, displayName, dialled);
    c.state = CallState::Ended;
    c.endReason = EndReason::Refused;
    c.endedBy = Party::Agent;
    c.endedUs = c.startedUs;
    archive(c);
    return event(CallEventType::Refused, c);
}

CallEvent CallBook::startManual(const QString &id, const QString &number, const QString &name, const QString &note)
{
    Call c = makeCall(id, QString(), number, name, QString());
    c.manual = true;
    c.note = note;
    c.state = CallState::Talking;
    c.answered = true;
    c.answeredUs = c.startedUs;
    m_active.insert(id, c);
    m_order.append(id);
    return event(CallEventType::Answered, c);
}

std::optional<CallEvent> CallBook::answered(const QString &id)
{
    auto it = m_active.find(id);
    if (it == m_active.end() || it->state != CallState::Ringing) {
        return std::nullopt;
    }
    it->state = CallState::Talking;
    it->answered = true;
    it->answeredUs = m_clock->nowUs();
    return event(CallEventType::Answered, *it);
}

std::optional<CallEvent> CallBook::held(const QString &id)
{
    auto it = m_active.find(id);
    if (it == m_active.end() || it->state != CallState::Talking) {
        return std::nullopt;
    }
    it->state = CallState::OnHold;
    it->heldSinceUs = m_clock->nowUs();
    return event(CallEventType::Held, *it);
}

std::optional<CallEvent> CallBook::resumed(const QString &id)
{
    auto it = m_active.find(id);
    if (it == m_active.end() || it->state != CallState::OnHold) {
        return std::nullopt;
    }
    it->state = CallState::Talking;
    it->heldTotalUs += m_clock->nowUs() - it->heldSinceUs;
    it->heldSinceUs = 0;
    return event(CallEventType::Resumed, *it);
}

std::optional<CallEvent> CallBook::muteChanged(const QString &id, bool muted)
{
    auto it = m_active.find(id);
    if (it == m_active.end() || it->muted == muted) {
        return std::nullopt;
    }
    it->muted = muted;
    return event(CallEventType::MuteChanged, *it);
}

std::optional<CallEvent> CallBook::transferStarted(const QString &id, const QString &target)
{
    auto it = m_active.find(id);
    if (it == m_active.end() || !it->answered) {
        return std::nullopt;
    }
    it->transferTarget = target;
    return event(CallEventType::TransferStarted, *it);
}

std::optional<CallEvent> CallBook::ended(const QString &id, EndReason reason, Party by)
{
    auto it = m_active.find(id);
    if (it == m_active.end()) {
        return std::nullopt;
    }
    Call c = *it;
    m_active.erase(it);
    m_order.removeOne(id);
    const qint64 now = m_clock->nowUs();
    if (c.heldSinceUs) {
        c.heldTotalUs += now - c.heldSinceUs;
        c.heldSinceUs = 0;
    }
    c.state = CallState::Ended;
    c.endedUs = now;
    c.endedBy = by;
    if (reason == EndReason::Dropped || reason == EndReason::Failed || reason == EndReason::Refused) {
        c.endReason = reason;
    } else if (!c.answered) {
        c.endReason = reason == EndReason::Declined ? EndReason::Declined : EndReason::Missed;
    } else if (reason == EndReason::Transferred || !c.transferTarget.isEmpty()) {
        c.endReason = EndReason::Transferred;
    } else {
        c.endReason = EndReason::Completed;
    }
    archive(c);
    return event(CallEventType::Ended, c);
}

QList<CallEvent> CallBook::dropAll()
{
    QList<CallEvent> events;
    const QList<QString> ids = m_order;
    for (const QString &id : ids) {
        if (auto e = ended(id, EndReason::Dropped, Party::Unknown)) {
            events.append(*e);
        }
    }
    return events;
}

std::optional<Call> CallBook::call(const QString &id) const
{
    const auto it = m_active.constFind(id);
    if (it == m_active.constEnd()) {
        return std::nullopt;
    }
    return *it;
}

QList<Call> CallBook::activeCalls() const
{
    QList<Call> calls;
    for (const QString &id : m_order) {
        calls.append(m_active.value(id));
    }
    return calls;
}

QList<Call> CallBook::history() const
{
    return m_history;
}

} // namespace cti
