#include "editorial.h"

#include <QCoreApplication>

namespace kb {

QString roleName(Role role)
{
    return role == Role::Lead ? QStringLiteral("lead") : QStringLiteral("agent");
}

bool parseRole(const QString &name, Role *role)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("agent")) {
        *role = Role::Agent;
        return true;
    }
    if (n == QLatin1String("lead") || n == QLatin1String("team-lead") || n == QLatin1String("teamlead")) {
        *role = Role::Lead;
        return true;
    }
    return false;
}

Actor Actor::administrator()
{
    Actor a;
    a.kind = Kind::Administrator;
    return a;
}

Actor Actor::signedIn(const User &user)
{
    Actor a;
    a.kind = Kind::SignedIn;
    a.user = user;
    return a;
}

QString Actor::auditName() const
{
    switch (kind) {
    case Kind::SignedIn:
        return user.name;
    case Kind::Administrator:
        return QStringLiteral("admin");
    case Kind::Anonymous:
        break;
    }
    return QStringLiteral("-");
}

QString draftStateName(DraftState state)
{
    return state == DraftState::InReview ? QStringLiteral("in-review") : QStringLiteral("editing");
}

bool EditResult::ok() const
{
    return status == Status::Ok;
}

bool EditResult::isConflict() const
{
    return status == Status::Conflict;
}

bool ArticleStatus::any() const
{
    return needsReview || validityChange || expired || openFlags > 0;
}

ArticleStatus articleStatus(const Article &article, const QDate &today, int horizonDays)
{
    ArticleStatus s;
    s.needsReview = article.reviewBy.isValid() && article.reviewBy <= today;
    s.notYetValid = article.validFrom.isValid() && article.validFrom > today;
    s.expired = article.validTo.isValid() && article.validTo < today;
    const bool endsSoon = article.validTo.isValid() && article.validTo >= today
                          && article.validTo <= today.addDays(horizonDays);
    s.validityChange = s.notYetValid || endsSoon;
    return s;
}

QString normalizeLoggedQuery(const QString &query)
{
    return query.toCaseFolded().simplified();
}

} // namespace kb
