// Issue 6, non-GUI core: users and roles enforced in the store, Argon2id passwords, drafts →
// review → publish (four-eyes), history, restore and diff, the two-desk conflict, audit trail,
// agents' flags, review dates, the search log's gap report, and the upgrade of schema-2 databases.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"

#include "defaultcatalogue.h"
#include "editorial.h"
#include "importer.h"
#include "password.h"
#include "searchengine.h"
#include "sqlitestore.h"
#include "store.h"
#include "textdiff.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <atomic>
#include <latch>
#include <thread>

#ifdef HOTLINE_EDITORIAL_ON_PG
#include "pgstore.h"
#include "../pg/pgtestutil.h"

#include <QHash>
#include <QMutex>
#endif

namespace {

#ifdef HOTLINE_EDITORIAL_ON_PG
// The same test bodies against PostgreSQL (test_pg_editorial): each temporary "path" stands for a
// fresh database on the binary's throwaway cluster, and every open is a new server connection, as
// a second desk would have.
std::unique_ptr<kb::Store> openStore(const QString &path, QString *error)
{
    static QMutex mutex;
    static QHash<QString, kb::PgConnection> databases;
    kb::PgConnection params;
    {
        const QMutexLocker lock(&mutex);
        if (!databases.contains(path)) {
            databases.insert(path, hotline::test::freshPgDatabase(true));
        }
        params = databases.value(path);
    }
    return kb::openPgStore(params, error);
}
#else
std::unique_ptr<kb::Store> openStore(const QString &path, QString *error)
{
    return kb::openSqliteStore(path, error);
}
#endif

const QString kPassword = QStringLiteral("korrekt-Pferd-Batterie");

kb::Article makeArticle(const QString &id, const QString &title)
{
    kb::Article a;
    a.id = id;
    a.title = title;
    a.summary = QStringLiteral("Summary of %1").arg(title);
    a.descriptionHtml = QStringLiteral("<p>Sie brauchen einen Termin im Bürgerbüro.</p>");
    a.documents = {QStringLiteral("Personalausweis"), QStringLiteral("Meldebestätigung")};
    a.keywords = {QStringLiteral("Perso")};
    a.feesHtml = QStringLiteral("37,00 Euro");
    a.source = QStringLiteral("Test");
    return a;
}

// A catalogue of two articles, written while the database has no users (first start).
std::unique_ptr<kb::Store> openSeeded(const QString &path)
{
    QString error;
    auto store = openStore(path, &error);
    REQUIRE(store);
    kb::Catalogue c;
    c.articles = {makeArticle(QStringLiteral("perso"), QStringLiteral("Personalausweis beantragen")),
                  makeArticle(QStringLiteral("pass"), QStringLiteral("Reisepass beantragen"))};
    REQUIRE(store->upsert(c, nullptr, &error));
    return store;
}

kb::User signIn(kb::Store &store, const QString &name)
{
    QString error;
    const auto user = store.authenticate(name, kPassword, &error);
    INFO(error.toStdString());
    REQUIRE(user);
    store.setActor(kb::Actor::signedIn(*user));
    return *user;
}

// The first user, team lead "lena", created while the database has none, and signed in.
kb::User signInFirstLead(kb::Store &store)
{
    QString error;
    REQUIRE(store.createUser(QStringLiteral("lena"), {}, kb::Role::Lead, kPassword, &error));
    return signIn(store, QStringLiteral("lena"));
}

struct RawDb
{
    RawDb(const QString &path, const QString &name = QStringLiteral("raw-editorial")) : connection(name)
    {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        REQUIRE(db.open());
    }
    ~RawDb()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(db);
        INFO(sql.toStdString());
        REQUIRE(q.exec(sql));
        REQUIRE(q.next());
        return q.value(0);
    }
    QString connection;
    QSqlDatabase db;
};

int auditCount(kb::Store &store)
{
    return int(store.auditLog(QString(), 100000).size());
}

QString joined(const QList<kb::DiffSegment> &segments, bool after)
{
    QString out;
    for (const kb::DiffSegment &s : segments) {
        if (s.kind == kb::DiffSegment::Kind::Same || (s.kind == kb::DiffSegment::Kind::Added) == after) {
            out += s.text;
        }
    }
    return out;
}

} // namespace

TEST_CASE("passwords are Argon2id hashes with a random salt, verified in constant time", "[editorial][password]")
{
    QString error;
    const QString hash = kb::hashPassword(kPassword, &error);
    INFO(error.toStdString());
    REQUIRE(hash.startsWith(QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$")));
    CHECK(hash.split(QLatin1Char('$')).size() == 6); // "", argon2id, v=, params, salt, hash
    CHECK_FALSE(hash.contains(kPassword));
    const QString again = kb::hashPassword(kPassword, &error);
    CHECK(again != hash); // fresh salt each time
    CHECK(kb::verifyPassword(hash, kPassword));
    CHECK(kb::verifyPassword(again, kPassword));
    CHECK_FALSE(kb::verifyPassword(hash, QStringLiteral("korrekt-Pferd-Batteri")));
    CHECK_FALSE(kb::verifyPassword(hash, QString()));
    CHECK_FALSE(kb::verifyPassword(QStringLiteral("plain-text"), QStringLiteral("plain-text")));
    CHECK_FALSE(kb::verifyPassword(QStringLiteral("$argon2id$v=19$m=1,t=1,p=1$xx$yy"), kPassword));
    CHECK_FALSE(kb::passwordNeedsRehash(hash));
    kb::PasswordCost cheap;
    cheap.memoryKiB = 8192;
    cheap.iterations = 1;
    const QString weak = kb::hashPassword(kPassword, &error, cheap);
    CHECK(kb::verifyPassword(weak, kPassword));
    CHECK(kb::passwordNeedsRehash(weak));
    CHECK_FALSE(kb::checkPasswordRules(QStringLiteral("kurz"), &error));
    CHECK(error.contains(QStringLiteral("10")));
}

#ifndef HOTLINE_EDITORIAL_ON_PG // SQLite file specifics (raw access to the file)
TEST_CASE("first start: the first user must be a team lead, then nobody writes without signing in",
          "[editorial][users]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kb.db"));
    auto store = openSeeded(path);
    QString error;
    CHECK_FALSE(store->hasUsers());
    CHECK_FALSE(store->createUser(QStringLiteral("anna"), QStringLiteral("Anna"), kb::Role::Agent, kPassword, &error));
    CHECK(error.contains(QStringLiteral("team lead")));
    CHECK_FALSE(store->createUser(QStringLiteral("bad name"), {}, kb::Role::Lead, kPassword, &error));
    CHECK(error.contains(QStringLiteral("bad name")));
    CHECK_FALSE(store->createUser(QStringLiteral("lena"), {}, kb::Role::Lead, QStringLiteral("short"), &error));
    CHECK_FALSE(store->hasUsers());

    const auto lena =
        store->createUser(QStringLiteral("lena"), QStringLiteral("Lena Lehmann"), kb::Role::Lead, kPassword, &error);
    INFO(error.toStdString());
    REQUIRE(lena);
    CHECK(lena->id > 0);
    CHECK(store->hasUsers());

    // Only the hash is stored.
    {
        RawDb raw(path);
        const QString stored =
            raw.scalar(QStringLiteral("SELECT password_hash FROM users WHERE name = 'lena'")).toString();
        CHECK(stored.startsWith(QStringLiteral("$argon2id$")));
        CHECK_FALSE(stored.contains(kPassword));
    }

    // Anonymous writes are over now that a user exists.
    const qint64 revision = store->revision();
    CHECK_FALSE(store->setSynonym({QStringLiteral("Lappen"), {QStringLiteral("Führerschein")}}, &error));
    CHECK(error.contains(QStringLiteral("sign in")));
    CHECK_FALSE(store->createUser(QStringLiteral("anna"), {}, kb::Role::Agent, kPassword, &error));
    CHECK(store->revision() == revision);

    // Wrong password, unknown name: the same message, no hint which was wrong.
    CHECK_FALSE(store->authenticate(QStringLiteral("lena"), QStringLiteral("falsches-Passwort"), &error));
    const QString wrongPassword = error;
    CHECK_FALSE(store->authenticate(QStringLiteral("nobody"), kPassword, &error));
    CHECK(error == wrongPassword);
    // Names are case-insensitive.
    const auto again = store->authenticate(QStringLiteral("LENA"), kPassword, &error);
    REQUIRE(again);
    CHECK(again->id == lena->id);
    CHECK(again->role == kb::Role::Lead);

    store->setActor(kb::Actor::signedIn(*again));
    REQUIRE(
        store->createUser(QStringLiteral("anna"), QStringLiteral("Anna Agent"), kb::Role::Agent, kPassword, &error));
    CHECK_FALSE(store->createUser(QStringLiteral("Anna"), {}, kb::Role::Agent, kPassword, &error));
    CHECK(error.contains(QStringLiteral("exists")));
    REQUIRE(store->users().size() == 2);

    // The last active lead can be neither demoted nor disabled.
    CHECK_FALSE(store->setRole(QStringLiteral("lena"), kb::Role::Agent, &error));
    CHECK(error.contains(QStringLiteral("last active team lead")));
    CHECK_FALSE(store->setUserActive(QStringLiteral("lena"), false, &error));

    // A disabled user cannot sign in, and a signed-in user who gets disabled cannot write any more.
    REQUIRE(store->setUserActive(QStringLiteral("anna"), false, &error));
    CHECK_FALSE(store->authenticate(QStringLiteral("anna"), kPassword, &error));
    CHECK(error.contains(QStringLiteral("disabled")));
    REQUIRE(store->setUserActive(QStringLiteral("anna"), true, &error));
    auto agentDesk = openStore(path, &error);
    REQUIRE(agentDesk);
    signIn(*agentDesk, QStringLiteral("anna"));
    REQUIRE(agentDesk->flagArticle(QStringLiteral("perso"), QStringLiteral("Gebühr ist veraltet"), &error) > 0);
    REQUIRE(store->setUserActive(QStringLiteral("anna"), false, &error));
    CHECK(agentDesk->flagArticle(QStringLiteral("perso"), QStringLiteral("noch einmal"), &error) == 0);
    CHECK(error.contains(QStringLiteral("disabled")));

    // Passwords: a lead sets anyone's; the old one stops working.
    REQUIRE(store->setPassword(QStringLiteral("anna"), QStringLiteral("neues-Passwort-123"), &error));
    REQUIRE(store->setUserActive(QStringLiteral("anna"), true, &error));
    CHECK_FALSE(store->authenticate(QStringLiteral("anna"), kPassword, &error));
    CHECK(store->authenticate(QStringLiteral("anna"), QStringLiteral("neues-Passwort-123"), &error));
}
#endif

