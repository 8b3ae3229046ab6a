// Outbox against a real SMTP server (aiosmtpd on loopback): MIME as parsed by Python's email package,
// retry while the server is down, permanent rejection, and SIGKILL of the sending process mid-send.
#include <catch2/catch.hpp>

#include "dbsupport.h"
#include "message.h"
#include "outboxsender.h"
#include "outboxstore.h"
#include "outboxworker.h"
#include "smtpsink.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <csignal>

using namespace outbox;

namespace {

SmtpConfig plainConfig(int port)
{
    SmtpConfig c;
    c.host = QStringLiteral("127.0.0.1");
    c.port = port;
    c.security = SmtpConfig::Security::None;
    c.connectTimeoutSeconds = 2;
    c.responseTimeoutSeconds = 60;
    return c;
}

Message sampleMessage(const QString &to = QStringLiteral("buergerbuero@stadt.example"))
{
    Message m;
    m.from = {QStringLiteral("hotline@stadt.example"), QStringLiteral("Bürgertelefon 115 Dresden")};
    m.to = {{to, QStringLiteral("Bürgerbüro Altstadt")}};
    m.subject = QStringLiteral("[2026-000042] Anfrage: Personalausweis beantragen – Rückruf erbeten, "
                               "Frist Dienstag 15:00 Uhr (Grüße, ÄÖÜß €)");
    m.textBody = QStringLiteral("Guten Tag,\n\nFrau Müller fragt, ob sie für den Personalausweis ein biometrisches "
                                "Passbild mitbringen muss, das älter als sechs Monate ist. Eine sehr lange Zeile, die "
                                "weit über sechsundsiebzig Zeichen hinausgeht und umbrochen werden muss = ja.\n"
                                ".\n"
                                "Zeile mit Leerzeichen am Ende   \nEnde");
    m.reference = QStringLiteral("2026-000042");
    return m;
}

// A fresh outbox database in a temporary folder with one sample message queued: what most tests start from.
struct QueuedMessage
{
    QueuedMessage()
    {
        QString error;
        store = OutboxStore::open(db, &error);
        REQUIRE(store);
        REQUIRE(store->enqueue(m, &error));
    }

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("journal.db"));
    std::unique_ptr<OutboxStore> store;
    Message m = sampleMessage();
};

} // namespace

TEST_CASE("quoted-printable and encoded words survive Python's email parser", "[outbox][mime]")
{
    QTemporaryDir dir;
    Message m = sampleMessage();
    m.messageId = newMessageId(m.from.email);
    m.attachments.append({QStringLiteral("Termin-Bestätigung.ics"), QStringLiteral("text/calendar; charset=UTF-8"),
                          QStringLiteral("BEGIN:VCALENDAR\r\nSUMMARY:Bürgerbüro\r\nEND:VCALENDAR\r\n").toUtf8()});
    const QByteArray mime = buildMime(m, QDateTime(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC));
    for (const QByteArray &line : mime.split('\n')) {
        CHECK(line.size() <= 999);
        for (char c : line) {
            REQUIRE(static_cast<unsigned char>(c) < 128); // 7-bit clean
        }
    }
    CHECK(!mime.contains("\n\n")); // CRLF only
    const QString path = dir.filePath(QStringLiteral("m.eml"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(mime);
    f.close();
    QString error;
    const QJsonObject parsed = SmtpSink::parse(path, &error);
    INFO(error.toStdString());
    REQUIRE(!parsed.isEmpty());
    CHECK(parsed[QStringLiteral("subject")].toString() == m.subject);
    CHECK(parsed[QStringLiteral("from")].toString() ==
          QStringLiteral("Bürgertelefon 115 Dresden <hotline@stadt.example>"));
    CHECK(parsed[QStringLiteral("message_id")].toString() == m.messageId);
    CHECK(parsed[QStringLiteral("date")].toString() == QStringLiteral("Mon, 02 Mar 2026 09:30:00 +0000"));
    QString expectedBody = m.textBody;
    CHECK(parsed[QStringLiteral("body")].toString().trimmed() ==
          expectedBody.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).trimmed());
    const QJsonArray att = parsed[QStringLiteral("attachments")].toArray();
    REQUIRE(att.size() == 1);
    CHECK(att[0][QStringLiteral("filename")].toString() == QStringLiteral("Termin-Bestätigung.ics"));
    CHECK(att[0][QStringLiteral("content_type")].toString() == QStringLiteral("text/calendar"));
    CHECK(att[0][QStringLiteral("data")].toString().contains(QStringLiteral("SUMMARY:Bürgerbüro")));
    CHECK(parsed[QStringLiteral("defects")].toArray().isEmpty());
}

TEST_CASE("enqueue validates addresses and fills a stable Message-ID", "[outbox]")
{
    QTemporaryDir dir;
    QString error;
    auto store = OutboxStore::open(dir.filePath(QStringLiteral("journal.db")), &error);
    REQUIRE(store);
    Message bad = sampleMessage(QStringLiteral("not an address"));
    CHECK_FALSE(store->enqueue(bad, &error));
    CHECK(error.contains(QStringLiteral("not an address")));
    Message m = sampleMessage();
    REQUIRE(store->enqueue(m, &error));
    CHECK(m.messageId.startsWith(QStringLiteral("<")));
    CHECK(m.messageId.endsWith(QStringLiteral("@stadt.example>")));
    const auto e = store->entry(m.id);
    REQUIRE(e);
    CHECK(e->state == State::Queued);
    CHECK(e->messageId == m.messageId);
    CHECK(store->mime(m.id)->contains(("Message-ID: " + m.messageId).toLatin1()));
}

TEST_CASE("a schema newer than the build is refused", "[outbox][migration]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.db"));
    QString error;
    {
        auto store = OutboxStore::open(path, &error);
        REQUIRE(store);
    }
    {
        const QString name = QStringLiteral("bump");
        QSqlDatabase db;
        REQUIRE(hotline::db::openSqlite(path, name, &db, &error));
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("UPDATE schema_versions SET version = 99 WHERE component = 'outbox'")));
        q.finish();
        db = QSqlDatabase();
        hotline::db::closeConnection(name);
    }
    CHECK_FALSE(OutboxStore::open(path, &error));
    CHECK(error.contains(QStringLiteral("newer than this build")));
}

