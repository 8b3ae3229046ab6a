// kb::PgStore against a real PostgreSQL 15 (throwaway cluster): migrations, CRUD and upsert
// semantics as the SQLite store, change sets for replicas, server-side roles, concurrent writers.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"
#include "pgtestutil.h"

#include "pgstore.h"

#include <QSemaphore>
#include <QSqlQuery>
#include <QThread>

#include <thread>

using namespace hotline::test;

TEST_CASE("pg: a fresh database gets the current schema, and migrating again is a no-op", "[pg][migrations]")
{
    const kb::PgConnection params = freshPgDatabase(false);
    QString error;
    // An empty database is not a store yet: desks do not migrate, they say what to do.
    CHECK_FALSE(kb::openPgStore(params, &error));
    CHECK(error.contains(QStringLiteral("hotline-admin migrate")));

    REQUIRE(kb::migratePgStore(params, kb::pgSchemaVersion(), &error));
    REQUIRE(kb::migratePgStore(params, kb::pgSchemaVersion(), &error));
    RawPg raw(params);
    CHECK(raw.scalar(QStringLiteral("SELECT version FROM schema_version")).toInt() == kb::pgSchemaVersion());
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt() == 1);
    auto store = kb::openPgStore(params, &error);
    INFO(error.toStdString());
    REQUIRE(store);
    CHECK(store->backendName() == QStringLiteral("postgresql"));
    CHECK(store->stats().schemaVersion == kb::pgSchemaVersion());
    CHECK(store->revision() == 0);
}

TEST_CASE("pg: an older schema is migrated step by step keeping its data", "[pg][migrations]")
{
    const kb::PgConnection params = freshPgDatabase(false);
    QString error;
    REQUIRE(kb::migratePgStore(params, 1, &error));
    RawPg raw(params);
    CHECK(raw.scalar(QStringLiteral("SELECT version FROM schema_version")).toInt() == 1);
    REQUIRE(
        raw.exec(QStringLiteral("INSERT INTO articles (id, title, updated_at) VALUES ('old', 'Altbestand', now())")));
    CHECK_FALSE(kb::openPgStore(params, &error));
    CHECK(error.contains(QStringLiteral("version 1")));

    REQUIRE(kb::migratePgStore(params, kb::pgSchemaVersion(), &error));
    auto store = kb::openPgStore(params, &error);
    REQUIRE(store);
    const auto old = store->article(QStringLiteral("old"));
    REQUIRE(old);
    CHECK(old->title == QStringLiteral("Altbestand"));
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM meta WHERE key = 'store_id' AND text_value <> ''")).toInt() ==
          1);
}

TEST_CASE("pg: schema 6 adds example questions, a version-5 database upgrades, its articles read back without any",
          "[pg][migrations][questions]")
{
    const kb::PgConnection params = freshPgDatabase(false);
    QString error;
    REQUIRE(kb::migratePgStore(params, 5, &error));
    RawPg raw(params);
    REQUIRE(raw.exec(QStringLiteral("INSERT INTO articles (id, title, keywords, updated_at, version) VALUES "
                                    "('fund', 'Fundsache', '[\"Fundbüro\"]', now(), 2)")));
    REQUIRE(raw.exec(QStringLiteral("INSERT INTO article_versions (article_id, version, title, updated_at) VALUES "
                                    "('fund', 1, 'Fundsachen', now())")));
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM information_schema.columns WHERE column_name = 'questions'"))
              .toInt() == 0);
    REQUIRE(kb::migratePgStore(params, kb::pgSchemaVersion(), &error));
    CHECK(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM information_schema.columns WHERE column_name = 'questions' "
                                    "AND table_name IN ('articles', 'article_versions')"))
              .toInt() == 2);
    auto store = kb::openPgStore(params, &error);
    INFO(error.toStdString());
    REQUIRE(store);
    const auto article = store->article(QStringLiteral("fund"));
    REQUIRE(article);
    CHECK(article->keywords == QStringList{QStringLiteral("Fundbüro")});
    CHECK(article->questions.isEmpty());
    const QList<kb::ArticleVersion> history = store->history(QStringLiteral("fund"), &error);
    REQUIRE(history.size() == 2);
    CHECK(history.at(1).content.title == QStringLiteral("Fundsachen"));
    CHECK(history.at(1).content.questions.isEmpty());
}

