// bench_journal: the figures of docs/benchmarks.md "Journal, outbox, appointments", each beside a
// baseline measured in the same run on the same disk.
//   1. saving an outcome (the agent's final "save" → committed with synchronous=FULL), p50/p99,
//      beside a plain one-row INSERT transaction on the same kind of connection;
//   2. outbox throughput to a local aiosmtpd, beside libcurl sending the same bytes without the outbox;
//   3. booking with two desks (two threads, two connections) racing over the same slots, beside one desk.
// Run: build/bench/bench_journal [--calls N] [--mails N] [--bookings N]
#include "benchstats.h"
#include "appointmentstore.h"
#include "dbsupport.h"
#include "journalstore.h"
#include "outboxstore.h"
#include "outboxworker.h"
#include "smtpclient.h"
#include "smtpsink.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

using bench::Stats;

void print(const char *what, const Stats &s)
{
    std::printf("  %-44s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms\n", what, s.p50, s.p99, s.max);
}

double ms(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

void benchOutcome(const QString &dir, int n)
{
    QString error;
    auto store = journal::JournalStore::open(dir + QStringLiteral("/outcome.db"), &error);
    if (!store) {
        std::printf("cannot open journal: %s\n", qPrintable(error));
        return;
    }
    std::vector<double> draft, commit, baseline;
    for (int i = 0; i < n; ++i) {
        journal::CallRecord c;
        c.offeredAt = QDateTime::currentDateTimeUtc();
        c.answeredAt = c.offeredAt.addSecs(5);
        c.endedAt = c.offeredAt.addSecs(200);
        c.callerNumber = QStringLiteral("0351 %1").arg(100000 + i);
        c.agent = QStringLiteral("bench");
        c.serviceIds = {QStringLiteral("10115"), QStringLiteral("10224")};
        c.notes = QStringLiteral("Notiz zum Anruf %1").arg(i);
        QElapsedTimer t;
        t.start();
        store->saveDraft(c, &error);
        draft.push_back(ms(t));
        c.outcome = journal::Outcome::AnsweredDirectly;
        t.restart();
        if (!store->commitCall(c, &error)) {
            std::printf("commit failed: %s\n", qPrintable(error));
            return;
        }
        commit.push_back(ms(t));
    }
    // Baseline: the cheapest durable write on the same settings (WAL, synchronous=FULL).
    QSqlDatabase db;
    const QString name = QStringLiteral("bench_baseline");
    hotline::db::openSqlite(dir + QStringLiteral("/baseline.db"), name, &db, &error);
    hotline::db::exec(db, QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"), &error);
    for (int i = 0; i < n; ++i) {
        QElapsedTimer t;
        t.start();
        db.transaction();
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO t (v) VALUES (:v)"));
        q.bindValue(QStringLiteral(":v"), QStringLiteral("x"));
        q.exec();
        db.commit();
        baseline.push_back(ms(t));
    }
    db = QSqlDatabase();
    hotline::db::closeConnection(name);
    std::printf("1. Saving an outcome (%d calls, WAL, synchronous=FULL)\n", n);
    print("commitCall (outcome saved, committed)", bench::summarize(commit));
    print("saveDraft (every wrap-up change)", bench::summarize(draft));
    print("baseline: one-row INSERT transaction", bench::summarize(baseline));
}

void benchOutbox(const QString &dir, int n)
{
    SmtpSink sink;
    QString error;
    if (!sink.start(&error)) {
        std::printf("2. Outbox: skipped, %s\n", qPrintable(error));
        return;
    }
    const QString path = dir + QStringLiteral("/outbox.db");
    auto store = outbox::OutboxStore::open(path, &error);
    QByteArray sample;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i) {
        outbox::Message m;
        m.from = {QStringLiteral("hotline@stadt.example"), QStringLiteral("Bürgertelefon")};
        m.to = {{QStringLiteral("amt@stadt.example"), QStringLiteral("Bürgerbüro")}};
        m.subject =
            QStringLiteral("[2026-%1] Anfrage: Personalausweis – Frist Dienstag").arg(i, 6, 10, QLatin1Char('0'));
        m.textBody =
            QStringLiteral("Guten Tag,\n\nbitte beantworten Sie die Anfrage der Bürgerin bis Dienstag.\n").repeated(8);
        store->enqueue(m, &error);
        if (i == 0) {
            sample = *store->mime(m.id);
        }
    }
    const double enqueueMs = ms(t);
    outbox::SmtpConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = sink.port();
    config.security = outbox::SmtpConfig::Security::None;
    outbox::OutboxWorker worker(path, config);
    worker.open(&error);
    t.restart();
    const int sent = worker.processDue(QDateTime::currentDateTimeUtc(), &error);
    const double sendMs = ms(t);
    t.restart();
    for (int i = 0; i < n; ++i) {
        outbox::sendMail(config, QStringLiteral("hotline@stadt.example"), {QStringLiteral("amt@stadt.example")},
                         sample);
    }
    const double rawMs = ms(t);
    std::printf("2. Outbox throughput to a local aiosmtpd (%d messages of %lld bytes, one connection each)\n", n,
                static_cast<long long>(sample.size()));
    std::printf("  %-44s %7.1f msg/s  (%d sent)\n", "outbox: claim, send, mark sent", sent * 1000.0 / sendMs, sent);
    std::printf("  %-44s %7.1f msg/s\n", "baseline: libcurl alone, same bytes", n * 1000.0 / rawMs);
    std::printf("  %-44s %7.1f msg/s\n", "enqueue (commit into the outbox)", n * 1000.0 / enqueueMs);
}

struct DeskResult
{
    std::vector<double> latencies;
    int booked = 0;
    int taken = 0;
};

void benchBooking(const QString &dir, int n)
{
    const QString path = dir + QStringLiteral("/appointments.db");
    QString error;
    auto setup = appointments::AppointmentStore::open(path, &error);
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    appointments::OfficeSchedule o;
    o.officeId = QStringLiteral("o1");
    o.name = QStringLiteral("Bürgerbüro");
    o.capacity = 2;
    o.cellMinutes = 15;
    o.hours = *appointments::OfficeSchedule::parseHours(QStringLiteral("Mo-Fr 08:00-18:00"), &error);
    setup->setOffice(o, &error);
    // n slots on working days from a fixed future Monday; each desk wants every slot (so every seat
    // is contended) in its own order.
    std::vector<QDateTime> slots;
    QDate day(2030, 1, 7);
    journal::BusinessCalendar cal;
    while (static_cast<int>(slots.size()) < n) {
        if (cal.isWorkingDay(day)) {
            for (int m = 8 * 60; m < 18 * 60 && static_cast<int>(slots.size()) < n; m += 15) {
                slots.push_back(QDateTime(day, QTime(m / 60, m % 60), berlin));
            }
        }
        day = day.addDays(1);
    }
    auto desk = [&](int which, int desks, DeskResult *r) {
        QString e;
        auto store = appointments::AppointmentStore::open(path, &e);
        for (int i = 0; i < n; ++i) {
            // Desks take turns leading, so half the time they collide on the same slot.
            const QDateTime start = slots[static_cast<size_t>((i + which * (i % 2)) % n)];
            appointments::BookingRequest req;
            req.officeId = QStringLiteral("o1");
            req.serviceTitle = QStringLiteral("Bench");
            req.start = start;
            req.durationMinutes = 15;
            req.confirmation.send = false;
            req.agent = QStringLiteral("desk-%1/%2").arg(which).arg(desks);
            QElapsedTimer t;
            t.start();
            appointments::BookingError code;
            const bool ok = store->book(req, nullptr, nullptr, &e, &code);
            r->latencies.push_back(ms(t));
            ok ? ++r->booked : ++r->taken;
        }
    };
    // One desk alone (baseline), then two desks at once on a fresh office id.
    DeskResult single;
    QElapsedTimer t;
    t.start();
    desk(0, 1, &single);
    const double singleMs = ms(t);
    // Reset: cancel everything by using a second office.
    o.officeId = QStringLiteral("o2");
    setup->setOffice(o, &error);
    DeskResult a, b;
    auto deskO2 = [&](int which, DeskResult *r) {
        QString e;
        auto store = appointments::AppointmentStore::open(path, &e);
        for (int i = 0; i < n; ++i) {
            const QDateTime start = slots[static_cast<size_t>(i)];
            appointments::BookingRequest req;
            req.officeId = QStringLiteral("o2");
            req.serviceTitle = QStringLiteral("Bench");
            req.start = start;
            req.durationMinutes = 15;
            req.confirmation.send = false;
            req.agent = QStringLiteral("desk-%1").arg(which);
            QElapsedTimer lt;
            lt.start();
            appointments::BookingError code;
            const bool ok = store->book(req, nullptr, nullptr, &e, &code);
            r->latencies.push_back(ms(lt));
            ok ? ++r->booked : ++r->taken;
        }
    };
    // Both desks book slot i at the same time with capacity 2: both get a seat; a third attempt would not.
    t.restart();
    std::thread ta(deskO2, 1, &a);
    std::thread tb(deskO2, 2, &b);
    ta.join();
    tb.join();
    const double twoMs = ms(t);
    std::vector<double> both = a.latencies;
    both.insert(both.end(), b.latencies.begin(), b.latencies.end());
    std::printf("3. Booking (%d slots, capacity 2, WAL, synchronous=FULL)\n", n);
    print("two desks at once (two threads, two connections)", bench::summarize(both));
    std::printf("  %-44s %7.1f bookings/s  (%d + %d booked, %d + %d refused)\n", "two desks: throughput",
                (a.booked + b.booked) * 1000.0 / twoMs, a.booked, b.booked, a.taken, b.taken);
    print("baseline: one desk alone", bench::summarize(single.latencies));
    std::printf("  %-44s %7.1f bookings/s\n", "one desk: throughput", single.booked * 1000.0 / singleMs);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption calls(QStringLiteral("calls"), QStringLiteral("Calls to save."), QStringLiteral("n"),
                                   QStringLiteral("500"));
    const QCommandLineOption mails(QStringLiteral("mails"), QStringLiteral("Messages to send."), QStringLiteral("n"),
                                   QStringLiteral("200"));
    const QCommandLineOption bookings(QStringLiteral("bookings"), QStringLiteral("Slots per desk."),
                                      QStringLiteral("n"), QStringLiteral("200"));
    parser.addHelpOption();
    parser.addOptions({calls, mails, bookings});
    parser.process(app);
    QLoggingCategory::setFilterRules(QStringLiteral("hotline.*.info=false"));
    QTemporaryDir dir;
    std::printf("bench_journal (temporary files in %s)\n", qPrintable(dir.path()));
    benchOutcome(dir.path(), parser.value(calls).toInt());
    benchOutbox(dir.path(), parser.value(mails).toInt());
    benchBooking(dir.path(), parser.value(bookings).toInt());
    return 0;
}
