// hotline-kb: the knowledge base on the command line (import, search, export, synonyms).
// QtCore only: runs on servers and in scripts without a display.
#include "defaultcatalogue.h"
#include "importer.h"
#include "jsonlformat.h"
#include "searchengine.h"
#include "sqlitestore.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace {

enum ExitCode { Ok = 0, RuntimeError = 1, UsageError = 2 };

// The translation context of this file's user-visible messages (lupdate reads the macro).
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(hotline-kb)
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message)
{
    err() << "hotline-kb: " << message << Qt::endl;
    return RuntimeError;
}

int usage(const QString &message, const QString &hint = QStringLiteral("hotline-kb --help"))
{
    err() << "hotline-kb: " << message << '\n' << Messages::tr("Usage: see %1").arg(hint) << Qt::endl;
    return UsageError;
}

const char *const kGlobalHelp = QT_TRANSLATE_NOOP(
    "hotline-kb",
    "Commands:\n"
    "  import --format dldb|jsonl FILE...   Import catalogue files (all in one transaction)\n"
    "  search [--limit N] [--json] QUERY... Search; QUERY \"-\" reads one query a line from stdin\n"
    "  export [--format jsonl] [FILE|-]     Write the catalogue as JSON Lines (default: stdout)\n"
    "  stats                                Counts, schema version, revision, database size\n"
    "  synonym add TERM EXPANSION...        Add or replace a synonym\n"
    "  synonym remove TERM                  Remove a synonym\n"
    "  synonym list                         List the synonyms\n"
    "\n"
    "Database: --db PATH, or the desk's own database (%1).\n"
    "A database without articles gets the built-in Munich catalogue and its synonyms before search,\n"
    "export, stats and synonym run (unless --no-default-catalogue). import writes only what it reads\n"
    "(plus the built-in synonyms if the database has none).\n"
    "\n"
    "Exit codes: 0 success, 1 runtime error (message on stderr), 2 usage error.\n"
    "Run 'hotline-kb COMMAND --help' for a command's options.");

struct Context
{
    QString dbPath;
    bool installDefault = true;
    std::unique_ptr<kb::Store> store;
};

