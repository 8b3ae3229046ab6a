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
#include "kamailio.h"
#include "sipprovider.h"

using namespace cti;

namespace {

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
    Kamailio registrar(QStringLiteral("geheim"), Kamailio::Tls::On);
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
    Kamailio registrar(QStringLiteral("geheim"), Kamailio::Tls::On);
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

TEST_CASE("over TLS: a registrar that requires a client certificate accepts the desk only with one it trusts",
          "[cti][sip][registrar][tls]")
{
    Kamailio registrar(QStringLiteral("geheim"), Kamailio::Tls::RequireClientCertificate);
    QString cert;
    QString key;
    QString error;
    REQUIRE(registrar.makeClientCertificate(QStringLiteral("4711"), true, &cert, &key, &error));
    QString strangerCert;
    QString strangerKey;
    REQUIRE(registrar.makeClientCertificate(QStringLiteral("stranger"), false, &strangerCert, &strangerKey, &error));
    const auto tls = [&](const QString &certFile, const QString &keyFile) {
        return [&registrar, certFile, keyFile](SipAccount &a) {
            a.registrar = QStringLiteral("127.0.0.1:%1").arg(registrar.tlsPort);
            a.tlsCaFile = registrar.certificatePath();
            a.tlsCertFile = certFile;
            a.tlsKeyFile = keyFile;
        };
    };
    {
        // No client certificate: kamailio ends the handshake, the registration fails.
        RegisteredDesk desk(registrar.port, QStringLiteral("geheim"), SipTransport::Tls, tls({}, {}));
        REQUIRE(QTest::qWaitFor([&] { return desk.registrations.contains(QStringLiteral("failed")); }, 8000));
        CHECK_FALSE(desk.registrations.contains(QStringLiteral("ok")));
    }
    {
        // A certificate of an authority kamailio does not know: refused too.
        RegisteredDesk desk(registrar.port, QStringLiteral("geheim"), SipTransport::Tls,
                            tls(strangerCert, strangerKey));
        REQUIRE(QTest::qWaitFor([&] { return desk.registrations.contains(QStringLiteral("failed")); }, 8000));
        CHECK_FALSE(desk.registrations.contains(QStringLiteral("ok")));
    }
    RegisteredDesk desk(registrar.port, QStringLiteral("geheim"), SipTransport::Tls, tls(cert, key));
    const bool registered = QTest::qWaitFor([&] { return desk.registrations.contains(QStringLiteral("ok")); }, 8000);
    INFO(registrar.log().toStdString());
    REQUIRE(registered);
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
