#include "icalendar.h"

#include <QTimeZone>

namespace appointments {

QString escapeText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    QString t = text;
    t.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    for (QChar c : t) {
        switch (c.unicode()) {
        case '\\': out += QLatin1String("\\\\"); break;
        case ';': out += QLatin1String("\\;"); break;
        case ',': out += QLatin1String("\\,"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\r': break;
        default: out += c;
        }
    }
    return out;
}

QByteArray foldLine(const QByteArray &line)
{
    QByteArray out;
    int used = 0;
    int limit = 75;      // first line 75 octets; continuation lines start with a space, so 74 more
    int i = 0;
    while (i < line.size()) {
        const auto lead = static_cast<unsigned char>(line[i]);
        const int len = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
        if (used + len > limit) {
            out += "\r\n ";
            used = 1;
            limit = 75;
        }
        out += line.mid(i, len);
        used += len;
        i += len;
    }
    return out + "\r\n";
}

namespace {

QByteArray local(const QDateTime &t)
{
    static const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    return t.toTimeZone(berlin).toString(QStringLiteral("yyyyMMdd'T'HHmmss")).toLatin1();
}

QByteArray utc(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray cnParam(const QString &name)
{
    if (name.isEmpty()) {
        return QByteArray();
    }
    QString n = name;
    n.remove(QLatin1Char('"'));
    return ";CN=\"" + n.toUtf8() + "\"";
}

} // namespace

QByteArray buildIcs(const IcsEvent &e)
{
    QList<QByteArray> lines;
    lines << "BEGIN:VCALENDAR" << "VERSION:2.0" << "PRODID:-//Hotline Desk//Appointments " HOTLINE_VERSION "//DE"
          << "CALSCALE:GREGORIAN" << (e.cancelled ? QByteArray("METHOD:CANCEL") : QByteArray("METHOD:PUBLISH"));
    // Europe/Berlin since 1996: CEST from the last Sunday of March 02:00, CET from the last Sunday of
    // October 03:00.
    lines << "BEGIN:VTIMEZONE" << "TZID:Europe/Berlin"
          << "BEGIN:DAYLIGHT" << "TZOFFSETFROM:+0100" << "TZOFFSETTO:+0200" << "TZNAME:CEST"
          << "DTSTART:19700329T020000" << "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" << "END:DAYLIGHT"
          << "BEGIN:STANDARD" << "TZOFFSETFROM:+0200" << "TZOFFSETTO:+0100" << "TZNAME:CET"
          << "DTSTART:19701025T030000" << "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU" << "END:STANDARD"
          << "END:VTIMEZONE";
    lines << "BEGIN:VEVENT";
    lines << "UID:" + e.uid.toUtf8();
    lines << "SEQUENCE:" + QByteArray::number(e.sequence);
    lines << "DTSTAMP:" + utc(e.stamp.isValid() ? e.stamp : QDateTime::currentDateTimeUtc());
    lines << "DTSTART;TZID=Europe/Berlin:" + local(e.start);
    lines << "DTEND;TZID=Europe/Berlin:" + local(e.end);
    lines << "SUMMARY:" + escapeText(e.summary).toUtf8();
    if (!e.location.isEmpty()) {
        lines << "LOCATION:" + escapeText(e.location).toUtf8();
    }
    if (!e.description.isEmpty()) {
        lines << "DESCRIPTION:" + escapeText(e.description).toUtf8();
    }
    if (!e.organizerEmail.isEmpty()) {
        lines << "ORGANIZER" + cnParam(e.organizerName) + ":mailto:" + e.organizerEmail.toUtf8();
    }
    if (!e.attendeeEmail.isEmpty()) {
        lines << "ATTENDEE" + cnParam(e.attendeeName) + ";ROLE=REQ-PARTICIPANT:mailto:" + e.attendeeEmail.toUtf8();
    }
    lines << (e.cancelled ? QByteArray("STATUS:CANCELLED") : QByteArray("STATUS:CONFIRMED"));
    lines << "TRANSP:OPAQUE";
    if (!e.cancelled) {
        lines << "BEGIN:VALARM" << "ACTION:DISPLAY" << "DESCRIPTION:" + escapeText(e.summary).toUtf8()
              << "TRIGGER:-P1D" << "END:VALARM";
    }
    lines << "END:VEVENT" << "END:VCALENDAR";
    QByteArray out;
    for (const QByteArray &l : lines) {
        out += foldLine(l);
    }
    return out;
}

} // namespace appointments
