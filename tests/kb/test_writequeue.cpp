// The desk's queue file on its own (kb::WriteQueue): the upgrade of a version-1 file, writes the desk awaits across
// restarts (tracked: their answer is recorded with the delivery or refusal), and the desk's durable marks.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"
#include "writequeue.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace {

// A queue file as version 1 wrote it, with one waiting entry.
void writeVersion1(const QString &path)
{
    const QString name = QStringLiteral("v1-writer");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        for (const char *statement : {
                 "CREATE TABLE pending_writes (sequence INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
                 " kind TEXT NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL,"
                 " state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected')),"
                 " rejection TEXT NOT NULL DEFAULT '')",
                 "CREATE INDEX pending_writes_by_state ON pending_writes (state, sequence)",
                 "CREATE TABLE sync_state (key TEXT NOT NULL PRIMARY KEY, int_value INTEGER NOT NULL DEFAULT 0,"
                 " text_value TEXT NOT NULL DEFAULT '')",
                 "INSERT INTO sync_state (key, int_value, text_value) VALUES ('replica', 7, 'store-1')",
                 "INSERT INTO pending_writes (id, kind, payload, created_at) VALUES ('old-1', 'journal.commit', "
                 "'{\"id\":\"call-1\"}', '2026-11-01T10:00:00.000Z')",
                 "PRAGMA user_version = 1",
             }) {
            REQUIRE(q.exec(QString::fromUtf8(statement)));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

TEST_CASE("write queue: a version-1 file is upgraded keeping its waiting writes and sync state", "[kb][queue]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("queue.db"));
    writeVersion1(path);
    QString error;
    auto queue = kb::WriteQueue::open(path, &error);
    INFO(error.toStdString());
    REQUIRE(queue);
    const QList<kb::QueuedWrite> pending = queue->pending();
    REQUIRE(pending.size() == 1);
    CHECK(pending.first().id == QStringLiteral("old-1"));
    CHECK(queue->syncedRevision() == 7);
    CHECK(queue->syncedStoreId() == QStringLiteral("store-1"));
    CHECK(queue->trackedWrites().isEmpty());
    CHECK(queue->setMarked(QStringLiteral("scope"), QStringLiteral("key"), &error));
    // Removing the old entry (delivered) works with the new bookkeeping.
    CHECK(queue->remove(QStringLiteral("old-1"), &error));
    CHECK(queue->pendingCount() == 0);
}

TEST_CASE("write queue: a tracked write keeps its answer across a reopen until the desk forgets it", "[kb][queue]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("queue.db"));
    QString error;
    QString delivered;
    QString refused;
    QString untracked;
    QString waiting;
    {
        auto queue = kb::WriteQueue::open(path, &error);
        REQUIRE(queue);
        REQUIRE(queue->enqueue(QStringLiteral("appointments.book"), QJsonObject{{QStringLiteral("n"), 1}}, &delivered,
                               &error, kb::WriteQueue::Tracking::Tracked));
        REQUIRE(queue->enqueue(QStringLiteral("appointments.book"), QJsonObject{{QStringLiteral("n"), 2}}, &refused,
                               &error, kb::WriteQueue::Tracking::Tracked));
        REQUIRE(queue->enqueue(QStringLiteral("journal.commit"), QJsonObject{}, &untracked, &error));
        REQUIRE(queue->enqueue(QStringLiteral("appointments.book"), QJsonObject{{QStringLiteral("n"), 3}}, &waiting,
                               &error, kb::WriteQueue::Tracking::Tracked));
        CHECK(queue->pendingCount() == 4);
        REQUIRE(queue->remove(delivered, &error));
        REQUIRE(queue->reject(refused, QStringLiteral("slot taken"), &error));
        REQUIRE(queue->remove(untracked, &error));
        CHECK(queue->isTracked(waiting));
        CHECK_FALSE(queue->isTracked(untracked));
    }
    auto queue = kb::WriteQueue::open(path, &error); // the desk restarted
    REQUIRE(queue);
    const QList<kb::TrackedWrite> tracked = queue->trackedWrites(QStringLiteral("appointments.book"), &error);
    REQUIRE(tracked.size() == 3);
    CHECK(tracked.at(0).id == delivered);
    CHECK(tracked.at(0).state == kb::TrackedWrite::State::Delivered);
    CHECK(tracked.at(0).payload.value(QStringLiteral("n")).toInt() == 1);
    CHECK(tracked.at(1).id == refused);
    CHECK(tracked.at(1).state == kb::TrackedWrite::State::Rejected);
    CHECK(tracked.at(1).reason == QStringLiteral("slot taken"));
    CHECK(tracked.at(2).id == waiting);
    CHECK(tracked.at(2).state == kb::TrackedWrite::State::Pending);
    CHECK(queue->trackedWrites(QStringLiteral("journal.commit")).isEmpty());
    CHECK(queue->trackedWrites().size() == 3);
    REQUIRE(queue->forgetTracked(delivered, &error));
    REQUIRE(queue->forgetTracked(refused, &error));
    CHECK(queue->trackedWrites().size() == 1);
    CHECK(queue->pending().size() == 1); // the waiting booking is still queued
    CHECK(queue->rejected().size() == 1);
}

TEST_CASE("write queue: marks are durable and set once", "[kb][queue]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("queue.db"));
    QString error;
    {
        auto queue = kb::WriteQueue::open(path, &error);
        REQUIRE(queue);
        CHECK_FALSE(queue->isMarked(QStringLiteral("reminded.server-case"), QStringLiteral("2026-000001")));
        REQUIRE(queue->setMarked(QStringLiteral("reminded.server-case"), QStringLiteral("2026-000001"), &error));
        REQUIRE(queue->setMarked(QStringLiteral("reminded.server-case"), QStringLiteral("2026-000001"), &error));
    }
    auto queue = kb::WriteQueue::open(path, &error);
    REQUIRE(queue);
    CHECK(queue->isMarked(QStringLiteral("reminded.server-case"), QStringLiteral("2026-000001")));
    CHECK_FALSE(queue->isMarked(QStringLiteral("reminded.server-case"), QStringLiteral("2026-000002")));
    CHECK_FALSE(queue->isMarked(QStringLiteral("other"), QStringLiteral("2026-000001")));
}