TEST_CASE("pg: a server schema newer than the build is refused and left unchanged", "[pg][migrations]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    RawPg raw(params);
    const int newer = kb::pgSchemaVersion() + 1;
    REQUIRE(raw.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(newer)));
    QString error;
    CHECK_FALSE(kb::openPgStore(params, &error));
    CHECK(error.contains(QStringLiteral("newer")));
    CHECK(error.contains(QString::number(newer)));
    CHECK_FALSE(kb::migratePgStore(params, kb::pgSchemaVersion(), &error));
    CHECK(error.contains(QStringLiteral("newer")));
    CHECK(raw.scalar(QStringLiteral("SELECT version FROM schema_version")).toInt() == newer);
    CHECK_FALSE(kb::migratePgStore(params, newer, &error));
    CHECK(error.contains(QStringLiteral("unknown")));
}

TEST_CASE("pg: store CRUD, versioning and revision as the SQLite store", "[pg][store]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    auto store = kb::openPgStore(params, &error);
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
    CHECK(rev1 == 1);

    auto stored = store->article(QStringLiteral("a1"));
    REQUIRE(stored);
    CHECK(stored->version == 1);
    CHECK(stored->updatedAt.isValid());
    CHECK(stored->updatedAt.timeSpec() == Qt::UTC);
    kb::Article expected = a;
    expected.updatedAt = stored->updatedAt;
    CHECK(*stored == expected); // every field, links in their order, dates
    CHECK(store->articles().size() == 2);
    const auto office = store->office(QStringLiteral("o1"));
    REQUIRE(office);
    CHECK(office->address() == QStringLiteral("Ruppertstraße 19, 80466 München"));
    CHECK(office->latitude == 48.123456789); // double precision, not float4
    CHECK(office->keywords == QStringList{QStringLiteral("KVR")});
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
        CHECK(store->revision() == rev1 + 1);
        CHECK(store->stats().officeLinks == 1);
    }
    SECTION("remove an article")
    {
        REQUIRE(store->removeArticle(QStringLiteral("a1"), &error));
        CHECK_FALSE(store->article(QStringLiteral("a1")));
        CHECK(store->stats().officeLinks == 0);
        CHECK(store->revision() == rev1 + 1);
        CHECK_FALSE(store->removeArticle(QStringLiteral("a1"), &error));
        CHECK(error.contains(QStringLiteral("a1")));
        CHECK(store->revision() == rev1 + 1);
    }
}

TEST_CASE("pg: a write that fails half-way leaves nothing behind", "[pg][store][transactions]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    auto store = kb::openPgStore(params, &error);
    REQUIRE(store);
    kb::Catalogue good;
    good.articles = {makeArticle(QStringLiteral("keep"), QStringLiteral("Bestand"))};
    REQUIRE(store->upsert(good, nullptr, &error));
    const qint64 revision = store->revision();

    kb::Catalogue bad;
    bad.offices = {makeOffice(QStringLiteral("o1"))};
    bad.articles = {makeArticle(QStringLiteral("keep"), QStringLiteral("Bestand geändert")),
                    makeArticle(QStringLiteral("n2"), QStringLiteral("Neu 2"))};
    bad.articles[1].offices = {kb::OfficeLink{QStringLiteral("nowhere"), 10, true, QString()}};
    kb::UpsertReport report;
    CHECK_FALSE(store->upsert(bad, &report, &error));
    CHECK(error.contains(QStringLiteral("nowhere")));
    CHECK(error.contains(QStringLiteral("n2")));
    CHECK(store->articles().size() == 1);
    CHECK(store->article(QStringLiteral("keep"))->title == QStringLiteral("Bestand"));
    CHECK(store->offices().isEmpty());
    CHECK(store->revision() == revision);

    kb::Catalogue twice;
    twice.articles = {makeArticle(QStringLiteral("d"), QStringLiteral("Eins")),
                      makeArticle(QStringLiteral("d"), QStringLiteral("Zwei"))};
    CHECK_FALSE(store->upsert(twice, &report, &error));
    CHECK(error.contains(QStringLiteral("\"d\"")));
    CHECK_FALSE(store->article(QStringLiteral("d")));
}