TEST_CASE("the store refuses an agent's edits, publishing and user management, and changes nothing",
          "[editorial][roles]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kb.db"));
    auto store = openSeeded(path);
    QString error;
    REQUIRE(store->setSynonym({QStringLiteral("Perso"), {QStringLiteral("Personalausweis")}}, &error));
    signInFirstLead(*store);
    REQUIRE(store->createUser(QStringLiteral("anna"), {}, kb::Role::Agent, kPassword, &error));
    REQUIRE(store->saveDraft(makeArticle(QStringLiteral("perso"), QStringLiteral("Perso neu")), 1, &error).ok());
    const kb::User lena = *store->user(QStringLiteral("lena"));

    auto desk = openStore(path, &error);
    REQUIRE(desk);
    const kb::User anna = signIn(*desk, QStringLiteral("anna"));
    CHECK(anna.role == kb::Role::Agent);

    const qint64 revision = desk->revision();
    const QList<kb::Article> before = desk->articles();
    const QList<kb::Synonym> synonymsBefore = desk->synonyms();
    const int auditBefore = auditCount(*desk);

    auto refused = [&](bool ok) {
        CHECK_FALSE(ok);
        CHECK(error.contains(QStringLiteral("only a team lead")));
        CHECK(error.contains(QStringLiteral("anna")));
        error.clear();
    };
    kb::Catalogue edit;
    edit.articles = {makeArticle(QStringLiteral("perso"), QStringLiteral("Gehackt"))};
    refused(desk->upsert(edit, nullptr, &error));
    refused(desk->removeArticle(QStringLiteral("pass"), &error));
    refused(desk->setSynonym({QStringLiteral("Lappen"), {QStringLiteral("Führerschein")}}, &error));
    refused(desk->removeSynonym(QStringLiteral("Perso"), &error));
    refused(desk->saveDraft(makeArticle(QStringLiteral("perso"), QStringLiteral("Gehackt")), 1, &error).ok());
    refused(desk->approveDraft(QStringLiteral("perso"), lena.id, {}, &error).ok());
    refused(desk->rejectDraft(QStringLiteral("perso"), lena.id, QStringLiteral("nein"), &error));
    refused(desk->restoreVersion(QStringLiteral("perso"), 1, &error).ok());
    refused(desk->setFourEyes(false, &error));
    refused(desk->createUser(QStringLiteral("eve"), {}, kb::Role::Lead, kPassword, &error).has_value());
    refused(desk->setRole(QStringLiteral("anna"), kb::Role::Lead, &error));
    refused(desk->setUserActive(QStringLiteral("lena"), false, &error));
    refused(desk->setPassword(QStringLiteral("lena"), QStringLiteral("übernommen-12345"), &error));

    // Forging the role in the Actor value does not help: the store reads the role it has stored.
    kb::User forged = anna;
    forged.role = kb::Role::Lead;
    desk->setActor(kb::Actor::signedIn(forged));
    refused(desk->setSynonym({QStringLiteral("Lappen"), {QStringLiteral("Führerschein")}}, &error));

    CHECK(desk->revision() == revision);
    CHECK(desk->articles() == before);
    CHECK(desk->synonyms() == synonymsBefore);
    CHECK(auditCount(*desk) == auditBefore);
    CHECK(desk->user(QStringLiteral("anna"))->role == kb::Role::Agent);
    CHECK(desk->drafts().size() == 1);
    CHECK(desk->fourEyes());
    CHECK(desk->authenticate(QStringLiteral("lena"), kPassword, &error));

    // What agents may do: flag an article, log searches, change their own password.
    const qint64 flag =
        desk->flagArticle(QStringLiteral("perso"), QStringLiteral("Gebühr ist seit 2025 höher"), &error);
    CHECK(flag > 0);
    CHECK(desk->logSearch(QStringLiteral("perso verloren"), 0, &error) > 0);
    CHECK(desk->setPassword(QStringLiteral("anna"), QStringLiteral("mein-neues-Passwort"), &error));
    refused(desk->resolveFlag(flag, QStringLiteral("erledigt"), &error));
    CHECK(store->resolveFlag(flag, QStringLiteral("Gebühr korrigiert"), &error));
    CHECK(desk->revision() == revision); // none of these touches what agents search
}