TEST_CASE_METHOD(QueuedMessage, "a message is delivered once to a real SMTP server with its headers intact",
                 "[outbox][smtp]")
{
    SmtpSink sink;
    QString error;
    REQUIRE(sink.start(&error));

    OutboxWorker worker(db, plainConfig(sink.port()));
    REQUIRE(worker.open(&error));
    CHECK(worker.processDue(QDateTime::currentDateTimeUtc(), &error) == 1);
    CHECK(worker.processDue(QDateTime::currentDateTimeUtc(), &error) == 0); // nothing left

    const auto e = store->entry(m.id);
    REQUIRE(e);
    CHECK(e->state == State::Sent);
    CHECK(e->attempts == 1);
    CHECK(e->lastCode == 250);
    REQUIRE(sink.messageFiles().size() == 1);
    const QJsonObject parsed = SmtpSink::parse(sink.messageFiles().first(), &error);
    CHECK(parsed[QStringLiteral("subject")].toString() == m.subject);
    CHECK(parsed[QStringLiteral("message_id")].toString() == m.messageId);
    CHECK(parsed[QStringLiteral("to")].toString() ==
          QStringLiteral("Bürgerbüro Altstadt <buergerbuero@stadt.example>"));
}

TEST_CASE_METHOD(QueuedMessage, "server down: the outbox retries with backoff and delivers exactly once when it is up",
                 "[outbox][smtp]")
{
    SmtpSink sink; // not started yet: the port refuses connections
    QString error;

    RetryPolicy policy;
    policy.initialDelayMs = 100;
    policy.factor = 2.0;
    policy.maxDelayMs = 400;
    OutboxSender sender(db, plainConfig(sink.port()), policy);
    QSignalSpy deferred(&sender, &OutboxSender::messageDeferred);
    QSignalSpy sent(&sender, &OutboxSender::messageSent);
    QSignalSpy recovered(&sender, &OutboxSender::recovered);
    sender.start();
    REQUIRE(waitFor([&] { return deferred.count() >= 3; }, 15000));
    CHECK(deferred.first().at(0).toString() == m.id);
    REQUIRE(recovered.count() == 1); // nothing was interrupted before
    CHECK(recovered.first().at(0).toInt() == 0);
    CHECK(recovered.first().at(1).toInt() == 0);
    CHECK(!deferred.first().at(2).toString().isEmpty()); // the connection error, visible to the agent
    auto e = store->entry(m.id);
    REQUIRE(e);
    CHECK(e->state != State::Sent);
    CHECK(e->lastCode == 0);
    CHECK(!e->lastError.isEmpty());

    REQUIRE(sink.start(&error));
    REQUIRE(waitFor([&] { return sent.count() == 1; }, 15000));
    waitFor([] { return false; }, 600); // any further attempt would land now
    sender.stop();
    CHECK(sent.count() == 1);
    CHECK(sink.messageFiles().size() == 1);
    e = store->entry(m.id);
    CHECK(e->state == State::Sent);
    CHECK(e->attempts >= 4);
}

