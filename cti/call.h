#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace cti {

// ringing → talking ↔ on hold → ended. A call that never reached "talking" ends as missed, declined or refused.
enum class CallState { Ringing, Talking, OnHold, Ended };

enum class EndReason {
    None,        // still active
    Completed,   // answered, then hung up by either side
    Missed,      // the caller hung up (or the line timed out) before the agent answered
    Declined,    // the agent declined while it rang
    Refused,     // refused with 486 Busy Here because the agent was not ready / in wrap-up / on another call
    Transferred, // handed on by blind transfer (SIP REFER)
    Dropped,     // lost: the SIP engine died or the network failed during the call
    Failed,      // SIP error before the call was set up
};

enum class Party { Unknown, Agent, Remote };

// One call as the desk sees it. A value type: providers hand out copies, never pointers into their state.
struct Call
{
    QString id;                  // provider's id (SIP Call-ID; "manual-…" for manual records)
    bool manual = false;         // walk-in or a desk phone without telephony, recorded by hand
    QString remoteUri;           // "sip:+4934112345@pbx.example" as received
    QString callerNumber;        // E.164 ("+4934112345"), digits for short codes; empty when anonymous
    QString callerNumberDisplay; // national format for Germany ("0341 12345"); empty when anonymous
    QString callerName;          // display name from the From header, if any
    QString dialledNumber;       // the line the call came in on (To/request user), normalised when a number
    QString municipality;        // from the LineMap; empty when the line is not mapped
    CallState state = CallState::Ringing;
    EndReason endReason = EndReason::None;
    Party endedBy = Party::Unknown;
    bool answered = false;
    bool muted = false;
    QString transferTarget;      // set once a blind transfer was requested
    QString note;                // free text for manual records
    qint64 startedUs = 0;        // ringing since (µs since epoch, from the provider's Clock)
    qint64 answeredUs = 0;
    qint64 endedUs = 0;
    qint64 heldSinceUs = 0;      // 0 when not on hold
    qint64 heldTotalUs = 0;      // completed hold periods

    bool isActive() const;
    // Durations in milliseconds at time nowUs (or at the end for ended calls).
    qint64 ringingMs(qint64 nowUs) const;
    qint64 talkMs(qint64 nowUs) const; // answered → now/end, hold time excluded
    qint64 holdMs(qint64 nowUs) const;
};

enum class CallEventType {
    Incoming,        // a new call rings: pop the caller screen
    Answered,
    Held,
    Resumed,
    MuteChanged,
    TransferStarted, // REFER sent
    Ended,           // call.endReason tells how
    Refused,         // a call was turned away with 486 while the agent was not ready (no pop)
};

struct CallEvent
{
    CallEventType type = CallEventType::Incoming;
    Call call;              // snapshot after the change
    qint64 timestampUs = 0; // when the desk process learnt of it
};

enum class ProviderEventType {
    Started,             // engine up and listening / provider usable
    EngineRestarted,     // engine died or stopped answering and was restarted: tell the agent the phone reconnected
    EngineFailed,        // engine could not be started (details in message); retried with backoff
    RegistrationChanged, // registrationState: "progress", "ok", "cleared", "failed"
    Error,               // a command failed or the engine reported a problem
    Stopped,
};

struct ProviderEvent
{
    ProviderEventType type = ProviderEventType::Started;
    QString message;           // human-readable detail (not translated: for logs; the UI maps the type)
    QString registrationState; // RegistrationChanged only
    QStringList droppedCallIds; // EngineRestarted: calls recorded as dropped
    int restarts = 0;          // engine restarts so far
    qint64 downtimeMs = 0;     // EngineRestarted: from noticing the failure to the new engine being ready
    int sipPort = 0;           // Started/EngineRestarted: the local SIP port actually bound
    qint64 timestampUs = 0;
};

QString toString(CallState state);
QString toString(EndReason reason);
QString toString(CallEventType type);
QString toString(ProviderEventType type);
// Translated label for agents ("Verpasst", "Weitergeleitet", …).
QString displayName(EndReason reason);
QString displayName(CallState state);

void registerMetaTypes();

} // namespace cti

Q_DECLARE_METATYPE(cti::Call)
Q_DECLARE_METATYPE(cti::CallEvent)
Q_DECLARE_METATYPE(cti::ProviderEvent)
