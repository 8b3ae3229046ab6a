// hotline-admin: sets up and looks after the shared PostgreSQL store (schema, roles, catalogue
// import, desk users). QtCore + QtSql only, like hotline-kb.
#include "commandline.h"
#include "importer.h"
#include "pgcommandline.h"
#include "pgconnection.h"
#include "pgstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

namespace {

using cmdline::fail;
using cmdline::out;
using enum cmdline::ExitCode;

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(hotline - admin)
};

int usage(const QString &message)
{
    return cmdline::usage(message, Messages::tr("Usage: see hotline-admin --help"));
}

const char *const kHelp = QT_TRANSLATE_NOOP(
    "hotline-admin",
    "Commands:\n"
    "  init                                 Create the schema (or bring it up to date) and the roles\n"
    "                                       hotline_agent and hotline_lead with their rights\n"
    "  migrate                              Bring an existing schema up to this build's version\n"
    "  import --format dldb|jsonl FILE...   Import catalogue files (all in one transaction)\n"
    "  user add NAME --role agent|lead      Create a desk login and its editorial user of the same name\n"
    "                                       (or reset its password and role)\n"
    "  status                               Schema version, revision, counts, users\n"
    "\n"
    "Passwords never go on the command line: the connecting user's password comes from PGPASSWORD,\n"
    "otherwise from the first line of standard input. The new user's password of \"user add\" comes\n"
    "from HOTLINE_NEW_PASSWORD, otherwise from the next line of standard input.\n"
    "\n"
    "Exit codes: 0 success, 1 runtime error (message on stderr), 2 usage error.");

// A connection of hotline-admin's own, for statements outside the store interface.
class AdminConnection
{
public:
    AdminConnection() = default;
    ~AdminConnection()
    {
        if (m_open) {
            QSqlDatabase::database(QStringLiteral("hotline-admin"), false).close();
            QSqlDatabase::removeDatabase(QStringLiteral("hotline-admin"));
        }
    }
    bool open(const kb::PgConnection &params, QString *error)
    {
        m_open = kb::openPgConnection(params, QStringLiteral("hotline-admin"), error);
        return m_open;
    }
    QSqlDatabase db() const
    {
        return QSqlDatabase::database(QStringLiteral("hotline-admin"), false);
    }

private:
    bool m_open = false;
};

int runInitOrMigrate(const kb::PgConnection &params, bool init)
{
    QString error;
    AdminConnection connection;
    if (!connection.open(params, &error)) {
        return fail(error);
    }
    QSqlDatabase db = connection.db();
    const int before = kb::readPgSchemaVersion(db, &error);
    if (before < 0) {
        return fail(error);
    }
    if (!init && before == 0) {
        return fail(Messages::tr("database %1 has no Hotline Desk schema yet: run \"hotline-admin init\"")
                        .arg(params.database));
    }
    if (!kb::applyPgMigrations(db, kb::pgSchemaVersion(), &error)) {
        return fail(error);
    }
    if (!kb::applyPgRoles(db, &error)) {
        return fail(error);
    }
    const int after = kb::readPgSchemaVersion(db, &error);
    if (before == after) {
        out() << Messages::tr("schema is up to date (version %1); roles hotline_agent and hotline_lead granted")
                     .arg(after)
              << Qt::endl;
    } else {
        out() << Messages::tr("schema migrated from version %1 to %2; roles hotline_agent and hotline_lead granted")
                     .arg(before)
                     .arg(after)
              << Qt::endl;
    }
    return Ok;
}

int runImport(const kb::PgConnection &params, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), Messages::tr("dldb or jsonl"), QStringLiteral("FORMAT"));
    parser.addOption(format);
    if (!parser.parse(arguments)) {
        return usage(parser.errorText());
    }
    if (!parser.isSet(format)) {
        return usage(Messages::tr("import: --format dldb|jsonl is required"));
    }
    kb::ImportFormat importFormat;
    if (!kb::parseImportFormat(parser.value(format), &importFormat)) {
        return usage(Messages::tr("import: unknown format \"%1\" (expected dldb or jsonl)").arg(parser.value(format)));
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        return usage(Messages::tr("import: no FILE given"));
    }
    QString error;
    auto store = kb::openPgStore(params, &error);
    if (!store) {
        return fail(error);
    }
    kb::ImportReport report;
    if (!kb::importFiles(*store, importFormat, files, &report, &error)) {
        return fail(Messages::tr("import failed, nothing was stored: %1").arg(error));
    }
    out() << Messages::tr("read %1 articles and %2 offices; articles: %3 new, %4 changed, %5 unchanged; "
                          "offices: %6 new, %7 changed; revision %8")
                 .arg(report.articlesRead)
                 .arg(report.officesRead)
                 .arg(report.written.articlesInserted)
                 .arg(report.written.articlesUpdated)
                 .arg(report.written.articlesUnchanged)
                 .arg(report.written.officesInserted)
                 .arg(report.written.officesUpdated)
                 .arg(store->revision())
          << Qt::endl;
    return Ok;
}

