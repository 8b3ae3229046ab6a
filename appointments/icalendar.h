#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace appointments {

// One appointment as an RFC 5545 VEVENT. Times are written with TZID=Europe/Berlin and a VTIMEZONE.
struct IcsEvent
{
    QString uid;                // stable per booking: a rebooking updates the same event (SEQUENCE + 1)
    int sequence = 0;
    QDateTime start;
    QDateTime end;
    QDateTime stamp;            // DTSTAMP (UTC)
    QString summary;
    QString location;
    QString description;
    QString organizerName;
    QString organizerEmail;
    QString attendeeName;
    QString attendeeEmail;
    bool cancelled = false;     // METHOD:CANCEL, STATUS:CANCELLED
};

QByteArray buildIcs(const IcsEvent &event);

// RFC 5545 helpers, exposed for tests.
QString escapeText(const QString &text);           // \\ ; , and newlines
QByteArray foldLine(const QByteArray &utf8Line);   // ≤ 75 octets per line, never inside a UTF-8 sequence

} // namespace appointments
