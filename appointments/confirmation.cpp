#include "confirmation.h"

#include "icalendar.h"

#include <QLocale>
#include <QTimeZone>

namespace appointments {

// Written in German, like the office's own letters, whatever the agent's UI language (not tr()).
outbox::Message composeConfirmation(const Booking &b, const OfficeSchedule &office, const Confirmation &c,
                                    bool cancelled, const QDateTime &stamp)
{
    const QLocale de(QLocale::German, QLocale::Germany);
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    const QDateTime start = b.start.toTimeZone(berlin);
    const QDateTime end = b.end.toTimeZone(berlin);
    const QString when = QStringLiteral("%1, %2–%3")
                             .arg(de.toString(start, QStringLiteral("dddd, dd.MM.yyyy")),
                                  start.toString(QStringLiteral("HH:mm")), end.toString(QStringLiteral("HH:mm")));
    outbox::Message m;
    m.from = {c.fromEmail, c.fromName};
    m.to = {{b.citizenEmail, b.citizenName}};
    m.reference = b.id;
    m.subject = (cancelled ? QStringLiteral("Termin abgesagt: %1 am %2") : QStringLiteral("Terminbestätigung: %1 am %2"))
                    .arg(b.serviceTitle, de.toString(start, QStringLiteral("dd.MM.yyyy, HH:mm")));
    QStringList body;
    body << (b.citizenName.isEmpty() ? QStringLiteral("Guten Tag,") : QStringLiteral("Guten Tag %1,").arg(b.citizenName)) << QString();
    body << (cancelled ? QStringLiteral("Ihr Termin wurde abgesagt:") : QStringLiteral("Ihr Termin ist gebucht:")) << QString();
    body << QStringLiteral("Anliegen:  %1").arg(b.serviceTitle);
    body << QStringLiteral("Wann:      %1").arg(when);
    body << QStringLiteral("Wo:        %1").arg(office.name);
    if (!office.address.isEmpty()) {
        body << QStringLiteral("           %1").arg(office.address);
    }
    body << QStringLiteral("Buchung:   %1").arg(b.id.left(8).toUpper());
    if (!cancelled && !c.documents.isEmpty()) {
        body << QString() << QStringLiteral("Bitte bringen Sie mit:");
        for (const QString &d : c.documents) {
            body << QStringLiteral("  - %1").arg(d);
        }
    }
    body << QString();
    if (!cancelled) {
        body << QStringLiteral("Mit der angehängten Kalenderdatei (termin.ics) können Sie den Termin in Ihren Kalender übernehmen.");
    }
    if (!c.hotlinePhone.isEmpty()) {
        body << QStringLiteral("Wenn Sie den Termin ändern oder absagen möchten, rufen Sie bitte %1 an.").arg(c.hotlinePhone);
    }
    body << QString() << QStringLiteral("Mit freundlichen Grüßen") << c.fromName;
    m.textBody = body.join(QLatin1Char('\n')) + QLatin1Char('\n');

    IcsEvent e;
    e.uid = b.uid;
    e.sequence = b.sequence + (cancelled ? 1 : 0);
    e.start = b.start;
    e.end = b.end;
    e.stamp = stamp;
    e.summary = QStringLiteral("%1 – %2").arg(b.serviceTitle, office.name);
    e.location = office.address.isEmpty() ? office.name : QStringLiteral("%1, %2").arg(office.name, office.address);
    QStringList desc;
    desc << QStringLiteral("Buchung: %1").arg(b.id.left(8).toUpper());
    if (!c.documents.isEmpty()) {
        desc << QStringLiteral("Bitte bringen Sie mit:");
        for (const QString &d : c.documents) {
            desc << QStringLiteral("- %1").arg(d);
        }
    }
    e.description = desc.join(QLatin1Char('\n'));
    e.organizerName = c.fromName;
    e.organizerEmail = c.fromEmail;
    e.attendeeName = b.citizenName;
    e.attendeeEmail = b.citizenEmail;
    e.cancelled = cancelled;
    m.attachments.append({cancelled ? QStringLiteral("absage.ics") : QStringLiteral("termin.ics"),
                          QStringLiteral("text/calendar; charset=UTF-8; method=%1")
                              .arg(cancelled ? QStringLiteral("CANCEL") : QStringLiteral("PUBLISH")),
                          buildIcs(e)});
    return m;
}

} // namespace appointments
