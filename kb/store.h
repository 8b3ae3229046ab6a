#pragma once

#include "article.h"
#include "editorial.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace kb {

struct StoreStats
{
    int articles = 0;
    int offices = 0;
    int officeLinks = 0;
    int synonyms = 0;
    int questions = 0; // example questions over all articles
    int schemaVersion = 0;
    qint64 revision = 0;
    qint64 fileBytes = 0; // 0 where the backend has no file
};

struct UpsertReport
{
    int articlesInserted = 0;
    int articlesUpdated = 0;
    int articlesUnchanged = 0;
    int officesInserted = 0;
    int officesUpdated = 0;
};

// How upsert() treats what an incoming article leaves out.
struct UpsertOptions
{
    // An article that brings no example questions (Article::questions) keeps the ones stored, read in
    // the same transaction: an import (importCatalogue()), since a city's DLDB feed never has any and the
    // team wrote them. Off by default: a replica mirrors the server exactly, cleared questions included.
    bool keepStoredQuestions = false;
};

// The one interface every catalogue backend implements: SQLite on one desk, PostgreSQL for many
// (a later issue). A Store is used from one thread; open one per thread. Every write is one
// transaction: it happens whole or not at all. Errors come back as false/empty plus a message.
class Store
{
public:
    virtual ~Store();

    virtual QString backendName() const = 0;

    // Articles and offices are matched by id: new ids are inserted, known ones updated (version
    // bumped only when something changed). All or nothing.
    virtual bool upsert(const Catalogue &catalogue, UpsertReport *report, QString *error,
                        const UpsertOptions &options = {}) = 0;
    virtual bool removeArticle(const QString &id, QString *error) = 0;

    virtual std::optional<Article> article(const QString &id) const = 0;
    virtual QList<Article> articles(QString *error = nullptr) const = 0;
    virtual std::optional<Office> office(const QString &id) const = 0;
    virtual QList<Office> offices(QString *error = nullptr) const = 0;

    virtual QList<Synonym> synonyms(QString *error = nullptr) const = 0;
    virtual bool setSynonym(const Synonym &synonym, QString *error) = 0; // replaces the term's row
    virtual bool removeSynonym(const QString &term, QString *error) = 0;

    // Grows with every committed change to articles, offices or synonyms: a cheap "has anything
    // changed since I built my search index" check.
    virtual qint64 revision() const = 0;
    virtual StoreStats stats() const = 0;

    // ---- Who acts (docs/editorial.md) -------------------------------------------------------
    // Not virtual: the same for every backend. Writes check the actor inside their transaction:
    // upsert, removeArticle, synonyms, drafts, review, users and settings need a team lead (or
    // Administrator); agents may only flag articles and log searches. Anonymous may write only
    // while the database has no users (a fresh desk, imports before the first login).
    void setActor(const Actor &actor);
    const Actor &actor() const;

    // The clock for every timestamp the store writes (audit, drafts, versions, flags, search log):
    // UTC now unless a test injects another.
    using Clock = std::function<QDateTime()>;
    void setClock(Clock clock);
    QDateTime now() const;

    // The editorial operations below are virtual with a default that fails with a clear
    // "not supported by this backend" error (false / nullopt / empty / 0 / -1 plus message), so a
    // backend or test double without editorial support still builds; SqliteStore implements them
    // all, and a shared backend must override every one (docs/editorial.md lists the rules).

    // ---- Users ------------------------------------------------------------------------------
    // First start: no users → the desk asks for the first team lead (createUser works for Anonymous
    // then, and only for a lead). Passwords are stored as Argon2id hashes only (kb/password.h).
    virtual bool hasUsers(QString *error = nullptr) const;
    virtual std::optional<User> createUser(const QString &name, const QString &displayName, Role role,
                                           const QString &password, QString *error);
    // Checks name and password (constant time; unknown names cost the same); nullopt with a
    // message that does not tell which of the two was wrong. Does not change the actor.
    virtual std::optional<User> authenticate(const QString &name, const QString &password, QString *error);
    virtual std::optional<User> user(const QString &name) const;
    virtual QList<User> users(QString *error = nullptr) const;
    // Lead only; refuses to demote or disable the last active team lead.
    virtual bool setRole(const QString &name, Role role, QString *error);
    virtual bool setUserActive(const QString &name, bool active, QString *error);
    // A lead for anyone; every user for themself.
    virtual bool setPassword(const QString &name, const QString &password, QString *error);

