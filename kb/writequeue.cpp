// The desk's durable queue of writes for the shared store, in a small SQLite file of its own.
#include "writequeue.h"

#include "jsonlformat.h"
#include "logging.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <atomic>

namespace kb {

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::WriteQueue)
};

void setError(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
}

std::atomic<int> connectionCounter{0};

constexpr int kQueueSchemaVersion = 2;

// Version 1 of the queue file. The sequence is AUTOINCREMENT so a number is never reused after
// the newest entry was delivered: the delivery order is the order of enqueueing, always.
const char *const kQueueSchema[] = {
    "CREATE TABLE pending_writes ("
    " sequence INTEGER PRIMARY KEY AUTOINCREMENT,"
    " id TEXT NOT NULL UNIQUE,"
    " kind TEXT NOT NULL,"
    " payload TEXT NOT NULL,"
    " created_at TEXT NOT NULL,"
    " state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected')),"
    " rejection TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX pending_writes_by_state ON pending_writes (state, sequence)",
    "CREATE TABLE sync_state (key TEXT NOT NULL PRIMARY KEY, int_value INTEGER NOT NULL DEFAULT 0,"
    " text_value TEXT NOT NULL DEFAULT '')",
    "INSERT INTO sync_state (key, int_value, text_value) VALUES ('replica', 0, '')",
};

// Version 2: writes the desk awaits across restarts, and the desk's small durable marks.
const char *const kQueueSchema2[] = {
    "CREATE TABLE tracked_writes ("
    " id TEXT NOT NULL PRIMARY KEY,"
    " kind TEXT NOT NULL,"
    " payload TEXT NOT NULL,"
    " created_at TEXT NOT NULL,"
    " state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'rejected')),"
    " reason TEXT NOT NULL DEFAULT '',"
    " answered_at TEXT)",
    "CREATE TABLE local_marks (scope TEXT NOT NULL, key TEXT NOT NULL, marked_at TEXT NOT NULL,"
    " PRIMARY KEY (scope, key))",
};

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QueuedWrite fromRow(const QSqlQuery &q)
{
    QueuedWrite w;
    w.sequence = q.value(0).toLongLong();
    w.id = q.value(1).toString();
    w.kind = q.value(2).toString();
    w.payload = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    w.createdAt = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs).toUTC();
    w.rejection = q.value(5).toString();
    return w;
}

} // namespace

WriteQueue::WriteQueue(const QString &connectionName, const QString &path)
    : m_connectionName(connectionName), m_path(path)
{
}

WriteQueue::~WriteQueue()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::unique_ptr<WriteQueue> WriteQueue::open(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        setError(error, Messages::tr("no path for the write queue given"));
        return nullptr;
    }
    if (!QFileInfo(path).absoluteDir().exists()) {
        setError(error, Messages::tr("cannot open the write queue %1: the folder does not exist").arg(path));
        return nullptr;
    }
    const QString name = QStringLiteral("kb.queue.%1").arg(connectionCounter.fetch_add(1));
    QString message;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            int version = -1;
            if (q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) && q.exec(QStringLiteral("PRAGMA user_version")) &&
                q.next()) {
                version = q.value(0).toInt();
            } else {
                message = Messages::tr("%1 is not a write queue (or is damaged): %2").arg(path, q.lastError().text());
            }
            q.finish();
            if (version > kQueueSchemaVersion) {
                message = Messages::tr("the write queue %1 has version %2, newer than this program knows (%3)")
                              .arg(path)
                              .arg(version)
                              .arg(kQueueSchemaVersion);
            } else if (version >= 0 && version < kQueueSchemaVersion) {
                bool ok = db.transaction();
                if (version < 1) {
                    for (const char *statement : kQueueSchema) {
                        ok = ok && q.exec(QString::fromUtf8(statement));
                    }
                }
                for (const char *statement : kQueueSchema2) {
                    ok = ok && q.exec(QString::fromUtf8(statement));
                }
                ok = ok && q.exec(QStringLiteral("PRAGMA user_version = %1").arg(kQueueSchemaVersion)) && db.commit();
                if (!ok) {
                    message = Messages::tr("cannot create the write queue %1: %2").arg(path, q.lastError().text());
                    db.rollback();
                }
            }
        } else {
            message = Messages::tr("cannot open the write queue %1: %2").arg(path, db.lastError().text());
        }
        if (!message.isEmpty()) {
            db.close();
        }
    }
    if (!message.isEmpty()) {
        QSqlDatabase::removeDatabase(name);
        setError(error, message);
        return nullptr;
    }
    return std::unique_ptr<WriteQueue>(new WriteQueue(name, path));
}

QString WriteQueue::path() const
{
    return m_path;
}

