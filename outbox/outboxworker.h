#pragma once

#include "smtpclient.h"

#include <QDateTime>
#include <QString>

class QLockFile;

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace outbox {

class OutboxStore;

// Exponential backoff while the server is unreachable or answers 4xx.
struct RetryPolicy
{
    int initialDelayMs = 30'000;
    double factor = 2.0;
    int maxDelayMs = 30 * 60'000;

    // Delay before the attempt that follows attempt number `attempts` (1-based).
    qint64 delayAfter(int attempts) const;
};

struct SendEvent
{
    enum class Kind { Sent, Deferred, Failed };
    Kind kind = Kind::Sent;
    QString id;
    QString reference;
    int code = 0;
    QString reply;
    QDateTime nextAttempt;      // Deferred only
};

// The synchronous core of the sender: owns an OutboxStore on the calling thread and sends what is
// due, one message at a time, with blocking libcurl calls. OutboxSender runs it on a worker thread;
// tests and the crash-test helper drive it directly.
class OutboxWorker
{
public:
    OutboxWorker(QString databasePath, SmtpConfig config, RetryPolicy policy = {});
    // On a store opened by the caller (OutboxStore::openOn: the shared PostgreSQL store). Several
    // such senders may run at once: no lock file; the store's claims and advisory locks keep every
    // message with one sender, and every processDue() first recovers the sends of senders that died.
    OutboxWorker(std::unique_ptr<OutboxStore> store, SmtpConfig config, RetryPolicy policy = {});
    ~OutboxWorker();
    OutboxWorker(const OutboxWorker &) = delete;
    OutboxWorker &operator=(const OutboxWorker &) = delete;

    // Takes the sender lock (one sender per database: crash recovery must never touch a message that
    // another live sender is sending), opens the store and runs crash recovery
    // (OutboxStore::recoverInterrupted). A lock left by a killed process is taken over.
    bool open(QString *error);
    int recoveredQueued() const;        // from the last open(): re-queued after a crash
    int recoveredUnconfirmed() const;   // … and left "unconfirmed" (may have been delivered)
    void setPassword(const QString &password);
    void setEventHandler(std::function<void(const SendEvent &)> handler);

    // Sends every message due at `now` (one attempt each). Returns the number of attempts made.
    int processDue(const QDateTime &now, QString *error = nullptr);
    std::optional<QDateTime> nextDue() const;

    // Thread-safe: processDue() stops after the message in flight (never in the middle of one, which
    // would leave it "unconfirmed").
    void requestStop();
    // Also stop when *flag becomes true (a signal handler's flag; must outlive the worker).
    void setStopFlag(const std::atomic<bool> *flag);

    // The store's connection still answers (false: the caller reconnects and makes a new worker).
    bool isConnectionAlive() const;

private:
    bool stopRequested() const;

    QString m_path;
    SmtpConfig m_config;
    RetryPolicy m_policy;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<OutboxStore> m_store;
    int m_requeued = 0;
    int m_unconfirmed = 0;
    std::atomic<bool> m_stop{false};
    const std::atomic<bool> *m_externalStop = nullptr;
    std::function<void(const SendEvent &)> m_handler;
};

} // namespace outbox
