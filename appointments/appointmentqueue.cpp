#include "appointmentqueue.h"

#include "dbsupport.h"
#include "journalstore.h"
#include "logging.h"

#include "pgstore.h"
#include "replicasync.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>

namespace appointments {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
    return false;
}

// "Book again": in the delivery transaction of the new booking, the committed call that named the refused booking
// names the new one. Row security decides whose call may change (an agent's login: its own); a call that names
// another booking, or none the login may update, stays as it is and the booking stands.
bool renameCallBooking(QSqlDatabase &db, const BookingRequest &request, const QString &bookingId, QString *error)
{
    if (request.callId.isEmpty()) {
        return true;
    }
    auto journal = journal::JournalStore::openOn(db, error);
    if (!journal) {
        return false;
    }
    bool changed = false;
    if (!journal->replaceAppointment(request.callId, request.replacesBookingId, bookingId, &changed, error)) {
        return false;
    }
    if (!changed) {
        qCInfo(hotline::db::lcDb) << "booking" << bookingId << "replaces" << request.replacesBookingId << "but call"
                                  << request.callId << "does not name it here: the call is unchanged";
    }
    return true;
}

} // namespace

QJsonObject bookPayload(const BookingRequest &r)
{
    QJsonObject confirmation{
        {QStringLiteral("send"), r.confirmation.send},
        {QStringLiteral("fromEmail"), r.confirmation.fromEmail},
        {QStringLiteral("fromName"), r.confirmation.fromName},
        {QStringLiteral("documents"), QJsonArray::fromStringList(r.confirmation.documents)},
        {QStringLiteral("hotlinePhone"), r.confirmation.hotlinePhone},
    };
    QJsonObject payload{
        {QStringLiteral("id"), r.id},
        {QStringLiteral("officeId"), r.officeId},
        {QStringLiteral("serviceId"), r.serviceId},
        {QStringLiteral("serviceTitle"), r.serviceTitle},
        {QStringLiteral("start"), r.start.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("durationMinutes"), r.durationMinutes},
        {QStringLiteral("citizenName"), r.citizenName},
        {QStringLiteral("citizenEmail"), r.citizenEmail},
        {QStringLiteral("citizenPhone"), r.citizenPhone},
        {QStringLiteral("agent"), r.agent},
        {QStringLiteral("callId"), r.callId},
        {QStringLiteral("confirmation"), confirmation},
    };
    if (!r.replacesBookingId.isEmpty()) {
        payload.insert(QStringLiteral("replaces"), r.replacesBookingId);
    }
    return payload;
}

bool bookingRequestFromJson(const QJsonObject &o, BookingRequest *request, QString *error)
{
    BookingRequest r;
    r.id = o.value(QStringLiteral("id")).toString();
    r.officeId = o.value(QStringLiteral("officeId")).toString();
    r.serviceId = o.value(QStringLiteral("serviceId")).toString();
    r.serviceTitle = o.value(QStringLiteral("serviceTitle")).toString();
    r.start = QDateTime::fromString(o.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs);
    if (r.officeId.isEmpty() || !r.start.isValid()) {
        return fail(error, QStringLiteral("queued booking without \"officeId\" or a valid \"start\""));
    }
    r.start = r.start.toUTC();
    r.durationMinutes = o.value(QStringLiteral("durationMinutes")).toInt(15);
    r.citizenName = o.value(QStringLiteral("citizenName")).toString();
    r.citizenEmail = o.value(QStringLiteral("citizenEmail")).toString();
    r.citizenPhone = o.value(QStringLiteral("citizenPhone")).toString();
    r.agent = o.value(QStringLiteral("agent")).toString();
    r.callId = o.value(QStringLiteral("callId")).toString();
    r.replacesBookingId = o.value(QStringLiteral("replaces")).toString();
    const QJsonObject c = o.value(QStringLiteral("confirmation")).toObject();
    r.confirmation.send = c.value(QStringLiteral("send")).toBool();
    r.confirmation.fromEmail = c.value(QStringLiteral("fromEmail")).toString();
    r.confirmation.fromName = c.value(QStringLiteral("fromName")).toString();
    for (const QJsonValue &v : c.value(QStringLiteral("documents")).toArray()) {
        r.confirmation.documents.append(v.toString());
    }
    r.confirmation.hotlinePhone = c.value(QStringLiteral("hotlinePhone")).toString();
    *request = r;
    return true;
}

void registerServerWriteKinds(kb::ReplicaSync &sync, const journal::BusinessCalendar &calendar)
{
    sync.registerWriteKind(
        QLatin1String(serverwrite::Book), [calendar](kb::PgStore &server, const QJsonObject &payload, QString *error) {
            BookingRequest request;
            if (!bookingRequestFromJson(payload, &request, error)) {
                return false;
            }
            QSqlDatabase db = server.database();
            auto store = AppointmentStore::openOn(db, error);
            if (!store) {
                return false;
            }
            store->setCalendar(calendar);
            const hotline::db::OuterTransaction outer(db);
            Booking booking;
            BookingError code = BookingError::None;
            if (store->book(request, &booking, nullptr, error, &code)) {
                return request.replacesBookingId.isEmpty() || renameCallBooking(db, request, booking.id, error);
            }
            if (code == BookingError::SlotTaken && error) {
                // Clear for the agent who booked offline: which slot, and that it is gone.
                *error = QCoreApplication::translate("appointments::ServerWrites", "Booking at %1 on %2 refused: %3")
                             .arg(request.officeId,
                                  request.start.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/Berlin")))
                                      .toString(QStringLiteral("dd.MM.yyyy HH:mm")),
                                  *error);
            }
            return false;
        });
}

} // namespace appointments
