#include "appointmentstore.h"

#include "confirmation.h"
#include "dbsupport.h"
#include "outboxstore.h"

#include "article.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace appointments {

namespace {

using hotline::db::text;

QString tr(const char *s)
{
    return QCoreApplication::translate("appointments::AppointmentStore", s);
}

bool fail(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
    return false;
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

const QTimeZone &berlin()
{
    static const QTimeZone tz(QByteArrayLiteral("Europe/Berlin"));
    return tz;
}

int minuteOf(const QTime &t)
{
    return t.hour() * 60 + t.minute();
}

qint64 cellMs(const QDate &date, int minute)
{
    return QDateTime(date, QTime(minute / 60, minute % 60), berlin()).toMSecsSinceEpoch();
}

int dayIndex(const QString &name)
{
    static const QStringList en = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
                                   QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"),
                                   QStringLiteral("sun")};
    static const QStringList de = {QStringLiteral("mo"), QStringLiteral("di"), QStringLiteral("mi"),
                                   QStringLiteral("do"), QStringLiteral("fr"), QStringLiteral("sa"),
                                   QStringLiteral("so")};
    const QString n = name.trimmed().toLower();
    for (int i = 0; i < 7; ++i) {
        if (n.startsWith(en[i]) || n == de[i]) {
            return i + 1;
        }
    }
    return 0;
}

const char *kBookingColumns = "id, office_id, service_id, service_title, starts_at, ends_at, citizen_name, "
                              "citizen_email, citizen_phone, agent, call_id, state, uid, sequence, rebooked_from, "
                              "outbox_id, created_at, cancelled_at";

} // namespace

std::optional<QList<OpeningInterval>> OfficeSchedule::parseHours(const QString &textIn, QString *error)
{
    static const QRegularExpression group(QStringLiteral("^\\s*(\\w+)\\s*(?:-\\s*(\\w+))?\\s+(.+)$"));
    static const QRegularExpression range(QStringLiteral("^\\s*(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})\\s*$"));
    QList<OpeningInterval> out;
    for (const QString &part : textIn.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const auto g = group.match(part);
        const int from = g.hasMatch() ? dayIndex(g.captured(1)) : 0;
        const int to = g.hasMatch() ? (g.captured(2).isEmpty() ? from : dayIndex(g.captured(2))) : 0;
        if (!from || !to || to < from) {
            fail(error, tr("Cannot read the days in \"%1\" (expected e.g. \"Mo-Fr 08:00-12:00, 13:00-16:00\").")
                            .arg(part.trimmed()));
            return std::nullopt;
        }
        for (const QString &r : g.captured(3).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto m = range.match(r);
            const QTime opens(m.captured(1).toInt(), m.captured(2).toInt());
            const QTime closes(m.captured(3).toInt(), m.captured(4).toInt());
            if (!m.hasMatch() || !opens.isValid() || !closes.isValid() || !(opens < closes)) {
                fail(error, tr("Cannot read the hours \"%1\" in \"%2\".").arg(r.trimmed(), part.trimmed()));
                return std::nullopt;
            }
            for (int d = from; d <= to; ++d) {
                out.append({d, opens, closes});
            }
        }
    }
    return out;
}

int appointmentMinutes(const kb::Article &article, const QString &officeId, int fallback)
{
    for (const kb::OfficeLink &l : article.offices) {
        if (l.officeId == officeId && l.durationMinutes > 0) {
            return l.durationMinutes;
        }
    }
    return article.durationMinutes > 0 ? article.durationMinutes : fallback;
}

AppointmentStore::AppointmentStore() = default;

AppointmentStore::~AppointmentStore()
{
    m_db = QSqlDatabase();
    if (!m_connection.isEmpty()) { // empty: openOn(), the connection is the caller's
        hotline::db::closeConnection(m_connection);
    }
}

