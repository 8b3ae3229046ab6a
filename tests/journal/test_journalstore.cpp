// Call journal and cases on a real SQLite file: drafts that survive a kill, the one-outcome rule,
// privacy purge, caller-screen lookups, CSV (checked with Python's csv module) and figures.
#include <catch2/catch.hpp>

#include "businesscalendar.h"
#include "dbsupport.h"
#include "journalstore.h"
#include "outboxstore.h"
#include "smtpsink.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace journal;

namespace {

struct Fixture
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("journal.db"));
    QDateTime clock = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    std::unique_ptr<JournalStore> store;

    Fixture()
    {
        QString error;
        store = JournalStore::open(path, &error);
        REQUIRE(store);
        store->setClock([this] { return clock; });
    }
};

CallRecord sampleCall(const QDateTime &offered, const QString &number = QStringLiteral("0351 123 456"))
{
    CallRecord c;
    c.offeredAt = offered;
    c.answeredAt = offered.addSecs(12);
    c.endedAt = offered.addSecs(12 + 185);
    c.callerNumber = number;
    c.line = QStringLiteral("115");
    c.municipality = QStringLiteral("Dresden");
    c.agent = QStringLiteral("a.schmidt");
    c.serviceIds = {QStringLiteral("10115"), QStringLiteral("10224")};
    c.notes = QStringLiteral("Fragt nach Passbild, \"biometrisch\"; Termin gewünscht\nzweite Zeile");
    return c;
}

ForwardRequest sampleForward()
{
    ForwardRequest r;
    r.fromEmail = QStringLiteral("hotline@stadt.example");
    r.fromName = QStringLiteral("Bürgertelefon 115");
    r.officeId = QStringLiteral("o1");
    r.officeName = QStringLiteral("Bürgerbüro Altstadt");
    r.officeEmail = QStringLiteral("buergerbuero@stadt.example");
    r.serviceId = QStringLiteral("10115");
    r.serviceTitle = QStringLiteral("Personalausweis beantragen");
    r.question = QStringLiteral("Kann ich den Ausweis auch für meine Tochter (16) abholen?");
    r.callbackName = QStringLiteral("Erika Müller");
    r.callbackPhone = QStringLiteral("0351 987654");
    r.callbackEmail = QStringLiteral("erika@example.org");
    r.callbackConsent = true;
    r.deadline = BusinessCalendar().deadline(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC), DeadlineRule{});
    r.remindAt = r.deadline.addSecs(-4 * 3600);
    r.agent = QStringLiteral("a.schmidt");
    return r;
}

// The journal's schema version as the file records it (-1 if it cannot be read).
int journalVersion(JournalStore &store)
{
    QSqlQuery version(store.database());
    if (!version.exec(QStringLiteral("SELECT version FROM schema_versions WHERE component = 'journal'")) ||
        !version.next()) {
        return -1;
    }
    return version.value(0).toInt();
}

} // namespace

TEST_CASE("a draft survives a killed process and is offered again", "[journal][draft]")
{
    Fixture f;
    f.store.reset(); // the child opens its own connection
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        QString error;
        auto store = JournalStore::open(f.path, &error);
        CallRecord c = sampleCall(QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC));
        if (!store || !store->saveDraft(c, &error)) {
            ::_exit(3);
        }
        c.notes += QStringLiteral(" – ergänzt");
        store->saveDraft(c, &error);
        ::raise(SIGKILL); // no clean shutdown, no close()
        ::_exit(4);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);

    QString error;
    auto store = JournalStore::open(f.path, &error);
    REQUIRE(store);
    const QList<CallRecord> drafts = store->pendingDrafts();
    REQUIRE(drafts.size() == 1);
    const CallRecord &d = drafts.first();
    CHECK(d.draft);
    CHECK(d.notes.endsWith(QStringLiteral(" – ergänzt")));
    CHECK(d.callerNumber == QStringLiteral("+49351123456"));
    CHECK(d.serviceIds == QStringList{QStringLiteral("10115"), QStringLiteral("10224")});
    CHECK(d.talkSeconds() == 185);
}

TEST_CASE("a call is committed with exactly one outcome and then frozen", "[journal]")
{
    Fixture f;
    QString error;
    CallRecord c = sampleCall(f.clock);
    REQUIRE(f.store->saveDraft(c, &error));
    CHECK_FALSE(f.store->commitCall(c, &error)); // no outcome yet
    CHECK(error.contains(QStringLiteral("how the call ended")));
    c.outcome = Outcome::Appointment;
    CHECK_FALSE(f.store->commitCall(c, &error)); // appointment without booking
    c.outcome = Outcome::ForwardedByEmail;
    CHECK_FALSE(f.store->commitCall(c, &error)); // forwards go through commitForward
    c.outcome = Outcome::AnsweredDirectly;
    REQUIRE(f.store->commitCall(c, &error));
    CHECK(f.store->pendingDrafts().isEmpty());
    const auto stored = f.store->call(c.id);
    REQUIRE(stored);
    CHECK_FALSE(stored->draft);
    CHECK(stored->outcome == Outcome::AnsweredDirectly);
    CHECK(stored->notes == c.notes);
    // A committed call is not overwritten by a stale draft save (e.g. a second window).
    c.notes = QStringLiteral("changed");
    CHECK_FALSE(f.store->saveDraft(c, &error));
    CHECK(error.contains(QStringLiteral("already committed")));
    CHECK(f.store->call(c.id)->notes != QStringLiteral("changed"));
}

