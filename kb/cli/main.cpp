// hotline-kb: the knowledge base on the command line (import, search, export, synonyms).
// QtCore only: runs on servers and in scripts without a display.
#include "commandline.h"
#include "defaultcatalogue.h"
#include "importer.h"
#include "jsonlformat.h"
#include "searchengine.h"
#include "sqlitestore.h"
#include "store.h"
#include "textdiff.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace {

using cmdline::err;
using cmdline::out;
using enum cmdline::ExitCode;

// The translation context of this file's user-visible messages (lupdate reads the macro).
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(hotline - kb)
};

// One reader for stdin: passwords and "search -" share it, so no line is lost to a second buffer.
QTextStream &in()
{
    static QTextStream stream(stdin);
    stream.setEncoding(QStringConverter::Utf8);
    return stream;
}

int fail(const QString &message)
{
    cmdline::fail(message);
    if (message.contains(QLatin1String("nobody is signed in"))) {
        err() << Messages::tr("hotline-kb: use --user NAME (password on stdin) or --admin; see hotline-kb --help")
              << Qt::endl;
    }
    return RuntimeError;
}

int usage(const QString &message, const QString &hint = QStringLiteral("hotline-kb --help"))
{
    return cmdline::usage(message, Messages::tr("Usage: see %1").arg(hint));
}

const char *const kGlobalHelp = QT_TRANSLATE_NOOP(
    "hotline-kb", "Commands:\n"
                  "  import --format dldb|jsonl FILE...   Import catalogue files (all in one transaction)\n"
                  "  search [--limit N] [--json] [--explain] QUERY...\n"
                  "                                       Search; QUERY \"-\" reads one query a line from stdin\n"
                  "  export [--format jsonl] [FILE|-]     Write the catalogue as JSON Lines (default: stdout)\n"
                  "  stats                                Counts, schema version, revision, database size\n"
                  "  synonym add TERM EXPANSION...        Add or replace a synonym\n"
                  "  synonym remove TERM                  Remove a synonym\n"
                  "  synonym list                         List the synonyms\n"
                  "  question list ID | add-defaults      An article's example questions; add the built-in ones\n"
                  "  user add NAME --role lead|agent      Create a user (password from stdin)\n"
                  "  user list | passwd NAME | role NAME lead|agent | disable NAME | enable NAME\n"
                  "  history ID [--diff V1,V2]            Published versions of an article; field diff of two\n"
                  "  review-due [--horizon DAYS]          Articles past their review date or changing validity\n"
                  "  gaps [--days N]                      Searches that found nothing useful, and agents' flags\n"
                  "  flags [--all] | flags resolve ID [NOTE]  Agents' flags (open ones unless --all); resolve one\n"
                  "  audit [--article ID] [--limit N]     The audit trail, newest first\n"
                  "  purge-log DAYS                       Delete search log entries older than DAYS days\n"
                  "  four-eyes [on|off]                   Whether a second team lead must approve drafts\n"
                  "\n"
                  "Who writes: once the database has users, every change names its author and needs a team lead.\n"
                  "  --user NAME  act as that user; the password is the first line of stdin (asked without echo\n"
                  "               on a terminal). An agent may only change their own password.\n"
                  "  --admin      act as the local administrator, recorded as \"admin\" in the audit trail. For\n"
                  "               whoever maintains the database file itself (imports, recovering a lost team\n"
                  "               lead password): access to the file is access to the data anyway.\n"
                  "Without either, writes work only while the database has no users (the first start).\n"
                  "\n"
                  "Database: --db PATH, or the desk's own database (%1).\n"
                  "A database without articles gets the built-in Munich catalogue and its synonyms before search,\n"
                  "export, stats and synonym run (unless --no-default-catalogue). import writes only what it reads\n"
                  "(plus, into a database without articles, the built-in synonyms and the built-in example\n"
                  "questions of the services it shares with the built-in catalogue).\n"
                  "\n"
                  "Exit codes: 0 success, 1 runtime error (message on stderr), 2 usage error.\n"
                  "Run 'hotline-kb COMMAND --help' for a command's options.");

struct Context
{
    QString dbPath;
    bool installDefault = true;
    bool firstImport = false; // an import into a database without articles
    QString userName;         // --user
    bool admin = false;       // --admin
    std::unique_ptr<kb::Store> store;
};

// A password: on a terminal asked on stderr with echo off, otherwise the next line of stdin.
bool readSecret(const QString &prompt, QString *secret)
{
    const bool tty = isatty(fileno(stdin));
    termios saved{};
    if (tty) {
        err() << prompt << Qt::flush;
        tcgetattr(fileno(stdin), &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fileno(stdin), TCSANOW, &quiet);
    }
    QString line;
    const bool ok = in().readLineInto(&line);
    if (tty) {
        tcsetattr(fileno(stdin), TCSANOW, &saved);
        err() << Qt::endl;
    }
    if (line.endsWith(QLatin1Char('\r'))) {
        line.chop(1);
    }
    *secret = line;
    return ok;
}

// A new password: twice on a terminal, once from a pipe.
bool readNewPassword(const QString &forWhom, QString *password, QString *error)
{
    if (!readSecret(Messages::tr("New password for %1: ").arg(forWhom), password) || password->isEmpty()) {
        *error = Messages::tr("no password given (expected one line on stdin)");
        return false;
    }
    if (isatty(fileno(stdin))) {
        QString again;
        readSecret(Messages::tr("Repeat the password: "), &again);
        if (again != *password) {
            *error = Messages::tr("the two passwords differ");
            return false;
        }
    }
    return true;
}

