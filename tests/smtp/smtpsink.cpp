#include "smtpsink.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef HOTLINE_SMTP_SINK_DIR
#error "HOTLINE_SMTP_SINK_DIR must point at tests/smtp"
#endif

namespace {

bool canConnect(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return false;
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

} // namespace

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
    return true;
}

SmtpSink::SmtpSink(QStringList rejectRecipients)
    : m_reject(std::move(rejectRecipients))
    , m_port(freePort())
{
    QDir(m_dir.path()).mkpath(QStringLiteral("mail"));
}

SmtpSink::~SmtpSink()
{
    stop();
}

int SmtpSink::freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = 0;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

int SmtpSink::port() const
{
    return m_port;
}

QString SmtpSink::directory() const
{
    return m_dir.path();
}

bool SmtpSink::start(QString *error)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONPATH"), QStringLiteral(HOTLINE_SMTP_SINK_DIR));
    env.insert(QStringLiteral("SMTP_SINK_DIR"), m_dir.path());
    env.insert(QStringLiteral("SMTP_SINK_REJECT"), m_reject.join(QLatin1Char(',')));
    env.insert(QStringLiteral("SMTP_SINK_DELAY"), QStringLiteral("30"));
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    if (m_tlsMode.isEmpty() && m_user.isEmpty()) {
        m_process.start(QStringLiteral("/usr/bin/python3"),
                        {QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"), QStringLiteral("-l"),
                         QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("-c"),
                         QStringLiteral("smtp_sink.Handler")});
    } else {
        QStringList args = {QStringLiteral(HOTLINE_SMTP_SINK_DIR "/smtp_server.py"), QStringLiteral("--port"),
                            QString::number(m_port)};
        if (!m_tlsMode.isEmpty()) {
            args << QStringLiteral("--") + m_tlsMode << certificateFile() << m_dir.filePath(QStringLiteral("key.pem"));
        }
        if (!m_user.isEmpty()) {
            args << QStringLiteral("--login") << m_user << m_password;
        }
        m_process.start(QStringLiteral("/usr/bin/python3"), args);
    }
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("cannot start aiosmtpd: %1").arg(m_process.errorString());
        return false;
    }
    if (!waitFor([this] { return canConnect(m_port) || m_process.state() == QProcess::NotRunning; }, 10000)
        || m_process.state() == QProcess::NotRunning) {
        *error = QStringLiteral("aiosmtpd did not listen on port %1").arg(m_port);
        return false;
    }
    return true;
}

bool SmtpSink::enableTls(bool implicit, QString *error)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                   QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                   certificateFile()});
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl failed: %1").arg(QString::fromUtf8(openssl.readAll()));
        return false;
    }
    m_tlsMode = implicit ? QStringLiteral("smtps") : QStringLiteral("starttls");
    return true;
}

void SmtpSink::requireLogin(const QString &user, const QString &password)
{
    m_user = user;
    m_password = password;
}

QString SmtpSink::certificateFile() const
{
    return m_dir.filePath(QStringLiteral("cert.pem"));
}

void SmtpSink::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
}

bool SmtpSink::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

QStringList SmtpSink::messageFiles() const
{
    QDir d(m_dir.path() + QStringLiteral("/mail"));
    QStringList out;
    for (const QString &f : d.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
        out << d.filePath(f);
    }
    return out;
}

void SmtpSink::setDelay(const QString &phase, bool on)
{
    const QString path = m_dir.path() + QStringLiteral("/delay-") + phase;
    if (on) {
        QFile f(path);
        f.open(QIODevice::WriteOnly);
    } else {
        QFile::remove(path);
    }
}

bool SmtpSink::phaseReached(const QString &phase) const
{
    return QFile::exists(m_dir.path() + QStringLiteral("/in-") + phase);
}

QByteArray runPython(const QStringList &arguments, QString *error)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), arguments);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error) {
            *error = QStringLiteral("python failed: %1").arg(QString::fromUtf8(p.readAllStandardError()));
        }
        return {};
    }
    return p.readAllStandardOutput();
}

QJsonObject SmtpSink::parse(const QString &emlPath, QString *error)
{
    const QByteArray json =
        runPython({QStringLiteral(HOTLINE_SMTP_SINK_DIR "/parse_eml.py"), emlPath}, error);
    return QJsonDocument::fromJson(json).object();
}
