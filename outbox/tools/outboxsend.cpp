// hotline-outbox-send: sends what is due in an outbox database once and exits.
//   hotline-outbox-send --db journal.db --host 127.0.0.1 --port 2525 [--security none|starttls|tls]
//                       [--user NAME]   (password from the environment variable HOTLINE_SMTP_PASSWORD)
// The crash test runs it as a child process and kills it with SIGKILL in the middle of a send.
#include "outboxworker.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Send the due messages of a Hotline Desk outbox once."));
    parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Outbox database file."), QStringLiteral("path"));
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("SMTP host."), QStringLiteral("host"),
                                  QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("SMTP port."), QStringLiteral("port"),
                                  QStringLiteral("25"));
    const QCommandLineOption security(QStringLiteral("security"), QStringLiteral("none, starttls or tls."),
                                      QStringLiteral("mode"), QStringLiteral("starttls"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("SMTP login."), QStringLiteral("name"));
    parser.addOptions({db, host, port, security, user});
    parser.process(app);
    QTextStream err(stderr);
    if (!parser.isSet(db)) {
        err << "hotline-outbox-send: --db is required\n";
        return 2;
    }
    outbox::SmtpConfig config;
    config.host = parser.value(host);
    config.port = parser.value(port).toInt();
    const QString mode = parser.value(security);
    if (mode == QLatin1String("none")) {
        config.security = outbox::SmtpConfig::Security::None;
    } else if (mode == QLatin1String("tls")) {
        config.security = outbox::SmtpConfig::Security::Tls;
    } else if (mode == QLatin1String("starttls")) {
        config.security = outbox::SmtpConfig::Security::StartTls;
    } else {
        err << "hotline-outbox-send: unknown --security " << mode << " (none, starttls, tls)\n";
        return 2;
    }
    config.user = parser.value(user);
    config.password = qEnvironmentVariable("HOTLINE_SMTP_PASSWORD");
    outbox::OutboxWorker worker(parser.value(db), config);
    QString error;
    if (!worker.open(&error)) {
        err << "hotline-outbox-send: " << error << "\n";
        return 1;
    }
    QTextStream out(stdout);
    worker.setEventHandler([&out](const outbox::SendEvent &ev) {
        static const char *names[] = {"sent", "deferred", "failed"};
        out << names[static_cast<int>(ev.kind)] << ' ' << ev.id << ' ' << ev.code << ' ' << ev.reply << '\n';
        out.flush();
    });
    worker.processDue(QDateTime::currentDateTimeUtc(), &error);
    if (!error.isEmpty()) {
        err << "hotline-outbox-send: " << error << "\n";
        return 1;
    }
    return 0;
}
