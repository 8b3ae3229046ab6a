// A desk's replica of the shared catalogue and its queue of writes for the server.
#include "replicasync.h"

#include "editorial.h"

#include "logging.h"
#include "pgstore.h"
#include "store.h"
#include "writequeue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace kb {

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::ReplicaSync)
};

void setError(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
}

const QString kChannel = QStringLiteral("catalogue_changed");

} // namespace

ReplicaSync::ReplicaSync(const ReplicaSyncOptions &options, QObject *parent) : QObject(parent), m_options(options)
{
    m_heartbeat = new QTimer(this);
    m_heartbeat->setInterval(qMax(50, options.heartbeatMs));
    connect(m_heartbeat, &QTimer::timeout, this, &ReplicaSync::handleHeartbeat);
    m_reconnect = new QTimer(this);
    m_reconnect->setInterval(qMax(50, options.reconnectMs));
    connect(m_reconnect, &QTimer::timeout, this, &ReplicaSync::tryConnect);

    // The catalogue kinds kb knows; other modules register theirs.
    registerWriteKind(QLatin1String(writekind::Upsert), [](PgStore &server, const QJsonObject &payload,
                                                           QString *error) {
        Catalogue catalogue;
        return writekind::catalogueFromPayload(payload, &catalogue, error) && server.upsert(catalogue, nullptr, error);
    });
    registerWriteKind(QLatin1String(writekind::RemoveArticle),
                      [](PgStore &server, const QJsonObject &payload, QString *error) {
                          return server.removeArticle(payload.value(QLatin1String("id")).toString(), error);
                      });
    registerWriteKind(QLatin1String(writekind::SetSynonym),
                      [](PgStore &server, const QJsonObject &payload, QString *error) {
                          Synonym synonym;
                          synonym.term = payload.value(QLatin1String("term")).toString();
                          const QJsonArray expansions = payload.value(QLatin1String("expansions")).toArray();
                          for (const QJsonValue &v : expansions) {
                              synonym.expansions << v.toString();
                          }
                          return server.setSynonym(synonym, error);
                      });
    registerWriteKind(QLatin1String(writekind::RemoveSynonym),
                      [](PgStore &server, const QJsonObject &payload, QString *error) {
                          return server.removeSynonym(payload.value(QLatin1String("term")).toString(), error);
                      });
    // The agents' editorial writes: searches (with the opened article) and flags, with the desk's times.
    const auto time = [](const QJsonObject &payload, const char *key) {
        return QDateTime::fromString(payload.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
    };
    registerWriteKind(QLatin1String(writekind::SearchLog), [time](PgStore &server, const QJsonObject &payload,
                                                                  QString *error) {
        // "unmatched_words" is optional: payloads queued before schema version 5 have none.
        QStringList unmatched;
        for (const QJsonValue &word : payload.value(QLatin1String("unmatched_words")).toArray()) {
            unmatched << word.toString();
        }
        return server.logQueuedSearch(payload.value(QLatin1String("search_id")).toString(),
                                      time(payload, "searched_at"), payload.value(QLatin1String("query")).toString(),
                                      payload.value(QLatin1String("result_count")).toInt(), unmatched, error);
    });
    registerWriteKind(QLatin1String(writekind::SearchOpened),
                      [time](PgStore &server, const QJsonObject &payload, QString *error) {
                          return server.logQueuedOpened(payload.value(QLatin1String("search_id")).toString(),
                                                        payload.value(QLatin1String("article_id")).toString(),
                                                        time(payload, "opened_at"), error);
                      });
    registerWriteKind(QLatin1String(writekind::Flag),
                      [time](PgStore &server, const QJsonObject &payload, QString *error) {
                          return server.flagArticleAt(payload.value(QLatin1String("article_id")).toString(),
                                                      payload.value(QLatin1String("comment")).toString(),
                                                      time(payload, "raised_at"), error) != 0;
                      });
}

ReplicaSync::~ReplicaSync() = default;

bool ReplicaSync::isOnline() const
{
    return m_online;
}

Store *ReplicaSync::replica() const
{
    return m_replica.get();
}

WriteQueue *ReplicaSync::queue() const
{
    return m_queue.get();
}

qint64 ReplicaSync::syncedServerRevision() const
{
    return m_queue ? m_queue->syncedRevision() : 0;
}

int ReplicaSync::pendingWrites() const
{
    return m_queue ? m_queue->pendingCount() : 0;
}

void ReplicaSync::registerWriteKind(const QString &kind, const WriteHandler &handler)
{
    m_handlers.insert(kind, handler);
}

bool ReplicaSync::start(QString *error)
{
    QString message;
    m_replica = openSqliteStore(m_options.replicaPath, &message);
    if (!m_replica) {
        setError(error, Messages::tr("cannot open the local replica: %1").arg(message));
        return false;
    }
    // The replica copies what the server already authorised: roles are enforced there, not in the copy.
    m_replica->setActor(Actor::administrator());
    m_queue = WriteQueue::open(m_options.queuePath, &message);
    if (!m_queue) {
        m_replica.reset();
        setError(error, message);
        return false;
    }
    tryConnect();
    if (!m_online) {
        m_reconnect->start();
    }
    return true;
}

QString ReplicaSync::enqueue(const QString &kind, const QJsonObject &payload, QString *error,
                             WriteQueue::Tracking tracking)
{
    if (!m_queue) {
        setError(error, Messages::tr("the write queue is not open"));
        return {};
    }
    QString id;
    if (!m_queue->enqueue(kind, payload, &id, error, tracking)) {
        return {};
    }
    if (m_online && !m_deliverScheduled) {
        m_deliverScheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_deliverScheduled = false;
            deliverNow();
        });
    }
    return id;
}