std::unique_ptr<AppointmentStore> AppointmentStore::openOn(const QSqlDatabase &db, QString *error)
{
    std::unique_ptr<AppointmentStore> store(new AppointmentStore);
    store->m_db = db;
    if (!store->m_db.isOpen() || !hotline::db::requireCurrentSchema(store->m_db, QStringLiteral("outbox"), error) ||
        !hotline::db::requireCurrentSchema(store->m_db, QStringLiteral("appointments"), error)) {
        if (!store->m_db.isOpen() && error) {
            *error = QStringLiteral("the appointments store's connection is not open");
        }
        return nullptr;
    }
    return store;
}

std::unique_ptr<AppointmentStore> AppointmentStore::open(const QString &path, QString *error)
{
    std::unique_ptr<AppointmentStore> store(new AppointmentStore);
    store->m_connection = hotline::db::connectionName(QStringLiteral("appointments"), path) + QLatin1Char('_') +
                          QUuid::createUuid().toString(QUuid::Id128);
    if (!hotline::db::openSqlite(path, store->m_connection, &store->m_db, error) ||
        !outbox::OutboxStore::migrate(store->m_db, error) ||
        !hotline::db::applyMigrations(store->m_db, QStringLiteral("appointments"), error)) {
        return nullptr;
    }
    return store;
}

void AppointmentStore::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

void AppointmentStore::setCalendar(const journal::BusinessCalendar &calendar)
{
    m_calendar = calendar;
}

QDateTime AppointmentStore::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool AppointmentStore::setOffice(const OfficeSchedule &o, QString *error)
{
    if (o.officeId.trimmed().isEmpty()) {
        return fail(error, tr("The office has no id."));
    }
    if (o.capacity < 1 || o.capacity > 500) {
        return fail(
            error, tr("The number of citizens served in parallel must be between 1 and 500 (got %1).").arg(o.capacity));
    }
    if (o.cellMinutes < 5 || o.cellMinutes > 240 || 1440 % o.cellMinutes != 0) {
        return fail(
            error,
            tr("The slot grid must divide a day into whole minutes between 5 and 240 (got %1).").arg(o.cellMinutes));
    }
    for (const OpeningInterval &h : o.hours) {
        if (h.weekday < 1 || h.weekday > 7 || !h.opens.isValid() || !h.closes.isValid() || !(h.opens < h.closes)) {
            return fail(error, tr("Invalid opening hours on weekday %1.").arg(h.weekday));
        }
    }
    hotline::db::Transaction tx(m_db, true);
    if (!tx.isActive()) {
        return fail(error, tx.error());
    }
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO appt_offices (office_id, office_name, address, email, capacity, cell_minutes, "
                       "updated_at) VALUES (:id, :name, :address, :email, :cap, :cell, :now) "
                       "ON CONFLICT (office_id) DO UPDATE SET office_name = excluded.office_name, "
                       "address = excluded.address, email = excluded.email, capacity = excluded.capacity, "
                       "cell_minutes = excluded.cell_minutes, updated_at = excluded.updated_at"));
    q.bindValue(QStringLiteral(":id"), o.officeId);
    q.bindValue(QStringLiteral(":name"), text(o.name));
    q.bindValue(QStringLiteral(":address"), text(o.address));
    q.bindValue(QStringLiteral(":email"), text(o.email));
    q.bindValue(QStringLiteral(":cap"), o.capacity);
    q.bindValue(QStringLiteral(":cell"), o.cellMinutes);
    q.bindValue(QStringLiteral(":now"), now().toMSecsSinceEpoch());
    if (!hotline::db::exec(q, QStringLiteral("save office"), error)) {
        return false;
    }
    QSqlQuery del(m_db);
    del.prepare(QStringLiteral("DELETE FROM appt_opening_hours WHERE office_id = :id"));
    del.bindValue(QStringLiteral(":id"), o.officeId);
    if (!hotline::db::exec(del, QStringLiteral("save opening hours"), error)) {
        return false;
    }
    for (const OpeningInterval &h : o.hours) {
        QSqlQuery ins(m_db);
        ins.prepare(QStringLiteral("INSERT INTO appt_opening_hours (office_id, weekday, opens_minute, closes_minute) "
                                   "VALUES (:id, :day, :opens, :closes)"));
        ins.bindValue(QStringLiteral(":id"), o.officeId);
        ins.bindValue(QStringLiteral(":day"), h.weekday);
        ins.bindValue(QStringLiteral(":opens"), minuteOf(h.opens));
        ins.bindValue(QStringLiteral(":closes"), minuteOf(h.closes));
        if (!hotline::db::exec(ins, QStringLiteral("save opening hours"), error)) {
            return false;
        }
    }
    return tx.commit(error);
}

