// The desk modules on the shared store, against a real PostgreSQL 15: hotline-admin-desk's schema
// step, calls logged while the server is down arriving exactly once and in order through the
// queue, two desks booking the last seat through the server (one wins, the other gets the reason),
// and the server refusing agents what only team leads may do.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"
#include "pgtestutil.h"

#include "appointmentqueue.h"
#include "appointmentstore.h"
#include "dbsupport.h"
#include "deskserver.h"
#include "journalqueue.h"
#include "journalstore.h"
#include "outboxstore.h"
#include "pgstore.h"
#include "replicasync.h"
#include "writequeue.h"

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtCore/qtestsupport_core.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <mutex>
#include <thread>

using namespace hotline::test;

namespace {

kb::ReplicaSyncOptions deskOptions(const QTemporaryDir &dir, const kb::PgConnection &server)
{
    kb::ReplicaSyncOptions o;
    o.server = server;
    o.replicaPath = dir.filePath(QStringLiteral("replica.db"));
    o.queuePath = dir.filePath(QStringLiteral("queue.db"));
    o.heartbeatMs = 200;
    o.reconnectMs = 200;
    return o;
}

// A fresh server database with the catalogue schema, the roles, the desk modules and one agent login.
kb::PgConnection serverWithDeskModules(const QString &agentName)
{
    const kb::PgConnection params = freshPgDatabase(true);
    RawPg raw(params);
    QString error;
    const bool migrated = deskserver::migrateServer(raw.db(), &error);
    INFO(error.toStdString());
    REQUIRE(migrated);
    const bool created = kb::createPgUser(raw.db(), agentName, QStringLiteral("pw"), kb::PgRole::Agent, &error);
    INFO(error.toStdString());
    REQUIRE(created);
    kb::PgConnection agent = params;
    agent.user = agentName;
    agent.password = QStringLiteral("pw");
    return agent;
}

journal::CallRecord answeredCall(int n)
{
    journal::CallRecord c;
    c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.offeredAt = QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC).addSecs(n * 60);
    c.answeredAt = c.offeredAt.addSecs(5);
    c.endedAt = c.answeredAt.addSecs(120);
    c.callerNumber = QStringLiteral("0351 4880%1").arg(n, 3, 10, QLatin1Char('0'));
    c.line = QStringLiteral("115");
    c.municipality = QStringLiteral("Dresden");
    c.agent = QStringLiteral("desk_anna");
    c.serviceIds = {QStringLiteral("svc-%1").arg(n)};
    c.notes = QStringLiteral("Anruf %1").arg(n);
    c.outcome = journal::Outcome::AnsweredDirectly;
    c.draft = false;
    return c;
}

// A working day two to three weeks ahead, 09:00 in Berlin (no holiday: the server's calendar checks).
QDateTime futureSlot(const journal::BusinessCalendar &calendar)
{
    QDate d = QDate::currentDate().addDays(14);
    while (d.dayOfWeek() > 5 || calendar.isHoliday(d)) {
        d = d.addDays(1);
    }
    return QDateTime(d, QTime(9, 0), journal::BusinessCalendar::berlin()).toUTC();
}

} // namespace

TEST_CASE("pg desk: the module schema is created on the server, and stores refuse a server without it",
          "[pg][desk][schema]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    RawPg raw(params);
    QString error;
    // Before hotline-admin-desk: a desk store on the server says what to do.
    CHECK_FALSE(journal::JournalStore::openOn(raw.db(), &error));
    CHECK(error.contains(QStringLiteral("hotline-admin-desk migrate")));

    REQUIRE(deskserver::migrateServer(raw.db(), &error));
    for (const auto &[component, version] : deskserver::serverVersions(raw.db())) {
        INFO(component.toStdString());
        CHECK(version == hotline::db::knownSchemaVersion(component));
        CHECK(version >= 1);
    }
    // Twice is harmless (already current, grants again).
    REQUIRE(deskserver::migrateServer(raw.db(), &error));
    CHECK(journal::JournalStore::openOn(raw.db(), &error));
    CHECK(appointments::AppointmentStore::openOn(raw.db(), &error));
    CHECK(outbox::OutboxStore::openOn(raw.db(), &error));

    // A server with a newer module schema than this build: refused with the reason.
    REQUIRE(raw.exec(QStringLiteral("UPDATE schema_versions SET version = version + 1 WHERE component = 'journal'")));
    CHECK_FALSE(journal::JournalStore::openOn(raw.db(), &error));
    CHECK(error.contains(QStringLiteral("newer than this build")));
}

