#pragma once

// The journal's writes through the shared store's offline queue (docs/shared-store.md): a desk
// queues a committed call or a forward locally (kb::ReplicaSync::enqueue) and the queue delivers
// it to the server once, in order, inside the delivery transaction together with its receipt.

#include "forwardcomposer.h"
#include "journaltypes.h"

#include <QJsonObject>

namespace kb {
class ReplicaSync;
}

namespace journal {

namespace serverwrite {
inline constexpr char CommitCall[] = "journal.commit"; // payload: commitPayload()
inline constexpr char Forward[] = "outbox.forward";    // payload: forwardPayload()
} // namespace serverwrite

// NOTIFY channel of the shared server when cases change (journal migration 0003, PostgreSQL only); the payload is
// the table's name (journal_cases). The desks refresh their visible cases view on it.
inline constexpr char ChangedChannel[] = "journal_changed";

QJsonObject callToJson(const CallRecord &call);
bool callFromJson(const QJsonObject &json, CallRecord *call, QString *error);
QJsonObject forwardRequestToJson(const ForwardRequest &request);
bool forwardRequestFromJson(const QJsonObject &json, ForwardRequest *request, QString *error);

// {"call": …}: the call as committed on the desk (its UUID is the journal row's key on the server too).
QJsonObject commitPayload(const CallRecord &call);
// {"call": …, "request": …}: the server allocates the case number (one counter for all desks) and
// puts the e-mail into its outbox, all in the delivery transaction.
QJsonObject forwardPayload(const CallRecord &call, const ForwardRequest &request);

// Registers journal.commit and outbox.forward with the desk's ReplicaSync (call at start, before
// ReplicaSync::start()). The handlers open a JournalStore on the server connection (openOn) and
// apply `privacy` there as the desk would.
void registerServerWriteKinds(kb::ReplicaSync &sync, const PrivacySettings &privacy = {});

} // namespace journal
