// The sender of the shared store's outbox (hotline-outbox-service) against a real PostgreSQL 15 and a
// real SMTP server (aiosmtpd): a forward queued by a desk through the real queue kind is sent once;
// two senders at once send every message exactly once; a sender killed in the middle of a send
// neither loses the message nor lets another sender send it twice; SMTP down then up; the service
// woken by NOTIFY; reconnecting after the server went away; the sender's and the agents' rights.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"
#include "pgtestutil.h"
#include "smtpsink.h"

#include "deskserver.h"
#include "journalqueue.h"
#include "message.h"
#include "outboxstore.h"
#include "pgstore.h"
#include "replicasync.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtCore/qtestsupport_core.h>

#include <csignal>

using namespace hotline::test;

namespace {

constexpr const char *SenderPassword = "absender-geheim";

struct Server
{
    kb::PgConnection owner;
    kb::PgConnection agent;
    kb::PgConnection sender;
};

// A fresh database with the catalogue schema, the desk modules, an agent login and a sender login
// (made by the real hotline-admin-desk user add … --role sender).
Server makeServer(const QString &suffix)
{
    Server s;
    s.owner = freshPgDatabase(true);
    {
        RawPg raw(s.owner);
        QString error;
        const bool migrated = deskserver::migrateServer(raw.db(), &error);
        INFO(error.toStdString());
        REQUIRE(migrated);
        REQUIRE(kb::createPgUser(raw.db(), QStringLiteral("agent_") + suffix, QStringLiteral("pw"), kb::PgRole::Agent,
                                 &error));
    }
    s.agent = s.owner;
    s.agent.user = QStringLiteral("agent_") + suffix;
    s.agent.password = QStringLiteral("pw");

    QProcess admin;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), s.owner.password);
    env.insert(QStringLiteral("HOTLINE_NEW_PASSWORD"), QLatin1String(SenderPassword));
    admin.setProcessEnvironment(env);
    admin.start(QStringLiteral(HOTLINE_ADMIN_DESK_CLI),
                {QStringLiteral("--host"), s.owner.host, QStringLiteral("--port"), QString::number(s.owner.port),
                 QStringLiteral("--db"), s.owner.database, QStringLiteral("--user"), s.owner.user,
                 QStringLiteral("--sslmode"), QStringLiteral("disable"), QStringLiteral("user"), QStringLiteral("add"),
                 QStringLiteral("sender_") + suffix, QStringLiteral("--role"), QStringLiteral("sender")});
    REQUIRE(admin.waitForFinished(30000));
    INFO(admin.readAllStandardError().toStdString());
    REQUIRE(admin.exitCode() == 0);
    s.sender = s.owner;
    s.sender.user = QStringLiteral("sender_") + suffix;
    s.sender.password = QLatin1String(SenderPassword);
    return s;
}

QStringList serviceArguments(const kb::PgConnection &server, int smtpPort, const QStringList &extra)
{
    return QStringList{QStringLiteral("--host"),
                       server.host,
                       QStringLiteral("--port"),
                       QString::number(server.port),
                       QStringLiteral("--db"),
                       server.database,
                       QStringLiteral("--user"),
                       server.user,
                       QStringLiteral("--sslmode"),
                       QStringLiteral("disable"),
                       QStringLiteral("--smtp-host"),
                       QStringLiteral("127.0.0.1"),
                       QStringLiteral("--smtp-port"),
                       QString::number(smtpPort),
                       QStringLiteral("--smtp-security"),
                       QStringLiteral("none")} +
           extra;
}

void startService(QProcess &process, const kb::PgConnection &server, int smtpPort, const QStringList &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), server.password);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HOTLINE_OUTBOX_SERVICE), serviceArguments(server, smtpPort, extra));
    REQUIRE(process.waitForStarted(10000));
}

// Runs `--once` to the end; returns the exit code, stdout in *output.
int runOnce(const kb::PgConnection &server, int smtpPort, QString *output = nullptr)
{
    QProcess process;
    startService(process, server, smtpPort, {QStringLiteral("--once")});
    REQUIRE(process.waitForFinished(60000));
    const QString stderrText = QString::fromUtf8(process.readAllStandardError());
    if (output) {
        *output = QString::fromUtf8(process.readAllStandardOutput());
    }
    INFO(stderrText.toStdString());
    return process.exitCode();
}