void ReplicaSync::tryConnect()
{
    if (m_online) {
        return;
    }
    QString message;
    m_server = openPgStore(m_options.server, &message);
    if (!m_server) {
        qCDebug(lcDb) << "shared store not reachable:" << message;
        // Told once per distinct reason (wrong password, schema mismatch, server down), not on
        // every retry.
        if (message != m_lastConnectError) {
            m_lastConnectError = message;
            Q_EMIT syncFailed(message);
        }
        return;
    }
    m_lastConnectError.clear();
    m_server->setActor(m_options.serverActor);
    if (m_options.actorFromLogin) {
        if (const auto own = m_server->user(m_options.server.user)) {
            m_server->setActor(Actor::signedIn(*own));
        } else {
            qCWarning(lcDb) << "the shared store has no editorial user" << m_options.server.user
                            << "- queued writes act as" << m_options.serverActor.auditName();
        }
    }
    QSqlDriver *driver = m_server->database().driver();
    connect(
        driver, &QSqlDriver::notification, this,
        [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &) { handleNotification(name); });
    if (!driver->subscribeToNotification(kChannel)) {
        // Still usable: the heartbeat polls the revision.
        qCWarning(lcDb) << "cannot LISTEN on" << kChannel << driver->lastError().text();
    }
    m_online = true;
    m_reconnect->stop();
    m_heartbeat->start();
    qCInfo(lcDb) << "shared store online:" << m_options.server.displayName();
    Q_EMIT onlineChanged(true);
    deliverNow();
    syncNow();
}

void ReplicaSync::goOffline(const QString &reason)
{
    qCInfo(lcDb) << "shared store offline:" << reason;
    m_server.reset();
    m_heartbeat->stop();
    m_reconnect->start();
    if (m_online) {
        m_online = false;
        Q_EMIT onlineChanged(false);
    }
}

bool ReplicaSync::serverLost()
{
    if (!m_server) {
        return true;
    }
    QSqlDatabase db = m_server->database();
    return pgConnectionLost(db);
}

void ReplicaSync::handleNotification(const QString &name)
{
    if (name != kChannel || m_syncScheduled) {
        return;
    }
    m_syncScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_syncScheduled = false;
        syncNow();
    });
}