TEST_CASE("a rejected recipient fails permanently with the server's reply", "[outbox][smtp]")
{
    SmtpSink sink({QStringLiteral("nobody@stadt.example")});
    QString error;
    REQUIRE(sink.start(&error));
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("journal.db"));
    auto store = OutboxStore::open(db, &error);
    Message m = sampleMessage(QStringLiteral("nobody@stadt.example"));
    REQUIRE(store->enqueue(m, &error));
    OutboxWorker worker(db, plainConfig(sink.port()));
    REQUIRE(worker.open(&error));
    QList<SendEvent> events;
    worker.setEventHandler([&events](const SendEvent &ev) { events << ev; });
    CHECK(worker.processDue(QDateTime::currentDateTimeUtc()) == 1);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == SendEvent::Kind::Failed);
    const auto e = store->entry(m.id);
    CHECK(e->state == State::Failed);
    CHECK(e->lastCode == 550);
    CHECK(e->lastError.contains(QStringLiteral("Recipient address rejected")));
    CHECK(e->lastError.startsWith(QStringLiteral("550")));
    // Not retried on its own…
    CHECK(worker.processDue(QDateTime::currentDateTimeUtc().addDays(1)) == 0);
    CHECK(sink.messageFiles().isEmpty());
    // …only when a person puts it back (e.g. after correcting the address in the case).
    CHECK(store->retry(m.id, &error));
    CHECK(store->entry(m.id)->state == State::Queued);
}

namespace {

// Starts hotline-outbox-send as a child process, waits until the server sits in `phase`, SIGKILLs it.
void killSenderDuring(SmtpSink &sink, const QString &db, const QString &phase)
{
    sink.setDelay(phase, true);
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(HOTLINE_OUTBOX_SEND),
                {QStringLiteral("--db"), db, QStringLiteral("--port"), QString::number(sink.port()),
                 QStringLiteral("--security"), QStringLiteral("none")});
    REQUIRE(child.waitForStarted(5000));
    REQUIRE(waitFor([&] { return sink.phaseReached(phase); }, 15000));
    ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
    REQUIRE(child.waitForFinished(5000));
    CHECK(child.exitStatus() == QProcess::CrashExit);
    sink.setDelay(phase, false);
}

} // namespace

TEST_CASE_METHOD(QueuedMessage, "killed before the message was complete: re-sent after restart, delivered once",
                 "[outbox][smtp][crash]")
{
    SmtpSink sink;
    QString error;
    REQUIRE(sink.start(&error));

    killSenderDuring(sink, db, QStringLiteral("rcpt"));
    CHECK(store->entry(m.id)->state == State::Sending); // what the crash left behind
    CHECK(sink.messageFiles().isEmpty());

    OutboxWorker restarted(db, plainConfig(sink.port()));
    REQUIRE(restarted.open(&error));         // the dead sender's lock is taken over
    CHECK(restarted.recoveredQueued() == 1); // recovery: queued again
    CHECK(store->entry(m.id)->state == State::Queued);
    CHECK(restarted.processDue(QDateTime::currentDateTimeUtc()) == 1);
    CHECK(store->entry(m.id)->state == State::Sent);
    REQUIRE(sink.messageFiles().size() == 1);
    CHECK(SmtpSink::parse(sink.messageFiles().first(), &error)[QStringLiteral("message_id")].toString() == m.messageId);
}

TEST_CASE_METHOD(QueuedMessage, "killed after the server took the whole message: not sent twice, shown as unconfirmed",
                 "[outbox][smtp][crash]")
{
    SmtpSink sink;
    QString error;
    REQUIRE(sink.start(&error));
    Message other = sampleMessage(QStringLiteral("standesamt@stadt.example"));

    killSenderDuring(sink, db, QStringLiteral("data"));
    REQUIRE(sink.messageFiles().size() == 1); // the server has it, the reply never arrived
    REQUIRE(store->enqueue(other, &error));   // queued while the desk was down

    OutboxWorker restarted(db, plainConfig(sink.port()));
    REQUIRE(restarted.open(&error));
    CHECK(restarted.recoveredUnconfirmed() == 1);
    const auto e = store->entry(m.id);
    CHECK(e->state == State::Unconfirmed);
    CHECK(e->lastError.contains(QStringLiteral("may have been delivered")));
    CHECK(restarted.processDue(QDateTime::currentDateTimeUtc()) == 1); // only the other one
    CHECK(store->entry(other.id)->state == State::Sent);
    CHECK(store->entry(m.id)->state == State::Unconfirmed);
    REQUIRE(sink.messageFiles().size() == 2);
    QStringList ids;
    for (const QString &f : sink.messageFiles()) {
        ids << SmtpSink::parse(f, &error)[QStringLiteral("message_id")].toString();
    }
    CHECK(ids.count(m.messageId) == 1);
    CHECK(ids.count(other.messageId) == 1);
}