TEST_CASE("pg: synonyms set, replace, list, remove", "[pg][store][synonyms]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    auto store = kb::openPgStore(params, &error);
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

TEST_CASE("pg: changes since a revision include edits and deletions", "[pg][store][replica]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    auto store = kb::openPgStore(params, &error);
    REQUIRE(store);
    kb::Catalogue catalogue;
    catalogue.offices = {makeOffice(QStringLiteral("o1"))};
    catalogue.articles = {makeArticle(QStringLiteral("a1"), QStringLiteral("Eins")),
                          makeArticle(QStringLiteral("a2"), QStringLiteral("Zwei")),
                          makeArticle(QStringLiteral("a3"), QStringLiteral("Drei"))};
    catalogue.articles[0].offices = {kb::OfficeLink{QStringLiteral("o1"), 5, true, QString()}};
    REQUIRE(store->upsert(catalogue, nullptr, &error));
    REQUIRE(store->setSynonym({QStringLiteral("Perso"), {QStringLiteral("Personalausweis")}}, &error));

    kb::PgChangeSet all;
    REQUIRE(store->changesSince(0, &all, &error));
    CHECK(all.toRevision == 2);
    CHECK(all.changed.articles.size() == 3);
    CHECK(all.changed.articles.at(0).offices.size() == 1);
    CHECK(all.changed.offices.size() == 1);
    CHECK(all.changedSynonyms.size() == 1);
    CHECK_FALSE(all.storeId.isEmpty());

    catalogue.articles[1].title = QStringLiteral("Zwei neu");
    REQUIRE(store->upsert(catalogue, nullptr, &error));
    REQUIRE(store->removeArticle(QStringLiteral("a3"), &error));
    REQUIRE(store->removeSynonym(QStringLiteral("Perso"), &error));

    kb::PgChangeSet delta;
    REQUIRE(store->changesSince(all.toRevision, &delta, &error));
    CHECK(delta.fromRevision == 2);
    CHECK(delta.toRevision == 5);
    REQUIRE(delta.changed.articles.size() == 1);
    CHECK(delta.changed.articles.at(0).title == QStringLiteral("Zwei neu"));
    CHECK(delta.changed.offices.isEmpty());
    CHECK(delta.removedArticles == QStringList{QStringLiteral("a3")});
    CHECK(delta.removedSynonyms == QStringList{QStringLiteral("Perso")});
    CHECK(delta.storeId == all.storeId);

    // Written again: no longer a deletion.
    REQUIRE(store->upsert(catalogue, nullptr, &error));
    kb::PgChangeSet revived;
    REQUIRE(store->changesSince(delta.toRevision, &revived, &error));
    CHECK(revived.removedArticles.isEmpty());
    REQUIRE(revived.changed.articles.size() == 1);
    CHECK(revived.changed.articles.at(0).id == QStringLiteral("a3"));

    kb::PgChangeSet none;
    REQUIRE(store->changesSince(revived.toRevision, &none, &error));
    CHECK(none.isEmpty());
}

TEST_CASE("pg: example questions round trip, count as content, reach replicas, and an import keeps them",
          "[pg][store][questions]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    auto store = kb::openPgStore(params, &error);
    REQUIRE(store);
    kb::Article a = makeArticle(QStringLiteral("fund"), QStringLiteral("Fundsachen"));
    a.questions = {QStringLiteral("Ich hab meinen Geldbeutel verloren, was nun?"),
                   QStringLiteral("Wo gebe ich einen gefundenen \"Schlüssel\" ab?")};
    kb::UpsertReport report;
    REQUIRE(store->upsert({{a}, {}}, &report, &error));
    CHECK(store->article(QStringLiteral("fund"))->questions == a.questions);
    REQUIRE(store->articles().size() == 1);
    CHECK(store->articles().first().questions == a.questions);
    CHECK(store->stats().questions == 2);
    kb::PgChangeSet all;
    REQUIRE(store->changesSince(0, &all, &error));
    REQUIRE(all.changed.articles.size() == 1);
    CHECK(all.changed.articles.first().questions == a.questions); // what a desk's replica receives

    // The questions alone are content: a new version, the old one in the history, and a change for replicas.
    kb::Article changed = a;
    changed.questions = {QStringLiteral("Was mache ich mit einem gefundenen Fahrrad?")};
    REQUIRE(store->upsert({{changed}, {}}, &report, &error));
    CHECK(report.articlesUpdated == 1);
    CHECK(store->article(QStringLiteral("fund"))->version == 2);
    const QList<kb::ArticleVersion> history = store->history(QStringLiteral("fund"), &error);
    REQUIRE(history.size() == 2);
    CHECK(history.at(1).content.questions == a.questions);
    kb::PgChangeSet delta;
    REQUIRE(store->changesSince(all.toRevision, &delta, &error));
    REQUIRE(delta.changed.articles.size() == 1);
    CHECK(delta.changed.articles.first().questions == changed.questions);
    REQUIRE(store->upsert({{changed}, {}}, &report, &error));
    CHECK(report.articlesUnchanged == 1);

    // An import (keepStoredQuestions) without questions keeps them; a plain upsert mirrors, emptying them.
    kb::Article withoutQuestions = changed;
    withoutQuestions.questions.clear();
    kb::UpsertOptions keep;
    keep.keepStoredQuestions = true;
    REQUIRE(store->upsert({{withoutQuestions}, {}}, &report, &error, keep));
    CHECK(report.articlesUnchanged == 1);
    CHECK(store->article(QStringLiteral("fund"))->questions == changed.questions);
    withoutQuestions.title = QStringLiteral("Fundbüro");
    REQUIRE(store->upsert({{withoutQuestions}, {}}, &report, &error, keep));
    CHECK(report.articlesUpdated == 1);
    CHECK(store->article(QStringLiteral("fund"))->title == QStringLiteral("Fundbüro"));
    CHECK(store->article(QStringLiteral("fund"))->questions == changed.questions);
    REQUIRE(store->upsert({{withoutQuestions}, {}}, &report, &error));
    CHECK(report.articlesUpdated == 1);
    CHECK(store->article(QStringLiteral("fund"))->questions.isEmpty());
}

TEST_CASE("pg: an agent's write is refused by the server, a lead's goes through", "[pg][roles]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    {
        auto admin = kb::openPgStore(params, &error);
        REQUIRE(admin);
        kb::Catalogue c;
        c.articles = {makeArticle(QStringLiteral("a1"), QStringLiteral("Original"))};
        REQUIRE(admin->upsert(c, nullptr, &error));
        RawPg raw(params);
        REQUIRE(kb::createPgUser(raw.db(), QStringLiteral("anna_agent"), QStringLiteral("geheim'1"), kb::PgRole::Agent,
                                 &error));
        REQUIRE(kb::createPgUser(raw.db(), QStringLiteral("lena_lead"), QStringLiteral("leitung"), kb::PgRole::Lead,
                                 &error));
        CHECK_FALSE(
            kb::createPgUser(raw.db(), QStringLiteral("Robert; DROP"), QStringLiteral("x"), kb::PgRole::Agent, &error));
        CHECK(error.contains(QStringLiteral("Robert; DROP")));
    }
    kb::PgConnection agentParams = params;
    agentParams.user = QStringLiteral("anna_agent");
    agentParams.password = QStringLiteral("wrong");
    CHECK_FALSE(kb::openPgStore(agentParams, &error));
    CHECK(error.contains(QStringLiteral("anna_agent")));
    agentParams.password = QStringLiteral("geheim'1");
    auto agent = kb::openPgStore(agentParams, &error);
    INFO(error.toStdString());
    REQUIRE(agent);
    // Reading is fine.
    REQUIRE(agent->article(QStringLiteral("a1")));
    const qint64 revision = agent->revision();

    kb::Catalogue edit;
    edit.articles = {makeArticle(QStringLiteral("a1"), QStringLiteral("Vom Agenten geändert")),
                     makeArticle(QStringLiteral("a2"), QStringLiteral("Neu vom Agenten"))};
    CHECK_FALSE(agent->upsert(edit, nullptr, &error));
    CHECK(error.contains(QStringLiteral("permission denied")));
    CHECK_FALSE(agent->setSynonym({QStringLiteral("x"), {QStringLiteral("y")}}, &error));
    CHECK(error.contains(QStringLiteral("permission denied")));
    CHECK_FALSE(agent->removeArticle(QStringLiteral("a1"), &error));
    // Not even behind the store's back.
    RawPg agentRaw(agentParams);
    CHECK_FALSE(agentRaw.exec(QStringLiteral("UPDATE articles SET title = 'x'"), &error));
    CHECK(error.contains(QStringLiteral("permission denied")));
    // Its own receipts only: the server fills submitted_by, the agent cannot name someone else.
    CHECK_FALSE(agentRaw.exec(QStringLiteral("INSERT INTO applied_writes (id, kind, created_at, submitted_by) VALUES "
                                             "(gen_random_uuid(), 'x', now(), 'lena_lead')"),
                              &error));
    CHECK(error.contains(QStringLiteral("permission denied")));
    REQUIRE(agentRaw.exec(QStringLiteral("INSERT INTO applied_writes (id, kind, created_at) VALUES "
                                         "(gen_random_uuid(), 'x', now())"),
                          &error));
    CHECK_FALSE(agentRaw.exec(QStringLiteral("DELETE FROM applied_writes"), &error));
    CHECK(agent->article(QStringLiteral("a1"))->title == QStringLiteral("Original"));
    CHECK_FALSE(agent->article(QStringLiteral("a2")));
    CHECK(agent->revision() == revision);

    kb::PgConnection leadParams = params;
    leadParams.user = QStringLiteral("lena_lead");
    leadParams.password = QStringLiteral("leitung");
    auto lead = kb::openPgStore(leadParams, &error);
    REQUIRE(lead);
    // hotline-admin user add made the login's editorial user too: the lead acts as themself.
    const auto leadUser = lead->user(QStringLiteral("lena_lead"));
    REQUIRE(leadUser);
    CHECK(leadUser->role == kb::Role::Lead);
    error.clear();
    CHECK_FALSE(lead->upsert(edit, nullptr, &error));   // nobody signed in, and the store has users
    CHECK_FALSE(error.isEmpty());
    lead->setActor(kb::Actor::signedIn(*leadUser));
    REQUIRE(lead->upsert(edit, nullptr, &error));
    CHECK(lead->article(QStringLiteral("a1"))->title == QStringLiteral("Vom Agenten geändert"));
    CHECK(lead->article(QStringLiteral("a1"))->version == 2);
    {
        RawPg raw(params);
        CHECK(raw.scalar(QStringLiteral("SELECT submitted_by FROM applied_writes")).toString() ==
              QStringLiteral("anna_agent"));
    }
    // A lead may not change the schema.
    RawPg leadRaw(leadParams);
    CHECK_FALSE(leadRaw.exec(QStringLiteral("DROP TABLE articles"), &error));
}