TEST_CASE("book again: a committed appointment call names the new booking, only in place of the one it named",
          "[journal]")
{
    Fixture f;
    QString error;
    CallRecord draft = sampleCall(f.clock);
    draft.outcome = Outcome::Appointment;
    draft.appointmentId = QStringLiteral("refused-booking");
    REQUIRE(f.store->saveDraft(draft, &error));
    bool changed = true;
    REQUIRE(f.store->replaceAppointment(draft.id, QStringLiteral("refused-booking"), QStringLiteral("new-booking"),
                                        &changed, &error));
    CHECK_FALSE(changed); // a draft is not a committed call
    REQUIRE(f.store->commitCall(draft, &error));
    f.clock = f.clock.addSecs(60);
    // Not the booking the call names: nothing changes, no error.
    REQUIRE(f.store->replaceAppointment(draft.id, QStringLiteral("other-booking"), QStringLiteral("new-booking"),
                                        &changed, &error));
    CHECK_FALSE(changed);
    CHECK(f.store->call(draft.id)->appointmentId == QStringLiteral("refused-booking"));
    REQUIRE(f.store->replaceAppointment(draft.id, QStringLiteral("refused-booking"), QStringLiteral("new-booking"),
                                        &changed, &error));
    CHECK(changed);
    const auto stored = f.store->call(draft.id);
    REQUIRE(stored);
    CHECK(stored->appointmentId == QStringLiteral("new-booking"));
    CHECK(stored->outcome == Outcome::Appointment);
    CHECK(stored->updatedAt == f.clock);
    // An answered call has no booking to replace; empty ids are refused with a message.
    CallRecord answered = sampleCall(f.clock);
    answered.outcome = Outcome::AnsweredDirectly;
    REQUIRE(f.store->commitCall(answered, &error));
    REQUIRE(f.store->replaceAppointment(answered.id, QString(), QStringLiteral("x"), &changed, &error) == false);
    CHECK(error.contains(QStringLiteral("booking ids")));
}

TEST_CASE("no data kept and the caller-number setting", "[journal][privacy]")
{
    Fixture f;
    QString error;
    CallRecord c = sampleCall(f.clock);
    c.noDataKept = true;
    c.outcome = Outcome::AnsweredDirectly;
    REQUIRE(f.store->commitCall(c, &error));
    const auto stored = f.store->call(c.id);
    CHECK(stored->callerNumber.isEmpty());
    CHECK(stored->notes.isEmpty());
    CHECK(stored->serviceIds.size() == 2); // statistics stay
    CHECK(f.store->callsOfNumber(QStringLiteral("0351123456")).isEmpty());

    PrivacySettings p;
    p.storeCallerNumber = false;
    f.store->setPrivacy(p);
    CallRecord d = sampleCall(f.clock);
    d.outcome = Outcome::AnsweredDirectly;
    REQUIRE(f.store->commitCall(d, &error));
    CHECK(f.store->call(d.id)->callerNumber.isEmpty());
}

TEST_CASE("caller screen: earlier calls and open cases of a number in any format", "[journal]")
{
    Fixture f;
    QString error;
    for (int i = 0; i < 3; ++i) {
        CallRecord c = sampleCall(f.clock.addDays(-i), QStringLiteral("+49 (351) 123-456"));
        c.outcome = Outcome::AnsweredDirectly;
        REQUIRE(f.store->commitCall(c, &error));
    }
    CallRecord other = sampleCall(f.clock, QStringLiteral("0341 555"));
    other.outcome = Outcome::AnsweredDirectly;
    REQUIRE(f.store->commitCall(other, &error));
    CallRecord draft = sampleCall(f.clock);
    REQUIRE(f.store->saveDraft(draft, &error)); // drafts are not history yet

    const auto calls = f.store->callsOfNumber(QStringLiteral("0351/123456"));
    REQUIRE(calls.size() == 3);
    CHECK(calls[0].offeredAt > calls[1].offeredAt);
    CHECK(f.store->callsOfNumber(QStringLiteral("0049351123456"), 2).size() == 2);

    CallRecord fwd = sampleCall(f.clock, QStringLiteral("0351 123456"));
    ForwardRequest r = sampleForward();
    r.callbackPhone = QStringLiteral("0172 1112223");
    REQUIRE(f.store->commitForward(fwd, r, nullptr, &error));
    CHECK(f.store->openCasesOfNumber(QStringLiteral("+49351123456")).size() == 1); // by the calling number
    CHECK(f.store->openCasesOfNumber(QStringLiteral("01721112223")).size() == 1);  // by the callback number
    CHECK(f.store->openCasesOfNumber(QStringLiteral("0341555")).isEmpty());
}