void ReplicaSync::handleHeartbeat()
{
    if (!m_online || m_busy) {
        return;
    }
    QSqlQuery q(m_server->database());
    if (!q.exec(QStringLiteral("SELECT int_value FROM meta WHERE key = 'revision'")) || !q.next()) {
        const QString reason = q.lastError().text();
        q.finish();
        if (serverLost()) {
            goOffline(reason);
        }
        return;
    }
    const qint64 revision = q.value(0).toLongLong();
    q.finish();
    if (revision != m_queue->syncedRevision()) {
        syncNow(); // a notification got lost (or LISTEN is unavailable)
    }
    if (m_online && m_queue->pendingCount() > 0) {
        deliverNow();
    }
}

void ReplicaSync::syncNow()
{
    if (!m_online || m_busy) {
        return;
    }
    m_busy = true;
    QString message;
    const bool ok = applyChanges(&message);
    m_busy = false;
    if (!ok) {
        if (serverLost()) {
            goOffline(message);
        } else {
            qCWarning(lcDb) << "replica sync failed:" << message;
            Q_EMIT syncFailed(message);
        }
    }
}

bool ReplicaSync::applyChanges(QString *error)
{
    const QString syncedStore = m_queue->syncedStoreId();
    const qint64 synced = m_queue->syncedRevision();
    PgChangeSet changes;
    if (!m_server->changesSince(synced, &changes, error)) {
        return false;
    }
    // A server that is not the one the replica came from (re-created, restored from an older
    // backup): start over from revision 0 and drop what the server no longer has.
    bool full = synced == 0 || syncedStore.isEmpty();
    if (!full && (changes.storeId != syncedStore || changes.toRevision < synced)) {
        qCInfo(lcDb) << "shared store changed identity or went back in time; full replica sync";
        if (!m_server->changesSince(0, &changes, error)) {
            return false;
        }
        full = true;
    }
    bool applied = false;
    QString message;
    if (full) {
        QSet<QString> serverArticles;
        for (const Article &a : std::as_const(changes.changed.articles)) {
            serverArticles.insert(a.id);
        }
        QSet<QString> serverSynonyms;
        for (const Synonym &s : std::as_const(changes.changedSynonyms)) {
            serverSynonyms.insert(s.term);
        }
        const QList<Article> local = m_replica->articles(&message);
        for (const Article &a : local) {
            if (!serverArticles.contains(a.id)) {
                changes.removedArticles << a.id;
            }
        }
        const QList<Synonym> localSynonyms = m_replica->synonyms(&message);
        for (const Synonym &s : localSynonyms) {
            if (!serverSynonyms.contains(s.term)) {
                changes.removedSynonyms << s.term;
            }
        }
    }
    // Deletions first: a tombstone is always older than a row written anew (which clears it).
    for (const QString &id : std::as_const(changes.removedArticles)) {
        if (m_replica->article(id)) {
            if (!m_replica->removeArticle(id, &message)) {
                setError(error, Messages::tr("replica: %1").arg(message));
                return false;
            }
            applied = true;
        }
    }
    if (!changes.removedSynonyms.isEmpty()) {
        const QList<Synonym> localSynonyms = m_replica->synonyms(&message);
        QSet<QString> present;
        for (const Synonym &s : localSynonyms) {
            present.insert(s.term);
        }
        for (const QString &term : std::as_const(changes.removedSynonyms)) {
            if (present.contains(term)) {
                if (!m_replica->removeSynonym(term, &message)) {
                    setError(error, Messages::tr("replica: %1").arg(message));
                    return false;
                }
                applied = true;
            }
        }
    }
    if (!changes.changed.articles.isEmpty() || !changes.changed.offices.isEmpty()) {
        UpsertReport report;
        if (!m_replica->upsert(changes.changed, &report, &message)) {
            setError(error, Messages::tr("replica: %1").arg(message));
            return false;
        }
        applied = applied ||
                  report.articlesInserted + report.articlesUpdated + report.officesInserted + report.officesUpdated > 0;
    }
    if (!changes.changedSynonyms.isEmpty()) {
        const QList<Synonym> localSynonyms = m_replica->synonyms(&message);
        for (const Synonym &s : std::as_const(changes.changedSynonyms)) {
            if (localSynonyms.contains(s)) {
                continue;
            }
            if (!m_replica->setSynonym(s, &message)) {
                setError(error, Messages::tr("replica: %1").arg(message));
                return false;
            }
            applied = true;
        }
    }
    // Recorded last: after a crash before this line the same changes are applied again, which
    // changes nothing (upserts by id and content, deletions of what is still there).
    if (!m_queue->setSynced(changes.storeId, changes.toRevision, error)) {
        return false;
    }
    if (applied) {
        const qint64 revision = m_replica->revision();
        qCDebug(lcDb) << "replica now at server revision" << changes.toRevision << "local revision" << revision;
        Q_EMIT replicaUpdated(revision);
    }
    return true;
}