TEST_CASE("draft, review and publish with four eyes, agents see only what is published", "[editorial][workflow]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kb.db"));
    auto lenaDesk = openSeeded(path);
    QString error;
    const kb::User lena = signInFirstLead(*lenaDesk);
    REQUIRE(lenaDesk->createUser(QStringLiteral("tom"), {}, kb::Role::Lead, kPassword, &error));
    REQUIRE(lenaDesk->createUser(QStringLiteral("anna"), {}, kb::Role::Agent, kPassword, &error));
    auto tomDesk = openStore(path, &error);
    auto agentDesk = openStore(path, &error);
    REQUIRE(tomDesk);
    REQUIRE(agentDesk);
    signIn(*tomDesk, QStringLiteral("tom"));
    signIn(*agentDesk, QStringLiteral("anna"));
    CHECK(lenaDesk->fourEyes());

    const kb::Article published = *agentDesk->article(QStringLiteral("perso"));
    CHECK(published.version == 1);
    const qint64 revision = agentDesk->revision();

    // Saved as you type: several saves, one draft.
    kb::Article edited = published;
    edited.feesHtml = QStringLiteral("46,00 Euro");
    REQUIRE(lenaDesk->saveDraft(edited, published.version, &error).ok());
    edited.keywords << QStringLiteral("Ausweis verloren");
    const kb::EditResult saved = lenaDesk->saveDraft(edited, published.version, &error);
    REQUIRE(saved.ok());
    CHECK(saved.draft.savedCount == 2);
    CHECK(saved.draft.state == kb::DraftState::Editing);
    CHECK(saved.draft.authorName == QStringLiteral("lena"));

    // Agents still see version 1, and search has nothing new to pick up.
    CHECK(agentDesk->article(QStringLiteral("perso"))->feesHtml == QStringLiteral("37,00 Euro"));
    CHECK(agentDesk->revision() == revision);
    for (const kb::Article &a : agentDesk->articles()) {
        CHECK(a.feesHtml == QStringLiteral("37,00 Euro"));
    }

    // Four eyes: not before submitting, never by the author.
    CHECK_FALSE(tomDesk->approveDraft(QStringLiteral("perso"), lena.id, {}, &error).ok());
    CHECK(error.contains(QStringLiteral("not submitted")));
    REQUIRE(lenaDesk->submitDraft(QStringLiteral("perso"), &error));
    CHECK(lenaDesk->draft(QStringLiteral("perso"), lena.id)->state == kb::DraftState::InReview);
    CHECK_FALSE(lenaDesk->approveDraft(QStringLiteral("perso"), lena.id, {}, &error).ok());
    CHECK(error.contains(QStringLiteral("another team lead")));

    // Rejected with a comment: back to editing.
    CHECK_FALSE(tomDesk->rejectDraft(QStringLiteral("perso"), lena.id, QStringLiteral("  "), &error));
    REQUIRE(
        tomDesk->rejectDraft(QStringLiteral("perso"), lena.id, QStringLiteral("Quelle für die Gebühr fehlt"), &error));
    auto back = lenaDesk->draft(QStringLiteral("perso"), lena.id);
    REQUIRE(back);
    CHECK(back->state == kb::DraftState::Editing);
    CHECK(back->reviewComment == QStringLiteral("Quelle für die Gebühr fehlt"));
    CHECK(back->reviewerName == QStringLiteral("tom"));
    CHECK(back->content == edited);

    edited.legalBasis = QStringLiteral("§ 1 PAuswGebV");
    REQUIRE(lenaDesk->saveDraft(edited, published.version, &error).ok());
    REQUIRE(lenaDesk->submitDraft(QStringLiteral("perso"), &error));
    const kb::EditResult approved =
        tomDesk->approveDraft(QStringLiteral("perso"), lena.id, QStringLiteral("Gebühr 2025"), &error);
    INFO(error.toStdString());
    REQUIRE(approved.ok());
    CHECK(approved.publishedVersion == 2);

    // At once for every desk: new content, revision moved, the engine finds the new keyword.
    const kb::Article now = *agentDesk->article(QStringLiteral("perso"));
    CHECK(now.version == 2);
    CHECK(now.feesHtml == QStringLiteral("46,00 Euro"));
    CHECK(now.legalBasis == QStringLiteral("§ 1 PAuswGebV"));
    CHECK(agentDesk->revision() > revision);
    CHECK(agentDesk->drafts().isEmpty());
    kb::SearchEngine engine;
    engine.build(agentDesk->articles(), agentDesk->synonyms());
    const auto hits = engine.search(QStringLiteral("Ausweis verloren"));
    REQUIRE_FALSE(hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("perso"));

    // The audit trail names who did what, newest first.
    const QList<kb::AuditEntry> trail = agentDesk->auditLog(QStringLiteral("perso"));
    REQUIRE(trail.size() >= 5);
    CHECK(trail.at(0).action == QStringLiteral("article.publish"));
    CHECK(trail.at(0).actor == QStringLiteral("tom"));
    CHECK(trail.at(0).version == 2);
    CHECK(trail.at(0).summary.contains(QStringLiteral("Gebühr 2025")));
    QStringList actions;
    for (const kb::AuditEntry &e : trail) {
        actions << e.action;
    }
    CHECK(actions.mid(0, 5) == QStringList{QStringLiteral("article.publish"), QStringLiteral("draft.submit"),
                                           QStringLiteral("draft.reject"), QStringLiteral("draft.submit"),
                                           QStringLiteral("draft.create")});

    // Small team: four eyes off, a lead publishes their own draft directly.
    REQUIRE(lenaDesk->setFourEyes(false, &error));
    kb::Article fresh = makeArticle(QString(), QStringLiteral("Hundesteuer anmelden"));
    fresh.keywords = {QStringLiteral("Hund")};
    const kb::EditResult created = lenaDesk->saveDraft(fresh, 0, &error);
    REQUIRE(created.ok());
    CHECK(created.draft.articleId.startsWith(QStringLiteral("local-")));
    const kb::EditResult own = lenaDesk->approveDraft(created.draft.articleId, lena.id, {}, &error);
    INFO(error.toStdString());
    REQUIRE(own.ok());
    CHECK(own.publishedVersion == 1);
    CHECK(agentDesk->article(created.draft.articleId)->title == QStringLiteral("Hundesteuer anmelden"));
}

TEST_CASE("example questions go through draft, review and publish, into the history and the diff, and an "
          "import without questions keeps them",
          "[editorial][workflow][questions]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kb.db"));
    auto lenaDesk = openSeeded(path);
    QString error;
    const kb::User lena = signInFirstLead(*lenaDesk);
    REQUIRE(lenaDesk->createUser(QStringLiteral("tom"), {}, kb::Role::Lead, kPassword, &error));
    auto tomDesk = openStore(path, &error);
    REQUIRE(tomDesk);
    signIn(*tomDesk, QStringLiteral("tom"));

    const kb::Article published = *tomDesk->article(QStringLiteral("perso"));
    CHECK(published.questions.isEmpty());
    kb::Article edited = published;
    edited.questions = {QStringLiteral("Ich hab meinen Geldbeutel mit dem Perso verloren, was nun?"),
                        QStringLiteral("Mein Ausweis läuft ab – was brauche ich?")};
    REQUIRE(lenaDesk->saveDraft(edited, published.version, &error).ok());
    // The draft holds them (what the reviewer reads), the published article does not yet.
    const auto draft = tomDesk->draft(QStringLiteral("perso"), lena.id);
    REQUIRE(draft);
    CHECK(draft->content.questions == edited.questions);
    CHECK(tomDesk->article(QStringLiteral("perso"))->questions.isEmpty());
    // The review shows the change by name.
    QStringList changed;
    for (const kb::FieldDiff &f : kb::diffArticles(published, draft->content)) {
        if (f.changed) {
            changed << f.field;
            CHECK(f.label == QStringLiteral("Example questions"));
            CHECK(f.after == edited.questions.join(QLatin1Char('\n')));
            CHECK(joined(f.segments, true) == f.after);
        }
    }
    CHECK(changed == QStringList{QStringLiteral("questions")});

    REQUIRE(lenaDesk->submitDraft(QStringLiteral("perso"), &error));
    const kb::EditResult approved =
        tomDesk->approveDraft(QStringLiteral("perso"), lena.id, QStringLiteral("Fragen"), &error);
    INFO(error.toStdString());
    REQUIRE(approved.ok());
    CHECK(approved.publishedVersion == 2);
    const kb::Article now = *tomDesk->article(QStringLiteral("perso"));
    CHECK(now.questions == edited.questions);
    const QList<kb::ArticleVersion> history = tomDesk->history(QStringLiteral("perso"));
    REQUIRE(history.size() == 2);
    CHECK(history.at(0).content.questions == edited.questions);
    CHECK(history.at(1).content.questions.isEmpty());

    // A city feed's import of the same service (no questions, a new fee) keeps the team's questions.
    kb::Article fromFeed = published;
    fromFeed.feesHtml = QStringLiteral("46,00 Euro");
    kb::ImportReport report;
    REQUIRE(kb::importCatalogue(*tomDesk, {{fromFeed}, {}}, &report, &error));
    CHECK(report.written.articlesUpdated == 1);
    const kb::Article afterImport = *lenaDesk->article(QStringLiteral("perso"));
    CHECK(afterImport.version == 3);
    CHECK(afterImport.feesHtml == QStringLiteral("46,00 Euro"));
    CHECK(afterImport.questions == edited.questions);
    // The same feed again changes nothing; one that brings questions replaces them.
    REQUIRE(kb::importCatalogue(*tomDesk, {{fromFeed}, {}}, &report, &error));
    CHECK(report.written.articlesUnchanged == 1);
    CHECK(lenaDesk->article(QStringLiteral("perso"))->version == 3);
    fromFeed.questions = {QStringLiteral("Wo beantrage ich einen neuen Perso?")};
    REQUIRE(kb::importCatalogue(*tomDesk, {{fromFeed}, {}}, &report, &error));
    CHECK(lenaDesk->article(QStringLiteral("perso"))->questions == fromFeed.questions);

    // Restoring the first version brings back its (empty) questions as a draft.
    const kb::EditResult restored = lenaDesk->restoreVersion(QStringLiteral("perso"), 1, &error);
    REQUIRE(restored.ok());
    CHECK(restored.draft.content.questions.isEmpty());
}

