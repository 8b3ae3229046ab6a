// Appointments on a real SQLite file: slots, less-busy ordering, two desks racing for the last seat
// (two stores on two threads), cancel/rebook, and the confirmation with .ics through a real SMTP server.
#include <catch2/catch.hpp>

#include "appointmentstore.h"
#include "outboxstore.h"
#include "outboxworker.h"
#include "smtpsink.h"

#include "article.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimeZone>

#include <atomic>
#include <latch>
#include <thread>

using namespace appointments;

namespace {

const QTimeZone &berlin()
{
    static const QTimeZone tz(QByteArrayLiteral("Europe/Berlin"));
    return tz;
}

QDateTime at(int y, int m, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, mi), berlin());
}

OfficeSchedule office(int capacity)
{
    OfficeSchedule o;
    o.officeId = QStringLiteral("o1");
    o.name = QStringLiteral("Bürgerbüro Altstadt");
    o.address = QStringLiteral("Theaterstraße 11, 01067 Dresden");
    o.capacity = capacity;
    o.cellMinutes = 15;
    QString error;
    o.hours = *OfficeSchedule::parseHours(QStringLiteral("Mo-Fr 08:00-12:00; Do 14:00-18:00"), &error);
    return o;
}

struct Fixture
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("journal.db"));
    QDateTime clock = at(2026, 3, 2, 7);    // Monday before opening
    std::unique_ptr<AppointmentStore> store;

    explicit Fixture(int capacity = 1)
    {
        QString error;
        store = AppointmentStore::open(path, &error);
        REQUIRE(store);
        store->setClock([this] { return clock; });
        REQUIRE(store->setOffice(office(capacity), &error));
    }
};

BookingRequest request(const QDateTime &start, int minutes = 30)
{
    BookingRequest r;
    r.officeId = QStringLiteral("o1");
    r.serviceId = QStringLiteral("10115");
    r.serviceTitle = QStringLiteral("Personalausweis beantragen");
    r.start = start;
    r.durationMinutes = minutes;
    r.citizenName = QStringLiteral("Erika Müller");
    r.citizenEmail = QStringLiteral("erika@example.org");
    r.confirmation.send = false;
    return r;
}

bool containsStart(const QList<Slot> &slots, const QDateTime &start)
{
    return std::any_of(slots.begin(), slots.end(), [&](const Slot &s) { return s.start == start; });
}

} // namespace

TEST_CASE("opening hours, capacity and durations are validated and stored", "[appointments]")
{
    Fixture f;
    QString error;
    const auto o = f.store->office(QStringLiteral("o1"));
    REQUIRE(o);
    CHECK(o->hours.size() == 6);
    CHECK(o->hours.contains(OpeningInterval{4, QTime(14, 0), QTime(18, 0)}));
    CHECK_FALSE(OfficeSchedule::parseHours(QStringLiteral("Mo-Fr 12:00-08:00"), &error));
    CHECK(error.contains(QStringLiteral("12:00-08:00")));
    CHECK_FALSE(OfficeSchedule::parseHours(QStringLiteral("Blursday 08:00-12:00"), &error));
    OfficeSchedule bad = office(0);
    CHECK_FALSE(f.store->setOffice(bad, &error));
    CHECK(error.contains(QStringLiteral("between 1 and 500")));

    kb::Article a;
    a.durationMinutes = 20;
    a.offices = {{QStringLiteral("o1"), 45, true, QString()}, {QStringLiteral("o2"), 0, true, QString()}};
    CHECK(appointmentMinutes(a, QStringLiteral("o1")) == 45);
    CHECK(appointmentMinutes(a, QStringLiteral("o2")) == 20);
    a.durationMinutes = 0;
    CHECK(appointmentMinutes(a, QStringLiteral("o2"), 15) == 15);
}

