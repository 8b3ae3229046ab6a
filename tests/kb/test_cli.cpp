// hotline-kb through the real binary: exit codes, messages, JSON output, stdin mode.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"

#include "store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

Result run(const QStringList &args, const QByteArray &input = {}, const QString &dataHome = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!dataHome.isEmpty()) {
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    }
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HOTLINE_KB_CLI), args);
    REQUIRE(process.waitForStarted());
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(120000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString dataFile(const char *name)
{
    return QStringLiteral(HOTLINE_SHARED_DATA_DIR "/") + QLatin1String(name);
}

void checkAnswer(const QString &line, const QString &query)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
    INFO(line.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    const QJsonObject o = doc.object();
    CHECK(o.value(QLatin1String("query")).toString() == query);
    CHECK(o.value(QLatin1String("elapsed_us")).isDouble());
    CHECK(o.value(QLatin1String("elapsed_us")).toDouble() >= 0);
    REQUIRE(o.value(QLatin1String("results")).isArray());
    for (const QJsonValue &v : o.value(QLatin1String("results")).toArray()) {
        const QJsonObject hit = v.toObject();
        CHECK(hit.value(QLatin1String("id")).isString());
        CHECK(hit.value(QLatin1String("title")).isString());
        CHECK(hit.value(QLatin1String("score")).isDouble());
        CHECK(hit.value(QLatin1String("snippet")).isString());
    }
}

} // namespace

