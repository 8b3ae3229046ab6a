#pragma once

#include "pgconnection.h"

#include <QCommandLineOption>

class QCommandLineParser;

namespace kb {

// The server options the admin tools share (hotline-admin, hotline-admin-desk,
// hotline-outbox-service): --host, --port, --db, --user, --sslmode, --sslrootcert, each falling
// back to libpq's environment variable (PGHOST, PGPORT, PGDATABASE, PGUSER, PGSSLMODE,
// PGSSLROOTCERT) and then to PgConnection's default.
class PgCommandLine
{
public:
    explicit PgCommandLine(const QString &userHelp);

    void addTo(QCommandLineParser &parser) const;
    // The connection named `applicationName` from the parsed options and the environment, without
    // the password. False with a message naming the option if the port is no number or the
    // settings are invalid.
    bool read(const QCommandLineParser &parser, const QString &applicationName, PgConnection *params,
              QString *error) const;

private:
    QCommandLineOption m_host;
    QCommandLineOption m_port;
    QCommandLineOption m_database;
    QCommandLineOption m_user;
    QCommandLineOption m_sslMode;
    QCommandLineOption m_sslRootCert;
};

// One line of standard input, without echo when it is a terminal (then `prompt` goes to stderr
// first). Passwords never go on the command line.
QString readSecretLine(const QString &prompt);

// The password of `params.user`: PGPASSWORD if set and not empty, otherwise one line of standard
// input (an empty line: libpq looks in its password file).
QString pgPasswordFromEnvironment(const PgConnection &params);

} // namespace kb
