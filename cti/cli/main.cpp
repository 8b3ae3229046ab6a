// hotline-cti: checks telephony from a shell. "listen" runs the same supervised SIP engine as the desk and prints
// one line per event; "register" checks an account against a registrar; "set-password" stores the SIP password
// in the system keychain.
#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <csignal>

#include "call.h"
#include "commandline.h"
#include "linemap.h"
#include "secretstore.h"
#include "sipprovider.h"

namespace {

using cmdline::err;
using cmdline::out;

QString userOf(const QString &uri)
{
    QString u = uri;
    if (u.startsWith(QLatin1String("sip:")) || u.startsWith(QLatin1String("tel:"))) {
        u.remove(0, 4);
    }
    const qsizetype at = u.indexOf(u'@');
    return at >= 0 ? u.left(at) : u;
}

QString isoUs(qint64 us)
{
    return QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) +
           QStringLiteral("%1Z").arg(us % 1000, 3, 10, QLatin1Char('0'));
}

void printLine(bool json, const QJsonObject &o)
{
    if (json) {
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        QString line =
            isoUs(o.value(QLatin1String("ts_us")).toInteger()) + u' ' + o.value(QLatin1String("event")).toString();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (it.key() == QLatin1String("event") || it.key() == QLatin1String("ts_us")) {
                continue;
            }
            const QJsonValue v = it.value();
            const QString text =
                v.isString() ? v.toString()
                : v.isArray()
                    ? QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact))
                    : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
            if (!text.isEmpty()) {
                line += u' ' + it.key() + u'=' + text;
            }
        }
        out() << line << '\n';
    }
    out().flush();
}

QJsonObject callJson(const cti::CallEvent &e)
{
    const cti::Call &c = e.call;
    QJsonObject o{{QStringLiteral("event"), cti::toString(e.type)},
                  {QStringLiteral("call_id"), c.id},
                  {QStringLiteral("from"), c.callerNumber.isEmpty() ? userOf(c.remoteUri) : c.callerNumber},
                  {QStringLiteral("from_display"), c.callerNumberDisplay},
                  {QStringLiteral("name"), c.callerName},
                  {QStringLiteral("to"), c.dialledNumber},
                  {QStringLiteral("state"), cti::toString(c.state)},
                  {QStringLiteral("ts_us"), e.timestampUs}};
    if (!c.municipality.isEmpty()) {
        o.insert(QStringLiteral("municipality"), c.municipality);
    }
    if (c.state == cti::CallState::Ended) {
        o.insert(QStringLiteral("reason"), cti::toString(c.endReason));
        o.insert(QStringLiteral("talk_ms"), c.talkMs(e.timestampUs));
    }
    return o;
}

QJsonObject providerJson(const cti::ProviderEvent &e)
{
    QJsonObject o{{QStringLiteral("event"), cti::toString(e.type)},
                  {QStringLiteral("call_id"), QString()},
                  {QStringLiteral("from"), QString()},
                  {QStringLiteral("to"), QString()},
                  {QStringLiteral("message"), e.message},
                  {QStringLiteral("ts_us"), e.timestampUs}};
    if (e.sipPort) {
        o.insert(QStringLiteral("sip_port"), e.sipPort);
    }
    if (e.type == cti::ProviderEventType::EngineRestarted) {
        o.insert(QStringLiteral("restarts"), e.restarts);
        o.insert(QStringLiteral("downtime_ms"), e.downtimeMs);
        o.insert(QStringLiteral("dropped"), QJsonArray::fromStringList(e.droppedCallIds));
    }
    if (e.type == cti::ProviderEventType::RegistrationChanged) {
        o.insert(QStringLiteral("registration"), e.registrationState);
    }
    return o;
}

int g_signalPipe[2];

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(g_signalPipe[1], &c, 1);
}

// SIGINT/SIGTERM end the event loop cleanly, so the engine is shut down (and un-registers) instead of orphaned.
void installQuitOnSignals(QCoreApplication *app)
{
    if (::pipe(g_signalPipe) != 0) {
        return;
    }
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [] { QCoreApplication::exit(0); });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

