#include "businesscalendar.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace journal {

namespace {

using S = GermanState;

constexpr std::array<const char *, 16> kCodes = {"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV",
                                                 "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"};

bool in(GermanState s, std::initializer_list<GermanState> list)
{
    return std::find(list.begin(), list.end(), s) != list.end();
}

} // namespace

QString stateCode(GermanState state)
{
    return QString::fromLatin1(kCodes[static_cast<size_t>(state)]);
}

bool stateFromCode(const QString &code, GermanState *state)
{
    QString c = code.trimmed().toUpper();
    if (c.startsWith(QLatin1String("DE-"))) {
        c = c.mid(3);
    }
    for (size_t i = 0; i < kCodes.size(); ++i) {
        if (c == QLatin1String(kCodes[i])) {
            *state = static_cast<GermanState>(i);
            return true;
        }
    }
    return false;
}

QString DeadlineRule::toString() const
{
    return QStringLiteral("%1:%2")
        .arg(mode == Mode::WorkingDays ? QStringLiteral("workingdays") : QStringLiteral("workinghours"))
        .arg(hours);
}

std::optional<DeadlineRule> DeadlineRule::fromString(const QString &text)
{
    const QStringList parts = text.trimmed().toLower().split(QLatin1Char(':'));
    if (parts.size() != 2) {
        return std::nullopt;
    }
    DeadlineRule r;
    if (parts[0] == QLatin1String("workingdays")) {
        r.mode = Mode::WorkingDays;
    } else if (parts[0] == QLatin1String("workinghours")) {
        r.mode = Mode::WorkingHours;
    } else {
        return std::nullopt;
    }
    bool ok = false;
    r.hours = parts[1].toInt(&ok);
    if (!ok || r.hours <= 0 || r.hours > 24 * 365) {
        return std::nullopt;
    }
    return r;
}

DeadlineRule DeadlinePolicy::ruleFor(const QString &officeId, const QString &serviceId) const
{
    return ruleFor(officeId, serviceId, nullptr);
}

DeadlineRule DeadlinePolicy::ruleFor(const QString &officeId, const QString &serviceId, Scope *scope) const
{
    const auto found = [scope](Scope s, const DeadlineRule &rule) {
        if (scope) {
            *scope = s;
        }
        return rule;
    };
    if (auto it = byService.constFind(serviceId); !serviceId.isEmpty() && it != byService.constEnd()) {
        return found(Scope::Service, *it);
    }
    if (auto it = byOffice.constFind(officeId); !officeId.isEmpty() && it != byOffice.constEnd()) {
        return found(Scope::Office, *it);
    }
    return found(Scope::Default, defaultRule);
}

bool DeadlinePolicy::validate(QString *error) const
{
    const auto fail = [error](const QString &text) {
        if (error) {
            *error = text;
        }
        return false;
    };
    const auto ruleOk = [](const DeadlineRule &r) { return r.hours > 0 && r.hours <= 24 * 365; };
    if (!ruleOk(defaultRule)) {
        return fail(QStringLiteral("the default deadline rule has %1 hours (1 to %2 allowed)")
                        .arg(defaultRule.hours)
                        .arg(24 * 365));
    }
    const auto check = [&](const QHash<QString, DeadlineRule> &rules, const QString &scope) {
        for (auto it = rules.cbegin(); it != rules.cend(); ++it) {
            const QString &id = it.key();
            if (id.isEmpty() || id.trimmed() != id || id.contains(QLatin1Char(';')) || id.contains(QLatin1Char('='))) {
                return fail(QStringLiteral("the %1 id \"%2\" is empty or contains ';', '=' or surrounding blanks")
                                .arg(scope, id));
            }
            if (!ruleOk(it.value())) {
                return fail(QStringLiteral("the deadline rule of %1 %2 has %3 hours (1 to %4 allowed)")
                                .arg(scope, id)
                                .arg(it.value().hours)
                                .arg(24 * 365));
            }
        }
        return true;
    };
    return check(byOffice, QStringLiteral("office")) && check(byService, QStringLiteral("service"));
}

bool DeadlinePolicy::operator==(const DeadlinePolicy &other) const
{
    return defaultRule == other.defaultRule && byOffice == other.byOffice && byService == other.byService;
}

