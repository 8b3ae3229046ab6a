#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace outbox {

struct SmtpConfig
{
    enum class Security { None, StartTls, Tls };

    QString host = QStringLiteral("localhost");
    int port = 587;
    Security security = Security::StartTls;
    QString user;               // empty: no login
    QString password;           // from the keychain (KeychainPasswordStore), never from plain settings
    int connectTimeoutSeconds = 10;
    int responseTimeoutSeconds = 60;
    bool verifyPeer = true;
    QString caFile;             // extra CA bundle (empty: system default)
    QString heloName;           // empty: libcurl's default

    QString url() const;        // smtp://host:port or smtps://host:port
};

struct SmtpResult
{
    enum class Status {
        Sent,                   // 2xx after DATA
        TransientFailure,       // unreachable, timeout, TLS, 4xx, login refused (530/534/535/538): try later
        PermanentFailure,       // other 5xx (e.g. 550 recipient rejected): needs a person
    };
    Status status = Status::TransientFailure;
    int code = 0;               // last SMTP reply code, 0 when the server never answered
    QString reply;              // the server's last reply text (or libcurl's error when there was none)
};

// Sends one message with libcurl's easy interface. Blocking: call it off the UI thread.
// `dataComplete` runs once, right before libcurl is told the body has ended (the final "." has not
// been sent yet): the outbox records that point so a crash after it is known to be ambiguous. If it
// returns false (the point could not be recorded) the transfer is aborted before the final ".", so
// the server never accepts the message (a transient failure: it is sent again later).
SmtpResult sendMail(const SmtpConfig &config, const QString &envelopeFrom, const QStringList &recipients,
                    const QByteArray &mime, const std::function<bool()> &dataComplete = {});

} // namespace outbox
