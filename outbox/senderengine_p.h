#pragma once

#include "outboxworker.h"

#include <QObject>

class QTimer;

namespace outbox {

// Lives on OutboxSender's thread; every member runs there.
class SenderEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SenderEngine)

public:
    SenderEngine(const QString &path, const SmtpConfig &config, const RetryPolicy &policy);
    ~SenderEngine() override;

public Q_SLOTS:
    void handleStarted();
    void process();
    void setPassword(const QString &password);

public:
    void requestStop();     // any thread

Q_SIGNALS:
    void sent(const QString &id, const QString &reference);
    void deferred(const QString &id, const QString &reference, const QString &reply, const QDateTime &next);
    void failed(const QString &id, const QString &reference, int code, const QString &reply);
    void errorOccurred(const QString &error);
    void recovered(int requeued, int unconfirmed);

private:
    void schedule();

    OutboxWorker m_worker;
    QTimer *m_timer = nullptr;
    bool m_open = false;
};

} // namespace outbox
