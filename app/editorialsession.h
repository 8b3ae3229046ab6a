#pragma once

#include "editorial.h"
#include "pgconnection.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QTimer;

namespace kb {
class Store;
}

namespace desk {

class SharedStoreConnector;

// The signed-in user and the UI thread's own connection to the catalogue (the search thread has its own). Every
// editorial action of the desk goes through store(), which carries the acting user, so the store enforces the role;
// the widgets only hide what the role may not do. Also logs the agents' searches (no caller data) for the knowledge
// gaps report: a query counts once the agent paused on it, not once per keystroke.
class EditorialSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorialSession)

public:
    explicit EditorialSession(std::unique_ptr<kb::Store> store, QObject *parent = nullptr);
    ~EditorialSession() override;

    kb::Store *store() const;
    // Shared mode: store() is the signed-in user's own kb::PgStore on the server (the server login is the
    // sign-in); `server` is the configured shared store without user and password. Switching user replaces the
    // store with the next user's connection.
    void setSharedServer(const kb::PgConnection &server);
    bool isShared() const;
    kb::PgConnection sharedServer() const;
    void replaceStore(std::unique_ptr<kb::Store> store);
    // Shared mode: reconnects the user's server connection if it was lost (the server restarted); the desk calls it
    // when its sync is online again. True when there is nothing to do.
    bool ensureServerConnection(QString *error = nullptr);
    // The signed-in user changed their own password (ChangePasswordDialog): emits ownPasswordChanged, so that the
    // desk can update the keychain when that login is also the desk's configured server login.
    void noteOwnPasswordChanged(const QString &newPassword);
    const kb::User &user() const;
    bool isSignedIn() const;
    bool isLead() const;
    void signIn(const kb::User &user);
    void signOut();

    // Shared mode: searches, opened articles and flags go to the server through the desk's durable write queue
    // (kb::writekind::SearchLog, SearchOpened, Flag), so none is lost while the server is away; delivered at
    // once while it is reachable.
    void setSharedQueue(SharedStoreConnector *connector);
    // Flags an article as wrong or outdated for the team leads: on the store, or queued in shared mode
    // (`*queued` true when it waits for the server because it is not reachable now). False with a message.
    bool flagArticle(const QString &articleId, const QString &comment, QString *error, bool *queued = nullptr);

    // How long a query must stand before it is logged (default 1.5 s; tests shorten it).
    void setSearchLogDelay(int ms);
    // A search the desk answered: logged once the query stood for the delay, with the words the catalogue did not
    // know (`unmatched`, kb::SearchEngine::unmatchedWords) for the leads' gaps report.
    void noteSearch(const QString &query, int resultCount, const QStringList &unmatched = {});
    // The agent opened an article: marks the last logged search as useful (logs a pending one first).
    void noteOpened(const QString &articleId);
    void flushSearchLog();

Q_SIGNALS:
    void userChanged(const kb::User &user);
    void catalogueChanged(); // the UI thread published something: the search thread picks it up on its next search
    void ownPasswordChanged(const QString &userName, const QString &newPassword);

private:
    std::unique_ptr<kb::Store> m_store;
    bool m_shared = false;
    kb::PgConnection m_server;
    kb::User m_user;
    bool m_signedIn = false;
    QTimer *m_logTimer;
    QString m_pendingQuery;
    int m_pendingCount = 0;
    QStringList m_pendingUnmatched;
    qint64 m_lastSearchId = 0;
    QString m_lastQueuedSearch; // shared mode: the UUID of the last queued search, until an article is opened
    QPointer<SharedStoreConnector> m_queue;
    bool m_queued = false; // shared mode with a queue: never log past it (also once the connector is gone)
    QString m_lastLoggedQuery;
};

} // namespace desk
