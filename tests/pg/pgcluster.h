#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace kb {
struct PgConnection;
}

namespace hotline::test {

// A throwaway PostgreSQL 15 cluster for tests and benchmarks: initdb + pg_ctl from Debian's
// postgresql package, run as the `postgres` system user (initdb refuses root), in a temporary
// folder, listening on 127.0.0.1 on a free port with its unix socket inside the folder, fsync off.
// The superuser is `postgres` with password auth on TCP (password "postgres"), so the code under
// test goes through the same login path as a desk. stop() and start() may be called in the middle
// of a test (server down → up) and keep the port and the data.
class PgCluster
{
public:
    struct Options
    {
        int maxConnections = 40;
    };

    PgCluster();
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    // initdb + start. False with a message if PostgreSQL cannot be set up here.
    bool init(const Options &options, QString *error);
    bool start(QString *error);
    bool stop(QString *error); // fast shutdown: open connections are cut
    void destroy();            // stop if running and remove the folder
    bool isRunning() const;

    int port() const;
    QString socketDir() const;
    QString dataDir() const;

    // Gives the server a fresh self-signed certificate for 127.0.0.1 (openssl, EC P-256), turns
    // ssl on and reloads. `*caFile`: the certificate, for sslrootcert with verify-full.
    bool enableTls(QString *caFile, QString *error);
    // Writes another self-signed certificate the server does not use (a wrong CA for tests).
    bool makeUnrelatedCertificate(const QString &name, QString *certFile, QString *error);

    // Runs SQL as the superuser through psql (-v ON_ERROR_STOP=1) in `database`.
    bool psql(const QString &database, const QString &sql, QString *output, QString *error) const;

    // A fresh empty database (CREATE DATABASE … TEMPLATE template0), owned by the superuser.
    QString createDatabase(const QString &prefix, QString *error);

    // Connection parameters for the superuser (or another login role) on `database`.
    kb::PgConnection connection(const QString &database, const QString &user = QStringLiteral("postgres"),
                                const QString &password = QStringLiteral("postgres")) const;

    static QString binDir();

private:
    bool runAsPostgres(const QString &program, const QStringList &arguments, QString *output, QString *error,
                       int timeoutMs = 60000) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    int m_port = 0;
    bool m_running = false;
    int m_databaseCounter = 0;
};

// The one cluster of this test binary (started on first use, removed when the process ends).
// Catch2 lists tests at build time; nothing starts until a test asks for it.
PgCluster &sharedCluster();

} // namespace hotline::test
