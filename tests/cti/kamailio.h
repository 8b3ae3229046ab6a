#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A real registrar for the tests: Debian's kamailio with the minimal config tests/cti/kamailio.cfg.in (digest auth with
// one password, in-memory location, INVITEs relayed to registered users). Started in the constructor (Catch2 REQUIREs
// inside: construct it in a test case), terminated in the destructor.
class Kamailio
{
public:
    enum class Tls {
        Off,
        On,                       // also listens for TLS with a throwaway self-signed certificate for 127.0.0.1
        RequireClientCertificate, // as On, and accepts only TLS clients with a certificate signed by clientCaPath()
    };

    explicit Kamailio(const QString &password, Tls tls = Tls::Off);
    ~Kamailio();
    Kamailio(const Kamailio &) = delete;
    Kamailio &operator=(const Kamailio &) = delete;

    QString log();
    QString certificatePath() const; // the server certificate: what a desk that verifies it trusts
    QString keyPath() const;
    QString certificateAndKeyPath() const;
    QString clientCaPath() const; // Tls::RequireClientCertificate: the CA kamailio checks client certificates against
    // A client certificate (CN = name) and its unencrypted key, signed by clientCaPath(), or self-signed (a CA
    // kamailio does not know) with signedByClientCa false. Written into the registrar's temporary folder.
    bool makeClientCertificate(const QString &name, bool signedByClientCa, QString *certFile, QString *keyFile,
                               QString *error);

    int port = 0;
    int tlsPort = 0;

private:
    bool openssl(const QStringList &arguments, QString *error);

    QTemporaryDir m_dir;
    QProcess m_process;
};
