// The SQLite store: migrations, CRUD, versioning, revision, synonyms, WAL, transactions.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"

#include "sqlitestore.h"
#include "store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace {

kb::Article makeArticle(const QString &id, const QString &title)
{
    kb::Article a;
    a.id = id;
    a.title = title;
    a.summary = QStringLiteral("Summary of %1").arg(title);
    a.descriptionHtml = QStringLiteral("<p>About %1</p>").arg(title);
    a.documents = {QStringLiteral("Personalausweis"), QStringLiteral("Meldebestätigung")};
    a.keywords = {QStringLiteral("Perso")};
    a.links = {kb::Link{QStringLiteral("Antrag"), QStringLiteral("https://example.org/a.pdf"), QString()}};
    a.durationMinutes = 15;
    a.validFrom = QDate(2025, 1, 1);
    a.reviewBy = QDate(2026, 12, 31);
    a.source = QStringLiteral("Test");
    return a;
}

kb::Office makeOffice(const QString &id)
{
    kb::Office o;
    o.id = id;
    o.name = QStringLiteral("Bürgerbüro %1").arg(id);
    o.street = QStringLiteral("Ruppertstraße 19");
    o.postalCode = QStringLiteral("80466");
    o.city = QStringLiteral("München");
    o.latitude = 48.12;
    o.longitude = 11.55;
    o.keywords = {QStringLiteral("KVR")};
    return o;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// A raw connection for setting up or inspecting files behind the store's back.
struct RawDb
{
    explicit RawDb(const QString &path)
    {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        REQUIRE(db.open());
    }
    ~RawDb()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(db);
        REQUIRE(q.exec(sql));
        REQUIRE(q.next());
        return q.value(0);
    }
    QSqlDatabase db;
};

} // namespace

TEST_CASE("a fresh database gets the current schema", "[store][migrations]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kb.db"));
    QString error;
    auto store = kb::openSqliteStore(path, &error);
    REQUIRE(store);
    CHECK(error.isEmpty());
    CHECK(kb::sqliteSchemaVersion() >= 2);
    CHECK(store->stats().schemaVersion == kb::sqliteSchemaVersion());
    CHECK(store->stats().articles == 0);
    CHECK(store->revision() == 0);
    CHECK_FALSE(QFile::exists(path + QStringLiteral(".bak-v0"))); // nothing to back up
}

TEST_CASE("an older schema is migrated keeping its data, after a backup", "[store][migrations]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.db"));
    const int previous = kb::sqliteSchemaVersion() - 1;
    {
        RawDb raw(path);
        QString error;
        REQUIRE(kb::applySqliteMigrations(raw.db, previous, &error));
        CHECK(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt() == previous);
        QSqlQuery q(raw.db);
        REQUIRE(q.exec(QStringLiteral("INSERT INTO articles (id, title, updated_at) VALUES "
                                      "('a1', 'Personalausweis', '2025-01-01T00:00:00.000Z')")));
    }
    QString error;
    auto store = kb::openSqliteStore(path, &error);
    REQUIRE(store);
    CHECK(store->stats().schemaVersion == kb::sqliteSchemaVersion());
    const auto article = store->article(QStringLiteral("a1"));
    REQUIRE(article);
    CHECK(article->title == QStringLiteral("Personalausweis"));
    // The new tables of the last migration work.
    REQUIRE(store->setSynonym({QStringLiteral("Perso"), {QStringLiteral("Personalausweis")}}, &error));
    CHECK(store->synonyms().size() == 1);
    // The backup holds the old version.
    const QString backup = path + QStringLiteral(".bak-v%1").arg(previous);
    REQUIRE(QFile::exists(backup));
    RawDb raw(backup);
    CHECK(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt() == previous);
    CHECK(raw.scalar(QStringLiteral("SELECT title FROM articles WHERE id = 'a1'")).toString() ==
          QStringLiteral("Personalausweis"));
}