void ReplicaSync::deliverNow()
{
    if (!m_online || m_busy) {
        return;
    }
    m_busy = true;
    QString message;
    for (;;) {
        const QList<QueuedWrite> batch = m_queue->pending(50, &message);
        if (batch.isEmpty()) {
            break;
        }
        for (const QueuedWrite &w : batch) {
            const auto handler = m_handlers.constFind(w.kind);
            if (handler == m_handlers.constEnd()) {
                // Kept in place: delivering later entries first would break the order. The module
                // that owns the kind registers it when it starts.
                m_busy = false;
                Q_EMIT syncFailed(
                    Messages::tr("queued write %1 has kind \"%2\" that this desk cannot deliver").arg(w.id, w.kind));
                return;
            }
            if (!m_server->beginTransaction(&message)) {
                m_busy = false;
                if (serverLost()) {
                    goOffline(message);
                }
                return;
            }
            QSqlQuery receipt(m_server->database());
            receipt.prepare(QStringLiteral("INSERT INTO applied_writes (id, kind, created_at) "
                                           "VALUES (CAST(:id AS UUID), :kind, CAST(:created_at AS TIMESTAMPTZ)) "
                                           "ON CONFLICT (id) DO NOTHING"));
            receipt.bindValue(QStringLiteral(":id"), w.id);
            receipt.bindValue(QStringLiteral(":kind"), w.kind);
            receipt.bindValue(QStringLiteral(":created_at"), w.createdAt.toString(Qt::ISODateWithMs));
            bool ok = receipt.exec();
            QString reason = ok ? QString() : receipt.lastError().text().trimmed();
            const bool fresh = ok && receipt.numRowsAffected() == 1;
            receipt.finish();
            if (ok && fresh) {
                ok = (*handler)(*m_server, w.payload, &reason);
            }
            if (ok) {
                ok = m_server->commitTransaction(&reason);
            } else {
                m_server->rollbackTransaction();
            }
            if (!ok) {
                if (serverLost()) {
                    // Not known whether a commit reached the server: the receipt makes the
                    // retry after reconnecting safe either way.
                    m_busy = false;
                    goOffline(reason);
                    return;
                }
                qCWarning(lcDb) << "server refused queued write" << w.id << w.kind << reason;
                if (!m_queue->reject(w.id, reason, &message)) {
                    qCWarning(lcDb) << message;
                }
                Q_EMIT writeRejected(w.id, w.kind, reason);
                continue;
            }
            if (!fresh) {
                qCInfo(lcDb) << "queued write" << w.id << "was already on the server";
            }
            if (!m_queue->remove(w.id, &message)) {
                // Delivered but still queued: the next attempt finds the receipt and drops it.
                qCWarning(lcDb) << message;
                m_busy = false;
                return;
            }
            Q_EMIT writeDelivered(w.id, w.kind);
        }
    }
    m_busy = false;
}

} // namespace kb
