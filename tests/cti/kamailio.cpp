#include "kamailio.h"

#include "baresippeer.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTest>

namespace {
const QStringList EcKey = {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
}

Kamailio::Kamailio(const QString &password, Tls tls)
{
    port = BaresipPeer::freePort(true);
    if (tls != Tls::Off) {
        tlsPort = BaresipPeer::freePort(false);
        QString error;
        REQUIRE(
            openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + EcKey +
                        QStringList{QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                                    QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                                    QStringLiteral("subjectAltName=DNS:127.0.0.1,IP:127.0.0.1"),
                                    QStringLiteral("-keyout"), keyPath(), QStringLiteral("-out"), certificatePath()},
                    &error));
        INFO(error.toStdString());
        QFile cert(certificatePath());
        QFile key(keyPath());
        QFile both(certificateAndKeyPath());
        REQUIRE((cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly) && both.open(QIODevice::WriteOnly)));
        both.write(cert.readAll() + key.readAll());
    }
    if (tls == Tls::RequireClientCertificate) {
        QString error;
        const bool made =
            openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + EcKey +
                        QStringList{QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                                    QStringLiteral("/CN=Hotline test client CA"), QStringLiteral("-keyout"),
                                    m_dir.filePath(QStringLiteral("ca.key")), QStringLiteral("-out"), clientCaPath()},
                    &error);
        INFO(error.toStdString());
        REQUIRE(made);
    }
    QFile in(QStringLiteral(HOTLINE_SOURCE_DIR "/tests/cti/kamailio.cfg.in"));
    REQUIRE(in.open(QIODevice::ReadOnly));
    QByteArray cfg = in.readAll();
    cfg.replace("@PORT@", QByteArray::number(port)).replace("@PASSWORD@", password.toUtf8());
    cfg.replace("@TLS@", tls != Tls::Off ? "" : "_OFF").replace("@TLS_PORT@", QByteArray::number(tlsPort));
    const QString tlsConfig = m_dir.filePath(QStringLiteral("tls.cfg"));
    cfg.replace("@TLS_CONFIG@", tlsConfig.toUtf8());
    if (tls != Tls::Off) {
        // Requiring a client certificate (kamailio's tls module, README.tls "verify_certificate" and
        // "require_certificate"): the handshake fails without one, or with one its ca_list does not vouch for.
        const QString server = tls == Tls::RequireClientCertificate
                                   ? QStringLiteral("verify_certificate = yes\nrequire_certificate = yes\n"
                                                    "ca_list = %1\n")
                                         .arg(clientCaPath())
                                   : QStringLiteral("verify_certificate = no\nrequire_certificate = no\n");
        QFile tlsCfg(tlsConfig);
        REQUIRE(tlsCfg.open(QIODevice::WriteOnly));
        tlsCfg.write(QStringLiteral("[server:default]\nmethod = TLSv1.2+\n%1private_key = %2\ncertificate = %3\n\n"
                                    "[client:default]\nverify_certificate = no\nrequire_certificate = no\n")
                         .arg(server, keyPath(), certificatePath())
                         .toUtf8());
    }
    QFile out(m_dir.filePath(QStringLiteral("kamailio.cfg")));
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(cfg);
    out.close();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(QStringLiteral("kamailio"),
                    {QStringLiteral("-f"), out.fileName(), QStringLiteral("-DD"), QStringLiteral("-E"),
                     QStringLiteral("-P"), m_dir.filePath(QStringLiteral("pid")), QStringLiteral("-Y"), m_dir.path(),
                     QStringLiteral("-w"), m_dir.path()});
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

Kamailio::~Kamailio()
{
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

QString Kamailio::log()
{
    return QString::fromUtf8(m_process.readAll());
}

QString Kamailio::certificatePath() const
{
    return m_dir.filePath(QStringLiteral("cert.pem"));
}

QString Kamailio::keyPath() const
{
    return m_dir.filePath(QStringLiteral("key.pem"));
}

QString Kamailio::certificateAndKeyPath() const
{
    return m_dir.filePath(QStringLiteral("both.pem"));
}

QString Kamailio::clientCaPath() const
{
    return m_dir.filePath(QStringLiteral("client-ca.pem"));
}

bool Kamailio::makeClientCertificate(const QString &name, bool signedByClientCa, QString *certFile, QString *keyFile,
                                     QString *error)
{
    *certFile = m_dir.filePath(name + QStringLiteral("-cert.pem"));
    *keyFile = m_dir.filePath(name + QStringLiteral("-key.pem"));
    const QString subject = QStringLiteral("/CN=") + name;
    if (!signedByClientCa) {
        return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + EcKey +
                           QStringList{QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), subject,
                                       QStringLiteral("-keyout"), *keyFile, QStringLiteral("-out"), *certFile},
                       error);
    }
    const QString request = m_dir.filePath(name + QStringLiteral(".csr"));
    const QString extensions = m_dir.filePath(name + QStringLiteral(".ext"));
    QFile ext(extensions);
    if (!ext.open(QIODevice::WriteOnly) || ext.write("extendedKeyUsage = clientAuth\n") < 0) {
        *error = ext.errorString();
        return false;
    }
    ext.close();
    return openssl(QStringList{QStringLiteral("req")} + EcKey +
                       QStringList{QStringLiteral("-subj"), subject, QStringLiteral("-keyout"), *keyFile,
                                   QStringLiteral("-out"), request},
                   error) &&
           openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), request,
                    QStringLiteral("-CA"), clientCaPath(), QStringLiteral("-CAkey"),
                    m_dir.filePath(QStringLiteral("ca.key")), QStringLiteral("-CAcreateserial"),
                    QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-extfile"), extensions,
                    QStringLiteral("-out"), *certFile},
                   error);
}

bool Kamailio::openssl(const QStringList &arguments, QString *error)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"), arguments);
    const bool finished = openssl.waitForFinished(20000);
    *error = QString::fromUtf8(openssl.readAll());
    return finished && openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0;
}
