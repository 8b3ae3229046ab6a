#pragma once

#include <QDate>
#include <QHash>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <array>
#include <optional>

namespace journal {

// The 16 German states by their official two-letter codes (ISO 3166-2:DE without "DE-").
enum class GermanState { BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH };

QString stateCode(GermanState state);                       // "SN"
bool stateFromCode(const QString &code, GermanState *state); // "SN", "sn", "DE-SN"

struct Holiday
{
    QDate date;
    QString name;       // German, as in official lists ("Buß- und Bettag")
};

// How "24 hours of working days" is counted (the 115 service promise for forwarded questions):
// - WorkingDays (default): the clock runs 24 h a day, but only on working days (Mon–Fri that are not
//   public holidays; weekdays without service hours count as non-working). A question taken on
//   Thursday 15:00 is due Friday 15:00; on Friday 15:00 it is due Monday 15:00; taken on Saturday it
//   is due Tuesday 00:00 (Monday counts whole). The deadline keeps the wall-clock time in Europe/Berlin.
// - WorkingHours: only time inside the service hours counts (Mon–Fri 08:00–18:00 by default, so 24
//   working hours are 2.4 service days).
struct DeadlineRule
{
    enum class Mode { WorkingDays, WorkingHours };
    Mode mode = Mode::WorkingDays;
    int hours = 24;

    QString toString() const;                                           // "workingdays:24", "workinghours:16"
    static std::optional<DeadlineRule> fromString(const QString &text); // inverse; nullopt on bad input
};

// Which rule a forward gets: a service's own rule wins over its office's, which wins over the default
// ("configurable per office or service"). Stored as one settings string, e.g.
// "default=workingdays:24; office:o17=workinghours:16; service:10115=workingdays:48".
struct DeadlinePolicy
{
    // Where the rule of a forward came from (shown to the agent, who tells the citizen).
    enum class Scope { Default, Office, Service };

    DeadlineRule defaultRule;
    QHash<QString, DeadlineRule> byOffice;
    QHash<QString, DeadlineRule> byService;

    DeadlineRule ruleFor(const QString &officeId, const QString &serviceId) const;
    DeadlineRule ruleFor(const QString &officeId, const QString &serviceId, Scope *scope) const;
    // Every rule 1 h … 365 days, every id non-empty, without ';', '=' or surrounding blanks (the string form
    // must read back the same); the error names the offending entry.
    bool validate(QString *error) const;
    QString toString() const;
    static std::optional<DeadlinePolicy> fromString(const QString &text, QString *error);

    bool operator==(const DeadlinePolicy &other) const;
};

bool operator==(const DeadlineRule &a, const DeadlineRule &b);

// Service hours, public holidays of one German state, and deadline arithmetic. Times are handled in
// Europe/Berlin; QDateTime arguments in any time spec are converted first. A value type: copy freely.
class BusinessCalendar
{
public:
    explicit BusinessCalendar(GermanState state = GermanState::SN);

    GermanState state() const;
    void setState(GermanState state);

    // Easter Sunday (Gregorian), Gauss's algorithm in the anonymous Gregorian form (Meeus/Jones/Butcher).
    static QDate easterSunday(int year);
    // Public holidays of `state` in `year` (statewide ones only), sorted by date. Valid from 1995 on.
    static QList<Holiday> holidays(GermanState state, int year);

    QList<Holiday> holidays(int year) const;
    bool isHoliday(const QDate &date) const;
    QString holidayName(const QDate &date) const;   // empty if none

    // Service hours per weekday (1 = Monday … 7 = Sunday). Default Mon–Fri 08:00–18:00.
    void setServiceHours(int dayOfWeek, const QTime &open, const QTime &close);
    void clearServiceHours(int dayOfWeek);          // closed that weekday
    std::optional<std::pair<QTime, QTime>> serviceHours(int dayOfWeek) const;
    // Parses "Mon-Fri 08:00-18:00; Sat 09:00-12:00" (Mo/Di/Mi/Do/Fr/Sa/So accepted too).
    bool setServiceHoursFromString(const QString &text, QString *error);

    // A working day has service hours and is not a public holiday.
    bool isWorkingDay(const QDate &date) const;
    bool isWithinServiceHours(const QDateTime &when) const;

    QDateTime addWorkingDayHours(const QDateTime &start, double hours) const;  // DeadlineRule::WorkingDays
    QDateTime addWorkingHours(const QDateTime &start, double hours) const;     // DeadlineRule::WorkingHours
    QDateTime deadline(const QDateTime &start, const DeadlineRule &rule) const;

    // Counted time between two instants under `rule` (negative when `to` is before `from`): "time
    // left" for the open-cases list, in the same currency as the deadline.
    qint64 countedSeconds(const QDateTime &from, const QDateTime &to, const DeadlineRule &rule) const;

    static QTimeZone berlin();

private:
    GermanState m_state;
    std::array<std::optional<std::pair<QTime, QTime>>, 7> m_hours;
    mutable int m_cachedYear = 0;
    mutable QList<Holiday> m_cached;
};

} // namespace journal