std::optional<OfficeSchedule> AppointmentStore::office(const QString &officeId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT office_name, address, email, capacity, cell_minutes FROM appt_offices "
                             "WHERE office_id = :id"));
    q.bindValue(QStringLiteral(":id"), officeId);
    if (!q.exec() || !q.next()) {
        return std::nullopt;
    }
    OfficeSchedule o;
    o.officeId = officeId;
    o.name = q.value(0).toString();
    o.address = q.value(1).toString();
    o.email = q.value(2).toString();
    o.capacity = q.value(3).toInt();
    o.cellMinutes = q.value(4).toInt();
    QSqlQuery h(m_db);
    h.prepare(QStringLiteral("SELECT weekday, opens_minute, closes_minute FROM appt_opening_hours "
                             "WHERE office_id = :id ORDER BY weekday, opens_minute"));
    h.bindValue(QStringLiteral(":id"), officeId);
    if (h.exec()) {
        while (h.next()) {
            const int opens = h.value(1).toInt();
            const int closes = h.value(2).toInt();
            o.hours.append({h.value(0).toInt(), QTime(opens / 60, opens % 60), QTime(closes / 60, closes % 60)});
        }
    }
    return o;
}

QList<OfficeSchedule> AppointmentStore::offices() const
{
    QList<OfficeSchedule> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT office_id FROM appt_offices ORDER BY office_name, office_id"));
    QStringList ids;
    if (q.exec()) {
        while (q.next()) {
            ids << q.value(0).toString();
        }
    }
    for (const QString &id : ids) {
        if (auto o = office(id)) {
            out << *o;
        }
    }
    return out;
}

int AppointmentStore::bookedSeats(const QString &officeId, const QDateTime &cellStart) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM appt_cells WHERE office_id = :id AND cell_start = :start"));
    q.bindValue(QStringLiteral(":id"), officeId);
    q.bindValue(QStringLiteral(":start"), cellStart.toMSecsSinceEpoch());
    if (!q.exec() || !q.next()) {
        return 0;
    }
    return q.value(0).toInt();
}

