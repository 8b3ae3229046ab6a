#include "pgcluster.h"

#include "pgconnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QCoreApplication>
#include <QTcpServer>

#include <cstdlib>
#include <unistd.h>

namespace hotline::test {

namespace {

void setError(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
}

// A port nobody listens on right now. Another process may take it before the server starts;
// start() retries with a new one then.
int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    return probe.serverPort();
}

// Clusters of test processes that crashed (no cleanup ran): each folder names its owner's pid;
// a folder whose owner is gone is stopped and removed before a new cluster starts.
void reapOrphans(const QString &binDir)
{
    const QFileInfoList dirs =
        QDir(QStringLiteral("/tmp")).entryInfoList({QStringLiteral("hotline-pg-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &dir : dirs) {
        QFile owner(dir.filePath() + QStringLiteral("/owner.pid"));
        if (!owner.open(QIODevice::ReadOnly)) {
            continue;
        }
        const qint64 pid = owner.readAll().trimmed().toLongLong();
        if (pid <= 0 || QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid))) {
            continue;
        }
        QProcess::execute(QStringLiteral("runuser"),
                          {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                           QDir(binDir).filePath(QStringLiteral("pg_ctl")), QStringLiteral("-D"),
                           dir.filePath() + QStringLiteral("/data"), QStringLiteral("-m"), QStringLiteral("immediate"),
                           QStringLiteral("stop")});
        QDir(dir.filePath()).removeRecursively();
    }
}

} // namespace

PgCluster::PgCluster() = default;

PgCluster::~PgCluster()
{
    destroy();
}

QString PgCluster::binDir()
{
    const QByteArray fromEnv = qgetenv("HOTLINE_PG_BINDIR");
    return fromEnv.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : QString::fromLocal8Bit(fromEnv);
}

bool PgCluster::isRunning() const
{
    return m_running;
}

int PgCluster::port() const
{
    return m_port;
}

QString PgCluster::socketDir() const
{
    return m_dir ? m_dir->path() : QString();
}

QString PgCluster::dataDir() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("data")) : QString();
}

bool PgCluster::runAsPostgres(const QString &program, const QStringList &arguments, QString *output, QString *error,
                              int timeoutMs) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir ? m_dir->path() : QDir::tempPath());
    QString executable = QDir(binDir()).filePath(program);
    QStringList args = arguments;
    // initdb and postgres refuse to run as root: drop to the postgres system user.
    if (::geteuid() == 0) {
        args.prepend(executable);
        args.prepend(QStringLiteral("--"));
        args.prepend(QStringLiteral("postgres"));
        args.prepend(QStringLiteral("-u"));
        executable = QStringLiteral("runuser");
    }
    process.start(executable, args);
    if (!process.waitForStarted(10000)) {
        setError(error, QStringLiteral("cannot start %1: %2").arg(executable, process.errorString()));
        return false;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        setError(error, QStringLiteral("%1 did not finish in %2 ms").arg(program).arg(timeoutMs));
        return false;
    }
    const QString out = QString::fromLocal8Bit(process.readAll());
    if (output) {
        *output = out;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        setError(error, QStringLiteral("%1 %2 failed (exit %3): %4")
                            .arg(program, arguments.join(QLatin1Char(' ')))
                            .arg(process.exitCode())
                            .arg(out.trimmed()));
        return false;
    }
    return true;
}

bool PgCluster::init(const Options &options, QString *error)
{
    if (!QFile::exists(QDir(binDir()).filePath(QStringLiteral("initdb")))) {
        setError(error, QStringLiteral("PostgreSQL 15 is not installed (no initdb in %1)").arg(binDir()));
        return false;
    }
    if (::geteuid() == 0) {
        reapOrphans(binDir());
    }
    // Short path: the unix socket path must stay under 107 bytes.
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/hotline-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        setError(error, QStringLiteral("cannot create a temporary folder: %1").arg(m_dir->errorString()));
        return false;
    }
    if (::geteuid() == 0) {
        // Hand the folder to the postgres user. chown via the system call: no shell involved.
        if (QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postgres:postgres"), m_dir->path()}) != 0) {
            setError(error, QStringLiteral("cannot chown %1 to postgres").arg(m_dir->path()));
            return false;
        }
    }
    QFile owner(m_dir->filePath(QStringLiteral("owner.pid")));
    if (owner.open(QIODevice::WriteOnly)) {
        owner.write(QByteArray::number(QCoreApplication::applicationPid()));
        owner.close();
    }
    QFile pwfile(m_dir->filePath(QStringLiteral("pwfile")));
    if (!pwfile.open(QIODevice::WriteOnly) || pwfile.write("postgres\n") < 0) {
        setError(error, QStringLiteral("cannot write %1").arg(pwfile.fileName()));
        return false;
    }
    pwfile.close();
    pwfile.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    QString output;
    // Unix socket: trust (psql for fixtures); TCP: scram, the path desks take.
    if (!runAsPostgres(QStringLiteral("initdb"),
                       {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), QStringLiteral("postgres"),
                        QStringLiteral("--pwfile=") + pwfile.fileName(), QStringLiteral("--auth-local=trust"),
                        QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                        QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync")},
                       &output, error)) {
        return false;
    }
    QFile conf(QDir(dataDir()).filePath(QStringLiteral("postgresql.auto.conf")));
    if (!conf.open(QIODevice::Append)) {
        setError(error, QStringLiteral("cannot write %1").arg(conf.fileName()));
        return false;
    }
    conf.write(QStringLiteral("listen_addresses = '127.0.0.1'\n"
                              "unix_socket_directories = '%1'\n"
                              "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                              "max_connections = %2\nshared_buffers = 32MB\n"
                              "log_min_messages = warning\n")
                   .arg(m_dir->path())
                   .arg(options.maxConnections)
                   .toUtf8());
    conf.close();
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freeLoopbackPort();
        if (start(error)) {
            return true;
        }
    }
    return false;
}

