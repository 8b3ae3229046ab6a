// hotline-admin-desk: creates and migrates the journal, outbox and appointment tables on the shared
// PostgreSQL store and grants them to the desk roles. Run after "hotline-admin init" (which
// creates the catalogue schema and the roles) and after every update of Hotline Desk.
// Separate from hotline-admin so that kb does not link the desk modules.
#include "deskserver.h"

#include "commandline.h"
#include "pgcommandline.h"
#include "pgconnection.h"
#include "pgstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTextStream>

namespace {

using cmdline::fail;
using cmdline::out;
using enum cmdline::ExitCode;

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(hotline - admin - desk)
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    cmdline::setUpTool(QStringLiteral("hotline-admin-desk"));
    QCommandLineParser parser;
    parser.setApplicationDescription(Messages::tr(
        "Hotline Desk shared store: journal, outbox and appointment tables on PostgreSQL.\n"
        "Commands:\n"
        "  migrate   Create or update the module tables and grant them to hotline_agent/hotline_lead\n"
        "            (run \"hotline-admin init\" first)\n"
        "  status    Schema version of every module on the server\n"
        "  user add NAME --role sender\n"
        "            Create the login of an outbox sender (hotline-outbox-service), or reset its password:\n"
        "            reads the outbox and records send states, nothing else. Its password comes from\n"
        "            HOTLINE_NEW_PASSWORD, otherwise from the second line of standard input\n"
        "The password comes from PGPASSWORD, otherwise from the first line of standard input.\n"
        "Exit codes: 0 success, 1 runtime error, 2 usage error."));
    parser.addHelpOption();
    const kb::PgCommandLine server(Messages::tr("User (default: PGUSER): the schema owner."));
    server.addTo(parser);
    const QCommandLineOption role(QStringLiteral("role"), Messages::tr("Role of \"user add\": sender."),
                                  QStringLiteral("ROLE"));
    parser.addOption(role);
    parser.addPositionalArgument(QStringLiteral("COMMAND"), Messages::tr("migrate, status or user add"));
    if (int code = Ok; !cmdline::parseArguments(parser, &code)) {
        return code;
    }
    const QStringList positional = parser.positionalArguments();
    const bool userAdd =
        positional.size() == 3 && positional[0] == QLatin1String("user") && positional[1] == QLatin1String("add");
    if (!userAdd && (positional.size() != 1 ||
                     (positional[0] != QLatin1String("migrate") && positional[0] != QLatin1String("status")))) {
        return fail(Messages::tr("expected one command: migrate, status or user add NAME --role sender (see --help)"),
                    UsageError);
    }
    if (userAdd && parser.value(role) != QLatin1String("sender")) {
        return fail(Messages::tr("user add: --role must be sender, not \"%1\" (desk logins: hotline-admin user add)")
                        .arg(parser.value(role)),
                    UsageError);
    }

    kb::PgConnection params;
    QString error;
    if (!server.read(parser, QStringLiteral("hotline-admin-desk"), &params, &error)) {
        return fail(error, UsageError);
    }
    params.password = kb::pgPasswordFromEnvironment(params);
    QString newPassword;
    if (userAdd) {
        newPassword = qEnvironmentVariable("HOTLINE_NEW_PASSWORD");
        if (newPassword.isEmpty()) {
            newPassword = kb::readSecretLine(Messages::tr("Password for %1: ").arg(positional[2]));
        }
    }
    const QString name = QStringLiteral("hotline-admin-desk");
    if (!kb::openPgConnection(params, name, &error)) {
        return fail(error);
    }
    int code = Ok;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (userAdd) {
            // The group role comes from deskserver/roles.sql: migrate first.
            QSqlQuery group(db);
            if (!group.exec(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = 'hotline_sender'")) ||
                !group.next()) {
                code = fail(
                    Messages::tr("the role hotline_sender does not exist yet: run hotline-admin-desk migrate first"));
            } else if (!kb::createPgLogin(db, positional[2], newPassword, QStringLiteral("hotline_sender"),
                                          {QStringLiteral("hotline_agent"), QStringLiteral("hotline_lead")}, &error)) {
                code = fail(error);
            } else {
                out() << Messages::tr("user %1 can log in as an outbox sender").arg(positional[2]) << Qt::endl;
            }
        } else if (positional[0] == QLatin1String("migrate")) {
            const auto before = deskserver::serverVersions(db);
            if (!deskserver::migrateServer(db, &error)) {
                code = fail(error);
            } else {
                const auto after = deskserver::serverVersions(db);
                for (int i = 0; i < after.size(); ++i) {
                    out() << Messages::tr("%1: version %2 → %3")
                                 .arg(after[i].first)
                                 .arg(before[i].second)
                                 .arg(after[i].second)
                          << '\n';
                }
                out() << Messages::tr("desk tables granted to hotline_agent and hotline_lead") << Qt::endl;
            }
        } else {
            for (const auto &[component, version] : deskserver::serverVersions(db)) {
                out() << component << ' ' << version << '\n';
            }
            out() << Qt::flush;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return code;
}