// Sets the store's actor from --user / --admin.
bool signIn(Context &context, QString *error)
{
    if (context.admin) {
        context.store->setActor(kb::Actor::administrator());
        return true;
    }
    if (context.userName.isEmpty()) {
        return true;
    }
    QString password;
    if (!readSecret(Messages::tr("Password for %1: ").arg(context.userName), &password)) {
        *error = Messages::tr("--user %1: no password on stdin").arg(context.userName);
        return false;
    }
    const std::optional<kb::User> user = context.store->authenticate(context.userName, password, error);
    if (!user) {
        return false;
    }
    context.store->setActor(kb::Actor::signedIn(*user));
    return true;
}

bool openStore(Context &context, bool forImport, QString *error)
{
    context.store = kb::openSqliteStore(context.dbPath, error);
    if (!context.store) {
        return false;
    }
    if (!signIn(context, error)) {
        return false;
    }
    const kb::StoreStats stats = context.store->stats();
    if (stats.articles == 0 && context.installDefault) {
        if (forImport) {
            context.firstImport = true;
            if (stats.synonyms == 0 && !kb::addMissingDefaultSynonyms(*context.store, nullptr, error)) {
                return false;
            }
        } else {
            bool installed = false;
            if (!kb::installDefaultCatalogueIfEmpty(*context.store, &installed, error)) {
                return false;
            }
            if (installed && isatty(fileno(stderr))) {
                err() << Messages::tr("Installed the built-in catalogue (Landeshauptstadt München) into %1")
                             .arg(context.dbPath)
                      << Qt::endl;
            }
        }
    }
    return true;
}

// Sub-command parser: `args` starts with the command name (it plays the program name).
bool parseSub(QCommandLineParser &parser, const QStringList &args, int *exitCode)
{
    parser.addHelpOption();
    if (!parser.parse(args)) {
        *exitCode = usage(parser.errorText(), QStringLiteral("hotline-kb %1 --help").arg(args.first()));
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QString help = parser.helpText();
        help.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                     QStringLiteral("Usage: hotline-kb [--db PATH] %1").arg(args.first()));
        out() << help << Qt::flush;
        *exitCode = Ok;
        return false;
    }
    return true;
}

int runImport(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Messages::tr("Import catalogue files into the database, all in one transaction:\n"
                     "either everything is stored or nothing. Known ids are updated.\n"
                     "dldb: ZMS/DLDB JSON exports (Munich it@M, service.berlin.de): services, locations and\n"
                     "  (Berlin) topics files, told apart by their records; give services and locations in one\n"
                     "  run so appointment lengths per office are filled in. Internal booking entries of\n"
                     "  Munich's system (Testleistung, Shortlane, Spontan…, SB …) are left out.\n"
                     "jsonl: Hotline Desk JSON Lines (docs/jsonl-format.md).\n"
                     "Links to offices that are neither imported nor in the database are dropped and counted."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    Messages::tr("dldb (ZMS/DLDB JSON services and locations) or "
                                                 "jsonl (Hotline Desk JSON Lines)."),
                                    QStringLiteral("FORMAT"));
    parser.addOption(format);
    parser.addPositionalArgument(QStringLiteral("FILE"), Messages::tr("Files to import."), QStringLiteral("FILE..."));
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    if (!parser.isSet(format)) {
        return usage(Messages::tr("import: --format dldb|jsonl is required"),
                     QStringLiteral("hotline-kb import --help"));
    }
    kb::ImportFormat importFormat;
    if (!kb::parseImportFormat(parser.value(format), &importFormat)) {
        return usage(Messages::tr("import: unknown format \"%1\" (expected dldb or jsonl)").arg(parser.value(format)),
                     QStringLiteral("hotline-kb import --help"));
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        return usage(Messages::tr("import: no FILE given"), QStringLiteral("hotline-kb import --help"));
    }
    QString error;
    if (!openStore(context, true, &error)) {
        return fail(error);
    }
    const bool tty = isatty(fileno(stderr));
    kb::ImportProgress progress;
    if (tty) {
        progress = [](const QString &step) { err() << "\r\033[K" << step << QStringLiteral("…") << Qt::flush; };
    }
    kb::ImportReport report;
    const bool ok = kb::importFiles(*context.store, importFormat, files, &report, &error, progress);
    if (tty) {
        err() << "\r\033[K" << Qt::flush;
    }
    if (!ok) {
        return fail(Messages::tr("import failed, nothing was stored: %1").arg(error));
    }
    const kb::UpsertReport &w = report.written;
    out() << Messages::tr("Imported %1 articles: %2 inserted, %3 updated, %4 unchanged.")
                 .arg(report.articlesRead)
                 .arg(w.articlesInserted)
                 .arg(w.articlesUpdated)
                 .arg(w.articlesUnchanged)
          << '\n';
    out() << Messages::tr("Imported %1 offices: %2 inserted, %3 updated, %4 unchanged.")
                 .arg(report.officesRead)
                 .arg(w.officesInserted)
                 .arg(w.officesUpdated)
                 .arg(report.officesRead - w.officesInserted - w.officesUpdated)
          << '\n';
    if (!report.skipped.isEmpty()) {
        out() << Messages::tr("Left out %1 internal booking entries: %2")
                     .arg(report.skipped.size())
                     .arg(report.skipped.join(QStringLiteral("; ")))
              << '\n';
    }
    if (report.droppedOfficeLinks > 0) {
        out()
            << Messages::tr("Dropped %1 links to offices that are not in the catalogue.").arg(report.droppedOfficeLinks)
            << '\n';
    }
    // Munich's own files into a new database: the same services as the built-in catalogue, so the same ways
    // callers ask for them.
    if (context.firstImport) {
        int added = 0;
        if (!kb::addMissingDefaultQuestions(*context.store, &added, &error)) {
            out() << Qt::flush;
            return fail(
                Messages::tr("the import is stored, but adding the built-in example questions failed: %1").arg(error));
        }
        if (added > 0) {
            out() << Messages::tr("Added the built-in example questions to %1 articles.").arg(added) << '\n';
        }
    }
    out() << Qt::flush;
    return Ok;
}

