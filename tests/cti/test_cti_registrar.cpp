// Registration against a real registrar: Debian's kamailio with a minimal config (tests/cti/kamailio.cfg.in:
// digest auth with one password, in-memory location, INVITEs relayed to registered users).
#include <algorithm>
#include <csignal>
#include <functional>

#include <sys/types.h>

#include <catch2/catch.hpp>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "baresippeer.h"
#include "sipprovider.h"

using namespace cti;

namespace {

class Kamailio
{
public:
    // With tls, kamailio also listens for TLS with a throwaway self-signed certificate for 127.0.0.1 (made here with
    // openssl; certificatePath() is what a desk that verifies it trusts).
    explicit Kamailio(const QString &password, bool tls = false)
    {
        port = BaresipPeer::freePort(true);
        if (tls) {
            tlsPort = BaresipPeer::freePort(false);
            QProcess openssl;
            openssl.setProcessChannelMode(QProcess::MergedChannels);
            openssl.start(
                QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                 QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                 QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:127.0.0.1,IP:127.0.0.1"),
                 QStringLiteral("-keyout"), keyPath(), QStringLiteral("-out"), certificatePath()});
            REQUIRE(openssl.waitForFinished(20000));
            INFO(openssl.readAll().toStdString());
            REQUIRE(openssl.exitCode() == 0);
            QFile cert(certificatePath());
            QFile key(keyPath());
            QFile both(certificateAndKeyPath());
            REQUIRE(
                (cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly) && both.open(QIODevice::WriteOnly)));
            both.write(cert.readAll() + key.readAll());
        }
        QFile in(QStringLiteral(HOTLINE_SOURCE_DIR "/tests/cti/kamailio.cfg.in"));
        REQUIRE(in.open(QIODevice::ReadOnly));
        QByteArray cfg = in.readAll();
        cfg.replace("@PORT@", QByteArray::number(port)).replace("@PASSWORD@", password.toUtf8());
        cfg.replace("@TLS@", tls ? "" : "_OFF").replace("@TLS_PORT@", QByteArray::number(tlsPort));
        const QString tlsConfig = m_dir.filePath(QStringLiteral("tls.cfg"));
        cfg.replace("@TLS_CONFIG@", tlsConfig.toUtf8());
        if (tls) {
            QFile tlsCfg(tlsConfig);
            REQUIRE(tlsCfg.open(QIODevice::WriteOnly));
            tlsCfg.write(QStringLiteral("[server:default]\nmethod = TLSv1.2+\nverify_certificate = no\n"
                                        "require_certificate = no\nprivate_key = %1\ncertificate = %2\n\n"
                                        "[client:default]\nverify_certificate = no\nrequire_certificate = no\n")
                             .arg(keyPath(), certificatePath())
                             .toUtf8());
        }
        QFile out(m_dir.filePath(QStringLiteral("kamailio.cfg")));
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(cfg);
        out.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("kamailio"),
                        {QStringLiteral("-f"), out.fileName(), QStringLiteral("-DD"), QStringLiteral("-E"),
                         QStringLiteral("-P"), m_dir.filePath(QStringLiteral("pid")), QStringLiteral("-Y"),
                         m_dir.path(), QStringLiteral("-w"), m_dir.path()});
        REQUIRE(m_process.waitForStarted(5000));
        // Ready once it listens; a loaded machine (CI on 2 cores) may take several seconds.
        const bool listening = QTest::qWaitFor(
            [this] {
                return m_process.state() != QProcess::Running || BaresipPeer::udpPortOf(m_process.processId()) == port;
            },
            20000);
        INFO("kamailio output: " << QString::fromUtf8(m_process.readAll()).toStdString());
        REQUIRE(listening);
        REQUIRE(m_process.state() == QProcess::Running);
    }
    ~Kamailio()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(1000);
        }
    }
    QString log()
    {
        return QString::fromUtf8(m_process.readAll());
    }
    QString certificatePath() const
    {
        return m_dir.filePath(QStringLiteral("cert.pem"));
    }
    QString keyPath() const
    {
        return m_dir.filePath(QStringLiteral("key.pem"));
    }
    QString certificateAndKeyPath() const
    {
        return m_dir.filePath(QStringLiteral("both.pem"));
    }
    int port = 0;
    int tlsPort = 0;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

struct RegisteredDesk
{
    RegisteredDesk(int registrarPort, const QString &password, SipTransport transport = SipTransport::Udp,
                   const std::function<void(SipAccount &)> &adjust = {})
    {
        SipSettings s;
        s.dataDir = dir.path();
        s.useFiles = true;
        s.account.user = QStringLiteral("4711");
        s.account.domain = QStringLiteral("127.0.0.1");
        s.account.password = password;
        s.account.registrar = QStringLiteral("127.0.0.1:%1").arg(registrarPort);
        s.account.port = 0;
        s.account.transport = transport;
        if (adjust) {
            adjust(s.account);
        }
        provider = std::make_unique<SipProvider>(s);
        QObject::connect(provider.get(), &TelephonyProvider::providerEventOccurred, provider.get(),
                         [this](const ProviderEvent &e) {
                             if (e.type == ProviderEventType::RegistrationChanged) {
                                 registrations.append(e.registrationState);
                             }
                             if (e.type == ProviderEventType::EngineRestarted) {
                                 ++restarts;
                             }
                         });
        QObject::connect(provider.get(), &TelephonyProvider::callEventOccurred, provider.get(),
                         [this](const CallEvent &e) { calls.append(e); });
        QString error;
        REQUIRE(provider->start(&error));
    }
    QTemporaryDir dir;
    QStringList registrations;
    QList<CallEvent> calls;
    int restarts = 0;
    std::unique_ptr<SipProvider> provider;
};

} // namespace

