#include "pgcommandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace kb {

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::PgCommandLine)
};

QString fromEnv(const char *name, const QString &fallback)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

} // namespace

PgCommandLine::PgCommandLine(const QString &userHelp)
    : m_host(QStringLiteral("host"), Messages::tr("Server host or socket folder (default: PGHOST or localhost)."),
             QStringLiteral("HOST")),
      m_port(QStringLiteral("port"), Messages::tr("Server port (default: PGPORT or 5432)."), QStringLiteral("PORT")),
      m_database(QStringLiteral("db"), Messages::tr("Database name (default: PGDATABASE or hotline)."),
                 QStringLiteral("NAME")),
      m_user(QStringLiteral("user"), userHelp, QStringLiteral("USER")),
      m_sslMode(QStringLiteral("sslmode"),
                Messages::tr("TLS: disable, prefer, require, verify-ca, verify-full (default: PGSSLMODE or prefer)."),
                QStringLiteral("MODE")),
      m_sslRootCert(QStringLiteral("sslrootcert"),
                    Messages::tr("CA certificate for verify-ca/verify-full (default: PGSSLROOTCERT)."),
                    QStringLiteral("FILE"))
{
}

void PgCommandLine::addTo(QCommandLineParser &parser) const
{
    for (const QCommandLineOption &o : {m_host, m_port, m_database, m_user, m_sslMode, m_sslRootCert}) {
        parser.addOption(o);
    }
}

bool PgCommandLine::read(const QCommandLineParser &parser, const QString &applicationName, PgConnection *params,
                         QString *error) const
{
    PgConnection p;
    p.applicationName = applicationName;
    const auto value = [&parser](const QCommandLineOption &option, const char *env, const QString &fallback) {
        return parser.isSet(option) ? parser.value(option) : fromEnv(env, fallback);
    };
    p.host = value(m_host, "PGHOST", p.host);
    const QString portText = value(m_port, "PGPORT", QString::number(p.port));
    bool portOk = false;
    p.port = portText.toInt(&portOk);
    if (!portOk) {
        if (error) {
            *error = Messages::tr("--port: \"%1\" is not a number").arg(portText);
        }
        return false;
    }
    p.database = value(m_database, "PGDATABASE", p.database);
    p.user = value(m_user, "PGUSER", p.user);
    p.sslMode = value(m_sslMode, "PGSSLMODE", p.sslMode);
    p.sslRootCert = value(m_sslRootCert, "PGSSLROOTCERT", p.sslRootCert);
    if (!p.isValid(error)) {
        return false;
    }
    *params = p;
    return true;
}

QString readSecretLine(const QString &prompt)
{
    const bool tty = ::isatty(STDIN_FILENO);
    termios saved{};
    QTextStream err(stderr);
    if (tty) {
        err << prompt << Qt::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err << '\n' << Qt::flush;
    }
    return QString::fromStdString(line);
}

QString pgPasswordFromEnvironment(const PgConnection &params)
{
    const QString fromEnvironment = qEnvironmentVariable("PGPASSWORD");
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    return readSecretLine(Messages::tr("Password for %1: ").arg(params.displayName()));
}

} // namespace kb
