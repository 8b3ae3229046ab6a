#pragma once

#include "editorial.h"
#include "pgconnection.h"
#include "writequeue.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QTimer;

namespace kb {

class PgStore;
class Store;

// Applies one queued write on the server. Runs inside the delivery transaction, which also
// writes the write's receipt: everything the handler does commits together with the receipt or
// not at all. Return false with a message when the server refuses the write (permission,
// validation); a lost connection is told apart by the caller.
using WriteHandler = std::function<bool(PgStore &server, const QJsonObject &payload, QString *error)>;

struct ReplicaSyncOptions
{
    PgConnection server;
    QString replicaPath;    // the desk's local SQLite catalogue (openSqliteStore)
    QString queuePath;      // the desk's write queue and sync bookkeeping (WriteQueue)
    int heartbeatMs = 2000; // online: connection check and fallback poll of the revision
    int reconnectMs = 1000; // offline: how often to try the server again
    // Whom the server's editorial checks and audit trail see for queued catalogue writes (kb.*
    // kinds). What the desk may write at all is decided by its server login's role (roles.sql);
    // the desk sets the signed-in user here once the sign-in is wired to the server login.
    Actor serverActor = Actor::administrator();
    // True: on every connect the server's editorial user of the login's name (hotline-admin user add
    // makes one per login) becomes the actor instead of serverActor, so queued catalogue writes,
    // flags and logged searches name the desk's own user in the audit trail. serverActor stays
    // when the server has no such user.
    bool actorFromLogin = false;
};

// Keeps a desk's local SQLite replica of the catalogue in step with the shared PostgreSQL store
// and delivers the desk's queued writes.
// - On start and on every NOTIFY catalogue_changed (and, as a fallback, when the heartbeat sees a
//   newer revision) it fetches what changed since the replica's server revision, in one snapshot,
//   and applies it to the replica; then replicaUpdated(revision of the replica) is emitted and the
//   desk rebuilds its search engine from replica().
// - Writes go to the durable local queue first (enqueue()), then to the server in queue order, each
//   in one server transaction together with a receipt keyed by its UUID: a write is on the server
//   exactly once even if the desk crashes between the server's commit and the local removal.
// - If the server is unreachable the desk keeps its replica and queue; onlineChanged(false) tells
//   the UI; it reconnects by itself and then delivers and syncs.
// Lives on one thread (its connections are created there); move it to a worker before start() if
// syncing must not block the UI thread.
class ReplicaSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplicaSync)

public:
    explicit ReplicaSync(const ReplicaSyncOptions &options, QObject *parent = nullptr);
    ~ReplicaSync() override;

    // Opens the replica and the queue (failing there is an error) and tries the server (being
    // offline is not an error: isOnline() says which). Connect the signals first: the first sync
    // and delivery run inside start() when the server is reachable.
    bool start(QString *error);

    // Handlers for queue kinds beyond the catalogue ones (journal entries, forwards, bookings …).
    void registerWriteKind(const QString &kind, const WriteHandler &handler);

    // Queues a write durably and, when online, delivers it right after. Returns its UUID, or an
    // empty string (with a message) if it could not even be queued locally.
    // Tracked: the desk awaits its answer across restarts (WriteQueue::trackedWrites).
    QString enqueue(const QString &kind, const QJsonObject &payload, QString *error,
                    WriteQueue::Tracking tracking = WriteQueue::Tracking::None);

    bool isOnline() const;
    Store *replica() const; // the local catalogue, for reading on this thread
    WriteQueue *queue() const;
    qint64 syncedServerRevision() const;
    int pendingWrites() const;

public Q_SLOTS:
    void syncNow();    // fetch and apply changes now (no-op while offline)
    void deliverNow(); // deliver queued writes now (no-op while offline)

Q_SIGNALS:
    void replicaUpdated(qint64 revision);
    void onlineChanged(bool online);
    void writeDelivered(const QString &id, const QString &kind);
    void writeRejected(const QString &id, const QString &kind, const QString &reason);
    // A sync, a delivery or a connection attempt failed (the message is for the status line; a
    // connection failure is reported once per distinct reason).
    void syncFailed(const QString &message);

private:
    void handleNotification(const QString &name);
    void handleHeartbeat();
    void tryConnect();
    void goOffline(const QString &reason);
    bool applyChanges(QString *error);
    bool serverLost();

    ReplicaSyncOptions m_options;
    std::unique_ptr<Store> m_replica;
    std::unique_ptr<WriteQueue> m_queue;
    std::unique_ptr<PgStore> m_server;
    QHash<QString, WriteHandler> m_handlers;
    QTimer *m_heartbeat = nullptr;
    QTimer *m_reconnect = nullptr;
    QString m_lastConnectError;
    bool m_online = false;
    bool m_syncScheduled = false;
    bool m_deliverScheduled = false;
    bool m_busy = false;
};

} // namespace kb
