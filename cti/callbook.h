#pragma once

#include <optional>

#include <QHash>
#include <QList>

#include "call.h"
#include "linemap.h"
#include "phonenumber.h"

namespace cti {

class Clock;

// The call state machine shared by every provider: turns what a backend reports ("it rings", "the remote hung up")
// into Call snapshots and CallEvents, enforcing ringing → talking ↔ on hold → ended. Not a QObject and not
// thread-safe: each provider owns one on its own thread.
class CallBook
{
public:
    explicit CallBook(const Clock *clock = nullptr);

    void setNumberingPlan(const NumberingPlan &plan);
    const NumberingPlan &numberingPlan() const;
    void setLineMap(const LineMap &map);
    const Clock *clock() const;

    // A new incoming call. remoteUser is the user part of the From URI (the caller's number as sent),
    // dialled the user part of the To/request URI. Returns nothing if the id is already known.
    std::optional<CallEvent> ring(const QString &id, const QString &remoteUri, const QString &remoteUser,
                                  const QString &displayName, const QString &dialled);
    // A call turned away with 486 (never rang at the desk). Recorded in the history.
    CallEvent refused(const QString &remoteUri, const QString &remoteUser, const QString &displayName,
                      const QString &dialled, const QString &id);
    // A manual record (walk-in): starts as talking.
    CallEvent startManual(const QString &id, const QString &number, const QString &name, const QString &note);

    std::optional<CallEvent> answered(const QString &id);
    std::optional<CallEvent> held(const QString &id);
    std::optional<CallEvent> resumed(const QString &id);
    std::optional<CallEvent> muteChanged(const QString &id, bool muted);
    std::optional<CallEvent> transferStarted(const QString &id, const QString &target);
    // Ends a call. A call that was never answered becomes Missed unless the reason says otherwise (Declined,
    // Refused, Dropped, Failed); an answered call ends Completed unless Transferred or Dropped.
    std::optional<CallEvent> ended(const QString &id, EndReason reason, Party by = Party::Unknown);
    // Ends every active call as Dropped (the engine died); returns the events in start order.
    QList<CallEvent> dropAll();

    std::optional<Call> call(const QString &id) const;
    QList<Call> activeCalls() const;
    // Ended calls, newest last; bounded (the journal is the permanent record).
    QList<Call> history() const;

private:
    Call makeCall(const QString &id, const QString &remoteUri, const QString &remoteUser, const QString &displayName,
                  const QString &dialled) const;
    CallEvent event(CallEventType type, const Call &call) const;
    void archive(const Call &call);

    const Clock *m_clock;
    NumberingPlan m_plan;
    LineMap m_lines;
    QHash<QString, Call> m_active;
    QList<QString> m_order; // active ids in start order
    QList<Call> m_history;
};

} // namespace cti
