#include "dbsupport.h"

#include "logging.h"

#include <sqlite3.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <QHash>

#include <map>

namespace hotline::db {

namespace {

// SQLite's own busy handler (sqlite3_busy_timeout) backs off to 100 ms sleeps, so a desk waiting for
// another desk's write lock can wait far longer than the lock is held (measured: up to 0.8 s for
// sub-millisecond transactions under load). Poll every millisecond instead, for up to 10 s.
int pollingBusyHandler(void *, int attempts)
{
    if (attempts >= 10000) {
        return 0; // give up: SQLITE_BUSY reaches the caller as an error
    }
    sqlite3_sleep(1);
    return 1;
}

void installBusyHandler(QSqlDatabase &db)
{
    // The handle may only be passed to our libsqlite3 if the driver uses that same library (Debian's
    // QSQLITE plugin links the system libsqlite3.so.0). A Qt with its own bundled SQLite would differ in
    // version; then keep the driver's busy timeout rather than mix two SQLite copies.
    QSqlQuery version(db);
    if (!version.exec(QStringLiteral("SELECT sqlite_version()")) || !version.next() ||
        version.value(0).toString() != QString::fromLatin1(sqlite3_libversion())) {
        qCWarning(lcDb) << "QSQLITE uses a different SQLite than the one linked; keeping its busy timeout";
        return;
    }
    version.finish();
    const QVariant handle = db.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        if (auto *h = *static_cast<sqlite3 *const *>(handle.data())) {
            sqlite3_busy_handler(h, pollingBusyHandler, nullptr);
            return;
        }
    }
    qCWarning(lcDb) << "no SQLite handle: keeping the driver's busy timeout";
}

} // namespace

QString connectionName(const QString &purpose, const QString &path)
{
    return QStringLiteral("%1_%2_thread_%3")
        .arg(purpose, QString::number(qHash(QFileInfo(path).absoluteFilePath()), 16),
             QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16));
}

bool openSqlite(const QString &path, const QString &name, QSqlDatabase *db, QString *error)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error) {
            *error = QStringLiteral("cannot create folder %1").arg(info.absolutePath());
        }
        return false;
    }
    QSqlDatabase d = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                  : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    d.setDatabaseName(info.absoluteFilePath());
    d.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!d.isOpen() && !d.open()) {
        if (error) {
            *error = QStringLiteral("cannot open %1: %2").arg(path, d.lastError().text());
        }
        return false;
    }
    installBusyHandler(d);
    for (const auto *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        QSqlQuery q(d);
        if (!q.exec(QString::fromLatin1(pragma))) {
            if (error) {
                *error =
                    QStringLiteral("%1 failed on %2: %3").arg(QString::fromLatin1(pragma), path, q.lastError().text());
            }
            return false;
        }
    }
    *db = d;
    return true;
}

void closeConnection(const QString &name)
{
    {
        QSqlDatabase d = QSqlDatabase::database(name, false);
        if (d.isValid()) {
            d.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
}

bool exec(QSqlQuery &query, const QString &what, QString *error)
{
    if (query.exec()) {
        return true;
    }
    if (error) {
        *error = QStringLiteral("%1: %2").arg(what, query.lastError().text());
    }
    qCWarning(lcDb) << what << query.lastError().text();
    return false;
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql)) {
        return true;
    }
    if (error) {
        *error = QStringLiteral("%1: %2").arg(sql.left(80), q.lastError().text());
    }
    return false;
}

bool isSqlite(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QSQLITE");
}

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

bool isConstraintViolation(const QSqlQuery &query)
{
    const QSqlError e = query.lastError();
    const QString code = e.nativeErrorCode();
    // SQLite: 19 (SQLITE_CONSTRAINT) and its extended codes 1555/2067; PostgreSQL: 23505 unique_violation.
    return code == QLatin1String("19") || code == QLatin1String("1555") || code == QLatin1String("2067") ||
           code == QLatin1String("23505") || e.databaseText().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive);
}

static bool ensureVersionTable(QSqlDatabase &db, QString *error)
{
    return exec(db,
                QStringLiteral("CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, "
                               "version INTEGER NOT NULL)"),
                error);
}