    // ---- Editorial workflow (team leads) ------------------------------------------------------
    // Saves the acting lead's draft of content.id, edited from published `baseVersion` (0: a new
    // article). Conflict when the published version is no longer baseVersion: yours is stored
    // anyway as the draft (nothing lost) and both versions come back.
    virtual EditResult saveDraft(const Article &content, int baseVersion, QString *error);
    // All drafts (of one article when articleId is not empty), newest save first.
    virtual QList<Draft> drafts(const QString &articleId = QString(), QString *error = nullptr) const;
    virtual std::optional<Draft> draft(const QString &articleId, qint64 authorId) const;
    virtual bool discardDraft(const QString &articleId, QString *error); // the actor's own
    virtual bool submitDraft(const QString &articleId, QString *error);  // the actor's own → in review
    // Publishes the draft of `authorId`: a new published version (history), revision bumped, draft
    // gone. With four-eyes on the draft must be in review and the approver another lead than its
    // author; with it off a lead may publish their own draft directly. Conflict when the published
    // version moved on since the draft's base.
    virtual EditResult approveDraft(const QString &articleId, qint64 authorId, const QString &changeNote,
                                    QString *error);
    // Sends a draft in review back to its author with a comment (required).
    virtual bool rejectDraft(const QString &articleId, qint64 authorId, const QString &comment, QString *error);
    virtual bool fourEyes() const; // default on
    virtual bool setFourEyes(bool on, QString *error);

    // ---- History ----------------------------------------------------------------------------
    virtual QList<ArticleVersion> history(const QString &articleId, QString *error = nullptr) const; // newest first
    virtual std::optional<ArticleVersion> articleVersion(const QString &articleId, int version) const;
    // An old version's content becomes the actor's draft (based on the current published version).
    virtual EditResult restoreVersion(const QString &articleId, int version, QString *error);

    // ---- Audit trail (written in the transaction of each change) --------------------------------
    // Newest first; of one article when articleId is not empty; at most `limit` entries.
    virtual QList<AuditEntry> auditLog(const QString &articleId = QString(), int limit = 500,
                                       QString *error = nullptr) const;

    // ---- Review dates -----------------------------------------------------------------------
    // Published articles whose review-by date is reached, or whose validity starts after today or
    // ends within horizonDays, or that have open flags; most urgent first.
    virtual QList<ReviewItem> reviewDue(const QDate &today, int horizonDays, QString *error = nullptr) const;

    // ---- Agents' flags ----------------------------------------------------------------------
    // Any signed-in user (agents too). Returns the flag id, 0 on failure.
    virtual qint64 flagArticle(const QString &articleId, const QString &comment, QString *error);
    virtual QList<ArticleFlag> flags(bool openOnly = true, QString *error = nullptr) const; // newest first
    virtual bool resolveFlag(qint64 flagId, const QString &resolution, QString *error);     // lead

    // ---- Search log (no caller data) and knowledge gaps -----------------------------------------
    // Anyone, even with nobody signed in. logSearch returns the entry id (0 on failure). `unmatchedWords`: the
    // query's words the catalogue did not know (SearchEngine::unmatchedWords), counted by the gaps report.
    qint64 logSearch(const QString &query, int resultCount, QString *error = nullptr);
    virtual qint64 logSearch(const QString &query, int resultCount, const QStringList &unmatchedWords,
                             QString *error = nullptr);
    virtual bool logOpened(qint64 searchId, const QString &articleId, QString *error = nullptr);
    virtual GapReport knowledgeGaps(const QDateTime &since, QString *error = nullptr) const;
    // Retention: deletes log entries older than `days` days (>= 1); returns how many, -1 on failure.
    virtual int purgeSearchLog(int days, QString *error = nullptr);

protected:
    Actor m_actor;
    Clock m_clock;
};

// Opens (creating if needed) the SQLite database at `path`, migrating it to the current schema.
// Refuses a database whose schema is newer than this build.
std::unique_ptr<Store> openSqliteStore(const QString &path, QString *error);

} // namespace kb
