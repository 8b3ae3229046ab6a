// hotline-kb through the real binary: exit codes, messages, JSON output, stdin mode.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"

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
    const Result import = run({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--format"),
                               QStringLiteral("dldb"), dataFile("munich_dldb_services_de.json"),
                               dataFile("munich_dldb_locations_de.json")});
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
    const QJsonArray results = QJsonDocument::fromJson(lines.first().toUtf8()).object().value(QLatin1String("results")).toArray();
    REQUIRE_FALSE(results.isEmpty());
    CHECK(results.size() <= 5);
    QStringList ids;
    for (const QJsonValue &v : results) {
        ids << v.toObject().value(QLatin1String("id")).toString();
    }
    CHECK(ids.contains(QStringLiteral("1063441")));

    SECTION("stdin: one JSON line per query, in order")
    {
        const Result many = run({QStringLiteral("--db"), db, QStringLiteral("search"), QStringLiteral("--json"),
                                 QStringLiteral("-")},
                                QByteArrayLiteral("Reisepass\n\nGewerbe anmelden\nÜbermittlungssperre\n"));
        REQUIRE(many.exitCode == 0);
        const QStringList answers = many.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        REQUIRE(answers.size() == 4);
        checkAnswer(answers.at(0), QStringLiteral("Reisepass"));
        checkAnswer(answers.at(1), QString());
        checkAnswer(answers.at(2), QStringLiteral("Gewerbe anmelden"));
        checkAnswer(answers.at(3), QStringLiteral("Übermittlungssperre"));
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
        CHECK(stats.out.contains(QStringLiteral("Schema version:")));
        CHECK(stats.out.contains(QStringLiteral("Revision:")));

        REQUIRE(run({QStringLiteral("--db"), db, QStringLiteral("synonym"), QStringLiteral("add"), QStringLiteral("Stütze"),
                     QStringLiteral("Bürgergeld"), QStringLiteral("Sozialhilfe")})
                    .exitCode
                == 0);
        const Result list = run({QStringLiteral("--db"), db, QStringLiteral("synonym"), QStringLiteral("list")});
        CHECK(list.out.contains(QStringLiteral("Stütze → Bürgergeld, Sozialhilfe")));
        CHECK(list.out.contains(QStringLiteral("Perso → Personalausweis")));   // seeded on import
        REQUIRE(run({QStringLiteral("--db"), db, QStringLiteral("synonym"), QStringLiteral("remove"), QStringLiteral("Stütze")})
                    .exitCode
                == 0);
        const Result missing = run({QStringLiteral("--db"), db, QStringLiteral("synonym"), QStringLiteral("remove"),
                                    QStringLiteral("Stütze")});
        CHECK(missing.exitCode == 1);
        CHECK(missing.err.contains(QStringLiteral("Stütze")));
    }
}

TEST_CASE("hotline-kb searches a fresh database with the built-in catalogue", "[cli]")
{
    QTemporaryDir dir;
    const Result fresh = run({QStringLiteral("--db"), dir.filePath(QStringLiteral("fresh.db")), QStringLiteral("search"),
                              QStringLiteral("--json"), QStringLiteral("Personalausweis")});
    REQUIRE(fresh.exitCode == 0);
    checkAnswer(fresh.out.trimmed(), QStringLiteral("Personalausweis"));
    CHECK(fresh.out.contains(QStringLiteral("\"1063441\"")));

    // Without --db: the desk's own database under the data folder.
    const Result own = run({QStringLiteral("stats")}, {}, dir.filePath(QStringLiteral("xdg")));
    REQUIRE(own.exitCode == 0);
    CHECK(own.out.contains(dir.filePath(QStringLiteral("xdg/HotlineDesk/hotline-desk/hotline.db"))));
    CHECK(own.out.contains(QStringLiteral("Articles:       274")));
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
    CHECK(with({QStringLiteral("import"), QStringLiteral("x.json")}).exitCode == 2);   // no --format
    CHECK(with({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("x")}).exitCode == 2);
    CHECK(with({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("jsonl")}).exitCode == 2);
    CHECK(with({QStringLiteral("search")}).exitCode == 2);
    CHECK(with({QStringLiteral("search"), QStringLiteral("--limit"), QStringLiteral("zehn"), QStringLiteral("pass")}).exitCode == 2);
    CHECK(with({QStringLiteral("search"), QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("pass")}).exitCode == 2);
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
