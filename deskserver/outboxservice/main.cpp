// hotline-outbox-service: sends the shared store's outbox (forwards and booking confirmations of all
// desks, table outbox_messages on the PostgreSQL server) through SMTP.
//
//   hotline-outbox-service [--host H --port P --db D --user U --sslmode M --sslrootcert F]
//                          --smtp-host H [--smtp-port P --smtp-security none|starttls|tls --smtp-user U
//                          --smtp-cafile F] [--once] [--poll S] [--reconnect S] [--retry-initial S]
//
// Connection options and PG* fallbacks as hotline-admin; the server password from PGPASSWORD or the
// first line of standard input (empty: libpq's password file), the SMTP password from
// HOTLINE_SMTP_PASSWORD. Log in as a member of hotline_sender (hotline-admin-desk user add NAME
// --role sender). Several services may run at once (exactly once per message: OutboxStore's
// claims). --once sends what is due and exits; otherwise it runs until SIGTERM/SIGINT, woken by
// NOTIFY outbox_queued and by a periodic check for retries that became due, and reconnects when
// the server goes away. Exit codes: 0, 1 runtime error, 2 usage error.
#include "commandline.h"
#include "dbsupport.h"
#include "outboxstore.h"
#include "outboxworker.h"
#include "pgcommandline.h"
#include "pgconnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QSocketNotifier>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <memory>

#include <unistd.h>

namespace {

using cmdline::err;
using cmdline::fail;
using cmdline::out;
using enum cmdline::ExitCode;

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(hotline - outbox - service)
};

std::atomic<bool> g_terminate{false};
int g_signalPipe[2] = {-1, -1};

void onTerminate(int)
{
    g_terminate.store(true);
    const char c = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &c, 1);
}

// One connection to the server, its OutboxStore and the worker on it. Dropped as a whole when the
// server goes away and made again on the next attempt.
class Service : public QObject
{
public:
    Service(kb::PgConnection params, outbox::SmtpConfig smtp, outbox::RetryPolicy policy, int pollMs, int reconnectMs)
        : m_params(std::move(params)), m_smtp(std::move(smtp)), m_policy(policy), m_pollMs(pollMs),
          m_reconnectMs(reconnectMs)
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &Service::run);
    }

    ~Service() override
    {
        disconnectServer();
    }

    bool connectServer(QString *error)
    {
        if (!kb::openPgConnection(m_params, m_connection, error)) {
            return false;
        }
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        auto store = outbox::OutboxStore::openOn(db, error);
        if (!store) {
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connection);
            return false;
        }
        m_worker = std::make_unique<outbox::OutboxWorker>(std::move(store), m_smtp, m_policy);
        m_worker->setStopFlag(&g_terminate);
        m_worker->setEventHandler([](const outbox::SendEvent &ev) {
            static const char *names[] = {"sent", "deferred", "failed"};
            out() << names[static_cast<int>(ev.kind)] << ' ' << ev.id << ' ' << ev.code << ' ' << ev.reply;
            if (ev.kind == outbox::SendEvent::Kind::Deferred) {
                out() << " (next attempt " << ev.nextAttempt.toString(Qt::ISODate) << ')';
            }
            out() << Qt::endl;
        });
        if (!m_worker->open(error)) { // recovers the sends of senders that died
            disconnectServer();
            return false;
        }
        if (m_worker->recoveredQueued() || m_worker->recoveredUnconfirmed()) {
            out() << Messages::tr("recovered interrupted sends: %1 queued again, %2 unconfirmed")
                         .arg(m_worker->recoveredQueued())
                         .arg(m_worker->recoveredUnconfirmed())
                  << Qt::endl;
        }
        if (m_listen) {
            QSqlDriver *driver = db.driver();
            if (!driver->subscribeToNotification(QStringLiteral("outbox_queued"))) {
                *error = Messages::tr("cannot LISTEN on outbox_queued: %1").arg(driver->lastError().text());
                disconnectServer();
                return false;
            }
            connect(driver, &QSqlDriver::notification, this, [this] { schedule(0); });
        }
        out() << Messages::tr("connected to %1").arg(m_params.displayName()) << Qt::endl;
        return true;
    }

    void disconnectServer()
    {
        m_worker.reset();
        if (QSqlDatabase::contains(m_connection)) {
            {
                QSqlDatabase db = QSqlDatabase::database(m_connection, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(m_connection);
        }
    }

    // --once: recovery plus one round.
    int runOnce()
    {
        QString error;
        if (!connectServer(&error)) {
            return fail(error);
        }
        m_worker->processDue(QDateTime::currentDateTimeUtc(), &error);
        if (!error.isEmpty()) {
            return fail(error);
        }
        return Ok;
    }

    void startService()
    {
        m_listen = true;
        schedule(0);
    }

private:
    void schedule(int ms)
    {
        if (m_timer.isActive() && m_timer.remainingTime() <= ms) {
            return;
        }
        m_timer.start(ms);
    }

    void run()
    {
        if (g_terminate.load()) {
            return;
        }
        QString error;
        if (!m_worker) {
            if (!connectServer(&error)) {
                if (error != m_lastConnectError) { // once per different reason, not every few seconds
                    err() << "hotline-outbox-service: " << error << Messages::tr(" (retrying)") << Qt::endl;
                    m_lastConnectError = error;
                }
                schedule(m_reconnectMs);
                return;
            }
            m_lastConnectError.clear();
        }
        m_worker->processDue(QDateTime::currentDateTimeUtc(), &error);
        if (!m_worker->isConnectionAlive()) {
            err() << "hotline-outbox-service: "
                  << Messages::tr("lost the server %1: %2").arg(m_params.displayName(), error) << Qt::endl;
            disconnectServer();
            schedule(m_reconnectMs);
            return;
        }
        if (!error.isEmpty()) {
            err() << "hotline-outbox-service: " << error << Qt::endl;
        }
        qint64 delay = m_pollMs;
        if (const auto next = m_worker->nextDue()) {
            delay = std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(*next), 0, m_pollMs);
        }
        schedule(static_cast<int>(delay));
    }

    kb::PgConnection m_params;
    outbox::SmtpConfig m_smtp;
    outbox::RetryPolicy m_policy;
    int m_pollMs;
    int m_reconnectMs;
    bool m_listen = false;
    QString m_connection = QStringLiteral("hotline-outbox-service");
    std::unique_ptr<outbox::OutboxWorker> m_worker;
    QTimer m_timer;
    QString m_lastConnectError;
};

