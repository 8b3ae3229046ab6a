#include "deskserver.h"

#include "dbsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace deskserver {

namespace {

bool setError(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
    return false;
}

// Holds a session-level advisory lock for the lifetime of the object (one key for all modules;
// kb's own migrations take transaction-level locks on their own key).
class AdvisoryLock
{
public:
    explicit AdvisoryLock(QSqlDatabase db)
        : m_db(std::move(db))
    {
        QSqlQuery q(m_db);
        m_locked = q.exec(QStringLiteral("SELECT pg_advisory_lock(hashtext('hotline-desk-modules'))"));
        m_error = q.lastError().text().trimmed();
    }
    ~AdvisoryLock()
    {
        if (m_locked) {
            QSqlQuery q(m_db);
            q.exec(QStringLiteral("SELECT pg_advisory_unlock(hashtext('hotline-desk-modules'))"));
        }
    }
    AdvisoryLock(const AdvisoryLock &) = delete;
    AdvisoryLock &operator=(const AdvisoryLock &) = delete;
    bool locked() const
    {
        return m_locked;
    }
    QString error() const
    {
        return m_error;
    }

private:
    QSqlDatabase m_db;
    bool m_locked = false;
    QString m_error;
};

// Runs a script of statements separated by ";" + empty line (comment lines dropped) in one transaction.
bool runScript(QSqlDatabase &db, const QString &resource, const QString &what, QString *error)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly)) {
        return setError(error, QStringLiteral("cannot read %1").arg(resource));
    }
    const QString script = QString::fromUtf8(file.readAll());
    hotline::db::Transaction tx(db);
    if (!tx.isActive()) {
        return setError(error, tx.error());
    }
    static const QRegularExpression separator(QStringLiteral(";[ \\t]*\\r?\\n[ \\t]*\\r?\\n"));
    for (const QString &chunk : script.split(separator, Qt::SkipEmptyParts)) {
        QString code;
        for (const QString &line : chunk.split(QLatin1Char('\n'))) {
            if (!line.trimmed().startsWith(QLatin1String("--"))) {
                code += line + QLatin1Char('\n');
            }
        }
        code = code.trimmed();
        if (code.endsWith(QLatin1Char(';'))) {
            code.chop(1);
        }
        if (code.isEmpty()) {
            continue;
        }
        QString e;
        if (!hotline::db::exec(db, code, &e)) {
            return setError(error, QStringLiteral("%1 failed: %2").arg(what, e));
        }
    }
    return tx.commit(error);
}

} // namespace

QStringList components()
{
    return {QStringLiteral("outbox"), QStringLiteral("journal"), QStringLiteral("appointments")};
}

bool migrateServer(QSqlDatabase &db, QString *error)
{
    if (db.driverName() != QLatin1String("QPSQL")) {
        return setError(error, QStringLiteral("migrateServer needs a PostgreSQL (QPSQL) connection, not %1")
                                   .arg(db.driverName()));
    }
    const AdvisoryLock lock(db);
    if (!lock.locked()) {
        return setError(error, QStringLiteral("cannot take the migration lock: %1").arg(lock.error()));
    }
    for (const QString &component : components()) {
        if (!hotline::db::applyMigrations(db, component, error)) {
            return false;
        }
    }
    return runScript(db, QStringLiteral(":/deskserver/outbox_notify.sql"), QStringLiteral("the outbox trigger"),
                     error)
        && runScript(db, QStringLiteral(":/deskserver/roles.sql"),
                     QStringLiteral("granting the desk tables (did hotline-admin init run?)"), error);
}

QList<QPair<QString, int>> serverVersions(QSqlDatabase &db)
{
    QList<QPair<QString, int>> out;
    for (const QString &component : components()) {
        out.append({component, hotline::db::schemaVersion(db, component)});
    }
    return out;
}

} // namespace deskserver