bool operator==(const DeadlineRule &a, const DeadlineRule &b)
{
    return a.mode == b.mode && a.hours == b.hours;
}

QString DeadlinePolicy::toString() const
{
    QStringList parts{QStringLiteral("default=") + defaultRule.toString()};
    QStringList offices = byOffice.keys();
    offices.sort();
    for (const QString &k : offices) {
        parts << QStringLiteral("office:%1=%2").arg(k, byOffice.value(k).toString());
    }
    QStringList services = byService.keys();
    services.sort();
    for (const QString &k : services) {
        parts << QStringLiteral("service:%1=%2").arg(k, byService.value(k).toString());
    }
    return parts.join(QStringLiteral("; "));
}

std::optional<DeadlinePolicy> DeadlinePolicy::fromString(const QString &text, QString *error)
{
    DeadlinePolicy p;
    for (const QString &raw : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString part = raw.trimmed();
        const qsizetype eq = part.lastIndexOf(QLatin1Char('='));
        const auto rule = eq > 0 ? DeadlineRule::fromString(part.mid(eq + 1)) : std::nullopt;
        const QString key = eq > 0 ? part.left(eq).trimmed() : QString();
        if (!rule || key.isEmpty()) {
            if (error) {
                *error = QStringLiteral("cannot read the deadline rule \"%1\" (expected e.g. "
                                        "\"service:10115=workingdays:48\")").arg(part);
            }
            return std::nullopt;
        }
        if (key == QLatin1String("default")) {
            p.defaultRule = *rule;
        } else if (key.startsWith(QLatin1String("office:")) && key.size() > 7) {
            p.byOffice.insert(key.mid(7), *rule);
        } else if (key.startsWith(QLatin1String("service:")) && key.size() > 8) {
            p.byService.insert(key.mid(8), *rule);
        } else {
            if (error) {
                *error = QStringLiteral("unknown deadline rule key \"%1\" (default, office:<id>, service:<id>)").arg(key);
            }
            return std::nullopt;
        }
    }
    return p;
}

BusinessCalendar::BusinessCalendar(GermanState state)
    : m_state(state)
{
    for (int d = 1; d <= 5; ++d) {
        m_hours[static_cast<size_t>(d - 1)] = std::make_pair(QTime(8, 0), QTime(18, 0));
    }
}

GermanState BusinessCalendar::state() const
{
    return m_state;
}

void BusinessCalendar::setState(GermanState state)
{
    m_state = state;
    m_cachedYear = 0;
}

QTimeZone BusinessCalendar::berlin()
{
    static const QTimeZone tz(QByteArrayLiteral("Europe/Berlin"));
    return tz;
}

QDate BusinessCalendar::easterSunday(int year)
{
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return QDate(year, month, day);
}

QList<Holiday> BusinessCalendar::holidays(GermanState s, int year)
{
    QList<Holiday> out;
    auto add = [&out](const QDate &d, const char *name) { out.append({d, QString::fromUtf8(name)}); };
    const QDate easter = easterSunday(year);

    add(QDate(year, 1, 1), "Neujahr");
    if (in(s, {S::BW, S::BY, S::ST})) {
        add(QDate(year, 1, 6), "Heilige Drei Könige");
    }
    if ((s == S::BE && year >= 2019) || (s == S::MV && year >= 2023)) {
        add(QDate(year, 3, 8), "Internationaler Frauentag");
    }
    add(easter.addDays(-2), "Karfreitag");
    if (s == S::BB) {
        add(easter, "Ostersonntag");
    }
    add(easter.addDays(1), "Ostermontag");
    add(QDate(year, 5, 1), "Erster Mai");
    if (s == S::BE && (year == 2020 || year == 2025)) {
        add(QDate(year, 5, 8), "Tag der Befreiung");   // one-off holidays (75th and 80th anniversary)
    }
    add(easter.addDays(39), "Christi Himmelfahrt");
    if (s == S::BB) {
        add(easter.addDays(49), "Pfingstsonntag");
    }
    add(easter.addDays(50), "Pfingstmontag");
    if (in(s, {S::BW, S::BY, S::HE, S::NW, S::RP, S::SL})) {
        add(easter.addDays(60), "Fronleichnam");
    }
    if (s == S::SL) {
        add(QDate(year, 8, 15), "Mariä Himmelfahrt");
    }
    if (s == S::TH && year >= 2019) {
        add(QDate(year, 9, 20), "Weltkindertag");
    }
    add(QDate(year, 10, 3), "Tag der Deutschen Einheit");
    const bool reformation = in(s, {S::BB, S::MV, S::SN, S::ST, S::TH})
        || (in(s, {S::HB, S::HH, S::NI, S::SH}) && year >= 2018)
        || year == 2017;   // 500th anniversary: a holiday in every state
    if (reformation) {
        add(QDate(year, 10, 31), "Reformationstag");
    }
    if (in(s, {S::BW, S::BY, S::NW, S::RP, S::SL})) {
        add(QDate(year, 11, 1), "Allerheiligen");
    }
    if (s == S::SN) {
        // The Wednesday before 23 November: the last Wednesday in 16–22 November.
        QDate d(year, 11, 22);
        while (d.dayOfWeek() != Qt::Wednesday) {
            d = d.addDays(-1);
        }
        add(d, "Buß- und Bettag");
    }
    add(QDate(year, 12, 25), "Erster Weihnachtstag");
    add(QDate(year, 12, 26), "Zweiter Weihnachtstag");
    std::stable_sort(out.begin(), out.end(), [](const Holiday &a, const Holiday &b) { return a.date < b.date; });
    return out;
}