TEST_CASE("history keeps every published version, restore an old one as a draft, diff two", "[editorial][history]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kb.db"));
    auto store = openSeeded(path);
    QString error;
    const kb::User lena = signInFirstLead(*store);
    REQUIRE(store->setFourEyes(false, &error));

    const kb::Article v1 = *store->article(QStringLiteral("pass"));
    kb::Article v2 = v1;
    v2.title = QStringLiteral("Reisepass beantragen oder verlängern");
    v2.documents = {QStringLiteral("Personalausweis"), QStringLiteral("biometrisches Passfoto")};
    REQUIRE(store->saveDraft(v2, 1, &error).ok());
    REQUIRE(store->approveDraft(QStringLiteral("pass"), lena.id, QStringLiteral("Titel"), &error).ok());
    kb::Article v3 = *store->article(QStringLiteral("pass"));
    v3.feesHtml = QStringLiteral("70,00 Euro");
    REQUIRE(store->saveDraft(v3, 2, &error).ok());
    REQUIRE(store->approveDraft(QStringLiteral("pass"), lena.id, QStringLiteral("Gebühr"), &error).ok());

    const QList<kb::ArticleVersion> history = store->history(QStringLiteral("pass"));
    REQUIRE(history.size() == 3);
    CHECK(history.at(0).version == 3);
    CHECK(history.at(0).summary == QStringLiteral("Gebühr"));
    CHECK(history.at(0).publishedBy == QStringLiteral("lena"));
    CHECK(history.at(1).content.title == v2.title);
    CHECK(history.at(2).version == 1);
    CHECK(history.at(2).content == v1); // exactly what agents saw
    CHECK(history.at(0).content == *store->article(QStringLiteral("pass")));

    // Diff version 1 against version 3: field by field, word diff inside.
    const QList<kb::FieldDiff> diff = kb::diffArticles(history.at(2).content, history.at(0).content);
    QStringList changed;
    for (const kb::FieldDiff &f : diff) {
        if (f.changed) {
            changed << f.field;
        }
    }
    CHECK(changed == QStringList{QStringLiteral("title"), QStringLiteral("documents"), QStringLiteral("fees")});
    const kb::FieldDiff title = diff.first();
    CHECK(title.segments ==
          QList<kb::DiffSegment>{{kb::DiffSegment::Kind::Same, QStringLiteral("Reisepass beantragen")},
                                 {kb::DiffSegment::Kind::Added, QStringLiteral(" oder verlängern")}});

    // Restore version 1 as a draft (based on the current version 3), publish it as version 4.
    const kb::EditResult restored = store->restoreVersion(QStringLiteral("pass"), 1, &error);
    REQUIRE(restored.ok());
    CHECK(restored.draft.baseVersion == 3);
    CHECK(restored.draft.content.title == v1.title);
    CHECK(store->article(QStringLiteral("pass"))->version == 3); // a draft, not published yet
    REQUIRE(store->approveDraft(QStringLiteral("pass"), lena.id, QStringLiteral("zurück"), &error).publishedVersion ==
            4);
    const kb::Article v4 = *store->article(QStringLiteral("pass"));
    CHECK(v4.title == v1.title);
    CHECK(v4.documents == v1.documents);
    CHECK(v4.feesHtml == v1.feesHtml);
    CHECK(store->history(QStringLiteral("pass")).size() == 4);
    CHECK_FALSE(store->restoreVersion(QStringLiteral("pass"), 9, &error).ok());
    CHECK(error.contains(QStringLiteral("no version 9")));

    // A removed article keeps its history; publishing it again continues the numbering.
    REQUIRE(store->removeArticle(QStringLiteral("pass"), &error));
    CHECK(store->history(QStringLiteral("pass")).size() == 4);
    REQUIRE(store->restoreVersion(QStringLiteral("pass"), 2, &error).ok());
    CHECK(store->approveDraft(QStringLiteral("pass"), lena.id, {}, &error).publishedVersion == 5);
    // The same for an import of a removed article.
    REQUIRE(store->removeArticle(QStringLiteral("pass"), &error));
    kb::Catalogue again;
    again.articles = {v1};
    REQUIRE(store->upsert(again, nullptr, &error));
    CHECK(store->article(QStringLiteral("pass"))->version == 6);
    CHECK(store->history(QStringLiteral("pass")).size() == 6);
}

TEST_CASE("history keeps each version's office links, in order, and imports are versioned too", "[editorial][history]")
{
    QTemporaryDir dir;
    QString error;
    auto store = openStore(dir.filePath(QStringLiteral("kb.db")), &error);
    REQUIRE(store);
    kb::Office east;
    east.id = QStringLiteral("ost");
    east.name = QStringLiteral("Bürgerbüro Ost");
    kb::Office west = east;
    west.id = QStringLiteral("west");
    west.name = QStringLiteral("Bürgerbüro West");
    kb::Catalogue c;
    c.offices = {east, west};
    kb::Article a = makeArticle(QStringLiteral("perso"), QStringLiteral("Personalausweis"));
    a.offices = {kb::OfficeLink{QStringLiteral("west"), 20, true, QStringLiteral("https://termin.example/w")},
                 kb::OfficeLink{QStringLiteral("ost"), 15, false, QString()}};
    c.articles = {a};
    REQUIRE(store->upsert(c, nullptr, &error));
    const kb::Article v1 = *store->article(QStringLiteral("perso"));
    a.offices = {kb::OfficeLink{QStringLiteral("ost"), 30, true, QString()}};
    c.articles = {a};
    REQUIRE(store->upsert(c, nullptr, &error)); // an import that changes the article: version 2
    const QList<kb::ArticleVersion> history = store->history(QStringLiteral("perso"));
    REQUIRE(history.size() == 2);
    CHECK(history.at(0).version == 2);
    CHECK(history.at(0).content == *store->article(QStringLiteral("perso")));
    CHECK(history.at(0).summary == QStringLiteral("updated by import"));
    CHECK(history.at(1).content == v1);
    REQUIRE(history.at(1).content.offices.size() == 2);
    CHECK(history.at(1).content.offices.first().officeId == QStringLiteral("west"));
    CHECK(history.at(1).content.offices.first().appointmentUrl == QStringLiteral("https://termin.example/w"));
}

