#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>

namespace journal {

// Exactly one of these ends a committed call.
enum class Outcome { None, AnsweredDirectly, ForwardedByEmail, Appointment };

QString outcomeName(Outcome outcome);                       // "answered", "forwarded", "appointment", ""
Outcome outcomeFromName(const QString &name);

struct CallRecord
{
    QString id;                 // UUID, assigned by the first saveDraft()
    QDateTime offeredAt;        // UTC; the phone rang
    QDateTime answeredAt;       // null: not answered (e.g. manual entry of a missed call)
    QDateTime endedAt;
    QString callerNumber;       // normalised (+49…); empty when not stored, masked after the retention time
    bool callerPurged = false;  // the number was removed/masked by the privacy purge
    QString line;               // the called line (e.g. 115 or the city's number)
    QString municipality;
    QString agent;
    QStringList serviceIds;     // topic services (kb article ids), the first one proposed from screen
    QString notes;
    Outcome outcome = Outcome::None;
    bool noDataKept = false;    // the caller asked us to keep no personal data: number and notes dropped
    QString caseNumber;         // Outcome::ForwardedByEmail
    QString appointmentId;      // Outcome::Appointment (appointments::Booking::id)
    bool draft = true;
    QDateTime updatedAt;

    qint64 talkSeconds() const;  // answered → ended, 0 when either is missing
};

enum class CaseState { Open, Answered, CalledBack };

QString caseStateName(CaseState state);                     // "open", "answered", "called_back"
bool caseStateFromName(const QString &name, CaseState *state);

// A question forwarded to an office, with the deadline by which the office answers the citizen.
struct CaseRecord
{
    QString caseNumber;         // "2026-000123": year of creation (Europe/Berlin) and a per-year counter
    QString callId;
    QString serviceId;
    QString serviceTitle;
    QString officeId;
    QString officeName;
    QString officeEmail;
    QString question;
    QString callbackName;
    QString callbackPhone;      // normalised
    QString callbackEmail;
    bool callbackConsent = false;   // the citizen agreed that their contact details go to the office
    QString agent;
    CaseState state = CaseState::Open;
    QDateTime createdAt;
    QDateTime deadline;
    QDateTime remindAt;         // null: no reminder
    QDateTime remindedAt;       // the reminder ("… ist fällig") was shown
    QDateTime overdueRemindedAt; // the overdue reminder ("… ist überfällig") was shown
    QDateTime closedAt;
    QString outboxId;           // the forward e-mail in the outbox
    QString note;

    bool isOverdue(const QDateTime &now) const;
};

// Privacy settings of the journal.
struct PrivacySettings
{
    enum class PurgeMode { Remove, Mask };
    bool storeCallerNumber = true;  // off: numbers are never written
    int retentionDays = 30;         // caller numbers (and closed cases' callback details) kept this long
    PurgeMode mode = PurgeMode::Mask;
    int maskKeepDigits = 4;         // Mask keeps the first digits (area code) for statistics: "+49351xxxxxx"
};

// Which calls the figures count: empty fields match every call.
struct FigureFilter
{
    QString line;           // the called line, e.g. "115"
    QString municipality;

    bool isEmpty() const;
    bool matches(const CallRecord &call) const;
};

// How often a service was a topic of the calls in the period.
struct ServiceCount
{
    QString serviceId;
    int calls = 0;
};

// Figures for team leads over a period.
struct Figures
{
    int calls = 0;                  // committed calls
    int answeredDirectly = 0;
    int forwarded = 0;
    int appointments = 0;
    double firstContactResolution = 0;  // answeredDirectly / calls (0 when no calls)
    qint64 averageTalkSeconds = 0;
    qint64 averageAnswerSeconds = 0;        // time to answer at the desk: offered → answered (answered calls)
    QList<ServiceCount> topServices;        // the services asked most, most first (ties by id), at most 10
    std::array<int, 24> callsPerHour{};     // by hour offered, Europe/Berlin
    std::array<int, 7> callsPerWeekday{};   // [0] = Monday
    int casesDue = 0;               // cases created in the period that are closed or past their deadline
    int casesInTime = 0;            // … of which closed by the deadline
    double shareInTime = 0;         // casesInTime / casesDue
    int casesOpen = 0;
    int casesOverdue = 0;           // open and past the deadline
};

// "+49 351 / 123-45" → "+4935112345"; "0351 12345" → "+4935112345" (default country 49); "0049…" → "+49…".
// Keeps a leading "*" or "#"-free digit string otherwise; empty for input without digits.
QString normalizePhoneNumber(const QString &raw, const QString &defaultCountryCode = QStringLiteral("49"));

} // namespace journal