TEST_CASE("forwarding stores the case, the e-mail and the call in one transaction", "[journal][case]")
{
    Fixture f;
    QString error;
    CallRecord c = sampleCall(f.clock);
    ForwardRequest bad = sampleForward();
    bad.officeEmail = QStringLiteral("buergerbuero at stadt");
    CHECK_FALSE(f.store->commitForward(c, bad, nullptr, &error));
    CHECK(error.contains(QStringLiteral("buergerbuero at stadt")));
    bad = sampleForward();
    bad.question = QStringLiteral("  ");
    CHECK_FALSE(f.store->commitForward(c, bad, nullptr, &error));
    CHECK(error.contains(QStringLiteral("question")));

    ForwardResult result;
    REQUIRE(f.store->commitForward(c, sampleForward(), &result, &error));
    CHECK(result.caseNumber == QStringLiteral("2026-000001"));
    CHECK(c.outcome == Outcome::ForwardedByEmail);
    CHECK(c.caseNumber == result.caseNumber);
    CHECK_FALSE(f.store->call(c.id)->draft);

    const auto kase = f.store->caseByNumber(result.caseNumber);
    REQUIRE(kase);
    CHECK(kase->state == CaseState::Open);
    CHECK(kase->officeEmail == QStringLiteral("buergerbuero@stadt.example"));
    CHECK(kase->callbackPhone == QStringLiteral("+49351987654"));
    CHECK(kase->deadline == sampleForward().deadline);
    CHECK(kase->outboxId == result.outboxId);

    auto outbox = outbox::OutboxStore::open(f.path, &error);
    REQUIRE(outbox);
    const auto entry = outbox->entry(result.outboxId);
    REQUIRE(entry);
    CHECK(entry->state == outbox::State::Queued);
    CHECK(entry->reference == result.caseNumber);
    CHECK(entry->subject.contains(result.caseNumber));

    CallRecord c2 = sampleCall(f.clock);
    ForwardResult r2;
    REQUIRE(f.store->commitForward(c2, sampleForward(), &r2, &error));
    CHECK(r2.caseNumber == QStringLiteral("2026-000002"));
    f.clock = QDateTime(QDate(2026, 12, 31), QTime(23, 30), Qt::UTC); // already 2027 in Berlin
    CallRecord c3 = sampleCall(f.clock);
    ForwardResult r3;
    REQUIRE(f.store->commitForward(c3, sampleForward(), &r3, &error));
    CHECK(r3.caseNumber == QStringLiteral("2027-000001"));
}

TEST_CASE("open cases: search, state changes, reminders", "[journal][case]")
{
    Fixture f;
    QString error;
    QStringList numbers;
    for (int i = 0; i < 3; ++i) {
        CallRecord c = sampleCall(f.clock);
        ForwardRequest r = sampleForward();
        r.callbackPhone = QStringLiteral("0351 44455%1").arg(i);
        r.deadline = r.deadline.addSecs(3600 * i);
        r.remindAt = r.deadline.addSecs(-3600);
        ForwardResult res;
        REQUIRE(f.store->commitForward(c, r, &res, &error));
        numbers << res.caseNumber;
    }
    CHECK(f.store->cases({}).size() == 3);
    CaseFilter byNumber;
    byNumber.search = QStringLiteral("2");
    REQUIRE(f.store->cases(byNumber).size() == 1);
    CHECK(f.store->cases(byNumber).first().caseNumber == numbers[1]);
    byNumber.search = numbers[2];
    CHECK(f.store->cases(byNumber).first().caseNumber == numbers[2]);
    CaseFilter byPhone;
    byPhone.search = QStringLiteral("+49 351 444551");
    REQUIRE(f.store->cases(byPhone).size() == 1);
    CHECK(f.store->cases(byPhone).first().caseNumber == numbers[1]);
    byPhone.search = QStringLiteral("44455");
    CHECK(f.store->cases(byPhone).size() == 3);

    REQUIRE(f.store->setCaseState(numbers[0], CaseState::Answered, QStringLiteral("Amt hat geantwortet"), &error));
    CHECK(f.store->cases({}).size() == 2);
    CaseFilter all;
    all.openOnly = false;
    CHECK(f.store->cases(all).size() == 3);
    CHECK(f.store->caseByNumber(numbers[0])->closedAt == f.clock);
    CHECK_FALSE(f.store->setCaseState(QStringLiteral("2026-999999"), CaseState::Answered, QString(), &error));
    CHECK(error.contains(QStringLiteral("2026-999999")));

    const QDateTime firstReminder = f.store->caseByNumber(numbers[1])->remindAt;
    CHECK(f.store->casesDueForReminder(firstReminder.addSecs(-1)).isEmpty());
    const auto due = f.store->casesDueForReminder(firstReminder);
    REQUIRE(due.size() == 1); // numbers[0] is answered: no reminder
    CHECK(due.first().caseNumber == numbers[1]);
    REQUIRE(f.store->markReminded(numbers[1], firstReminder, &error));
    CHECK(f.store->casesDueForReminder(firstReminder).isEmpty());
    CHECK(f.store->caseByNumber(numbers[2])->isOverdue(f.store->caseByNumber(numbers[2])->deadline.addSecs(1)));
}