TEST_CASE("schema 5 adds the unmatched words to the search log, older entries keep NULL", "[store][migrations][gaps]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v4.db"));
    {
        RawDb raw(path);
        QString error;
        REQUIRE(kb::applySqliteMigrations(raw.db, 4, &error));
        QSqlQuery q(raw.db);
        REQUIRE(q.exec(QStringLiteral("INSERT INTO search_log (searched_at, query, normalized_query, result_count) "
                                      "VALUES ('2026-03-02T08:00:00.000Z', 'Foodtruck', 'foodtruck', 0)")));
        // Before version 5 there is no such column.
        CHECK_FALSE(q.exec(QStringLiteral("SELECT unmatched_words FROM search_log")));
    }
    QString error;
    auto store = kb::openSqliteStore(path, &error);
    REQUIRE(store);
    CHECK(store->stats().schemaVersion >= 5);
    REQUIRE(store->logSearch(QStringLiteral("Foodtruck anmelden"), 2, {QStringLiteral("Foodtruck")}, &error) > 0);
    REQUIRE(store->logSearch(QStringLiteral("Perso"), 3, {}, &error) > 0);
    const kb::GapReport report = store->knowledgeGaps(QDateTime(), &error);
    CHECK(report.searchesLogged == 3);
    REQUIRE(report.unknownWords.size() == 1); // the old entry has no words: not guessed
    CHECK(report.unknownWords.first().word == QStringLiteral("Foodtruck"));
    CHECK(report.unknownWords.first().searches == 1);
    store.reset();
    RawDb raw(path);
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM search_log WHERE unmatched_words IS NULL")).toInt() == 2);
    CHECK(raw.scalar(QStringLiteral("SELECT unmatched_words FROM search_log WHERE query = 'Foodtruck anmelden'"))
              .toString() == QStringLiteral("Foodtruck"));
}

TEST_CASE("schema 6 adds example questions: a version-5 database upgrades, its articles read back without any",
          "[store][migrations][questions]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v5.db"));
    {
        RawDb raw(path);
        QString error;
        REQUIRE(kb::applySqliteMigrations(raw.db, 5, &error));
        QSqlQuery q(raw.db);
        REQUIRE(q.exec(QStringLiteral("INSERT INTO articles (id, title, keywords, updated_at, version) VALUES "
                                      "('a1', 'Fundsache', '[\"Fundbüro\"]', '2026-01-01T00:00:00.000Z', 2)")));
        REQUIRE(q.exec(QStringLiteral("INSERT INTO article_versions (article_id, version, title, updated_at) VALUES "
                                      "('a1', 1, 'Fundsachen', '2025-01-01T00:00:00.000Z')")));
        // Before version 6 there is no such column.
        CHECK_FALSE(q.exec(QStringLiteral("SELECT questions FROM articles")));
    }
    QString error;
    auto store = kb::openSqliteStore(path, &error);
    REQUIRE(store);
    CHECK(store->stats().schemaVersion >= 6);
    const auto article = store->article(QStringLiteral("a1"));
    REQUIRE(article);
    CHECK(article->title == QStringLiteral("Fundsache"));
    CHECK(article->keywords == QStringList{QStringLiteral("Fundbüro")});
    CHECK(article->questions.isEmpty());
    const QList<kb::ArticleVersion> history = store->history(QStringLiteral("a1"), &error);
    REQUIRE(history.size() == 2);
    CHECK(history.at(1).content.title == QStringLiteral("Fundsachen"));
    CHECK(history.at(1).content.questions.isEmpty());
    // The migrated article takes questions like a new one.
    kb::Article withQuestions = *article;
    withQuestions.questions = {QStringLiteral("Ich hab meinen Geldbeutel verloren, was nun?")};
    kb::UpsertReport report;
    REQUIRE(store->upsert({{withQuestions}, {}}, &report, &error));
    CHECK(report.articlesUpdated == 1);
    CHECK(store->article(QStringLiteral("a1"))->questions == withQuestions.questions);
    store.reset();
    RawDb raw(path);
    CHECK(raw.scalar(QStringLiteral("SELECT questions FROM article_versions WHERE article_id = 'a1' AND version = 1"))
              .toString() == QStringLiteral("[]"));
}

