#include "outboxstore.h"

#include "dbsupport.h"
#include "logging.h"

#include <QScopeGuard>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace outbox {

namespace {

qint64 ms(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

QDateTime fromMs(const QVariant &v)
{
    if (v.isNull()) {
        return QDateTime();
    }
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

const char *kColumns = "id, message_id, reference, sender, recipients, subject, state, attempts, last_code, "
                       "last_error, created_at, next_attempt_at, sent_at";

Entry readEntry(const QSqlQuery &q)
{
    Entry e;
    e.id = q.value(0).toString();
    e.messageId = q.value(1).toString();
    e.reference = q.value(2).toString();
    e.sender = q.value(3).toString();
    e.recipients = q.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    e.subject = q.value(5).toString();
    stateFromName(q.value(6).toString(), &e.state);
    e.attempts = q.value(7).toInt();
    e.lastCode = q.value(8).toInt();
    e.lastError = q.value(9).toString();
    e.createdAt = fromMs(q.value(10));
    e.nextAttemptAt = fromMs(q.value(11));
    e.sentAt = fromMs(q.value(12));
    return e;
}

} // namespace

OutboxStore::OutboxStore() = default;

OutboxStore::~OutboxStore()
{
    m_db = QSqlDatabase();
    if (!m_connection.isEmpty()) {   // empty: openOn(), the connection is the caller's
        hotline::db::closeConnection(m_connection);
    }
}

std::unique_ptr<OutboxStore> OutboxStore::openOn(const QSqlDatabase &db, QString *error)
{
    std::unique_ptr<OutboxStore> store(new OutboxStore);
    store->m_db = db;
    store->m_server = !hotline::db::isSqlite(db);
    if (!store->m_db.isOpen()
        || !hotline::db::requireCurrentSchema(store->m_db, QStringLiteral("outbox"), error)) {
        if (!store->m_db.isOpen() && error) {
            *error = QStringLiteral("the outbox store's connection is not open");
        }
        return nullptr;
    }
    return store;
}

std::unique_ptr<OutboxStore> OutboxStore::open(const QString &path, QString *error)
{
    std::unique_ptr<OutboxStore> store(new OutboxStore);
    store->m_connection = hotline::db::connectionName(QStringLiteral("outbox"), path) + QLatin1Char('_')
        + QUuid::createUuid().toString(QUuid::Id128);
    if (!hotline::db::openSqlite(path, store->m_connection, &store->m_db, error) || !migrate(store->m_db, error)) {
        return nullptr;
    }
    return store;
}

bool OutboxStore::migrate(QSqlDatabase &db, QString *error)
{
    return hotline::db::applyMigrations(db, QStringLiteral("outbox"), error);
}

bool OutboxStore::enqueueIn(QSqlDatabase &db, Message &message, const QDateTime &now, QString *error)
{
    auto fail = [error](const QString &text) {
        if (error) {
            *error = text;
        }
        return false;
    };
    if (!message.from.isValid()) {
        return fail(QStringLiteral("invalid sender address \"%1\"").arg(message.from.email));
    }
    if (message.to.isEmpty()) {
        return fail(QStringLiteral("the message has no recipient"));
    }
    QStringList recipients;
    for (const QList<Address> *list : {&message.to, &message.cc}) {
        for (const Address &a : *list) {
            if (!a.isValid()) {
                return fail(QStringLiteral("invalid recipient address \"%1\"").arg(a.email));
            }
            recipients << a.email;
        }
    }
    if (message.id.isEmpty()) {
        message.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    if (message.messageId.isEmpty()) {
        message.messageId = newMessageId(message.from.email);
    }
    const QByteArray mime = buildMime(message, now);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO outbox_messages (id, message_id, reference, sender, recipients, subject, "
                             "mime, state, created_at, next_attempt_at) VALUES (:id, :mid, :ref, :sender, :rcpt, "
                             ":subject, :mime, 'queued', :now, :now)"));
    q.bindValue(QStringLiteral(":id"), hotline::db::text(message.id));
    q.bindValue(QStringLiteral(":mid"), hotline::db::text(message.messageId));
    q.bindValue(QStringLiteral(":ref"), hotline::db::text(message.reference));
    q.bindValue(QStringLiteral(":sender"), hotline::db::text(message.from.email));
    q.bindValue(QStringLiteral(":rcpt"), hotline::db::text(recipients.join(QLatin1Char(','))));
    q.bindValue(QStringLiteral(":subject"), hotline::db::text(message.subject));
    q.bindValue(QStringLiteral(":mime"), hotline::db::text(QString::fromLatin1(mime)));
    q.bindValue(QStringLiteral(":now"), ms(now));

    return hotline::db::exec(q, QStringLiteral("enqueue message"), error);
}

bool OutboxStore::enqueue(Message &message, QString *error)
{
    hotline::db::Transaction tx(m_db);
    if (!tx.isActive()) {
        if (error) {
            *error = tx.error();
        }
        return false;
    }
    return enqueueIn(m_db, message, now(), error) && tx.commit(error);
}

QDateTime OutboxStore::now() const
{
    return QDateTime::currentDateTimeUtc();
}

std::optional<Entry> OutboxStore::entry(const QString &id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM outbox_messages WHERE id = :id").arg(QLatin1String(kColumns)));
    q.bindValue(QStringLiteral(":id"), hotline::db::text(id));
    if (!q.exec() || !q.next()) {
        return std::nullopt;
    }
    return readEntry(q);
}

QList<Entry> OutboxStore::entries(QString *error) const
{
    QList<Entry> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM outbox_messages ORDER BY created_at DESC, id").arg(QLatin1String(kColumns)));
    if (!hotline::db::exec(q, QStringLiteral("list outbox"), error)) {
        return out;
    }
    while (q.next()) {
        out << readEntry(q);
    }
    return out;
}

QList<Entry> OutboxStore::entriesForReference(const QString &reference) const
{
    QList<Entry> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM outbox_messages WHERE reference = :ref ORDER BY created_at, id")
                  .arg(QLatin1String(kColumns)));
    q.bindValue(QStringLiteral(":ref"), hotline::db::text(reference));
    if (q.exec()) {
        while (q.next()) {
            out << readEntry(q);
        }
    }
    return out;
}

std::optional<QByteArray> OutboxStore::mime(const QString &id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT mime FROM outbox_messages WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), hotline::db::text(id));
    if (!q.exec() || !q.next()) {
        return std::nullopt;
    }
    return q.value(0).toString().toLatin1();
}