QString plainSnippet(const QString &html, bool tty)
{
    QString s = html;
    s.replace(QStringLiteral("<mark>"), tty ? QStringLiteral("\033[1m") : QString());
    s.replace(QStringLiteral("</mark>"), tty ? QStringLiteral("\033[0m") : QString());
    s.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    s.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    s.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    s.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    s.replace(QStringLiteral("&#39;"), QStringLiteral("'"));
    s.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return s;
}

// One JSON value as compact text (strings escaped the way QJsonDocument does).
QByteArray jsonValue(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

void answer(const kb::SearchEngine &engine, const QString &query, int limit, bool json, bool explain)
{
    QElapsedTimer timer;
    timer.start();
    const QList<kb::SearchHit> hits = engine.search(query, kb::SearchOptions{limit});
    const qint64 elapsedUs = timer.nsecsElapsed() / 1000;
    if (json) {
        // Written by hand to keep the documented key order (QJsonObject sorts its keys).
        QByteArray line =
            "{\"query\":" + jsonValue(query) + ",\"elapsed_us\":" + QByteArray::number(elapsedUs) + ",\"results\":[";
        for (qsizetype i = 0; i < hits.size(); ++i) {
            const kb::SearchHit &hit = hits.at(i);
            line += (i > 0 ? ",{\"id\":" : "{\"id\":") + jsonValue(hit.id) + ",\"title\":" + jsonValue(hit.title) +
                    ",\"score\":" + jsonValue(hit.score) + ",\"snippet\":" + jsonValue(hit.snippet) + '}';
        }
        line += explain ? "],\"explain\":" + jsonValue(engine.explain(query)) + "}\n" : QByteArray("]}\n");
        out().flush();
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fflush(stdout);
        return;
    }
    static const bool tty = isatty(fileno(stdout));
    if (explain) {
        out() << engine.explain(query);
    }
    if (hits.isEmpty()) {
        out() << Messages::tr("No results for \"%1\".").arg(query) << '\n';
    }
    for (int i = 0; i < hits.size(); ++i) {
        const kb::SearchHit &hit = hits.at(i);
        out() << QStringLiteral("%1. %2  [%3]  %4").arg(i + 1).arg(hit.title, hit.id).arg(hit.score, 0, 'f', 3) << '\n';
        if (!hit.snippet.isEmpty()) {
            out() << "   " << plainSnippet(hit.snippet, tty) << '\n';
        }
    }
    out() << Qt::flush;
}

int runSearch(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Messages::tr("Search the catalogue. QUERY \"-\" reads one query a line from stdin and\n"
                     "answers each at once. --json writes one object a line:\n"
                     "{\"query\", \"elapsed_us\" (the engine's own time), \"results\": "
                     "[{\"id\", \"title\", \"score\", \"snippet\"}]}."));
    const QCommandLineOption limit(QStringLiteral("limit"), Messages::tr("At most N results (default 10)."),
                                   QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption json(QStringLiteral("json"), Messages::tr("JSON Lines output."));
    const QCommandLineOption explain(
        QStringLiteral("explain"),
        Messages::tr("Also show how each word is matched: its alternatives with weights, the "
                     "stems they look for and in how many articles each is (with --json: "
                     "an \"explain\" text field after \"results\")."));
    parser.addOption(limit);
    parser.addOption(json);
    parser.addOption(explain);
    parser.addPositionalArgument(QStringLiteral("QUERY"), Messages::tr("Words to search for, or - for stdin."),
                                 QStringLiteral("QUERY...|-"));
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    bool ok = false;
    const int n = parser.value(limit).toInt(&ok);
    if (!ok || n < 1 || n > 10000) {
        return usage(
            Messages::tr("search: --limit needs a number from 1 to 10000, got \"%1\"").arg(parser.value(limit)),
            QStringLiteral("hotline-kb search --help"));
    }
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        return usage(Messages::tr("search: no QUERY given (use - to read queries from stdin)"),
                     QStringLiteral("hotline-kb search --help"));
    }
    QString error;
    if (!openStore(context, false, &error)) {
        return fail(error);
    }
    QString readError;
    const QList<kb::Article> articles = context.store->articles(&readError);
    const QList<kb::Synonym> synonyms = context.store->synonyms(&readError);
    if (!readError.isEmpty()) {
        return fail(readError);
    }
    kb::SearchEngine engine;
    engine.build(articles, synonyms);
    const bool asJson = parser.isSet(json);
    if (words == QStringList{QStringLiteral("-")}) {
        QString line;
        while (in().readLineInto(&line)) {
            answer(engine, line.trimmed(), n, asJson, parser.isSet(explain));
        }
        return Ok;
    }
    answer(engine, words.join(QLatin1Char(' ')), n, asJson, parser.isSet(explain));
    return Ok;
}

int runExport(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Messages::tr("Write the catalogue (offices, then articles) as JSON Lines."));
    const QCommandLineOption format(QStringLiteral("format"), Messages::tr("Only jsonl (the default)."),
                                    QStringLiteral("FORMAT"), QStringLiteral("jsonl"));
    const QCommandLineOption contentOnly(QStringLiteral("content-only"),
                                         Messages::tr("Leave out the store's bookkeeping (version, updated_at)."));
    parser.addOption(format);
    parser.addOption(contentOnly);
    parser.addPositionalArgument(QStringLiteral("FILE"), Messages::tr("Output file; - or nothing for stdout."),
                                 QStringLiteral("[FILE|-]"));
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    if (parser.value(format).toLower() != QLatin1String("jsonl")) {
        return usage(Messages::tr("export: unknown format \"%1\" (only jsonl)").arg(parser.value(format)),
                     QStringLiteral("hotline-kb export --help"));
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        return usage(Messages::tr("export: one FILE at most"), QStringLiteral("hotline-kb export --help"));
    }
    QString error;
    if (!openStore(context, false, &error)) {
        return fail(error);
    }
    kb::Catalogue catalogue;
    catalogue.offices = context.store->offices(&error);
    catalogue.articles = context.store->articles(&error);
    if (!error.isEmpty()) {
        return fail(error);
    }
    const QString target = files.value(0, QStringLiteral("-"));
    if (target == QLatin1String("-")) {
        out().flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) ||
            !kb::writeJsonl(catalogue, &stdoutFile, &error, !parser.isSet(contentOnly))) {
            return fail(Messages::tr("export to stdout failed: %1").arg(error));
        }
        return Ok;
    }
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(Messages::tr("cannot write %1: %2").arg(target, file.errorString()));
    }
    if (!kb::writeJsonl(catalogue, &file, &error, !parser.isSet(contentOnly)) || !file.commit()) {
        return fail(Messages::tr("cannot write %1: %2").arg(target, error.isEmpty() ? file.errorString() : error));
    }
    err() << Messages::tr("Exported %1 articles and %2 offices to %3")
                 .arg(catalogue.articles.size())
                 .arg(catalogue.offices.size())
                 .arg(target)
          << Qt::endl;
    return Ok;
}