TEST_CASE("pg desk: hotline-admin-desk migrates the server and reports the versions", "[pg][desk][admin]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QProcess admin;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), params.password);
    admin.setProcessEnvironment(env);
    const QStringList connection{QStringLiteral("--host"),    params.host,
                                 QStringLiteral("--port"),    QString::number(params.port),
                                 QStringLiteral("--db"),      params.database,
                                 QStringLiteral("--user"),    params.user,
                                 QStringLiteral("--sslmode"), QStringLiteral("disable")};
    admin.start(QStringLiteral(HOTLINE_ADMIN_DESK_CLI), connection + QStringList{QStringLiteral("migrate")});
    REQUIRE(admin.waitForFinished(30000));
    INFO(admin.readAllStandardError().toStdString());
    CHECK(admin.exitCode() == 0);
    CHECK(QString::fromUtf8(admin.readAllStandardOutput())
              .contains(QStringLiteral("journal: version 0 → %1")
                            .arg(hotline::db::knownSchemaVersion(QStringLiteral("journal")))));

    admin.start(QStringLiteral(HOTLINE_ADMIN_DESK_CLI), connection + QStringList{QStringLiteral("status")});
    REQUIRE(admin.waitForFinished(30000));
    CHECK(admin.exitCode() == 0);
    CHECK(QString::fromUtf8(admin.readAllStandardOutput())
              .contains(QStringLiteral("appointments %1")
                            .arg(hotline::db::knownSchemaVersion(QStringLiteral("appointments")))));

    admin.start(QStringLiteral(HOTLINE_ADMIN_DESK_CLI), connection + QStringList{QStringLiteral("drop")});
    REQUIRE(admin.waitForFinished(30000));
    CHECK(admin.exitCode() == 2);
}