bool OutboxStore::setState(const QString &id, const QString &sql, const QList<QPair<QString, QVariant>> &values,
                           QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(sql);
    q.bindValue(QStringLiteral(":id"), hotline::db::text(id));
    for (const auto &[k, v] : values) {
        q.bindValue(k, v);
    }
    if (!hotline::db::exec(q, QStringLiteral("update outbox message"), error)) {
        return false;
    }
    if (q.numRowsAffected() != 1) {
        if (error) {
            *error = QStringLiteral("outbox message %1 is not in the expected state").arg(id);
        }
        return false;
    }
    return true;
}

int OutboxStore::purgeSentContentIn(QSqlDatabase &db, const QDateTime &before, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE outbox_messages SET mime = '' WHERE state = 'sent' AND sent_at < :before "
                             "AND mime <> ''"));
    q.bindValue(QStringLiteral(":before"), ms(before));
    if (!hotline::db::exec(q, QStringLiteral("purge sent messages"), error)) {
        return -1;
    }
    return q.numRowsAffected();
}

bool OutboxStore::retry(const QString &id, QString *error)
{
    return setState(id,
                    QStringLiteral("UPDATE outbox_messages SET state = 'queued', next_attempt_at = :now, "
                                   "sending_since = NULL, data_complete_at = NULL "
                                   "WHERE id = :id AND state IN ('failed', 'unconfirmed')"),
                    {{QStringLiteral(":now"), ms(now())}}, error);
}