TEST_CASE("reminders: due and overdue once each, also when the journal file is closed and opened again",
          "[journal][case][reminders]")
{
    Fixture f;
    QString error;
    // Three forwards with reminders: one reminded as due before the "restart", one never reminded (the desk was off
    // from before its reminder until after its deadline), one closed; and one without a reminder.
    QStringList numbers;
    for (int i = 0; i < 4; ++i) {
        CallRecord c = sampleCall(f.clock);
        ForwardRequest r = sampleForward();
        r.callbackPhone = QStringLiteral("0351 66677%1").arg(i);
        r.remindAt = i == 3 ? QDateTime() : r.deadline.addSecs(-3600);
        ForwardResult res;
        REQUIRE(f.store->commitForward(c, r, &res, &error));
        numbers << res.caseNumber;
    }
    const QDateTime deadline = f.store->caseByNumber(numbers[0])->deadline;
    const QDateTime dueAt = deadline.addSecs(-1800);
    REQUIRE(f.store->casesDueForReminder(dueAt).size() == 3);
    CHECK(f.store->casesDueForOverdueReminder(dueAt).isEmpty()); // not past the deadline yet
    REQUIRE(f.store->markReminded(numbers[0], dueAt, &error));
    REQUIRE(f.store->setCaseState(numbers[2], CaseState::Answered, QString(), &error));
    CHECK(f.store->caseByNumber(numbers[0])->remindedAt == dueAt);
    CHECK_FALSE(f.store->caseByNumber(numbers[0])->overdueRemindedAt.isValid());

    // Restart: the store goes, the file stays; the next store opens the same file.
    f.store.reset();
    auto reopened = JournalStore::open(f.path, &error);
    INFO(error.toStdString());
    REQUIRE(reopened);
    CHECK(reopened->casesDueForOverdueReminder(deadline.addSecs(-1)).isEmpty());
    // At the deadline (the desk's "overdue since <deadline>"): the reminded case and the never reminded one are due
    // for the overdue reminder; the closed one and the one without a reminder are not.
    const QDateTime later = deadline.addSecs(600);
    const QList<CaseRecord> overdue = reopened->casesDueForOverdueReminder(deadline);
    REQUIRE(overdue.size() == 2);
    CHECK(overdue.at(0).caseNumber == numbers[0]);
    CHECK(overdue.at(0).remindedAt == dueAt);
    CHECK(overdue.at(1).caseNumber == numbers[1]);
    CHECK_FALSE(overdue.at(1).remindedAt.isValid());
    REQUIRE(reopened->markOverdueReminded(numbers[0], later, &error));
    REQUIRE(reopened->markOverdueReminded(numbers[1], later, &error));
    CHECK(reopened->casesDueForOverdueReminder(later).isEmpty());
    // The first step's time stays; the never reminded case has both steps done at once, so no due reminder comes.
    CHECK(reopened->caseByNumber(numbers[0])->remindedAt == dueAt);
    CHECK(reopened->caseByNumber(numbers[0])->overdueRemindedAt == later);
    CHECK(reopened->caseByNumber(numbers[1])->remindedAt == later);
    CHECK(reopened->casesDueForReminder(later).isEmpty());
    CHECK_FALSE(reopened->markOverdueReminded(QStringLiteral("2026-999999"), later, &error));
    CHECK(error.contains(QStringLiteral("2026-999999")));

    // And after a second restart, days later: nothing again.
    reopened.reset();
    auto again = JournalStore::open(f.path, &error);
    REQUIRE(again);
    CHECK(again->casesDueForOverdueReminder(later.addDays(3)).isEmpty());
    CHECK(again->casesDueForReminder(later.addDays(3)).isEmpty());
    CHECK(again->caseByNumber(numbers[0])->overdueRemindedAt == later);
}

TEST_CASE("reminders: the overdue-step migration keeps an old journal's cases and their due reminders",
          "[journal][case][reminders]")
{
    Fixture f;
    QString error;
    CallRecord call = sampleCall(f.clock);
    ForwardResult result;
    REQUIRE(f.store->commitForward(call, sampleForward(), &result, &error));
    const QDateTime deadline = f.store->caseByNumber(result.caseNumber)->deadline;
    REQUIRE(f.store->markReminded(result.caseNumber, deadline.addSecs(-3600), &error));
    // Make the file what a build before migration 0004 left behind: journal at version 3, no overdue column.
    {
        QSqlQuery q(f.store->database());
        REQUIRE(q.exec(QStringLiteral("ALTER TABLE journal_cases DROP COLUMN overdue_reminded_at")));
        REQUIRE(q.exec(QStringLiteral("UPDATE schema_versions SET version = 3 WHERE component = 'journal'")));
    }
    f.store.reset();
    auto migrated = JournalStore::open(f.path, &error);
    INFO(error.toStdString());
    REQUIRE(migrated);
    CHECK(journalVersion(*migrated) == 4);
    CHECK(hotline::db::knownSchemaVersion(QStringLiteral("journal")) == 4);
    // The case reminded as due under the old build gets its overdue reminder once its deadline has passed.
    const auto kept = migrated->caseByNumber(result.caseNumber);
    REQUIRE(kept);
    CHECK(kept->remindedAt == deadline.addSecs(-3600));
    CHECK_FALSE(kept->overdueRemindedAt.isValid());
    const auto overdue = migrated->casesDueForOverdueReminder(deadline.addSecs(1));
    REQUIRE(overdue.size() == 1);
    CHECK(overdue.first().caseNumber == result.caseNumber);
    REQUIRE(migrated->markOverdueReminded(result.caseNumber, deadline.addSecs(1), &error));
    CHECK(migrated->casesDueForOverdueReminder(deadline.addSecs(2)).isEmpty());
}