TEST_CASE("word and line diff", "[editorial][diff]")
{
    using K = kb::DiffSegment::Kind;
    const QString before = QStringLiteral("Die Gebühr beträgt 37 Euro, bar oder mit Karte.");
    const QString after = QStringLiteral("Die Gebühr beträgt 46 Euro, nur mit Karte.");
    const QList<kb::DiffSegment> d = kb::diffWords(before, after);
    CHECK(joined(d, false) == before);
    CHECK(joined(d, true) == after);
    CHECK(d == QList<kb::DiffSegment>{{K::Same, QStringLiteral("Die Gebühr beträgt ")},
                                      {K::Removed, QStringLiteral("37")},
                                      {K::Added, QStringLiteral("46")},
                                      {K::Same, QStringLiteral(" Euro, ")},
                                      {K::Removed, QStringLiteral("bar oder")},
                                      {K::Added, QStringLiteral("nur")},
                                      {K::Same, QStringLiteral(" mit Karte.")}});
    // A lone "," between two changes is folded into the change instead of splitting it.
    CHECK(kb::diffWords(QStringLiteral("unter 24 Jahren: 27,60 Euro"), QStringLiteral("46,00 Euro")) ==
          QList<kb::DiffSegment>{{K::Removed, QStringLiteral("unter 24 Jahren: 27,60")},
                                 {K::Added, QStringLiteral("46,00")},
                                 {K::Same, QStringLiteral(" Euro")}});
    CHECK(kb::diffWords(QStringLiteral("gleich"), QStringLiteral("gleich")) ==
          QList<kb::DiffSegment>{{K::Same, QStringLiteral("gleich")}});
    CHECK(kb::diffWords(QString(), QStringLiteral("neu")) == QList<kb::DiffSegment>{{K::Added, QStringLiteral("neu")}});
    CHECK(kb::diffWords(QStringLiteral("alt"), QString()) ==
          QList<kb::DiffSegment>{{K::Removed, QStringLiteral("alt")}});

    const QList<kb::DiffSegment> lines =
        kb::diffLines(QStringLiteral("Ausweis\nFoto\nGeld\n"), QStringLiteral("Ausweis\nGeld\nFormular\n"));
    CHECK(lines == QList<kb::DiffSegment>{{K::Same, QStringLiteral("Ausweis\n")},
                                          {K::Removed, QStringLiteral("Foto\n")},
                                          {K::Same, QStringLiteral("Geld\n")},
                                          {K::Added, QStringLiteral("Formular\n")}});

    // Long texts that differ everywhere do not build a huge table: still a correct diff.
    QStringList a;
    QStringList b;
    for (int i = 0; i < 3000; ++i) {
        a << QStringLiteral("a%1").arg(i);
        b << QStringLiteral("b%1").arg(i);
    }
    const QString longBefore = a.join(QLatin1Char(' '));
    const QString longAfter = b.join(QLatin1Char(' '));
    const QList<kb::DiffSegment> big = kb::diffWords(longBefore, longAfter);
    CHECK(joined(big, false) == longBefore);
    CHECK(joined(big, true) == longAfter);
}

TEST_CASE("two team leads edit one article on two connections: the conflict is caught, nothing is lost",
          "[editorial][conflict]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kb.db"));
    QString error;
    {
        auto setup = openSeeded(path);
        signInFirstLead(*setup);
        REQUIRE(setup->createUser(QStringLiteral("tom"), {}, kb::Role::Lead, kPassword, &error));
        REQUIRE(setup->setFourEyes(false, &error));
    }
    auto lenaDesk = openStore(path, &error);
    auto tomDesk = openStore(path, &error);
    REQUIRE(lenaDesk);
    REQUIRE(tomDesk);
    const kb::User lena = signIn(*lenaDesk, QStringLiteral("lena"));
    const kb::User tom = signIn(*tomDesk, QStringLiteral("tom"));

    // Both open version 1 and type.
    kb::Article lenasEdit = *lenaDesk->article(QStringLiteral("perso"));
    kb::Article tomsEdit = *tomDesk->article(QStringLiteral("perso"));
    REQUIRE(lenasEdit.version == 1);
    lenasEdit.feesHtml = QStringLiteral("46,00 Euro");
    tomsEdit.processingTime = QStringLiteral("3 bis 4 Wochen");
    REQUIRE(lenaDesk->saveDraft(lenasEdit, 1, &error).ok());
    REQUIRE(tomDesk->saveDraft(tomsEdit, 1, &error).ok());

    // Lena publishes first.
    REQUIRE(lenaDesk->approveDraft(QStringLiteral("perso"), lena.id, {}, &error).publishedVersion == 2);

    // Tom's next save detects it: both versions come back, and his text is stored all the same.
    tomsEdit.processingTime = QStringLiteral("3 bis 5 Wochen");
    const kb::EditResult conflict = tomDesk->saveDraft(tomsEdit, 1, &error);
    REQUIRE(conflict.isConflict());
    CHECK(error.contains(QStringLiteral("version 2")));
    CHECK(conflict.baseVersion == 1);
    CHECK(conflict.theirs.version == 2);
    CHECK(conflict.theirs.feesHtml == QStringLiteral("46,00 Euro"));
    CHECK(conflict.yours.processingTime == QStringLiteral("3 bis 5 Wochen"));
    CHECK(conflict.yours.feesHtml == QStringLiteral("37,00 Euro"));
    const auto kept = lenaDesk->draft(QStringLiteral("perso"), tom.id);
    REQUIRE(kept);
    CHECK(kept->content.processingTime == QStringLiteral("3 bis 5 Wochen"));
    CHECK(kept->baseVersion == 1);

    // Typing on: still a conflict, still kept, but the trail records the conflict once.
    tomsEdit.processingTime = QStringLiteral("3 bis 5 Wochen");
    REQUIRE(tomDesk->saveDraft(tomsEdit, 1, &error).isConflict());
    int conflictEntries = 0;
    for (const kb::AuditEntry &e : lenaDesk->auditLog(QStringLiteral("perso"))) {
        conflictEntries += e.action == QStringLiteral("draft.conflict") ? 1 : 0;
    }
    CHECK(conflictEntries == 1);

    // Publishing the stale draft is refused and changes nothing.
    const qint64 revision = lenaDesk->revision();
    const kb::EditResult stale = tomDesk->approveDraft(QStringLiteral("perso"), tom.id, {}, &error);
    CHECK(stale.isConflict());
    CHECK(stale.theirs.version == 2);
    CHECK(stale.yours.processingTime == QStringLiteral("3 bis 5 Wochen"));
    CHECK_FALSE(tomDesk->submitDraft(QStringLiteral("perso"), &error));
    CHECK(lenaDesk->article(QStringLiteral("perso"))->version == 2);
    CHECK(lenaDesk->article(QStringLiteral("perso"))->processingTime.isEmpty());
    CHECK(lenaDesk->revision() == revision);

    // Tom merges (theirs + his) and saves against version 2: publishes version 3 with both changes.
    kb::Article merged = conflict.theirs;
    merged.processingTime = conflict.yours.processingTime;
    REQUIRE(tomDesk->saveDraft(merged, conflict.theirs.version, &error).ok());
    REQUIRE(tomDesk->approveDraft(QStringLiteral("perso"), tom.id, QStringLiteral("zusammengeführt"), &error)
                .publishedVersion == 3);
    const kb::Article final = *lenaDesk->article(QStringLiteral("perso"));
    CHECK(final.feesHtml == QStringLiteral("46,00 Euro"));
    CHECK(final.processingTime == QStringLiteral("3 bis 5 Wochen"));
    const QList<kb::ArticleVersion> history = lenaDesk->history(QStringLiteral("perso"));
    REQUIRE(history.size() == 3);
    CHECK(history.at(1).content.feesHtml == QStringLiteral("46,00 Euro"));
    bool conflictAudited = false;
    for (const kb::AuditEntry &e : lenaDesk->auditLog(QStringLiteral("perso"))) {
        conflictAudited =
            conflictAudited || (e.action == QStringLiteral("draft.conflict") && e.actor == QStringLiteral("tom"));
    }
    CHECK(conflictAudited);
}

