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
// Statements in a file are separated by a line that ends with ";" followed by an empty line.
bool applyMigrations(QSqlDatabase &db, const QString &component, QString *error);

// Schema version of `component` (0: none).
int schemaVersion(QSqlDatabase &db, const QString &component);

// Runs a prepared query; on failure fills *error with `what` and the driver's message.
bool exec(QSqlQuery &query, const QString &what, QString *error);
bool exec(QSqlDatabase &db, const QString &sql, QString *error);

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
    QString m_error;
};

bool isSqlite(const QSqlDatabase &db);

// A null QString binds as SQL NULL; text columns are NOT NULL DEFAULT '', so bind through this.
QString text(const QString &value);

// True when the last error of the query is a unique/primary-key constraint violation.
bool isConstraintViolation(const QSqlQuery &query);

} // namespace hotline::db