struct CommonOptions
{
    QCommandLineOption user{QStringLiteral("user"), QStringLiteral("SIP user (default: agent)."),
                            QStringLiteral("user"), QStringLiteral("agent")};
    QCommandLineOption domain{QStringLiteral("domain"), QStringLiteral("SIP domain (default: 127.0.0.1)."),
                              QStringLiteral("domain"), QStringLiteral("127.0.0.1")};
    QCommandLineOption transport{QStringLiteral("transport"), QStringLiteral("udp, tcp or tls (default: udp)."),
                                 QStringLiteral("transport"), QStringLiteral("udp")};
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               QStringLiteral("Folder for the SIP engine's storage (default: a temporary folder)."),
                               QStringLiteral("dir")};
    QCommandLineOption sound{QStringLiteral("sound-card"),
                             QStringLiteral("Use the system's sound devices instead of files.")};
    QCommandLineOption verbose{QStringLiteral("verbose"), QStringLiteral("Log the engine's diagnostics to stderr.")};
    QCommandLineOption tlsCa{
        QStringLiteral("tls-ca"),
        QStringLiteral("TLS: CA certificate (PEM) the registrar's certificate must chain to (default: "
                       "the system's CAs)."),
        QStringLiteral("file")};
    QCommandLineOption tlsNoVerify{QStringLiteral("tls-no-verify"),
                                   QStringLiteral("TLS: do not check the registrar's certificate (tests only).")};
    QCommandLineOption tlsCert{QStringLiteral("tls-cert"), QStringLiteral("TLS: client certificate (PEM)."),
                               QStringLiteral("file")};
    QCommandLineOption tlsKey{QStringLiteral("tls-key"), QStringLiteral("TLS: the client certificate's key (PEM)."),
                              QStringLiteral("file")};
    QList<QCommandLineOption> all() const
    {
        return {user, domain, transport, dataDir, sound, verbose, tlsCa, tlsNoVerify, tlsCert, tlsKey};
    }
};

bool fillSettings(const QCommandLineParser &p, const CommonOptions &o, cti::SipSettings *s, QTemporaryDir *tmp)
{
    s->account.user = p.value(o.user);
    s->account.domain = p.value(o.domain);
    if (!cti::parseTransport(p.value(o.transport), &s->account.transport)) {
        err() << "hotline-cti: --transport must be udp, tcp or tls, not \"" << p.value(o.transport) << "\"\n";
        return false;
    }
    s->account.tlsCaFile = p.value(o.tlsCa);
    s->account.tlsVerify = !p.isSet(o.tlsNoVerify);
    s->account.tlsCertFile = p.value(o.tlsCert);
    s->account.tlsKeyFile = p.value(o.tlsKey);
    s->dataDir = p.isSet(o.dataDir) ? p.value(o.dataDir) : tmp->path();
    s->useFiles = !p.isSet(o.sound);
    s->engineDebugLog = p.isSet(o.verbose);
    return true;
}