QList<Holiday> BusinessCalendar::holidays(int year) const
{
    if (m_cachedYear != year) {
        m_cached = holidays(m_state, year);
        m_cachedYear = year;
    }
    return m_cached;
}

bool BusinessCalendar::isHoliday(const QDate &date) const
{
    return !holidayName(date).isEmpty();
}

QString BusinessCalendar::holidayName(const QDate &date) const
{
    for (const Holiday &h : holidays(date.year())) {
        if (h.date == date) {
            return h.name;
        }
    }
    return QString();
}

void BusinessCalendar::setServiceHours(int dayOfWeek, const QTime &open, const QTime &close)
{
    if (dayOfWeek < 1 || dayOfWeek > 7 || !open.isValid() || !close.isValid() || !(open < close)) {
        return;
    }
    m_hours[static_cast<size_t>(dayOfWeek - 1)] = std::make_pair(open, close);
}

void BusinessCalendar::clearServiceHours(int dayOfWeek)
{
    if (dayOfWeek >= 1 && dayOfWeek <= 7) {
        m_hours[static_cast<size_t>(dayOfWeek - 1)].reset();
    }
}

std::optional<std::pair<QTime, QTime>> BusinessCalendar::serviceHours(int dayOfWeek) const
{
    if (dayOfWeek < 1 || dayOfWeek > 7) {
        return std::nullopt;
    }
    return m_hours[static_cast<size_t>(dayOfWeek - 1)];
}

static int dayIndex(const QString &name)
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

bool BusinessCalendar::setServiceHoursFromString(const QString &text, QString *error)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*(\\w+)\\s*(?:-\\s*(\\w+))?\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*$"));
    std::array<std::optional<std::pair<QTime, QTime>>, 7> hours;
    for (const QString &part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const auto m = re.match(part);
        const int from = m.hasMatch() ? dayIndex(m.captured(1)) : 0;
        const int to = m.hasMatch() ? (m.captured(2).isEmpty() ? from : dayIndex(m.captured(2))) : 0;
        const QTime open = QTime::fromString(m.captured(3).rightJustified(5, QLatin1Char('0')), QStringLiteral("HH:mm"));
        const QTime close = QTime::fromString(m.captured(4).rightJustified(5, QLatin1Char('0')), QStringLiteral("HH:mm"));
        if (!from || !to || to < from || !open.isValid() || !close.isValid() || !(open < close)) {
            if (error) {
                *error = QStringLiteral("cannot read service hours \"%1\" (expected e.g. \"Mon-Fri 08:00-18:00\")")
                             .arg(part.trimmed());
            }
            return false;
        }
        for (int d = from; d <= to; ++d) {
            hours[static_cast<size_t>(d - 1)] = std::make_pair(open, close);
        }
    }
    m_hours = hours;
    return true;
}

bool BusinessCalendar::isWorkingDay(const QDate &date) const
{
    return m_hours[static_cast<size_t>(date.dayOfWeek() - 1)].has_value() && !isHoliday(date);
}