TEST_CASE("privacy purge masks or removes old caller numbers", "[journal][privacy]")
{
    Fixture f;
    QString error;
    CallRecord old = sampleCall(f.clock.addDays(-31));
    old.outcome = Outcome::AnsweredDirectly;
    REQUIRE(f.store->commitCall(old, &error));
    CallRecord recent = sampleCall(f.clock.addDays(-29));
    recent.outcome = Outcome::AnsweredDirectly;
    REQUIRE(f.store->commitCall(recent, &error));
    CallRecord oldDraft = sampleCall(f.clock.addDays(-40));
    REQUIRE(f.store->saveDraft(oldDraft, &error)); // drafts wait for the agent

    CHECK(f.store->purgeCallerData(f.clock, &error) == 1);
    CHECK(f.store->call(old.id)->callerNumber == QStringLiteral("+493511xxxxx"));
    CHECK(f.store->call(old.id)->callerPurged);
    CHECK(f.store->call(recent.id)->callerNumber == QStringLiteral("+49351123456"));
    CHECK(f.store->callsOfNumber(QStringLiteral("0351 123456")).size() == 1);
    CHECK(f.store->purgeCallerData(f.clock, &error) == 0); // idempotent

    PrivacySettings p;
    p.mode = PrivacySettings::PurgeMode::Remove;
    p.retentionDays = 7;
    f.store->setPrivacy(p);
    CallRecord fwdCall = sampleCall(f.clock.addDays(-20));
    ForwardResult res;
    REQUIRE(f.store->commitForward(fwdCall, sampleForward(), &res, &error));
    REQUIRE(f.store->setCaseState(res.caseNumber, CaseState::CalledBack, QString(), &error));
    // The forward's e-mail was sent (it carries the callback details): its text goes with the purge.
    auto outbox = outbox::OutboxStore::open(f.path, &error);
    REQUIRE(outbox);
    {
        auto claimed = outbox->claimNext(f.clock, &error);
        REQUIRE(claimed);
        REQUIRE(outbox->markSent(claimed->id, f.clock.addDays(-7), 250, QStringLiteral("250 OK"), &error));
        CHECK(outbox->mime(claimed->id)->contains("987654"));
    }
    f.clock = f.clock.addDays(8);
    CHECK(f.store->purgeCallerData(f.clock, &error) == 4); // recent call, forwarded call, closed case, e-mail
    CHECK(outbox->mime(res.outboxId)->isEmpty());
    CHECK(outbox->entry(res.outboxId)->state == outbox::State::Sent);
    CHECK(f.store->call(recent.id)->callerNumber.isEmpty());
    const auto kase = f.store->caseByNumber(res.caseNumber);
    CHECK(kase->callbackPhone.isEmpty());
    CHECK(kase->callbackEmail.isEmpty());
    CHECK(kase->question == sampleForward().question); // the question itself stays
}

TEST_CASE("CSV export is RFC 4180 and reads back with Python's csv module", "[journal][csv]")
{
    Fixture f;
    QString error;
    CallRecord a = sampleCall(f.clock);
    a.outcome = Outcome::AnsweredDirectly;
    REQUIRE(f.store->commitCall(a, &error));
    CallRecord b = sampleCall(f.clock.addSecs(600), QStringLiteral("0341 555"));
    b.notes = QStringLiteral("Komma, \"Zitat\" und Umlaute äöü ß");
    b.outcome = Outcome::AnsweredDirectly;
    REQUIRE(f.store->commitCall(b, &error));
    CallRecord outside = sampleCall(f.clock.addDays(5));
    outside.outcome = Outcome::AnsweredDirectly;
    REQUIRE(f.store->commitCall(outside, &error));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.csv"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(f.store->exportCsv(&file, f.clock.addSecs(-1), f.clock.addDays(1), &error));
    file.close();
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray raw = file.readAll();
    CHECK(raw.count("\r\n") == 3); // header + 2 rows; the embedded newline stays inside quotes
    const QByteArray json =
        runPython({QStringLiteral("-c"),
                   QStringLiteral("import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', "
                                  "encoding='utf-8')))))"),
                   path},
                  &error);
    INFO(error.toStdString());
    const QJsonArray rows = QJsonDocument::fromJson(json).array();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].toArray()[0].toString() == QStringLiteral("id"));
    CHECK(rows[1].toArray()[0].toString() == a.id);
    CHECK(rows[1].toArray()[1].toString() == QStringLiteral("2026-03-02 10:00:00")); // Berlin time
    CHECK(rows[1].toArray()[4].toString() == QStringLiteral("185"));
    CHECK(rows[1].toArray()[14].toString() == a.notes);
    CHECK(rows[2].toArray()[14].toString() == b.notes);
    CHECK(rows[2].toArray()[5].toString() == QStringLiteral("+49341555"));
    CHECK(rows[2].toArray()[10].toString() == QStringLiteral("answered"));
}