bool WriteQueue::enqueue(const QString &kind, const QJsonObject &payload, QString *id, QString *error,
                         Tracking tracking)
{
    if (kind.isEmpty()) {
        setError(error, Messages::tr("a queued write needs a kind"));
        return false;
    }
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString json = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QString created = nowText();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        setError(error, Messages::tr("queueing a %1 write failed: %2").arg(kind, db.lastError().text()));
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO pending_writes (id, kind, payload, created_at) "
                             "VALUES (:id, :kind, :payload, :created_at)"));
    q.bindValue(QStringLiteral(":id"), uuid);
    q.bindValue(QStringLiteral(":kind"), kind);
    q.bindValue(QStringLiteral(":payload"), json);
    q.bindValue(QStringLiteral(":created_at"), created);
    bool ok = q.exec();
    if (ok && tracking == Tracking::Tracked) {
        q.prepare(QStringLiteral("INSERT INTO tracked_writes (id, kind, payload, created_at) "
                                 "VALUES (:id, :kind, :payload, :created_at)"));
        q.bindValue(QStringLiteral(":id"), uuid);
        q.bindValue(QStringLiteral(":kind"), kind);
        q.bindValue(QStringLiteral(":payload"), json);
        q.bindValue(QStringLiteral(":created_at"), created);
        ok = q.exec();
    }
    const QString reason = q.lastError().text();
    q.finish();
    if (!ok || !db.commit()) {
        db.rollback();
        setError(error, Messages::tr("queueing a %1 write failed: %2").arg(kind, ok ? db.lastError().text() : reason));
        return false;
    }
    if (id) {
        *id = uuid;
    }
    return true;
}

QList<QueuedWrite> WriteQueue::pending(int limit, QString *error) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT sequence, id, kind, payload, created_at, rejection FROM pending_writes "
                             "WHERE state = 'pending' ORDER BY sequence LIMIT :limit"));
    q.bindValue(QStringLiteral(":limit"), limit);
    QList<QueuedWrite> out;
    if (!q.exec()) {
        setError(error, Messages::tr("reading the write queue failed: %1").arg(q.lastError().text()));
        return out;
    }
    while (q.next()) {
        out << fromRow(q);
    }
    return out;
}

int WriteQueue::pendingCount() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM pending_writes WHERE state = 'pending'")) && q.next()
               ? q.value(0).toInt()
               : -1;
}

bool WriteQueue::remove(const QString &id, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        setError(error, Messages::tr("removing delivered write %1 failed: %2").arg(id, db.lastError().text()));
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM pending_writes WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    bool ok = q.exec();
    if (ok) {
        q.prepare(QStringLiteral("UPDATE tracked_writes SET state = 'delivered', answered_at = :at WHERE id = :id"));
        q.bindValue(QStringLiteral(":at"), nowText());
        q.bindValue(QStringLiteral(":id"), id);
        ok = q.exec();
    }
    const QString reason = q.lastError().text();
    q.finish();
    if (!ok || !db.commit()) {
        db.rollback();
        setError(error,
                 Messages::tr("removing delivered write %1 failed: %2").arg(id, ok ? db.lastError().text() : reason));
        return false;
    }
    return true;
}

bool WriteQueue::reject(const QString &id, const QString &reason, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        setError(error, Messages::tr("marking write %1 as refused failed: %2").arg(id, db.lastError().text()));
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE pending_writes SET state = 'rejected', rejection = :reason WHERE id = :id"));
    q.bindValue(QStringLiteral(":reason"), reason);
    q.bindValue(QStringLiteral(":id"), id);
    bool ok = q.exec();
    if (ok) {
        q.prepare(QStringLiteral("UPDATE tracked_writes SET state = 'rejected', reason = :reason, answered_at = :at "
                                 "WHERE id = :id"));
        q.bindValue(QStringLiteral(":reason"), reason);
        q.bindValue(QStringLiteral(":at"), nowText());
        q.bindValue(QStringLiteral(":id"), id);
        ok = q.exec();
    }
    const QString message = q.lastError().text();
    q.finish();
    if (!ok || !db.commit()) {
        db.rollback();
        setError(error,
                 Messages::tr("marking write %1 as refused failed: %2").arg(id, ok ? db.lastError().text() : message));
        return false;
    }
    return true;
}

QList<QueuedWrite> WriteQueue::rejected(QString *error) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    QList<QueuedWrite> out;
    if (!q.exec(QStringLiteral("SELECT sequence, id, kind, payload, created_at, rejection FROM pending_writes "
                               "WHERE state = 'rejected' ORDER BY sequence"))) {
        setError(error, Messages::tr("reading the write queue failed: %1").arg(q.lastError().text()));
        return out;
    }
    while (q.next()) {
        out << fromRow(q);
    }
    return out;
}