TEST_CASE("pg: two leads upserting one article at once: serialised, no lost update", "[pg][store][concurrency]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    auto store = kb::openPgStore(params, &error);
    REQUIRE(store);
    kb::Catalogue base;
    base.articles = {makeArticle(QStringLiteral("a1"), QStringLiteral("Anfang"))};
    REQUIRE(store->upsert(base, nullptr, &error));
    const qint64 revision = store->revision();

    // Lead A holds its write open; lead B starts its write meanwhile and must wait for A.
    QSemaphore aWrote;
    QSemaphore bStarted;
    bool okA = false;
    bool okB = false;
    QString errorA;
    QString errorB;
    std::thread leadA([&] {
        auto s = kb::openPgStore(params, &errorA);
        if (!s || !s->beginTransaction(&errorA)) {
            aWrote.release();
            return;
        }
        kb::Catalogue c;
        c.articles = {makeArticle(QStringLiteral("a1"), QStringLiteral("Fassung A"))};
        okA = s->upsert(c, nullptr, &errorA);
        aWrote.release();
        bStarted.acquire();
        QThread::msleep(300); // B is blocked on the revision lock now
        okA = okA && s->commitTransaction(&errorA);
    });
    std::thread leadB([&] {
        aWrote.acquire();
        auto s = kb::openPgStore(params, &errorB);
        bStarted.release();
        if (!s) {
            return;
        }
        kb::Catalogue c;
        c.articles = {makeArticle(QStringLiteral("a1"), QStringLiteral("Fassung B"))};
        c.articles[0].documents << QStringLiteral("Lichtbild");
        okB = s->upsert(c, nullptr, &errorB);
    });
    leadA.join();
    leadB.join();
    INFO(errorA.toStdString() << " / " << errorB.toStdString());
    CHECK(okA);
    CHECK(okB);
    const auto a1 = store->article(QStringLiteral("a1"));
    REQUIRE(a1);
    CHECK(a1->version == 3); // both edits counted
    CHECK(a1->title == QStringLiteral("Fassung B"));
    CHECK(a1->documents.contains(QStringLiteral("Lichtbild")));
    CHECK(store->revision() == revision + 2);
}

