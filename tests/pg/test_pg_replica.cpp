// Desks against a real PostgreSQL 15: a publish on one desk reaches a second desk's replica
// search through LISTEN/NOTIFY; writes queued while the server is down arrive exactly once, in
// order, after it returns; a write the server refuses is set aside without blocking the rest.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"
#include "pgtestutil.h"

#include "defaultcatalogue.h"
#include "pgstore.h"
#include "replicasync.h"
#include "searchengine.h"
#include "store.h"
#include "writequeue.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtCore/qtestsupport_core.h>

using namespace hotline::test;

namespace {

bool hits(const kb::SearchEngine &engine, const QString &query, const QString &id)
{
    const QList<kb::SearchHit> found = engine.search(query, {5});
    return std::any_of(found.begin(), found.end(), [&](const kb::SearchHit &h) { return h.id == id; });
}

kb::ReplicaSyncOptions deskOptions(const QTemporaryDir &dir, const kb::PgConnection &server, int heartbeatMs = 200)
{
    kb::ReplicaSyncOptions o;
    o.server = server;
    o.replicaPath = dir.filePath(QStringLiteral("replica.db"));
    o.queuePath = dir.filePath(QStringLiteral("queue.db"));
    o.heartbeatMs = heartbeatMs;
    o.reconnectMs = 200;
    return o;
}

} // namespace

TEST_CASE("pg: a publish on desk A is searchable on desk B within 5 s through NOTIFY", "[pg][replica]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    auto deskA = kb::openPgStore(params, &error);
    REQUIRE(deskA);
    kb::Catalogue munich;
    QList<kb::Synonym> seedSynonyms;
    REQUIRE(kb::loadDefaultCatalogue(&munich, &seedSynonyms, &error));
    REQUIRE(deskA->upsert(munich, nullptr, &error));
    for (const kb::Synonym &s : std::as_const(seedSynonyms)) {
        REQUIRE(deskA->setSynonym(s, &error));
    }

    // Desk B: heartbeat far beyond the 5 s, so only the notification can deliver in time.
    QTemporaryDir dir;
    kb::ReplicaSync deskB(deskOptions(dir, params, 60000));
    kb::SearchEngine engine;
    int updates = 0;
    QObject::connect(&deskB, &kb::ReplicaSync::replicaUpdated, [&] {
        ++updates;
        engine.build(deskB.replica()->articles(), deskB.replica()->synonyms());
    });
    REQUIRE(deskB.start(&error));
    CHECK(deskB.isOnline());
    REQUIRE(updates == 1); // the initial full sync ran in start()
    CHECK(deskB.replica()->stats().articles == munich.articles.size());
    CHECK(deskB.replica()->synonyms().size() == seedSynonyms.size());
    CHECK(engine.articleCount() == munich.articles.size());
    CHECK(deskB.syncedServerRevision() == deskA->revision());

    // A team lead on desk A publishes a new service and edits an existing one.
    kb::Article drone = makeArticle(QStringLiteral("test-drone"), QStringLiteral("Drohnenführerschein beantragen"));
    drone.keywords = {QStringLiteral("Kenntnisnachweis")};
    kb::Article edited = munich.articles.first();
    edited.keywords << QStringLiteral("Zaubertrank");
    kb::Catalogue publish;
    publish.articles = {drone, edited};
    CHECK_FALSE(hits(engine, QStringLiteral("Drohnenführerschein"), drone.id));
    QElapsedTimer clock;
    clock.start();
    REQUIRE(deskA->upsert(publish, nullptr, &error));
    const bool seen =
        QTest::qWaitFor([&] { return hits(engine, QStringLiteral("Drohnenführerschein"), drone.id); }, 5000);
    INFO("waited " << clock.elapsed() << " ms");
    CHECK(seen);
    CHECK(clock.elapsed() < 5000);
    CHECK(hits(engine, QStringLiteral("Zaubertrank"), edited.id));
    CHECK(deskB.replica()->article(drone.id)->title == drone.title);

    // A deletion and a synonym change travel the same way.
    const int before = updates;
    REQUIRE(deskA->removeArticle(drone.id, &error));
    REQUIRE(deskA->setSynonym({QStringLiteral("Quadrokopter"), {QStringLiteral("Drohne")}}, &error));
    REQUIRE(QTest::qWaitFor(
        [&] {
            return !deskB.replica()->article(drone.id) && updates > before &&
                   deskB.syncedServerRevision() == deskA->revision();
        },
        5000));
    CHECK_FALSE(hits(engine, QStringLiteral("Drohnenführerschein"), drone.id));
    CHECK(
        deskB.replica()->synonyms().contains(kb::Synonym{QStringLiteral("Quadrokopter"), {QStringLiteral("Drohne")}}));
}