int runStats(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Messages::tr("Show what the database holds."));
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usage(Messages::tr("stats takes no arguments"), QStringLiteral("hotline-kb stats --help"));
    }
    QString error;
    if (!openStore(context, false, &error)) {
        return fail(error);
    }
    const kb::StoreStats s = context.store->stats();
    out() << Messages::tr("Database:       %1").arg(QFileInfo(context.dbPath).absoluteFilePath()) << '\n'
          << Messages::tr("Schema version: %1").arg(s.schemaVersion) << '\n'
          << Messages::tr("Revision:       %1").arg(s.revision) << '\n'
          << Messages::tr("Articles:       %1").arg(s.articles) << '\n'
          << Messages::tr("Offices:        %1").arg(s.offices) << '\n'
          << Messages::tr("Office links:   %1").arg(s.officeLinks) << '\n'
          << Messages::tr("Synonyms:       %1").arg(s.synonyms) << '\n'
          << Messages::tr("Questions:      %1").arg(s.questions) << '\n'
          << Messages::tr("Size:           %1 bytes").arg(s.fileBytes) << '\n'
          << Qt::flush;
    return Ok;
}

int runSynonym(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Messages::tr("Edit the synonym table: typing TERM also searches for each EXPANSION.\n"
                     "  synonym add TERM EXPANSION...\n  synonym remove TERM\n  synonym list\n"
                     "  synonym add-defaults   adds the built-in entries whose terms the table lacks\n"
                     "                         (a table from an older version); changes no entry it has"));
    parser.addPositionalArgument(QStringLiteral("ACTION"), Messages::tr("add, remove, list or add-defaults"),
                                 QStringLiteral("add|remove|list|add-defaults"));
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    const QStringList rest = parser.positionalArguments();
    const QString action = rest.value(0);
    const QString hint = QStringLiteral("hotline-kb synonym --help");
    if (action == QLatin1String("add")) {
        if (rest.size() < 3 || rest.at(1).trimmed().isEmpty()) {
            return usage(Messages::tr("synonym add needs a TERM and at least one EXPANSION"), hint);
        }
    } else if (action == QLatin1String("remove")) {
        if (rest.size() != 2) {
            return usage(Messages::tr("synonym remove needs exactly one TERM"), hint);
        }
    } else if (action == QLatin1String("list") || action == QLatin1String("add-defaults")) {
        if (rest.size() != 1) {
            return usage(Messages::tr("synonym %1 takes no arguments").arg(action), hint);
        }
    } else {
        return usage(action.isEmpty() ? Messages::tr("synonym: say add, remove, list or add-defaults")
                                      : Messages::tr("synonym: unknown action \"%1\" (add, remove, list or "
                                                     "add-defaults)")
                                            .arg(action),
                     hint);
    }
    QString error;
    if (!openStore(context, false, &error)) {
        return fail(error);
    }
    if (action == QLatin1String("add")) {
        const kb::Synonym synonym{rest.at(1), rest.mid(2)};
        if (!context.store->setSynonym(synonym, &error)) {
            return fail(error);
        }
        return Ok;
    }
    if (action == QLatin1String("remove")) {
        return context.store->removeSynonym(rest.at(1), &error) ? Ok : fail(error);
    }
    if (action == QLatin1String("add-defaults")) {
        int added = 0;
        const bool ok = kb::addMissingDefaultSynonyms(*context.store, &added, &error);
        out() << Messages::tr("%1 built-in synonyms added.").arg(added) << '\n' << Qt::flush;
        return ok ? Ok : fail(error);
    }
    const QList<kb::Synonym> synonyms = context.store->synonyms(&error);
    if (!error.isEmpty()) {
        return fail(error);
    }
    for (const kb::Synonym &s : synonyms) {
        out() << s.term << QStringLiteral(" → ") << s.expansions.join(QStringLiteral(", ")) << '\n';
    }
    out() << Qt::flush;
    return Ok;
}

