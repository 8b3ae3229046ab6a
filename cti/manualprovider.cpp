#include "manualprovider.h"

#include <QUuid>

#include "clock.h"

namespace cti {

ManualProvider::ManualProvider(const NumberingPlan &plan, const Clock *clock, QObject *parent)
    : TelephonyProvider(parent)
    , m_book(clock)
{
    m_book.setNumberingPlan(plan);
}

ManualProvider::~ManualProvider() = default;

QString ManualProvider::startCall(const QString &number, const QString &name, const QString &note)
{
    const QString id = QStringLiteral("manual-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    Q_EMIT callEventOccurred(m_book.startManual(id, number, name, note));
    return id;
}

QString ManualProvider::backendName() const
{
    return QStringLiteral("manual");
}

bool ManualProvider::start(QString *)
{
    if (!m_running) {
        m_running = true;
        ProviderEvent e;
        e.type = ProviderEventType::Started;
        e.message = QStringLiteral("manual call records");
        e.timestampUs = m_book.clock()->nowUs();
        Q_EMIT providerEventOccurred(e);
    }
    return true;
}

void ManualProvider::stop()
{
    m_running = false;
}

bool ManualProvider::isRunning() const
{
    return m_running;
}

bool ManualProvider::supportsIncomingCalls() const
{
    return false;
}

QList<Call> ManualProvider::activeCalls() const
{
    return m_book.activeCalls();
}

QList<Call> ManualProvider::recentCalls() const
{
    return m_book.history();
}

bool ManualProvider::emitOr(const std::optional<CallEvent> &event, const QString &callId, QString *error)
{
    if (!event) {
        if (error) {
            *error = m_book.call(callId) ? tr("Not possible in the call's current state.")
                                         : tr("No active call with id \"%1\".").arg(callId);
        }
        return false;
    }
    Q_EMIT callEventOccurred(*event);
    return true;
}

bool ManualProvider::answer(const QString &callId, QString *error)
{
    // Manual records start answered.
    return emitOr(m_book.answered(callId), callId, error);
}

bool ManualProvider::decline(const QString &callId, QString *error)
{
    return emitOr(m_book.ended(callId, EndReason::Declined, Party::Agent), callId, error);
}

bool ManualProvider::hold(const QString &callId, QString *error)
{
    return emitOr(m_book.held(callId), callId, error);
}

bool ManualProvider::resume(const QString &callId, QString *error)
{
    return emitOr(m_book.resumed(callId), callId, error);
}

bool ManualProvider::setMuted(const QString &callId, bool muted, QString *error)
{
    if (!m_book.call(callId)) {
        return emitOr(std::nullopt, callId, error);
    }
    if (auto e = m_book.muteChanged(callId, muted)) {
        Q_EMIT callEventOccurred(*e);
    }
    return true;
}

bool ManualProvider::transfer(const QString &callId, const QString &target, QString *error)
{
    // The agent handed the caller on by other means; record it.
    if (!emitOr(m_book.transferStarted(callId, target), callId, error)) {
        return false;
    }
    return emitOr(m_book.ended(callId, EndReason::Transferred, Party::Agent), callId, error);
}

bool ManualProvider::hangUp(const QString &callId, QString *error)
{
    return emitOr(m_book.ended(callId, EndReason::Completed, Party::Agent), callId, error);
}

bool ManualProvider::sendDtmf(const QString &, const QString &, QString *error)
{
    if (error) {
        *error = tr("Manual call records cannot send tones.");
    }
    return false;
}

void ManualProvider::setAcceptingCalls(bool accepting)
{
    m_accepting = accepting;
}

bool ManualProvider::isAcceptingCalls() const
{
    return m_accepting;
}

} // namespace cti
