// Shared store on PostgreSQL: N simulated desks (threads, one connection each) committing calls
// to the real journal at once against one server on loopback, through the path a desk's queue
// delivery takes (one transaction: receipt in applied_writes + JournalStore::commitCall, the call
// row and its services), beside the same commits from one connection (baseline); full-catalogue fetch by every desk at
// once; replica sync time of a desk for the full catalogue and for one edit (NOTIFY → applied to the local SQLite
// replica). The server is a throwaway PostgreSQL 15 cluster (tests/pg/pgcluster.*) with fsync off, so commit latency
// here is CPU and protocol, not disk (see docs/benchmarks.md). Run: build/bench/bench_pg [DESKS] [INSERTS_PER_DESK]
// (default 150 desks, 20 inserts each)
#include "benchstats.h"
#include "pgcluster.h"

#include "dbsupport.h"
#include "defaultcatalogue.h"
#include "deskserver.h"
#include "journalstore.h"
#include "pgstore.h"
#include "replicasync.h"
#include "store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// Latencies in µs, the figure in ms.
double percentile(const std::vector<qint64> &values, double p)
{
    return bench::percentile(std::vector<double>(values.begin(), values.end()), p) / 1000.0;
}

struct WriteResult
{
    std::vector<qint64> latenciesUs;
    qint64 wallNs = 0;
    int failures = 0;
    QString firstError;
};

// `desks` threads, each with its own connection, each inserting `perDesk` rows (one
// transaction each, as a desk logs one call at a time). All start together.
WriteResult runWriters(const kb::PgConnection &params, int desks, int perDesk, int deskOffset)
{
    WriteResult result;
    std::vector<std::vector<qint64>> latencies(desks);
    std::atomic<int> failures{0};
    std::mutex errorMutex;
    QSemaphore ready;
    QSemaphore go;
    std::vector<std::thread> threads;
    for (int d = 0; d < desks; ++d) {
        threads.emplace_back([&, d] {
            QString error;
            auto store = kb::openPgStore(params, &error);
            std::unique_ptr<journal::JournalStore> calls;
            if (store) {
                calls = journal::JournalStore::openOn(store->database(), &error);
            }
            ready.release();
            go.acquire();
            if (!calls) {
                failures += perDesk;
                std::lock_guard lock(errorMutex);
                result.firstError = error;
                return;
            }
            QSqlDatabase db = store->database();
            {
                QSqlQuery receipt(db);
                receipt.prepare(
                    QStringLiteral("INSERT INTO applied_writes (id, kind, created_at) VALUES "
                                   "(CAST(:id AS UUID), 'journal.commit', now()) ON CONFLICT (id) DO NOTHING"));
                QElapsedTimer clock;
                for (int i = 0; i < perDesk; ++i) {
                    journal::CallRecord call;
                    call.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                    call.offeredAt = QDateTime::currentDateTimeUtc().addSecs(-180);
                    call.answeredAt = call.offeredAt.addSecs(4);
                    call.endedAt = call.answeredAt.addSecs(150);
                    call.callerNumber = QStringLiteral("+4989%1").arg(deskOffset * 100000 + d * 100 + i);
                    call.line = QStringLiteral("115");
                    call.agent = QStringLiteral("desk%1").arg(deskOffset + d);
                    call.serviceIds = {QStringLiteral("10302")};
                    call.notes = QStringLiteral("Bürgerin fragt nach Personalausweis, Termin empfohlen");
                    call.outcome = journal::Outcome::AnsweredDirectly;
                    clock.start();
                    QString e;
                    bool ok = store->beginTransaction(&e);
                    if (ok) {
                        receipt.bindValue(QStringLiteral(":id"), call.id);
                        ok = receipt.exec();
                        e = receipt.lastError().text();
                    }
                    if (ok) {
                        const hotline::db::OuterTransaction outer(db);
                        ok = calls->commitCall(call, &e);
                    }
                    ok = ok && store->commitTransaction(&e);
                    if (!ok) {
                        store->rollbackTransaction();
                        ++failures;
                        std::lock_guard lock(errorMutex);
                        result.firstError = e;
                    }
                    latencies[d].push_back(clock.nsecsElapsed() / 1000);
                }
            } // the prepared statement is freed before its connection closes
            db = QSqlDatabase();
            calls.reset();
            store.reset();
        });
    }
    ready.acquire(desks);
    QElapsedTimer wall;
    wall.start();
    go.release(desks);
    for (auto &t : threads) {
        t.join();
    }
    result.wallNs = wall.nsecsElapsed();
    for (const auto &l : latencies) {
        result.latenciesUs.insert(result.latenciesUs.end(), l.begin(), l.end());
    }
    result.failures = failures;
    return result;
}

