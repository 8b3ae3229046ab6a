#pragma once

#include "searchworker.h"
#include "sharedstoreconfig.h"
#include "writequeue.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>
#include <QSqlDatabase>

class QThread;

namespace kb {
class ReplicaSync;
} // namespace kb

namespace desk {

Q_DECLARE_LOGGING_CATEGORY(lcShared) // "hotline.desk.shared"

// The desk's side of the shared store: runs kb::ReplicaSync on a thread of its own (its replica, queue and
// server connections live there), with the journal's, outbox's and appointments' queue kinds registered, and
// re-emits its signals on the UI thread. The search thread opens the same replica file (replicaFactory()) and
// rebuilds its engine when replicaUpdated arrives (SearchService::noteCatalogueChanged).
class SharedStoreConnector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SharedStoreConnector)

public:
    explicit SharedStoreConnector(const SharedStoreConfig &config, QObject *parent = nullptr);
    ~SharedStoreConnector() override;

    // Creates the data folder and opens (creating/migrating) the replica once on this thread, before any
    // worker opens it (migrations run once, on the main thread).
    bool prepareReplica(QString *error);
    // Opens the replica for the search thread.
    StoreFactory replicaFactory() const;

    // Reads the password from the keychain, then starts the sync thread (startWithPassword). A keychain
    // without an entry starts with an empty password (the server may use certificates or trust).
    void start();
    void startWithPassword(const QString &password);

    // Settings → Server changed while the desk runs (docs/shared-store.md, "Changing the server settings"): with a
    // new host, port, database, login, password or TLS mode/CA the sync thread is stopped and started again on the
    // new connection, without a restart of the desk. The replica and the queue file stay: writes waiting in the
    // queue stay queued and are delivered by the new connection (each exactly once: the server keeps a receipt per
    // write), and writes queued while it switches are kept too. passwordKnown false: the settings page had not read
    // the password yet, so it is read from the keychain for the new login. Switching shared mode on or off is not
    // done here (the desk's catalogue and sign-in depend on it): that applies at the next start.
    enum class Reconfigured {
        Unchanged,    // same connection: nothing done
        Reconnecting, // new connection: reconnecting() emitted, then started/onlineChanged of the new run
        Refused,      // invalid settings (error says why) or shared mode switched off: nothing done
    };
    Reconfigured reconfigure(const SharedStoreConfig &config, bool passwordKnown, QString *error);
    void setHeartbeatMs(int ms); // before start (tests: 0 proves that NOTIFY alone suffices)
    void setReconnectMs(int ms);

    bool isRunning() const;
    bool isOnline() const;
    SharedStoreConfig config() const;

    // Queues a write durably (a local SQLite insert into the queue file on this thread, which never waits for the
    // server; delivery happens on the sync thread, which is woken without waiting for it). Before the sync thread
    // has started the insert is made there instead (it creates the queue file). Returns its id or empty with a
    // message.
    // Tracked: the desk awaits the answer durably, also across a restart (trackedWrites(), forgetTracked()).
    QString enqueue(const QString &kind, const QJsonObject &payload, QString *error,
                    kb::WriteQueue::Tracking tracking = kb::WriteQueue::Tracking::None);

    // The queue file on this thread, once the sync thread has opened (created) it: trackedWrites() and the marks
    // work from then on (started()); before, they return nothing.
    bool isQueueReady() const;
    QList<kb::TrackedWrite> trackedWrites(const QString &kind, QString *error = nullptr);
    bool forgetTracked(const QString &id, QString *error = nullptr);
    bool setMarked(const QString &scope, const QString &key, QString *error = nullptr);
    bool isMarked(const QString &scope, const QString &key);

    // The server for reads and online writes of the UI thread (the views, the booking dialog's free slots, closing
    // a case): a connection of its own, opened on first use with a short connect timeout (at most
    // UiConnectTimeoutSeconds) and a statement timeout (UiStatementTimeoutMs), so a dead or hung server holds the UI
    // for a few seconds at most. While the sync thread knows the server is gone it is not even tried. Each call
    // checks the connection with one round trip and reopens it once if the server went away meanwhile. Returns an
    // invalid database with a message when the server cannot be used.
    QSqlDatabase serverConnection(QString *error);

    // A queued write whose answer a dialog awaits and shows itself (the booking dialog): the general "refused by
    // the server" notice leaves it out while it is awaited. A tracked entry (enqueue) counts as awaited too.
    void setAwaited(const QString &id, bool awaited);
    bool isAwaited(const QString &id) const;
    // Closes it (after a query failed because the server went away); the next serverConnection() reopens it.
    void dropServerConnection();
    // Counts the connections serverConnection() opened: stores opened on an older one must be opened again.
    int serverConnectionGeneration() const;
    static constexpr int UiConnectTimeoutSeconds = 3;
    static constexpr int UiStatementTimeoutMs = 4000;

Q_SIGNALS:
    void started(bool ok, const QString &error);
    void reconnecting(); // reconfigure(): the old connection is closed, the new one is being made
    void onlineChanged(bool online);
    void replicaUpdated(qint64 revision);
    void writeDelivered(const QString &id, const QString &kind);
    void writeRejected(const QString &id, const QString &kind, const QString &reason);
    void syncFailed(const QString &message);
    // The server's data changed (any session, this desk's included): a NOTIFY on `channel` (journal::ChangedChannel,
    // outbox::ChangedChannel, appointments::ChangedChannel) naming `table`, committed. Arrives while the UI thread's
    // server connection (serverConnection) is open, which subscribes on every (re)open; bursts are not folded here.
    void serverDataChanged(const QString &channel, const QString &table);

private:
    void stop();
    kb::WriteQueue *uiQueue(QString *error);
    void listenForChanges(const QSqlDatabase &db);

    SharedStoreConfig m_config;
    QThread *m_thread = nullptr;
    QPointer<kb::ReplicaSync> m_sync;
    int m_heartbeatMs = 2000;
    int m_reconnectMs = 1000;
    bool m_online = false;
    QString m_password;         // for the UI thread's own server connection
    QString m_uiConnectionName; // empty: not open
    int m_serverGeneration = 0;
    int m_run = 0; // counts the sync threads started: answers of an older one are dropped
    QSet<QString> m_awaited;
    bool m_syncStarted = false;                      // the sync thread has opened (and created) the queue file
    mutable std::unique_ptr<kb::WriteQueue> m_queue; // this thread's connection to the queue file
    QSet<QString> m_settled; // tracked entries the desk has acted on in this run (forgetTracked)
};

} // namespace desk
