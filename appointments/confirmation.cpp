#include "confirmation.h"

#include "icalendar.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

namespace appointments {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("appointments::Confirmation", text);
}

} // namespace

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
    m.subject = (cancelled ? tr("Appointment cancelled: %1 on %2") : tr("Appointment confirmed: %1 on %2"))
                    .arg(b.serviceTitle, de.toString(start, QStringLiteral("dd.MM.yyyy, HH:mm")));
    QStringList body;
    body << (b.citizenName.isEmpty() ? tr("Hello,") : tr("Hello %1,").arg(b.citizenName)) << QString();
    body << (cancelled ? tr("your appointment has been cancelled:") : tr("your appointment is booked:")) << QString();
    body << tr("Service:  %1").arg(b.serviceTitle);
    body << tr("When:     %1").arg(when);
    body << tr("Where:    %1").arg(office.name);
    if (!office.address.isEmpty()) {
        body << QStringLiteral("          %1").arg(office.address);
    }
    body << tr("Booking:  %1").arg(b.id.left(8).toUpper());
    if (!cancelled && !c.documents.isEmpty()) {
        body << QString() << tr("Please bring:");
        for (const QString &d : c.documents) {
            body << QStringLiteral("  - %1").arg(d);
        }
    }
    body << QString();
    if (!cancelled) {
        body << tr("The attached calendar file adds the appointment to your calendar.");
    }
    if (!c.hotlinePhone.isEmpty()) {
        body << tr("To change or cancel the appointment, call %1.").arg(c.hotlinePhone);
    }
    body << QString() << tr("Kind regards") << c.fromName;
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
    desc << tr("Booking: %1").arg(b.id.left(8).toUpper());
    if (!c.documents.isEmpty()) {
        desc << tr("Please bring:");
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
