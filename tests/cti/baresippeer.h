#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTcpSocket>
#include <QTemporaryDir>

// A real SIP peer for the tests: one baresip process (Debian baresip-core) with sine-wave audio instead of a sound
// card, driven over its ctrl_tcp module (netstring JSON commands, events back on the same connection).
class BaresipPeer
{
public:
    struct Options
    {
        QString user = QStringLiteral("+4934112345");
        QString displayName;
        bool autoAnswer = false;
        // PEM with certificate and key: baresip's TLS server certificate, so a proxy can open a TLS connection to it
        // (for requests back to the caller, e.g. the agent's BYE). Empty: baresip can only connect out over TLS.
        QString tlsCertificate;
    };

    BaresipPeer() = default;
    ~BaresipPeer();
    BaresipPeer(const BaresipPeer &) = delete;
    BaresipPeer &operator=(const BaresipPeer &) = delete;

    bool start(const Options &options, QString *error);
    bool command(const QString &command, const QString &params = {});
    bool dial(const QString &uri);
    bool hangup();
    // Waits until an event of this type (e.g. "CALL_ESTABLISHED", "CALL_CLOSED") arrived since the last clear.
    bool waitForEvent(const QString &type, int timeoutMs, QJsonObject *event = nullptr);
    void clearEvents();
    QList<QJsonObject> events() const;
    QString output() const;
    int sipPort() const;

    static int freePort(bool udp);
    // The loopback UDP port a process listens on (Linux /proc), 0 if none.
    static int udpPortOf(qint64 pid);

private:
    void readEvents();

    QTemporaryDir m_dir;
    QProcess m_process;
    QTcpSocket m_ctrl;
    QByteArray m_buffer;
    QList<QJsonObject> m_events;
    int m_sipPort = 0;
    int m_token = 0;
};