TEST_CASE("pg: ids with quotes, backslashes, commas and braces are matched exactly", "[pg][store]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    auto store = kb::openPgStore(params, &error);
    REQUIRE(store);
    const QStringList ids{QStringLiteral("a\"b"), QStringLiteral("c\\d"), QStringLiteral("e,f{g}"),
                          QStringLiteral("h'i"),  QStringLiteral("NULL"), QStringLiteral(" j ")};
    kb::Catalogue c;
    for (const QString &id : ids) {
        c.articles << makeArticle(id, QStringLiteral("Titel %1").arg(id));
    }
    kb::UpsertReport report;
    REQUIRE(store->upsert(c, &report, &error));
    CHECK(report.articlesInserted == ids.size());
    REQUIRE(store->upsert(c, &report, &error));
    CHECK(report.articlesUnchanged == ids.size()); // each id found again, none inserted twice
    CHECK(store->stats().articles == ids.size());
    for (const QString &id : ids) {
        REQUIRE(store->removeArticle(id, &error));
    }
    kb::PgChangeSet removed;
    REQUIRE(store->changesSince(0, &removed, &error));
    CHECK(removed.removedArticles.size() == ids.size());
    REQUIRE(store->upsert(c, &report, &error));
    kb::PgChangeSet revived;
    REQUIRE(store->changesSince(0, &revived, &error));
    CHECK(revived.removedArticles.isEmpty()); // every tombstone cleared by its exact id
    CHECK(revived.changed.articles.size() == ids.size());
}