int runUser(const kb::PgConnection &params, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption role(QStringLiteral("role"), Messages::tr("agent or lead"), QStringLiteral("ROLE"));
    parser.addOption(role);
    if (!parser.parse(arguments)) {
        return usage(parser.errorText());
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional.first() != QLatin1String("add")) {
        return usage(Messages::tr("user: expected \"user add NAME --role agent|lead\""));
    }
    const QString roleName = parser.value(role);
    if (roleName != QLatin1String("agent") && roleName != QLatin1String("lead")) {
        return usage(Messages::tr("user add: --role must be agent or lead, not \"%1\"").arg(roleName));
    }
    QString password = qEnvironmentVariable("HOTLINE_NEW_PASSWORD");
    if (password.isEmpty()) {
        password = kb::readSecretLine(Messages::tr("Password for %1: ").arg(positional.at(1)));
    }
    QString error;
    AdminConnection connection;
    if (!connection.open(params, &error)) {
        return fail(error);
    }
    QSqlDatabase db = connection.db();
    if (!kb::applyPgRoles(db, &error) ||
        !kb::createPgUser(db, positional.at(1), password,
                          roleName == QLatin1String("lead") ? kb::PgRole::Lead : kb::PgRole::Agent, &error)) {
        return fail(error);
    }
    out() << Messages::tr("user %1 can log in as %2").arg(positional.at(1), roleName) << Qt::endl;
    return Ok;
}

int runStatus(const kb::PgConnection &params)
{
    QString error;
    AdminConnection connection;
    if (!connection.open(params, &error)) {
        return fail(error);
    }
    QSqlDatabase db = connection.db();
    const int version = kb::readPgSchemaVersion(db, &error);
    if (version < 0) {
        return fail(error);
    }
    out() << Messages::tr("server:          %1").arg(params.displayName()) << '\n'
          << Messages::tr("schema version:  %1 (this build: %2)").arg(version).arg(kb::pgSchemaVersion()) << '\n';
    if (version > 0) {
        QSqlQuery q(db);
        auto scalar = [&](const QString &sql) {
            return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("?");
        };
        out() << Messages::tr("revision:        %1")
                     .arg(scalar(QStringLiteral("SELECT int_value FROM meta WHERE key = 'revision'")))
              << '\n'
              << Messages::tr("store id:        %1")
                     .arg(scalar(QStringLiteral("SELECT text_value FROM meta WHERE key = 'store_id'")))
              << '\n'
              << Messages::tr("articles:        %1").arg(scalar(QStringLiteral("SELECT COUNT(*) FROM articles")))
              << '\n'
              << Messages::tr("offices:         %1").arg(scalar(QStringLiteral("SELECT COUNT(*) FROM offices"))) << '\n'
              << Messages::tr("synonyms:        %1").arg(scalar(QStringLiteral("SELECT COUNT(*) FROM synonyms")))
              << '\n'
              << Messages::tr("desk writes:     %1").arg(scalar(QStringLiteral("SELECT COUNT(*) FROM applied_writes")))
              << '\n';
    }
    QSqlQuery users(db);
    if (users.exec(
            QStringLiteral("SELECT g.rolname, string_agg(m.rolname, ', ' ORDER BY m.rolname) FROM pg_roles g "
                           "LEFT JOIN pg_auth_members a ON a.roleid = g.oid LEFT JOIN pg_roles m ON m.oid = a.member "
                           "WHERE g.rolname IN ('hotline_agent', 'hotline_lead') GROUP BY g.rolname ORDER BY 1"))) {
        while (users.next()) {
            out() << Messages::tr("%1: %2").arg(users.value(0).toString().leftJustified(15), users.value(1).toString())
                  << '\n';
        }
    }
    if (version != kb::pgSchemaVersion()) {
        out() << Messages::tr("the schema is not at this build's version: run \"hotline-admin %1\"")
                     .arg(version == 0 ? QStringLiteral("init") : QStringLiteral("migrate"))
              << '\n';
    }
    out() << Qt::flush;
    return Ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    cmdline::setUpTool(QStringLiteral("hotline-admin"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Messages::tr("Hotline Desk shared store: schema, roles, catalogue import and users on PostgreSQL."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const cmdline::HelpAndVersion helpAndVersion(parser);
    const kb::PgCommandLine server(Messages::tr("User to connect as (default: PGUSER)."));
    server.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("COMMAND"), Messages::tr("init, migrate, import, user or status"));
    if (!parser.parse(QCoreApplication::arguments())) {
        return usage(parser.errorText());
    }
    if (int code = Ok; helpAndVersion.handle(parser, Messages::tr(kHelp), &code)) {
        return code;
    }
    const QStringList positional = parser.positionalArguments();

    kb::PgConnection params;
    QString invalid;
    if (!server.read(parser, QStringLiteral("hotline-admin"), &params, &invalid)) {
        return usage(invalid);
    }
    const QString command = positional.first();
    static const QStringList commands{QStringLiteral("init"), QStringLiteral("migrate"), QStringLiteral("import"),
                                      QStringLiteral("user"), QStringLiteral("status")};
    if (!commands.contains(command)) {
        return usage(Messages::tr("unknown command \"%1\"").arg(command));
    }
    params.password = kb::pgPasswordFromEnvironment(params);

    if (command == QLatin1String("init") || command == QLatin1String("migrate")) {
        return runInitOrMigrate(params, command == QLatin1String("init"));
    }
    if (command == QLatin1String("import")) {
        return runImport(params, positional);
    }
    if (command == QLatin1String("user")) {
        return runUser(params, positional);
    }
    return runStatus(params);
}