TEST_CASE("free slots follow the grid and the opening hours, holidays closed", "[appointments][slots]")
{
    Fixture f;
    SlotQuery q;
    q.officeId = QStringLiteral("o1");
    q.durationMinutes = 30;
    q.from = at(2026, 3, 2, 0);
    q.to = at(2026, 3, 3, 0);
    q.limit = 0;
    q.order = SlotQuery::Order::EarliestFirst;
    const QList<Slot> monday = f.store->freeSlots(q);
    REQUIRE(monday.size() == 15);              // 08:00 … 11:30 every 15 minutes
    CHECK(monday.first().start == at(2026, 3, 2, 8));
    CHECK(monday.last().start == at(2026, 3, 2, 11, 30));
    CHECK(monday.last().end == at(2026, 3, 2, 12));
    q.from = at(2026, 3, 5, 0);
    q.to = at(2026, 3, 6, 0);
    CHECK(f.store->freeSlots(q).size() == 15 + 15);   // Thursday afternoon too
    q.from = at(2026, 4, 3, 0);                        // Good Friday
    q.to = at(2026, 4, 4, 0);
    CHECK(f.store->freeSlots(q).isEmpty());
    f.clock = at(2026, 3, 2, 10, 10);                  // the past is never offered
    q.from = at(2026, 3, 2, 0);
    q.to = at(2026, 3, 3, 0);
    CHECK(f.store->freeSlots(q).first().start == at(2026, 3, 2, 10, 15));
}

TEST_CASE("a booked slot shows up as taken", "[appointments][slots]")
{
    Fixture f;
    QString error;
    Booking b;
    REQUIRE(f.store->book(request(at(2026, 3, 2, 9)), &b, nullptr, &error));
    CHECK(b.end == at(2026, 3, 2, 9, 30));
    CHECK(f.store->bookedSeats(QStringLiteral("o1"), at(2026, 3, 2, 9)) == 1);
    CHECK(f.store->bookedSeats(QStringLiteral("o1"), at(2026, 3, 2, 9, 15)) == 1);
    CHECK(f.store->bookedSeats(QStringLiteral("o1"), at(2026, 3, 2, 9, 30)) == 0);
    SlotQuery q;
    q.officeId = QStringLiteral("o1");
    q.durationMinutes = 30;
    q.from = at(2026, 3, 2, 0);
    q.to = at(2026, 3, 3, 0);
    q.limit = 0;
    const auto slots = f.store->freeSlots(q);
    CHECK(slots.size() == 15 - 3);            // 08:45, 09:00 and 09:15 overlap the booking
    CHECK_FALSE(containsStart(slots, at(2026, 3, 2, 8, 45)));
    CHECK_FALSE(containsStart(slots, at(2026, 3, 2, 9)));
    CHECK_FALSE(containsStart(slots, at(2026, 3, 2, 9, 15)));
    CHECK(containsStart(slots, at(2026, 3, 2, 9, 30)));
    BookingError code;
    QList<Slot> alternatives;
    CHECK_FALSE(f.store->book(request(at(2026, 3, 2, 9, 15)), nullptr, &alternatives, &error, &code));
    CHECK(code == BookingError::SlotTaken);
    CHECK(error.contains(QStringLiteral("taken")));
    REQUIRE(!alternatives.isEmpty());
    CHECK(alternatives.first().start == at(2026, 3, 2, 9, 30));   // the next free one
}

TEST_CASE("appointments booked per office for the team leads' figures", "[appointments][figures]")
{
    Fixture f(2);
    QString error;
    Booking a;
    Booking b;
    Booking c;
    REQUIRE(f.store->book(request(at(2026, 3, 2, 9)), &a, nullptr, &error));
    REQUIRE(f.store->book(request(at(2026, 3, 2, 10)), &b, nullptr, &error));
    REQUIRE(f.store->book(request(at(2026, 3, 3, 9)), &c, nullptr, &error));
    Confirmation quiet;
    quiet.send = false;
    REQUIRE(f.store->cancel(c.id, quiet, &error));
    const auto perOffice = f.store->bookingsPerOffice(f.clock.addDays(-1), f.clock.addDays(1));
    REQUIRE(perOffice.size() == 1);
    CHECK(perOffice.first().first == QStringLiteral("o1"));
    CHECK(perOffice.first().second == 2);   // the cancelled one does not count
    CHECK(f.store->bookingsPerOffice(f.clock.addDays(1), f.clock.addDays(2)).isEmpty());
}

