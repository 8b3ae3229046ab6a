#pragma once

// Internal to kb: the catalogue reads and the editorial workflow over SQL (users, drafts and review,
// history, audit trail, flags, search log), written once for both backends. SqliteStore and PgStore derive from
// SqlEditorialStore and supply the few things that differ through its hooks: how a write
// transaction starts (BEGIN IMMEDIATE; a PostgreSQL transaction that joins a queue delivery's),
// how a published article is written (PostgreSQL stamps the revision and clears a tombstone), how
// the revision counter moves, and the publish lock. The schema is the same on both (migration 3 of
// each chain).

#include "store.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

namespace kb {

class SqlEditorialStore : public Store
{
public:
    // A write transaction of the backend: rolled back on destruction unless committed.
    class WriteTransaction
    {
    public:
        virtual ~WriteTransaction();
        virtual bool isActive() const = 0;
        virtual QString beginError() const = 0;
        virtual bool commit(QString *error) = 0;
    };

    // The revision counter both schemas keep in meta (what desks compare to see a changed catalogue).
    qint64 revision() const override;

    // The published catalogue: the same tables and columns on both backends.
    std::optional<Article> article(const QString &id) const override;
    QList<Article> articles(QString *error = nullptr) const override;
    std::optional<Office> office(const QString &id) const override;
    QList<Office> offices(QString *error = nullptr) const override;
    QList<Synonym> synonyms(QString *error = nullptr) const override;

    bool hasUsers(QString *error = nullptr) const override;
    std::optional<User> createUser(const QString &name, const QString &displayName, Role role, const QString &password,
                                   QString *error) override;
    std::optional<User> authenticate(const QString &name, const QString &password, QString *error) override;
    std::optional<User> user(const QString &name) const override;
    QList<User> users(QString *error = nullptr) const override;
    bool setRole(const QString &name, Role role, QString *error) override;
    bool setUserActive(const QString &name, bool active, QString *error) override;
    bool setPassword(const QString &name, const QString &password, QString *error) override;

    EditResult saveDraft(const Article &content, int baseVersion, QString *error) override;
    QList<Draft> drafts(const QString &articleId = QString(), QString *error = nullptr) const override;
    std::optional<Draft> draft(const QString &articleId, qint64 authorId) const override;
    bool discardDraft(const QString &articleId, QString *error) override;
    bool submitDraft(const QString &articleId, QString *error) override;
    EditResult approveDraft(const QString &articleId, qint64 authorId, const QString &changeNote,
                            QString *error) override;
    bool rejectDraft(const QString &articleId, qint64 authorId, const QString &comment, QString *error) override;
    bool fourEyes() const override;
    bool setFourEyes(bool on, QString *error) override;

    QList<ArticleVersion> history(const QString &articleId, QString *error = nullptr) const override;
    std::optional<ArticleVersion> articleVersion(const QString &articleId, int version) const override;
    EditResult restoreVersion(const QString &articleId, int version, QString *error) override;

    QList<AuditEntry> auditLog(const QString &articleId = QString(), int limit = 500,
                               QString *error = nullptr) const override;
    QList<ReviewItem> reviewDue(const QDate &today, int horizonDays, QString *error = nullptr) const override;

    qint64 flagArticle(const QString &articleId, const QString &comment, QString *error) override;
    QList<ArticleFlag> flags(bool openOnly = true, QString *error = nullptr) const override;
    bool resolveFlag(qint64 flagId, const QString &resolution, QString *error) override;

    using Store::logSearch;
    qint64 logSearch(const QString &query, int resultCount, const QStringList &unmatchedWords,
                     QString *error = nullptr) override;
    bool logOpened(qint64 searchId, const QString &articleId, QString *error = nullptr) override;
    GapReport knowledgeGaps(const QDateTime &since, QString *error = nullptr) const override;
    int purgeSearchLog(int days, QString *error = nullptr) override;