TEST_CASE("two desks publishing the same article at the same moment: one wins, the other gets a conflict",
          "[editorial][conflict]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kb.db"));
    QString error;
    kb::User lena;
    kb::User tom;
    {
        auto setup = openSeeded(path);
        lena = signInFirstLead(*setup);
        tom = *setup->createUser(QStringLiteral("tom"), {}, kb::Role::Lead, kPassword, &error);
        REQUIRE(setup->setFourEyes(false, &error));
    }
    constexpr int kRounds = 5;
    for (int round = 0; round < kRounds; ++round) {
        // Both leads hold a draft based on the current version; then both publish at once, each on
        // its own thread with its own connection.
        kb::EditResult results[2];
        QString errors[2];
        std::latch ready(2);
        auto desk = [&](int index, const kb::User &user) {
            QString message;
            auto store = openStore(path, &message);
            if (!store) {
                errors[index] = message;
                ready.count_down();
                return;
            }
            store->setActor(kb::Actor::signedIn(user));
            kb::Article edit = *store->article(QStringLiteral("perso"));
            const int base = edit.version;
            edit.summary = QStringLiteral("Runde %1 von %2").arg(round).arg(user.name);
            if (!store->saveDraft(edit, base, &message).ok()) {
                errors[index] = message;
            }
            ready.arrive_and_wait();
            results[index] = store->approveDraft(QStringLiteral("perso"), user.id, {}, &message);
            if (!results[index].ok() && !results[index].isConflict()) {
                errors[index] = message;
            }
            store.reset();
        };
        std::thread first(desk, 0, lena);
        std::thread second(desk, 1, tom);
        first.join();
        second.join();
        INFO(errors[0].toStdString() << " / " << errors[1].toStdString());
        REQUIRE(errors[0].isEmpty());
        REQUIRE(errors[1].isEmpty());
        const int winners = (results[0].ok() ? 1 : 0) + (results[1].ok() ? 1 : 0);
        CHECK(winners == 1);
        const kb::EditResult &lost = results[0].ok() ? results[1] : results[0];
        const kb::EditResult &won = results[0].ok() ? results[0] : results[1];
        CHECK(lost.isConflict());
        CHECK(lost.theirs.version == won.publishedVersion);
        CHECK(lost.yours.summary.startsWith(QStringLiteral("Runde %1").arg(round)));
        // The loser's draft is still there; they discard it for the next round.
        auto cleanup = openStore(path, &error);
        REQUIRE(cleanup);
        const kb::User &loser = results[0].ok() ? tom : lena;
        REQUIRE(cleanup->draft(QStringLiteral("perso"), loser.id));
        cleanup->setActor(kb::Actor::signedIn(loser));
        REQUIRE(cleanup->discardDraft(QStringLiteral("perso"), &error));
    }
    auto check = openStore(path, &error);
    REQUIRE(check);
    CHECK(check->article(QStringLiteral("perso"))->version == 1 + kRounds);
    CHECK(check->history(QStringLiteral("perso")).size() == 1 + kRounds);
}

TEST_CASE("a team lead's writes succeed while agents log searches on other connections", "[editorial][conflict]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kb.db"));
    QString error;
    kb::User lena;
    {
        auto setup = openSeeded(path);
        lena = signInFirstLead(*setup);
    }
    constexpr int kSearches = 300;
    constexpr int kEdits = 30;
    std::atomic<int> logged{0};
    std::atomic<int> edited{0};
    QString agentError;
    QString leadError;
    std::latch start(2);
    std::thread agents([&] {
        QString message;
        auto store = openStore(path, &message);
        start.arrive_and_wait();
        for (int i = 0; store && i < kSearches; ++i) {
            const qint64 id = store->logSearch(QStringLiteral("suche %1").arg(i % 17), i % 3, &message);
            if (id > 0 && (i % 5 != 0 || store->logOpened(id, QStringLiteral("perso"), &message))) {
                ++logged;
            } else {
                agentError = message;
            }
        }
    });
    std::thread lead([&] {
        QString message;
        auto store = openStore(path, &message);
        start.arrive_and_wait();
        if (!store) {
            leadError = message;
            return;
        }
        store->setActor(kb::Actor::signedIn(lena));
        for (int i = 0; i < kEdits; ++i) {
            if (store->setSynonym({QStringLiteral("Begriff%1").arg(i), {QStringLiteral("Personalausweis")}},
                                  &message)) {
                ++edited;
            } else {
                leadError = message;
            }
        }
    });
    agents.join();
    lead.join();
    INFO(agentError.toStdString() << " / " << leadError.toStdString());
    CHECK(logged == kSearches);
    CHECK(edited == kEdits);
    auto check = openStore(path, &error);
    REQUIRE(check);
    CHECK(check->knowledgeGaps(QDateTime(), &error).searchesLogged == kSearches);
    CHECK(check->synonyms().size() == kEdits);
}

TEST_CASE("audit entries are written with the change and rolled back with it", "[editorial][audit]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kb.db"));
    auto store = openSeeded(path);
    QString error;
    const kb::User lena = signInFirstLead(*store);
    REQUIRE(store->setFourEyes(false, &error));

    int before = auditCount(*store);
    REQUIRE(store->setSynonym({QStringLiteral("Lappen"), {QStringLiteral("Führerschein")}}, &error));
    const QList<kb::AuditEntry> one = store->auditLog(QString(), 1);
    REQUIRE(one.size() == 1);
    CHECK(one.first().action == QStringLiteral("synonym.set"));
    CHECK(one.first().actor == QStringLiteral("lena"));
    CHECK(one.first().summary.contains(QStringLiteral("Lappen")));
    CHECK(one.first().at.isValid());
    CHECK(auditCount(*store) == before + 1);

    // A publish that fails half-way (a link to an office that does not exist) leaves neither the
    // article, nor the history, nor an audit entry behind; the draft is still there.
    kb::Article broken = *store->article(QStringLiteral("perso"));
    broken.offices = {kb::OfficeLink{QStringLiteral("no-such-office"), 10, true, QString()}};
    REQUIRE(store->saveDraft(broken, 1, &error).ok());
    before = auditCount(*store);
    const qint64 revision = store->revision();
    const kb::EditResult failed = store->approveDraft(QStringLiteral("perso"), lena.id, {}, &error);
    CHECK(failed.status == kb::EditResult::Status::Failed);
    CHECK(error.contains(QStringLiteral("no-such-office")));
    CHECK(auditCount(*store) == before);
    CHECK(store->revision() == revision);
    CHECK(store->article(QStringLiteral("perso"))->version == 1);
    CHECK(store->history(QStringLiteral("perso")).size() == 1);
    CHECK(store->draft(QStringLiteral("perso"), lena.id));

    // An import that fails half-way: no audit entries either.
    kb::Catalogue bad;
    bad.articles = {makeArticle(QStringLiteral("neu"), QStringLiteral("Neu")),
                    makeArticle(QStringLiteral("x"), QString())};
    CHECK_FALSE(store->upsert(bad, nullptr, &error));
    CHECK(auditCount(*store) == before);
    CHECK_FALSE(store->article(QStringLiteral("neu")));

    // A successful import is audited per article with the version it produced.
    kb::Catalogue good;
    good.articles = {makeArticle(QStringLiteral("neu"), QStringLiteral("Neu"))};
    REQUIRE(store->upsert(good, nullptr, &error));
    const QList<kb::AuditEntry> imported = store->auditLog(QStringLiteral("neu"));
    REQUIRE(imported.size() == 1);
    CHECK(imported.first().action == QStringLiteral("article.import"));
    CHECK(imported.first().version == 1);
    CHECK(store->history(QStringLiteral("neu")).size() == 1);
}