TEST_CASE("hotline-kb imports DLDB files and searches them", "[cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("new.db"));
    const Result import =
        run({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("dldb"),
             dataFile("munich_dldb_services_de.json"), dataFile("munich_dldb_locations_de.json")});
    INFO(import.err.toStdString());
    REQUIRE(import.exitCode == 0);
    CHECK(import.out.contains(QStringLiteral("274 inserted")));
    CHECK(import.out.contains(QStringLiteral("109 inserted")));

    const Result search = run({QStringLiteral("--db"), db, QStringLiteral("search"), QStringLiteral("--json"),
                               QStringLiteral("--limit"), QStringLiteral("5"), QStringLiteral("Personalausweis")});
    REQUIRE(search.exitCode == 0);
    const QStringList lines = search.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 1);
    checkAnswer(lines.first(), QStringLiteral("Personalausweis"));
    const QJsonArray results =
        QJsonDocument::fromJson(lines.first().toUtf8()).object().value(QLatin1String("results")).toArray();
    REQUIRE_FALSE(results.isEmpty());
    CHECK(results.size() <= 5);
    QStringList ids;
    for (const QJsonValue &v : results) {
        ids << v.toObject().value(QLatin1String("id")).toString();
    }
    CHECK(ids.contains(QStringLiteral("1063441")));

    SECTION("stdin: one JSON line per query, in order")
    {
        const Result many =
            run({QStringLiteral("--db"), db, QStringLiteral("search"), QStringLiteral("--json"), QStringLiteral("-")},
                QByteArrayLiteral("Reisepass\n\nGewerbe anmelden\nÜbermittlungssperre\n"));
        REQUIRE(many.exitCode == 0);
        const QStringList answers = many.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        REQUIRE(answers.size() == 4);
        checkAnswer(answers.at(0), QStringLiteral("Reisepass"));
        checkAnswer(answers.at(1), QString());
        checkAnswer(answers.at(2), QStringLiteral("Gewerbe anmelden"));
        checkAnswer(answers.at(3), QStringLiteral("Übermittlungssperre"));
    }
    SECTION("example questions: the built-in ones join Munich's services on the first import and stay")
    {
        CHECK(import.out.contains(QStringLiteral("Added the built-in example questions to")));
        auto question = [&](const QStringList &args) {
            return run(QStringList{QStringLiteral("--db"), db, QStringLiteral("question")} + args);
        };
        const Result listed = question({QStringLiteral("list"), QStringLiteral("1063441")});
        REQUIRE(listed.exitCode == 0);
        const qsizetype count = listed.out.count(QLatin1Char('\n'));
        CHECK(count >= 3);
        // Munich's files once more: the city's feed has no questions, the team's stay.
        const Result again = run({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--format"),
                                  QStringLiteral("dldb"), dataFile("munich_dldb_services_de.json"),
                                  dataFile("munich_dldb_locations_de.json")});
        REQUIRE(again.exitCode == 0);
        CHECK_FALSE(again.out.contains(QStringLiteral("example questions")));
        CHECK(question({QStringLiteral("list"), QStringLiteral("1063441")}).out.count(QLatin1Char('\n')) == count);
        CHECK(question({QStringLiteral("add-defaults")})
                  .out.startsWith(QStringLiteral("Built-in example questions added to 0 ")));
        CHECK(question({QStringLiteral("list")}).exitCode == 2);
        CHECK(question({QStringLiteral("list"), QStringLiteral("no-such-id")}).exitCode == 1);
        CHECK(question({QStringLiteral("drop")}).exitCode == 2);
    }
    SECTION("plain output names rank, title and id")
    {
        const Result plain = run({QStringLiteral("--db"), db, QStringLiteral("search"), QStringLiteral("Reisepass")});
        REQUIRE(plain.exitCode == 0);
        CHECK(plain.out.startsWith(QStringLiteral("1. ")));
        CHECK(plain.out.contains(QStringLiteral("Reisepass")));
    }
    SECTION("export, stats, synonyms")
    {
        const QString file = dir.filePath(QStringLiteral("out.jsonl"));
        REQUIRE(run({QStringLiteral("--db"), db, QStringLiteral("export"), file}).exitCode == 0);
        QFile f(file);
        REQUIRE(f.open(QIODevice::ReadOnly));
        CHECK(f.readAll().count('\n') == 274 + 109);
        const Result toStdout = run({QStringLiteral("--db"), db, QStringLiteral("export"), QStringLiteral("-")});
        CHECK(toStdout.out.count(QLatin1Char('\n')) == 274 + 109);

        const Result stats = run({QStringLiteral("--db"), db, QStringLiteral("stats")});
        REQUIRE(stats.exitCode == 0);
        CHECK(stats.out.contains(QStringLiteral("Articles:       274")));
        CHECK(stats.out.contains(QStringLiteral("Questions:      ")));
        CHECK(stats.out.contains(QStringLiteral("Schema version:")));
        CHECK(stats.out.contains(QStringLiteral("Revision:")));

        REQUIRE(run({QStringLiteral("--db"), db, QStringLiteral("synonym"), QStringLiteral("add"),
                     QStringLiteral("Stütze"), QStringLiteral("Bürgergeld"), QStringLiteral("Sozialhilfe")})
                    .exitCode == 0);
        const Result list = run({QStringLiteral("--db"), db, QStringLiteral("synonym"), QStringLiteral("list")});
        CHECK(list.out.contains(QStringLiteral("Stütze → Bürgergeld, Sozialhilfe")));
        CHECK(list.out.contains(QStringLiteral("Perso → Personalausweis"))); // seeded on import
        REQUIRE(run({QStringLiteral("--db"), db, QStringLiteral("synonym"), QStringLiteral("remove"),
                     QStringLiteral("Stütze")})
                    .exitCode == 0);
        const Result missing = run({QStringLiteral("--db"), db, QStringLiteral("synonym"), QStringLiteral("remove"),
                                    QStringLiteral("Stütze")});
        CHECK(missing.exitCode == 1);
        CHECK(missing.err.contains(QStringLiteral("Stütze")));

        // A table from an older version: add-defaults brings back the built-in entries it lacks and leaves the
        // ones it has, edited or not.
        auto synonym = [&](const QStringList &args) {
            return run(QStringList{QStringLiteral("--db"), db, QStringLiteral("synonym")} + args);
        };
        REQUIRE(synonym({QStringLiteral("remove"), QStringLiteral("Perso")}).exitCode == 0);
        REQUIRE(synonym({QStringLiteral("add"), QStringLiteral("Lappen"), QStringLiteral("Putzlappen")}).exitCode == 0);
        const Result added = synonym({QStringLiteral("add-defaults")});
        REQUIRE(added.exitCode == 0);
        CHECK(added.out.startsWith(QStringLiteral("1 ")));
        const Result after = synonym({QStringLiteral("list")});
        CHECK(after.out.contains(QStringLiteral("Perso → Personalausweis")));
        CHECK(after.out.contains(QStringLiteral("Lappen → Putzlappen\n")));
        CHECK(synonym({QStringLiteral("add-defaults")}).out.startsWith(QStringLiteral("0 ")));
        CHECK(synonym({QStringLiteral("add-defaults"), QStringLiteral("x")}).exitCode == 2);
    }
}

