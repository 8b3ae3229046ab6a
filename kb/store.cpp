#include "store.h"

#include <QCoreApplication>

namespace kb {

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::Store)
};

} // namespace

Store::~Store() = default;

void Store::setActor(const Actor &actor)
{
    m_actor = actor;
}

const Actor &Store::actor() const
{
    return m_actor;
}

void Store::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

QDateTime Store::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

// ---- Defaults of the editorial operations: "not supported by this backend" -------------------

namespace {

template <typename T> T unsupported(const Store &store, const char *what, QString *error, T value)
{
    if (error) {
        *error = Messages::tr("the %1 store does not support %2").arg(store.backendName(), QLatin1String(what));
    }
    return value;
}

} // namespace

bool Store::hasUsers(QString *error) const
{
    return unsupported(*this, "users", error, false);
}

std::optional<User> Store::createUser(const QString &, const QString &, Role, const QString &, QString *error)
{
    return unsupported<std::optional<User>>(*this, "users", error, std::nullopt);
}

std::optional<User> Store::authenticate(const QString &, const QString &, QString *error)
{
    return unsupported<std::optional<User>>(*this, "users", error, std::nullopt);
}

std::optional<User> Store::user(const QString &) const
{
    return std::nullopt;
}

QList<User> Store::users(QString *error) const
{
    return unsupported(*this, "users", error, QList<User>());
}

bool Store::setRole(const QString &, Role, QString *error)
{
    return unsupported(*this, "users", error, false);
}

bool Store::setUserActive(const QString &, bool, QString *error)
{
    return unsupported(*this, "users", error, false);
}

bool Store::setPassword(const QString &, const QString &, QString *error)
{
    return unsupported(*this, "users", error, false);
}

EditResult Store::saveDraft(const Article &, int, QString *error)
{
    return unsupported(*this, "drafts", error, EditResult());
}

QList<Draft> Store::drafts(const QString &, QString *error) const
{
    return unsupported(*this, "drafts", error, QList<Draft>());
}

std::optional<Draft> Store::draft(const QString &, qint64) const
{
    return std::nullopt;
}

bool Store::discardDraft(const QString &, QString *error)
{
    return unsupported(*this, "drafts", error, false);
}

bool Store::submitDraft(const QString &, QString *error)
{
    return unsupported(*this, "drafts", error, false);
}

EditResult Store::approveDraft(const QString &, qint64, const QString &, QString *error)
{
    return unsupported(*this, "drafts", error, EditResult());
}

bool Store::rejectDraft(const QString &, qint64, const QString &, QString *error)
{
    return unsupported(*this, "drafts", error, false);
}

bool Store::fourEyes() const
{
    return true;
}

bool Store::setFourEyes(bool, QString *error)
{
    return unsupported(*this, "review settings", error, false);
}

QList<ArticleVersion> Store::history(const QString &, QString *error) const
{
    return unsupported(*this, "article history", error, QList<ArticleVersion>());
}

std::optional<ArticleVersion> Store::articleVersion(const QString &, int) const
{
    return std::nullopt;
}

EditResult Store::restoreVersion(const QString &, int, QString *error)
{
    return unsupported(*this, "article history", error, EditResult());
}

QList<AuditEntry> Store::auditLog(const QString &, int, QString *error) const
{
    return unsupported(*this, "an audit trail", error, QList<AuditEntry>());
}

QList<ReviewItem> Store::reviewDue(const QDate &, int, QString *error) const
{
    return unsupported(*this, "review dates", error, QList<ReviewItem>());
}

qint64 Store::flagArticle(const QString &, const QString &, QString *error)
{
    return unsupported(*this, "flags", error, qint64(0));
}

QList<ArticleFlag> Store::flags(bool, QString *error) const
{
    return unsupported(*this, "flags", error, QList<ArticleFlag>());
}

bool Store::resolveFlag(qint64, const QString &, QString *error)
{
    return unsupported(*this, "flags", error, false);
}

qint64 Store::logSearch(const QString &query, int resultCount, QString *error)
{
    return logSearch(query, resultCount, QStringList(), error);
}

qint64 Store::logSearch(const QString &, int, const QStringList &, QString *error)
{
    return unsupported(*this, "a search log", error, qint64(0));
}

bool Store::logOpened(qint64, const QString &, QString *error)
{
    return unsupported(*this, "a search log", error, false);
}

GapReport Store::knowledgeGaps(const QDateTime &, QString *error) const
{
    return unsupported(*this, "a search log", error, GapReport());
}

int Store::purgeSearchLog(int, QString *error)
{
    return unsupported(*this, "a search log", error, -1);
}

} // namespace kb
