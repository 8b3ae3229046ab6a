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

ForwardEmail composeForward(const ForwardRequest &r, const QString &caseNumber)
{
    const QLocale de(QLocale::German, QLocale::Germany);
    const QDateTime deadline = r.deadline.toTimeZone(BusinessCalendar::berlin());
    const QString deadlineText = de.toString(deadline, QStringLiteral("dddd, dd.MM.yyyy, HH:mm 'Uhr'"));
    ForwardEmail m;
    m.subject = tr("[%1] Citizen enquiry: %2 – answer by %3")
                    .arg(caseNumber, r.serviceTitle.isEmpty() ? tr("general question") : r.serviceTitle,
                         de.toString(deadline, QStringLiteral("dd.MM.yyyy HH:mm")));
    QStringList b;
    b << tr("Dear colleagues,") << QString()
      << tr("the citizen hotline took a question that your office can answer best. Please answer the citizen "
            "directly by the deadline below.")
      << QString();
    b << tr("Case number:  %1").arg(caseNumber);
    b << tr("Deadline:     %1").arg(deadlineText);
    b << tr("Service:      %1%2").arg(r.serviceTitle.isEmpty() ? tr("(none)") : r.serviceTitle,
                                       r.serviceId.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.serviceId));
    if (!r.officeName.isEmpty()) {
        b << tr("Office:       %1").arg(r.officeName);
    }
    b << QString() << tr("Question:") << r.question.trimmed() << QString();
    b << tr("Callback:");
    if (r.callbackConsent && (!r.callbackPhone.isEmpty() || !r.callbackEmail.isEmpty())) {
        if (!r.callbackName.isEmpty()) {
            b << tr("  Name:    %1").arg(r.callbackName);
        }
        if (!r.callbackPhone.isEmpty()) {
            b << tr("  Phone:   %1").arg(r.callbackPhone);
        }
        if (!r.callbackEmail.isEmpty()) {
            b << tr("  E-mail:  %1").arg(r.callbackEmail);
        }
        b << tr("  The citizen agreed that these contact details are passed on to your office.");
    } else {
        b << tr("  The citizen did not agree to pass on contact details. Please send your answer to this "
                "address, quoting the case number; the hotline will pass it on.");
    }
    b << QString() << tr("Please keep the case number in the subject of your reply.") << QString();
    b << tr("Kind regards") << (r.agent.isEmpty() ? r.fromName : QStringLiteral("%1, %2").arg(r.agent, r.fromName));
    m.body = b.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return m;
}

} // namespace journal
