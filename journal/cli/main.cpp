// hotline-journal: the call journal from the command line, for team leads and cron jobs.
//   hotline-journal [--db PATH] export FROM TO [FILE|-]      CSV (RFC 4180) of the calls offered in [FROM, TO)
//   hotline-journal [--db PATH] purge [--days N] [--remove]  privacy purge (default: mask after 30 days)
//   hotline-journal [--db PATH] cases [--all] [--search TEXT]
//   hotline-journal [--db PATH] figures FROM TO
//   hotline-journal holidays [--state SN] YEAR
//   hotline-journal [--db PATH] deadline [--state SN] [--rule workingdays:24 | --office ID --service ID] DATETIME
//   hotline-journal [--db PATH] rules                     the stored deadline rules (leads edit them in the desk)
// Dates are ISO (2026-03-02 or 2026-03-02T09:30), Europe/Berlin. Exit codes: 0 ok, 1 error, 2 usage.
#include "businesscalendar.h"
#include "commandline.h"
#include "journalstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTextStream>

using namespace journal;

namespace {

using cmdline::err;
using cmdline::out;

std::optional<QDateTime> parseWhen(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid()) {
            return std::nullopt;
        }
        t = QDateTime(d, QTime(0, 0));
    }
    if (t.timeSpec() == Qt::LocalTime) {
        t = QDateTime(t.date(), t.time(), BusinessCalendar::berlin());
    }
    return t;
}