bool secondsOption(const QCommandLineParser &parser, const QCommandLineOption &option, double fallback, int *ms,
                   QString *error)
{
    if (!parser.isSet(option)) {
        *ms = static_cast<int>(fallback * 1000);
        return true;
    }
    bool ok = false;
    const double seconds = parser.value(option).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 86400) {
        *error = Messages::tr("--%1 must be a number of seconds (greater than 0, at most 86400), not \"%2\"")
                     .arg(option.names().constFirst(), parser.value(option));
        return false;
    }
    *ms = static_cast<int>(seconds * 1000);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    cmdline::setUpTool(QStringLiteral("hotline-outbox-service"));
    QCommandLineParser parser;
    parser.setApplicationDescription(Messages::tr(
        "Hotline Desk shared store: sends the server's outbox (forwards and booking confirmations of all desks).\n"
        "Log in as a member of hotline_sender (hotline-admin-desk user add NAME --role sender).\n"
        "The server password comes from PGPASSWORD, otherwise from the first line of standard input;\n"
        "the SMTP password from HOTLINE_SMTP_PASSWORD. Runs until SIGTERM unless --once is given.\n"
        "Exit codes: 0 success, 1 runtime error, 2 usage error."));
    parser.addHelpOption();
    const kb::PgCommandLine server(Messages::tr("Login (default: PGUSER), a member of hotline_sender."));
    server.addTo(parser);
    const QCommandLineOption smtpHost(QStringLiteral("smtp-host"), Messages::tr("SMTP server."),
                                      QStringLiteral("HOST"));
    const QCommandLineOption smtpPort(QStringLiteral("smtp-port"), Messages::tr("SMTP port (587)."),
                                      QStringLiteral("PORT"), QStringLiteral("587"));
    const QCommandLineOption smtpSecurity(QStringLiteral("smtp-security"),
                                          Messages::tr("none, starttls or tls (starttls)."), QStringLiteral("MODE"),
                                          QStringLiteral("starttls"));
    const QCommandLineOption smtpUser(QStringLiteral("smtp-user"), Messages::tr("SMTP login (none: no login)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption smtpCa(QStringLiteral("smtp-cafile"), Messages::tr("Extra CA bundle for the SMTP server."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption once(QStringLiteral("once"), Messages::tr("Send what is due now and exit."));
    const QCommandLineOption poll(QStringLiteral("poll"),
                                  Messages::tr("Seconds between checks for retries that became due (30)."),
                                  QStringLiteral("SECONDS"));
    const QCommandLineOption reconnect(QStringLiteral("reconnect"),
                                       Messages::tr("Seconds between attempts to reach a lost server (5)."),
                                       QStringLiteral("SECONDS"));
    const QCommandLineOption retryInitial(QStringLiteral("retry-initial"),
                                          Messages::tr("Seconds before the first retry of a deferred message (30; "
                                                       "doubles each time up to 30 minutes)."),
                                          QStringLiteral("SECONDS"));
    for (const QCommandLineOption &o :
         {smtpHost, smtpPort, smtpSecurity, smtpUser, smtpCa, once, poll, reconnect, retryInitial}) {
        parser.addOption(o);
    }
    if (int code = Ok; !cmdline::parseArguments(parser, &code)) {
        return code;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return fail(
            Messages::tr("unexpected argument \"%1\" (see --help)").arg(parser.positionalArguments().constFirst()),
            UsageError);
    }

    kb::PgConnection params;
    QString error;
    if (!server.read(parser, QStringLiteral("hotline-outbox-service"), &params, &error)) {
        return fail(error, UsageError);
    }

    outbox::SmtpConfig smtp;
    if (!parser.isSet(smtpHost)) {
        return fail(Messages::tr("--smtp-host is required"), UsageError);
    }
    smtp.host = parser.value(smtpHost);
    bool smtpPortOk = false;
    smtp.port = parser.value(smtpPort).toInt(&smtpPortOk);
    if (!smtpPortOk || smtp.port <= 0 || smtp.port > 65535) {
        return fail(Messages::tr("--smtp-port must be a TCP port, not \"%1\"").arg(parser.value(smtpPort)), UsageError);
    }
    const QString mode = parser.value(smtpSecurity);
    if (mode == QLatin1String("none")) {
        smtp.security = outbox::SmtpConfig::Security::None;
    } else if (mode == QLatin1String("tls")) {
        smtp.security = outbox::SmtpConfig::Security::Tls;
    } else if (mode == QLatin1String("starttls")) {
        smtp.security = outbox::SmtpConfig::Security::StartTls;
    } else {
        return fail(Messages::tr("unknown --smtp-security \"%1\" (none, starttls, tls)").arg(mode), UsageError);
    }
    smtp.user = parser.value(smtpUser);
    smtp.caFile = parser.value(smtpCa);
    smtp.password = qEnvironmentVariable("HOTLINE_SMTP_PASSWORD");

    int pollMs = 0;
    int reconnectMs = 0;
    int retryMs = 0;
    if (!secondsOption(parser, poll, 30, &pollMs, &error) ||
        !secondsOption(parser, reconnect, 5, &reconnectMs, &error) ||
        !secondsOption(parser, retryInitial, 30, &retryMs, &error)) {
        return fail(error, UsageError);
    }
    outbox::RetryPolicy policy;
    policy.initialDelayMs = retryMs;

    params.password = kb::pgPasswordFromEnvironment(params);

    Service service(params, smtp, policy, pollMs, reconnectMs);
    if (parser.isSet(once)) {
        return service.runOnce();
    }

    // SIGTERM/SIGINT: the message in flight is finished (never cut in the middle), then we exit.
    if (::pipe(g_signalPipe) != 0) {
        return fail(Messages::tr("cannot set up the signal pipe"));
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char c = 0;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &c, 1);
        out() << Messages::tr("stopping") << Qt::endl;
        QCoreApplication::quit();
    });
    struct sigaction action
    {
    };
    action.sa_handler = onTerminate;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);

    service.startService();
    const int code = QCoreApplication::exec();
    return code;
}