int schemaVersion(QSqlDatabase &db, const QString &component)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT version FROM schema_versions WHERE component = :c"));
    q.bindValue(QStringLiteral(":c"), component);
    if (!q.exec() || !q.next()) {
        return 0;
    }
    return q.value(0).toInt();
}

int knownSchemaVersion(const QString &component)
{
    static const QRegularExpression fileName(QStringLiteral("^(\\d{4})_.*\\.sql$"));
    int known = 0;
    QDirIterator it(QStringLiteral(":/migrations/%1").arg(component));
    while (it.hasNext()) {
        const auto m = fileName.match(QFileInfo(it.next()).fileName());
        if (m.hasMatch()) {
            known = std::max(known, m.captured(1).toInt());
        }
    }
    return known;
}

bool requireCurrentSchema(QSqlDatabase &db, const QString &component, QString *error)
{
    const int known = knownSchemaVersion(component);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT version FROM schema_versions WHERE component = :c"));
    q.bindValue(QStringLiteral(":c"), component);
    if (!q.exec()) {
        if (error) {
            *error = QStringLiteral("cannot read the %1 schema version on %2 (run hotline-admin-desk migrate): %3")
                         .arg(component, db.databaseName(), q.lastError().text().trimmed());
        }
        return false;
    }
    const int current = q.next() ? q.value(0).toInt() : 0;
    if (current == known) {
        return true;
    }
    if (error) {
        *error =
            current < known
                ? QStringLiteral(
                      "the %1 schema on %2 is version %3, this build needs %4: run hotline-admin-desk migrate")
                      .arg(component, db.databaseName())
                      .arg(current)
                      .arg(known)
                : QStringLiteral("the %1 schema on %2 is version %3, newer than this build knows (%4): use a newer "
                                 "Hotline Desk")
                      .arg(component, db.databaseName())
                      .arg(current)
                      .arg(known);
    }
    return false;
}

bool applyMigrations(QSqlDatabase &db, const QString &component, QString *error)
{
    if (!ensureVersionTable(db, error)) {
        return false;
    }
    static const QRegularExpression fileName(QStringLiteral("^(\\d{4})_.*\\.sql$"));
    std::map<int, QString> files;
    QDirIterator it(QStringLiteral(":/migrations/%1").arg(component));
    while (it.hasNext()) {
        const QString path = it.next();
        const auto m = fileName.match(QFileInfo(path).fileName());
        if (m.hasMatch()) {
            files[m.captured(1).toInt()] = path;
        }
    }
    if (files.empty()) {
        if (error) {
            *error = QStringLiteral("no migrations found for %1").arg(component);
        }
        return false;
    }
    const int known = files.rbegin()->first;
    const int current = schemaVersion(db, component);
    if (current > known) {
        if (error) {
            *error = QStringLiteral("the %1 schema of %2 is version %3, newer than this build knows (%4); "
                                    "refusing to open it")
                         .arg(component, db.databaseName())
                         .arg(current)
                         .arg(known);
        }
        return false;
    }
    static const QRegularExpression separator(QStringLiteral(";[ \\t]*\\r?\\n[ \\t]*\\r?\\n"));
    for (const auto &[version, path] : files) {
        if (version <= current) {
            continue;
        }
        // A step whose SQL cannot be portable (triggers, NOTIFY) has a PostgreSQL file of the same name in pg/;
        // the portable file of that number is then what SQLite runs (a no-op where the step is server-only).
        const QString pgPath = QStringLiteral(":/migrations/%1/pg/%2").arg(component, QFileInfo(path).fileName());
        QFile f(!isSqlite(db) && QFile::exists(pgPath) ? pgPath : path);
        if (!f.open(QIODevice::ReadOnly)) {
            if (error) {
                *error = QStringLiteral("cannot read migration %1").arg(path);
            }
            return false;
        }
        const QString sql = QString::fromUtf8(f.readAll());
        Transaction tx(db, true);
        if (!tx.isActive()) {
            if (error) {
                *error = tx.error();
            }
            return false;
        }
        for (QString statement : sql.split(separator, Qt::SkipEmptyParts)) {
            statement = statement.trimmed();
            if (statement.endsWith(QLatin1Char(';'))) {
                statement.chop(1);
            }
            // Drop comment-only chunks.
            QString code;
            for (const QString &line : statement.split(QLatin1Char('\n'))) {
                if (!line.trimmed().startsWith(QLatin1String("--"))) {
                    code += line + QLatin1Char('\n');
                }
            }
            if (code.trimmed().isEmpty()) {
                continue;
            }
            QString e;
            if (!exec(db, code, &e)) {
                if (error) {
                    *error = QStringLiteral("migration %1 failed: %2").arg(QFileInfo(path).fileName(), e);
                }
                return false;
            }
        }
        QSqlQuery bump(db);
        bump.prepare(QStringLiteral("INSERT INTO schema_versions (component, version) VALUES (:c, :v) "
                                    "ON CONFLICT (component) DO UPDATE SET version = excluded.version"));
        bump.bindValue(QStringLiteral(":c"), component);
        bump.bindValue(QStringLiteral(":v"), version);
        if (!exec(bump, QStringLiteral("schema version bump"), error) || !tx.commit(error)) {
            return false;
        }
        qCInfo(lcDb) << "migrated" << component << "to version" << version;
    }
    return true;
}