int runQuestion(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Messages::tr("The example questions: how callers ask for a service, searched with its text.\n"
                     "  question list ID       the questions of article ID, one a line\n"
                     "  question add-defaults  gives articles without questions the built-in ones of the same\n"
                     "                         service (same id and title); changes no article that has some\n"
                     "Team leads edit them with the article in the desk."));
    parser.addPositionalArgument(QStringLiteral("ACTION"), Messages::tr("list or add-defaults"),
                                 QStringLiteral("list ID|add-defaults"));
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    const QStringList rest = parser.positionalArguments();
    const QString action = rest.value(0);
    const QString hint = QStringLiteral("hotline-kb question --help");
    if (action == QLatin1String("list")) {
        if (rest.size() != 2 || rest.at(1).trimmed().isEmpty()) {
            return usage(Messages::tr("question list needs exactly one article ID"), hint);
        }
    } else if (action == QLatin1String("add-defaults")) {
        if (rest.size() != 1) {
            return usage(Messages::tr("question add-defaults takes no arguments"), hint);
        }
    } else {
        return usage(action.isEmpty()
                         ? Messages::tr("question: say list or add-defaults")
                         : Messages::tr("question: unknown action \"%1\" (list or add-defaults)").arg(action),
                     hint);
    }
    QString error;
    if (!openStore(context, false, &error)) {
        return fail(error);
    }
    if (action == QLatin1String("add-defaults")) {
        int added = 0;
        const bool ok = kb::addMissingDefaultQuestions(*context.store, &added, &error);
        out() << Messages::tr("Built-in example questions added to %1 articles.").arg(added) << '\n' << Qt::flush;
        return ok ? Ok : fail(error);
    }
    const std::optional<kb::Article> article = context.store->article(rest.at(1).trimmed());
    if (!article) {
        return fail(Messages::tr("no article \"%1\"").arg(rest.at(1).trimmed()));
    }
    for (const QString &q : article->questions) {
        out() << q << '\n';
    }
    out() << Qt::flush;
    return Ok;
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}

int runUser(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Messages::tr(
        "Manage the desk's users (team leads and agents).\n"
        "  user add NAME --role lead|agent [--display-name TEXT]\n"
        "  user list\n  user passwd NAME\n  user role NAME lead|agent\n  user disable NAME\n  user enable NAME\n"
        "New passwords are read from stdin (twice, without echo, on a terminal); with --user the acting\n"
        "user's password comes first. The first user of a database must be a team lead and needs no\n"
        "--user; after that a team lead (--user) or --admin manages users; anyone may change their own\n"
        "password with --user."));
    const QCommandLineOption role(QStringLiteral("role"), Messages::tr("lead or agent."), QStringLiteral("ROLE"));
    const QCommandLineOption display(QStringLiteral("display-name"), Messages::tr("Full name shown in the desk."),
                                     QStringLiteral("TEXT"));
    parser.addOption(role);
    parser.addOption(display);
    parser.addPositionalArgument(QStringLiteral("ACTION"), Messages::tr("add, list, passwd, role, disable or enable"),
                                 QStringLiteral("ACTION [NAME] [ROLE]"));
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    const QStringList rest = parser.positionalArguments();
    const QString action = rest.value(0);
    const QString hint = QStringLiteral("hotline-kb user --help");
    const int wanted = action == QLatin1String("list")   ? 1
                       : action == QLatin1String("role") ? 3
                       : (action == QLatin1String("add") || action == QLatin1String("passwd") ||
                          action == QLatin1String("disable") || action == QLatin1String("enable"))
                           ? 2
                           : -1;
    if (wanted < 0) {
        return usage(action.isEmpty() ? Messages::tr("user: say add, list, passwd, role, disable or enable")
                                      : Messages::tr("user: unknown action \"%1\"").arg(action),
                     hint);
    }
    if (rest.size() != wanted) {
        return usage(Messages::tr("user %1: wrong number of arguments").arg(action), hint);
    }
    kb::Role newRole = kb::Role::Agent;
    if (action == QLatin1String("add")) {
        if (!parser.isSet(role) || !kb::parseRole(parser.value(role), &newRole)) {
            return usage(Messages::tr("user add: --role lead|agent is required"), hint);
        }
    }
    if (action == QLatin1String("role") && !kb::parseRole(rest.at(2), &newRole)) {
        return usage(Messages::tr("user role: unknown role \"%1\" (lead or agent)").arg(rest.at(2)), hint);
    }
    QString error;
    context.installDefault = false; // managing users does not install a catalogue
    if (!openStore(context, false, &error)) {
        return fail(error);
    }
    kb::Store &store = *context.store;
    if (action == QLatin1String("list")) {
        const QList<kb::User> users = store.users(&error);
        if (!error.isEmpty()) {
            return fail(error);
        }
        for (const kb::User &u : users) {
            out() << QStringLiteral("%1\t%2\t%3\t%4")
                         .arg(u.name, kb::roleName(u.role),
                              u.active ? Messages::tr("active") : Messages::tr("disabled"), u.displayName)
                  << '\n';
        }
        out() << Qt::flush;
        return Ok;
    }
    const QString name = rest.at(1);
    if (action == QLatin1String("add") || action == QLatin1String("passwd")) {
        QString password;
        if (!readNewPassword(name, &password, &error)) {
            return fail(error);
        }
        if (action == QLatin1String("add")) {
            const auto created = store.createUser(name, parser.value(display), newRole, password, &error);
            if (!created) {
                return fail(error);
            }
            out() << Messages::tr("Created %1 %2.").arg(kb::roleName(newRole), created->name) << '\n' << Qt::flush;
            return Ok;
        }
        return store.setPassword(name, password, &error) ? Ok : fail(error);
    }
    if (action == QLatin1String("role")) {
        return store.setRole(name, newRole, &error) ? Ok : fail(error);
    }
    return store.setUserActive(name, action == QLatin1String("enable"), &error) ? Ok : fail(error);
}

void printSegments(const QList<kb::DiffSegment> &segments)
{
    for (const kb::DiffSegment &s : segments) {
        switch (s.kind) {
        case kb::DiffSegment::Kind::Same:
            out() << s.text;
            break;
        case kb::DiffSegment::Kind::Removed:
            out() << "[-" << s.text << "-]";
            break;
        case kb::DiffSegment::Kind::Added:
            out() << "{+" << s.text << "+}";
            break;
        }
    }
}

