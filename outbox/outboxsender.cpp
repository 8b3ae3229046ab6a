#include "outboxsender.h"

#include "senderengine_p.h"

#include <QThread>
#include <QTimer>

namespace outbox {

SenderEngine::SenderEngine(const QString &path, const SmtpConfig &config, const RetryPolicy &policy)
    : m_worker(path, config, policy)
{
}

SenderEngine::~SenderEngine() = default;

void SenderEngine::handleStarted()
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SenderEngine::process);
    m_worker.setEventHandler([this](const SendEvent &ev) {
        switch (ev.kind) {
        case SendEvent::Kind::Sent: Q_EMIT sent(ev.id, ev.reference); break;
        case SendEvent::Kind::Deferred: Q_EMIT deferred(ev.id, ev.reference, ev.reply, ev.nextAttempt); break;
        case SendEvent::Kind::Failed: Q_EMIT failed(ev.id, ev.reference, ev.code, ev.reply); break;
        }
    });
    QString error;
    m_open = m_worker.open(&error);
    if (!m_open) {
        Q_EMIT errorOccurred(error);
        return;
    }
    Q_EMIT recovered(m_worker.recoveredQueued(), m_worker.recoveredUnconfirmed());
    process();
}

void SenderEngine::setPassword(const QString &password)
{
    m_worker.setPassword(password);
}

void SenderEngine::requestStop()
{
    m_worker.requestStop();
}

void SenderEngine::process()
{
    if (!m_open) {
        return;
    }
    QString error;
    m_worker.processDue(QDateTime::currentDateTimeUtc(), &error);
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(error);
    }
    schedule();
}

void SenderEngine::schedule()
{
    const auto next = m_worker.nextDue();
    if (!next) {
        return;     // idle until wake()
    }
    const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(*next);
    m_timer->start(static_cast<int>(std::clamp<qint64>(wait, 0, 60 * 60'000)));
}

OutboxSender::OutboxSender(const QString &databasePath, const SmtpConfig &config, const RetryPolicy &policy,
                           QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_engine(new SenderEngine(databasePath, config, policy))
{
    m_thread->setObjectName(QStringLiteral("outbox-sender"));
    m_engine->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_engine, &SenderEngine::handleStarted);
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &SenderEngine::sent, this, &OutboxSender::messageSent);
    connect(m_engine, &SenderEngine::deferred, this, &OutboxSender::messageDeferred);
    connect(m_engine, &SenderEngine::failed, this, &OutboxSender::messageFailed);
    connect(m_engine, &SenderEngine::errorOccurred, this, &OutboxSender::errorOccurred);
    connect(m_engine, &SenderEngine::recovered, this, &OutboxSender::recovered);
}

OutboxSender::~OutboxSender()
{
    stop();
    if (!m_thread->isFinished() && !m_thread->isRunning()) {
        delete m_engine;    // never started: the engine was not handed to deleteLater
    }
    delete m_thread;
}

void OutboxSender::start()
{
    if (!m_thread->isRunning()) {
        m_thread->start();
    }
}

void OutboxSender::stop()
{
    if (m_thread->isRunning()) {
        m_engine->requestStop();    // finish the message in flight, leave the rest queued
        m_thread->quit();
        m_thread->wait();
    }
}

bool OutboxSender::isRunning() const
{
    return m_thread->isRunning();
}

void OutboxSender::wake()
{
    QMetaObject::invokeMethod(m_engine, &SenderEngine::process, Qt::QueuedConnection);
}

void OutboxSender::setPassword(const QString &password)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, password]() { engine->setPassword(password); }, Qt::QueuedConnection);
}

} // namespace outbox