int runListen(QCoreApplication &app, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Listens for SIP calls without a registrar and prints one line per event."));
    p.addHelpOption();
    CommonOptions o;
    p.addOptions(o.all());
    QCommandLineOption port(QStringLiteral("sip-port"), QStringLiteral("Local SIP port (0: any free port)."),
                            QStringLiteral("port"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("One JSON object a line."));
    QCommandLineOption answer(QStringLiteral("answer"), QStringLiteral("Answer every incoming call."));
    QCommandLineOption hangupAfter(QStringLiteral("hangup-after"),
                                   QStringLiteral("With --answer: hang up answered calls after this many ms."),
                                   QStringLiteral("ms"));
    QCommandLineOption notReady(QStringLiteral("not-ready"), QStringLiteral("Refuse every call with 486 Busy Here."));
    QCommandLineOption lineMap(QStringLiteral("line-map"),
                               QStringLiteral("JSON file mapping dialled lines to municipalities."),
                               QStringLiteral("file"));
    QCommandLineOption areaCode(QStringLiteral("area-code"),
                                QStringLiteral("Local area code for numbers without one (e.g. 341)."),
                                QStringLiteral("code"));
    QCommandLineOption registrar(
        QStringLiteral("registrar"),
        QStringLiteral("Also register with this registrar (host[:port]) and report its answers."),
        QStringLiteral("host"));
    QCommandLineOption stdinPassword(
        QStringLiteral("password-stdin"),
        QStringLiteral("With --registrar: read the password from stdin (default: keychain)."));
    p.addOptions({port, json, answer, hangupAfter, notReady, lineMap, areaCode, registrar, stdinPassword});
    p.process(args);
    if (!p.isSet(port)) {
        err() << "hotline-cti listen: --sip-port is required\n";
        return 2;
    }
    bool ok = false;
    const int sipPort = p.value(port).toInt(&ok);
    if (!ok || sipPort < 0 || sipPort > 65535) {
        err() << "hotline-cti listen: --sip-port must be a port number 0-65535, not \"" << p.value(port) << "\"\n";
        return 2;
    }
    QTemporaryDir tmp;
    cti::SipSettings settings;
    if (!fillSettings(p, o, &settings, &tmp)) {
        return 2;
    }
    settings.account.port = sipPort;
    settings.singleCall = false; // a diagnostic listener reports every call, even while another one is up
    if (p.isSet(registrar)) {
        settings.account.registrar = p.value(registrar);
        if (p.isSet(stdinPassword)) {
            QTextStream in(stdin);
            settings.account.password = in.readLine();
        } else {
            // Synchronous start-up read: this is a command-line tool, not the desk's event loop.
            bool done = false;
            QString failure;
            cti::SecretStore::readSecret(
                QStringLiteral("hotline-desk"),
                cti::SecretStore::sipAccountKey(settings.account.user, settings.account.domain), &app,
                [&](bool ok, const QString &secret, const QString &error) {
                    done = true;
                    settings.account.password = secret;
                    failure = ok ? QString() : error;
                });
            while (!done) {
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            }
            if (!failure.isEmpty()) {
                err() << "hotline-cti listen: no password in the keychain (" << failure
                      << "); use set-password or --password-stdin\n";
                return 1;
            }
        }
    }
    if (p.isSet(areaCode)) {
        settings.numberingPlan.localAreaCode = p.value(areaCode);
    }
    if (p.isSet(lineMap)) {
        QString error;
        if (!cti::LineMap::fromFile(p.value(lineMap), &settings.lineMap, &error, settings.numberingPlan)) {
            err() << "hotline-cti listen: " << error << '\n';
            return 1;
        }
    }
    const bool asJson = p.isSet(json);
    const bool autoAnswer = p.isSet(answer);
    const int hangupMs = p.value(hangupAfter).toInt();

    cti::SipProvider provider(settings);
    provider.setAcceptingCalls(!p.isSet(notReady));
    QObject::connect(&provider, &cti::TelephonyProvider::providerEventOccurred, &app, [&](const cti::ProviderEvent &e) {
        QJsonObject o = providerJson(e);
        if (e.type == cti::ProviderEventType::Started || e.type == cti::ProviderEventType::EngineRestarted) {
            o.insert(QStringLiteral("engine_pid"), provider.enginePid());
        }
        printLine(asJson, o);
    });
    QObject::connect(&provider, &cti::TelephonyProvider::callEventOccurred, &app, [&](const cti::CallEvent &e) {
        printLine(asJson, callJson(e));
        if (autoAnswer && e.type == cti::CallEventType::Incoming) {
            provider.answer(e.call.id);
        }
        if (autoAnswer && hangupMs > 0 && e.type == cti::CallEventType::Answered) {
            const QString id = e.call.id;
            QTimer::singleShot(hangupMs, &provider, [&provider, id] { provider.hangUp(id); });
        }
    });
    QString error;
    if (!provider.start(&error)) {
        err() << "hotline-cti listen: " << error << '\n';
        return 1;
    }
    installQuitOnSignals(&app);
    const int rc = app.exec();
    provider.stop();
    return rc;
}

int runRegister(QCoreApplication &app, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Registers an account with a registrar and reports the result (exit 0 when registered). The password comes "
        "from the keychain (see set-password) unless --password-stdin is given."));
    p.addHelpOption();
    CommonOptions o;
    p.addOptions(o.all());
    QCommandLineOption registrar(QStringLiteral("registrar"), QStringLiteral("Registrar host[:port]."),
                                 QStringLiteral("host"));
    QCommandLineOption port(QStringLiteral("sip-port"), QStringLiteral("Local SIP port (default: any free port)."),
                            QStringLiteral("port"), QStringLiteral("0"));
    QCommandLineOption stdinPassword(QStringLiteral("password-stdin"), QStringLiteral("Read the password from stdin."));
    QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("Seconds to wait (default 10)."),
                               QStringLiteral("s"), QStringLiteral("10"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("One JSON object a line."));
    p.addOptions({registrar, port, stdinPassword, timeout, json});
    p.process(args);
    if (!p.isSet(registrar)) {
        err() << "hotline-cti register: --registrar is required\n";
        return 2;
    }
    QTemporaryDir tmp;
    cti::SipSettings settings;
    if (!fillSettings(p, o, &settings, &tmp)) {
        return 2;
    }
    settings.useFiles = true;
    settings.account.registrar = p.value(registrar);
    settings.account.port = p.value(port).toInt();
    const bool asJson = p.isSet(json);
    int rc = 1;
    auto run = [&](const QString &password) {
        settings.account.password = password;
        auto *provider = new cti::SipProvider(settings, nullptr, &app);
        QObject::connect(provider, &cti::TelephonyProvider::providerEventOccurred, &app,
                         [&](const cti::ProviderEvent &e) {
                             printLine(asJson, providerJson(e));
                             if (e.type == cti::ProviderEventType::RegistrationChanged) {
                                 if (e.registrationState == QLatin1String("ok")) {
                                     rc = 0;
                                     QCoreApplication::exit(0);
                                 } else if (e.registrationState == QLatin1String("failed")) {
                                     rc = 3;
                                     QCoreApplication::exit(3);
                                 }
                             }
                         });
        QString error;
        if (!provider->start(&error)) {
            err() << "hotline-cti register: " << error << '\n';
            QCoreApplication::exit(1);
        }
    };
    if (p.isSet(stdinPassword)) {
        QTextStream in(stdin);
        const QString password = in.readLine();
        QTimer::singleShot(0, &app, [run, password] { run(password); });
    } else {
        const QString key = cti::SecretStore::sipAccountKey(settings.account.user, settings.account.domain);
        cti::SecretStore::readSecret(QStringLiteral("hotline-desk"), key, &app,
                                     [run, key](bool ok, const QString &secret, const QString &error) {
                                         if (!ok) {
                                             err() << "hotline-cti register: no password for " << key
                                                   << " in the keychain (" << error
                                                   << "); use set-password or --password-stdin\n";
                                             QCoreApplication::exit(1);
                                             return;
                                         }
                                         run(secret);
                                     });
    }
    QTimer::singleShot(p.value(timeout).toInt() * 1000, &app, [&] {
        err() << "hotline-cti register: no answer from " << p.value(registrar) << " within " << p.value(timeout)
              << " s\n";
        rc = 4;
        QCoreApplication::exit(4);
    });
    installQuitOnSignals(&app);
    const int exitCode = app.exec();
    return exitCode == 0 ? rc : exitCode;
}