TEST_CASE("pg: writes queued while the server is down arrive exactly once, in order", "[pg][replica][queue]")
{
    PgCluster &cluster = sharedCluster();
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    {
        RawPg raw(params);
        // Stand-in for the journal (its schema lands with the journal module): a server-side
        // sequence shows the order in which entries arrived.
        REQUIRE(raw.exec(QStringLiteral("CREATE TABLE probe_log (arrival BIGSERIAL PRIMARY KEY, n INTEGER NOT NULL)")));
    }
    auto probeHandler = [](kb::PgStore &server, const QJsonObject &payload, QString *error) {
        QSqlQuery q(server.database());
        q.prepare(QStringLiteral("INSERT INTO probe_log (n) VALUES (:n)"));
        q.bindValue(QStringLiteral(":n"), payload.value(QLatin1String("n")).toInt());
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        return true;
    };

    QTemporaryDir dir;
    const QString queueCopy = dir.filePath(QStringLiteral("queue-before-delivery.db"));
    int n = 0;
    {
        kb::ReplicaSync desk(deskOptions(dir, params));
        desk.registerWriteKind(QStringLiteral("test.probe"), probeHandler);
        QList<bool> onlineStates;
        QObject::connect(&desk, &kb::ReplicaSync::onlineChanged, [&](bool online) { onlineStates << online; });
        QStringList failures;
        QObject::connect(&desk, &kb::ReplicaSync::syncFailed, [&](const QString &m) { failures << m; });
        REQUIRE(desk.start(&error));
        REQUIRE(desk.isOnline());

        REQUIRE_FALSE(desk.enqueue(QStringLiteral("test.probe"), {{QStringLiteral("n"), ++n}}, &error).isEmpty());
        REQUIRE(QTest::qWaitFor([&] { return desk.pendingWrites() == 0; }, 5000));

        // Server down: the desk notices, keeps its replica, queues.
        REQUIRE(cluster.stop(&error));
        REQUIRE(QTest::qWaitFor([&] { return !desk.isOnline(); }, 5000));
        CHECK(onlineStates == QList<bool>{true, false});
        for (int i = 0; i < 20; ++i) {
            REQUIRE_FALSE(desk.enqueue(QStringLiteral("test.probe"), {{QStringLiteral("n"), ++n}}, &error).isEmpty());
            if (i % 5 == 0) {
                REQUIRE_FALSE(desk.enqueue(QLatin1String(kb::writekind::SetSynonym),
                                           kb::writekind::setSynonymPayload({QStringLiteral("offline%1").arg(i),
                                                                             {QStringLiteral("Eintrag %1").arg(i)}}),
                                           &error)
                                  .isEmpty());
            }
        }
        QTest::qWait(700); // reconnect attempts (every 200 ms) fail meanwhile
        CHECK_FALSE(desk.isOnline());
        // The UI hears why, once, not once per attempt.
        REQUIRE(failures.size() == 1);
        CHECK(failures.first().contains(QStringLiteral("cannot connect")));
        CHECK(desk.pendingWrites() == 24);
        // What the queue looked like before delivery (file and WAL): restored below to play a
        // desk that crashed after the server committed but before it dropped the entries locally.
        REQUIRE(QFile::copy(desk.queue()->path(), queueCopy));
        REQUIRE(QFile::copy(desk.queue()->path() + QStringLiteral("-wal"), queueCopy + QStringLiteral("-wal")));

        REQUIRE(cluster.start(&error));
        REQUIRE(QTest::qWaitFor([&] { return desk.isOnline() && desk.pendingWrites() == 0; }, 10000));
        CHECK(onlineStates.last());
    }
    RawPg raw(params);
    auto arrivals = [&] {
        QSqlQuery q(raw.db());
        REQUIRE(q.exec(QStringLiteral("SELECT n FROM probe_log ORDER BY arrival")));
        QList<int> out;
        while (q.next()) {
            out << q.value(0).toInt();
        }
        return out;
    };
    QList<int> expected;
    for (int i = 1; i <= n; ++i) {
        expected << i;
    }
    CHECK(arrivals() == expected);
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM synonyms WHERE term LIKE 'offline%'")).toInt() == 4);
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM applied_writes")).toInt() == 25);

    // The "crashed" desk comes back with its old queue: everything is offered again, nothing doubles.
    REQUIRE(QFile::remove(dir.filePath(QStringLiteral("queue.db"))));
    QFile::remove(dir.filePath(QStringLiteral("queue.db-wal")));
    QFile::remove(dir.filePath(QStringLiteral("queue.db-shm")));
    REQUIRE(QFile::copy(queueCopy, dir.filePath(QStringLiteral("queue.db"))));
    REQUIRE(QFile::copy(queueCopy + QStringLiteral("-wal"), dir.filePath(QStringLiteral("queue.db-wal"))));
    kb::ReplicaSync restarted(deskOptions(dir, params));
    restarted.registerWriteKind(QStringLiteral("test.probe"), probeHandler);
    int delivered = 0;
    QObject::connect(&restarted, &kb::ReplicaSync::writeDelivered, [&] { ++delivered; });
    REQUIRE(restarted.start(&error));
    REQUIRE(QTest::qWaitFor([&] { return restarted.pendingWrites() == 0; }, 5000));
    CHECK(delivered == 24);
    CHECK(arrivals() == expected);
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM applied_writes")).toInt() == 25);
    // The synonyms written offline reached this desk's replica, too.
    REQUIRE(QTest::qWaitFor([&] { return restarted.replica()->synonyms().size() == 4; }, 5000));
}

