// The forward e-mail end to end: committed with its case, sent by the outbox to a real SMTP server
// (aiosmtpd), parsed back with Python's email package; a rejected office address leaves the case open.
#include <catch2/catch.hpp>

#include "businesscalendar.h"
#include "journalstore.h"
#include "outboxstore.h"
#include "outboxworker.h"
#include "smtpsink.h"

#include "article.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace journal;

namespace {

outbox::SmtpConfig sinkConfig(const SmtpSink &sink)
{
    outbox::SmtpConfig c;
    c.host = QStringLiteral("127.0.0.1");
    c.port = sink.port();
    c.security = outbox::SmtpConfig::Security::None;
    c.connectTimeoutSeconds = 2;
    return c;
}

ForwardRequest request(const QString &officeEmail, bool consent)
{
    kb::Article article;
    article.id = QStringLiteral("10115");
    article.title = QStringLiteral("Personalausweis beantragen");
    kb::Office office;
    office.id = QStringLiteral("o7");
    office.name = QStringLiteral("Bürgerbüro Altstadt");
    office.email = officeEmail;
    ForwardRequest r = prefillForward(article, office);
    r.fromEmail = QStringLiteral("hotline@stadt.example");
    r.fromName = QStringLiteral("Bürgertelefon 115 Dresden");
    r.question =
        QStringLiteral("Frau Müller möchte wissen, ob ihr alter Ausweis (abgelaufen 2019) als Nachweis reicht.");
    r.callbackName = QStringLiteral("Erika Müller");
    r.callbackPhone = QStringLiteral("+49 351 9876543");
    r.callbackEmail = QStringLiteral("erika.mueller@example.org");
    r.callbackConsent = consent;
    r.deadline = BusinessCalendar().deadline(QDateTime(QDate(2026, 4, 2), QTime(10, 0), BusinessCalendar::berlin()),
                                             DeadlineRule{});
    r.agent = QStringLiteral("A. Schmidt");
    return r;
}

} // namespace

TEST_CASE("prefill takes the office e-mail from the catalogue", "[forward]")
{
    const ForwardRequest r = request(QStringLiteral("buergerbuero@stadt.example"), true);
    CHECK(r.officeEmail == QStringLiteral("buergerbuero@stadt.example"));
    CHECK(r.serviceTitle == QStringLiteral("Personalausweis beantragen"));
    CHECK(r.officeName == QStringLiteral("Bürgerbüro Altstadt"));
    // Maundy Thursday 10:00 → Tuesday after Easter 10:00.
    CHECK(r.deadline == QDateTime(QDate(2026, 4, 7), QTime(10, 0), BusinessCalendar::berlin()));
}

