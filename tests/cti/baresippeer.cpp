#include "baresippeer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>

BaresipPeer::~BaresipPeer()
{
    if (m_process.state() != QProcess::NotRunning) {
        command(QStringLiteral("quit"));
        if (!m_process.waitForFinished(1000)) {
            m_process.kill();
            m_process.waitForFinished(1000);
        }
    }
}

int BaresipPeer::freePort(bool udp)
{
    if (udp) {
        QUdpSocket s;
        s.bind(QHostAddress::LocalHost, 0);
        return s.localPort();
    }
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

bool BaresipPeer::start(const Options &options, QString *error)
{
    // baresip 1.0 binds UDP, TCP and TLS all on the given port, so a fixed port clashes with itself: it listens on
    // port 0 (a free port per transport) and the UDP one is looked up in /proc once it runs.
    const int ctrlPort = freePort(false);
    QFile config(m_dir.filePath(QStringLiteral("config")));
    config.open(QIODevice::WriteOnly);
    // The sine source needs 48 kHz stereo or the call drops at once.
    config.write(QStringLiteral("poll_method epoll\n"
                                "sip_listen 127.0.0.1:0\n"
                                "audio_player aufile,/dev/null\n"
                                "audio_source ausine,440\n"
                                "audio_alert aufile,/dev/null\n"
                                "ausrc_srate 48000\nauplay_srate 48000\nausrc_channels 2\nauplay_channels 2\n"
                                "rtp_ports 20000-40000\n"
                                "module_path /usr/lib/baresip/modules\n"
                                "module g711.so\nmodule aufile.so\nmodule ausine.so\n"
                                "module_app account.so\nmodule_app menu.so\nmodule_app ctrl_tcp.so\n"
                                "ctrl_tcp_listen 127.0.0.1:%1\n")
                     .arg(ctrlPort)
                     .toUtf8());
    if (!options.tlsCertificate.isEmpty()) {
        config.write("sip_certificate " + options.tlsCertificate.toUtf8() + '\n');
    }
    config.close();
    QFile accounts(m_dir.filePath(QStringLiteral("accounts")));
    accounts.open(QIODevice::WriteOnly);
    const QString name = options.displayName.isEmpty() ? QString() : QStringLiteral("\"%1\" ").arg(options.displayName);
    accounts.write(QStringLiteral("%1<sip:%2@127.0.0.1>;regint=0%3\n")
                       .arg(name, options.user, options.autoAnswer ? QStringLiteral(";answermode=auto") : QString())
                       .toUtf8());
    accounts.close();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(QStringLiteral("baresip"), {QStringLiteral("-f"), m_dir.path()});
    if (!m_process.waitForStarted(3000)) {
        *error = QStringLiteral("baresip did not start: %1").arg(m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        m_ctrl.connectToHost(QHostAddress::LocalHost, quint16(ctrlPort));
        if (m_ctrl.waitForConnected(200)) {
            QObject::connect(&m_ctrl, &QTcpSocket::readyRead, &m_ctrl, [this] { readEvents(); });
            m_sipPort = udpPortOf(m_process.processId());
            if (m_sipPort == 0) {
                *error = QStringLiteral("cannot find baresip's SIP port");
                return false;
            }
            return true;
        }
        m_ctrl.abort();
        QTest::qWait(50);
    }
    *error = QStringLiteral("baresip (sip %1, ctrl %2) did not come up: %3")
                 .arg(m_sipPort)
                 .arg(ctrlPort)
                 .arg(QString::fromUtf8(m_process.readAll()));
    return false;
}

int BaresipPeer::udpPortOf(qint64 pid)
{
    // The process's socket inodes, then the loopback UDP socket among them in /proc/net/udp.
    QSet<QString> inodes;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QFileInfo &fd : fds.entryInfoList(QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = fd.symLinkTarget().section(u'/', -1);
        if (target.startsWith(QLatin1String("socket:["))) {
            inodes.insert(target.mid(8).chopped(1));
        }
    }
    QFile udp(QStringLiteral("/proc/net/udp"));
    if (!udp.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> lines = udp.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> f = line.simplified().split(' ');
        // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
        if (f.size() > 9 && inodes.contains(QString::fromLatin1(f.at(9))) && f.at(1).startsWith("0100007F:")) {
            return f.at(1).mid(9).toInt(nullptr, 16);
        }
    }
    return 0;
}

bool BaresipPeer::command(const QString &command, const QString &params)
{
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("command"), command},
                                                      {QStringLiteral("params"), params},
                                                      {QStringLiteral("token"), QString::number(++m_token)}})
                                .toJson(QJsonDocument::Compact);
    m_ctrl.write(QByteArray::number(json.size()) + ':' + json + ',');
    return m_ctrl.waitForBytesWritten(1000) || m_ctrl.bytesToWrite() == 0;
}

bool BaresipPeer::dial(const QString &uri)
{
    return command(QStringLiteral("dial"), uri);
}

bool BaresipPeer::hangup()
{
    return command(QStringLiteral("hangup"));
}

void BaresipPeer::readEvents()
{
    m_buffer.append(m_ctrl.readAll());
    for (;;) {
        const qsizetype colon = m_buffer.indexOf(':');
        if (colon <= 0) {
            return;
        }
        bool ok = false;
        const int len = m_buffer.left(colon).toInt(&ok);
        if (!ok || m_buffer.size() < colon + 1 + len + 1) {
            return;
        }
        const QByteArray body = m_buffer.mid(colon + 1, len);
        m_buffer.remove(0, colon + 1 + len + 1);
        const QJsonObject o = QJsonDocument::fromJson(body).object();
        if (o.value(QLatin1String("event")).toBool()) {
            m_events.append(o);
        }
    }
}

bool BaresipPeer::waitForEvent(const QString &type, int timeoutMs, QJsonObject *event)
{
    auto find = [&] {
        for (const QJsonObject &e : std::as_const(m_events)) {
            if (e.value(QLatin1String("type")).toString() == type) {
                if (event) {
                    *event = e;
                }
                return true;
            }
        }
        return false;
    };
    return QTest::qWaitFor(find, timeoutMs);
}

void BaresipPeer::clearEvents()
{
    m_events.clear();
}

QList<QJsonObject> BaresipPeer::events() const
{
    return m_events;
}

QString BaresipPeer::output() const
{
    return QString::fromUtf8(const_cast<QProcess &>(m_process).readAll());
}

int BaresipPeer::sipPort() const
{
    return m_sipPort;
}
