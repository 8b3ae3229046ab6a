#include "journaltypes.h"

namespace journal {

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::None: return QString();
    case Outcome::AnsweredDirectly: return QStringLiteral("answered");
    case Outcome::ForwardedByEmail: return QStringLiteral("forwarded");
    case Outcome::Appointment: return QStringLiteral("appointment");
    }
    return QString();
}

Outcome outcomeFromName(const QString &name)
{
    for (Outcome o : {Outcome::AnsweredDirectly, Outcome::ForwardedByEmail, Outcome::Appointment}) {
        if (outcomeName(o) == name) {
            return o;
        }
    }
    return Outcome::None;
}

qint64 CallRecord::talkSeconds() const
{
    if (!answeredAt.isValid() || !endedAt.isValid() || endedAt < answeredAt) {
        return 0;
    }
    return answeredAt.secsTo(endedAt);
}

QString caseStateName(CaseState state)
{
    switch (state) {
    case CaseState::Open: return QStringLiteral("open");
    case CaseState::Answered: return QStringLiteral("answered");
    case CaseState::CalledBack: return QStringLiteral("called_back");
    }
    return QString();
}

bool caseStateFromName(const QString &name, CaseState *state)
{
    for (CaseState s : {CaseState::Open, CaseState::Answered, CaseState::CalledBack}) {
        if (caseStateName(s) == name) {
            *state = s;
            return true;
        }
    }
    return false;
}

bool CaseRecord::isOverdue(const QDateTime &now) const
{
    return state == CaseState::Open && deadline.isValid() && deadline < now;
}

QString normalizePhoneNumber(const QString &raw, const QString &defaultCountryCode)
{
    QString digits;
    bool plus = false;
    for (QChar c : raw.trimmed()) {
        if (c.isDigit()) {
            digits += QChar(QLatin1Char(static_cast<char>('0' + c.digitValue())));
        } else if (c == QLatin1Char('+') && digits.isEmpty()) {
            plus = true;
        }
    }
    if (digits.isEmpty()) {
        return QString();
    }
    if (plus) {
        return QLatin1Char('+') + digits;
    }
    if (digits.startsWith(QLatin1String("00"))) {
        return QLatin1Char('+') + digits.mid(2);
    }
    if (digits.startsWith(QLatin1Char('0'))) {
        return QLatin1Char('+') + defaultCountryCode + digits.mid(1);
    }
    return digits;  // a local number without area code: keep as dialled
}

bool FigureFilter::isEmpty() const
{
    return line.isEmpty() && municipality.isEmpty();
}

bool FigureFilter::matches(const CallRecord &call) const
{
    return (line.isEmpty() || call.line == line) &&
           (municipality.isEmpty() || call.municipality.compare(municipality, Qt::CaseInsensitive) == 0);
}

} // namespace journal