    // The writes of a desk's queue (writekind::SearchLog, OpenedArticle, Flag: docs/shared-store.md), with the
    // times the desk recorded them. A queued search carries the desk's UUID (`clientId`), by which the opened
    // article finds its entry later; an entry purged meanwhile is no error.
    bool logQueuedSearch(const QString &clientId, const QDateTime &searchedAt, const QString &query, int resultCount,
                         const QStringList &unmatchedWords, QString *error);
    bool logQueuedOpened(const QString &clientId, const QString &articleId, const QDateTime &openedAt, QString *error);
    qint64 flagArticleAt(const QString &articleId, const QString &comment, const QDateTime &raisedAt, QString *error);

protected:
    // ---- Hooks ----
    virtual QSqlDatabase db() const = 0;
    virtual QString location() const = 0; // where the store is, for messages
    virtual std::unique_ptr<WriteTransaction> beginWrite(QSqlDatabase &db) = 0;
    // One article into the published catalogue (insert or replace, offices relinked, the previous
    // version copied to the history first). The caller holds the transaction and has set version
    // and updatedAt.
    virtual bool writeArticle(QSqlDatabase &db, const Article &article, const QString &author,
                              const QString &changeNote, QString *error) = 0;
    // One more revision for what desks search; the caller holds the transaction.
    virtual bool bumpRevision(QSqlDatabase &db, QString *error) = 0;
    // Taken right before a publish checks the published version (default: nothing, the write
    // transaction already excludes other writers).
    virtual bool lockForPublish(QSqlDatabase &db, QString *error);

    // ---- Shared helpers (backends use them in their catalogue writes too) ----
    enum class Need {
        Lead,     // team lead or administrator
        SignedIn, // any active user (agents too) or administrator
    };
    // Inside a write transaction: is the actor (as stored now) allowed to `what`?
    bool authorize(QSqlDatabase &db, Need need, const QString &what, QString *error) const;
    // beginWrite(), or null with the reason in *error if the transaction did not start; with a `need`,
    // also null unless the actor may `what` (authorize()). A null transaction has rolled back.
    std::unique_ptr<WriteTransaction> startWrite(QSqlDatabase &db, QString *error);
    std::unique_ptr<WriteTransaction> startWrite(QSqlDatabase &db, Need need, const QString &what, QString *error);
    bool audit(QSqlDatabase &db, const QString &action, const QString &articleId, int version, const QString &summary,
               QString *error) const;
    QString nowText() const;
    // The catalogue's row counts and revision; the backend adds schema version and size.
    StoreStats catalogueStats() const;
    // Articles (with their office links) and offices, all or those `where` selects: a condition on the
    // articles (alias a) or offices row with one value, :v, bound to `bound` (e.g. " WHERE a.id = :v").
    QList<Article> loadArticles(const QString &where, const QVariant &bound, QString *error) const;
    QList<Office> loadOffices(const QString &where, const QVariant &bound, QString *error) const;
    int publishedVersion(QSqlDatabase &db, const QString &articleId, bool *ok) const;

private:
    EditResult saveDraftLocked(QSqlDatabase &db, Article content, int baseVersion, const QString &auditAction,
                               const QString &auditSummary, QString *error);
    QList<Draft> loadDrafts(const QString &articleId, qint64 authorId, QString *error) const;
    QList<User> loadUsers(const QString &nameKey, QString *error) const;
    int activeLeads(QSqlDatabase &db, bool *ok) const;
};

// Copies the published row of one article (and its office links) into the history, just before it
// is overwritten or removed: INSERT … SELECT, so the text never passes through the program. The two
// statements are prepared once per write and reused for every article of an import.
class HistoryCopier
{
public:
    explicit HistoryCopier(QSqlDatabase &db);
    bool copy(const QString &articleId, QString *error);

private:
    QSqlQuery m_row;
    QSqlQuery m_offices;
};

// What every catalogue write checks before it writes anything: ids, office names and article titles
// present, no id twice in one write.
bool checkCatalogue(const Catalogue &catalogue, QString *error);

// The office links of one article written anew (the old ones removed first), in the article's order.
// The caller holds the transaction; every office must be in the catalogue.
bool writeOfficeLinks(QSqlDatabase &db, const Article &article, QString *error);

} // namespace kb