outbox::Message mail(int n)
{
    outbox::Message m;
    m.from = {QStringLiteral("buergertelefon@dresden.example"), QStringLiteral("Bürgertelefon Dresden")};
    m.to = {{QStringLiteral("buergerbuero@dresden.example"), QStringLiteral("Bürgerbüro Altstadt")}};
    m.subject = QStringLiteral("[2026-%1] Anfrage weitergeleitet").arg(n, 6, 10, QLatin1Char('0'));
    m.textBody = QStringLiteral("Guten Tag,\n\nRückruf erbeten (Nachricht %1).\n").arg(n);
    m.reference = QStringLiteral("2026-%1").arg(n, 6, 10, QLatin1Char('0'));
    return m;
}

// Queues `count` messages on the server as a desk's forward would (owner connection, real store).
QStringList queueMessages(const kb::PgConnection &owner, int count, int first = 1)
{
    RawPg raw(owner);
    QString error;
    auto store = outbox::OutboxStore::openOn(raw.db(), &error);
    INFO(error.toStdString());
    REQUIRE(store);
    QStringList ids;
    for (int n = first; n < first + count; ++n) {
        outbox::Message m = mail(n);
        REQUIRE(store->enqueue(m, &error));
        ids << m.messageId;
    }
    return ids;
}

// Message-IDs of everything the SMTP server accepted.
QStringList receivedMessageIds(const SmtpSink &sink)
{
    QStringList ids;
    for (const QString &file : sink.messageFiles()) {
        QString error;
        ids << SmtpSink::parse(file, &error)[QStringLiteral("message_id")].toString();
    }
    return ids;
}

} // namespace