TEST_CASE("pg: a queued write the server refuses is set aside, later ones still arrive", "[pg][replica][roles]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    {
        RawPg raw(params);
        REQUIRE(
            kb::createPgUser(raw.db(), QStringLiteral("queue_agent"), QStringLiteral("pw"), kb::PgRole::Agent, &error));
        REQUIRE(raw.exec(QStringLiteral("CREATE TABLE agent_log (n INTEGER NOT NULL)")));
        REQUIRE(raw.exec(QStringLiteral("GRANT INSERT ON agent_log TO hotline_agent")));
    }
    kb::PgConnection agent = params;
    agent.user = QStringLiteral("queue_agent");
    agent.password = QStringLiteral("pw");
    QTemporaryDir dir;
    kb::ReplicaSync desk(deskOptions(dir, agent));
    desk.registerWriteKind(QStringLiteral("test.log"),
                           [](kb::PgStore &server, const QJsonObject &payload, QString *error) {
                               QSqlQuery q(server.database());
                               q.prepare(QStringLiteral("INSERT INTO agent_log (n) VALUES (:n)"));
                               q.bindValue(QStringLiteral(":n"), payload.value(QLatin1String("n")).toInt());
                               if (!q.exec()) {
                                   *error = q.lastError().text();
                                   return false;
                               }
                               return true;
                           });
    QStringList rejectedKinds;
    QObject::connect(&desk, &kb::ReplicaSync::writeRejected,
                     [&](const QString &, const QString &kind, const QString &) { rejectedKinds << kind; });
    REQUIRE(desk.start(&error));
    REQUIRE(desk.isOnline());
    kb::Catalogue c;
    c.articles = {makeArticle(QStringLiteral("x"), QStringLiteral("Vom Agenten"))};
    const QString refusedId =
        desk.enqueue(QLatin1String(kb::writekind::Upsert), kb::writekind::upsertPayload(c), &error);
    REQUIRE_FALSE(refusedId.isEmpty());
    REQUIRE_FALSE(desk.enqueue(QStringLiteral("test.log"), {{QStringLiteral("n"), 7}}, &error).isEmpty());
    REQUIRE(QTest::qWaitFor([&] { return desk.pendingWrites() == 0; }, 5000));
    CHECK(rejectedKinds == QStringList{QLatin1String(kb::writekind::Upsert)});
    const auto rejected = desk.queue()->rejected();
    REQUIRE(rejected.size() == 1);
    CHECK(rejected.first().id == refusedId);
    CHECK(rejected.first().rejection.contains(QStringLiteral("permission denied")));
    RawPg raw(params);
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM articles")).toInt() == 0);
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM agent_log WHERE n = 7")).toInt() == 1);
    CHECK(raw.scalar(QStringLiteral("SELECT submitted_by FROM applied_writes")).toString() ==
          QStringLiteral("queue_agent"));
}

