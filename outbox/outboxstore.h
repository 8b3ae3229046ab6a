#pragma once

#include "message.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace outbox {

// NOTIFY channel of the shared server when its outbox changes (outbox migration 0002, PostgreSQL only: new e-mails
// and send states); the payload is the table's name. The desks refresh their visible outbox view on it.
inline constexpr char ChangedChannel[] = "outbox_changed";

// The durable outbox table (in journal.db). One OutboxStore per thread. A message is committed here
// before any attempt to send it; the sender moves it queued → sending → sent | queued (retry) | failed.
class OutboxStore
{
public:
    ~OutboxStore();
    OutboxStore(const OutboxStore &) = delete;
    OutboxStore &operator=(const OutboxStore &) = delete;

    // Opens (creating and migrating) the database file at `path` on the calling thread.
    static std::unique_ptr<OutboxStore> open(const QString &path, QString *error);
    // On an existing connection this program does not own (the shared PostgreSQL store: QPSQL, on
    // this thread), already migrated by hotline-admin-desk: never migrates, refuses a schema other
    // than this build's (outbox). Inside a hotline::db::OuterTransaction its writes become savepoints.
    static std::unique_ptr<OutboxStore> openOn(const QSqlDatabase &db, QString *error);

    // Creates/updates the outbox tables on an open connection (for stores that share the file).
    static bool migrate(QSqlDatabase &db, QString *error);

    // Inserts the message on `db` inside the caller's transaction (so a case and its forward commit
    // together). Fills message.id and message.messageId, builds the MIME text once.
    static bool enqueueIn(QSqlDatabase &db, Message &message, const QDateTime &now, QString *error);

    // Same, in a transaction of its own.
    bool enqueue(Message &message, QString *error);

    std::optional<Entry> entry(const QString &id) const;
    QList<Entry> entries(QString *error = nullptr) const; // newest first
    QList<Entry> entriesForReference(const QString &reference) const;
    std::optional<QByteArray> mime(const QString &id) const;

    // Puts a failed or unconfirmed message back into the queue (same bytes, same Message-ID: a
    // receiving system that already has it can recognise the duplicate).
    bool retry(const QString &id, QString *error);

    // Privacy: empties the stored MIME text (which may hold a citizen's contact details) of messages
    // sent before `before`, inside the caller's transaction. The row (state, recipients, subject) stays.
    static int purgeSentContentIn(QSqlDatabase &db, const QDateTime &before, QString *error);

    // --- used by the sender thread ---
    // Crash recovery, run once before the first attempt: a message left in "sending" whose data was
    // not completely handed to the server cannot have been delivered (the server only accepts it after
    // the final "."), so it is queued again; one whose data was complete becomes "unconfirmed".
    bool recoverInterrupted(int *requeued, int *unconfirmed, QString *error);
    // Claims the oldest due queued message (queued → sending, attempts + 1). Empty when none is due.
    // On the shared PostgreSQL store several senders may run at once: the claim skips rows another
    // sender is claiming (FOR UPDATE SKIP LOCKED) and holds a session advisory lock on the message
    // until markSent/markRetry/markFailed, so that recoverInterrupted() of another sender can tell a
    // live send (lock held) from one whose sender died (lock gone with its session).
    std::optional<Entry> claimNext(const QDateTime &now, QString *error);
    bool markDataComplete(const QString &id, const QDateTime &now, QString *error);
    bool markSent(const QString &id, const QDateTime &now, int code, const QString &reply, QString *error);
    bool markRetry(const QString &id, const QDateTime &next, int code, const QString &reply, QString *error);
    bool markFailed(const QString &id, int code, const QString &reply, QString *error);
    std::optional<QDateTime> nextDue() const;
    QDateTime now() const;

    // True on a connection this store does not own (openOn: the shared PostgreSQL store), where other
    // senders may work on the same table at the same time.
    bool isShared() const;
    // The connection still answers (a sender on the server reconnects when it does not).
    bool isConnectionAlive() const;

private:
    OutboxStore();
    bool claimLock(const QString &id, QString *error);
    void releaseClaim(const QString &id);
    bool setState(const QString &id, const QString &sql, const QList<QPair<QString, QVariant>> &values, QString *error);

    QString m_connection;
    QSqlDatabase m_db;
    bool m_server = false; // PostgreSQL: advisory locks mark live sends
};

} // namespace outbox
