#pragma once

// Bookings through the shared store's offline queue (docs/shared-store.md): a desk queues the
// booking (kb::ReplicaSync::enqueue) and the server's transaction decides it on delivery. Two
// desks booking the last seat: the first delivery wins, the other is rejected with the reason
// (writeRejected), and the desk offers the next free slots.

#include "appointmentstore.h"
#include "businesscalendar.h"

#include <QJsonObject>

namespace kb {
class ReplicaSync;
}

namespace appointments {

namespace serverwrite {
inline constexpr char Book[] = "appointments.book"; // payload: bookPayload()
} // namespace serverwrite

// NOTIFY channel of the shared server when bookings change (appointments migration 0002, PostgreSQL only); the
// payload is the table's name (appt_bookings). The desks refresh their visible appointments view on it.
inline constexpr char ChangedChannel[] = "appointments_changed";

// Give request.id a UUID first, so the call can name the booking before the server has seen it.
QJsonObject bookPayload(const BookingRequest &request);
bool bookingRequestFromJson(const QJsonObject &payload, BookingRequest *request, QString *error);

// Registers appointments.book with the desk's ReplicaSync (call before ReplicaSync::start()).
// `calendar`: the holidays the server's booking check uses (as on the desk).
void registerServerWriteKinds(kb::ReplicaSync &sync, const journal::BusinessCalendar &calendar);

} // namespace appointments