TEST_CASE("pg: a replica notices a different server behind the same address and resyncs fully", "[pg][replica]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    auto lead = kb::openPgStore(params, &error);
    REQUIRE(lead);
    kb::Catalogue c;
    c.articles = {makeArticle(QStringLiteral("stays"), QStringLiteral("Bleibt")),
                  makeArticle(QStringLiteral("goes"), QStringLiteral("Verschwindet"))};
    REQUIRE(lead->upsert(c, nullptr, &error));
    QTemporaryDir dir;
    kb::ReplicaSync desk(deskOptions(dir, params));
    REQUIRE(desk.start(&error));
    REQUIRE(desk.replica()->articles().size() == 2);

    // A restored or re-created server: other store id, a row gone without a tombstone.
    RawPg raw(params);
    REQUIRE(raw.exec(QStringLiteral("UPDATE meta SET text_value = 'another-server' WHERE key = 'store_id'")));
    REQUIRE(raw.exec(QStringLiteral("DELETE FROM articles WHERE id = 'goes'")));
    REQUIRE(raw.exec(QStringLiteral("UPDATE meta SET int_value = int_value + 1 WHERE key = 'revision'")));
    REQUIRE(QTest::qWaitFor([&] { return desk.queue()->syncedStoreId() == QStringLiteral("another-server"); }, 5000));
    CHECK_FALSE(desk.replica()->article(QStringLiteral("goes")));
    CHECK(desk.replica()->article(QStringLiteral("stays")));
}

TEST_CASE("pg: two desks booking the last slot: the server's constraint decides, the loser is told",
          "[pg][replica][queue]")
{
    // Stand-in for the appointment book (its schema lands with the appointments module): the
    // slot is unique on the server; both desks' bookings travel through their queues.
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    {
        RawPg raw(params);
        REQUIRE(raw.exec(QStringLiteral("CREATE TABLE probe_bookings (office TEXT NOT NULL, slot TIMESTAMPTZ NOT NULL, "
                                        "caller TEXT NOT NULL, UNIQUE (office, slot))")));
    }
    auto book = [](kb::PgStore &server, const QJsonObject &payload, QString *error) {
        QSqlQuery q(server.database());
        q.prepare(QStringLiteral("INSERT INTO probe_bookings (office, slot, caller) "
                                 "VALUES (:office, CAST(:slot AS TIMESTAMPTZ), :caller)"));
        q.bindValue(QStringLiteral(":office"), payload.value(QLatin1String("office")).toString());
        q.bindValue(QStringLiteral(":slot"), payload.value(QLatin1String("slot")).toString());
        q.bindValue(QStringLiteral(":caller"), payload.value(QLatin1String("caller")).toString());
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        return true;
    };
    QTemporaryDir dirA;
    QTemporaryDir dirB;
    kb::ReplicaSync deskA(deskOptions(dirA, params));
    kb::ReplicaSync deskB(deskOptions(dirB, params));
    deskA.registerWriteKind(QStringLiteral("test.book"), book);
    deskB.registerWriteKind(QStringLiteral("test.book"), book);
    QStringList delivered;
    QStringList rejected;
    for (kb::ReplicaSync *desk : {&deskA, &deskB}) {
        QObject::connect(desk, &kb::ReplicaSync::writeDelivered, [&](const QString &id) { delivered << id; });
        QObject::connect(desk, &kb::ReplicaSync::writeRejected,
                         [&](const QString &id, const QString &, const QString &reason) {
                             rejected << id;
                             CHECK(reason.contains(QStringLiteral("duplicate key")));
                         });
        REQUIRE(desk->start(&error));
    }
    const QJsonObject slot{{QStringLiteral("office"), QStringLiteral("kvr-ruppertstr")},
                           {QStringLiteral("slot"), QStringLiteral("2026-12-01T09:00:00Z")}};
    QJsonObject forA = slot;
    forA.insert(QStringLiteral("caller"), QStringLiteral("Frau A"));
    QJsonObject forB = slot;
    forB.insert(QStringLiteral("caller"), QStringLiteral("Herr B"));
    const QString idA = deskA.enqueue(QStringLiteral("test.book"), forA, &error);
    const QString idB = deskB.enqueue(QStringLiteral("test.book"), forB, &error);
    REQUIRE(QTest::qWaitFor([&] { return delivered.size() + rejected.size() == 2; }, 5000));
    CHECK(delivered.size() == 1);
    CHECK(rejected.size() == 1);
    RawPg raw(params);
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM probe_bookings")).toInt() == 1);
    const QString winner = raw.scalar(QStringLiteral("SELECT caller FROM probe_bookings")).toString();
    CHECK(winner == (delivered.first() == idA ? QStringLiteral("Frau A") : QStringLiteral("Herr B")));
    // The loser's receipt was rolled back with its booking: nothing half-written.
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM applied_writes")).toInt() == 1);
    CHECK(deskA.pendingWrites() + deskB.pendingWrites() == 0);
}