namespace {

// Connections (by name) of this thread that are inside an OuterTransaction, with their nesting count.
thread_local QHash<QString, int> t_outer;
thread_local int t_savepointCounter = 0;

} // namespace

OuterTransaction::OuterTransaction(const QSqlDatabase &db) : m_connection(db.connectionName())
{
    ++t_outer[m_connection];
}

OuterTransaction::~OuterTransaction()
{
    if (--t_outer[m_connection] <= 0) {
        t_outer.remove(m_connection);
    }
}

bool insideOuterTransaction(const QSqlDatabase &db)
{
    return t_outer.contains(db.connectionName());
}

Transaction::Transaction(QSqlDatabase db, bool immediate)
    : m_db(std::move(db)), m_immediate(immediate && isSqlite(m_db))
{
    if (insideOuterTransaction(m_db)) {
        m_immediate = false;
        m_savepoint = QStringLiteral("hotline_sp_%1").arg(++t_savepointCounter);
        QSqlQuery q(m_db);
        m_active = q.exec(QStringLiteral("SAVEPOINT ") + m_savepoint);
        if (!m_active) {
            m_error = QStringLiteral("cannot set a savepoint: %1").arg(q.lastError().text());
        }
    } else if (m_immediate) {
        QSqlQuery q(m_db);
        m_active = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!m_active) {
            m_error = QStringLiteral("cannot begin a transaction: %1").arg(q.lastError().text());
        }
    } else {
        m_active = m_db.transaction();
        if (!m_active) {
            m_error = QStringLiteral("cannot begin a transaction: %1").arg(m_db.lastError().text());
        }
    }
}

Transaction::~Transaction()
{
    if (m_active) {
        if (!m_savepoint.isEmpty()) {
            QSqlQuery q(m_db);
            q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_savepoint);
        } else if (m_immediate) {
            QSqlQuery q(m_db);
            q.exec(QStringLiteral("ROLLBACK"));
        } else {
            m_db.rollback();
        }
    }
}

bool Transaction::isActive() const
{
    return m_active;
}

QString Transaction::error() const
{
    return m_error;
}

bool Transaction::commit(QString *error)
{
    if (!m_active) {
        if (error) {
            *error = m_error.isEmpty() ? QStringLiteral("no active transaction") : m_error;
        }
        return false;
    }
    bool ok;
    QString text;
    if (!m_savepoint.isEmpty()) {
        QSqlQuery q(m_db);
        ok = q.exec(QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
        text = q.lastError().text();
    } else if (m_immediate) {
        QSqlQuery q(m_db);
        ok = q.exec(QStringLiteral("COMMIT"));
        text = q.lastError().text();
    } else {
        ok = m_db.commit();
        text = m_db.lastError().text();
    }
    if (!ok) {
        if (error) {
            *error = QStringLiteral("commit failed: %1").arg(text);
        }
        return false; // the destructor rolls back
    }
    m_active = false;
    return true;
}

} // namespace hotline::db
