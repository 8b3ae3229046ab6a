// The three migration chains and the statements that decide correctness (case-number counter, frozen
// commits, the seat primary key) on a real PostgreSQL 15 server started for the test (initdb as the
// postgres user on a private socket). Needs root (initdb refuses root, so it runs via runuser) and
// Debian's postgresql + libqt6sql6-psql; without them the test says so (WARN) and checks nothing.
#include <catch2/catch.hpp>

#include "dbsupport.h"
#include "smtpsink.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <unistd.h>

namespace {

const QString kPgBin = QStringLiteral("/usr/lib/postgresql/15/bin");

bool run(const QString &program, const QStringList &args, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("runuser"),
            QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + args);
    const bool ok = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    *output = QString::fromUtf8(p.readAll());
    return ok;
}

struct PostgresServer
{
    QTemporaryDir dir;
    int port = SmtpSink::freePort();
    bool started = false;

    bool start(QString *error)
    {
        dir.setAutoRemove(true);
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                              QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther);
        QString out;
        if (!run(kPgBin + QStringLiteral("/initdb"),
                 {QStringLiteral("-D"), dir.filePath(QStringLiteral("data")), QStringLiteral("-A"),
                  QStringLiteral("trust")},
                 &out)) {
            *error = QStringLiteral("initdb failed: ") + out;
            return false;
        }
        if (!run(kPgBin + QStringLiteral("/pg_ctl"),
                 {QStringLiteral("-D"), dir.filePath(QStringLiteral("data")), QStringLiteral("-o"),
                  QStringLiteral("-p %1 -k %2 -c listen_addresses=''").arg(port).arg(dir.path()), QStringLiteral("-l"),
                  dir.filePath(QStringLiteral("log")), QStringLiteral("-w"), QStringLiteral("start")},
                 &out)) {
            *error = QStringLiteral("pg_ctl start failed: ") + out;
            return false;
        }
        started = true;
        return true;
    }

    ~PostgresServer()
    {
        if (started) {
            QString out;
            run(kPgBin + QStringLiteral("/pg_ctl"),
                {QStringLiteral("-D"), dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
                 QStringLiteral("immediate"), QStringLiteral("stop")},
                &out);
        }
    }
};

bool execOk(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        UNSCOPED_INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
        return false;
    }
    return true;
}

} // namespace

TEST_CASE("the schema and its key statements run on PostgreSQL", "[appointments][postgres]")
{
    if (::geteuid() != 0 || !QFile::exists(kPgBin + QStringLiteral("/initdb")) ||
        !QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        WARN("PostgreSQL 15, root or the QPSQL driver missing: PostgreSQL check not run");
        return;
    }
    PostgresServer server;
    QString error;
    REQUIRE(server.start(&error));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pgcheck"));
        db.setHostName(server.dir.path());
        db.setPort(server.port);
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(QStringLiteral("postgres"));
        REQUIRE(db.open());
        for (const char *component : {"outbox", "journal", "appointments"}) {
            INFO(component);
            REQUIRE(hotline::db::applyMigrations(db, QString::fromLatin1(component), &error));
            CHECK(hotline::db::schemaVersion(db, QString::fromLatin1(component)) ==
                  hotline::db::knownSchemaVersion(QString::fromLatin1(component)));
        }
        REQUIRE(hotline::db::applyMigrations(db, QStringLiteral("journal"), &error)); // idempotent

        // The case-number counter, through the same statement the store uses.
        for (int i = 0; i < 2; ++i) {
            QSqlQuery up(db);
            up.prepare(
                QStringLiteral("INSERT INTO journal_case_counters (year, last_number) VALUES (:y, 1) "
                               "ON CONFLICT (year) DO UPDATE SET last_number = journal_case_counters.last_number + 1"));
            up.bindValue(QStringLiteral(":y"), 2026);
            REQUIRE(up.exec());
        }
        QSqlQuery counter(db);
        REQUIRE(counter.exec(QStringLiteral("SELECT last_number FROM journal_case_counters WHERE year = 2026")));
        REQUIRE(counter.next());
        CHECK(counter.value(0).toInt() == 2);

        // A committed call is not overwritten by a late draft save.
        CHECK(execOk(db, QStringLiteral("INSERT INTO journal_calls (id, draft, created_at, updated_at, notes) "
                                        "VALUES ('c1', 0, 1, 1, 'committed')")));
        QSqlQuery late(db);
        late.prepare(
            QStringLiteral("INSERT INTO journal_calls (id, draft, created_at, updated_at, notes) "
                           "VALUES (:id, 1, 2, 2, :notes) ON CONFLICT (id) DO UPDATE SET notes = excluded.notes "
                           "WHERE journal_calls.draft = 1"));
        late.bindValue(QStringLiteral(":id"), QStringLiteral("c1"));
        late.bindValue(QStringLiteral(":notes"), QStringLiteral("draft"));
        REQUIRE(late.exec());
        CHECK(late.numRowsAffected() == 0);

        // Two bookings for one seat: the primary key refuses the second, and we recognise the error.
        CHECK(execOk(db, QStringLiteral("INSERT INTO appt_offices (office_id, updated_at) VALUES ('o1', 0)")));
        CHECK(execOk(db, QStringLiteral("INSERT INTO appt_bookings (id, office_id, starts_at, ends_at, state, uid, "
                                        "created_at) VALUES ('b1', 'o1', 1, 2, 'booked', 'u1', 0), "
                                        "('b2', 'o1', 1, 2, 'booked', 'u2', 0)")));
        CHECK(execOk(db, QStringLiteral("INSERT INTO appt_cells (office_id, cell_start, seat, booking_id) "
                                        "VALUES ('o1', 1, 1, 'b1')")));
        QSqlQuery second(db);
        second.prepare(QStringLiteral("INSERT INTO appt_cells (office_id, cell_start, seat, booking_id) "
                                      "VALUES (:o, :c, :s, :b)"));
        second.bindValue(QStringLiteral(":o"), QStringLiteral("o1"));
        second.bindValue(QStringLiteral(":c"), 1);
        second.bindValue(QStringLiteral(":s"), 1);
        second.bindValue(QStringLiteral(":b"), QStringLiteral("b2"));
        CHECK_FALSE(second.exec());
        CHECK(hotline::db::isConstraintViolation(second));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pgcheck"));
}
