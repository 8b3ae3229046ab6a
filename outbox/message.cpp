#include "message.h"

#include <QRegularExpression>
#include <QUuid>

namespace outbox {

bool Address::isValid() const
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s<>\",]+@[A-Za-z0-9.-]+$"));
    return re.match(email).hasMatch();
}

QString stateName(State state)
{
    switch (state) {
    case State::Queued: return QStringLiteral("queued");
    case State::Sending: return QStringLiteral("sending");
    case State::Sent: return QStringLiteral("sent");
    case State::Failed: return QStringLiteral("failed");
    case State::Unconfirmed: return QStringLiteral("unconfirmed");
    }
    return QString();
}

bool stateFromName(const QString &name, State *state)
{
    for (State s : {State::Queued, State::Sending, State::Sent, State::Failed, State::Unconfirmed}) {
        if (stateName(s) == name) {
            *state = s;
            return true;
        }
    }
    return false;
}

static bool isPlainAscii(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e) {
            return false;
        }
    }
    return true;
}

QByteArray encodeHeaderText(const QString &text, int firstLineUsed)
{
    if (isPlainAscii(text) && !text.contains(QLatin1String("=?"))) {
        // Fold plain text at spaces so no line exceeds 78 characters.
        QByteArray out;
        int used = firstLineUsed;
        const QStringList words = text.split(QLatin1Char(' '));
        for (int i = 0; i < words.size(); ++i) {
            const QByteArray w = words[i].toLatin1();
            if (i > 0) {
                if (used + 1 + w.size() > 78) {
                    out += "\r\n ";
                    used = 1;
                } else {
                    out += ' ';
                    ++used;
                }
            }
            out += w;
            used += w.size();
        }
        return out;
    }
    // RFC 2047: "=?UTF-8?B?...?=" words of at most 75 characters, never splitting a UTF-8 sequence.
    // 75 - len("=?UTF-8?B??=") = 63 base64 characters → 45 bytes of input at most.
    QByteArray out;
    QByteArray chunk;
    bool first = true;
    auto flush = [&]() {
        if (chunk.isEmpty()) {
            return;
        }
        if (!first) {
            out += "\r\n ";
        }
        out += "=?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
        first = false;
    };
    const QByteArray utf8 = text.toUtf8();
    int i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        const int len = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
        if (chunk.size() + len > 45) {
            flush();
        }
        chunk += utf8.mid(i, len);
        i += len;
    }
    flush();
    Q_UNUSED(firstLineUsed)
    return out;
}

QByteArray encodeQuotedPrintable(const QByteArray &utf8In)
{
    QByteArray in = utf8In;
    in.replace("\r\n", "\n");
    in.replace('\r', '\n');
    QByteArray out;
    const QList<QByteArray> lines = in.split('\n');
    static const char hex[] = "0123456789ABCDEF";
    for (int l = 0; l < lines.size(); ++l) {
        const QByteArray &line = lines[l];
        int col = 0;
        for (int i = 0; i < line.size(); ++i) {
            const auto c = static_cast<unsigned char>(line[i]);
            const bool last = i == line.size() - 1;
            QByteArray enc;
            if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last)) {
                enc = QByteArray(1, static_cast<char>(c));
            } else {
                enc = QByteArray("=") + hex[c >> 4] + hex[c & 15];
            }
            // Soft break: lines of at most 76 characters including the trailing "=".
            if (col + enc.size() > 75) {
                out += "=\r\n";
                col = 0;
            }
            out += enc;
            col += enc.size();
        }
        if (l < lines.size() - 1) {
            out += "\r\n";
        }
    }
    return out;
}

QByteArray formatAddress(const Address &address)
{
    const QByteArray email = "<" + address.email.toLatin1() + ">";
    if (address.name.isEmpty()) {
        return email;
    }
    if (isPlainAscii(address.name)) {
        QString n = address.name;
        n.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
        return "\"" + n.toLatin1() + "\" " + email;
    }
    return encodeHeaderText(address.name, 0) + " " + email;
}

QByteArray rfc5322Date(const QDateTime &date)
{
    static const char *days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime d = date.toUTC();
    return QStringLiteral("%1, %2 %3 %4 %5 +0000")
        .arg(QLatin1String(days[d.date().dayOfWeek() - 1]))
        .arg(d.date().day(), 2, 10, QLatin1Char('0'))
        .arg(QLatin1String(months[d.date().month() - 1]))
        .arg(d.date().year())
        .arg(d.time().toString(QStringLiteral("HH:mm:ss")))
        .toLatin1();
}

QString newMessageId(const QString &senderEmail)
{
    QString domain = senderEmail.section(QLatin1Char('@'), 1);
    if (domain.isEmpty()) {
        domain = QStringLiteral("hotline-desk.invalid");
    }
    return QStringLiteral("<%1@%2>").arg(QUuid::createUuid().toString(QUuid::WithoutBraces), domain);
}

static QByteArray addressList(const QList<Address> &list)
{
    QByteArray out;
    for (int i = 0; i < list.size(); ++i) {
        if (i > 0) {
            out += ",\r\n ";
        }
        out += formatAddress(list[i]);
    }
    return out;
}

static QByteArray fileNameParameter(const QString &name)
{
    if (isPlainAscii(name) && !name.contains(QLatin1Char('"')) && !name.contains(QLatin1Char('\\'))) {
        return "filename=\"" + name.toLatin1() + "\"";
    }
    // RFC 2231 extended parameter.
    return "filename*=UTF-8''" + name.toUtf8().toPercentEncoding();
}

QByteArray buildMime(const Message &message, const QDateTime &date)
{
    QByteArray h;
    h += "Date: " + rfc5322Date(date) + "\r\n";
    h += "From: " + formatAddress(message.from) + "\r\n";
    if (!message.to.isEmpty()) {
        h += "To: " + addressList(message.to) + "\r\n";
    }
    if (!message.cc.isEmpty()) {
        h += "Cc: " + addressList(message.cc) + "\r\n";
    }
    if (!message.replyTo.email.isEmpty()) {
        h += "Reply-To: " + formatAddress(message.replyTo) + "\r\n";
    }
    h += "Subject: " + encodeHeaderText(message.subject, 9) + "\r\n";
    h += "Message-ID: " + message.messageId.toLatin1() + "\r\n";
    h += "MIME-Version: 1.0\r\n";
    h += "X-Mailer: Hotline Desk " HOTLINE_VERSION "\r\n";

    const QByteArray textPart = "Content-Type: text/plain; charset=UTF-8\r\n"
                                "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + encodeQuotedPrintable(message.textBody.toUtf8()) + "\r\n";
    if (message.attachments.isEmpty()) {
        return h + textPart;
    }
    const QByteArray boundary = "=_hotline_" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    QByteArray out = h + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
        + "This is a multi-part message in MIME format.\r\n";
    out += "--" + boundary + "\r\n" + textPart;
    for (const Attachment &a : message.attachments) {
        out += "--" + boundary + "\r\n";
        out += "Content-Type: " + (a.contentType.isEmpty() ? QByteArray("application/octet-stream")
                                                            : a.contentType.toLatin1())
            + "\r\n";
        out += "Content-Transfer-Encoding: base64\r\n";
        out += "Content-Disposition: attachment; " + fileNameParameter(a.fileName) + "\r\n\r\n";
        const QByteArray b64 = a.data.toBase64();
        for (int i = 0; i < b64.size(); i += 76) {
            out += b64.mid(i, 76) + "\r\n";
        }
    }
    out += "--" + boundary + "--\r\n";
    return out;
}

} // namespace outbox