QList<TrackedWrite> WriteQueue::trackedWrites(const QString &kind, QString *error) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, kind, payload, state, reason FROM tracked_writes "
                             "WHERE :kind = '' OR kind = :kind2 ORDER BY rowid"));
    q.bindValue(QStringLiteral(":kind"), kind.isNull() ? QStringLiteral("") : kind);
    q.bindValue(QStringLiteral(":kind2"), kind);
    QList<TrackedWrite> out;
    if (!q.exec()) {
        setError(error, Messages::tr("reading the awaited writes failed: %1").arg(q.lastError().text()));
        return out;
    }
    while (q.next()) {
        TrackedWrite w;
        w.id = q.value(0).toString();
        w.kind = q.value(1).toString();
        w.payload = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        const QString state = q.value(3).toString();
        w.state = state == QLatin1String("delivered")  ? TrackedWrite::State::Delivered
                  : state == QLatin1String("rejected") ? TrackedWrite::State::Rejected
                                                       : TrackedWrite::State::Pending;
        w.reason = q.value(4).toString();
        out << w;
    }
    return out;
}

bool WriteQueue::isTracked(const QString &id) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM tracked_writes WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    return q.exec() && q.next();
}

bool WriteQueue::forgetTracked(const QString &id, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM tracked_writes WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec()) {
        setError(error, Messages::tr("forgetting awaited write %1 failed: %2").arg(id, q.lastError().text()));
        return false;
    }
    return true;
}

bool WriteQueue::setMarked(const QString &scope, const QString &key, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO local_marks (scope, key, marked_at) VALUES (:scope, :key, :at) "
                             "ON CONFLICT (scope, key) DO NOTHING"));
    q.bindValue(QStringLiteral(":scope"), scope);
    q.bindValue(QStringLiteral(":key"), key);
    q.bindValue(QStringLiteral(":at"), nowText());
    if (!q.exec()) {
        setError(error, Messages::tr("saving the mark %1/%2 failed: %3").arg(scope, key, q.lastError().text()));
        return false;
    }
    return true;
}

bool WriteQueue::isMarked(const QString &scope, const QString &key) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM local_marks WHERE scope = :scope AND key = :key"));
    q.bindValue(QStringLiteral(":scope"), scope);
    q.bindValue(QStringLiteral(":key"), key);
    return q.exec() && q.next();
}

qint64 WriteQueue::syncedRevision() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT int_value FROM sync_state WHERE key = 'replica'")) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

QString WriteQueue::syncedStoreId() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT text_value FROM sync_state WHERE key = 'replica'")) && q.next()
               ? q.value(0).toString()
               : QString();
}

bool WriteQueue::setSynced(const QString &storeId, qint64 revision, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE sync_state SET int_value = :revision, text_value = :store WHERE key = 'replica'"));
    q.bindValue(QStringLiteral(":revision"), revision);
    q.bindValue(QStringLiteral(":store"), storeId);
    if (!q.exec()) {
        setError(error, Messages::tr("saving the replica revision failed: %1").arg(q.lastError().text()));
        return false;
    }
    return true;
}

namespace writekind {

QJsonObject upsertPayload(const Catalogue &catalogue)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    writeJsonl(catalogue, &buffer, nullptr, false);
    return QJsonObject{{QStringLiteral("jsonl"), QString::fromUtf8(buffer.data())}};
}

bool catalogueFromPayload(const QJsonObject &payload, Catalogue *catalogue, QString *error)
{
    QByteArray data = payload.value(QLatin1String("jsonl")).toString().toUtf8();
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    return readJsonl(&buffer, QStringLiteral("queued catalogue write"), catalogue, error);
}

QJsonObject removeArticlePayload(const QString &id)
{
    return QJsonObject{{QStringLiteral("id"), id}};
}

QJsonObject setSynonymPayload(const Synonym &synonym)
{
    return QJsonObject{{QStringLiteral("term"), synonym.term},
                       {QStringLiteral("expansions"), QJsonArray::fromStringList(synonym.expansions)}};
}

QJsonObject removeSynonymPayload(const QString &term)
{
    return QJsonObject{{QStringLiteral("term"), term}};
}

QJsonObject searchLogPayload(const QString &searchId, const QString &query, int resultCount,
                             const QDateTime &searchedAt, const QStringList &unmatchedWords)
{
    QJsonObject payload{{QStringLiteral("search_id"), searchId},
                        {QStringLiteral("searched_at"), searchedAt.toUTC().toString(Qt::ISODateWithMs)},
                        {QStringLiteral("query"), query},
                        {QStringLiteral("result_count"), resultCount}};
    if (!unmatchedWords.isEmpty()) {
        payload.insert(QStringLiteral("unmatched_words"), QJsonArray::fromStringList(unmatchedWords));
    }
    return payload;
}

QJsonObject searchOpenedPayload(const QString &searchId, const QString &articleId, const QDateTime &openedAt)
{
    return QJsonObject{{QStringLiteral("search_id"), searchId},
                       {QStringLiteral("article_id"), articleId},
                       {QStringLiteral("opened_at"), openedAt.toUTC().toString(Qt::ISODateWithMs)}};
}

QJsonObject flagPayload(const QString &articleId, const QString &comment, const QDateTime &raisedAt)
{
    return QJsonObject{{QStringLiteral("article_id"), articleId},
                       {QStringLiteral("comment"), comment},
                       {QStringLiteral("raised_at"), raisedAt.toUTC().toString(Qt::ISODateWithMs)}};
}

} // namespace writekind

} // namespace kb