TEST_CASE("knowledge gaps from a recorded search log, with agents' flags, retention purge", "[editorial][gaps]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kb.db"));
    auto store = openSeeded(path);
    QString error;
    REQUIRE(store->createUser(QStringLiteral("lena"), {}, kb::Role::Lead, kPassword, &error));
    CHECK_FALSE(store->createUser(QStringLiteral("lena2"), {}, kb::Role::Lead, kPassword, &error));
    signIn(*store, QStringLiteral("lena"));
    REQUIRE(store->createUser(QStringLiteral("anna"), {}, kb::Role::Agent, kPassword, &error));
    signIn(*store, QStringLiteral("anna"));

    QDateTime clock = QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);
    store->setClock([&clock] { return clock; });

    // A week of a hotline's searches: {day offset, query as typed, result count, opened article}.
    struct Entry
    {
        int day;
        const char *query;
        int results;
        const char *opened;
    };
    const Entry log[] = {
        {0, "Perso verloren", 0, nullptr},   {0, "ummelden", 4, "ummelden"}, {0, "Hundesteuer", 3, nullptr},
        {1, "perso  VERLOREN", 0, nullptr},  {1, "Kita Platz", 0, nullptr},  {1, "ummelden", 4, "ummelden"},
        {2, " Perso verloren ", 0, nullptr}, {2, "hundesteuer", 3, nullptr}, {2, "Wohngeld", 2, nullptr},
        {3, "Wohngeld", 2, "wohngeld"},      {3, "Sperrmüll", 1, nullptr},   {4, "Perso Verloren", 2, nullptr},
        {4, "Ummelden", 4, nullptr},         {5, "sperrmüll", 1, nullptr},   {5, "Hundesteuer", 3, nullptr},
        {6, "Kita-Gutschein", 0, nullptr},
    };
    const QDateTime start = clock;
    int minute = 0;
    for (const Entry &e : log) {
        clock = start.addDays(e.day).addSecs(60 * ++minute);
        const qint64 id = store->logSearch(QString::fromUtf8(e.query), e.results, &error);
        REQUIRE(id > 0);
        if (e.opened) {
            REQUIRE(store->logOpened(id, QString::fromUtf8(e.opened), &error));
        }
    }
    // Old entries outside the period.
    clock = start.addDays(-40);
    REQUIRE(store->logSearch(QStringLiteral("Kita Platz"), 0, &error) > 0);
    REQUIRE(store->logSearch(QStringLiteral("Altes Thema"), 0, &error) > 0);
    CHECK(store->logSearch(QStringLiteral("   "), 0, &error) == 0);
    CHECK_FALSE(store->logOpened(999999, QStringLiteral("x"), &error));

    clock = start.addDays(7);
    REQUIRE(store->flagArticle(QStringLiteral("perso"), QStringLiteral("Verlustanzeige fehlt"), &error) > 0);

    const kb::GapReport report = store->knowledgeGaps(start, &error);
    INFO(error.toStdString());
    CHECK(report.searchesLogged == 16);
    QStringList order;
    for (const kb::KnowledgeGap &g : report.gaps) {
        order << g.query;
    }
    // ummelden and wohngeld led to an opened article: not gaps. Ties: the most recent first.
    CHECK(order == QStringList{QStringLiteral("perso verloren"), QStringLiteral("hundesteuer"),
                               QStringLiteral("sperrmüll"), QStringLiteral("kita-gutschein"),
                               QStringLiteral("kita platz")});
    REQUIRE(report.gaps.size() == 5);
    const kb::KnowledgeGap &perso = report.gaps.at(0);
    CHECK(perso.searches == 4);
    CHECK(perso.withoutResults == 3);
    CHECK(perso.example == QStringLiteral("Perso Verloren"));
    CHECK(perso.lastSearched == start.addDays(4).addSecs(60 * 12));
    CHECK(report.gaps.at(1).searches == 3);
    CHECK(report.gaps.at(1).withoutResults == 0);
    CHECK(report.gaps.at(4).searches == 1); // the old "Kita Platz" is outside the period
    REQUIRE(report.openFlags.size() == 1);
    CHECK(report.openFlags.first().comment == QStringLiteral("Verlustanzeige fehlt"));
    CHECK(report.openFlags.first().raisedBy == QStringLiteral("anna"));
    CHECK(report.openFlags.first().articleTitle == QStringLiteral("Personalausweis beantragen"));

    // The whole log (since the beginning) counts the old searches too.
    CHECK(store->knowledgeGaps(QDateTime(), &error).searchesLogged == 18);

    // Retention: 30 days keeps this week, drops the two old ones.
    CHECK(store->purgeSearchLog(0, &error) == -1);
    CHECK(store->purgeSearchLog(30, &error) == 2);
    CHECK(store->knowledgeGaps(QDateTime(), &error).searchesLogged == 16);
    CHECK(store->purgeSearchLog(30, &error) == 0);
}

TEST_CASE("the gaps report counts the words the catalogue did not know, most searched first", "[editorial][gaps]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kb.db"));
    auto store = openSeeded(path);
    QString error;
    QDateTime clock = QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);
    store->setClock([&clock] { return clock; });
    const QDateTime start = clock;
    // {minutes after start, query, unmatched words}
    struct Entry
    {
        int minute;
        const char *query;
        QStringList unmatched;
    };
    const QList<Entry> log = {
        {1, "foodtruck", {QStringLiteral("foodtruck")}},
        {2, "Foodtruck anmelden", {QStringLiteral("Foodtruck")}},
        {3, "Perso verloren", {}},
        {4, "Xyzq Foodtruck xyzq", {QStringLiteral("Xyzq"), QStringLiteral("Foodtruck"), QStringLiteral("xyzq")}},
        {5, "Lastenrad", {QStringLiteral("Lastenrad")}},
        {6, "Xyzq", {QStringLiteral("Xyzq")}},
    };
    for (const Entry &e : log) {
        clock = start.addSecs(60 * e.minute);
        REQUIRE(store->logSearch(QString::fromUtf8(e.query), 0, e.unmatched, &error) > 0);
    }
    // Outside the period, and a search logged the old way (no words): neither counts.
    clock = start.addDays(-40);
    REQUIRE(store->logSearch(QStringLiteral("foodtruck"), 0, {QStringLiteral("foodtruck")}, &error) > 0);
    clock = start.addSecs(60 * 7);
    REQUIRE(store->logSearch(QStringLiteral("Lastenrad kaufen"), 0, &error) > 0);

    const kb::GapReport report = store->knowledgeGaps(start, &error);
    INFO(error.toStdString());
    CHECK(error.isEmpty());
    CHECK(report.searchesLogged == 7);
    QStringList shown;
    for (const kb::UnknownWord &w : report.unknownWords) {
        shown << QStringLiteral("%1 %2").arg(w.word).arg(w.searches);
    }
    // Case-insensitive per word, once per search, as typed in its latest search; ties: the most recent first.
    CHECK(shown == QStringList{QStringLiteral("Foodtruck 3"), QStringLiteral("Xyzq 2"), QStringLiteral("Lastenrad 1")});
    REQUIRE(report.unknownWords.size() == 3);
    CHECK(report.unknownWords.at(0).lastSearched == start.addSecs(60 * 4));
    CHECK(report.unknownWords.at(1).lastSearched == start.addSecs(60 * 6));
    // The whole log counts the old search too.
    const kb::GapReport all = store->knowledgeGaps(QDateTime(), &error);
    REQUIRE_FALSE(all.unknownWords.isEmpty());
    CHECK(all.unknownWords.first().word == QStringLiteral("Foodtruck"));
    CHECK(all.unknownWords.first().searches == 4);
    // Retention removes the words with their searches.
    CHECK(store->purgeSearchLog(30, &error) == 1);
    CHECK(store->knowledgeGaps(QDateTime(), &error).unknownWords.first().searches == 3);
}

