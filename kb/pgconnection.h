#pragma once

#include <QString>

class QSettings;
class QSqlDatabase;

namespace kb {

// Where the shared PostgreSQL store lives and how to log in. A plain value: the desk keeps it in
// its settings (without the password: that goes to the keychain, see docs/shared-store.md).
struct PgConnection
{
    QString host = QStringLiteral("localhost"); // name, address, or a unix socket folder
    int port = 5432;
    QString database = QStringLiteral("hotline");
    QString user;
    QString password; // never written by save()
    // libpq sslmode: disable, allow, prefer, require, verify-ca, verify-full. "require" and
    // above mean TLS or no connection.
    QString sslMode = QStringLiteral("prefer");
    QString sslRootCert; // CA file for verify-ca / verify-full
    int connectTimeoutSeconds = 5;
    QString applicationName = QStringLiteral("hotline-desk");

    bool isValid(QString *error = nullptr) const;

    // Keys under `group` (default "SharedStore"): Host, Port, Database, User, SslMode, SslRootCert,
    // ConnectTimeout. The password is neither read nor written.
    static PgConnection load(const QSettings &settings, const QString &group = QStringLiteral("SharedStore"));
    void save(QSettings &settings, const QString &group = QStringLiteral("SharedStore")) const;

    // "user@host:port/database (sslmode)": for logs and the status line, never with the password.
    QString displayName() const;

    friend bool operator==(const PgConnection &, const PgConnection &) = default;
};

// Adds a QPSQL connection named `connectionName` with these parameters (host, port, database,
// user, password and the libpq options sslmode, sslrootcert, connect_timeout, application_name)
// and opens it. False with a message naming the server if it cannot be reached or login fails;
// the connection is removed again then.
bool openPgConnection(const PgConnection &params, const QString &connectionName, QString *error);

// True if the last error of a query on `db` means the server is gone (connection lost or
// refused), as opposed to the server refusing the statement (permission, constraint). Checks
// by asking the server once more.
bool pgConnectionLost(QSqlDatabase &db);

} // namespace kb