TEST_CASE("hotline-kb searches a fresh database with the built-in catalogue", "[cli]")
{
    QTemporaryDir dir;
    const Result fresh = run({QStringLiteral("--db"), dir.filePath(QStringLiteral("fresh.db")),
                              QStringLiteral("search"), QStringLiteral("--json"), QStringLiteral("Personalausweis")});
    REQUIRE(fresh.exitCode == 0);
    checkAnswer(fresh.out.trimmed(), QStringLiteral("Personalausweis"));
    CHECK(fresh.out.contains(QStringLiteral("\"1063441\"")));

    // Without --db: the desk's own database under the data folder.
    const Result own = run({QStringLiteral("stats")}, {}, dir.filePath(QStringLiteral("xdg")));
    REQUIRE(own.exitCode == 0);
    CHECK(own.out.contains(dir.filePath(QStringLiteral("xdg/HotlineDesk/hotline-desk/hotline.db"))));
    CHECK(own.out.contains(QStringLiteral("Articles:       274")));
}

TEST_CASE("hotline-kb search --explain shows how each word is matched", "[cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("explain.db"));
    // The built-in catalogue and its synonym table: "Perso" is matched by the table, "verloren" as the
    // noun of its verb.
    const Result text = run({QStringLiteral("--db"), db, QStringLiteral("search"), QStringLiteral("--explain"),
                             QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("Perso verloren")});
    REQUIRE(text.exitCode == 0);
    INFO(text.out.toStdString());
    const QStringList lines = text.out.split(QLatin1Char('\n'));
    REQUIRE(lines.size() > 4);
    CHECK(lines.first() == QStringLiteral("perso"));
    CHECK(text.out.contains(QStringLiteral("0.95  synonym table: personalausweis (")));
    CHECK(text.out.contains(QStringLiteral("\nverloren\n")));
    CHECK(text.out.contains(QStringLiteral("0.60  noun of the verb: verlust (")));
    CHECK(text.out.contains(QStringLiteral("1. Verlust oder Diebstahl Personalausweis")));
    // A stop word is no query word; a word of nothing is said to be so.
    const Result none = run({QStringLiteral("--db"), db, QStringLiteral("search"), QStringLiteral("--explain"),
                             QStringLiteral("der xqzvbnm")});
    REQUIRE(none.exitCode == 0);
    CHECK(none.out.startsWith(QStringLiteral("xqzvbnm: no match in the catalogue\n")));
    // With --json: the same text in an "explain" field after "results".
    const Result json = run({QStringLiteral("--db"), db, QStringLiteral("search"), QStringLiteral("--json"),
                             QStringLiteral("--explain"), QStringLiteral("Perso")});
    REQUIRE(json.exitCode == 0);
    checkAnswer(json.out.trimmed(), QStringLiteral("Perso"));
    const QJsonObject o = QJsonDocument::fromJson(json.out.trimmed().toUtf8()).object();
    CHECK(o.value(QLatin1String("explain")).toString().startsWith(QStringLiteral("perso\n")));
    CHECK(json.out.indexOf(QStringLiteral("\"results\"")) < json.out.indexOf(QStringLiteral("\"explain\"")));
}