QList<Slot> AppointmentStore::freeSlots(const SlotQuery &query, QString *error) const
{
    QList<Slot> out;
    const auto o = office(query.officeId);
    if (!o) {
        fail(error, tr("Office %1 has no appointment schedule.").arg(query.officeId));
        return out;
    }
    if (query.durationMinutes <= 0) {
        fail(error, tr("The appointment length must be positive."));
        return out;
    }
    const QDateTime t = now();
    const QDateTime from = std::max(query.from.isValid() ? query.from : t, t);
    const QDateTime to = query.to.isValid() ? query.to : from.addDays(14);
    const int cell = o->cellMinutes;
    const int need = (query.durationMinutes + cell - 1) / cell;

    QMap<qint64, int> booked;
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT cell_start, COUNT(*) FROM appt_cells WHERE office_id = :id AND cell_start >= :from "
                       "AND cell_start < :to GROUP BY cell_start"));
    q.bindValue(QStringLiteral(":id"), query.officeId);
    q.bindValue(QStringLiteral(":from"), from.addDays(-1).toMSecsSinceEpoch());
    q.bindValue(QStringLiteral(":to"), to.addDays(1).toMSecsSinceEpoch());
    if (!hotline::db::exec(q, QStringLiteral("read booked cells"), error)) {
        return out;
    }
    while (q.next()) {
        booked[q.value(0).toLongLong()] = q.value(1).toInt();
    }

    const QDate lastDay = to.toTimeZone(berlin()).date();
    for (QDate day = from.toTimeZone(berlin()).date(); day <= lastDay; day = day.addDays(1)) {
        if (m_calendar.isHoliday(day)) {
            continue;
        }
        QList<OpeningInterval> intervals;
        for (const OpeningInterval &h : o->hours) {
            if (h.weekday == day.dayOfWeek()) {
                intervals << h;
            }
        }
        // Load of the day and of each hour: booked seats / seats offered.
        int daySeats = 0;
        int dayBooked = 0;
        QMap<int, std::pair<int, int>> hours; // hour → (seats, booked)
        for (const OpeningInterval &h : intervals) {
            for (int m = minuteOf(h.opens); m + cell <= minuteOf(h.closes); m += cell) {
                const int b = booked.value(cellMs(day, m));
                daySeats += o->capacity;
                dayBooked += b;
                hours[m / 60].first += o->capacity;
                hours[m / 60].second += b;
            }
        }
        const double dayLoad = daySeats ? double(dayBooked) / daySeats : 0.0;
        for (const OpeningInterval &h : intervals) {
            const int opens = minuteOf(h.opens);
            const int closes = minuteOf(h.closes);
            for (int m = opens; m + need * cell <= closes; m += cell) {
                const QDateTime start(day, QTime(m / 60, m % 60), berlin());
                if (start < from || start >= to) {
                    continue;
                }
                int free = o->capacity;
                for (int k = 0; k < need; ++k) {
                    free = std::min(free, o->capacity - booked.value(cellMs(day, m + k * cell)));
                }
                if (free <= 0) {
                    continue;
                }
                const auto &hour = hours.value(m / 60);
                Slot s;
                s.officeId = query.officeId;
                s.start = start.toUTC();
                s.end = start.addSecs(qint64(query.durationMinutes) * 60).toUTC();
                s.freeSeats = free;
                s.capacity = o->capacity;
                s.dayLoad = dayLoad;
                s.hourLoad = hour.first ? double(hour.second) / hour.first : 0.0;
                out << s;
            }
        }
    }
    if (query.order == SlotQuery::Order::LessBusyFirst) {
        // Steer callers to quiet times: the emptier day first, within it the emptier hour, then the
        // earlier slot. Loads are compared in 5 % steps so a single booking does not push a slot weeks out.
        auto bucket = [](double load) { return static_cast<int>(std::floor(load * 20.0 + 1e-9)); };
        std::stable_sort(out.begin(), out.end(), [&bucket](const Slot &a, const Slot &b) {
            const int da = bucket(a.dayLoad), db = bucket(b.dayLoad);
            if (da != db) {
                return da < db;
            }
            const int ha = bucket(a.hourLoad), hb = bucket(b.hourLoad);
            if (ha != hb) {
                return ha < hb;
            }
            return a.start < b.start;
        });
    }
    if (query.limit > 0 && out.size() > query.limit) {
        out.resize(query.limit);
    }
    return out;
}