TEST_CASE("example questions are stored, read back, versioned and kept in the history", "[store][questions]")
{
    QTemporaryDir dir;
    QString error;
    auto store = kb::openSqliteStore(dir.filePath(QStringLiteral("kb.db")), &error);
    REQUIRE(store);
    kb::Article a = makeArticle(QStringLiteral("fund"), QStringLiteral("Fundsachen"));
    a.questions = {QStringLiteral("Ich hab meinen Geldbeutel verloren, was nun?"),
                   QStringLiteral("Wo kann ich einen gefundenen Schlüssel abgeben?"),
                   QStringLiteral("Mein Handy ist weg – \"Fundbüro\"?")}; // quotes and a dash survive the JSON column
    kb::UpsertReport report;
    REQUIRE(store->upsert({{a}, {}}, &report, &error));
    const auto stored = store->article(QStringLiteral("fund"));
    REQUIRE(stored);
    CHECK(stored->questions == a.questions);
    REQUIRE(store->articles().size() == 1);
    CHECK(store->articles().first().questions == a.questions);
    CHECK(store->stats().questions == 3);

    // The questions alone are content: a change of them is a new version, the old one goes to the history.
    kb::Article changed = a;
    changed.questions.removeLast();
    changed.questions << QStringLiteral("Was mache ich mit einem gefundenen Fahrrad?");
    REQUIRE(store->upsert({{changed}, {}}, &report, &error));
    CHECK(report.articlesUpdated == 1);
    CHECK(store->article(QStringLiteral("fund"))->version == 2);
    CHECK(store->article(QStringLiteral("fund"))->questions == changed.questions);
    REQUIRE(store->upsert({{changed}, {}}, &report, &error));
    CHECK(report.articlesUnchanged == 1);
    const QList<kb::ArticleVersion> history = store->history(QStringLiteral("fund"), &error);
    REQUIRE(history.size() == 2);
    CHECK(history.at(0).content.questions == changed.questions);
    CHECK(history.at(1).content.questions == a.questions);

    // A plain upsert mirrors what it gets (a replica follows the server): no questions means none.
    kb::Article cleared = changed;
    cleared.questions.clear();
    REQUIRE(store->upsert({{cleared}, {}}, &report, &error));
    CHECK(report.articlesUpdated == 1);
    CHECK(store->article(QStringLiteral("fund"))->questions.isEmpty());
    // With keepStoredQuestions (what an import asks for) an article without questions keeps the stored ones,
    // and is unchanged when nothing else differs; one with questions replaces them.
    REQUIRE(store->upsert({{a}, {}}, &report, &error));
    kb::UpsertOptions keep;
    keep.keepStoredQuestions = true;
    REQUIRE(store->upsert({{cleared}, {}}, &report, &error, keep));
    CHECK(report.articlesUnchanged == 1);
    CHECK(store->article(QStringLiteral("fund"))->questions == a.questions);
    kb::Article retitled = cleared;
    retitled.title = QStringLiteral("Fundbüro");
    REQUIRE(store->upsert({{retitled}, {}}, &report, &error, keep));
    CHECK(report.articlesUpdated == 1);
    CHECK(store->article(QStringLiteral("fund"))->title == QStringLiteral("Fundbüro"));
    CHECK(store->article(QStringLiteral("fund"))->questions == a.questions);
    REQUIRE(store->upsert({{changed}, {}}, &report, &error, keep));
    CHECK(store->article(QStringLiteral("fund"))->questions == changed.questions);
}

TEST_CASE("a database from a newer build is refused and left unchanged", "[store][migrations]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.db"));
    {
        RawDb raw(path);
        QSqlQuery q(raw.db);
        REQUIRE(q.exec(QStringLiteral("CREATE TABLE future (x INTEGER)")));
        REQUIRE(q.exec(QStringLiteral("PRAGMA user_version = 999")));
    }
    const QByteArray before = fileHash(path);
    QString error;
    auto store = kb::openSqliteStore(path, &error);
    CHECK_FALSE(store);
    CHECK(error.contains(QStringLiteral("999")));
    CHECK(error.contains(QStringLiteral("newer")));
    CHECK(error.contains(path));
    CHECK(fileHash(path) == before);
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal")));
    CHECK_FALSE(QFile::exists(path + QStringLiteral(".bak-v999")));
}