TEST_CASE("the desk registers with kamailio and receives calls routed by it", "[cti][sip][registrar]")
{
    Kamailio registrar(QStringLiteral("geheim"));
    RegisteredDesk desk(registrar.port, QStringLiteral("geheim"));
    REQUIRE(QTest::qWaitFor([&] { return desk.registrations.contains(QStringLiteral("ok")); }, 8000));
    CHECK(desk.provider->registrationState() == QStringLiteral("ok"));

    BaresipPeer caller;
    QString error;
    REQUIRE(caller.start({}, &error));
    REQUIRE(caller.dial(QStringLiteral("sip:4711@127.0.0.1:%1").arg(registrar.port)));
    REQUIRE(QTest::qWaitFor([&] { return !desk.calls.isEmpty(); }, 5000));
    const CallEvent incoming = desk.calls.first();
    CHECK(incoming.type == CallEventType::Incoming);
    CHECK(incoming.call.callerNumber == QStringLiteral("+4934112345"));
    CHECK(incoming.call.dialledNumber == QStringLiteral("4711"));
    REQUIRE(desk.provider->answer(incoming.call.id));
    REQUIRE(caller.waitForEvent(QStringLiteral("CALL_ESTABLISHED"), 5000));
    REQUIRE(caller.hangup());
    const bool ended = QTest::qWaitFor([&] { return desk.provider->activeCalls().isEmpty(); }, 5000);
    INFO(registrar.log().toStdString());
    REQUIRE(ended);
    CHECK(desk.provider->recentCalls().constLast().endReason == EndReason::Completed);

    // After an engine crash the new engine registers again by itself.
    desk.registrations.clear();
    REQUIRE(::kill(pid_t(desk.provider->enginePid()), SIGKILL) == 0);
    REQUIRE(
        QTest::qWaitFor([&] { return desk.restarts == 1 && desk.registrations.contains(QStringLiteral("ok")); }, 8000));
}

TEST_CASE("a wrong SIP password is reported as a failed registration", "[cti][sip][registrar]")
{
    Kamailio registrar(QStringLiteral("geheim"));
    RegisteredDesk desk(registrar.port, QStringLiteral("falsch"));
    REQUIRE(QTest::qWaitFor([&] { return desk.registrations.contains(QStringLiteral("failed")); }, 8000));
    CHECK_FALSE(desk.registrations.contains(QStringLiteral("ok")));
}

// One call through the proxy: it pops with the caller's number, is answered, and is hung up by hangUpBy ("caller"
// or "agent"); each side must learn that the other ended it (ACK and BYE routed back through the proxy).
void callThroughProxy(RegisteredDesk &desk, Kamailio &registrar, const QString &dialUri, const QString &hangUpBy)
{
    desk.calls.clear();
    BaresipPeer caller;
    QString error;
    BaresipPeer::Options options;
    if (registrar.tlsPort) {
        options.tlsCertificate = registrar.certificateAndKeyPath();
    }
    REQUIRE(caller.start(options, &error));
    REQUIRE(caller.dial(dialUri));
    REQUIRE(QTest::qWaitFor([&] { return !desk.calls.isEmpty(); }, 5000));
    const CallEvent incoming = desk.calls.first();
    CHECK(incoming.type == CallEventType::Incoming);
    CHECK(incoming.call.callerNumber == QStringLiteral("+4934112345"));
    CHECK(incoming.call.dialledNumber == QStringLiteral("4711"));
    REQUIRE(desk.provider->answer(incoming.call.id));
    REQUIRE(caller.waitForEvent(QStringLiteral("CALL_ESTABLISHED"), 5000));
    // Talking on both sides. (The ACK's path is the BYE's path below: the same Route set through the proxy.)
    QTest::qWait(300);
    REQUIRE(desk.provider->activeCalls().size() == 1);
    CHECK(desk.provider->activeCalls().constFirst().state == CallState::Talking);
    if (hangUpBy == QLatin1String("caller")) {
        REQUIRE(caller.hangup());
        const bool ended = QTest::qWaitFor([&] { return desk.provider->activeCalls().isEmpty(); }, 5000);
        INFO(registrar.log().toStdString());
        REQUIRE(ended);
        CHECK(desk.provider->recentCalls().constLast().endedBy == Party::Remote);
    } else {
        REQUIRE(desk.provider->hangUp(incoming.call.id));
        const bool closed = caller.waitForEvent(QStringLiteral("CALL_CLOSED"), 5000);
        INFO(registrar.log().toStdString());
        REQUIRE(closed);
        REQUIRE(QTest::qWaitFor([&] { return desk.provider->activeCalls().isEmpty(); }, 2000));
        CHECK(desk.provider->recentCalls().constLast().endedBy == Party::Agent);
    }
    CHECK(desk.provider->recentCalls().constLast().endReason == EndReason::Completed);
    const bool gotEnded = std::any_of(desk.calls.cbegin(), desk.calls.cend(), [&](const CallEvent &e) {
        return e.type == CallEventType::Ended && e.call.id == incoming.call.id;
    });
    CHECK(gotEnded);
}