TEST_CASE("the forward is delivered with every field", "[forward][smtp]")
{
    SmtpSink sink;
    QString error;
    REQUIRE(sink.start(&error));
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("journal.db"));
    auto store = JournalStore::open(db, &error);
    REQUIRE(store);
    CallRecord call;
    call.offeredAt = QDateTime::currentDateTimeUtc();
    call.callerNumber = QStringLiteral("0351 9876543");
    ForwardResult result;
    REQUIRE(store->commitForward(call, request(QStringLiteral("buergerbuero@stadt.example"), true), &result, &error));

    outbox::OutboxWorker worker(db, sinkConfig(sink));
    REQUIRE(worker.open(&error));
    CHECK(worker.processDue(QDateTime::currentDateTimeUtc(), &error) == 1);
    REQUIRE(sink.messageFiles().size() == 1);
    const QJsonObject mail = SmtpSink::parse(sink.messageFiles().first(), &error);
    INFO(error.toStdString());
    const QString subject = mail[QStringLiteral("subject")].toString();
    const QString body = mail[QStringLiteral("body")].toString();
    INFO(body.toStdString());
    CHECK(mail[QStringLiteral("to")].toString() == QStringLiteral("Bürgerbüro Altstadt <buergerbuero@stadt.example>"));
    CHECK(mail[QStringLiteral("from")].toString() ==
          QStringLiteral("Bürgertelefon 115 Dresden <hotline@stadt.example>"));
    CHECK(subject.contains(result.caseNumber));
    CHECK(subject.contains(QStringLiteral("Personalausweis beantragen")));
    CHECK(subject.contains(QStringLiteral("07.04.2026 10:00")));
    CHECK(body.contains(QStringLiteral("Vorgangsnummer: %1").arg(result.caseNumber))); // German, for a German office
    CHECK(body.contains(QStringLiteral("07.04.2026, 10:00")));
    CHECK(body.contains(
        QStringLiteral("Frau Müller möchte wissen, ob ihr alter Ausweis (abgelaufen 2019) als Nachweis reicht.")));
    CHECK(body.contains(QStringLiteral("Personalausweis beantragen (10115)")));
    CHECK(body.contains(QStringLiteral("Erika Müller")));
    CHECK(body.contains(QStringLiteral("+49 351 9876543")));
    CHECK(body.contains(QStringLiteral("erika.mueller@example.org")));
    CHECK(body.contains(QStringLiteral("A. Schmidt")));
    CHECK(mail[QStringLiteral("defects")].toArray().isEmpty());

    auto outbox = outbox::OutboxStore::open(db, &error);
    CHECK(outbox->entry(result.outboxId)->state == outbox::State::Sent);
    CHECK(mail[QStringLiteral("message_id")].toString() == outbox->entry(result.outboxId)->messageId);
}

TEST_CASE("without consent the contact details stay at the hotline", "[forward]")
{
    const ForwardEmail mail =
        composeForward(request(QStringLiteral("amt@stadt.example"), false), QStringLiteral("2026-000009"));
    CHECK_FALSE(mail.body.contains(QStringLiteral("9876543")));
    CHECK_FALSE(mail.body.contains(QStringLiteral("erika.mueller")));
    CHECK(mail.body.contains(QStringLiteral("2026-000009")));
}

TEST_CASE("the office address is rejected: the error is visible and the case stays open", "[forward][smtp]")
{
    SmtpSink sink({QStringLiteral("gibtsnicht@stadt.example")});
    QString error;
    REQUIRE(sink.start(&error));
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("journal.db"));
    auto store = JournalStore::open(db, &error);
    CallRecord call;
    call.offeredAt = QDateTime::currentDateTimeUtc();
    ForwardResult result;
    REQUIRE(store->commitForward(call, request(QStringLiteral("gibtsnicht@stadt.example"), true), &result, &error));
    outbox::OutboxWorker worker(db, sinkConfig(sink));
    REQUIRE(worker.open(&error));
    worker.processDue(QDateTime::currentDateTimeUtc());
    auto outbox = outbox::OutboxStore::open(db, &error);
    const auto entries = outbox->entriesForReference(result.caseNumber);
    REQUIRE(entries.size() == 1);
    CHECK(entries.first().state == outbox::State::Failed);
    CHECK(entries.first().lastCode == 550);
    CHECK(entries.first().lastError.contains(QStringLiteral("gibtsnicht@stadt.example")));
    CHECK(entries.first().lastError.contains(QStringLiteral("Recipient address rejected")));
    const auto kase = store->caseByNumber(result.caseNumber);
    REQUIRE(kase);
    CHECK(kase->state == CaseState::Open);
    CHECK(sink.messageFiles().isEmpty());
}

#include <QProcess>