void printWrites(const QString &label, const WriteResult &r)
{
    const double seconds = double(r.wallNs) / 1e9;
    out() << label.leftJustified(34) << QString::number(r.latenciesUs.size()).rightJustified(6) << " commits  "
          << QString::number(double(r.latenciesUs.size()) / seconds, 'f', 0).rightJustified(7) << "/s  p50 "
          << QString::number(percentile(r.latenciesUs, 0.5), 'f', 2) << " ms  p99 "
          << QString::number(percentile(r.latenciesUs, 0.99), 'f', 2) << " ms  failed " << r.failures;
    if (!r.firstError.isEmpty()) {
        out() << "  (" << r.firstError << ")";
    }
    out() << Qt::endl;
}

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

// Waits (in the event loop) until `sync` reports a replica update; returns ms or -1.
double waitForReplica(kb::ReplicaSync &sync, const std::function<void()> &trigger)
{
    QEventLoop loop;
    QElapsedTimer clock;
    double elapsed = -1;
    auto connection = QObject::connect(&sync, &kb::ReplicaSync::replicaUpdated, &loop, [&] {
        elapsed = double(clock.nsecsElapsed()) / 1e6;
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    clock.start();
    trigger();
    if (elapsed < 0) {
        loop.exec();
    }
    QObject::disconnect(connection);
    return elapsed;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int desks = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 150;
    const int perDesk = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 20;
    QString error;

    hotline::test::PgCluster cluster;
    hotline::test::PgCluster::Options options;
    options.maxConnections = desks + 20;
    if (!cluster.init(options, &error)) {
        out() << "cannot start PostgreSQL: " << error << Qt::endl;
        return 1;
    }
    const QString database = cluster.createDatabase(QStringLiteral("bench"), &error);
    const kb::PgConnection params = cluster.connection(database);
    if (database.isEmpty() || !kb::migratePgStore(params, kb::pgSchemaVersion(), &error)) {
        out() << "cannot create the schema: " << error << Qt::endl;
        return 1;
    }
    auto admin = kb::openPgStore(params, &error);
    if (!admin) {
        out() << error << Qt::endl;
        return 1;
    }
    QSqlDatabase adminDb = admin->database();
    if (!kb::applyPgRoles(adminDb, &error) || !deskserver::migrateServer(adminDb, &error)) {
        out() << "cannot create the journal schema: " << error << Qt::endl;
        return 1;
    }
    auto releaseAdmin = [&] {
        adminDb = QSqlDatabase();
        admin.reset();
    };
    out() << "PostgreSQL " << scalar(adminDb, QStringLiteral("SHOW server_version_num")) << " on 127.0.0.1, fsync off, "
          << "max_connections " << options.maxConnections << ", " << QThread::idealThreadCount() << " cores"
          << Qt::endl;
    out() << Qt::endl
          << "Journal commits (queue delivery path: receipt + call + services, one transaction each):" << Qt::endl;

    const int total = desks * perDesk;
    const WriteResult baseline = runWriters(params, 1, total, 0);
    printWrites(QStringLiteral("baseline: 1 connection"), baseline);
    const WriteResult many = runWriters(params, desks, perDesk, 1000);
    printWrites(QStringLiteral("%1 desks, own connection each").arg(desks), many);
    const qint64 rows = scalar(adminDb, QStringLiteral("SELECT COUNT(*) FROM journal_calls WHERE draft = 0"));
    out() << "rows on the server: " << rows << " of " << 2 * total << " written ("
          << (rows == 2 * total ? "nothing lost" : "ROWS MISSING") << ")" << Qt::endl;

    // The catalogue: the built-in Munich one.
    kb::Catalogue munich;
    QList<kb::Synonym> synonyms;
    if (!kb::loadDefaultCatalogue(&munich, &synonyms, &error) || !admin->upsert(munich, nullptr, &error)) {
        out() << "cannot load the catalogue: " << error << Qt::endl;
        return 1;
    }
    for (const kb::Synonym &s : std::as_const(synonyms)) {
        admin->setSynonym(s, &error);
    }
    out() << Qt::endl
          << "Replica sync (catalogue: " << munich.articles.size() << " articles, " << munich.offices.size()
          << " offices, " << synonyms.size() << " synonyms):" << Qt::endl;

    // Every desk fetches the whole catalogue at the same moment (morning start).
    {
        std::vector<std::thread> threads;
        std::vector<qint64> fetchUs(desks);
        std::atomic<int> failed{0};
        QSemaphore ready;
        QSemaphore go;
        for (int d = 0; d < desks; ++d) {
            threads.emplace_back([&, d] {
                QString e;
                auto store = kb::openPgStore(params, &e);
                ready.release();
                go.acquire();
                QElapsedTimer clock;
                clock.start();
                kb::PgChangeSet changes;
                if (!store || !store->changesSince(0, &changes, &e) ||
                    changes.changed.articles.size() != munich.articles.size()) {
                    ++failed;
                }
                fetchUs[d] = clock.nsecsElapsed() / 1000;
            });
        }
        ready.acquire(desks);
        QElapsedTimer wall;
        wall.start();
        go.release(desks);
        for (auto &t : threads) {
            t.join();
        }
        out() << "full catalogue fetched by " << desks << " desks at once: wall "
              << QString::number(double(wall.nsecsElapsed()) / 1e6, 'f', 0) << " ms, per desk p50 "
              << QString::number(percentile(fetchUs, 0.5), 'f', 1) << " ms, p99 "
              << QString::number(percentile(fetchUs, 0.99), 'f', 1) << " ms, failed " << failed << Qt::endl;
    }

    QTemporaryDir dir;
    kb::ReplicaSyncOptions syncOptions;
    syncOptions.server = params;
    syncOptions.replicaPath = dir.filePath(QStringLiteral("replica.db"));
    syncOptions.queuePath = dir.filePath(QStringLiteral("queue.db"));
    syncOptions.heartbeatMs = 60000; // only NOTIFY may bring the edit
    kb::ReplicaSync desk(syncOptions);
    const double fullMs = waitForReplica(desk, [&] { desk.start(&error); });
    out() << "one desk, empty replica → full catalogue in local SQLite: " << QString::number(fullMs, 'f', 1) << " ms"
          << Qt::endl;

    std::vector<qint64> editUs;
    kb::Article edited = munich.articles.first();
    for (int i = 0; i < 20; ++i) {
        edited.summary = QStringLiteral("Geändert %1").arg(i);
        kb::Catalogue one;
        one.articles = {edited};
        const double ms = waitForReplica(desk, [&] { admin->upsert(one, nullptr, &error); });
        editUs.push_back(qint64(ms * 1000));
    }
    const bool applied = desk.replica()->article(edited.id)->summary == edited.summary;
    out() << "one edit: commit on the server → applied in the replica (NOTIFY), 20 runs: p50 "
          << QString::number(percentile(editUs, 0.5), 'f', 1) << " ms, max "
          << QString::number(percentile(editUs, 1.0), 'f', 1) << " ms" << (applied ? "" : "  (EDIT MISSING)")
          << Qt::endl;
    releaseAdmin();
    cluster.destroy();
    return rows == 2 * total && applied ? 0 : 1;
}