TEST_CASE("backoff grows exponentially up to its cap", "[outbox]")
{
    RetryPolicy p;
    p.initialDelayMs = 1000;
    p.factor = 2;
    p.maxDelayMs = 5000;
    CHECK(p.delayAfter(1) == 1000);
    CHECK(p.delayAfter(2) == 2000);
    CHECK(p.delayAfter(3) == 4000);
    CHECK(p.delayAfter(4) == 5000);
    CHECK(p.delayAfter(40) == 5000);
}

TEST_CASE_METHOD(QueuedMessage,
                 "STARTTLS with login: a wrong password waits with the server reply, the right one delivers",
                 "[outbox][smtp][tls]")
{
    SmtpSink sink;
    QString error;
    REQUIRE(sink.enableTls(false, &error));
    sink.requireLogin(QStringLiteral("hotline"), QStringLiteral("s3cret-Passwort"));
    REQUIRE(sink.start(&error));

    SmtpConfig config = plainConfig(sink.port());
    config.security = SmtpConfig::Security::StartTls;
    config.caFile = sink.certificateFile(); // verified against the test CA, not switched off
    config.user = QStringLiteral("hotline");
    config.password = QStringLiteral("wrong");
    {
        OutboxWorker worker(db, config);
        REQUIRE(worker.open(&error));
        QList<SendEvent> events;
        worker.setEventHandler([&events](const SendEvent &ev) { events << ev; });
        worker.processDue(QDateTime::currentDateTimeUtc());
        REQUIRE(events.size() == 1);
        // Not the message's fault: it stays queued (retried with backoff), the reply visible.
        CHECK(events[0].kind == SendEvent::Kind::Deferred);
        CHECK(events[0].code == 535);
        CHECK(store->entry(m.id)->state == State::Queued);
        CHECK(store->entry(m.id)->lastError.startsWith(QStringLiteral("535")));
        CHECK(sink.messageFiles().isEmpty());
    }
    {
        OutboxWorker worker(db, config);
        worker.setPassword(QStringLiteral("s3cret-Passwort")); // fixed in the keychain
        REQUIRE(worker.open(&error));
        CHECK(worker.processDue(QDateTime::currentDateTimeUtc().addSecs(3600)) == 1);
        CHECK(store->entry(m.id)->state == State::Sent);
        REQUIRE(sink.messageFiles().size() == 1);
    }

    // An untrusted certificate stops the client before the login: the password never goes to a
    // server it cannot verify. Kept as a retry (the admin fixes the CA), with the reason visible.
    Message again = sampleMessage();
    REQUIRE(store->enqueue(again, &error));
    SmtpConfig noCa = config;
    noCa.caFile.clear(); // the self-signed certificate is not trusted
    noCa.password = QStringLiteral("s3cret-Passwort");
    OutboxWorker untrusted(db, noCa);
    REQUIRE(untrusted.open(&error));
    QList<SendEvent> events;
    untrusted.setEventHandler([&events](const SendEvent &ev) { events << ev; });
    untrusted.processDue(QDateTime::currentDateTimeUtc());
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == SendEvent::Kind::Deferred);
    CHECK(events[0].reply.contains(QStringLiteral("certificate"), Qt::CaseInsensitive));
    CHECK(sink.messageFiles().size() == 1);
}

TEST_CASE_METHOD(QueuedMessage, "implicit TLS (smtps)", "[outbox][smtp][tls]")
{
    SmtpSink sink;
    QString error;
    REQUIRE(sink.enableTls(true, &error));
    REQUIRE(sink.start(&error));
    SmtpConfig config = plainConfig(sink.port());
    config.security = SmtpConfig::Security::Tls;
    config.caFile = sink.certificateFile();
    OutboxWorker worker(db, config);
    REQUIRE(worker.open(&error));
    CHECK(worker.processDue(QDateTime::currentDateTimeUtc()) == 1);
    CHECK(store->entry(m.id)->state == State::Sent);
    CHECK(sink.messageFiles().size() == 1);
}

TEST_CASE("only one sender per database: a second one is refused while the first lives", "[outbox]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("journal.db"));
    QString error;
    auto first = std::make_unique<OutboxWorker>(db, plainConfig(1));
    REQUIRE(first->open(&error));
    OutboxWorker second(db, plainConfig(1));
    CHECK_FALSE(second.open(&error));
    CHECK(error.contains(QStringLiteral("another outbox sender")));
    first.reset();
    OutboxWorker third(db, plainConfig(1));
    CHECK(third.open(&error));
}