int runSetPassword(QCoreApplication &app, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Reads a SIP password from stdin and stores it in the system keychain."));
    p.addHelpOption();
    CommonOptions o;
    p.addOptions({o.user, o.domain});
    p.process(args);
    QTextStream in(stdin);
    const QString password = in.readLine();
    int rc = 1;
    cti::SecretStore::writeSecret(QStringLiteral("hotline-desk"),
                                  cti::SecretStore::sipAccountKey(p.value(o.user), p.value(o.domain)), password, &app,
                                  [&rc](bool ok, const QString &error) {
                                      if (!ok) {
                                          err() << "hotline-cti set-password: " << error << '\n';
                                      }
                                      rc = ok ? 0 : 1;
                                      QCoreApplication::exit(rc);
                                  });
    app.exec();
    return rc;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hotline-cti"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOTLINE_VERSION));
    QStringList args = app.arguments();
    const QString command = args.size() > 1 ? args.at(1) : QString();
    if (command.isEmpty() || command == QLatin1String("-h") || command == QLatin1String("--help")) {
        out() << "usage: hotline-cti listen --sip-port N [--json] [--answer] [options]\n"
                 "       hotline-cti register --registrar HOST[:PORT] --user U --domain D [--password-stdin]\n"
                 "       hotline-cti set-password --user U --domain D   (password on stdin)\n"
                 "Run a command with --help for its options. Exit codes: 0 success, 1 runtime error, 2 usage error;\n"
                 "register: 3 refused by the registrar, 4 no answer.\n";
        return command.isEmpty() ? 2 : 0;
    }
    args.removeAt(1);
    if (command == QLatin1String("listen")) {
        return runListen(app, args);
    }
    if (command == QLatin1String("register")) {
        return runRegister(app, args);
    }
    if (command == QLatin1String("set-password")) {
        return runSetPassword(app, args);
    }
    err() << "hotline-cti: unknown command \"" << command << "\" (listen, register, set-password)\n";
    return 2;
}