bool PgCluster::start(QString *error)
{
    if (m_running) {
        return true;
    }
    QString output;
    if (!runAsPostgres(QStringLiteral("pg_ctl"),
                       {QStringLiteral("-D"), dataDir(), QStringLiteral("-w"), QStringLiteral("-t"),
                        QStringLiteral("30"), QStringLiteral("-l"), m_dir->filePath(QStringLiteral("server.log")),
                        QStringLiteral("-o"), QStringLiteral("-p %1").arg(m_port), QStringLiteral("start")},
                       &output, error)) {
        QFile log(m_dir->filePath(QStringLiteral("server.log")));
        if (log.open(QIODevice::ReadOnly) && error) {
            *error += QStringLiteral("\nserver log: ") + QString::fromLocal8Bit(log.readAll().right(2000));
        }
        return false;
    }
    m_running = true;
    return true;
}

bool PgCluster::stop(QString *error)
{
    if (!m_running) {
        return true;
    }
    QString output;
    if (!runAsPostgres(QStringLiteral("pg_ctl"),
                       {QStringLiteral("-D"), dataDir(), QStringLiteral("-w"), QStringLiteral("-m"),
                        QStringLiteral("fast"), QStringLiteral("stop")},
                       &output, error)) {
        return false;
    }
    m_running = false;
    return true;
}

void PgCluster::destroy()
{
    if (m_running) {
        QString ignored;
        if (!runAsPostgres(QStringLiteral("pg_ctl"),
                           {QStringLiteral("-D"), dataDir(), QStringLiteral("-w"), QStringLiteral("-m"),
                            QStringLiteral("immediate"), QStringLiteral("stop")},
                           nullptr, &ignored)) {
            qWarning("could not stop the test cluster: %s", qPrintable(ignored));
        }
        m_running = false;
    }
    m_dir.reset(); // removes the folder
}

bool PgCluster::makeUnrelatedCertificate(const QString &name, QString *certFile, QString *error)
{
    const QString cert = m_dir->filePath(name + QStringLiteral(".crt"));
    const QString key = m_dir->filePath(name + QStringLiteral(".key"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        setError(error, QStringLiteral("openssl failed: %1").arg(QString::fromLocal8Bit(openssl.readAll())));
        return false;
    }
    *certFile = cert;
    return true;
}

bool PgCluster::enableTls(QString *caFile, QString *error)
{
    QString cert;
    if (!makeUnrelatedCertificate(QStringLiteral("server"), &cert, error)) {
        return false;
    }
    const QString key = m_dir->filePath(QStringLiteral("server.key"));
    // The server reads its key only if the postgres user owns it and nobody else can read it.
    QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner);
    if (::geteuid() == 0 &&
        QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postgres:postgres"), key, cert}) != 0) {
        setError(error, QStringLiteral("cannot chown the certificate to postgres"));
        return false;
    }
    QFile conf(QDir(dataDir()).filePath(QStringLiteral("postgresql.auto.conf")));
    if (!conf.open(QIODevice::Append)) {
        setError(error, QStringLiteral("cannot write %1").arg(conf.fileName()));
        return false;
    }
    conf.write(QStringLiteral("ssl = on\nssl_cert_file = '%1'\nssl_key_file = '%2'\n").arg(cert, key).toUtf8());
    conf.close();
    QString output;
    if (!runAsPostgres(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), dataDir(), QStringLiteral("reload")}, &output,
                       error)) {
        return false;
    }
    *caFile = cert;
    return true;
}

bool PgCluster::psql(const QString &database, const QString &sql, QString *output, QString *error) const
{
    return runAsPostgres(QStringLiteral("psql"),
                         {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                          QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), m_dir->path(),
                          QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"),
                          QStringLiteral("postgres"), QStringLiteral("-d"), database, QStringLiteral("-c"), sql},
                         output, error);
}

QString PgCluster::createDatabase(const QString &prefix, QString *error)
{
    const QString name = QStringLiteral("%1_%2").arg(prefix).arg(++m_databaseCounter);
    if (!psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(name), nullptr,
              error)) {
        return {};
    }
    return name;
}

kb::PgConnection PgCluster::connection(const QString &database, const QString &user, const QString &password) const
{
    kb::PgConnection c;
    c.host = QStringLiteral("127.0.0.1");
    c.port = m_port;
    c.database = database;
    c.user = user;
    c.password = password;
    c.sslMode = QStringLiteral("disable");
    c.connectTimeoutSeconds = 2;
    c.applicationName = QStringLiteral("hotline-tests");
    return c;
}

PgCluster &sharedCluster()
{
    // Lives as long as the process; stopped and removed while QCoreApplication is still there
    // (post routine), so QProcess works for the shutdown.
    static PgCluster cluster;
    static bool initialised = false;
    if (!initialised) {
        initialised = true;
        QString error;
        PgCluster::Options options;
        const QByteArray maxConnections = qgetenv("HOTLINE_PG_MAX_CONNECTIONS");
        if (!maxConnections.isEmpty()) {
            options.maxConnections = maxConnections.toInt();
        }
        if (!cluster.init(options, &error)) {
            qFatal("cannot start the throwaway PostgreSQL cluster: %s", qPrintable(error));
        }
        qAddPostRoutine([] { sharedCluster().destroy(); });
    }
    return cluster;
}

} // namespace hotline::test
