#pragma once

#include "appointmentstore.h"
#include "message.h"

namespace appointments {

// The e-mail to the citizen: date, office, service, documents to bring, with an .ics attachment.
// `cancelled` builds the cancellation (METHOD:CANCEL, same UID, higher SEQUENCE).
outbox::Message composeConfirmation(const Booking &booking, const OfficeSchedule &office,
                                    const Confirmation &confirmation, bool cancelled, const QDateTime &stamp);

} // namespace appointments