namespace {

QByteArray runCli(const QStringList &args, int *exitCode)
{
    QProcess p;
    p.start(QStringLiteral(HOTLINE_JOURNAL_CLI), args);
    p.waitForFinished(30000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return p.readAllStandardOutput();
}

} // namespace

TEST_CASE("hotline-journal: export, cases, deadline and usage errors", "[journal][cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("journal.db"));
    QString error;
    {
        auto store = JournalStore::open(db, &error);
        REQUIRE(store);
        CallRecord call;
        call.offeredAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        call.notes = QStringLiteral("Notiz, mit Komma");
        ForwardResult result;
        REQUIRE(store->commitForward(call, request(QStringLiteral("amt@stadt.example"), true), &result, &error));
    }
    int code = 0;
    const QByteArray csv = runCli({QStringLiteral("--db"), db, QStringLiteral("export"), QStringLiteral("2026-03-01"),
                                   QStringLiteral("2026-03-03"), QStringLiteral("-")},
                                  &code);
    CHECK(code == 0);
    CHECK(csv.startsWith("id,offered,"));
    CHECK(csv.contains("\"Notiz, mit Komma\""));
    CHECK(csv.contains(",forwarded,2026-000001,"));
    const QByteArray cases = runCli({QStringLiteral("--db"), db, QStringLiteral("cases")}, &code);
    CHECK(code == 0);
    CHECK(cases.startsWith("2026-000001\topen\t2026-04-07 10:00"));
    CHECK(runCli({QStringLiteral("deadline"), QStringLiteral("2026-11-17T09:00")}, &code) ==
          "2026-11-19T09:00:00+01:00\n"); // over Buß- und Bettag
    CHECK(runCli({QStringLiteral("--state"), QStringLiteral("XX"), QStringLiteral("holidays"), QStringLiteral("2026")},
                 &code)
              .isEmpty());
    CHECK(code == 2);
    runCli({QStringLiteral("--db"), db, QStringLiteral("export"), QStringLiteral("yesterday")}, &code);
    CHECK(code == 2);
}

TEST_CASE("hotline-journal: deadline follows the journal's stored rules, a service's over its office's",
          "[journal][cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("journal.db"));
    QString error;
    const auto policy = DeadlinePolicy::fromString(
        QStringLiteral("default=workingdays:24; office:o17=workinghours:16; service:10115=workingdays:48"), &error);
    REQUIRE(policy);
    {
        auto store = JournalStore::open(db, &error);
        REQUIRE(store);
        REQUIRE(store->setDeadlinePolicy(*policy, &error, QStringLiteral("lead")));
    }
    const BusinessCalendar calendar(GermanState::SN);
    const QDateTime taken(QDate(2026, 11, 17), QTime(9, 0), BusinessCalendar::berlin());
    const auto expected = [&](const QString &office, const QString &service) {
        return calendar.deadline(taken, policy->ruleFor(office, service))
                   .toTimeZone(BusinessCalendar::berlin())
                   .toString(Qt::ISODate)
                   .toUtf8() +
               '\n';
    };
    int code = 0;
    const QByteArray byOffice = runCli({QStringLiteral("--db"), db, QStringLiteral("--office"), QStringLiteral("o17"),
                                        QStringLiteral("deadline"), QStringLiteral("2026-11-17T09:00")},
                                       &code);
    CHECK(code == 0);
    CHECK(byOffice == expected(QStringLiteral("o17"), QString()));
    const QByteArray byService = runCli({QStringLiteral("--db"), db, QStringLiteral("--office"), QStringLiteral("o17"),
                                         QStringLiteral("--service"), QStringLiteral("10115"),
                                         QStringLiteral("deadline"), QStringLiteral("2026-11-17T09:00")},
                                        &code);
    CHECK(byService == expected(QStringLiteral("o17"), QStringLiteral("10115")));
    CHECK(byService != byOffice);
    const QByteArray byDefault =
        runCli({QStringLiteral("--db"), db, QStringLiteral("deadline"), QStringLiteral("2026-11-17T09:00")}, &code);
    CHECK(byDefault == "2026-11-19T09:00:00+01:00\n");
    CHECK(byDefault != byOffice);
    const QByteArray rules = runCli({QStringLiteral("--db"), db, QStringLiteral("rules")}, &code);
    CHECK(code == 0);
    CHECK(rules.contains("office:o17=workinghours:16\n"));
    CHECK(rules.contains("service:10115=workingdays:48\n"));
}
