#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace outbox {

struct Attachment
{
    QString fileName;           // may be non-ASCII (RFC 2231 encoded)
    QString contentType;        // e.g. "text/calendar; charset=UTF-8; method=PUBLISH"
    QByteArray data;
};

struct Address
{
    QString email;              // local@domain, ASCII domain
    QString name;               // display name, any Unicode

    bool isValid() const;
};

// An e-mail as the desk composes it. enqueue() fills id and messageId.
struct Message
{
    QString id;                 // outbox row id (UUID), stable
    QString messageId;          // "<uuid@domain>", generated at commit time, never changes
    Address from;
    QList<Address> to;
    QList<Address> cc;
    Address replyTo;
    QString subject;
    QString textBody;           // plain text; line breaks normalised to CRLF, sent quoted-printable
    QList<Attachment> attachments;
    QString reference;          // what the message belongs to, e.g. a case number or booking id
};

enum class State {
    Queued,         // committed, waiting for its (next) attempt
    Sending,        // an attempt is running (or the process died during one)
    Sent,           // the server accepted it (250 after DATA)
    Failed,         // permanent failure (5xx): needs a person, lastError holds the server's reply
    Unconfirmed,    // the process died after the whole message went to the server but before its
                    // reply was recorded: it may have been delivered. Not re-sent automatically.
};

QString stateName(State state);
bool stateFromName(const QString &name, State *state);

// One outbox row as the desk shows it.
struct Entry
{
    QString id;
    QString messageId;
    QString reference;
    QString sender;
    QStringList recipients;
    QString subject;
    State state = State::Queued;
    int attempts = 0;
    int lastCode = 0;           // the server's last SMTP reply code (0: none, e.g. unreachable)
    QString lastError;          // the server's reply text or the connection error
    QDateTime createdAt;        // UTC
    QDateTime nextAttemptAt;
    QDateTime sentAt;
};

// Builds the RFC 5322 / MIME message: CRLF line ends, 7-bit clean. Non-ASCII header text as
// RFC 2047 encoded words, the body quoted-printable, attachments base64 in multipart/mixed.
QByteArray buildMime(const Message &message, const QDateTime &date);

// Header helpers, exposed for tests.
QByteArray encodeHeaderText(const QString &text, int firstLineUsed);   // RFC 2047 B-encoding when needed
QByteArray encodeQuotedPrintable(const QByteArray &utf8);               // RFC 2045 §6.7, CRLF lines
QByteArray formatAddress(const Address &address);
QByteArray rfc5322Date(const QDateTime &date);
QString newMessageId(const QString &senderEmail);

} // namespace outbox