TEST_CASE("pg desk: calls logged while the server is down arrive exactly once, in order", "[pg][desk][journal]")
{
    PgCluster &cluster = sharedCluster();
    const kb::PgConnection agent = serverWithDeskModules(QStringLiteral("desk_anna"));
    QString error;
    QTemporaryDir dir;
    QStringList ids;
    QStringList rejected;
    {
        kb::ReplicaSync desk(deskOptions(dir, agent));
        journal::registerServerWriteKinds(desk);
        QObject::connect(&desk, &kb::ReplicaSync::writeRejected,
                         [&](const QString &, const QString &, const QString &reason) { rejected << reason; });
        REQUIRE(desk.start(&error));
        REQUIRE(desk.isOnline());

        // Online: straight through.
        journal::CallRecord first = answeredCall(0);
        ids << first.id;
        REQUIRE_FALSE(
            desk.enqueue(QLatin1String(journal::serverwrite::CommitCall), journal::commitPayload(first), &error)
                .isEmpty());
        REQUIRE(QTest::qWaitFor([&] { return desk.pendingWrites() == 0; }, 5000));

        // The server goes away in the middle of the shift: calls keep being logged, one is forwarded.
        REQUIRE(cluster.stop(&error));
        REQUIRE(QTest::qWaitFor([&] { return !desk.isOnline(); }, 5000));
        for (int n = 1; n <= 12; ++n) {
            journal::CallRecord c = answeredCall(n);
            ids << c.id;
            REQUIRE_FALSE(
                desk.enqueue(QLatin1String(journal::serverwrite::CommitCall), journal::commitPayload(c), &error)
                    .isEmpty());
        }
        journal::CallRecord forwarded = answeredCall(13);
        forwarded.outcome = journal::Outcome::ForwardedByEmail;
        ids << forwarded.id;
        journal::ForwardRequest request;
        request.fromEmail = QStringLiteral("buergertelefon@dresden.example");
        request.fromName = QStringLiteral("Bürgertelefon Dresden");
        request.officeId = QStringLiteral("office-1");
        request.officeName = QStringLiteral("Bürgerbüro Altstadt");
        request.officeEmail = QStringLiteral("buergerbuero@dresden.example");
        request.serviceId = QStringLiteral("svc-13");
        request.serviceTitle = QStringLiteral("Personalausweis beantragen");
        request.question = QStringLiteral("Kann ich den Ausweis per Post bekommen?");
        request.callbackName = QStringLiteral("Erika Mustermann");
        request.callbackPhone = QStringLiteral("0351 1234567");
        request.callbackConsent = true;
        request.deadline = QDateTime::currentDateTimeUtc().addDays(3);
        request.agent = QStringLiteral("desk_anna");
        REQUIRE_FALSE(desk.enqueue(QLatin1String(journal::serverwrite::Forward),
                                   journal::forwardPayload(forwarded, request), &error)
                          .isEmpty());
        QTest::qWait(500);
        CHECK_FALSE(desk.isOnline());
        CHECK(desk.pendingWrites() == 13);

        REQUIRE(cluster.start(&error));
        REQUIRE(QTest::qWaitFor([&] { return desk.isOnline() && desk.pendingWrites() == 0; }, 10000));
    }
    CHECK(rejected.isEmpty());

    RawPg raw(agent); // as the agent: it may read the journal
    QSqlQuery q(raw.db());
    REQUIRE(
        q.exec(QStringLiteral("SELECT id, draft, outcome, case_number FROM journal_calls ORDER BY committed_at, id")));
    QStringList arrived;
    while (q.next()) {
        arrived << q.value(0).toString();
        CHECK(q.value(1).toInt() == 0);
    }
    // Exactly once: every call, none twice. In order: committed on the server in queue order.
    CHECK(arrived.size() == ids.size());
    CHECK(QSet<QString>(arrived.begin(), arrived.end()) == QSet<QString>(ids.begin(), ids.end()));
    QSqlQuery order(raw.db());
    REQUIRE(order.exec(QStringLiteral("SELECT id, committed_at FROM journal_calls")));
    QHash<QString, qint64> committedAt;
    while (order.next()) {
        committedAt.insert(order.value(0).toString(), order.value(1).toLongLong());
    }
    for (int i = 1; i < ids.size(); ++i) {
        INFO(i);
        CHECK(committedAt.value(ids[i - 1]) <= committedAt.value(ids[i]));
    }
    // The forward: a case numbered by the server's counter, its e-mail in the server's outbox.
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM journal_cases")).toInt() == 1);
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox_messages WHERE state = 'queued'")).toInt() == 1);
    CHECK(raw.scalar(QStringLiteral("SELECT case_number FROM journal_calls WHERE outcome = 'forwarded'"))
              .toString()
              .endsWith(QStringLiteral("-000001")));
    // The receipts (only the owner reads who submitted): one per call, all by this desk's login.
    RawPg owner(cluster.connection(agent.database));
    CHECK(owner.scalar(QStringLiteral("SELECT COUNT(*) FROM applied_writes")).toInt() == ids.size());
    CHECK(owner.scalar(QStringLiteral("SELECT COUNT(DISTINCT submitted_by) FROM applied_writes")).toInt() == 1);
    CHECK(owner.scalar(QStringLiteral("SELECT MIN(submitted_by) FROM applied_writes")).toString() ==
          QStringLiteral("desk_anna"));
}