int usage(const QCommandLineParser &parser)
{
    err() << parser.helpText();
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("HotlineDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("hotline-desk"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Call journal of Hotline Desk.\n\nCommands:\n"
                       "  export FROM TO [FILE|-]   CSV of the calls offered in [FROM, TO)\n"
                       "  purge                     privacy purge of caller numbers\n"
                       "  cases                     open cases (--all: every case)\n"
                       "  figures FROM TO           team-lead figures\n"
                       "  holidays YEAR             public holidays of --state\n"
                       "  deadline DATETIME         deadline of a question taken at DATETIME: by --rule, otherwise by\n"
                       "                            the journal's stored rules for --office and --service\n"
                       "  rules                     the journal's stored deadline rules, one a line"));
    parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Journal database (default: the desk's)."),
                                QStringLiteral("path"));
    const QCommandLineOption days(QStringLiteral("days"), QStringLiteral("purge: retention in days."),
                                  QStringLiteral("n"), QStringLiteral("30"));
    const QCommandLineOption remove(QStringLiteral("remove"),
                                    QStringLiteral("purge: remove numbers instead of masking."));
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("cases: closed ones too."));
    const QCommandLineOption search(QStringLiteral("search"), QStringLiteral("cases: case or phone number."),
                                    QStringLiteral("text"));
    const QCommandLineOption state(QStringLiteral("state"), QStringLiteral("German state code (default SN)."),
                                   QStringLiteral("code"), QStringLiteral("SN"));
    const QCommandLineOption rule(QStringLiteral("rule"), QStringLiteral("Deadline rule, e.g. workingdays:24."),
                                  QStringLiteral("rule"));
    const QCommandLineOption office(QStringLiteral("office"), QStringLiteral("deadline: the office's id."),
                                    QStringLiteral("id"));
    const QCommandLineOption service(QStringLiteral("service"), QStringLiteral("deadline: the service's id."),
                                     QStringLiteral("id"));
    parser.addOptions({db, days, remove, all, search, state, rule, office, service});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see above)."));
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        return usage(parser);
    }
    const QString command = args.first();

    GermanState germanState;
    if (!stateFromCode(parser.value(state), &germanState)) {
        err() << "hotline-journal: unknown state " << parser.value(state) << "\n";
        return 2;
    }
    BusinessCalendar calendar(germanState);

    if (command == QLatin1String("holidays")) {
        bool ok = false;
        const int year = args.value(1).toInt(&ok);
        if (!ok || year < 1995 || year > 2200) {
            return usage(parser);
        }
        for (const Holiday &h : calendar.holidays(year)) {
            out() << h.date.toString(Qt::ISODate) << ',' << h.name << '\n';
        }
        return 0;
    }
    const QString path = parser.isSet(db) ? parser.value(db)
                                          : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                                QStringLiteral("/journal.db");
    QString error;
    if (command == QLatin1String("deadline") || command == QLatin1String("rules")) {
        // The stored rules, or the built-in default when there is no journal yet (nothing is created).
        DeadlinePolicy policy;
        if (QFile::exists(path)) {
            auto store = JournalStore::open(path, &error);
            const auto stored = store ? store->deadlinePolicy(&error) : std::nullopt;
            if (!stored) {
                err() << "hotline-journal: " << error << '\n';
                return 1;
            }
            policy = *stored;
        }
        if (command == QLatin1String("rules")) {
            for (const QString &entry : policy.toString().split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
                out() << entry.trimmed() << '\n';
            }
            return 0;
        }
        const auto when = parseWhen(args.value(1));
        const auto r = parser.isSet(rule) ? DeadlineRule::fromString(parser.value(rule))
                                          : std::optional(policy.ruleFor(parser.value(office), parser.value(service)));
        if (!when || !r) {
            err() << "hotline-journal: need DATETIME (ISO) and a rule like workingdays:24\n";
            return 2;
        }
        out() << calendar.deadline(*when, *r).toTimeZone(BusinessCalendar::berlin()).toString(Qt::ISODate) << '\n';
        return 0;
    }

    auto store = JournalStore::open(path, &error);
    if (!store) {
        err() << "hotline-journal: " << error << '\n';
        return 1;
    }
    if (command == QLatin1String("export") || command == QLatin1String("figures")) {
        const auto from = parseWhen(args.value(1));
        const auto to = parseWhen(args.value(2));
        if (!from || !to) {
            err() << "hotline-journal: " << command << " needs FROM and TO (ISO dates)\n";
            return 2;
        }
        if (command == QLatin1String("figures")) {
            const Figures f = store->figures(*from, *to);
            out() << "calls " << f.calls << "\nanswered_directly " << f.answeredDirectly << "\nforwarded "
                  << f.forwarded << "\nappointments " << f.appointments << "\nfirst_contact_resolution "
                  << QString::number(f.firstContactResolution, 'f', 3) << "\naverage_talk_seconds "
                  << f.averageTalkSeconds << "\ncases_due " << f.casesDue << "\ncases_in_time " << f.casesInTime
                  << "\nshare_in_time " << QString::number(f.shareInTime, 'f', 3) << "\ncases_open " << f.casesOpen
                  << "\ncases_overdue " << f.casesOverdue << '\n';
            return 0;
        }
        const QString target = args.value(3, QStringLiteral("-"));
        QFile file;
        const bool opened = target == QLatin1String("-") ? file.open(stdout, QIODevice::WriteOnly)
                                                         : (file.setFileName(target), file.open(QIODevice::WriteOnly));
        if (!opened) {
            err() << "hotline-journal: cannot write " << target << '\n';
            return 1;
        }
        if (!store->exportCsv(&file, *from, *to, &error)) {
            err() << "hotline-journal: " << error << '\n';
            return 1;
        }
        return 0;
    }
    if (command == QLatin1String("purge")) {
        PrivacySettings p = store->privacy();
        bool ok = false;
        p.retentionDays = parser.value(days).toInt(&ok);
        if (!ok || p.retentionDays < 0) {
            err() << "hotline-journal: --days needs a number of days\n";
            return 2;
        }
        p.mode = parser.isSet(remove) ? PrivacySettings::PurgeMode::Remove : PrivacySettings::PurgeMode::Mask;
        store->setPrivacy(p);
        const int n = store->purgeCallerData(QDateTime::currentDateTimeUtc(), &error);
        if (n < 0) {
            err() << "hotline-journal: " << error << '\n';
            return 1;
        }
        out() << "purged " << n << '\n';
        return 0;
    }
    if (command == QLatin1String("cases")) {
        CaseFilter filter;
        filter.openOnly = !parser.isSet(all);
        filter.search = parser.value(search);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const CaseRecord &c : store->cases(filter, &error)) {
            out() << c.caseNumber << '\t' << caseStateName(c.state) << '\t'
                  << c.deadline.toTimeZone(BusinessCalendar::berlin()).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                  << (c.isOverdue(now) ? QStringLiteral(" OVERDUE") : QString()) << '\t' << c.officeEmail << '\t'
                  << c.serviceTitle << '\n';
        }
        return 0;
    }
    err() << "hotline-journal: unknown command " << command << '\n';
    return usage(parser);
}
