#pragma once

// Value types of the editorial side of the knowledge base: users and roles, drafts and the
// review workflow, published history, audit trail, agents' flags, the search log and its gap
// report, review dates. The operations live on kb::Store (store.h); docs/editorial.md explains
// the workflow and the rules.

#include "article.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace kb {

enum class Role {
    Agent, // reads, searches, flags an article as wrong or outdated
    Lead,  // team lead: edits, reviews, publishes, manages users and synonyms
};

QString roleName(Role role);                     // "agent" / "lead" (stored and CLI form)
bool parseRole(const QString &name, Role *role); // "agent", "lead" (also "team-lead", "teamlead")

struct User
{
    qint64 id = 0;
    QString name; // login name, unique, case-insensitive
    QString displayName;
    Role role = Role::Agent;
    bool active = true;  // a disabled user cannot sign in and cannot write
    QDateTime createdAt; // UTC
};

// Whom a store acts for. Every write checks it inside its own transaction against the user's
// current row (role and active flag as stored, not as remembered), so a demotion or a disabled
// account takes effect at once, also on other desks.
struct Actor
{
    enum class Kind {
        Anonymous,     // nobody signed in: may write only while the database has no users at all
        SignedIn,      // a user (authenticate() first)
        Administrator, // local maintenance with access to the database file (hotline-kb --admin, imports)
    };
    Kind kind = Kind::Anonymous;
    User user; // for SignedIn

    static Actor administrator();
    static Actor signedIn(const User &user);
    QString auditName() const; // who the audit trail names: user name, "admin" or "-"
};

// --- Drafts and the review workflow ---------------------------------------------------------

enum class DraftState {
    Editing,  // being written (also after a rejection: see reviewComment)
    InReview, // submitted, waiting for a team lead to approve or reject
};

QString draftStateName(DraftState state); // "editing" / "in-review"

// One team lead's working copy of one article (new or existing). Each lead has at most one draft
// per article, so saving as you type never collides with a colleague; collisions are caught
// against the published version (baseVersion), see DraftSaveResult.
struct Draft
{
    QString articleId;
    qint64 authorId = 0;
    QString authorName;
    int baseVersion = 0; // published version it was edited from; 0: a new article
    Article content;     // content.version is meaningless in a draft
    DraftState state = DraftState::Editing;
    QString reviewComment; // the reviewer's reason when it was sent back
    QString reviewerName;  // who sent it back
    QDateTime createdAt;   // UTC
    QDateTime savedAt;     // UTC, last save
    QDateTime submittedAt; // UTC, when it went to review (null while editing)
    int savedCount = 0;    // grows with every save
};

// The answer to saveDraft / restoreVersion / approveDraft.
struct EditResult
{
    enum class Status {
        Ok,
        Conflict, // the published article moved on since baseVersion (see below); nothing was lost
        Failed,   // refused or failed: see the error
    };
    Status status = Status::Failed;
    Draft draft;              // the stored draft (Ok, and Conflict for saves: yours is kept)
    int publishedVersion = 0; // approveDraft: the new published version
    // Conflict: what is published now (theirs, with its version) and what this save/publish carried
    // (yours, edited from baseVersion). A conflicting save still stores yours as the draft, still
    // based on the old version, so it cannot be submitted or published until the editor has looked
    // at both and saved again with the current version as base.
    Article theirs;
    Article yours;
    int baseVersion = 0;

    bool ok() const;
    bool isConflict() const;
};

// --- History -----------------------------------------------------------------------------

struct ArticleVersion
{
    QString articleId;
    int version = 0;
    QDateTime publishedAt; // UTC
    QString publishedBy;   // who approved and published ("admin", "import" for imports)
    QString authorName;    // who wrote the draft (empty for imports)
    QString summary;       // change note
    Article content;       // the article exactly as agents saw it in this version
};

// --- Audit trail -------------------------------------------------------------------------

struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;      // UTC
    QString actor;     // user name, "admin", or "-" (no users yet)
    QString action;    // e.g. "draft.save", "article.publish", "user.create", "synonym.set"
    QString articleId; // empty when not about an article
    int version = 0;   // the article version the action produced or concerned; 0: none
    QString summary;   // human-readable what
};

// --- Agents' flags -------------------------------------------------------------------------

struct ArticleFlag
{
    qint64 id = 0;
    QString articleId;
    QString articleTitle;
    int articleVersion = 0; // the version the agent was looking at
    QString raisedBy;
    QDateTime raisedAt; // UTC
    QString comment;
    bool open = true;
    QString resolvedBy;
    QDateTime resolvedAt;
    QString resolution;
};

// --- Review dates --------------------------------------------------------------------------

// The marker an agent sees beside an article and the reason a team lead gets it listed.
struct ArticleStatus
{
    bool needsReview = false;    // review-by date reached or passed
    bool validityChange = false; // valid_from in the future, or valid_to within the horizon
    bool notYetValid = false;    // valid_from > today
    bool expired = false;        // valid_to < today
    int openFlags = 0;           // agents' flags not yet resolved (filled by the store)

    bool any() const;
};

// Pure function of the dates: `horizonDays` ahead counts as "coming".
ArticleStatus articleStatus(const Article &article, const QDate &today, int horizonDays = 30);

struct ReviewItem
{
    QString articleId;
    QString title;
    int version = 0;
    QDate reviewBy;
    QDate validFrom;
    QDate validTo;
    ArticleStatus status;
};

// --- Search log and knowledge gaps -----------------------------------------------------------

// Case folded, whitespace collapsed and trimmed: "  Perso  BEANTRAGEN " → "perso beantragen".
QString normalizeLoggedQuery(const QString &query);

// One normalised query that agents searched for and found nothing useful: no search of it in the
// period led to an opened article.
struct KnowledgeGap
{
    QString query;          // normalised
    QString example;        // the latest search as typed
    int searches = 0;       // how often in the period
    int withoutResults = 0; // of those, how many found nothing at all
    QDateTime lastSearched; // UTC
};

// A query word the catalogue did not know (SearchEngine::unmatchedWords) and how often it was searched:
// "Foodtruck — 14" tells a lead which synonym to add.
struct UnknownWord
{
    QString word;           // as typed in its latest search
    int searches = 0;       // searches in the period that contained it (case-insensitive)
    QDateTime lastSearched; // UTC
};

struct GapReport
{
    QDateTime since;                 // UTC, start of the period
    int searchesLogged = 0;          // all searches in the period
    QList<KnowledgeGap> gaps;        // most frequent first (then most recent)
    QList<UnknownWord> unknownWords; // most frequent first (then most recent, then alphabetical)
    QList<ArticleFlag> openFlags;    // what agents reported as wrong or outdated, newest first
};

} // namespace kb