TEST_CASE("pg outbox: a desk's forward queued through the server is sent once by the server-mode sender",
          "[pg][outbox][service]")
{
    const Server server = makeServer(QStringLiteral("fwd"));
    SmtpSink sink;
    QString error;
    REQUIRE(sink.start(&error));

    // The desk forwards a call: queue kind outbox.forward, delivered by the real ReplicaSync.
    QTemporaryDir dir;
    {
        kb::ReplicaSyncOptions o;
        o.server = server.agent;
        o.replicaPath = dir.filePath(QStringLiteral("replica.db"));
        o.queuePath = dir.filePath(QStringLiteral("queue.db"));
        o.heartbeatMs = 200;
        o.reconnectMs = 200;
        kb::ReplicaSync desk(o);
        journal::registerServerWriteKinds(desk);
        REQUIRE(desk.start(&error));
        journal::CallRecord call;
        call.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        call.offeredAt = QDateTime::currentDateTimeUtc().addSecs(-300);
        call.answeredAt = call.offeredAt.addSecs(5);
        call.endedAt = call.answeredAt.addSecs(180);
        call.callerNumber = QStringLiteral("0351 4880123");
        call.line = QStringLiteral("115");
        call.agent = QStringLiteral("agent_fwd");
        call.serviceIds = {QStringLiteral("svc-1")};
        call.outcome = journal::Outcome::ForwardedByEmail;
        call.draft = false;
        journal::ForwardRequest request;
        request.fromEmail = QStringLiteral("buergertelefon@dresden.example");
        request.fromName = QStringLiteral("Bürgertelefon Dresden");
        request.officeId = QStringLiteral("office-1");
        request.officeName = QStringLiteral("Bürgerbüro Altstadt");
        request.officeEmail = QStringLiteral("buergerbuero@dresden.example");
        request.serviceId = QStringLiteral("svc-1");
        request.serviceTitle = QStringLiteral("Personalausweis beantragen");
        request.question = QStringLiteral("Kann ich den Ausweis per Post bekommen?");
        request.callbackName = QStringLiteral("Erika Mustermann");
        request.callbackPhone = QStringLiteral("0351 1234567");
        request.callbackConsent = true;
        request.deadline = QDateTime::currentDateTimeUtc().addDays(3);
        request.agent = QStringLiteral("agent_fwd");
        REQUIRE_FALSE(
            desk.enqueue(QLatin1String(journal::serverwrite::Forward), journal::forwardPayload(call, request), &error)
                .isEmpty());
        REQUIRE(QTest::qWaitFor([&] { return desk.pendingWrites() == 0; }, 10000));
    }
    RawPg owner(server.owner);
    REQUIRE(owner.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox_messages WHERE state = 'queued'")).toInt() == 1);
    const QString caseNumber = owner.scalar(QStringLiteral("SELECT reference FROM outbox_messages")).toString();

    QString output;
    CHECK(runOnce(server.sender, sink.port(), &output) == 0);
    CHECK(output.startsWith(QStringLiteral("connected to")));
    CHECK(output.contains(QStringLiteral("\nsent ")));
    REQUIRE(sink.messageFiles().size() == 1);
    const QJsonObject parsed = SmtpSink::parse(sink.messageFiles().constFirst(), &error);
    CHECK(parsed[QStringLiteral("subject")].toString().contains(caseNumber));
    CHECK(parsed[QStringLiteral("message_id")].toString() ==
          owner.scalar(QStringLiteral("SELECT message_id FROM outbox_messages")).toString());
    CHECK(owner.scalar(QStringLiteral("SELECT state || ':' || attempts || ':' || last_code FROM outbox_messages"))
              .toString() == QStringLiteral("sent:1:250"));

    // A second run finds nothing to send.
    CHECK(runOnce(server.sender, sink.port(), &output) == 0);
    CHECK_FALSE(output.contains(QStringLiteral("sent ")));
    CHECK(sink.messageFiles().size() == 1);
}

TEST_CASE("pg outbox: two senders at once send every message exactly once", "[pg][outbox][service][concurrency]")
{
    const Server server = makeServer(QStringLiteral("two"));
    SmtpSink sink;
    QString error;
    REQUIRE(sink.start(&error));
    const QStringList ids = queueMessages(server.owner, 30);

    QProcess a;
    QProcess b;
    startService(a, server.sender, sink.port(), {QStringLiteral("--once")});
    startService(b, server.sender, sink.port(), {QStringLiteral("--once")});
    REQUIRE(a.waitForFinished(120000));
    REQUIRE(b.waitForFinished(120000));
    INFO(a.readAllStandardError().toStdString() + b.readAllStandardError().toStdString());
    CHECK(a.exitCode() == 0);
    CHECK(b.exitCode() == 0);
    const int sentByA = QString::fromUtf8(a.readAllStandardOutput()).count(QStringLiteral("\nsent "));
    const int sentByB = QString::fromUtf8(b.readAllStandardOutput()).count(QStringLiteral("\nsent "));
    CHECK(sentByA + sentByB == 30);

    const QStringList received = receivedMessageIds(sink);
    CHECK(received.size() == 30);
    CHECK(QSet<QString>(received.begin(), received.end()) == QSet<QString>(ids.begin(), ids.end()));
    RawPg owner(server.owner);
    CHECK(owner.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox_messages WHERE state = 'sent' AND attempts = 1"))
              .toInt() == 30);
}

TEST_CASE("pg outbox: a sender killed mid-send: a live send is left alone, the dead one is sent once by another",
          "[pg][outbox][service][crash]")
{
    const Server server = makeServer(QStringLiteral("kill"));
    qputenv("SMTP_SINK_DELAY", "60");
    SmtpSink sink;
    QString error;
    REQUIRE(sink.start(&error));
    qunsetenv("SMTP_SINK_DELAY");
    const QStringList ids = queueMessages(server.owner, 1);
    RawPg owner(server.owner);

    // Sender A hangs in RCPT (before any data): its message is "sending".
    sink.setDelay(QStringLiteral("rcpt"), true);
    QProcess a;
    startService(a, server.sender, sink.port(), {QStringLiteral("--once")});
    REQUIRE(QTest::qWaitFor([&] { return sink.phaseReached(QStringLiteral("rcpt")); }, 20000));
    CHECK(owner.scalar(QStringLiteral("SELECT state FROM outbox_messages")).toString() == QStringLiteral("sending"));

    // While A lives, B neither recovers nor sends A's message.
    sink.setDelay(QStringLiteral("rcpt"), false);
    QString output;
    CHECK(runOnce(server.sender, sink.port(), &output) == 0);
    CHECK_FALSE(output.contains(QStringLiteral("sent ")));
    CHECK(owner.scalar(QStringLiteral("SELECT state FROM outbox_messages")).toString() == QStringLiteral("sending"));

    // A dies without a word (SIGKILL): its session and lock go with it; B re-queues and sends it once.
    ::kill(static_cast<pid_t>(a.processId()), SIGKILL);
    REQUIRE(a.waitForFinished(10000));
    REQUIRE(QTest::qWaitFor(
        [&] {
            return owner.scalar(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE usename = 'sender_kill'"))
                       .toInt() == 0;
        },
        10000));
    CHECK(runOnce(server.sender, sink.port(), &output) == 0);
    CHECK(output.contains(QStringLiteral("recovered interrupted sends: 1 queued again, 0 unconfirmed")));
    CHECK(output.contains(QStringLiteral("\nsent ")));
    CHECK(receivedMessageIds(sink) == ids);
    CHECK(owner.scalar(QStringLiteral("SELECT state || ':' || attempts FROM outbox_messages")).toString() ==
          QStringLiteral("sent:2"));
}

TEST_CASE("pg outbox: the service sends within seconds of an insert (NOTIFY), retries while SMTP is down, "
          "and stops on SIGTERM",
          "[pg][outbox][service][notify]")
{
    const Server server = makeServer(QStringLiteral("svc"));
    SmtpSink sink; // not started yet: SMTP is down
    QString error;

    QProcess service;
    // No periodic check for a minute: only NOTIFY can wake it up quickly.
    startService(service, server.sender, sink.port(),
                 {QStringLiteral("--poll"), QStringLiteral("60"), QStringLiteral("--retry-initial"),
                  QStringLiteral("1"), QStringLiteral("--reconnect"), QStringLiteral("0.3")});
    REQUIRE(QTest::qWaitFor([&] { return service.readAllStandardOutput().contains("connected to"); }, 10000));
    RawPg owner(server.owner);

    // SMTP down: deferred, retried after a second; the server comes up and the retry delivers it.
    const QStringList first = queueMessages(server.owner, 1, 1);
    // The first attempt is recorded as deferred: back in the queue with the reason.
    REQUIRE(QTest::qWaitFor(
        [&] {
            return owner
                       .scalar(QStringLiteral("SELECT COUNT(*) FROM outbox_messages WHERE state = 'queued' AND "
                                              "attempts >= 1 AND last_error <> ''"))
                       .toInt() == 1;
        },
        5000));
    REQUIRE(sink.start(&error));
    REQUIRE(QTest::qWaitFor([&] { return sink.messageFiles().size() == 1; }, 15000));
    CHECK(receivedMessageIds(sink) == first);
    CHECK(owner.scalar(QStringLiteral("SELECT state FROM outbox_messages")).toString() == QStringLiteral("sent"));

    // Inserted while the service waits: NOTIFY wakes it (the periodic check is a minute away).
    QElapsedTimer clock;
    clock.start();
    const QStringList second = queueMessages(server.owner, 1, 2);
    REQUIRE(QTest::qWaitFor([&] { return sink.messageFiles().size() == 2; }, 5000));
    INFO("sent after " << clock.elapsed() << " ms");
    CHECK(clock.elapsed() < 3000);

    // SIGTERM: ends cleanly.
    service.terminate();
    REQUIRE(service.waitForFinished(10000));
    CHECK(service.exitStatus() == QProcess::NormalExit);
    CHECK(service.exitCode() == 0);
}

TEST_CASE("pg outbox: the service reconnects after the server went away", "[pg][outbox][service][reconnect]")
{
    PgCluster &cluster = sharedCluster();
    const Server server = makeServer(QStringLiteral("again"));
    SmtpSink sink;
    QString error;
    REQUIRE(sink.start(&error));
    QProcess service;
    startService(service, server.sender, sink.port(),
                 {QStringLiteral("--poll"), QStringLiteral("1"), QStringLiteral("--reconnect"), QStringLiteral("0.3")});
    REQUIRE(QTest::qWaitFor([&] { return service.readAllStandardOutput().contains("connected to"); }, 10000));

    REQUIRE(cluster.stop(&error));
    REQUIRE(QTest::qWaitFor([&] { return service.readAllStandardError().contains("lost the server"); }, 10000));
    QTest::qWait(500); // a few failed attempts while it is down
    REQUIRE(cluster.start(&error));
    REQUIRE(QTest::qWaitFor([&] { return service.readAllStandardOutput().contains("connected to"); }, 10000));
    const QStringList ids = queueMessages(server.owner, 2);
    REQUIRE(QTest::qWaitFor([&] { return sink.messageFiles().size() == 2; }, 5000));
    const QStringList received = receivedMessageIds(sink);
    CHECK(QSet<QString>(received.begin(), received.end()) == QSet<QString>(ids.begin(), ids.end()));
    service.terminate();
    REQUIRE(service.waitForFinished(10000));
    CHECK(service.exitCode() == 0);
}

TEST_CASE("pg outbox: the sender's login may only record send states, an agent's may not mark messages sent",
          "[pg][outbox][roles]")
{
    {
        // hotline-admin-desk makes only sender logins; desk logins are hotline-admin's.
        const kb::PgConnection params = freshPgDatabase(true);
        QProcess admin;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), params.password);
        env.insert(QStringLiteral("HOTLINE_NEW_PASSWORD"), QStringLiteral("x-y-z-1234"));
        admin.setProcessEnvironment(env);
        const QStringList connection{QStringLiteral("--host"),    params.host,
                                     QStringLiteral("--port"),    QString::number(params.port),
                                     QStringLiteral("--db"),      params.database,
                                     QStringLiteral("--user"),    params.user,
                                     QStringLiteral("--sslmode"), QStringLiteral("disable")};
        admin.start(QStringLiteral(HOTLINE_ADMIN_DESK_CLI),
                    connection + QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x_lead"),
                                             QStringLiteral("--role"), QStringLiteral("lead")});
        REQUIRE(admin.waitForFinished(30000));
        CHECK(admin.exitCode() == 2);
        CHECK(QString::fromUtf8(admin.readAllStandardError()).contains(QStringLiteral("--role must be sender")));
    }
    const Server server = makeServer(QStringLiteral("rights"));
    queueMessages(server.owner, 1);
    {
        RawPg agent(server.agent);
        QSqlQuery q(agent.db());
        CHECK_FALSE(q.exec(QStringLiteral("UPDATE outbox_messages SET state = 'sent'")));
        CHECK(q.lastError().text().contains(QStringLiteral("permission denied")));
    }
    RawPg sender(server.sender);
    QSqlQuery q(sender.db());
    CHECK(q.exec(QStringLiteral("UPDATE outbox_messages SET attempts = attempts")));
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE outbox_messages SET recipients = 'attacker@example.org'")));
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM outbox_messages")));
    CHECK_FALSE(q.exec(QStringLiteral("INSERT INTO outbox_messages (id, message_id, sender, recipients, subject, mime, "
                                      "state, created_at, next_attempt_at) VALUES ('x', 'x', 'a@b', 'c@d', 's', 'm', "
                                      "'queued', 0, 0)")));
    CHECK_FALSE(q.exec(QStringLiteral("SELECT COUNT(*) FROM journal_calls")));
    CHECK_FALSE(q.exec(QStringLiteral("SELECT COUNT(*) FROM articles")));
    RawPg owner(server.owner);
    CHECK(owner.scalar(QStringLiteral("SELECT recipients FROM outbox_messages")).toString() ==
          QStringLiteral("buergerbuero@dresden.example"));
}