TEST_CASE("bad booking input gets a clear reason", "[appointments]")
{
    Fixture f;
    QString error;
    BookingError code;
    CHECK_FALSE(f.store->book(request(at(2026, 3, 2, 8, 5)), nullptr, nullptr, &error, &code));
    CHECK(code == BookingError::OutsideOpeningHours);
    CHECK(error.contains(QStringLiteral("02.03.2026 08:05")));
    CHECK_FALSE(f.store->book(request(at(2026, 3, 2, 11, 45)), nullptr, nullptr, &error, &code));  // runs past 12:00
    CHECK(code == BookingError::OutsideOpeningHours);
    CHECK_FALSE(f.store->book(request(at(2026, 4, 6, 9)), nullptr, nullptr, &error, &code));       // Easter Monday
    CHECK(code == BookingError::OutsideOpeningHours);
    CHECK_FALSE(f.store->book(request(at(2026, 3, 1, 9)), nullptr, nullptr, &error, &code));       // in the past
    CHECK(code == BookingError::InvalidInput);
    BookingRequest r = request(at(2026, 3, 2, 9));
    r.confirmation.send = true;
    r.citizenEmail = QStringLiteral("erika at example");
    CHECK_FALSE(f.store->book(r, nullptr, nullptr, &error, &code));
    CHECK(code == BookingError::InvalidInput);
    CHECK(error.contains(QStringLiteral("erika at example")));
    CHECK(f.store->bookedSeats(QStringLiteral("o1"), at(2026, 3, 2, 9)) == 0);
}

TEST_CASE("less busy times are offered first", "[appointments][slots]")
{
    Fixture f(2);
    QString error;
    // Monday morning is busy: both counters booked 08:00–10:00.
    for (int i = 0; i < 8; ++i) {
        for (int seat = 0; seat < 2; ++seat) {
            REQUIRE(f.store->book(request(at(2026, 3, 2, 8).addSecs(i * 900), 15), nullptr, nullptr, &error));
        }
    }
    // Tuesday 08:00–09:00 half booked.
    for (int i = 0; i < 4; ++i) {
        REQUIRE(f.store->book(request(at(2026, 3, 3, 8).addSecs(i * 900), 15), nullptr, nullptr, &error));
    }
    SlotQuery q;
    q.officeId = QStringLiteral("o1");
    q.durationMinutes = 15;
    q.from = at(2026, 3, 2, 0);
    q.to = at(2026, 3, 4, 0);      // Monday and Tuesday
    q.limit = 0;
    const QList<Slot> slots = f.store->freeSlots(q);
    REQUIRE(!slots.isEmpty());
    // Tuesday (1/8 of seats booked) before Monday (1/2); on Tuesday the empty hours before 08:xx.
    CHECK(slots.first().start == at(2026, 3, 3, 9));
    CHECK(slots.first().dayLoad == Approx(4.0 / 32.0));
    CHECK(slots.first().hourLoad == Approx(0.0));
    for (int i = 1; i < slots.size(); ++i) {
        const Slot &a = slots[i - 1];
        const Slot &b = slots[i];
        CHECK(std::make_tuple(int(a.dayLoad * 20 + 1e-9), int(a.hourLoad * 20 + 1e-9), a.start)
              <= std::make_tuple(int(b.dayLoad * 20 + 1e-9), int(b.hourLoad * 20 + 1e-9), b.start));
    }
    const Slot &lastTuesday = *std::find_if(slots.rbegin(), slots.rend(), [](const Slot &s) {
        return s.start.toTimeZone(berlin()).date() == QDate(2026, 3, 3);
    });
    CHECK(lastTuesday.start.toTimeZone(berlin()).time().hour() == 8);   // its busy hour comes last
    CHECK(slots.last().start.toTimeZone(berlin()).date() == QDate(2026, 3, 2));
    q.order = SlotQuery::Order::EarliestFirst;
    CHECK(f.store->freeSlots(q).first().start == at(2026, 3, 2, 10));
}

TEST_CASE("two desks booking the last free slot: exactly one gets it", "[appointments][race]")
{
    Fixture f;
    QString error;
    // Each round: both desks go for the same slot at the same moment, each on its own thread with its
    // own store (its own SQLite connection) on the same file.
    for (int round = 0; round < 8; ++round) {     // Tuesday 08:00–12:00 in half hours
        const QDateTime slot = at(2026, 3, 3, 8).addSecs(round * 1800);
        std::latch ready(2);
        std::atomic<int> wins{0};
        std::atomic<int> taken{0};
        std::atomic<int> withAlternatives{0};
        std::atomic<int> otherFailures{0};
        auto desk = [&](const QString &agent) {
            QString e;
            auto store = AppointmentStore::open(f.path, &e);
            if (!store) {
                ++otherFailures;
                ready.count_down();
                return;
            }
            store->setClock([&f] { return f.clock; });
            BookingRequest r = request(slot);
            r.agent = agent;
            ready.arrive_and_wait();
            BookingError code;
            QList<Slot> alternatives;
            if (store->book(r, nullptr, &alternatives, &e, &code)) {
                ++wins;
            } else if (code == BookingError::SlotTaken) {
                ++taken;
                if (!alternatives.isEmpty() && alternatives.first().start >= slot.addSecs(1800)) {
                    ++withAlternatives;
                }
            } else {
                ++otherFailures;
            }
        };
        std::thread a(desk, QStringLiteral("desk-a"));
        std::thread b(desk, QStringLiteral("desk-b"));
        a.join();
        b.join();
        INFO("round " << round);
        CHECK(wins == 1);
        CHECK(taken == 1);
        CHECK(withAlternatives == 1);
        CHECK(otherFailures == 0);
        CHECK(f.store->bookedSeats(QStringLiteral("o1"), slot) == 1);
    }
    CHECK(f.store->bookings(QStringLiteral("o1"), at(2026, 3, 3, 0), at(2026, 3, 4, 0)).size() == 8);
}

