// Business calendar: holidays against the independent Saxony list (2015–2040), other states' rules,
// and deadlines across weekends, holidays, evenings and the DST switch.
#include <catch2/catch.hpp>

#include "businesscalendar.h"

#include <QFile>
#include <QMap>
#include <QRandomGenerator>

using namespace journal;

namespace {

QDateTime berlin(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), BusinessCalendar::berlin());
}

QStringList names(const QList<Holiday> &list)
{
    QStringList out;
    for (const Holiday &h : list) {
        out << h.date.toString(Qt::ISODate) + QLatin1Char(' ') + h.name;
    }
    return out;
}

} // namespace

TEST_CASE("Easter Sunday", "[calendar]")
{
    CHECK(BusinessCalendar::easterSunday(2024) == QDate(2024, 3, 31));
    CHECK(BusinessCalendar::easterSunday(2025) == QDate(2025, 4, 20));
    CHECK(BusinessCalendar::easterSunday(2026) == QDate(2026, 4, 5));
    CHECK(BusinessCalendar::easterSunday(2038) == QDate(2038, 4, 25));   // latest possible date
    CHECK(BusinessCalendar::easterSunday(2285) == QDate(2285, 3, 22));   // earliest possible date
    CHECK(BusinessCalendar::easterSunday(1981) == QDate(1981, 4, 19));
}

TEST_CASE("Saxony's holidays 2015-2040 match the independent list exactly", "[calendar][oracle]")
{
    QFile f(QStringLiteral(HOTLINE_SHARED_DATA_DIR "/sachsen_feiertage_2015_2040.csv"));
    REQUIRE(f.open(QIODevice::ReadOnly | QIODevice::Text));
    QMap<int, QStringList> expected;
    const QList<QByteArray> lines = f.readAll().split('\n');
    REQUIRE(lines.first().trimmed() == "date,name");
    int rows = 0;
    for (int i = 1; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty()) {
            continue;
        }
        const QDate d = QDate::fromString(line.section(QLatin1Char(','), 0, 0), Qt::ISODate);
        REQUIRE(d.isValid());
        expected[d.year()] << line.section(QLatin1Char(','), 0, 0) + QLatin1Char(' ') + line.section(QLatin1Char(','), 1);
        ++rows;
    }
    CHECK(rows == 286);
    const BusinessCalendar cal(GermanState::SN);
    for (int year = 2015; year <= 2040; ++year) {
        INFO("year " << year);
        QStringList want = expected.value(year);
        want.sort();
        QStringList got = names(cal.holidays(year));
        got.sort();
        CHECK(got.join(QLatin1Char('|')).toStdString() == want.join(QLatin1Char('|')).toStdString());
    }
    // And day by day: no date outside the list is a holiday.
    int holidays = 0;
    for (QDate d(2015, 1, 1); d <= QDate(2040, 12, 31); d = d.addDays(1)) {
        if (cal.isHoliday(d)) {
            ++holidays;
            CHECK(expected.value(d.year()).join(QLatin1Char('|')).contains(d.toString(Qt::ISODate)));
        }
    }
    CHECK(holidays == rows);
}

TEST_CASE("other states' holidays", "[calendar]")
{
    auto has = [](GermanState s, const QDate &d, const char *name) {
        BusinessCalendar cal(s);
        return cal.holidayName(d) == QString::fromUtf8(name);
    };
    CHECK(BusinessCalendar::holidays(GermanState::BY, 2026).size() == 12);
    CHECK(has(GermanState::BY, QDate(2026, 1, 6), "Heilige Drei Könige"));
    CHECK(has(GermanState::BY, QDate(2026, 6, 4), "Fronleichnam"));
    CHECK(has(GermanState::BY, QDate(2026, 11, 1), "Allerheiligen"));
    CHECK_FALSE(BusinessCalendar(GermanState::SN).isHoliday(QDate(2026, 6, 4)));   // not statewide in Saxony
    CHECK(has(GermanState::BE, QDate(2019, 3, 8), "Internationaler Frauentag"));
    CHECK_FALSE(BusinessCalendar(GermanState::BE).isHoliday(QDate(2018, 3, 8)));
    CHECK(has(GermanState::MV, QDate(2023, 3, 8), "Internationaler Frauentag"));
    CHECK_FALSE(BusinessCalendar(GermanState::MV).isHoliday(QDate(2022, 3, 8)));
    CHECK(has(GermanState::BE, QDate(2020, 5, 8), "Tag der Befreiung"));
    CHECK(BusinessCalendar::holidays(GermanState::BE, 2020).size() == 11);
    CHECK(has(GermanState::TH, QDate(2019, 9, 20), "Weltkindertag"));
    CHECK_FALSE(BusinessCalendar(GermanState::TH).isHoliday(QDate(2018, 9, 20)));
    CHECK(has(GermanState::SL, QDate(2026, 8, 15), "Mariä Himmelfahrt"));
    CHECK_FALSE(BusinessCalendar(GermanState::BY).isHoliday(QDate(2026, 8, 15)));
    CHECK(has(GermanState::NI, QDate(2018, 10, 31), "Reformationstag"));
    CHECK_FALSE(BusinessCalendar(GermanState::HH).isHoliday(QDate(2016, 10, 31)));
    CHECK(has(GermanState::NW, QDate(2017, 10, 31), "Reformationstag"));     // 500th anniversary, everywhere
    CHECK_FALSE(BusinessCalendar(GermanState::NW).isHoliday(QDate(2018, 10, 31)));
    CHECK(has(GermanState::BB, QDate(2026, 4, 5), "Ostersonntag"));
    for (int s = 0; s < 16; ++s) {
        const auto state = static_cast<GermanState>(s);
        GermanState back;
        REQUIRE(stateFromCode(QStringLiteral("DE-") + stateCode(state).toLower(), &back));
        CHECK(back == state);
        const QList<Holiday> list = BusinessCalendar::holidays(state, 2026);
        CHECK(list.size() >= 9);     // the nine nationwide holidays
        CHECK(list.first().name == QStringLiteral("Neujahr"));
    }
    GermanState dummy;
    CHECK_FALSE(stateFromCode(QStringLiteral("XX"), &dummy));
}

