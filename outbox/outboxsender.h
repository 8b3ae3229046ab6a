#pragma once

#include "outboxworker.h"

#include <QDateTime>
#include <QObject>
#include <QString>

class QThread;

namespace outbox {

class SenderEngine;

// Sends the outbox in the background: an OutboxWorker on its own thread, woken by wake() after a
// commit and by a timer for retries. Results come back as queued signals on the owner's thread.
class OutboxSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxSender)

public:
    OutboxSender(const QString &databasePath, const SmtpConfig &config, const RetryPolicy &policy = {},
                 QObject *parent = nullptr);
    ~OutboxSender() override;

    void start();   // once per object: recovery, then sending
    void stop();    // after the message in flight; queued mail stays for the next start of the app
    bool isRunning() const;

public Q_SLOTS:
    void wake();                                    // a message was committed: look now
    void setPassword(const QString &password);      // from the keychain

Q_SIGNALS:
    void messageSent(const QString &id, const QString &reference);
    void messageDeferred(const QString &id, const QString &reference, const QString &reply,
                         const QDateTime &nextAttempt);
    void messageFailed(const QString &id, const QString &reference, int code, const QString &reply);
    void errorOccurred(const QString &error);
    // Once after start: what crash recovery found (unconfirmed messages need a person to look).
    void recovered(int requeued, int unconfirmed);

private:
    QThread *m_thread = nullptr;
    SenderEngine *m_engine = nullptr;
};

} // namespace outbox
