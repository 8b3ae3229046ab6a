#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>

// A real SMTP server for the tests: Debian's aiosmtpd (/usr/bin/python3 -m aiosmtpd) with the
// smtp_sink.Handler beside this file, storing every accepted message as a file.
class SmtpSink
{
public:
    explicit SmtpSink(QStringList rejectRecipients = {});
    ~SmtpSink();

    // Before start(): STARTTLS (or implicit TLS with `implicit`) with a fresh self-signed certificate for
    // 127.0.0.1, and/or a required login. Then the server is smtp_server.py (aiosmtpd's Controller).
    bool enableTls(bool implicit, QString *error);
    void requireLogin(const QString &user, const QString &password);
    QString certificateFile() const;

    static int freePort();
    int port() const;
    bool start(QString *error);     // waits until the port accepts connections
    void stop();
    bool isRunning() const;

    QString directory() const;
    QStringList messageFiles() const;                   // sorted .eml paths
    void setDelay(const QString &phase, bool on);       // "rcpt" or "data"
    bool phaseReached(const QString &phase) const;      // the server is waiting in that phase

    // Parses a stored message with Python's email package (parse_eml.py), as JSON.
    static QJsonObject parse(const QString &emlPath, QString *error);

private:
    QTemporaryDir m_dir;
    QStringList m_reject;
    int m_port = 0;
    QString m_tlsMode;          // "", "starttls", "smtps"
    QString m_user;
    QString m_password;
    QProcess m_process;
};

// Spins the event loop until `done` returns true or `timeoutMs` passes.
bool waitFor(const std::function<bool()> &done, int timeoutMs);

// Runs /usr/bin/python3 with arguments; returns stdout, fills *error on a non-zero exit.
QByteArray runPython(const QStringList &arguments, QString *error);