bool AppointmentStore::bookLocked(const BookingRequest &r, const QString &uid, int sequence,
                                  const QString &rebookedFrom, Booking *booking, QList<Slot> *alternatives,
                                  QString *error, BookingError *code)
{
    Q_UNUSED(alternatives)
    auto refuse = [&](BookingError c, const QString &message) {
        if (code) {
            *code = c;
        }
        return fail(error, message);
    };
    const auto o = office(r.officeId);
    if (!o) {
        return refuse(BookingError::InvalidInput, tr("Office %1 has no appointment schedule.").arg(r.officeId));
    }
    if (r.durationMinutes <= 0 || !r.start.isValid()) {
        return refuse(BookingError::InvalidInput, tr("The appointment needs a start time and a length."));
    }
    if (r.confirmation.send && !outbox::Address{r.citizenEmail.trimmed(), {}}.isValid()) {
        return refuse(BookingError::InvalidInput,
                      tr("The citizen's e-mail address \"%1\" is not valid for the confirmation.").arg(r.citizenEmail));
    }
    if (r.start < now()) {
        return refuse(BookingError::InvalidInput, tr("The slot lies in the past."));
    }
    const QDateTime local = r.start.toTimeZone(berlin());
    const QDate day = local.date();
    const int startMinute = minuteOf(local.time());
    const int cell = o->cellMinutes;
    const int need = (r.durationMinutes + cell - 1) / cell;
    bool inside = false;
    for (const OpeningInterval &h : o->hours) {
        if (h.weekday == day.dayOfWeek() && startMinute >= minuteOf(h.opens) &&
            (startMinute - minuteOf(h.opens)) % cell == 0 && startMinute + need * cell <= minuteOf(h.closes) &&
            local.time().second() == 0) {
            inside = true;
        }
    }
    if (!inside || m_calendar.isHoliday(day)) {
        return refuse(BookingError::OutsideOpeningHours,
                      tr("%1 is not a bookable time at %2.")
                          .arg(QLocale(QLocale::German).toString(local, QStringLiteral("dd.MM.yyyy HH:mm")), o->name));
    }

    Booking b;
    b.id = r.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : r.id;
    b.officeId = r.officeId;
    b.serviceId = r.serviceId;
    b.serviceTitle = r.serviceTitle;
    b.start = r.start.toUTC();
    b.end = r.start.addSecs(qint64(r.durationMinutes) * 60).toUTC();
    b.citizenName = r.citizenName.trimmed();
    b.citizenEmail = r.citizenEmail.trimmed();
    b.citizenPhone = r.citizenPhone.trimmed();
    b.agent = r.agent;
    b.callId = r.callId;
    b.uid = uid.isEmpty() ? b.id + QStringLiteral("@hotline-desk") : uid;
    b.sequence = sequence;
    b.rebookedFrom = rebookedFrom;
    b.createdAt = now();

    // Pick the lowest free seat in every cell; none free → taken.
    QList<std::pair<qint64, int>> seats;
    for (int k = 0; k < need; ++k) {
        const qint64 c = cellMs(day, startMinute + k * cell);
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT seat FROM appt_cells WHERE office_id = :id AND cell_start = :c"));
        q.bindValue(QStringLiteral(":id"), r.officeId);
        q.bindValue(QStringLiteral(":c"), c);
        if (!hotline::db::exec(q, QStringLiteral("read seats"), error)) {
            return refuse(BookingError::Database, error ? *error : QString());
        }
        QSet<int> used;
        while (q.next()) {
            used.insert(q.value(0).toInt());
        }
        int seat = 0;
        for (int s = 1; s <= o->capacity; ++s) {
            if (!used.contains(s)) {
                seat = s;
                break;
            }
        }
        if (!seat) {
            return refuse(BookingError::SlotTaken,
                          tr("This slot has just been taken (all %1 counters are booked). Please offer one of "
                             "the next free slots.")
                              .arg(o->capacity));
        }
        seats.append({c, seat});
    }

    if (r.confirmation.send) {
        outbox::Message m = composeConfirmation(b, *o, r.confirmation, false, b.createdAt);
        if (!outbox::OutboxStore::enqueueIn(m_db, m, b.createdAt, error)) {
            return refuse(BookingError::InvalidInput, error ? *error : QString());
        }
        b.outboxId = m.id;
    }
    QSqlQuery ins(m_db);
    ins.prepare(QStringLiteral(
        "INSERT INTO appt_bookings (id, office_id, service_id, service_title, starts_at, ends_at, citizen_name, "
        "citizen_email, citizen_phone, agent, call_id, state, uid, sequence, rebooked_from, outbox_id, created_at) "
        "VALUES (:id, :office, :sid, :stitle, :start, :end, :name, :email, :phone, :agent, :call, 'booked', :uid, "
        ":seq, :from, :outbox, :now)"));
    ins.bindValue(QStringLiteral(":id"), b.id);
    ins.bindValue(QStringLiteral(":office"), b.officeId);
    ins.bindValue(QStringLiteral(":sid"), text(b.serviceId));
    ins.bindValue(QStringLiteral(":stitle"), text(b.serviceTitle));
    ins.bindValue(QStringLiteral(":start"), b.start.toMSecsSinceEpoch());
    ins.bindValue(QStringLiteral(":end"), b.end.toMSecsSinceEpoch());
    ins.bindValue(QStringLiteral(":name"), text(b.citizenName));
    ins.bindValue(QStringLiteral(":email"), text(b.citizenEmail));
    ins.bindValue(QStringLiteral(":phone"), text(b.citizenPhone));
    ins.bindValue(QStringLiteral(":agent"), text(b.agent));
    ins.bindValue(QStringLiteral(":call"), text(b.callId));
    ins.bindValue(QStringLiteral(":uid"), b.uid);
    ins.bindValue(QStringLiteral(":seq"), b.sequence);
    ins.bindValue(QStringLiteral(":from"), text(b.rebookedFrom));
    ins.bindValue(QStringLiteral(":outbox"), text(b.outboxId));
    ins.bindValue(QStringLiteral(":now"), b.createdAt.toMSecsSinceEpoch());
    if (!hotline::db::exec(ins, QStringLiteral("store booking"), error)) {
        return refuse(BookingError::Database, error ? *error : QString());
    }
    for (const auto &[c, seat] : seats) {
        QSqlQuery cellInsert(m_db);
        cellInsert.prepare(QStringLiteral("INSERT INTO appt_cells (office_id, cell_start, seat, booking_id) "
                                          "VALUES (:office, :c, :seat, :booking)"));
        cellInsert.bindValue(QStringLiteral(":office"), b.officeId);
        cellInsert.bindValue(QStringLiteral(":c"), c);
        cellInsert.bindValue(QStringLiteral(":seat"), seat);
        cellInsert.bindValue(QStringLiteral(":booking"), b.id);
        if (!cellInsert.exec()) {
            // Another desk won the race (possible on PostgreSQL, where the transaction does not lock
            // the whole file): the primary key refused the seat.
            if (hotline::db::isConstraintViolation(cellInsert)) {
                return refuse(BookingError::SlotTaken, tr("This slot has just been taken by another desk."));
            }
            hotline::db::exec(cellInsert, QStringLiteral("store booked cell"), error);
            return refuse(BookingError::Database, error ? *error : QString());
        }
    }
    if (booking) {
        *booking = b;
    }
    if (code) {
        *code = BookingError::None;
    }
    return true;
}

