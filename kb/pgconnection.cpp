// Connection parameters of the shared PostgreSQL store and opening a QPSQL connection with them.
#include "pgconnection.h"

#include "logging.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace kb {

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::PgConnection)
};

void setError(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
}

const QStringList &sslModes()
{
    static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                   QStringLiteral("prefer"),    QStringLiteral("require"),
                                   QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

// A libpq conninfo value: quoted, with \ and ' escaped (QPSQL joins the options with spaces).
QString conninfoValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

bool PgConnection::isValid(QString *error) const
{
    if (host.trimmed().isEmpty()) {
        setError(error, Messages::tr("no server host given"));
        return false;
    }
    if (port <= 0 || port > 65535) {
        setError(error, Messages::tr("port %1 is not a valid TCP port").arg(port));
        return false;
    }
    if (database.trimmed().isEmpty()) {
        setError(error, Messages::tr("no database name given"));
        return false;
    }
    if (user.trimmed().isEmpty()) {
        setError(error, Messages::tr("no user name given"));
        return false;
    }
    if (!sslModes().contains(sslMode)) {
        setError(error, Messages::tr("unknown TLS mode \"%1\" (expected one of %2)")
                            .arg(sslMode, sslModes().join(QStringLiteral(", "))));
        return false;
    }
    if (sslMode.startsWith(QLatin1String("verify")) && sslRootCert.isEmpty()) {
        setError(error, Messages::tr("TLS mode %1 needs the CA certificate file of the server").arg(sslMode));
        return false;
    }
    return true;
}

PgConnection PgConnection::load(const QSettings &settings, const QString &group)
{
    PgConnection c;
    const QString p = group.isEmpty() ? QString() : group + QLatin1Char('/');
    c.host = settings.value(p + QStringLiteral("Host"), c.host).toString();
    c.port = settings.value(p + QStringLiteral("Port"), c.port).toInt();
    c.database = settings.value(p + QStringLiteral("Database"), c.database).toString();
    c.user = settings.value(p + QStringLiteral("User"), c.user).toString();
    c.sslMode = settings.value(p + QStringLiteral("SslMode"), c.sslMode).toString();
    c.sslRootCert = settings.value(p + QStringLiteral("SslRootCert"), c.sslRootCert).toString();
    c.connectTimeoutSeconds = settings.value(p + QStringLiteral("ConnectTimeout"), c.connectTimeoutSeconds).toInt();
    return c;
}

void PgConnection::save(QSettings &settings, const QString &group) const
{
    const QString p = group.isEmpty() ? QString() : group + QLatin1Char('/');
    settings.setValue(p + QStringLiteral("Host"), host);
    settings.setValue(p + QStringLiteral("Port"), port);
    settings.setValue(p + QStringLiteral("Database"), database);
    settings.setValue(p + QStringLiteral("User"), user);
    settings.setValue(p + QStringLiteral("SslMode"), sslMode);
    settings.setValue(p + QStringLiteral("SslRootCert"), sslRootCert);
    settings.setValue(p + QStringLiteral("ConnectTimeout"), connectTimeoutSeconds);
}

QString PgConnection::displayName() const
{
    return QStringLiteral("%1@%2:%3/%4 (sslmode %5)").arg(user, host).arg(port).arg(database, sslMode);
}

bool openPgConnection(const PgConnection &params, const QString &connectionName, QString *error)
{
    QString invalid;
    if (!params.isValid(&invalid)) {
        setError(error, Messages::tr("shared store settings: %1").arg(invalid));
        return false;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        setError(error, Messages::tr("the PostgreSQL driver of Qt (QPSQL) is not installed"));
        return false;
    }
    QString message;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(params.host);
        db.setPort(params.port);
        db.setDatabaseName(params.database);
        db.setUserName(params.user);
        db.setPassword(params.password);
        QStringList options{QStringLiteral("sslmode=%1").arg(params.sslMode),
                            QStringLiteral("connect_timeout=%1").arg(qMax(1, params.connectTimeoutSeconds)),
                            QStringLiteral("application_name=%1").arg(conninfoValue(params.applicationName))};
        if (!params.sslRootCert.isEmpty()) {
            options << QStringLiteral("sslrootcert=%1").arg(conninfoValue(params.sslRootCert));
        }
        db.setConnectOptions(options.join(QLatin1Char(';')));
        if (db.open()) {
            QSqlQuery q(db);
            // Timestamps travel as UTC; statements never hang a desk for long on a lock.
            if (q.exec(QStringLiteral("SET TIME ZONE 'UTC'"))) {
                qCDebug(lcDb) << "connected to" << params.displayName() << "as" << connectionName;
                return true;
            }
            message = q.lastError().text();
        } else {
            message = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    setError(error,
             Messages::tr("cannot connect to the shared store %1: %2").arg(params.displayName(), message.trimmed()));
    return false;
}

bool pgConnectionLost(QSqlDatabase &db)
{
    if (!db.isOpen()) {
        return true;
    }
    QSqlQuery q(db);
    return !(q.exec(QStringLiteral("SELECT 1")) && q.next());
}

} // namespace kb