TEST_CASE("hotline-kb: usage errors exit 2, runtime errors exit 1 with a message", "[cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("x.db"));
    auto with = [&db](QStringList args) {
        args.prepend(db);
        args.prepend(QStringLiteral("--db"));
        return run(args);
    };
    CHECK(run({}).exitCode == 2);
    CHECK(run({QStringLiteral("--help")}).exitCode == 0);
    CHECK(run({QStringLiteral("--help")}).out.contains(QStringLiteral("import --format dldb|jsonl")));
    CHECK(run({QStringLiteral("--version")}).out.startsWith(QStringLiteral("hotline-kb ")));
    CHECK(run({QStringLiteral("--bogus")}).exitCode == 2);
    CHECK(with({QStringLiteral("frobnicate")}).exitCode == 2);
    CHECK(with({QStringLiteral("import"), QStringLiteral("x.json")}).exitCode == 2); // no --format
    CHECK(with({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("x")})
              .exitCode == 2);
    CHECK(with({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("jsonl")}).exitCode == 2);
    CHECK(with({QStringLiteral("search")}).exitCode == 2);
    CHECK(with({QStringLiteral("search"), QStringLiteral("--limit"), QStringLiteral("zehn"), QStringLiteral("pass")})
              .exitCode == 2);
    CHECK(with({QStringLiteral("search"), QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("pass")})
              .exitCode == 2);
    CHECK(with({QStringLiteral("synonym"), QStringLiteral("add"), QStringLiteral("nur")}).exitCode == 2);
    CHECK(with({QStringLiteral("search"), QStringLiteral("--help")}).exitCode == 0);

    const Result missing = with({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("jsonl"),
                                 dir.filePath(QStringLiteral("missing.jsonl"))});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.contains(QStringLiteral("missing.jsonl")));

    const QString bad = dir.filePath(QStringLiteral("bad.jsonl"));
    QFile f(bad);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("{\"id\":\"a\",\"title\":\"A\"}\n{\"id\":\"b\"}\n");
    f.close();
    const Result malformed = with({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("jsonl"), bad});
    CHECK(malformed.exitCode == 1);
    CHECK(malformed.err.contains(bad + QStringLiteral(":2:")));
    CHECK(malformed.err.contains(QStringLiteral("\"title\"")));
    CHECK(malformed.err.contains(QStringLiteral("nothing was stored")));

    const QString notDb = dir.filePath(QStringLiteral("notes.txt"));
    QFile t(notDb);
    REQUIRE(t.open(QIODevice::WriteOnly));
    t.write(QByteArray(2048, 'x'));
    t.close();
    const Result garbage = run({QStringLiteral("--db"), notDb, QStringLiteral("stats")});
    CHECK(garbage.exitCode == 1);
    CHECK(garbage.err.contains(notDb));
}