bool BusinessCalendar::isWithinServiceHours(const QDateTime &when) const
{
    const QDateTime local = when.toTimeZone(berlin());
    if (!isWorkingDay(local.date())) {
        return false;
    }
    const auto &h = *m_hours[static_cast<size_t>(local.date().dayOfWeek() - 1)];
    return local.time() >= h.first && local.time() < h.second;
}

namespace {

// Wall-clock seconds since midnight (DST-independent: deadlines keep the wall-clock time).
int secsOfDay(const QTime &t)
{
    return t.msecsSinceStartOfDay() / 1000;
}

QDateTime at(const QDate &d, int secs, const QTimeZone &tz)
{
    if (secs >= 86400) {
        return QDateTime(d.addDays(1), QTime(0, 0), tz);
    }
    return QDateTime(d, QTime::fromMSecsSinceStartOfDay(secs * 1000), tz);
}

} // namespace

// Both rules walk the calendar day by day over "counting windows" ([00:00, 24:00) of a working day,
// or its service hours) and spend the budget in wall-clock seconds.
QDateTime BusinessCalendar::addWorkingDayHours(const QDateTime &start, double hours) const
{
    const QTimeZone tz = berlin();
    const QDateTime local = start.toTimeZone(tz);
    qint64 budget = std::llround(hours * 3600.0);
    QDate day = local.date();
    int pos = secsOfDay(local.time());
    for (int guard = 0; guard < 3660; ++guard, day = day.addDays(1), pos = 0) {
        if (!isWorkingDay(day)) {
            continue;
        }
        const int available = 86400 - pos;
        if (budget <= available) {
            return at(day, pos + static_cast<int>(budget), tz);
        }
        budget -= available;
    }
    return QDateTime();
}

QDateTime BusinessCalendar::addWorkingHours(const QDateTime &start, double hours) const
{
    const QTimeZone tz = berlin();
    const QDateTime local = start.toTimeZone(tz);
    qint64 budget = std::llround(hours * 3600.0);
    QDate day = local.date();
    int pos = secsOfDay(local.time());
    for (int guard = 0; guard < 3660; ++guard, day = day.addDays(1), pos = 0) {
        if (!isWorkingDay(day)) {
            continue;
        }
        const auto &h = *m_hours[static_cast<size_t>(day.dayOfWeek() - 1)];
        const int open = secsOfDay(h.first);
        const int close = secsOfDay(h.second);
        const int from = std::max(pos, open);
        if (from >= close) {
            continue;
        }
        const int available = close - from;
        if (budget <= available) {
            // A budget that ends exactly at closing time stays there (due "today 18:00").
            return at(day, from + static_cast<int>(budget), tz);
        }
        budget -= available;
    }
    return QDateTime();
}

QDateTime BusinessCalendar::deadline(const QDateTime &start, const DeadlineRule &rule) const
{
    return rule.mode == DeadlineRule::Mode::WorkingDays ? addWorkingDayHours(start, rule.hours)
                                                        : addWorkingHours(start, rule.hours);
}

qint64 BusinessCalendar::countedSeconds(const QDateTime &fromIn, const QDateTime &toIn, const DeadlineRule &rule) const
{
    if (toIn < fromIn) {
        return -countedSeconds(toIn, fromIn, rule);
    }
    const QTimeZone tz = berlin();
    const QDateTime from = fromIn.toTimeZone(tz);
    const QDateTime to = toIn.toTimeZone(tz);
    qint64 total = 0;
    for (QDate day = from.date(); day <= to.date(); day = day.addDays(1)) {
        if (!isWorkingDay(day)) {
            continue;
        }
        int open = 0;
        int close = 86400;
        if (rule.mode == DeadlineRule::Mode::WorkingHours) {
            const auto &h = *m_hours[static_cast<size_t>(day.dayOfWeek() - 1)];
            open = secsOfDay(h.first);
            close = secsOfDay(h.second);
        }
        const int lo = std::max(open, day == from.date() ? secsOfDay(from.time()) : 0);
        const int hi = std::min(close, day == to.date() ? secsOfDay(to.time()) : 86400);
        if (hi > lo) {
            total += hi - lo;
        }
    }
    return total;
}

} // namespace journal