TEST_CASE("pg: ReplicaSync runs on a worker thread and reports to the UI thread", "[pg][replica][thread]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    auto lead = kb::openPgStore(params, &error);
    REQUIRE(lead);
    QTemporaryDir dir;
    QThread worker;
    worker.start();
    auto *desk = new kb::ReplicaSync(deskOptions(dir, params, 60000));
    desk->moveToThread(&worker);
    QList<qint64> revisions; // written on this (the test's) thread only: queued connection
    QObject context;
    QObject::connect(desk, &kb::ReplicaSync::replicaUpdated, &context, [&](qint64 r) { revisions << r; });
    bool started = false;
    QMetaObject::invokeMethod(
        desk, [&] { started = desk->start(&error); }, Qt::BlockingQueuedConnection);
    REQUIRE(started);

    kb::Catalogue c;
    c.articles = {makeArticle(QStringLiteral("w1"), QStringLiteral("Wohngeld"))};
    REQUIRE(lead->upsert(c, nullptr, &error));
    REQUIRE(QTest::qWaitFor([&] { return !revisions.isEmpty(); }, 5000));
    QString title;
    QMetaObject::invokeMethod(
        desk, [&] { title = desk->replica()->article(QStringLiteral("w1"))->title; }, Qt::BlockingQueuedConnection);
    CHECK(title == QStringLiteral("Wohngeld"));
    // Its connections belong to the worker: destroy it there.
    QMetaObject::invokeMethod(
        desk, [desk] { delete desk; }, Qt::BlockingQueuedConnection);
    worker.quit();
    worker.wait();
}

TEST_CASE("pg: queued catalogue writes reach a server with editorial users, under the desk's actor",
          "[pg][replica][editorial]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    kb::User lena;
    {
        auto admin = kb::openPgStore(params, &error);
        REQUIRE(admin);
        admin->setActor(kb::Actor::administrator());
        const auto created = admin->createUser(QStringLiteral("lena"), {}, kb::Role::Lead,
                                               QStringLiteral("pw-lena-12345"), &error);
        REQUIRE(created);
        lena = *created;
        // Nobody signed in may write now: that is what a desk's queue would hit without an actor.
        auto anonymous = kb::openPgStore(params, &error);
        CHECK_FALSE(anonymous->setSynonym({QStringLiteral("x"), {QStringLiteral("y")}}, &error));
        CHECK(error.contains(QStringLiteral("nobody is signed in")));
    }
    QTemporaryDir dir;
    kb::ReplicaSyncOptions options = deskOptions(dir, params);
    options.serverActor = kb::Actor::signedIn(lena);
    kb::ReplicaSync desk(options);
    QStringList rejected;
    QObject::connect(&desk, &kb::ReplicaSync::writeRejected,
                     [&](const QString &, const QString &, const QString &reason) { rejected << reason; });
    REQUIRE(desk.start(&error));
    REQUIRE_FALSE(desk.enqueue(QLatin1String(kb::writekind::SetSynonym),
                               kb::writekind::setSynonymPayload({QStringLiteral("Perso"), {QStringLiteral("Personalausweis")}}),
                               &error)
                      .isEmpty());
    REQUIRE(QTest::qWaitFor([&] { return desk.pendingWrites() == 0; }, 5000));
    CHECK(rejected.isEmpty());
    RawPg raw(params);
    CHECK(raw.scalar(QStringLiteral("SELECT actor FROM audit_log WHERE action = 'synonym.set'")).toString()
          == QStringLiteral("lena"));
}

TEST_CASE("pg: example questions reach a desk's replica, and so does their removal", "[pg][replica][questions]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    auto server = kb::openPgStore(params, &error);
    REQUIRE(server);
    kb::Article lost = makeArticle(QStringLiteral("fund"), QStringLiteral("Fundsachen"));
    lost.questions = {QStringLiteral("Ich hab meinen Geldbeutel verloren, was nun?")};
    REQUIRE(server->upsert({{lost}, {}}, nullptr, &error));

    QTemporaryDir dir;
    kb::ReplicaSync desk(deskOptions(dir, params));
    REQUIRE(desk.start(&error));
    REQUIRE(desk.replica()->article(lost.id));
    CHECK(desk.replica()->article(lost.id)->questions == lost.questions);

    // Changed on the server: the replica follows.
    lost.questions << QStringLiteral("Wo ist das Fundbüro?");
    REQUIRE(server->upsert({{lost}, {}}, nullptr, &error));
    CHECK(QTest::qWaitFor([&] { return desk.replica()->article(lost.id)->questions == lost.questions; }, 5000));
    // Removed on the server (the editor's publish of an emptied field writes the article as it is): the replica
    // mirrors it and does not keep the old ones as an import would.
    lost.questions.clear();
    REQUIRE(server->upsert({{lost}, {}}, nullptr, &error));
    CHECK(QTest::qWaitFor([&] { return desk.replica()->article(lost.id)->questions.isEmpty(); }, 5000));
    CHECK(desk.syncedServerRevision() == server->revision());
}