TEST_CASE("pg desk: two desks book the last seat through the server: exactly one wins", "[pg][desk][appointments]")
{
    PgCluster &cluster = sharedCluster();
    const kb::PgConnection agent = serverWithDeskModules(QStringLiteral("desk_ben"));
    QString error;
    {
        RawPg raw(agent);
        RawPg owner(cluster.connection(agent.database));
        auto store = appointments::AppointmentStore::openOn(owner.db(), &error);
        REQUIRE(store);
        appointments::OfficeSchedule office;
        office.officeId = QStringLiteral("office-1");
        office.name = QStringLiteral("Bürgerbüro Altstadt");
        office.capacity = 1; // one counter: one seat per slot
        office.cellMinutes = 15;
        const auto hours = appointments::OfficeSchedule::parseHours(QStringLiteral("Mo-Fr 08:00-16:00"), &error);
        REQUIRE(hours);
        office.hours = *hours;
        REQUIRE(store->setOffice(office, &error));
    }
    const journal::BusinessCalendar calendar;
    const QDateTime slot = futureSlot(calendar);
    auto request = [&](const QString &citizen) {
        appointments::BookingRequest r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.officeId = QStringLiteral("office-1");
        r.serviceId = QStringLiteral("svc-perso");
        r.serviceTitle = QStringLiteral("Personalausweis beantragen");
        r.start = slot;
        r.durationMinutes = 15;
        r.citizenName = citizen;
        r.citizenEmail = QStringLiteral("buerger@example.org");
        r.agent = QStringLiteral("desk_ben");
        r.confirmation.send = true;
        r.confirmation.fromEmail = QStringLiteral("buergertelefon@dresden.example");
        return r;
    };

    // Both desks book while the server is down (the case where no desk can see the other's booking),
    // then the server returns and decides.
    QTemporaryDir dirA;
    QTemporaryDir dirB;
    kb::ReplicaSync deskA(deskOptions(dirA, agent));
    kb::ReplicaSync deskB(deskOptions(dirB, agent));
    QStringList delivered;
    QStringList refusals;
    for (kb::ReplicaSync *desk : {&deskA, &deskB}) {
        appointments::registerServerWriteKinds(*desk, calendar);
        QObject::connect(desk, &kb::ReplicaSync::writeDelivered,
                         [&](const QString &id, const QString &) { delivered << id; });
        QObject::connect(desk, &kb::ReplicaSync::writeRejected,
                         [&](const QString &id, const QString &, const QString &reason) {
                             refusals << id + QLatin1Char(' ') + reason;
                         });
        REQUIRE(desk->start(&error));
    }
    REQUIRE(cluster.stop(&error));
    REQUIRE(QTest::qWaitFor([&] { return !deskA.isOnline() && !deskB.isOnline(); }, 5000));
    const appointments::BookingRequest erika = request(QStringLiteral("Erika Mustermann"));
    const appointments::BookingRequest max = request(QStringLiteral("Max Mustermann"));
    const QString idA =
        deskA.enqueue(QLatin1String(appointments::serverwrite::Book), appointments::bookPayload(erika), &error);
    const QString idB =
        deskB.enqueue(QLatin1String(appointments::serverwrite::Book), appointments::bookPayload(max), &error);
    REQUIRE_FALSE(idA.isEmpty());
    REQUIRE_FALSE(idB.isEmpty());
    REQUIRE(cluster.start(&error));
    REQUIRE(QTest::qWaitFor([&] { return deskA.pendingWrites() == 0 && deskB.pendingWrites() == 0; }, 10000));

    REQUIRE(delivered.size() == 1);
    REQUIRE(refusals.size() == 1);
    CHECK((delivered.first() == idA) != (refusals.first().startsWith(idA)));
    CHECK(refusals.first().contains(QStringLiteral("taken")));
    CHECK(refusals.first().contains(QStringLiteral("office-1")));

    RawPg raw(agent);
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE state = 'booked'")).toInt() == 1);
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM appt_cells")).toInt() == 1);
    const QString winner = delivered.first() == idA ? erika.id : max.id;
    CHECK(raw.scalar(QStringLiteral("SELECT id FROM appt_bookings")).toString() == winner);
    // The winner's confirmation is in the server's outbox, the loser's is not.
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox_messages")).toInt() == 1);
    // The loser's desk knows it: the entry is kept as rejected with the server's reason.
    kb::ReplicaSync &loser = delivered.first() == idA ? deskB : deskA;
    CHECK(loser.queue()->rejected().size() == 1);
}