TEST_CASE("figures for team leads", "[journal][figures]")
{
    Fixture f;
    QString error;
    const QDateTime monday = QDateTime(QDate(2026, 3, 2), QTime(7, 15), Qt::UTC); // 08:15 in Berlin
    for (int i = 0; i < 6; ++i) {
        CallRecord c = sampleCall(monday.addSecs(i * 1800));
        c.outcome = Outcome::AnsweredDirectly;
        REQUIRE(f.store->commitCall(c, &error));
    }
    CallRecord appt = sampleCall(monday.addDays(1));
    appt.outcome = Outcome::Appointment;
    appt.appointmentId = QStringLiteral("b1");
    REQUIRE(f.store->commitCall(appt, &error));
    // Two forwards: one answered in time, one overdue.
    ForwardResult inTime;
    ForwardResult late;
    CallRecord c1 = sampleCall(monday.addDays(1));
    CallRecord c2 = sampleCall(monday.addDays(1));
    f.clock = monday.addDays(1);
    REQUIRE(f.store->commitForward(c1, sampleForward(), &inTime, &error));
    REQUIRE(f.store->commitForward(c2, sampleForward(), &late, &error));
    REQUIRE(f.store->setCaseState(inTime.caseNumber, CaseState::Answered, QString(), &error));
    f.clock = sampleForward().deadline.addDays(1);

    const Figures fig = f.store->figures(monday.addDays(-1), monday.addDays(7));
    CHECK(fig.calls == 9);
    CHECK(fig.answeredDirectly == 6);
    CHECK(fig.forwarded == 2);
    CHECK(fig.appointments == 1);
    CHECK(fig.firstContactResolution == Approx(6.0 / 9.0));
    CHECK(fig.averageTalkSeconds == 185);
    CHECK(fig.callsPerHour[8] == 2 + 3); // Monday 08:15, 08:45 and the three Tuesday calls at 08:15
    CHECK(fig.callsPerHour[10] == 2);    // 10:15, 10:45
    CHECK(fig.callsPerWeekday[0] == 6);
    CHECK(fig.callsPerWeekday[1] == 3);
    CHECK(fig.casesDue == 2);
    CHECK(fig.casesInTime == 1);
    CHECK(fig.shareInTime == Approx(0.5));
    CHECK(fig.casesOpen == 1);
    CHECK(fig.casesOverdue == 1);
    CHECK(fig.averageAnswerSeconds == 12);
    REQUIRE(fig.topServices.size() == 2); // every sample call asks for the same two services
    CHECK(fig.topServices[0].serviceId == QStringLiteral("10115"));
    CHECK(fig.topServices[0].calls == 9);
    CHECK(fig.topServices[1].serviceId == QStringLiteral("10224"));
}

TEST_CASE("figures per line and municipality, top services most asked first", "[journal][figures]")
{
    Fixture f;
    QString error;
    const QDateTime monday = QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);
    for (int i = 0; i < 5; ++i) {
        CallRecord c = sampleCall(monday.addSecs(i * 600));
        c.line = i < 3 ? QStringLiteral("115") : QStringLiteral("0351 4880");
        c.municipality = i < 3 ? QStringLiteral("Dresden") : QStringLiteral("Leipzig");
        c.serviceIds =
            i == 0 ? QStringList{QStringLiteral("A"), QStringLiteral("A")} : QStringList{QStringLiteral("B")};
        c.answeredAt = c.offeredAt.addSecs(10 * (i + 1));
        c.outcome = i == 4 ? Outcome::Appointment : Outcome::AnsweredDirectly;
        c.appointmentId = i == 4 ? QStringLiteral("b9") : QString();
        REQUIRE(f.store->commitCall(c, &error));
    }
    const Figures all = f.store->figures(monday.addDays(-1), monday.addDays(1));
    CHECK(all.calls == 5);
    CHECK(all.averageAnswerSeconds == 30); // (10 + 20 + 30 + 40 + 50) / 5
    REQUIRE(all.topServices.size() == 2);
    CHECK(all.topServices[0].serviceId == QStringLiteral("B"));
    CHECK(all.topServices[0].calls == 4);
    CHECK(all.topServices[1].calls == 1); // "A" twice in one call counts once
    const Figures line115 =
        f.store->figures(monday.addDays(-1), monday.addDays(1), FigureFilter{QStringLiteral("115"), {}});
    CHECK(line115.calls == 3);
    CHECK(line115.firstContactResolution == Approx(1.0));
    CHECK(line115.averageAnswerSeconds == 20);
    const Figures leipzig =
        f.store->figures(monday.addDays(-1), monday.addDays(1), FigureFilter{{}, QStringLiteral("leipzig")});
    CHECK(leipzig.calls == 2);
    CHECK(leipzig.appointments == 1);
    CHECK(leipzig.firstContactResolution == Approx(0.5));
    const Figures none =
        f.store->figures(monday.addDays(-1), monday.addDays(1), FigureFilter{QStringLiteral("999"), {}});
    CHECK(none.calls == 0);
    CHECK(none.topServices.isEmpty());
}