TEST_CASE("pg: on the editorial tables the server lets an agent flag and log searches, nothing else",
          "[pg][roles][editorial]")
{
    const kb::PgConnection params = freshPgDatabase(true);
    QString error;
    {
        auto admin = kb::openPgStore(params, &error);
        REQUIRE(admin);
        admin->setActor(kb::Actor::administrator());
        kb::Catalogue c;
        c.articles = {makeArticle(QStringLiteral("a1"), QStringLiteral("Personalausweis beantragen"))};
        REQUIRE(admin->upsert(c, nullptr, &error));
        REQUIRE(admin->createUser(QStringLiteral("lena"), {}, kb::Role::Lead, QStringLiteral("pw-lena-12345"), &error));
        REQUIRE(admin->createUser(QStringLiteral("anna"), {}, kb::Role::Agent, QStringLiteral("pw-anna-12345"), &error));
        RawPg raw(params);
        REQUIRE(kb::createPgUser(raw.db(), QStringLiteral("anna"), QStringLiteral("desk"), kb::PgRole::Agent, &error));
    }
    kb::PgConnection agentParams = params;
    agentParams.user = QStringLiteral("anna");
    agentParams.password = QStringLiteral("desk");
    auto agent = kb::openPgStore(agentParams, &error);
    REQUIRE(agent);
    // On the shared store the server login is the sign-in: the desk takes the user row of its login
    // (password hashes are not readable with an agent's login).
    const auto anna = agent->user(QStringLiteral("anna"));
    REQUIRE(anna);
    agent->setActor(kb::Actor::signedIn(*anna));
    CHECK_FALSE(agent->authenticate(QStringLiteral("lena"), QStringLiteral("pw-lena-12345"), &error));

    error.clear();
    const qint64 searchId = agent->logSearch(QStringLiteral("perso verloren"), 3, &error);
    CHECK(searchId > 0);
    const bool opened = agent->logOpened(searchId, QStringLiteral("a1"), &error);
    CAPTURE(error);
    CHECK(opened);
    const qint64 flag = agent->flagArticle(QStringLiteral("a1"), QStringLiteral("Gebühr veraltet"), &error);
    CHECK(flag > 0);
    CHECK(agent->flags(true, &error).size() == 1);
    CHECK_FALSE(agent->auditLog().isEmpty());

    // Forging the role in the Actor gets past nothing: the store reads the stored role, and behind
    // the store's back the server refuses.
    kb::User forged = *anna;
    forged.role = kb::Role::Lead;
    agent->setActor(kb::Actor::signedIn(forged));
    error.clear();
    CHECK_FALSE(agent->saveDraft(makeArticle(QStringLiteral("a1"), QStringLiteral("Gehackt")), 1, &error).ok());
    CAPTURE(error);
    CHECK(error.contains(QStringLiteral("only a team lead")));
    agent->setActor(kb::Actor::administrator());   // as if the desk skipped every check of its own
    CHECK_FALSE(agent->createUser(QStringLiteral("eve"), {}, kb::Role::Lead, QStringLiteral("pw-eve-123456"), &error));
    CHECK(error.contains(QStringLiteral("permission denied")));
    CHECK_FALSE(agent->setFourEyes(false, &error));
    CHECK(error.contains(QStringLiteral("permission denied")));
    CHECK_FALSE(agent->purgeSearchLog(1, &error) >= 0);
    CHECK(error.contains(QStringLiteral("permission denied")));
    RawPg agentRaw(agentParams);
    for (const QString &sql :
         {QStringLiteral("SELECT password_hash FROM users"), QStringLiteral("DELETE FROM audit_log"),
          QStringLiteral("UPDATE audit_log SET actor = 'x'"), QStringLiteral("UPDATE users SET role = 'lead'"),
          QStringLiteral("UPDATE article_flags SET resolved_by = 'anna'"),
          QStringLiteral("INSERT INTO article_versions (article_id, version, title, updated_at) VALUES ('a1', 9, 'x', now())"),
          QStringLiteral("UPDATE search_log SET query = 'x'")}) {
        INFO(sql.toStdString());
        CHECK_FALSE(agentRaw.exec(sql, &error));
        CHECK(error.contains(QStringLiteral("permission denied")));
    }
    CHECK(agent->fourEyes());
    CHECK(agent->drafts().isEmpty());
}