TEST_CASE("Buß- und Bettag is the Wednesday before 23 November", "[calendar]")
{
    const BusinessCalendar cal;
    for (int year = 2015; year <= 2060; ++year) {
        QDate found;
        for (const Holiday &h : cal.holidays(year)) {
            if (h.name == QStringLiteral("Buß- und Bettag")) {
                found = h.date;
            }
        }
        REQUIRE(found.isValid());
        CHECK(found.dayOfWeek() == Qt::Wednesday);
        CHECK(found < QDate(year, 11, 23));
        CHECK(found >= QDate(year, 11, 16));
    }
}

TEST_CASE("deadline: 24 hours counted on working days only", "[calendar][deadline]")
{
    const BusinessCalendar cal;  // Saxony, Mon–Fri
    const DeadlineRule rule;     // working days, 24 h
    // Thursday afternoon → Friday, same time.
    CHECK(cal.deadline(berlin(2026, 3, 5, 15), rule) == berlin(2026, 3, 6, 15));
    // Friday afternoon → over the weekend → Monday.
    CHECK(cal.deadline(berlin(2026, 3, 6, 15), rule) == berlin(2026, 3, 9, 15));
    // Saturday: the clock starts Monday 00:00 and Monday counts whole.
    CHECK(cal.deadline(berlin(2026, 3, 7, 10), rule) == berlin(2026, 3, 10, 0));
    // Evening call counts as the rest of its day.
    CHECK(cal.deadline(berlin(2026, 3, 2, 22, 30), rule) == berlin(2026, 3, 3, 22, 30));
    // Maundy Thursday → Good Friday, Easter weekend and Easter Monday skipped → Tuesday.
    CHECK(cal.deadline(berlin(2026, 4, 2, 12), rule) == berlin(2026, 4, 7, 12));
    // Tuesday before Buß- und Bettag → Thursday.
    CHECK(cal.deadline(berlin(2026, 11, 17, 9), rule) == berlin(2026, 11, 19, 9));
    // Christmas Eve (a working day) → 25th/26th and the weekend skipped → Monday 28th.
    CHECK(cal.deadline(berlin(2026, 12, 24, 11), rule) == berlin(2026, 12, 28, 11));
    // Reformationstag on a Friday.
    CHECK(cal.deadline(berlin(2025, 10, 30, 14), rule) == berlin(2025, 11, 3, 14));
    // Over the switch to summer time: wall-clock time kept (the instant is 23 h later than 3×24).
    CHECK(cal.deadline(berlin(2026, 3, 27, 10), rule) == berlin(2026, 3, 30, 10));
    // UTC input is converted first: 23:30 UTC on Thursday is Friday 00:30 in Berlin (winter).
    CHECK(cal.deadline(QDateTime(QDate(2026, 3, 5), QTime(23, 30), Qt::UTC), rule) == berlin(2026, 3, 9, 0, 30));
    // A 48-hour promise.
    CHECK(cal.deadline(berlin(2026, 3, 5, 15), {DeadlineRule::Mode::WorkingDays, 48}) == berlin(2026, 3, 9, 15));
}

TEST_CASE("deadline: by service hours", "[calendar][deadline]")
{
    const BusinessCalendar cal;  // Mon–Fri 08:00–18:00
    const DeadlineRule rule{DeadlineRule::Mode::WorkingHours, 24};
    // Monday 10:00: 8 h Monday, 10 h Tuesday, 6 h Wednesday.
    CHECK(cal.deadline(berlin(2026, 3, 2, 10), rule) == berlin(2026, 3, 4, 14));
    // Monday evening: the clock starts Tuesday 08:00.
    CHECK(cal.deadline(berlin(2026, 3, 2, 20), rule) == berlin(2026, 3, 5, 12));
    // Maundy Thursday 16:00: 2 h, Easter skipped, 10 + 10, 2 h on Thursday after.
    CHECK(cal.deadline(berlin(2026, 4, 2, 16), rule) == berlin(2026, 4, 9, 10));
    // Ending exactly at closing time stays on that day.
    CHECK(cal.addWorkingHours(berlin(2026, 3, 2, 8), 10) == berlin(2026, 3, 2, 18));
    // Before opening time on Buß- und Bettag's eve.
    CHECK(cal.addWorkingHours(berlin(2026, 11, 17, 6), 12) == berlin(2026, 11, 19, 10));
}