#include "caselistmodel.h"

#include <QAbstractItemModelTester>

TEST_CASE("open-cases model: time left on the business calendar, overdue and due soon", "[journal][model]")
{
    Fixture f;
    QString error;
    QStringList numbers;
    for (int i = 0; i < 3; ++i) {
        CallRecord c = sampleCall(f.clock);
        ForwardRequest r = sampleForward();
        r.deadline = QDateTime(QDate(2026, 3, 2 + i), QTime(12, 0), BusinessCalendar::berlin());
        ForwardResult res;
        REQUIRE(f.store->commitForward(c, r, &res, &error));
        numbers << res.caseNumber;
    }
    CaseListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setCases(f.store->cases({}));
    // Friday before: deadlines Mon/Tue/Wed 12:00 → the weekend does not count.
    model.setNow(QDateTime(QDate(2026, 2, 27), QTime(12, 0), BusinessCalendar::berlin()));
    REQUIRE(model.rowCount() == 3);
    CHECK(model.index(0, CaseListModel::CaseNumberColumn).data().toString() == numbers[0]);
    CHECK(model.index(0, 0).data(CaseListModel::SecondsLeftRole).toLongLong() == 24 * 3600);
    CHECK(model.index(0, CaseListModel::TimeLeftColumn).data().toString() == QStringLiteral("1 d 0 h"));
    CHECK_FALSE(model.index(0, 0).data(CaseListModel::DueSoonRole).toBool());
    model.setNow(QDateTime(QDate(2026, 3, 2), QTime(9, 0), BusinessCalendar::berlin()));
    CHECK(model.index(0, 0).data(CaseListModel::DueSoonRole).toBool());
    CHECK(model.index(0, CaseListModel::TimeLeftColumn).data().toString() == QStringLiteral("3 h 0 min"));
    model.setNow(QDateTime(QDate(2026, 3, 2), QTime(13, 30), BusinessCalendar::berlin()));
    CHECK(model.index(0, 0).data(CaseListModel::OverdueRole).toBool());
    CHECK(model.index(0, CaseListModel::TimeLeftColumn).data().toString() == QStringLiteral("overdue by 1 h 30 min"));
    CHECK_FALSE(model.index(1, 0).data(CaseListModel::OverdueRole).toBool());
    CHECK(model.headerData(CaseListModel::DeadlineColumn, Qt::Horizontal).toString() == QStringLiteral("Deadline"));
}

TEST_CASE("deadline rules: round trip through the store, bad input stores nothing", "[journal][deadlines]")
{
    Fixture f;
    QString error;
    // A fresh journal has the default policy: 24 h of working days for everything.
    const auto fresh = f.store->deadlinePolicy(&error);
    REQUIRE(fresh);
    CHECK(*fresh == DeadlinePolicy{});

    DeadlinePolicy policy;
    policy.defaultRule = DeadlineRule{DeadlineRule::Mode::WorkingDays, 48};
    policy.byOffice.insert(QStringLiteral("o17"), DeadlineRule{DeadlineRule::Mode::WorkingHours, 16});
    policy.byOffice.insert(QStringLiteral("102522"), DeadlineRule{DeadlineRule::Mode::WorkingDays, 72});
    policy.byService.insert(QStringLiteral("10115"), DeadlineRule{DeadlineRule::Mode::WorkingDays, 24});
    INFO(error.toStdString());
    REQUIRE(f.store->setDeadlinePolicy(policy, &error, QStringLiteral("lead")));
    // Another connection (another desk's process) reads the same policy.
    f.store.reset();
    auto reopened = JournalStore::open(f.path, &error);
    REQUIRE(reopened);
    const auto read = reopened->deadlinePolicy(&error);
    REQUIRE(read);
    CHECK(*read == policy);
    DeadlinePolicy::Scope scope = DeadlinePolicy::Scope::Default;
    CHECK(read->ruleFor(QStringLiteral("o17"), QStringLiteral("10115"), &scope).hours == 24);
    CHECK(scope == DeadlinePolicy::Scope::Service);
    CHECK(read->ruleFor(QStringLiteral("o17"), QStringLiteral("99999"), &scope).mode ==
          DeadlineRule::Mode::WorkingHours);
    CHECK(scope == DeadlinePolicy::Scope::Office);
    CHECK(read->ruleFor(QStringLiteral("o99"), QString(), &scope).hours == 48);
    CHECK(scope == DeadlinePolicy::Scope::Default);

    // Bad input is refused with the entry named, and the stored policy stays as it was.
    DeadlinePolicy bad = policy;
    bad.byOffice.insert(QStringLiteral("o18"), DeadlineRule{DeadlineRule::Mode::WorkingHours, 0});
    CHECK_FALSE(reopened->setDeadlinePolicy(bad, &error));
    CHECK(error.contains(QStringLiteral("o18")));
    bad = policy;
    bad.byService.insert(QStringLiteral("101;15"), DeadlineRule{});
    CHECK_FALSE(reopened->setDeadlinePolicy(bad, &error));
    CHECK(error.contains(QStringLiteral("101;15")));
    bad = policy;
    bad.byOffice.insert(QString(), DeadlineRule{});
    CHECK_FALSE(reopened->setDeadlinePolicy(bad, &error));
    bad = policy;
    bad.defaultRule.hours = 24 * 366;
    CHECK_FALSE(reopened->setDeadlinePolicy(bad, &error));
    CHECK(error.contains(QStringLiteral("default")));
    CHECK(*reopened->deadlinePolicy() == policy);

    // A value no build can read (written by hand) is reported, not silently replaced by the default.
    QSqlQuery q(reopened->database());
    REQUIRE(q.exec(
        QStringLiteral("UPDATE journal_settings SET value = 'default=weekly:3' WHERE name = 'deadline_policy'")));
    CHECK_FALSE(reopened->deadlinePolicy(&error));
    CHECK(error.contains(QStringLiteral("weekly")));
}