bool OutboxStore::recoverInterrupted(int *requeued, int *unconfirmed, QString *error)
{
    hotline::db::Transaction tx(m_db, true);
    if (!tx.isActive()) {
        if (error) {
            *error = tx.error();
        }
        return false;
    }
    // On the shared store only the messages whose sender is gone: a live sender holds the message's
    // advisory lock from its claim to the recorded result; PostgreSQL drops it with the session.
    QStringList orphans;
    QString scope;
    if (m_server) {
        QSqlQuery s(m_db);
        s.prepare(QStringLiteral("SELECT id FROM outbox_messages WHERE state = 'sending' ORDER BY id "
                                 "FOR UPDATE SKIP LOCKED"));
        if (!hotline::db::exec(s, QStringLiteral("find interrupted sends"), error)) {
            return false;
        }
        QStringList candidates;
        while (s.next()) {
            candidates << s.value(0).toString();
        }
        s.finish();
        for (const QString &id : std::as_const(candidates)) {
            QSqlQuery l(m_db);
            l.prepare(QStringLiteral("SELECT pg_try_advisory_lock(hashtext('hotline-outbox'), hashtext(:id))"));
            l.bindValue(QStringLiteral(":id"), id);
            if (!hotline::db::exec(l, QStringLiteral("check the sender of %1").arg(id), error)) {
                for (const QString &o : std::as_const(orphans)) {
                    releaseClaim(o);
                }
                return false;
            }
            if (l.next() && l.value(0).toBool()) {
                orphans << id;
            }
        }
        if (orphans.isEmpty()) {
            if (requeued) {
                *requeued = 0;
            }
            if (unconfirmed) {
                *unconfirmed = 0;
            }
            return tx.commit(error);
        }
        QStringList quoted;
        for (const QString &id : std::as_const(orphans)) {
            QString q = id;
            q.replace(QLatin1Char('\''), QStringLiteral("''"));
            quoted << QLatin1Char('\'') + q + QLatin1Char('\'');
        }
        scope = QStringLiteral(" AND id IN (%1)").arg(quoted.join(QLatin1Char(',')));
    }
    // The locks taken above are released whatever happens below, after the commit.
    struct Release
    {
        OutboxStore *store;
        const QStringList &ids;
        ~Release()
        {
            for (const QString &id : ids) {
                store->releaseClaim(id);
            }
        }
    } release{this, orphans};
    QSqlQuery a(m_db);
    a.prepare(QStringLiteral("UPDATE outbox_messages SET state = 'unconfirmed', last_error = :why "
                             "WHERE state = 'sending' AND data_complete_at IS NOT NULL")
              + scope);
    a.bindValue(QStringLiteral(":why"),
                QStringLiteral("interrupted after the message was handed to the server; it may have been "
                               "delivered, so it is not re-sent automatically"));
    if (!hotline::db::exec(a, QStringLiteral("recover unconfirmed"), error)) {
        return false;
    }
    const int u = a.numRowsAffected();
    QSqlQuery b(m_db);
    b.prepare(QStringLiteral("UPDATE outbox_messages SET state = 'queued', next_attempt_at = :now, sending_since = NULL "
                             "WHERE state = 'sending' AND data_complete_at IS NULL")
              + scope);
    b.bindValue(QStringLiteral(":now"), ms(now()));

    if (!hotline::db::exec(b, QStringLiteral("recover queued"), error)) {
        return false;
    }
    const int r = b.numRowsAffected();
    if (!tx.commit(error)) {
        return false;
    }
    if (requeued) {
        *requeued = r;
    }
    if (unconfirmed) {
        *unconfirmed = u;
    }
    if (r || u) {
        qCInfo(lcOutbox) << "recovered interrupted sends:" << r << "queued again," << u << "unconfirmed";
    }
    return true;
}

