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

constexpr int kQueueSchemaVersion = 1;

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
            } else if (version == 0) {
                bool ok = db.transaction();
                for (const char *statement : kQueueSchema) {
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

bool WriteQueue::enqueue(const QString &kind, const QJsonObject &payload, QString *id, QString *error)
{
    if (kind.isEmpty()) {
        setError(error, Messages::tr("a queued write needs a kind"));
        return false;
    }
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO pending_writes (id, kind, payload, created_at) "
                             "VALUES (:id, :kind, :payload, :created_at)"));
    q.bindValue(QStringLiteral(":id"), uuid);
    q.bindValue(QStringLiteral(":kind"), kind);
    q.bindValue(QStringLiteral(":payload"), QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    q.bindValue(QStringLiteral(":created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!q.exec()) {
        setError(error, Messages::tr("queueing a %1 write failed: %2").arg(kind, q.lastError().text()));
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
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM pending_writes WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec()) {
        setError(error, Messages::tr("removing delivered write %1 failed: %2").arg(id, q.lastError().text()));
        return false;
    }
    return true;
}

bool WriteQueue::reject(const QString &id, const QString &reason, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE pending_writes SET state = 'rejected', rejection = :reason WHERE id = :id"));
    q.bindValue(QStringLiteral(":reason"), reason);
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec()) {
        setError(error, Messages::tr("marking write %1 as refused failed: %2").arg(id, q.lastError().text()));
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

} // namespace writekind

} // namespace kb