TEST_CASE("pg desk: the server refuses agents what only team leads may do", "[pg][desk][roles]")
{
    const kb::PgConnection agent = serverWithDeskModules(QStringLiteral("desk_carla"));
    RawPg raw(agent);
    QString error;
    CHECK_FALSE(raw.exec(QStringLiteral("INSERT INTO appt_offices (office_id, office_name, address, email, capacity, "
                                        "cell_minutes, updated_at) VALUES ('x', 'x', '', '', 1, 15, 0)"),
                         &error));
    CHECK(error.contains(QStringLiteral("permission denied")));
    CHECK_FALSE(raw.exec(QStringLiteral("DELETE FROM journal_calls"), &error));
    CHECK(error.contains(QStringLiteral("permission denied")));
    CHECK_FALSE(raw.exec(QStringLiteral("UPDATE journal_cases SET state = 'answered'"), &error));
    CHECK(error.contains(QStringLiteral("permission denied")));
    CHECK_FALSE(raw.exec(QStringLiteral("UPDATE schema_versions SET version = 9"), &error));
    CHECK(error.contains(QStringLiteral("permission denied")));
    // What an agent's desk does through the queue is allowed: reading the journal.
    CHECK(raw.exec(QStringLiteral("SELECT COUNT(*) FROM journal_calls"), &error));
}

TEST_CASE("pg desk: two desks' deliveries booking the last seat at the same instant: the server's key decides",
          "[pg][desk][appointments][concurrency]")
{
    PgCluster &cluster = sharedCluster();
    const kb::PgConnection agent = serverWithDeskModules(QStringLiteral("desk_dora"));
    QString error;
    {
        RawPg owner(cluster.connection(agent.database));
        auto store = appointments::AppointmentStore::openOn(owner.db(), &error);
        REQUIRE(store);
        appointments::OfficeSchedule office;
        office.officeId = QStringLiteral("office-2");
        office.name = QStringLiteral("Bürgerbüro Neustadt");
        office.capacity = 1;
        office.hours = *appointments::OfficeSchedule::parseHours(QStringLiteral("Mo-Fr 08:00-16:00"), &error);
        REQUIRE(store->setOffice(office, &error));
    }
    const journal::BusinessCalendar calendar;
    const QDateTime slot = futureSlot(calendar).addSecs(3600);

    // Each thread does what a desk's delivery does: one transaction with the receipt and the
    // booking (as a savepoint). Desk 2 books while desk 1's booking is written but not committed:
    // it reads "seat 1 is free" (uncommitted rows are invisible), its seat insert waits on the
    // primary key until desk 1 commits, and then fails: the server's key decides, not the read.
    std::latch start(2);
    std::latch firstBooked(1);
    std::atomic<int> won{0};
    std::atomic<int> taken{0};
    QStringList messages;
    std::mutex messageMutex;
    auto desk = [&](int n) {
        QString e;
        auto server = kb::openPgStore(agent, &e);
        std::unique_ptr<appointments::AppointmentStore> store;
        if (server) {
            store = appointments::AppointmentStore::openOn(server->database(), &e);
        }
        start.arrive_and_wait();
        if (n == 2) {
            firstBooked.wait();
        }
        if (!store || !server->beginTransaction(&e)) {
            if (n == 1) {
                firstBooked.count_down();
            }
            const std::lock_guard lock(messageMutex);
            messages << e;
            return;
        }
        QSqlDatabase db = server->database();
        QSqlQuery receipt(db);
        receipt.prepare(QStringLiteral("INSERT INTO applied_writes (id, kind, created_at) VALUES (gen_random_uuid(), "
                                       "'appointments.book', now())"));
        bool ok = receipt.exec();
        receipt.finish();
        appointments::BookingError code = appointments::BookingError::None;
        if (ok) {
            const hotline::db::OuterTransaction outer(db);
            appointments::BookingRequest r;
            r.officeId = QStringLiteral("office-2");
            r.start = slot;
            r.durationMinutes = 15;
            r.citizenName = QStringLiteral("Bürger %1").arg(n);
            r.agent = QStringLiteral("desk_dora");
            r.confirmation.send = false;
            appointments::Booking booking;
            ok = store->book(r, &booking, nullptr, &e, &code);
        }
        if (n == 1) {
            firstBooked.count_down();
            std::this_thread::sleep_for(std::chrono::milliseconds(1000)); // desk 2 is at its insert by now
        }
        ok = ok && server->commitTransaction(&e);
        if (!ok) {
            server->rollbackTransaction();
        }
        (ok ? won : taken)++;
        const std::lock_guard lock(messageMutex);
        if (!ok) {
            messages << e;
        }
    };
    std::thread a(desk, 1);
    std::thread b(desk, 2);
    a.join();
    b.join();
    CAPTURE(messages);
    CHECK(won == 1);
    CHECK(taken == 1);
    REQUIRE(messages.size() == 1);
    // The key's answer, not the free-seat read's ("all 1 counters are booked").
    CHECK(messages.first().contains(QStringLiteral("taken by another desk")));
    RawPg raw(agent);
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE office_id = 'office-2'")).toInt() == 1);
    CHECK(
        raw.scalar(QStringLiteral("SELECT citizen_name FROM appt_bookings WHERE office_id = 'office-2'")).toString() ==
        QStringLiteral("Bürger 1"));
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM appt_cells WHERE office_id = 'office-2'")).toInt() == 1);
}