TEST_CASE("counted time between start and deadline equals the budget", "[calendar][deadline]")
{
    BusinessCalendar cal;
    cal.setServiceHours(6, QTime(9, 0), QTime(12, 0));   // Saturday mornings too
    QRandomGenerator rng(4711);
    for (int i = 0; i < 300; ++i) {
        const QDateTime start = berlin(2015, 1, 1, 0).addSecs(static_cast<qint64>(rng.bounded(26 * 365 * 24)) * 3600
                                                                + rng.bounded(3600));
        for (const DeadlineRule &rule : {DeadlineRule{DeadlineRule::Mode::WorkingDays, 24},
                                         DeadlineRule{DeadlineRule::Mode::WorkingHours, 24},
                                         DeadlineRule{DeadlineRule::Mode::WorkingHours, 3}}) {
            const QDateTime due = cal.deadline(start, rule);
            INFO(start.toString(Qt::ISODate).toStdString() << " " << rule.toString().toStdString());
            REQUIRE(due.isValid());
            CHECK(due > start);
            CHECK(cal.countedSeconds(start, due, rule) == rule.hours * 3600);
            CHECK(cal.countedSeconds(due, start, rule) == -rule.hours * 3600);
        }
    }
}

TEST_CASE("service hours and rules are configurable and validated", "[calendar]")
{
    BusinessCalendar cal;
    QString error;
    REQUIRE(cal.setServiceHoursFromString(QStringLiteral("Mo-Do 07:30-16:00; Fr 07:30-13:00"), &error));
    CHECK(cal.serviceHours(1)->first == QTime(7, 30));
    CHECK(cal.serviceHours(5)->second == QTime(13, 0));
    CHECK_FALSE(cal.serviceHours(6).has_value());
    CHECK(cal.isWithinServiceHours(berlin(2026, 3, 6, 12, 59)));
    CHECK_FALSE(cal.isWithinServiceHours(berlin(2026, 3, 6, 13, 0)));
    CHECK_FALSE(cal.isWithinServiceHours(berlin(2026, 4, 3, 10, 0)));   // Good Friday
    CHECK_FALSE(cal.setServiceHoursFromString(QStringLiteral("Mo-Fr 18:00-08:00"), &error));
    CHECK(error.contains(QStringLiteral("Mo-Fr 18:00-08:00")));
    CHECK_FALSE(cal.setServiceHoursFromString(QStringLiteral("someday 08:00-12:00"), &error));
    CHECK(cal.serviceHours(1)->first == QTime(7, 30));   // unchanged after a bad input

    CHECK(DeadlineRule::fromString(QStringLiteral("workinghours:16"))->mode == DeadlineRule::Mode::WorkingHours);
    CHECK(DeadlineRule::fromString(QStringLiteral("workingdays:48"))->hours == 48);
    CHECK(DeadlineRule::fromString(DeadlineRule{}.toString())->hours == 24);
    CHECK_FALSE(DeadlineRule::fromString(QStringLiteral("weeks:2")));
    CHECK_FALSE(DeadlineRule::fromString(QStringLiteral("workingdays:-1")));
}

TEST_CASE("deadline rules per office and service", "[calendar][deadline]")
{
    QString error;
    const auto p = DeadlinePolicy::fromString(
        QStringLiteral("default=workingdays:24; office:o17=workinghours:16; service:10115=workingdays:48"), &error);
    REQUIRE(p);
    CHECK(p->ruleFor(QStringLiteral("o1"), QStringLiteral("999")).toString() == QStringLiteral("workingdays:24"));
    CHECK(p->ruleFor(QStringLiteral("o17"), QStringLiteral("999")).toString() == QStringLiteral("workinghours:16"));
    CHECK(p->ruleFor(QStringLiteral("o17"), QStringLiteral("10115")).toString() == QStringLiteral("workingdays:48"));
    CHECK(DeadlinePolicy::fromString(p->toString(), &error)->toString() == p->toString());
    CHECK_FALSE(DeadlinePolicy::fromString(QStringLiteral("default=workingdays:24; amt:x=workingdays:3"), &error));
    CHECK(error.contains(QStringLiteral("amt:x")));
    CHECK_FALSE(DeadlinePolicy::fromString(QStringLiteral("service:1=soon"), &error));
    CHECK(error.contains(QStringLiteral("service:1=soon")));
    const BusinessCalendar cal;
    CHECK(cal.deadline(berlin(2026, 3, 2, 10), p->ruleFor(QStringLiteral("o17"), QString())) == berlin(2026, 3, 3, 16));
}