int runHistory(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Messages::tr("List the published versions of article ID, newest first.\n"
                                                  "--diff V1 V2 shows what changed between two versions, field by\n"
                                                  "field: [-removed-] {+added+}."));
    const QCommandLineOption diff(QStringLiteral("diff"), Messages::tr("Compare versions V1 and V2 (\"V1,V2\")."),
                                  QStringLiteral("V1,V2"));
    parser.addOption(diff);
    parser.addPositionalArgument(QStringLiteral("ID"), Messages::tr("The article id."));
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    const QStringList rest = parser.positionalArguments();
    if (rest.size() != 1) {
        return usage(Messages::tr("history needs exactly one article ID"), QStringLiteral("hotline-kb history --help"));
    }
    int from = 0;
    int to = 0;
    if (parser.isSet(diff)) {
        const QStringList pair = parser.value(diff).split(QLatin1Char(','));
        bool ok1 = false;
        bool ok2 = false;
        from = pair.value(0).toInt(&ok1);
        to = pair.value(1).toInt(&ok2);
        if (pair.size() != 2 || !ok1 || !ok2) {
            return usage(Messages::tr("history: --diff needs two version numbers like 2,3"),
                         QStringLiteral("hotline-kb history --help"));
        }
    }
    QString error;
    context.installDefault = false;
    if (!openStore(context, false, &error)) {
        return fail(error);
    }
    const QString id = rest.first();
    if (parser.isSet(diff)) {
        const auto a = context.store->articleVersion(id, from);
        const auto b = context.store->articleVersion(id, to);
        if (!a || !b) {
            return fail(Messages::tr("article \"%1\" has no version %2").arg(id).arg(!a ? from : to));
        }
        for (const kb::FieldDiff &f : kb::diffArticles(a->content, b->content)) {
            if (!f.changed) {
                continue;
            }
            out() << "== " << f.label << " ==\n";
            printSegments(f.segments);
            out() << '\n';
        }
        out() << Qt::flush;
        return Ok;
    }
    const QList<kb::ArticleVersion> versions = context.store->history(id, &error);
    if (!error.isEmpty()) {
        return fail(error);
    }
    if (versions.isEmpty()) {
        return fail(Messages::tr("article \"%1\" has no published versions").arg(id));
    }
    for (const kb::ArticleVersion &v : versions) {
        out() << QStringLiteral("v%1\t%2\t%3\t%4\t%5")
                     .arg(v.version)
                     .arg(timeText(v.publishedAt), v.publishedBy.isEmpty() ? QStringLiteral("-") : v.publishedBy,
                          v.content.title, v.summary)
              << '\n';
    }
    out() << Qt::flush;
    return Ok;
}

int runReviewDue(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Messages::tr("Articles past their review-by date, whose validity starts in the\n"
                     "future or ends within the horizon, or with open flags; most urgent first."));
    const QCommandLineOption horizon(QStringLiteral("horizon"),
                                     Messages::tr("Days ahead that count as coming (default 30)."),
                                     QStringLiteral("DAYS"), QStringLiteral("30"));
    const QCommandLineOption today(QStringLiteral("today"), Messages::tr("Reference date (default: today)."),
                                   QStringLiteral("YYYY-MM-DD"));
    parser.addOption(horizon);
    parser.addOption(today);
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    bool ok = false;
    const int days = parser.value(horizon).toInt(&ok);
    const QDate date = parser.isSet(today) ? QDate::fromString(parser.value(today), Qt::ISODate) : QDate::currentDate();
    if (!ok || days < 0 || !date.isValid() || !parser.positionalArguments().isEmpty()) {
        return usage(Messages::tr("review-due: --horizon DAYS (0 or more) and --today YYYY-MM-DD"),
                     QStringLiteral("hotline-kb review-due --help"));
    }
    QString error;
    if (!openStore(context, false, &error)) {
        return fail(error);
    }
    const QList<kb::ReviewItem> items = context.store->reviewDue(date, days, &error);
    if (!error.isEmpty()) {
        return fail(error);
    }
    for (const kb::ReviewItem &i : items) {
        QStringList why;
        if (i.status.needsReview) {
            why << Messages::tr("review due %1").arg(i.reviewBy.toString(Qt::ISODate));
        }
        if (i.status.notYetValid) {
            why << Messages::tr("valid from %1").arg(i.validFrom.toString(Qt::ISODate));
        } else if (i.status.validityChange) {
            why << Messages::tr("valid until %1").arg(i.validTo.toString(Qt::ISODate));
        }
        if (i.status.expired) {
            why << Messages::tr("expired %1").arg(i.validTo.toString(Qt::ISODate));
        }
        if (i.status.openFlags > 0) {
            why << Messages::tr("%n open flag(s)", nullptr, i.status.openFlags);
        }
        out() << i.articleId << '\t' << i.title << '\t' << why.join(QStringLiteral("; ")) << '\n';
    }
    out() << Qt::flush;
    return Ok;
}

