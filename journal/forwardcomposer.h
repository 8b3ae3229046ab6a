#pragma once

#include "journaltypes.h"

#include <QDateTime>
#include <QString>

namespace kb {
struct Article;
struct Office;
}

namespace journal {

// What the agent fills in the forward dialog. Prefilled from the article and its office
// (prefillForward()); every field stays editable.
struct ForwardRequest
{
    QString fromEmail;          // the hotline's mailbox
    QString fromName;           // e.g. "Bürgertelefon 115 Dresden"
    QString officeId;
    QString officeName;
    QString officeEmail;        // from kb::Office::email, editable
    QString serviceId;
    QString serviceTitle;
    QString question;           // the citizen's question, in the agent's words
    QString callbackName;
    QString callbackPhone;
    QString callbackEmail;
    bool callbackConsent = false;
    QDateTime deadline;         // from BusinessCalendar::deadline()
    QDateTime remindAt;         // null: no reminder
    QString agent;
};

struct ForwardEmail
{
    QString subject;
    QString body;
};

// Prefills a request from the article on screen and the office that handles it.
ForwardRequest prefillForward(const kb::Article &article, const kb::Office &office);

// Checks what a forward needs; on failure *error names the field.
bool validateForward(const ForwardRequest &request, QString *error);

// Subject and plain-text body of the forward to the office (German by default, through tr()).
// Contact details go into the e-mail only with the citizen's consent.
ForwardEmail composeForward(const ForwardRequest &request, const QString &caseNumber);

} // namespace journal