bool AppointmentStore::book(const BookingRequest &request, Booking *booking, QList<Slot> *alternatives, QString *error,
                            BookingError *code)
{
    BookingError c = BookingError::None;
    bool ok = false;
    {
        hotline::db::Transaction tx(m_db, true);
        if (!tx.isActive()) {
            if (code) {
                *code = BookingError::Database;
            }
            return fail(error, tx.error());
        }
        ok = bookLocked(request, QString(), 0, request.replacesBookingId, booking, alternatives, error, &c) &&
             tx.commit(error);
    }
    if (!ok && c == BookingError::None) {
        c = BookingError::Database;
    }
    if (code) {
        *code = c;
    }
    if (c == BookingError::SlotTaken && alternatives) {
        SlotQuery q;
        q.officeId = request.officeId;
        q.durationMinutes = request.durationMinutes;
        q.from = request.start;
        q.limit = 5;
        q.order = SlotQuery::Order::EarliestFirst;
        *alternatives = freeSlots(q);
    }
    return ok;
}

bool AppointmentStore::freeCells(const QString &bookingId, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM appt_cells WHERE booking_id = :id"));
    q.bindValue(QStringLiteral(":id"), bookingId);
    return hotline::db::exec(q, QStringLiteral("free booked cells"), error);
}