TEST_CASE("cancel frees the slot, rebook moves it and keeps the old one if the new one is taken",
          "[appointments]")
{
    Fixture f;
    QString error;
    Booking b;
    REQUIRE(f.store->book(request(at(2026, 3, 2, 9)), &b, nullptr, &error));
    Booking blocker;
    REQUIRE(f.store->book(request(at(2026, 3, 2, 11)), &blocker, nullptr, &error));

    Booking moved;
    QList<Slot> alternatives;
    BookingError code;
    CHECK_FALSE(f.store->rebook(b.id, at(2026, 3, 2, 11), Confirmation{false, {}, {}, {}, {}}, &moved, &alternatives,
                                &error, &code));
    CHECK(code == BookingError::SlotTaken);
    CHECK(!alternatives.isEmpty());
    CHECK(f.store->booking(b.id)->state == BookingState::Booked);        // nothing lost
    CHECK(f.store->bookedSeats(QStringLiteral("o1"), at(2026, 3, 2, 9)) == 1);

    REQUIRE(f.store->rebook(b.id, at(2026, 3, 2, 10), Confirmation{false, {}, {}, {}, {}}, &moved, nullptr, &error));
    CHECK(f.store->booking(b.id)->state == BookingState::Cancelled);
    CHECK(moved.rebookedFrom == b.id);
    CHECK(moved.uid == b.uid);                 // the calendar entry is updated, not duplicated
    CHECK(moved.sequence == b.sequence + 1);
    CHECK(f.store->bookedSeats(QStringLiteral("o1"), at(2026, 3, 2, 9)) == 0);
    CHECK(f.store->bookedSeats(QStringLiteral("o1"), at(2026, 3, 2, 10)) == 1);

    REQUIRE(f.store->cancel(moved.id, Confirmation{false, {}, {}, {}, {}}, &error));
    CHECK(f.store->bookedSeats(QStringLiteral("o1"), at(2026, 3, 2, 10)) == 0);
    CHECK_FALSE(f.store->cancel(moved.id, Confirmation{false, {}, {}, {}, {}}, &error));   // twice
    CHECK(error.contains(moved.id));
    REQUIRE(f.store->book(request(at(2026, 3, 2, 10)), nullptr, nullptr, &error));        // free again

    // Privacy: after the retention time the citizen's details go, the booking stays for statistics.
    CHECK(f.store->purgePersonalData(at(2026, 3, 2, 10), &error) == 1);   // only b ended before 10:00
    CHECK(f.store->booking(b.id)->citizenName.isEmpty());
    CHECK(f.store->booking(b.id)->citizenEmail.isEmpty());
    CHECK(f.store->booking(blocker.id)->citizenName == QStringLiteral("Erika Müller"));
    CHECK(f.store->purgePersonalData(at(2026, 3, 2, 10), &error) == 0);
}