bool openStore(Context &context, bool forImport, QString *error)
{
    context.store = kb::openSqliteStore(context.dbPath, error);
    if (!context.store) {
        return false;
    }
    const kb::StoreStats stats = context.store->stats();
    if (stats.articles == 0 && context.installDefault) {
        if (forImport) {
            if (stats.synonyms == 0) {
                QList<kb::Synonym> synonyms;
                if (!kb::loadDefaultCatalogue(nullptr, &synonyms, error)) {
                    return false;
                }
                for (const kb::Synonym &s : std::as_const(synonyms)) {
                    if (!context.store->setSynonym(s, error)) {
                        return false;
                    }
                }
            }
        } else {
            bool installed = false;
            if (!kb::installDefaultCatalogueIfEmpty(*context.store, &installed, error)) {
                return false;
            }
            if (installed && isatty(fileno(stderr))) {
                err() << Messages::tr("Installed the built-in catalogue (Landeshauptstadt München) into %1").arg(context.dbPath)
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
    parser.setApplicationDescription(Messages::tr(
        "Import catalogue files into the database, all in one transaction:\n"
        "either everything is stored or nothing. Known ids are updated.\n"
        "dldb: ZMS/DLDB JSON exports (Munich it@M, service.berlin.de): services, locations and\n"
        "  (Berlin) topics files, told apart by their records; give services and locations in one\n"
        "  run so appointment lengths per office are filled in. Internal booking entries of\n"
        "  Munich's system (Testleistung, Shortlane, Spontan…, SB …) are left out.\n"
        "jsonl: Hotline Desk JSON Lines (docs/jsonl-format.md).\n"
        "Links to offices that are neither imported nor in the database are dropped and counted."));
    const QCommandLineOption format(QStringLiteral("format"), Messages::tr("dldb (ZMS/DLDB JSON services and locations) or "
                                                                  "jsonl (Hotline Desk JSON Lines)."),
                                    QStringLiteral("FORMAT"));
    parser.addOption(format);
    parser.addPositionalArgument(QStringLiteral("FILE"), Messages::tr("Files to import."), QStringLiteral("FILE..."));
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    if (!parser.isSet(format)) {
        return usage(Messages::tr("import: --format dldb|jsonl is required"), QStringLiteral("hotline-kb import --help"));
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
        out() << Messages::tr("Left out %1 internal booking entries: %2").arg(report.skipped.size()).arg(report.skipped.join(QStringLiteral("; ")))
              << '\n';
    }
    if (report.droppedOfficeLinks > 0) {
        out() << Messages::tr("Dropped %1 links to offices that are not in the catalogue.").arg(report.droppedOfficeLinks) << '\n';
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

void answer(const kb::SearchEngine &engine, const QString &query, int limit, bool json)
{
    QElapsedTimer timer;
    timer.start();
    const QList<kb::SearchHit> hits = engine.search(query, kb::SearchOptions{limit});
    const qint64 elapsedUs = timer.nsecsElapsed() / 1000;
    if (json) {
        // Written by hand to keep the documented key order (QJsonObject sorts its keys).
        QByteArray line = "{\"query\":" + jsonValue(query) + ",\"elapsed_us\":" + QByteArray::number(elapsedUs)
                          + ",\"results\":[";
        for (qsizetype i = 0; i < hits.size(); ++i) {
            const kb::SearchHit &hit = hits.at(i);
            line += (i > 0 ? ",{\"id\":" : "{\"id\":") + jsonValue(hit.id) + ",\"title\":" + jsonValue(hit.title)
                    + ",\"score\":" + jsonValue(hit.score) + ",\"snippet\":" + jsonValue(hit.snippet) + '}';
        }
        line += "]}\n";
        out().flush();
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fflush(stdout);
        return;
    }
    static const bool tty = isatty(fileno(stdout));
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
    parser.setApplicationDescription(Messages::tr("Search the catalogue. QUERY \"-\" reads one query a line from stdin and\n"
                                        "answers each at once. --json writes one object a line:\n"
                                        "{\"query\", \"elapsed_us\" (the engine's own time), \"results\": "
                                        "[{\"id\", \"title\", \"score\", \"snippet\"}]}."));
    const QCommandLineOption limit(QStringLiteral("limit"), Messages::tr("At most N results (default 10)."), QStringLiteral("N"),
                                   QStringLiteral("10"));
    const QCommandLineOption json(QStringLiteral("json"), Messages::tr("JSON Lines output."));
    parser.addOption(limit);
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("QUERY"), Messages::tr("Words to search for, or - for stdin."),
                                 QStringLiteral("QUERY...|-"));
    int code = Ok;
    if (!parseSub(parser, args, &code)) {
        return code;
    }
    bool ok = false;
    const int n = parser.value(limit).toInt(&ok);
    if (!ok || n < 1 || n > 10000) {
        return usage(Messages::tr("search: --limit needs a number from 1 to 10000, got \"%1\"").arg(parser.value(limit)),
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
        QTextStream in(stdin);
        in.setEncoding(QStringConverter::Utf8);
        QString line;
        while (in.readLineInto(&line)) {
            answer(engine, line.trimmed(), n, asJson);
        }
        return Ok;
    }
    answer(engine, words.join(QLatin1Char(' ')), n, asJson);
    return Ok;
}

int runExport(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Messages::tr("Write the catalogue (offices, then articles) as JSON Lines."));
    const QCommandLineOption format(QStringLiteral("format"), Messages::tr("Only jsonl (the default)."), QStringLiteral("FORMAT"),
                                    QStringLiteral("jsonl"));
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
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || !kb::writeJsonl(catalogue, &stdoutFile, &error, !parser.isSet(contentOnly))) {
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
          << Messages::tr("Size:           %1 bytes").arg(s.fileBytes) << '\n'
          << Qt::flush;
    return Ok;
}

int runSynonym(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Messages::tr("Edit the synonym table: typing TERM also searches for each EXPANSION.\n"
                                        "  synonym add TERM EXPANSION...\n  synonym remove TERM\n  synonym list"));
    parser.addPositionalArgument(QStringLiteral("ACTION"), Messages::tr("add, remove or list"), QStringLiteral("add|remove|list"));
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
    } else if (action == QLatin1String("list")) {
        if (rest.size() != 1) {
            return usage(Messages::tr("synonym list takes no arguments"), hint);
        }
    } else {
        return usage(action.isEmpty() ? Messages::tr("synonym: say add, remove or list")
                                      : Messages::tr("synonym: unknown action \"%1\" (add, remove or list)").arg(action),
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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hotline-kb"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOTLINE_VERSION));
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        // Diagnostics stay quiet on the command line; QT_LOGGING_RULES="hotline.*=true" shows them.
        QLoggingCategory::setFilterRules(QStringLiteral("hotline.*.info=false"));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(Messages::tr("Hotline Desk knowledge base: import, search and export the service catalogue."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, Messages::tr("Show this help."));
    const QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                     Messages::tr("Show the version."));
    const QCommandLineOption db(QStringLiteral("db"), Messages::tr("The SQLite database to use (created if missing)."),
                                QStringLiteral("PATH"));
    const QCommandLineOption noDefault(QStringLiteral("no-default-catalogue"),
                                       Messages::tr("Never install the built-in catalogue into an empty database."));
    parser.addOption(help);
    parser.addOption(version);
    parser.addOption(db);
    parser.addOption(noDefault);
    parser.addPositionalArgument(QStringLiteral("COMMAND"), Messages::tr("import, search, export, stats or synonym"));

    const QStringList arguments = QCoreApplication::arguments();
    if (!parser.parse(arguments)) {
        return usage(parser.errorText());
    }
    if (parser.isSet(version)) {
        out() << "hotline-kb " << QCoreApplication::applicationVersion() << '\n' << Qt::flush;
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(help) || positional.isEmpty()) {
        QString text = parser.helpText();
        text.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")), QStringLiteral("Usage: hotline-kb"));
        (parser.isSet(help) ? out() : err()) << text << '\n'
                                             << Messages::tr(kGlobalHelp).arg(kb::defaultDatabasePath()) << '\n'
                                             << Qt::flush;
        return parser.isSet(help) ? Ok : UsageError;
    }

    Context context;
    context.installDefault = !parser.isSet(noDefault);
    if (parser.isSet(db)) {
        context.dbPath = parser.value(db);
        if (context.dbPath.trimmed().isEmpty()) {
            return usage(Messages::tr("--db needs a path"));
        }
    } else {
        context.dbPath = kb::defaultDatabasePath();
    }

    const QString command = positional.first();
    const QStringList rest = positional;   // the command name stands in for the program name
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
    return usage(Messages::tr("unknown command \"%1\"").arg(command));
}