TEST_CASE("over TCP through a Record-Routing kamailio: calls pop, are answered and hung up from either side",
          "[cti][sip][registrar]")
{
    Kamailio registrar(QStringLiteral("geheim"));
    RegisteredDesk desk(registrar.port, QStringLiteral("geheim"), SipTransport::Tcp);
    REQUIRE(QTest::qWaitFor([&] { return desk.registrations.contains(QStringLiteral("ok")); }, 8000));
    const QString uri = QStringLiteral("sip:4711@127.0.0.1:%1").arg(registrar.port);
    callThroughProxy(desk, registrar, uri, QStringLiteral("caller"));
    callThroughProxy(desk, registrar, uri, QStringLiteral("agent"));
}

TEST_CASE("over TLS: the desk registers with kamailio checking its certificate, and a TLS call is answered and hung up",
          "[cti][sip][registrar][tls]")
{
    Kamailio registrar(QStringLiteral("geheim"), true);
    RegisteredDesk desk(registrar.port, QStringLiteral("geheim"), SipTransport::Tls, [&](SipAccount &a) {
        a.registrar = QStringLiteral("127.0.0.1:%1").arg(registrar.tlsPort);
        a.tlsCaFile = registrar.certificatePath(); // verification stays on: the self-signed certificate is the CA
    });
    const bool registered = QTest::qWaitFor([&] { return desk.registrations.contains(QStringLiteral("ok")); }, 8000);
    INFO(registrar.log().toStdString());
    REQUIRE(registered);
    // The caller reaches the proxy over TLS too (baresip does not check the certificate), so both legs are TLS.
    const QString uri = QStringLiteral("sip:4711@127.0.0.1:%1;transport=tls").arg(registrar.tlsPort);
    callThroughProxy(desk, registrar, uri, QStringLiteral("caller"));
    callThroughProxy(desk, registrar, uri, QStringLiteral("agent"));
}

TEST_CASE("over TLS: a registrar whose certificate is not trusted is refused unless verification is off",
          "[cti][sip][registrar][tls]")
{
    Kamailio registrar(QStringLiteral("geheim"), true);
    {
        // The system's CAs do not know the throwaway certificate: no registration.
        RegisteredDesk desk(registrar.port, QStringLiteral("geheim"), SipTransport::Tls, [&](SipAccount &a) {
            a.registrar = QStringLiteral("127.0.0.1:%1").arg(registrar.tlsPort);
        });
        REQUIRE(QTest::qWaitFor([&] { return desk.registrations.contains(QStringLiteral("failed")); }, 8000));
        CHECK_FALSE(desk.registrations.contains(QStringLiteral("ok")));
    }
    RegisteredDesk desk(registrar.port, QStringLiteral("geheim"), SipTransport::Tls, [&](SipAccount &a) {
        a.registrar = QStringLiteral("127.0.0.1:%1").arg(registrar.tlsPort);
        a.tlsVerify = false;
    });
    REQUIRE(QTest::qWaitFor([&] { return desk.registrations.contains(QStringLiteral("ok")); }, 8000));
}

TEST_CASE("TLS settings that cannot work are refused with a clear error", "[cti][sip][tls]")
{
    SipAccount a;
    a.transport = SipTransport::Tls;
    QString error;
    CHECK_FALSE(SipProvider::checkTlsSettings(a, &error));
    CHECK(error.contains(QStringLiteral("registrar")));
    a.registrar = QStringLiteral("pbx.example:5061");
    CHECK(SipProvider::checkTlsSettings(a, &error));
    a.tlsCaFile = QStringLiteral("/nonexistent/ca.pem");
    CHECK_FALSE(SipProvider::checkTlsSettings(a, &error));
    CHECK(error.contains(QStringLiteral("/nonexistent/ca.pem")));
    a.tlsCaFile.clear();
    a.tlsCertFile = QStringLiteral(HOTLINE_SOURCE_DIR "/tests/cti/kamailio.cfg.in"); // readable, but no key given
    CHECK_FALSE(SipProvider::checkTlsSettings(a, &error));
    CHECK(error.contains(QStringLiteral("key")));

    // start() refuses them before launching an engine.
    QTemporaryDir dir;
    SipSettings s;
    s.dataDir = dir.path();
    s.account.transport = SipTransport::Tls;
    SipProvider provider(s);
    CHECK_FALSE(provider.start(&error));
    CHECK(error.contains(QStringLiteral("registrar")));
    CHECK_FALSE(provider.isRunning());
}