TEST_CASE("deadline rules: the settings migration keeps an existing journal's calls and cases", "[journal][deadlines]")
{
    Fixture f;
    QString error;
    CallRecord call = sampleCall(f.clock);
    ForwardResult result;
    REQUIRE(f.store->commitForward(call, sampleForward(), &result, &error));
    // Make the file what a build before migration 0002 left behind: no settings table (nor the later steps' overdue
    // column), journal at version 1.
    {
        QSqlQuery q(f.store->database());
        REQUIRE(q.exec(QStringLiteral("DROP TABLE journal_settings")));
        REQUIRE(q.exec(QStringLiteral("ALTER TABLE journal_cases DROP COLUMN overdue_reminded_at")));
        REQUIRE(q.exec(QStringLiteral("UPDATE schema_versions SET version = 1 WHERE component = 'journal'")));
    }
    f.store.reset();
    auto migrated = JournalStore::open(f.path, &error);
    INFO(error.toStdString());
    REQUIRE(migrated);
    CHECK(journalVersion(*migrated) == hotline::db::knownSchemaVersion(QStringLiteral("journal")));
    const auto kept = migrated->caseByNumber(result.caseNumber);
    REQUIRE(kept);
    CHECK(kept->question == sampleForward().question);
    REQUIRE(migrated->call(call.id));
    CHECK(migrated->call(call.id)->caseNumber == result.caseNumber);
    const auto policy = migrated->deadlinePolicy(&error);
    REQUIRE(policy);
    CHECK(*policy == DeadlinePolicy{});
    DeadlinePolicy changed;
    changed.byOffice.insert(QStringLiteral("o1"), DeadlineRule{DeadlineRule::Mode::WorkingHours, 8});
    REQUIRE(migrated->setDeadlinePolicy(changed, &error));
    CHECK(*migrated->deadlinePolicy() == changed);
}

TEST_CASE("open-cases model: each case's time left is counted under its own office's rule",
          "[journal][model][deadlines]")
{
    Fixture f;
    QString error;
    QStringList numbers;
    for (const QString &office : {QStringLiteral("o1"), QStringLiteral("o2")}) {
        CallRecord c = sampleCall(f.clock);
        ForwardRequest r = sampleForward();
        r.officeId = office;
        r.serviceId = QStringLiteral("20000");
        r.deadline = QDateTime(QDate(2026, 3, 2), QTime(12, 0), BusinessCalendar::berlin());
        ForwardResult res;
        REQUIRE(f.store->commitForward(c, r, &res, &error));
        numbers << res.caseNumber;
    }
    DeadlinePolicy policy;
    policy.byOffice.insert(QStringLiteral("o2"), DeadlineRule{DeadlineRule::Mode::WorkingHours, 16});
    CaseListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setCalendar(BusinessCalendar(), policy);
    model.setCases(f.store->cases({}));
    model.setDueSoonSeconds(12 * 3600);
    // Friday 12:00 before a Monday 12:00 deadline: o1 (working days) has 24 h left, o2 (service hours 08–18)
    // has Friday 12–18 and Monday 08–12, 10 h, and is due soon.
    model.setNow(QDateTime(QDate(2026, 2, 27), QTime(12, 0), BusinessCalendar::berlin()));
    REQUIRE(model.rowCount() == 2);
    for (int row = 0; row < 2; ++row) {
        const bool o2 = model.caseAt(row)->officeId == QStringLiteral("o2");
        CHECK(model.index(row, 0).data(CaseListModel::SecondsLeftRole).toLongLong() == (o2 ? 10 : 24) * 3600);
        CHECK(model.index(row, 0).data(CaseListModel::DueSoonRole).toBool() == o2);
        CHECK(model.ruleOf(*model.caseAt(row)).mode ==
              (o2 ? DeadlineRule::Mode::WorkingHours : DeadlineRule::Mode::WorkingDays));
    }
}
