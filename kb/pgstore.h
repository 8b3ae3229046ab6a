#pragma once

#include "pgconnection.h"
#include "sqleditorial_p.h"
#include "store.h"

#include <QString>
#include <QStringList>

#include <memory>

class QSqlDatabase;

namespace kb {

// Everything that changed on the server after a revision: what a desk's replica applies.
struct PgChangeSet
{
    qint64 fromRevision = 0;
    qint64 toRevision = 0; // the server's revision in the same snapshot
    QString storeId;       // changes when the server's store was re-created
    Catalogue changed;     // articles (with their office links) and offices to upsert
    QList<Synonym> changedSynonyms;
    QStringList removedArticles;
    QStringList removedSynonyms;
    bool isEmpty() const;
};

// kb::Store on PostgreSQL (Qt's QPSQL driver). Same semantics as the SQLite store: upsert all or
// nothing by id, version bumped only on change, one revision per committed change. Every writer
// first locks the revision row, so concurrent writers are serialised and revisions are handed
// out in commit order; each changed row records the revision that last changed it, deletions
// leave tombstones, and the server sends NOTIFY catalogue_changed on every new revision.
// One PgStore per thread, like every QSqlDatabase connection.
class PgStore final : public SqlEditorialStore
{
public:
    ~PgStore() override;
    PgStore(const PgStore &) = delete;
    PgStore &operator=(const PgStore &) = delete;

    QString backendName() const override;
    bool upsert(const Catalogue &catalogue, UpsertReport *report, QString *error,
                const UpsertOptions &options = {}) override;
    bool removeArticle(const QString &id, QString *error) override;
    bool setSynonym(const Synonym &synonym, QString *error) override;
    bool removeSynonym(const QString &term, QString *error) override;
    StoreStats stats() const override;

    // The catalogue reads and the editorial workflow (docs/editorial.md) come from SqlEditorialStore,
    // the same code as SqliteStore's, on kb/migrations/pg/0003; the hooks below are PostgreSQL's.

    // One consistent snapshot of everything changed after `revision` (0: everything).
    bool changesSince(qint64 revision, PgChangeSet *changes, QString *error) const;

    // Groups several writes into one transaction (the offline queue delivers an entry and its
    // receipt together): the write methods join it instead of opening their own. Rolled back
    // if the PgStore is destroyed before commit.
    bool beginTransaction(QString *error);
    bool commitTransaction(QString *error);
    void rollbackTransaction();

    // The QPSQL connection of this store, for statements of other modules in the same
    // transaction (queue kinds). Only on the thread that opened it.
    QSqlDatabase database() const;
    QString connectionName() const;
    const PgConnection &parameters() const;

    // After the server was away (restart, network): true at once if the connection still answers,
    // otherwise closes and opens it again with the same login. A desk's signed-in session calls it
    // when its sync sees the server back. Refused inside an open outer transaction.
    bool ensureConnected(QString *error);

private:
    friend std::unique_ptr<PgStore> openPgStore(const PgConnection &, QString *);
    PgStore(const QString &connectionName, const PgConnection &params);

    class WriteScope;
    bool lockRevision(QSqlDatabase &db, qint64 *current, QString *error);
    bool setRevision(QSqlDatabase &db, qint64 revision, QString *error);

protected:
    QSqlDatabase db() const override;
    QString location() const override;
    std::unique_ptr<WriteTransaction> beginWrite(QSqlDatabase &db) override;
    // Also stamps the revision on the article row and clears its deletion mark.
    bool writeArticle(QSqlDatabase &db, const Article &article, const QString &author, const QString &changeNote,
                      QString *error) override;
    bool bumpRevision(QSqlDatabase &db, QString *error) override;
    // The revision row lock every catalogue writer takes: two leads publishing at once queue here.
    bool lockForPublish(QSqlDatabase &db, QString *error) override;

private:
    class EditorialTransaction;
    // The revision an editorial write stamps: taken under the revision row lock once per write
    // (reset by every WriteScope), and stored by bumpRevision().
    bool takeEditRevision(QSqlDatabase &db, QString *error);

    QString m_connectionName;
    PgConnection m_params;
    qint64 m_editRevision = -1;
    bool m_outerTransaction = false;
    qint64 m_pendingRevision = -1; // the revision of the open outer transaction, once taken
};

// The PostgreSQL schema version this build knows (the number of kb/migrations/pg/ files).
int pgSchemaVersion();

// The schema version on the server: 0 for an empty database, -1 (with a message) on error.
int readPgSchemaVersion(QSqlDatabase &db, QString *error);

// Applies the PostgreSQL migrations up to `targetVersion`, each in its own transaction under an
// advisory lock (two admins migrating at once do not both run a step). Refuses a server schema
// newer than this build.
bool applyPgMigrations(QSqlDatabase &db, int targetVersion, QString *error);

// Creates the group roles hotline_agent and hotline_lead if missing and grants them their
// rights on the current tables (kb/migrations/pg/roles.sql). Needs CREATEROLE.
bool applyPgRoles(QSqlDatabase &db, QString *error);

enum class PgRole { Agent, Lead };

// password_hash of the editorial users rows that createPgUser() writes: no Argon2id hash, so
// Store::authenticate() never accepts it; on the shared store the server checks the password.
inline constexpr char kServerLoginPasswordHash[] = "!server-login";

// Creates (or updates the password and role of) a login role that is a member of hotline_agent or
// hotline_lead, and in the same transaction its editorial users row (same name, matching role,
// active), so that a login and an editorial user are one to one ("the server login is the
// sign-in"). Names are lowercase letters, digits and "_" (PostgreSQL identifiers unquoted).
bool createPgUser(QSqlDatabase &db, const QString &name, const QString &password, PgRole role, QString *error);

// A login role in `group` (and in none of `otherGroups`) without an editorial user: e.g. the
// outbox sender's login (group hotline_sender, hotline-admin-desk user add NAME --role sender).
bool createPgLogin(QSqlDatabase &db, const QString &name, const QString &password, const QString &group,
                   const QStringList &otherGroups, QString *error);

// ALTER ROLE <current_user> PASSWORD: the signed-in login changes its own password (PostgreSQL
// allows every role that). The open session stays; the next login needs the new password.
bool changePgPassword(QSqlDatabase &db, const QString &newPassword, QString *error);

// Connects and checks the schema: refuses a server whose schema is newer than this build, or
// older (then "run hotline-admin migrate"), or empty. Desks never migrate the server.
std::unique_ptr<PgStore> openPgStore(const PgConnection &params, QString *error);

// Connects and migrates the server schema to this build's version (hotline-admin, tests).
bool migratePgStore(const PgConnection &params, int targetVersion, QString *error);

} // namespace kb