TEST_CASE("review dates and validity changes are listed, most urgent first", "[editorial][review]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kb.db"));
    QString error;
    auto store = openStore(path, &error);
    REQUIRE(store);
    const QDate today(2026, 6, 15);
    kb::Catalogue c;
    kb::Article overdue = makeArticle(QStringLiteral("overdue"), QStringLiteral("Überfällig"));
    overdue.reviewBy = QDate(2026, 5, 1);
    kb::Article dueToday = makeArticle(QStringLiteral("today"), QStringLiteral("Heute fällig"));
    dueToday.reviewBy = today;
    kb::Article newFees = makeArticle(QStringLiteral("fees"), QStringLiteral("Neue Gebühren ab Juli"));
    newFees.validFrom = QDate(2026, 7, 1);
    newFees.reviewBy = QDate(2027, 1, 1);
    kb::Article ending = makeArticle(QStringLiteral("ending"), QStringLiteral("Läuft aus"));
    ending.validTo = QDate(2026, 6, 30);
    kb::Article fine = makeArticle(QStringLiteral("fine"), QStringLiteral("Alles gut"));
    fine.reviewBy = QDate(2026, 12, 31);
    fine.validFrom = QDate(2020, 1, 1);
    fine.validTo = QDate(2030, 1, 1);
    kb::Article flagged = makeArticle(QStringLiteral("flagged"), QStringLiteral("Gemeldet"));
    c.articles = {overdue, dueToday, newFees, ending, fine, flagged};
    REQUIRE(store->upsert(c, nullptr, &error));
    REQUIRE(store->flagArticle(QStringLiteral("flagged"), QStringLiteral("Adresse falsch"), &error) > 0);

    const QList<kb::ReviewItem> due = store->reviewDue(today, 30, &error);
    QStringList ids;
    for (const kb::ReviewItem &i : due) {
        ids << i.articleId;
    }
    CHECK(ids == QStringList{QStringLiteral("overdue"), QStringLiteral("today"), QStringLiteral("ending"),
                             QStringLiteral("fees"), QStringLiteral("flagged")});
    REQUIRE(due.size() == 5);
    CHECK(due.at(0).status.needsReview);
    CHECK_FALSE(due.at(0).status.validityChange);
    CHECK(due.at(2).status.validityChange);
    CHECK(due.at(3).status.notYetValid);
    CHECK(due.at(3).status.validityChange);
    CHECK(due.at(4).status.openFlags == 1);
    // With a shorter horizon the article ending in 15 days is not "coming" yet.
    CHECK(store->reviewDue(today, 7, &error).size() == 4);

    // The marker agents see is the same pure function.
    CHECK_FALSE(kb::articleStatus(fine, today).any());
    CHECK(kb::articleStatus(ending, QDate(2026, 7, 2)).expired);
}

#ifndef HOTLINE_EDITORIAL_ON_PG // SQLite file specifics (raw access to the file)
TEST_CASE("a schema-2 database with real data upgrades, keeping everything and starting the history",
          "[editorial][migrations]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v2.db"));
    kb::Catalogue munich;
    QList<kb::Synonym> synonyms;
    QString error;
    REQUIRE(kb::loadDefaultCatalogue(&munich, &synonyms, &error));
    REQUIRE(munich.articles.size() > 100);
    const QList<kb::Article> sample = munich.articles.mid(0, 25);
    {
        RawDb raw(path);
        REQUIRE(kb::applySqliteMigrations(raw.db, 2, &error));
        QSqlQuery q(raw.db);
        REQUIRE(
            q.prepare(QStringLiteral("INSERT INTO articles (id, title, summary, description_html, fees_html, "
                                     "category, review_by, updated_at, version, source) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                     "'2025-05-01T10:00:00.000Z', ?, ?)")));
        int version = 1;
        auto notNull = [](const QString &s) { return s.isNull() ? QStringLiteral("") : s; };
        for (const kb::Article &a : sample) {
            q.addBindValue(a.id);
            q.addBindValue(a.title);
            q.addBindValue(notNull(a.summary));
            q.addBindValue(notNull(a.descriptionHtml));
            q.addBindValue(notNull(a.feesHtml));
            q.addBindValue(notNull(a.category));
            q.addBindValue(QStringLiteral("2025-12-31"));
            q.addBindValue(version++ % 4 + 1); // versions 1–4, as years of imports leave them
            q.addBindValue(notNull(a.source));
            const bool ok = q.exec();
            INFO(q.lastError().text().toStdString());
            REQUIRE(ok);
        }
        REQUIRE(q.prepare(QStringLiteral("INSERT INTO synonyms (term, expansions) VALUES (?, ?)")));
        q.addBindValue(QStringLiteral("Perso"));
        q.addBindValue(QStringLiteral("[\"Personalausweis\"]"));
        REQUIRE(q.exec());
        REQUIRE(
            raw.db.exec(QStringLiteral("UPDATE meta SET int_value = 7 WHERE key = 'revision'")).lastError().type() ==
            QSqlError::NoError);
    }

    auto store = openStore(path, &error);
    INFO(error.toStdString());
    REQUIRE(store);
    CHECK(store->stats().schemaVersion == kb::sqliteSchemaVersion());
    CHECK(QFile::exists(path + QStringLiteral(".bak-v2")));
    const QList<kb::Article> articles = store->articles();
    REQUIRE(articles.size() == sample.size());
    for (const kb::Article &a : sample) {
        const auto stored = store->article(a.id);
        REQUIRE(stored);
        CHECK(stored->title == a.title);
        CHECK(stored->descriptionHtml == a.descriptionHtml);
        CHECK(stored->reviewBy == QDate(2025, 12, 31));
        // The history starts with the version the database had.
        const QList<kb::ArticleVersion> history = store->history(a.id);
        REQUIRE(history.size() == 1);
        CHECK(history.first().version == stored->version);
        CHECK(history.first().content == *stored);
    }
    CHECK(store->synonyms().size() == 1);
    CHECK(store->revision() == 7);
    CHECK_FALSE(store->hasUsers());
    CHECK(store->fourEyes());
    // No users yet: the desk works as before (imports, synonyms) until the first team lead exists.
    REQUIRE(store->setSynonym({QStringLiteral("Lappen"), {QStringLiteral("Führerschein")}}, &error));
    CHECK(store->reviewDue(QDate(2026, 1, 1), 30, &error).size() == sample.size());

    // Opening again does not seed twice.
    store.reset();
    auto again = openStore(path, &error);
    REQUIRE(again);
    CHECK(again->history(sample.first().id).size() == 1);
}

namespace {

// TEST DOUBLE: a catalogue-only backend (like a desk's in-memory test store) that implements none of
// the editorial operations, to check the base class's defaults.
class CatalogueOnlyStore final : public kb::Store
{
public:
    QString backendName() const override
    {
        return QStringLiteral("catalogue-only");
    }
    bool upsert(const kb::Catalogue &, kb::UpsertReport *, QString *, const kb::UpsertOptions &) override
    {
        return true;
    }
    bool removeArticle(const QString &, QString *) override
    {
        return true;
    }
    std::optional<kb::Article> article(const QString &) const override
    {
        return std::nullopt;
    }
    QList<kb::Article> articles(QString * = nullptr) const override
    {
        return {};
    }
    std::optional<kb::Office> office(const QString &) const override
    {
        return std::nullopt;
    }
    QList<kb::Office> offices(QString * = nullptr) const override
    {
        return {};
    }
    QList<kb::Synonym> synonyms(QString * = nullptr) const override
    {
        return {};
    }
    bool setSynonym(const kb::Synonym &, QString *) override
    {
        return true;
    }
    bool removeSynonym(const QString &, QString *) override
    {
        return true;
    }
    qint64 revision() const override
    {
        return 0;
    }
    kb::StoreStats stats() const override
    {
        return {};
    }
};

} // namespace
#endif

#ifndef HOTLINE_EDITORIAL_ON_PG // SQLite file specifics (raw access to the file)
TEST_CASE("a backend without editorial support says so instead of pretending", "[editorial][store]")
{
    CatalogueOnlyStore store;
    QString error;
    CHECK_FALSE(store.createUser(QStringLiteral("lena"), {}, kb::Role::Lead, kPassword, &error));
    CHECK(error == QStringLiteral("the catalogue-only store does not support users"));
    CHECK(store.saveDraft(makeArticle(QStringLiteral("a"), QStringLiteral("A")), 0, &error).status ==
          kb::EditResult::Status::Failed);
    CHECK(error.contains(QStringLiteral("drafts")));
    CHECK(store.logSearch(QStringLiteral("perso"), 1, &error) == 0);
    CHECK(error.contains(QStringLiteral("search log")));
    CHECK(store.purgeSearchLog(30, &error) == -1);
    CHECK(store.fourEyes());
}
#endif