TEST_CASE("hotline-kb manages users, enforces roles and reports history, gaps and review dates", "[cli][editorial]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("desk.db"));
    auto with = [&db](QStringList args, const QByteArray &input = {}) {
        args.prepend(db);
        args.prepend(QStringLiteral("--db"));
        return run(args, input);
    };
    // First user: must be a team lead; the password comes from stdin.
    const Result agentFirst = with({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("anna"),
                                    QStringLiteral("--role"), QStringLiteral("agent")},
                                   "geheim-genug-1\n");
    CHECK(agentFirst.exitCode == 1);
    CHECK(agentFirst.err.contains(QStringLiteral("team lead")));
    CHECK(with({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("lena")}, "geheim-genug-1\n").exitCode ==
          2);
    const Result lead = with({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("lena"),
                              QStringLiteral("--role"), QStringLiteral("lead")},
                             "geheim-genug-1\n");
    INFO(lead.err.toStdString());
    REQUIRE(lead.exitCode == 0);

    // Now writes need someone: anonymous is refused with a hint, a wrong password too.
    const Result anonymous = with(
        {QStringLiteral("synonym"), QStringLiteral("add"), QStringLiteral("Lappen"), QStringLiteral("Führerschein")});
    CHECK(anonymous.exitCode == 1);
    CHECK(anonymous.err.contains(QStringLiteral("--user NAME")));
    CHECK(with({QStringLiteral("--user"), QStringLiteral("lena"), QStringLiteral("synonym"), QStringLiteral("add"),
                QStringLiteral("Lappen"), QStringLiteral("Führerschein")},
               "falsch-falsch-1\n")
              .exitCode == 1);
    REQUIRE(with({QStringLiteral("--user"), QStringLiteral("lena"), QStringLiteral("synonym"), QStringLiteral("add"),
                  QStringLiteral("Lappen"), QStringLiteral("Führerschein")},
                 "geheim-genug-1\n")
                .exitCode == 0);
    // Acting password first, then the new user's.
    REQUIRE(with({QStringLiteral("--user"), QStringLiteral("lena"), QStringLiteral("user"), QStringLiteral("add"),
                  QStringLiteral("anna"), QStringLiteral("--role"), QStringLiteral("agent")},
                 "geheim-genug-1\nanna-geheim-12\n")
                .exitCode == 0);
    const Result agentWrite = with({QStringLiteral("--user"), QStringLiteral("anna"), QStringLiteral("synonym"),
                                    QStringLiteral("remove"), QStringLiteral("Lappen")},
                                   "anna-geheim-12\n");
    CHECK(agentWrite.exitCode == 1);
    CHECK(agentWrite.err.contains(QStringLiteral("only a team lead")));
    const Result list = with({QStringLiteral("user"), QStringLiteral("list")});
    CHECK(list.out == QStringLiteral("anna\tagent\tactive\tanna\nlena\tlead\tactive\tlena\n"));
    // --admin: the documented way in when no team lead can sign in.
    REQUIRE(with({QStringLiteral("--admin"), QStringLiteral("user"), QStringLiteral("role"), QStringLiteral("anna"),
                  QStringLiteral("lead")})
                .exitCode == 0);
    const Result audit = with({QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("3")});
    const QStringList lines = audit.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 3);
    CHECK(lines.at(0).contains(QStringLiteral("\tadmin\tuser.role\t")));
    CHECK(lines.at(1).contains(QStringLiteral("\tlena\tuser.create\t")));
    CHECK(lines.at(2).contains(QStringLiteral("\tlena\tsynonym.set\t")));

    // History and diff of an article edited through the library, gaps from a recorded log.
    {
        QString error;
        auto store = kb::openSqliteStore(db, &error);
        REQUIRE(store);
        const auto lena = store->authenticate(QStringLiteral("lena"), QStringLiteral("geheim-genug-1"), &error);
        REQUIRE(lena);
        store->setActor(kb::Actor::signedIn(*lena));
        REQUIRE(store->setFourEyes(false, &error));
        kb::Article perso = *store->article(QStringLiteral("1063441"));
        perso.feesHtml = QStringLiteral("46,00 Euro");
        perso.reviewBy = QDate(2026, 1, 31);
        REQUIRE(store->saveDraft(perso, perso.version, &error).ok());
        REQUIRE(store->approveDraft(perso.id, lena->id, QStringLiteral("Gebühr"), &error).ok());
        for (int i = 0; i < 3; ++i) {
            REQUIRE(store->logSearch(QStringLiteral("Perso verloren"), 0, &error) > 0);
        }
        const qint64 opened = store->logSearch(QStringLiteral("ummelden"), 3, &error);
        REQUIRE(store->logOpened(opened, QStringLiteral("1063475"), &error));
        REQUIRE(store->logSearch(QStringLiteral("Foodtruck hundesteuer"), 2, {QStringLiteral("Foodtruck")}, &error) >
                0);
    }
    const Result history = with({QStringLiteral("history"), QStringLiteral("1063441")});
    REQUIRE(history.exitCode == 0);
    const QStringList versions = history.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(versions.size() == 2);
    CHECK(versions.at(0).startsWith(QStringLiteral("v2\t")));
    CHECK(versions.at(0).contains(QStringLiteral("\tlena\t")));
    CHECK(versions.at(0).endsWith(QStringLiteral("\tGebühr")));
    const Result diff =
        with({QStringLiteral("history"), QStringLiteral("1063441"), QStringLiteral("--diff"), QStringLiteral("1,2")});
    REQUIRE(diff.exitCode == 0);
    INFO(diff.out.toStdString());
    CHECK(diff.out.contains(QStringLiteral("== Fees ==")));
    CHECK(diff.out.contains(QStringLiteral("{+46,00 Euro+}")));
    // The fees read as the editor shows them: list items as "– " lines, paragraphs apart.
    CHECK(diff.out.contains(QStringLiteral("[-– unter 24 Jahren: 27,60 Euro\n– über 24 Jahren: 46 Euro\n")));
    CHECK(diff.out.contains(QStringLiteral("gebührenfrei\n\nBitte zahlen Sie")));
    CHECK(with({QStringLiteral("history"), QStringLiteral("1063441"), QStringLiteral("--diff"), QStringLiteral("1,9")})
              .exitCode == 1);

    const Result due = with({QStringLiteral("review-due"), QStringLiteral("--today"), QStringLiteral("2026-02-01")});
    REQUIRE(due.exitCode == 0);
    CHECK(due.out.startsWith(QStringLiteral("1063441\t")));
    CHECK(due.out.contains(QStringLiteral("review due 2026-01-31")));
    CHECK(with({QStringLiteral("review-due"), QStringLiteral("--today"), QStringLiteral("2026-01-30")}).out.isEmpty());
    CHECK(with({QStringLiteral("review-due"), QStringLiteral("--today"), QStringLiteral("gestern")}).exitCode == 2);

    const Result gaps = with({QStringLiteral("gaps"), QStringLiteral("--json")});
    REQUIRE(gaps.exitCode == 0);
    const QJsonObject report = QJsonDocument::fromJson(gaps.out.toUtf8()).object();
    CHECK(report.value(QLatin1String("searches_logged")).toInt() == 5);
    const QJsonArray found = report.value(QLatin1String("gaps")).toArray();
    REQUIRE(found.size() == 2);
    CHECK(found.at(0).toObject().value(QLatin1String("query")).toString() == QStringLiteral("perso verloren"));
    CHECK(found.at(0).toObject().value(QLatin1String("searches")).toInt() == 3);
    CHECK(found.at(1).toObject().value(QLatin1String("query")).toString() == QStringLiteral("foodtruck hundesteuer"));
    const QJsonArray unknown = report.value(QLatin1String("unknown_words")).toArray();
    REQUIRE(unknown.size() == 1);
    CHECK(unknown.at(0).toObject().value(QLatin1String("word")).toString() == QStringLiteral("Foodtruck"));
    CHECK(unknown.at(0).toObject().value(QLatin1String("searches")).toInt() == 1);
    // The plain-text report names them too, after the gaps.
    const Result plainGaps = with({QStringLiteral("gaps")});
    REQUIRE(plainGaps.exitCode == 0);
    INFO(plainGaps.out.toStdString());
    const qsizetype wordsAt = plainGaps.out.indexOf(QStringLiteral("does not know"));
    REQUIRE(wordsAt > plainGaps.out.indexOf(QStringLiteral("perso verloren")));
    CHECK(plainGaps.out.indexOf(QStringLiteral("\n1\tFoodtruck\t"), wordsAt) > wordsAt);
    CHECK(with({QStringLiteral("gaps"), QStringLiteral("--days"), QStringLiteral("0")}).exitCode == 2);
    CHECK(with({QStringLiteral("purge-log"), QStringLiteral("30")}).out.contains(QStringLiteral("0")));
}