TEST_CASE("the confirmation reaches the citizen with a valid .ics and the documents to bring",
          "[appointments][smtp]")
{
    SmtpSink sink;
    QString error;
    REQUIRE(sink.start(&error));
    Fixture f;
    f.clock = QDateTime::currentDateTimeUtc();
    // A date well ahead on a Monday, inside the opening hours.
    QDate day = f.clock.toTimeZone(berlin()).date().addDays(14);
    while (day.dayOfWeek() != Qt::Monday || journal::BusinessCalendar().isHoliday(day)) {
        day = day.addDays(1);
    }
    BookingRequest r = request(QDateTime(day, QTime(9, 30), berlin()));
    r.confirmation.send = true;
    r.confirmation.fromEmail = QStringLiteral("hotline@stadt.example");
    r.confirmation.fromName = QStringLiteral("Bürgertelefon 115");
    r.confirmation.documents = {QStringLiteral("Bisheriger Personalausweis oder Reisepass"),
                                QStringLiteral("Ein aktuelles biometrisches Passbild; 35 × 45 mm")};
    r.confirmation.hotlinePhone = QStringLiteral("115");
    Booking b;
    REQUIRE(f.store->book(r, &b, nullptr, &error));
    REQUIRE(!b.outboxId.isEmpty());

    outbox::SmtpConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = sink.port();
    config.security = outbox::SmtpConfig::Security::None;
    outbox::OutboxWorker worker(f.path, config);
    REQUIRE(worker.open(&error));
    CHECK(worker.processDue(QDateTime::currentDateTimeUtc()) == 1);
    REQUIRE(sink.messageFiles().size() == 1);
    const QJsonObject mail = SmtpSink::parse(sink.messageFiles().first(), &error);
    CHECK(mail[QStringLiteral("to")].toString() == QStringLiteral("Erika Müller <erika@example.org>"));
    CHECK(mail[QStringLiteral("subject")].toString().contains(QStringLiteral("Personalausweis beantragen")));
    const QString body = mail[QStringLiteral("body")].toString();
    CHECK(body.contains(QStringLiteral("Bisheriger Personalausweis oder Reisepass")));
    CHECK(body.contains(QStringLiteral("35 × 45 mm")));
    CHECK(body.contains(QStringLiteral("09:30–10:00")));
    CHECK(body.contains(QStringLiteral("Theaterstraße 11, 01067 Dresden")));
    const QJsonArray att = mail[QStringLiteral("attachments")].toArray();
    REQUIRE(att.size() == 1);
    CHECK(att[0][QStringLiteral("filename")].toString() == QStringLiteral("termin.ics"));
    CHECK(att[0][QStringLiteral("content_type")].toString() == QStringLiteral("text/calendar"));

    QTemporaryDir dir;
    const QString icsPath = dir.filePath(QStringLiteral("termin.ics"));
    QFile ics(icsPath);
    REQUIRE(ics.open(QIODevice::WriteOnly));
    ics.write(att[0][QStringLiteral("data")].toString().toUtf8());
    ics.close();
    const QJsonObject ev = QJsonDocument::fromJson(
                               runPython({QStringLiteral(HOTLINE_SMTP_SINK_DIR "/check_ics.py"), icsPath}, &error))
                               .object();
    INFO(error.toStdString());
    REQUIRE(!ev.isEmpty());
    CHECK(ev[QStringLiteral("uid")].toString() == b.uid);
    CHECK(ev[QStringLiteral("method")].toString() == QStringLiteral("PUBLISH"));
    CHECK(ev[QStringLiteral("dtstart_utc")].toString()
          == b.start.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss")) + QStringLiteral("+00:00"));
    CHECK(ev[QStringLiteral("summary")].toString() == QStringLiteral("Personalausweis beantragen – Bürgerbüro Altstadt"));
    CHECK(ev[QStringLiteral("location")].toString().contains(QStringLiteral("Theaterstraße 11")));
    CHECK(ev[QStringLiteral("description")].toString().contains(QStringLiteral("Ein aktuelles biometrisches Passbild; 35 × 45 mm")));
    CHECK(ev[QStringLiteral("attendee")].toString() == QStringLiteral("mailto:erika@example.org"));

    // Cancelling sends the cancellation for the same calendar entry.
    REQUIRE(f.store->cancel(b.id, r.confirmation, &error));
    CHECK(worker.processDue(QDateTime::currentDateTimeUtc()) == 1);
    REQUIRE(sink.messageFiles().size() == 2);
    const QJsonObject cancelMail = SmtpSink::parse(sink.messageFiles().last(), &error);
    const QJsonArray cancelAtt = cancelMail[QStringLiteral("attachments")].toArray();
    REQUIRE(cancelAtt.size() == 1);
    CHECK(cancelAtt[0][QStringLiteral("data")].toString().contains(QStringLiteral("METHOD:CANCEL")));
    CHECK(cancelAtt[0][QStringLiteral("data")].toString().contains(QStringLiteral("UID:") + b.uid));
}
