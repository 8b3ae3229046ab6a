#pragma once

#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

// SQL plumbing shared by the outbox, journal and appointments libraries. They keep their tables in one
// SQLite file (journal.db in the app data folder, apart from kb's catalogue), each with its own
// append-only migration chain, tracked per component in the table schema_versions (so kb's
// PRAGMA user_version stays kb's). The SQL is kept portable (BIGINT epoch milliseconds, TEXT ids,
// INSERT ... ON CONFLICT, no AUTOINCREMENT) because a later issue runs it on PostgreSQL.
namespace hotline::db {

// A connection name unique to this thread and purpose: one QSqlDatabase connection per thread.
QString connectionName(const QString &purpose, const QString &path);

// Opens (creating the file if needed) the SQLite database at `path` under `name`, with WAL,
// synchronous=FULL (a committed row survives a crash and a power cut) and a busy timeout.
bool openSqlite(const QString &path, const QString &name, QSqlDatabase *db, QString *error);

// Closes and removes the named connection.
void closeConnection(const QString &name);

// Applies the numbered files :/migrations/<component>/NNNN_*.sql in order, one transaction each, the
// version bump in the same transaction. Refuses a database whose version is newer than the build knows.
// Statements in a file are separated by a line that ends with ";" followed by an empty line. On a connection
// other than SQLite (the shared PostgreSQL store) :/migrations/<component>/pg/NNNN_x.sql, if there is one, runs
// instead of NNNN_x.sql: server-only steps (triggers, NOTIFY) keep the same numbers on both.
bool applyMigrations(QSqlDatabase &db, const QString &component, QString *error);

// The highest migration number of `component` in this build.
int knownSchemaVersion(const QString &component);

// For a connection this program did not migrate (the shared PostgreSQL store, migrated by
// hotline-admin-desk): true when `component`'s schema there is exactly this build's version;
// otherwise a message saying whether to migrate the server or update the desk.
bool requireCurrentSchema(QSqlDatabase &db, const QString &component, QString *error);

// Schema version of `component` (0: none).
int schemaVersion(QSqlDatabase &db, const QString &component);

// Runs a prepared query; on failure fills *error with `what` and the driver's message.
bool exec(QSqlQuery &query, const QString &what, QString *error);
bool exec(QSqlDatabase &db, const QString &sql, QString *error);

// Marks a connection as being inside a transaction someone else opened and will commit (the shared
// store's delivery of a queued desk write: receipt and write commit together). While the marker
// lives (on this thread), Transaction on that connection becomes a SAVEPOINT: commit() releases it,
// destruction rolls back to it (which also clears PostgreSQL's "transaction aborted" state, e.g.
// after a booking lost its seat to another desk), and the outer transaction decides the rest.
class OuterTransaction
{
public:
    explicit OuterTransaction(const QSqlDatabase &db);
    ~OuterTransaction();
    OuterTransaction(const OuterTransaction &) = delete;
    OuterTransaction &operator=(const OuterTransaction &) = delete;

private:
    QString m_connection;
};

bool insideOuterTransaction(const QSqlDatabase &db);

// RAII transaction: rolls back unless commit() succeeded. `immediate` takes SQLite's write lock at
// BEGIN, so a read-then-write transaction never fails half-way with SQLITE_BUSY (other drivers: a
// plain transaction).
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db, bool immediate = false);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const;
    QString error() const;
    bool commit(QString *error);

private:
    QSqlDatabase m_db;
    bool m_active = false;
    bool m_immediate = false;
    QString m_savepoint; // non-empty: nested in an OuterTransaction
    QString m_error;
};

bool isSqlite(const QSqlDatabase &db);

// A null QString binds as SQL NULL; text columns are NOT NULL DEFAULT '', so bind through this.
QString text(const QString &value);

// True when the last error of the query is a unique/primary-key constraint violation.
bool isConstraintViolation(const QSqlQuery &query);

} // namespace hotline::db