TEST_CASE("pg desk: the deadline rules live on the server: a lead saves them, every desk reads them, an agent may not "
          "change them",
          "[pg][desk][roles][deadlines]")
{
    // One server with the desk modules and two logins, as hotline-admin-desk sets them up.
    const kb::PgConnection owner = freshPgDatabase(true);
    QString error;
    {
        RawPg raw(owner);
        REQUIRE(deskserver::migrateServer(raw.db(), &error));
        REQUIRE(
            kb::createPgUser(raw.db(), QStringLiteral("desk_greta"), QStringLiteral("pw"), kb::PgRole::Agent, &error));
        REQUIRE(
            kb::createPgUser(raw.db(), QStringLiteral("desk_lina"), QStringLiteral("pw"), kb::PgRole::Lead, &error));
    }
    kb::PgConnection agent = owner;
    agent.user = QStringLiteral("desk_greta");
    agent.password = QStringLiteral("pw");
    kb::PgConnection lead = owner;
    lead.user = QStringLiteral("desk_lina");
    lead.password = QStringLiteral("pw");

    RawPg leadDb(lead);
    RawPg agentDb(agent);
    auto leadJournal = journal::JournalStore::openOn(leadDb.db(), &error);
    INFO(error.toStdString());
    REQUIRE(leadJournal);
    auto agentJournal = journal::JournalStore::openOn(agentDb.db(), &error);
    REQUIRE(agentJournal);

    // Before any save every desk gets the default policy.
    const auto initial = agentJournal->deadlinePolicy(&error);
    REQUIRE(initial);
    CHECK(*initial == journal::DeadlinePolicy{});

    journal::DeadlinePolicy policy;
    policy.byOffice.insert(QStringLiteral("102522"),
                           journal::DeadlineRule{journal::DeadlineRule::Mode::WorkingHours, 16});
    policy.byService.insert(QStringLiteral("1063441"),
                            journal::DeadlineRule{journal::DeadlineRule::Mode::WorkingDays, 72});
    REQUIRE(leadJournal->setDeadlinePolicy(policy, &error, QStringLiteral("desk_lina")));
    const auto seen = agentJournal->deadlinePolicy(&error);
    REQUIRE(seen);
    CHECK(*seen == policy);
    CHECK(agentDb.scalar(QStringLiteral("SELECT updated_by FROM journal_settings WHERE name = 'deadline_policy'"))
              .toString() == QStringLiteral("desk_lina"));

    // An agent's login is refused by the server's grants, and the lead's policy stays.
    journal::DeadlinePolicy mine;
    mine.defaultRule.hours = 240;
    CHECK_FALSE(agentJournal->setDeadlinePolicy(mine, &error));
    CHECK(error.contains(QStringLiteral("permission denied")));
    CHECK(*leadJournal->deadlinePolicy() == policy);
    // Bad input is refused before it reaches the server.
    journal::DeadlinePolicy bad = policy;
    bad.byService.insert(QStringLiteral("x=y"), journal::DeadlineRule{});
    CHECK_FALSE(leadJournal->setDeadlinePolicy(bad, &error));
    CHECK(error.contains(QStringLiteral("x=y")));
    CHECK(*agentJournal->deadlinePolicy() == policy);
}
