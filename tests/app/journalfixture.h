#pragma once

#include <QDateTime>
#include <QString>

namespace journal {
class JournalStore;
}

namespace testfixture {

// A forwarded case committed to `store`'s journal: a call of agent7 about the identity card, forwarded to the
// Bürgerbüro Ruppertstraße (the service title holds an "&", so escaping shows), with the given deadline and
// reminder time (null: none). Returns its case number.
QString commitForward(journal::JournalStore *store, const QDateTime &deadline, const QDateTime &remindAt);

} // namespace testfixture
