#include "editorialsession.h"

#include "pgstore.h"
#include "sharedstoreconnector.h"
#include "store.h"
#include "writequeue.h"

#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcEditorial, "hotline.desk.editorial", QtInfoMsg)

namespace desk {

EditorialSession::EditorialSession(std::unique_ptr<kb::Store> store, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_logTimer(new QTimer(this))
{
    m_logTimer->setSingleShot(true);
    m_logTimer->setInterval(1500);
    connect(m_logTimer, &QTimer::timeout, this, &EditorialSession::flushSearchLog);
}

EditorialSession::~EditorialSession()
{
    flushSearchLog();
}

kb::Store *EditorialSession::store() const
{
    return m_store.get();
}

void EditorialSession::setSharedServer(const kb::PgConnection &server)
{
    m_shared = true;
    m_server = server;
    m_server.user.clear();
    m_server.password.clear();
}

bool EditorialSession::isShared() const
{
    return m_shared;
}

kb::PgConnection EditorialSession::sharedServer() const
{
    return m_server;
}

void EditorialSession::setSharedQueue(SharedStoreConnector *connector)
{
    flushSearchLog();
    m_queue = connector;
    m_queued = connector != nullptr;
    m_lastSearchId = 0;
    m_lastQueuedSearch.clear();
    m_lastLoggedQuery.clear();
}

bool EditorialSession::flagArticle(const QString &articleId, const QString &comment, QString *error, bool *queued)
{
    if (queued) {
        *queued = false;
    }
    if (m_queued && !m_queue) {
        *error = tr("the catalogue is not open");
        return false;
    }
    if (!m_queue) {
        if (!m_store) {
            *error = tr("the catalogue is not open");
            return false;
        }
        return m_store->flagArticle(articleId, comment, error) != 0;
    }
    if (comment.trimmed().isEmpty()) {
        *error = tr("say what is wrong: the comment must not be empty");
        return false;
    }
    if (articleId.isEmpty()) {
        *error = tr("no article to flag");
        return false;
    }
    // The server checks the article and the login when the queue delivers it (a refusal shows the notice of
    // refused changes); the flag is raised by the desk's server login's user.
    const QString id = m_queue->enqueue(
        QString::fromLatin1(kb::writekind::Flag),
        kb::writekind::flagPayload(articleId, comment.trimmed(), QDateTime::currentDateTimeUtc()), error);
    if (id.isEmpty()) {
        return false;
    }
    if (queued) {
        *queued = !m_queue->isOnline();
    }
    return true;
}

void EditorialSession::replaceStore(std::unique_ptr<kb::Store> store)
{
    flushSearchLog();
    m_lastSearchId = 0;
    m_lastQueuedSearch.clear();
    m_lastLoggedQuery.clear();
    m_store = std::move(store);
    if (m_store && m_signedIn) {
        m_store->setActor(kb::Actor::signedIn(m_user));
    }
}

bool EditorialSession::ensureServerConnection(QString *error)
{
    auto *server = dynamic_cast<kb::PgStore *>(m_store.get());
    if (!server) {
        return true;
    }
    return server->ensureConnected(error);
}

void EditorialSession::noteOwnPasswordChanged(const QString &newPassword)
{
    Q_EMIT ownPasswordChanged(m_user.name, newPassword);
}

const kb::User &EditorialSession::user() const
{
    return m_user;
}

bool EditorialSession::isSignedIn() const
{
    return m_signedIn;
}

bool EditorialSession::isLead() const
{
    return m_signedIn && m_user.role == kb::Role::Lead;
}

void EditorialSession::signIn(const kb::User &user)
{
    flushSearchLog();
    m_user = user;
    m_signedIn = true;
    if (m_store) {
        m_store->setActor(kb::Actor::signedIn(user));
    }
    Q_EMIT userChanged(m_user);
}

void EditorialSession::signOut()
{
    flushSearchLog();
    m_user = kb::User();
    m_signedIn = false;
    if (m_store) {
        m_store->setActor(kb::Actor());
    }
    Q_EMIT userChanged(m_user);
}

void EditorialSession::setSearchLogDelay(int ms)
{
    m_logTimer->setInterval(ms);
}

void EditorialSession::noteSearch(const QString &query, int resultCount, const QStringList &unmatched)
{
    if (query.trimmed().isEmpty()) {
        m_logTimer->stop();
        m_pendingQuery.clear();
        return;
    }
    m_pendingQuery = query;
    m_pendingCount = resultCount;
    m_pendingUnmatched = unmatched;
    m_logTimer->start();
}

void EditorialSession::flushSearchLog()
{
    m_logTimer->stop();
    if (m_pendingQuery.isEmpty() || (!m_store && !m_queue) || (m_queued && !m_queue)) {
        return;
    }
    const QString query = m_pendingQuery;
    m_pendingQuery.clear();
    if (kb::normalizeLoggedQuery(query) == m_lastLoggedQuery) {
        return; // the same query again (the index was rebuilt, or the agent came back to it)
    }
    QString error;
    if (m_queue) {
        // Shared mode: durably queued with a UUID of the desk's, by which the opened article finds it later.
        const QString searchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject payload = kb::writekind::searchLogPayload(
            searchId, query.trimmed(), m_pendingCount, QDateTime::currentDateTimeUtc(), m_pendingUnmatched);
        if (m_queue->enqueue(QString::fromLatin1(kb::writekind::SearchLog), payload, &error).isEmpty()) {
            qCWarning(lcEditorial) << "cannot queue a search for the log:" << error;
            return;
        }
        m_lastQueuedSearch = searchId;
        m_lastLoggedQuery = kb::normalizeLoggedQuery(query);
        return;
    }
    const qint64 id = m_store->logSearch(query, m_pendingCount, m_pendingUnmatched, &error);
    if (id == 0) {
        qCWarning(lcEditorial) << "cannot log a search:" << error;
        return;
    }
    m_lastSearchId = id;
    m_lastLoggedQuery = kb::normalizeLoggedQuery(query);
}

void EditorialSession::noteOpened(const QString &articleId)
{
    flushSearchLog();
    if (m_queued) {
        if (m_lastQueuedSearch.isEmpty() || !m_queue) {
            return;
        }
        // The first article opened from a search counts (as logOpened); later ones are not queued at all.
        QString error;
        const QJsonObject payload =
            kb::writekind::searchOpenedPayload(m_lastQueuedSearch, articleId, QDateTime::currentDateTimeUtc());
        if (m_queue->enqueue(QString::fromLatin1(kb::writekind::SearchOpened), payload, &error).isEmpty()) {
            qCWarning(lcEditorial) << "cannot queue an opened article for the log:" << error;
            return;
        }
        m_lastQueuedSearch.clear();
        return;
    }
    if (m_lastSearchId == 0 || !m_store) {
        return;
    }
    QString error;
    if (!m_store->logOpened(m_lastSearchId, articleId, &error)) {
        qCWarning(lcEditorial) << "cannot log an opened article:" << error;
    }
}

} // namespace desk