std::optional<Entry> OutboxStore::claimNext(const QDateTime &now, QString *error)
{
    hotline::db::Transaction tx(m_db, true);
    if (!tx.isActive()) {
        if (error) {
            *error = tx.error();
        }
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    // SQLite: BEGIN IMMEDIATE already serialises the senders. PostgreSQL: lock the row, and skip rows
    // that another sender is claiming right now instead of waiting for them.
    q.prepare(QStringLiteral("SELECT %1 FROM outbox_messages WHERE state = 'queued' AND next_attempt_at <= :now "
                             "ORDER BY next_attempt_at, created_at, id LIMIT 1%2")
                  .arg(QLatin1String(kColumns),
                       m_server ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString()));
    q.bindValue(QStringLiteral(":now"), ms(now));

    if (!hotline::db::exec(q, QStringLiteral("find due message"), error) || !q.next()) {
        return std::nullopt;
    }
    Entry e = readEntry(q);
    q.finish();
    // The state condition makes the claim safe even with two senders on one database.
    QSqlQuery u(m_db);
    u.prepare(QStringLiteral("UPDATE outbox_messages SET state = 'sending', attempts = attempts + 1, "
                             "sending_since = :now, data_complete_at = NULL WHERE id = :id AND state = 'queued'"));
    u.bindValue(QStringLiteral(":now"), ms(now));

    u.bindValue(QStringLiteral(":id"), hotline::db::text(e.id));
    if (!hotline::db::exec(u, QStringLiteral("claim message"), error) || u.numRowsAffected() != 1) {
        return std::nullopt;
    }
    if (m_server) {
        // Taken inside the claiming transaction, so no other sender's recovery can see the row in
        // "sending" without the lock. A session lock outlives the commit (and a rollback).
        if (!claimLock(e.id, error)) {
            return std::nullopt;
        }
        if (!tx.commit(error)) {
            releaseClaim(e.id);
            return std::nullopt;
        }
    } else if (!tx.commit(error)) {
        return std::nullopt;
    }
    e.state = State::Sending;
    ++e.attempts;
    return e;
}

bool OutboxStore::markDataComplete(const QString &id, const QDateTime &now, QString *error)
{
    return setState(id,
                    QStringLiteral("UPDATE outbox_messages SET data_complete_at = :now WHERE id = :id "
                                   "AND state = 'sending'"),
                    {{QStringLiteral(":now"), ms(now)}}, error);
}

bool OutboxStore::markSent(const QString &id, const QDateTime &now, int code, const QString &reply, QString *error)
{
    Q_UNUSED(reply)  // the 250 text carries the server's queue id; logged by the sender
    const auto release = qScopeGuard([&] { releaseClaim(id); });
    return setState(id,
                    QStringLiteral("UPDATE outbox_messages SET state = 'sent', sent_at = :now, last_code = :code, "
                                   "last_error = '', sending_since = NULL WHERE id = :id AND state = 'sending'"),
                    {{QStringLiteral(":now"), ms(now)}, {QStringLiteral(":code"), code}}, error);
}

bool OutboxStore::markRetry(const QString &id, const QDateTime &next, int code, const QString &reply, QString *error)
{
    const auto release = qScopeGuard([&] { releaseClaim(id); });
    return setState(id,
                    QStringLiteral("UPDATE outbox_messages SET state = 'queued', next_attempt_at = :next, "
                                   "last_code = :code, last_error = :reply, sending_since = NULL, "
                                   "data_complete_at = NULL WHERE id = :id AND state = 'sending'"),
                    {{QStringLiteral(":next"), ms(next)},
                     {QStringLiteral(":code"), code},
                     {QStringLiteral(":reply"), hotline::db::text(reply)}},
                    error);
}

bool OutboxStore::markFailed(const QString &id, int code, const QString &reply, QString *error)
{
    const auto release = qScopeGuard([&] { releaseClaim(id); });
    return setState(id,
                    QStringLiteral("UPDATE outbox_messages SET state = 'failed', last_code = :code, "
                                   "last_error = :reply, sending_since = NULL WHERE id = :id AND state = 'sending'"),
                    {{QStringLiteral(":code"), code}, {QStringLiteral(":reply"), hotline::db::text(reply)}}, error);
}

bool OutboxStore::claimLock(const QString &id, QString *error)
{
    QSqlQuery l(m_db);
    l.prepare(QStringLiteral("SELECT pg_try_advisory_lock(hashtext('hotline-outbox'), hashtext(:id))"));
    l.bindValue(QStringLiteral(":id"), id);
    if (!hotline::db::exec(l, QStringLiteral("lock message %1").arg(id), error)) {
        return false;
    }
    if (!l.next() || !l.value(0).toBool()) {
        // Another sender's recovery has just put it back into the queue and still holds the lock;
        // the message is claimed in a later round.
        if (error) {
            error->clear();
        }
        return false;
    }
    return true;
}

void OutboxStore::releaseClaim(const QString &id)
{
    if (!m_server || !m_db.isOpen()) {
        return;
    }
    QSqlQuery l(m_db);
    l.prepare(QStringLiteral("SELECT pg_advisory_unlock(hashtext('hotline-outbox'), hashtext(:id))"));
    l.bindValue(QStringLiteral(":id"), id);
    l.exec();   // a lost session has lost the lock anyway
}

bool OutboxStore::isShared() const
{
    return m_server;
}

bool OutboxStore::isConnectionAlive() const
{
    if (!m_db.isOpen()) {
        return false;
    }
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT 1")) && q.next();
}

std::optional<QDateTime> OutboxStore::nextDue() const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT MIN(next_attempt_at) FROM outbox_messages WHERE state = 'queued'"));
    if (!q.exec() || !q.next() || q.value(0).isNull()) {
        return std::nullopt;
    }
    return fromMs(q.value(0));
}

} // namespace outbox