int runGaps(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Messages::tr("Knowledge gaps: searches of the last N days that found nothing or whose results nobody\n"
                     "opened, grouped by the query (case and spaces folded), most frequent first; then the\n"
                     "words of those searches the catalogue does not know, and the flags agents raised.\n"
                     "Columns: searches, of them without results, query, last searched."));
    const QCommandLineOption daysOption(QStringLiteral("days"), Messages::tr("The period in days (default 30)."),
                                        QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption json(QStringLiteral("json"), Messages::tr("One JSON object with gaps and flags."));
    parser.addOption(daysOption);
    parser.addOption(json);
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    bool ok = false;
    const int days = parser.value(daysOption).toInt(&ok);
    if (!ok || days < 1 || !parser.positionalArguments().isEmpty()) {
        return usage(Messages::tr("gaps: --days needs a number of at least 1"),
                     QStringLiteral("hotline-kb gaps --help"));
    }
    QString error;
    context.installDefault = false;
    if (!openStore(context, false, &error)) {
        return fail(error);
    }
    const kb::GapReport report = context.store->knowledgeGaps(QDateTime::currentDateTimeUtc().addDays(-days), &error);
    if (!error.isEmpty()) {
        return fail(error);
    }
    if (parser.isSet(json)) {
        QJsonArray gaps;
        for (const kb::KnowledgeGap &g : report.gaps) {
            gaps.append(QJsonObject{{QStringLiteral("query"), g.query},
                                    {QStringLiteral("example"), g.example},
                                    {QStringLiteral("searches"), g.searches},
                                    {QStringLiteral("without_results"), g.withoutResults},
                                    {QStringLiteral("last_searched"), g.lastSearched.toString(Qt::ISODateWithMs)}});
        }
        QJsonArray flags;
        for (const kb::ArticleFlag &f : report.openFlags) {
            flags.append(QJsonObject{{QStringLiteral("id"), f.id},
                                     {QStringLiteral("article_id"), f.articleId},
                                     {QStringLiteral("title"), f.articleTitle},
                                     {QStringLiteral("raised_by"), f.raisedBy},
                                     {QStringLiteral("raised_at"), f.raisedAt.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("comment"), f.comment}});
        }
        QJsonArray unknownWords;
        for (const kb::UnknownWord &w : report.unknownWords) {
            unknownWords.append(
                QJsonObject{{QStringLiteral("word"), w.word},
                            {QStringLiteral("searches"), w.searches},
                            {QStringLiteral("last_searched"), w.lastSearched.toString(Qt::ISODateWithMs)}});
        }
        const QJsonObject o{{QStringLiteral("days"), days},
                            {QStringLiteral("searches_logged"), report.searchesLogged},
                            {QStringLiteral("gaps"), gaps},
                            {QStringLiteral("unknown_words"), unknownWords},
                            {QStringLiteral("open_flags"), flags}};
        out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n' << Qt::flush;
        return Ok;
    }
    out() << Messages::tr("%1 searches in the last %2 days; %3 queries without a useful result.")
                 .arg(report.searchesLogged)
                 .arg(days)
                 .arg(report.gaps.size())
          << '\n';
    for (const kb::KnowledgeGap &g : report.gaps) {
        out() << g.searches << '\t' << g.withoutResults << '\t' << g.query << '\t' << timeText(g.lastSearched) << '\n';
    }
    if (!report.unknownWords.isEmpty()) {
        out() << '\n' << Messages::tr("Words the catalogue does not know (searches, word, last searched):") << '\n';
        for (const kb::UnknownWord &w : report.unknownWords) {
            out() << w.searches << '\t' << w.word << '\t' << timeText(w.lastSearched) << '\n';
        }
    }
    if (!report.openFlags.isEmpty()) {
        out() << '\n' << Messages::tr("Open flags:") << '\n';
        for (const kb::ArticleFlag &f : report.openFlags) {
            out() << f.id << '\t' << f.articleId << '\t' << f.articleTitle << '\t' << f.raisedBy << '\t' << f.comment
                  << '\n';
        }
    }
    out() << Qt::flush;
    return Ok;
}

int runFlags(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Messages::tr("Agents' flags on articles: id, article, raised by, when, comment.\n"
                                                  "  flags [--all]\n  flags resolve FLAG-ID [NOTE...]   (team lead)"));
    const QCommandLineOption all(QStringLiteral("all"), Messages::tr("Also resolved flags."));
    parser.addOption(all);
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    const QStringList rest = parser.positionalArguments();
    const bool resolve = rest.value(0) == QLatin1String("resolve");
    if ((!rest.isEmpty() && !resolve) || (resolve && rest.size() < 2)) {
        return usage(Messages::tr("flags: list, or resolve FLAG-ID [NOTE...]"),
                     QStringLiteral("hotline-kb flags --help"));
    }
    QString error;
    context.installDefault = false;
    if (!openStore(context, false, &error)) {
        return fail(error);
    }
    if (resolve) {
        bool ok = false;
        const qint64 id = rest.at(1).toLongLong(&ok);
        if (!ok) {
            return usage(Messages::tr("flags resolve: \"%1\" is not a flag id").arg(rest.at(1)),
                         QStringLiteral("hotline-kb flags --help"));
        }
        return context.store->resolveFlag(id, rest.mid(2).join(QLatin1Char(' ')), &error) ? Ok : fail(error);
    }
    const QList<kb::ArticleFlag> flags = context.store->flags(!parser.isSet(all), &error);
    if (!error.isEmpty()) {
        return fail(error);
    }
    for (const kb::ArticleFlag &f : flags) {
        out() << f.id << '\t' << f.articleId << '\t' << f.raisedBy << '\t' << timeText(f.raisedAt) << '\t' << f.comment;
        if (!f.open) {
            out() << '\t' << Messages::tr("resolved by %1: %2").arg(f.resolvedBy, f.resolution);
        }
        out() << '\n';
    }
    out() << Qt::flush;
    return Ok;
}

int runAudit(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Messages::tr("The audit trail, newest first: when, who, action, article@version, what."));
    const QCommandLineOption article(QStringLiteral("article"), Messages::tr("Only entries about article ID."),
                                     QStringLiteral("ID"));
    const QCommandLineOption limit(QStringLiteral("limit"), Messages::tr("At most N entries (default 50)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    parser.addOption(article);
    parser.addOption(limit);
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    bool ok = false;
    const int n = parser.value(limit).toInt(&ok);
    if (!ok || n < 1 || !parser.positionalArguments().isEmpty()) {
        return usage(Messages::tr("audit: --limit needs a positive number"), QStringLiteral("hotline-kb audit --help"));
    }
    QString error;
    context.installDefault = false;
    if (!openStore(context, false, &error)) {
        return fail(error);
    }
    const QList<kb::AuditEntry> entries = context.store->auditLog(parser.value(article), n, &error);
    if (!error.isEmpty()) {
        return fail(error);
    }
    for (const kb::AuditEntry &e : entries) {
        const QString target = e.articleId.isEmpty() ? QStringLiteral("-")
                               : e.version > 0       ? QStringLiteral("%1@%2").arg(e.articleId).arg(e.version)
                                                     : e.articleId;
        out() << timeText(e.at) << '\t' << e.actor << '\t' << e.action << '\t' << target << '\t' << e.summary << '\n';
    }
    out() << Qt::flush;
    return Ok;
}

int runPurgeLog(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Messages::tr("Retention: delete search log entries older than DAYS days."));
    parser.addPositionalArgument(QStringLiteral("DAYS"), Messages::tr("Keep this many days (1 or more)."));
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    bool ok = false;
    const int days = parser.positionalArguments().value(0).toInt(&ok);
    if (!ok || days < 1 || parser.positionalArguments().size() != 1) {
        return usage(Messages::tr("purge-log needs DAYS, a number of at least 1"),
                     QStringLiteral("hotline-kb purge-log --help"));
    }
    QString error;
    context.installDefault = false;
    if (!openStore(context, false, &error)) {
        return fail(error);
    }
    const int removed = context.store->purgeSearchLog(days, &error);
    if (removed < 0) {
        return fail(error);
    }
    out() << Messages::tr("Removed %n search log entries.", nullptr, removed) << '\n' << Qt::flush;
    return Ok;
}

