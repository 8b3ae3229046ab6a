#include "forwardcomposer.h"

#include "businesscalendar.h"

#include "article.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace journal {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("journal::ForwardComposer", text);
}

} // namespace

ForwardRequest prefillForward(const kb::Article &article, const kb::Office &office)
{
    ForwardRequest r;
    r.serviceId = article.id;
    r.serviceTitle = article.title;
    r.officeId = office.id;
    r.officeName = office.name;
    r.officeEmail = office.email;
    return r;
}

bool validateForward(const ForwardRequest &r, QString *error)
{
    static const QRegularExpression email(QStringLiteral("^[^@\\s<>\",]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$"));
    auto fail = [error](const QString &text) {
        if (error) {
            *error = text;
        }
        return false;
    };
    if (!email.match(r.officeEmail.trimmed()).hasMatch()) {
        return fail(tr("The office e-mail address \"%1\" is not valid.").arg(r.officeEmail));
    }
    if (!email.match(r.fromEmail.trimmed()).hasMatch()) {
        return fail(tr("The hotline's sender address \"%1\" is not valid.").arg(r.fromEmail));
    }
    if (r.question.trimmed().isEmpty()) {
        return fail(tr("The citizen's question is empty."));
    }
    if (!r.deadline.isValid()) {
        return fail(tr("The forward has no deadline."));
    }
    if (!r.callbackEmail.trimmed().isEmpty() && !email.match(r.callbackEmail.trimmed()).hasMatch()) {
        return fail(tr("The callback e-mail address \"%1\" is not valid.").arg(r.callbackEmail));
    }
    if (r.callbackPhone.trimmed().isEmpty() && r.callbackEmail.trimmed().isEmpty() && r.callbackConsent) {
        return fail(tr("Consent is ticked but there is no phone number or e-mail address to call back."));
    }
    return true;
}

// The e-mail goes to a German authority, so it is written in German whatever language the agent's UI
// uses (deliberately not tr()).
ForwardEmail composeForward(const ForwardRequest &r, const QString &caseNumber)
{
    const QLocale de(QLocale::German, QLocale::Germany);
    const QDateTime deadline = r.deadline.toTimeZone(BusinessCalendar::berlin());
    const QString deadlineText = de.toString(deadline, QStringLiteral("dddd, dd.MM.yyyy, HH:mm 'Uhr'"));
    const QString service = r.serviceTitle.isEmpty() ? QStringLiteral("allgemeine Anfrage") : r.serviceTitle;
    ForwardEmail m;
    m.subject = QStringLiteral("[%1] Bürgeranfrage: %2 – Antwort bis %3")
                    .arg(caseNumber, service, de.toString(deadline, QStringLiteral("dd.MM.yyyy HH:mm")));
    QStringList b;
    b << QStringLiteral("Sehr geehrte Damen und Herren,") << QString()
      << QStringLiteral("das Bürgertelefon hat eine Anfrage aufgenommen, die Ihre Dienststelle am besten beantworten "
                        "kann. Bitte antworten Sie der Bürgerin bzw. dem Bürger bis zur unten genannten Frist.")
      << QString();
    b << QStringLiteral("Vorgangsnummer: %1").arg(caseNumber);
    b << QStringLiteral("Frist:          %1").arg(deadlineText);
    b << QStringLiteral("Leistung:       %1%2").arg(service, r.serviceId.isEmpty() ? QString()
                                                                                 : QStringLiteral(" (%1)").arg(r.serviceId));
    if (!r.officeName.isEmpty()) {
        b << QStringLiteral("Dienststelle:   %1").arg(r.officeName);
    }
    b << QString() << QStringLiteral("Anliegen:") << r.question.trimmed() << QString();
    b << QStringLiteral("Rückmeldung an:");
    if (r.callbackConsent && (!r.callbackPhone.isEmpty() || !r.callbackEmail.isEmpty())) {
        if (!r.callbackName.isEmpty()) {
            b << QStringLiteral("  Name:     %1").arg(r.callbackName);
        }
        if (!r.callbackPhone.isEmpty()) {
            b << QStringLiteral("  Telefon:  %1").arg(r.callbackPhone);
        }
        if (!r.callbackEmail.isEmpty()) {
            b << QStringLiteral("  E-Mail:   %1").arg(r.callbackEmail);
        }
        b << QStringLiteral("  Die Bürgerin bzw. der Bürger ist mit der Weitergabe dieser Kontaktdaten an Ihre "
                            "Dienststelle einverstanden.");
    } else {
        b << QStringLiteral("  Einer Weitergabe von Kontaktdaten wurde nicht zugestimmt. Bitte senden Sie Ihre Antwort "
                            "unter Angabe der Vorgangsnummer an diese Adresse; das Bürgertelefon gibt sie weiter.");
    }
    b << QString() << QStringLiteral("Bitte behalten Sie die Vorgangsnummer im Betreff Ihrer Antwort bei.") << QString();
    b << QStringLiteral("Mit freundlichen Grüßen")
      << (r.agent.isEmpty() ? r.fromName : QStringLiteral("%1, %2").arg(r.agent, r.fromName));
    m.body = b.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return m;
}

} // namespace journal
