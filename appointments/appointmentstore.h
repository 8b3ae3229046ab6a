#pragma once

#include "businesscalendar.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTime>

#include <functional>
#include <memory>
#include <optional>

namespace kb {
struct Article;
}

namespace appointments {

struct OpeningInterval
{
    int weekday = 1; // 1 = Monday … 7 = Sunday
    QTime opens;
    QTime closes;

    friend bool operator==(const OpeningInterval &, const OpeningInterval &) = default;
};

// An office as the booking sees it. Editable by team leads.
struct OfficeSchedule
{
    QString officeId; // kb::Office::id
    QString name;
    QString address; // for the confirmation and the .ics LOCATION
    QString email;
    int capacity = 1;             // citizens served in parallel (counters) per slot
    int cellMinutes = 15;         // booking grid; slots start on it
    QList<OpeningInterval> hours; // Europe/Berlin wall-clock times

    // Parses "Mo-Fr 08:00-12:00, 13:00-16:00; Do 14:00-18:00" (German or English day names).
    static std::optional<QList<OpeningInterval>> parseHours(const QString &text, QString *error);
};

// Appointment length for a service at an office: the office link's duration, else the article's,
// else `fallback` minutes.
int appointmentMinutes(const kb::Article &article, const QString &officeId, int fallback = 15);

struct Slot
{
    QString officeId;
    QDateTime start; // UTC
    QDateTime end;
    int freeSeats = 0; // counters still free for the whole slot
    int capacity = 0;
    double dayLoad = 0;  // booked share of that day's seats (0..1)
    double hourLoad = 0; // booked share of that hour's seats (0..1)

    friend bool operator==(const Slot &, const Slot &) = default;
};

struct SlotQuery
{
    enum class Order { LessBusyFirst, EarliestFirst };
    QString officeId;
    int durationMinutes = 15;
    QDateTime from; // null: now
    QDateTime to;   // null: from + 14 days
    int limit = 10;
    Order order = Order::LessBusyFirst;
};

// What the confirmation e-mail needs beyond the booking.
struct Confirmation
{
    bool send = true;  // needs the citizen's e-mail address
    QString fromEmail; // the hotline's mailbox
    QString fromName;
    QStringList documents; // documents to bring (kb::Article::documents)
    QString hotlinePhone;  // for changes ("call 115")
};

struct BookingRequest
{
    QString id; // empty: a new UUID; a desk booking through the server's queue chooses it
    QString officeId;
    QString serviceId;
    QString serviceTitle;
    QDateTime start;
    int durationMinutes = 15;
    QString citizenName;
    QString citizenEmail;
    QString citizenPhone;
    QString agent;
    QString callId;
    // "Book again": the booking this one replaces (refused by the server, named by the committed call callId). Kept
    // as the new booking's rebookedFrom; on the server the call names the new booking from then on.
    QString replacesBookingId;
    Confirmation confirmation;
};

enum class BookingState { Booked, Cancelled };

struct Booking
{
    QString id;
    QString officeId;
    QString serviceId;
    QString serviceTitle;
    QDateTime start;
    QDateTime end;
    QString citizenName;
    QString citizenEmail;
    QString citizenPhone;
    QString agent;
    QString callId;
    BookingState state = BookingState::Booked;
    QString uid; // iCalendar UID, kept across rebooking
    int sequence = 0;
    QString rebookedFrom;
    QString outboxId; // the confirmation e-mail (empty: none sent)
    QDateTime createdAt;
    QDateTime cancelledAt;
};

// Why a booking failed, so the desk can react (offer alternatives, fix input).
enum class BookingError { None, InvalidInput, SlotTaken, OutsideOpeningHours, Database };

// Offices, slots and bookings in journal.db (migration chain "appointments"; the confirmation goes
// through the outbox in the same transaction). One store per thread; two stores (two desks) on one
// file are safe: a booking is one write transaction and every seat of every cell is a primary key.
class AppointmentStore
{
public:
    ~AppointmentStore();
    AppointmentStore(const AppointmentStore &) = delete;
    AppointmentStore &operator=(const AppointmentStore &) = delete;

    static std::unique_ptr<AppointmentStore> open(const QString &path, QString *error);
    // On an existing connection this program does not own (the shared PostgreSQL store: QPSQL, on
    // this thread), already migrated by hotline-admin-desk: never migrates, refuses a schema other
    // than this build's (outbox, appointments). Inside a hotline::db::OuterTransaction its writes become savepoints.
    static std::unique_ptr<AppointmentStore> openOn(const QSqlDatabase &db, QString *error);

    void setClock(std::function<QDateTime()> clock);
    void setCalendar(const journal::BusinessCalendar &calendar); // offices are closed on its holidays

    bool setOffice(const OfficeSchedule &office, QString *error);
    std::optional<OfficeSchedule> office(const QString &officeId) const;
    QList<OfficeSchedule> offices() const;

    QList<Slot> freeSlots(const SlotQuery &query, QString *error = nullptr) const;
    int bookedSeats(const QString &officeId, const QDateTime &cellStart) const;

    // Books atomically. On SlotTaken, *alternatives holds the next free slots after the requested time.
    bool book(const BookingRequest &request, Booking *booking, QList<Slot> *alternatives, QString *error,
              BookingError *code = nullptr);
    // Frees the seats; with `notify`, a cancellation (.ics METHOD:CANCEL) goes to the citizen.
    bool cancel(const QString &bookingId, const Confirmation &notify, QString *error);
    // Cancel + book in one transaction: the old slot is only given up if the new one is got.
    bool rebook(const QString &bookingId, const QDateTime &newStart, const Confirmation &confirmation, Booking *booking,
                QList<Slot> *alternatives, QString *error, BookingError *code = nullptr);

    // Privacy: removes the citizen's name, e-mail and phone from bookings that ended before `before`
    // (the slot statistics stay). Returns the number of bookings changed, -1 on error.
    int purgePersonalData(const QDateTime &before, QString *error);

    std::optional<Booking> booking(const QString &id) const;
    QList<Booking> bookings(const QString &officeId, const QDateTime &from, const QDateTime &to) const;
    // Figures for team leads: appointments booked (by booking time) in [from, to) per office id, cancelled ones not
    // counted; most first, ties by office id.
    QList<QPair<QString, int>> bookingsPerOffice(const QDateTime &from, const QDateTime &to) const;

private:
    AppointmentStore();
    QDateTime now() const;
    bool bookLocked(const BookingRequest &request, const QString &uid, int sequence, const QString &rebookedFrom,
                    Booking *booking, QList<Slot> *alternatives, QString *error, BookingError *code);
    bool freeCells(const QString &bookingId, QString *error);
    QList<Booking> queryBookings(const QString &where, const QList<QPair<QString, QVariant>> &binds) const;

    QString m_connection;
    QSqlDatabase m_db;
    journal::BusinessCalendar m_calendar;
    std::function<QDateTime()> m_clock;
};

} // namespace appointments