bool AppointmentStore::cancel(const QString &bookingId, const Confirmation &notify, QString *error)
{
    hotline::db::Transaction tx(m_db, true);
    if (!tx.isActive()) {
        return fail(error, tx.error());
    }
    const auto b = booking(bookingId);
    if (!b || b->state != BookingState::Booked) {
        return fail(error, tr("There is no booked appointment %1.").arg(bookingId));
    }
    if (!freeCells(bookingId, error)) {
        return false;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE appt_bookings SET state = 'cancelled', cancelled_at = :now WHERE id = :id"));
    q.bindValue(QStringLiteral(":now"), now().toMSecsSinceEpoch());
    q.bindValue(QStringLiteral(":id"), bookingId);
    if (!hotline::db::exec(q, QStringLiteral("cancel booking"), error)) {
        return false;
    }
    if (notify.send && !b->citizenEmail.isEmpty()) {
        outbox::Message m =
            composeConfirmation(*b, office(b->officeId).value_or(OfficeSchedule{}), notify, true, now());
        if (!outbox::OutboxStore::enqueueIn(m_db, m, now(), error)) {
            return false;
        }
    }
    return tx.commit(error);
}

bool AppointmentStore::rebook(const QString &bookingId, const QDateTime &newStart, const Confirmation &confirmation,
                              Booking *newBooking, QList<Slot> *alternatives, QString *error, BookingError *code)
{
    BookingError c = BookingError::None;
    BookingRequest r;
    bool ok = false;
    {
        hotline::db::Transaction tx(m_db, true);
        if (!tx.isActive()) {
            return fail(error, tx.error());
        }
        const auto old = booking(bookingId);
        if (!old || old->state != BookingState::Booked) {
            if (code) {
                *code = BookingError::InvalidInput;
            }
            return fail(error, tr("There is no booked appointment %1.").arg(bookingId));
        }
        r.officeId = old->officeId;
        r.serviceId = old->serviceId;
        r.serviceTitle = old->serviceTitle;
        r.start = newStart;
        r.durationMinutes = static_cast<int>(old->start.secsTo(old->end) / 60);
        r.citizenName = old->citizenName;
        r.citizenEmail = old->citizenEmail;
        r.citizenPhone = old->citizenPhone;
        r.agent = old->agent;
        r.callId = old->callId;
        r.confirmation = confirmation;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE appt_bookings SET state = 'cancelled', cancelled_at = :now WHERE id = :id"));
        q.bindValue(QStringLiteral(":now"), now().toMSecsSinceEpoch());
        q.bindValue(QStringLiteral(":id"), bookingId);
        ok = freeCells(bookingId, error) && hotline::db::exec(q, QStringLiteral("cancel booking"), error) &&
             bookLocked(r, old->uid, old->sequence + 1, old->id, newBooking, alternatives, error, &c) &&
             tx.commit(error);
    }
    if (!ok && c == BookingError::None) {
        c = BookingError::Database;
    }
    if (code) {
        *code = c;
    }
    if (c == BookingError::SlotTaken && alternatives) {
        SlotQuery q;
        q.officeId = r.officeId;
        q.durationMinutes = r.durationMinutes;
        q.from = newStart;
        q.limit = 5;
        q.order = SlotQuery::Order::EarliestFirst;
        *alternatives = freeSlots(q);
    }
    return ok;
}

int AppointmentStore::purgePersonalData(const QDateTime &before, QString *error)
{
    hotline::db::Transaction tx(m_db, true);
    if (!tx.isActive()) {
        fail(error, tx.error());
        return -1;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE appt_bookings SET citizen_name = '', citizen_email = '', citizen_phone = '' "
                             "WHERE ends_at < :before AND (citizen_name <> '' OR citizen_email <> '' OR "
                             "citizen_phone <> '')"));
    q.bindValue(QStringLiteral(":before"), before.toMSecsSinceEpoch());
    if (!hotline::db::exec(q, QStringLiteral("purge booking details"), error)) {
        return -1;
    }
    const int n = q.numRowsAffected();
    const int mails = outbox::OutboxStore::purgeSentContentIn(m_db, before, error);
    if (mails < 0 || !tx.commit(error)) {
        return -1;
    }
    return n;
}

