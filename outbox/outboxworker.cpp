#include "outboxworker.h"

#include "logging.h"
#include "outboxstore.h"

#include <QLockFile>

#include <cmath>

namespace outbox {

qint64 RetryPolicy::delayAfter(int attempts) const
{
    const double d = initialDelayMs * std::pow(factor, std::max(0, attempts - 1));
    return static_cast<qint64>(std::min<double>(d, maxDelayMs));
}

OutboxWorker::OutboxWorker(QString databasePath, SmtpConfig config, RetryPolicy policy)
    : m_path(std::move(databasePath))
    , m_config(std::move(config))
    , m_policy(policy)
{
}

OutboxWorker::OutboxWorker(std::unique_ptr<OutboxStore> store, SmtpConfig config, RetryPolicy policy)
    : m_config(std::move(config))
    , m_policy(policy)
    , m_store(std::move(store))
{
}

OutboxWorker::~OutboxWorker() = default;

bool OutboxWorker::open(QString *error)
{
    if (m_path.isEmpty()) {
        if (!m_store) {
            if (error) {
                *error = QStringLiteral("outbox worker without a store");
            }
            return false;
        }
        return m_store->recoverInterrupted(&m_requeued, &m_unconfirmed, error);
    }
    m_lock = std::make_unique<QLockFile>(m_path + QStringLiteral(".sender.lock"));
    m_lock->setStaleLockTime(0);    // never stale by age (a sender runs for hours); stale if its process is gone
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString app;
        m_lock->getLockInfo(&pid, &host, &app);
        if (error) {
            *error = QStringLiteral("another outbox sender (process %1 on %2) is already sending from %3")
                         .arg(pid)
                         .arg(host, m_path);
        }
        m_lock.reset();
        return false;
    }
    m_store = OutboxStore::open(m_path, error);
    if (!m_store) {
        return false;
    }
    return m_store->recoverInterrupted(&m_requeued, &m_unconfirmed, error);
}

int OutboxWorker::recoveredQueued() const
{
    return m_requeued;
}

int OutboxWorker::recoveredUnconfirmed() const
{
    return m_unconfirmed;
}

void OutboxWorker::setPassword(const QString &password)
{
    m_config.password = password;
}

void OutboxWorker::setEventHandler(std::function<void(const SendEvent &)> handler)
{
    m_handler = std::move(handler);
}

int OutboxWorker::processDue(const QDateTime &now, QString *error)
{
    if (!m_store) {
        if (error) {
            *error = QStringLiteral("outbox not open");
        }
        return 0;
    }
    int attempts = 0;
    if (m_store->isShared()) {
        // Another sender on the server may have died in the middle of a send since the last round.
        int requeued = 0;
        int unconfirmed = 0;
        if (!m_store->recoverInterrupted(&requeued, &unconfirmed, error)) {
            return 0;
        }
        m_requeued += requeued;
        m_unconfirmed += unconfirmed;
    }
    // Each message gets at most one attempt per call, so a failing server cannot keep us here.
    QDateTime cutoff = now;
    while (!stopRequested()) {
        auto entry = m_store->claimNext(cutoff, error);
        if (!entry) {
            break;
        }
        ++attempts;
        const auto mime = m_store->mime(entry->id);
        QString e;
        auto markComplete = [&]() {
            // Committed before libcurl sends the final ".": after this a crash leaves the message
            // "unconfirmed" instead of re-sending it blindly.
            // If that cannot be recorded the transfer is aborted before the final ".": better sent
            // again later than sent twice without anybody knowing.
            if (!m_store->markDataComplete(entry->id, QDateTime::currentDateTimeUtc(), &e)) {
                qCWarning(lcOutbox) << "cannot record data completion, aborting the transfer:" << e;
                return false;
            }
            return true;
        };
        const SmtpResult r = sendMail(m_config, entry->sender, entry->recipients, mime.value_or(QByteArray()),
                                      markComplete);
        SendEvent ev;
        ev.id = entry->id;
        ev.reference = entry->reference;
        ev.code = r.code;
        ev.reply = r.reply;
        const QDateTime done = QDateTime::currentDateTimeUtc();
        bool ok = false;
        switch (r.status) {
        case SmtpResult::Status::Sent:
            ev.kind = SendEvent::Kind::Sent;
            ok = m_store->markSent(entry->id, done, r.code, r.reply, &e);
            qCInfo(lcOutbox) << "sent" << entry->messageId << r.reply;
            break;
        case SmtpResult::Status::TransientFailure:
            ev.kind = SendEvent::Kind::Deferred;
            // Counted from the later of the real time and the caller's `now`, so the retry is never
            // due again within this call.
            ev.nextAttempt = std::max(done, cutoff).addMSecs(std::max<qint64>(1, m_policy.delayAfter(entry->attempts)));
            ok = m_store->markRetry(entry->id, ev.nextAttempt, r.code, r.reply, &e);
            qCInfo(lcOutbox) << "deferred" << entry->messageId << "until" << ev.nextAttempt << r.reply;
            break;
        case SmtpResult::Status::PermanentFailure:
            ev.kind = SendEvent::Kind::Failed;
            ok = m_store->markFailed(entry->id, r.code, r.reply, &e);
            qCWarning(lcOutbox) << "failed" << entry->messageId << r.code << r.reply;
            break;
        }
        if (!ok) {
            qCWarning(lcOutbox) << "cannot record the result of" << entry->id << e;
            if (error) {
                *error = e;
            }
        }
        if (m_handler) {
            m_handler(ev);
        }
    }
    return attempts;
}

void OutboxWorker::requestStop()
{
    m_stop.store(true);
}

void OutboxWorker::setStopFlag(const std::atomic<bool> *flag)
{
    m_externalStop = flag;
}

bool OutboxWorker::stopRequested() const
{
    return m_stop.load() || (m_externalStop && m_externalStop->load());
}

bool OutboxWorker::isConnectionAlive() const
{
    return m_store && m_store->isConnectionAlive();
}

std::optional<QDateTime> OutboxWorker::nextDue() const
{
    return m_store ? m_store->nextDue() : std::nullopt;
}

} // namespace outbox