TEST_CASE("a file that is not a database is refused with a message", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("text.db"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    QString error;
    CHECK_FALSE(kb::openSqliteStore(path, &error));
    CHECK(error.contains(path));
    CHECK_FALSE(kb::openSqliteStore(dir.filePath(QStringLiteral("no/such/folder/x.db")), &error));
    CHECK(error.contains(QStringLiteral("does not exist")));
}

TEST_CASE("store CRUD, versioning and revision", "[store]")
{
    QTemporaryDir dir;
    QString error;
    auto store = kb::openSqliteStore(dir.filePath(QStringLiteral("kb.db")), &error);
    REQUIRE(store);

    kb::Catalogue catalogue;
    catalogue.offices = {makeOffice(QStringLiteral("o1")), makeOffice(QStringLiteral("o2"))};
    kb::Article a = makeArticle(QStringLiteral("a1"), QStringLiteral("Personalausweis"));
    a.offices = {kb::OfficeLink{QStringLiteral("o2"), 20, true, QStringLiteral("https://example.org/book")},
                 kb::OfficeLink{QStringLiteral("o1"), 0, false, QString()}};
    catalogue.articles = {a, makeArticle(QStringLiteral("a2"), QStringLiteral("Reisepass"))};

    kb::UpsertReport report;
    REQUIRE(store->upsert(catalogue, &report, &error));
    CHECK(report.articlesInserted == 2);
    CHECK(report.officesInserted == 2);
    const qint64 rev1 = store->revision();
    CHECK(rev1 > 0);

    auto stored = store->article(QStringLiteral("a1"));
    REQUIRE(stored);
    CHECK(stored->version == 1);
    CHECK(stored->updatedAt.isValid());
    kb::Article expected = a;
    expected.updatedAt = stored->updatedAt;
    CHECK(*stored == expected); // every field, links in their order
    CHECK(store->articles().size() == 2);
    const auto office = store->office(QStringLiteral("o1"));
    REQUIRE(office);
    CHECK(office->address() == QStringLiteral("Ruppertstraße 19, 80466 München"));
    CHECK(office->latitude == Approx(48.12));
    CHECK_FALSE(store->article(QStringLiteral("missing")));

    SECTION("unchanged content keeps version and revision")
    {
        REQUIRE(store->upsert(catalogue, &report, &error));
        CHECK(report.articlesUnchanged == 2);
        CHECK(report.articlesInserted + report.articlesUpdated == 0);
        CHECK(report.officesInserted + report.officesUpdated == 0);
        CHECK(store->article(QStringLiteral("a1"))->version == 1);
        CHECK(store->article(QStringLiteral("a1"))->updatedAt == stored->updatedAt);
        CHECK(store->revision() == rev1);
    }
    SECTION("changed content bumps version and revision")
    {
        catalogue.articles[0].documents << QStringLiteral("Lichtbild");
        catalogue.articles[0].offices.removeLast();
        REQUIRE(store->upsert(catalogue, &report, &error));
        CHECK(report.articlesUpdated == 1);
        CHECK(report.articlesUnchanged == 1);
        const auto changed = store->article(QStringLiteral("a1"));
        CHECK(changed->version == 2);
        CHECK(changed->documents.last() == QStringLiteral("Lichtbild"));
        CHECK(changed->offices.size() == 1);
        CHECK(store->article(QStringLiteral("a2"))->version == 1);
        CHECK(store->revision() > rev1);
        CHECK(store->stats().officeLinks == 1);
    }
    SECTION("remove an article")
    {
        REQUIRE(store->removeArticle(QStringLiteral("a1"), &error));
        CHECK_FALSE(store->article(QStringLiteral("a1")));
        CHECK(store->stats().officeLinks == 0);
        CHECK(store->revision() > rev1);
        CHECK_FALSE(store->removeArticle(QStringLiteral("a1"), &error));
        CHECK(error.contains(QStringLiteral("a1")));
    }
}

TEST_CASE("a write that fails half-way leaves nothing behind", "[store][transactions]")
{
    QTemporaryDir dir;
    QString error;
    auto store = kb::openSqliteStore(dir.filePath(QStringLiteral("kb.db")), &error);
    REQUIRE(store);
    kb::Catalogue good;
    good.articles = {makeArticle(QStringLiteral("keep"), QStringLiteral("Bestand"))};
    REQUIRE(store->upsert(good, nullptr, &error));
    const qint64 revision = store->revision();

    kb::Catalogue bad;
    bad.offices = {makeOffice(QStringLiteral("o1"))};
    bad.articles = {makeArticle(QStringLiteral("n1"), QStringLiteral("Neu 1")),
                    makeArticle(QStringLiteral("n2"), QStringLiteral("Neu 2"))};
    bad.articles[0].title = QStringLiteral("Bestand geändert");
    bad.articles[0].id = QStringLiteral("keep");
    // The second article links an office that exists nowhere: the foreign key stops the write.
    bad.articles[1].offices = {kb::OfficeLink{QStringLiteral("nowhere"), 10, true, QString()}};
    kb::UpsertReport report;
    CHECK_FALSE(store->upsert(bad, &report, &error));
    CHECK(error.contains(QStringLiteral("nowhere")));
    CHECK(error.contains(QStringLiteral("n2")));
    CHECK(store->articles().size() == 1);
    CHECK(store->article(QStringLiteral("keep"))->title == QStringLiteral("Bestand"));
    CHECK(store->offices().isEmpty());
    CHECK(store->revision() == revision);

    // Duplicate ids in one write are refused as a whole, too.
    kb::Catalogue twice;
    twice.articles = {makeArticle(QStringLiteral("d"), QStringLiteral("Eins")),
                      makeArticle(QStringLiteral("d"), QStringLiteral("Zwei"))};
    CHECK_FALSE(store->upsert(twice, &report, &error));
    CHECK(error.contains(QStringLiteral("\"d\"")));
    CHECK_FALSE(store->article(QStringLiteral("d")));
}

TEST_CASE("synonyms: set, replace, list, remove", "[store][synonyms]")
{
    QTemporaryDir dir;
    QString error;
    auto store = kb::openSqliteStore(dir.filePath(QStringLiteral("kb.db")), &error);
    REQUIRE(store);
    const qint64 r0 = store->revision();
    REQUIRE(store->setSynonym({QStringLiteral("Lappen"), {QStringLiteral("Führerschein")}}, &error));
    REQUIRE(store->setSynonym({QStringLiteral("Perso"), {QStringLiteral("Personalausweis")}}, &error));
    REQUIRE(store->setSynonym(
        {QStringLiteral("Lappen"), {QStringLiteral("Führerschein"), QStringLiteral("Fahrerlaubnis")}}, &error));
    const auto list = store->synonyms();
    REQUIRE(list.size() == 2);
    CHECK(list.at(0) ==
          kb::Synonym{QStringLiteral("Lappen"), {QStringLiteral("Führerschein"), QStringLiteral("Fahrerlaubnis")}});
    CHECK(store->revision() == r0 + 3);
    CHECK_FALSE(store->setSynonym({QStringLiteral(" "), {QStringLiteral("x")}}, &error));
    CHECK_FALSE(store->setSynonym({QStringLiteral("leer"), {}}, &error));
    CHECK(error.contains(QStringLiteral("leer")));
    REQUIRE(store->removeSynonym(QStringLiteral("Perso"), &error));
    CHECK(store->synonyms().size() == 1);
    CHECK_FALSE(store->removeSynonym(QStringLiteral("Perso"), &error));
    CHECK(error.contains(QStringLiteral("Perso")));
}

TEST_CASE("the store runs in WAL mode with foreign keys and two stores share a file", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kb.db"));
    QString error;
    auto first = kb::openSqliteStore(path, &error);
    auto second = kb::openSqliteStore(path, &error);
    REQUIRE(first);
    REQUIRE(second);
    kb::Catalogue c;
    c.articles = {makeArticle(QStringLiteral("a"), QStringLiteral("A"))};
    REQUIRE(first->upsert(c, nullptr, &error));
    CHECK(second->article(QStringLiteral("a")));
    CHECK(second->revision() == first->revision());
    RawDb raw(path);
    CHECK(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("wal"));
    CHECK(QFile::exists(path + QStringLiteral("-wal")));
}