QList<Booking> AppointmentStore::queryBookings(const QString &where, const QList<QPair<QString, QVariant>> &binds) const
{
    QList<Booking> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM appt_bookings WHERE %2 ORDER BY starts_at, id")
                  .arg(QLatin1String(kBookingColumns), where));
    for (const auto &[k, v] : binds) {
        q.bindValue(k, v);
    }
    if (!q.exec()) {
        return out;
    }
    while (q.next()) {
        Booking b;
        b.id = q.value(0).toString();
        b.officeId = q.value(1).toString();
        b.serviceId = q.value(2).toString();
        b.serviceTitle = q.value(3).toString();
        b.start = fromMs(q.value(4));
        b.end = fromMs(q.value(5));
        b.citizenName = q.value(6).toString();
        b.citizenEmail = q.value(7).toString();
        b.citizenPhone = q.value(8).toString();
        b.agent = q.value(9).toString();
        b.callId = q.value(10).toString();
        b.state = q.value(11).toString() == QLatin1String("cancelled") ? BookingState::Cancelled : BookingState::Booked;
        b.uid = q.value(12).toString();
        b.sequence = q.value(13).toInt();
        b.rebookedFrom = q.value(14).toString();
        b.outboxId = q.value(15).toString();
        b.createdAt = fromMs(q.value(16));
        b.cancelledAt = fromMs(q.value(17));
        out << b;
    }
    return out;
}

std::optional<Booking> AppointmentStore::booking(const QString &id) const
{
    const auto list = queryBookings(QStringLiteral("id = :id"), {{QStringLiteral(":id"), id}});
    if (list.isEmpty()) {
        return std::nullopt;
    }
    return list.first();
}

QList<Booking> AppointmentStore::bookings(const QString &officeId, const QDateTime &from, const QDateTime &to) const
{
    return queryBookings(QStringLiteral("office_id = :office AND starts_at >= :from AND starts_at < :to"),
                         {{QStringLiteral(":office"), officeId},
                          {QStringLiteral(":from"), from.toMSecsSinceEpoch()},
                          {QStringLiteral(":to"), to.toMSecsSinceEpoch()}});
}

QList<QPair<QString, int>> AppointmentStore::bookingsPerOffice(const QDateTime &from, const QDateTime &to) const
{
    QHash<QString, int> counts;
    for (const Booking &b : queryBookings(
             QStringLiteral("created_at >= :from AND created_at < :to"),
             {{QStringLiteral(":from"), from.toMSecsSinceEpoch()}, {QStringLiteral(":to"), to.toMSecsSinceEpoch()}})) {
        if (b.state == BookingState::Booked) {
            ++counts[b.officeId];
        }
    }
    QList<QPair<QString, int>> out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        out.append({it.key(), it.value()});
    }
    std::sort(out.begin(), out.end(), [](const QPair<QString, int> &a, const QPair<QString, int> &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    return out;
}

} // namespace appointments