int runFourEyes(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Messages::tr("Four-eyes review: with \"on\" a second team lead approves every draft;\n"
                     "\"off\" lets a team lead publish their own drafts (small teams).\n"
                     "Without an argument: show the setting."));
    parser.addPositionalArgument(QStringLiteral("STATE"), Messages::tr("on or off"), QStringLiteral("[on|off]"));
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    const QStringList rest = parser.positionalArguments();
    const QString state = rest.value(0);
    if (rest.size() > 1 || (!state.isEmpty() && state != QLatin1String("on") && state != QLatin1String("off"))) {
        return usage(Messages::tr("four-eyes: on or off"), QStringLiteral("hotline-kb four-eyes --help"));
    }
    QString error;
    context.installDefault = false;
    if (!openStore(context, false, &error)) {
        return fail(error);
    }
    if (state.isEmpty()) {
        out() << (context.store->fourEyes() ? "on" : "off") << '\n' << Qt::flush;
        return Ok;
    }
    return context.store->setFourEyes(state == QLatin1String("on"), &error) ? Ok : fail(error);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    cmdline::setUpTool(QStringLiteral("hotline-kb"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Messages::tr("Hotline Desk knowledge base: import, search and export the service catalogue."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const cmdline::HelpAndVersion helpAndVersion(parser);
    const QCommandLineOption db(QStringLiteral("db"), Messages::tr("The SQLite database to use (created if missing)."),
                                QStringLiteral("PATH"));
    const QCommandLineOption noDefault(QStringLiteral("no-default-catalogue"),
                                       Messages::tr("Never install the built-in catalogue into an empty database."));
    const QCommandLineOption user(QStringLiteral("user"),
                                  Messages::tr("Act as user NAME (password: first line of stdin)."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption admin(QStringLiteral("admin"),
                                   Messages::tr("Act as the local administrator (audited as \"admin\")."));
    parser.addOption(db);
    parser.addOption(noDefault);
    parser.addOption(user);
    parser.addOption(admin);
    parser.addPositionalArgument(QStringLiteral("COMMAND"),
                                 Messages::tr("import, search, export, stats, synonym, question, user, "
                                              "history, review-due, gaps, flags, audit, "
                                              "purge-log or four-eyes"));

    const QStringList arguments = QCoreApplication::arguments();
    if (!parser.parse(arguments)) {
        return usage(parser.errorText());
    }
    if (int code = Ok; helpAndVersion.handle(parser, Messages::tr(kGlobalHelp).arg(kb::defaultDatabasePath()), &code)) {
        return code;
    }
    const QStringList positional = parser.positionalArguments();

    Context context;
    context.installDefault = !parser.isSet(noDefault);
    context.admin = parser.isSet(admin);
    context.userName = parser.value(user).trimmed();
    if (context.admin && !context.userName.isEmpty()) {
        return usage(Messages::tr("--user and --admin exclude each other"));
    }
    if (parser.isSet(user) && context.userName.isEmpty()) {
        return usage(Messages::tr("--user needs a NAME"));
    }
    if (parser.isSet(db)) {
        context.dbPath = parser.value(db);
        if (context.dbPath.trimmed().isEmpty()) {
            return usage(Messages::tr("--db needs a path"));
        }
    } else {
        context.dbPath = kb::defaultDatabasePath();
    }

    const QString command = positional.first();
    const QStringList rest = positional; // the command name stands in for the program name
    if (command == QLatin1String("import")) {
        return runImport(context, rest);
    }
    if (command == QLatin1String("search")) {
        return runSearch(context, rest);
    }
    if (command == QLatin1String("export")) {
        return runExport(context, rest);
    }
    if (command == QLatin1String("stats")) {
        return runStats(context, rest);
    }
    if (command == QLatin1String("synonym") || command == QLatin1String("synonyms")) {
        return runSynonym(context, rest);
    }
    if (command == QLatin1String("question") || command == QLatin1String("questions")) {
        return runQuestion(context, rest);
    }
    if (command == QLatin1String("user") || command == QLatin1String("users")) {
        return runUser(context, rest);
    }
    if (command == QLatin1String("history")) {
        return runHistory(context, rest);
    }
    if (command == QLatin1String("review-due")) {
        return runReviewDue(context, rest);
    }
    if (command == QLatin1String("gaps")) {
        return runGaps(context, rest);
    }
    if (command == QLatin1String("flags")) {
        return runFlags(context, rest);
    }
    if (command == QLatin1String("audit")) {
        return runAudit(context, rest);
    }
    if (command == QLatin1String("purge-log")) {
        return runPurgeLog(context, rest);
    }
    if (command == QLatin1String("four-eyes")) {
        return runFourEyes(context, rest);
    }
    return usage(Messages::tr("unknown command \"%1\"").arg(command));
}
