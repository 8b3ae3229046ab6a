#include "sharedstoreconnector.h"

#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include "appointmentqueue.h"
#include "businesscalendar.h"
#include "journalqueue.h"
#include "outboxstore.h"
#include "pgconnection.h"
#include "pgpasswordstore.h"
#include "replicasync.h"
#include "store.h"
#include "writequeue.h"

namespace desk {

Q_LOGGING_CATEGORY(lcShared, "hotline.desk.shared", QtInfoMsg)

SharedStoreConnector::SharedStoreConnector(const SharedStoreConfig &config, QObject *parent)
    : QObject(parent), m_config(config)
{
}

SharedStoreConnector::~SharedStoreConnector()
{
    dropServerConnection();
    stop();
}

QSqlDatabase SharedStoreConnector::serverConnection(QString *error)
{
    if (!m_thread || !m_online) {
        dropServerConnection();
        *error = tr("The server is not reachable.");
        return QSqlDatabase();
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (m_uiConnectionName.isEmpty()) {
            // A new name for every connection: stores opened on an earlier one may still hold copies of it.
            ++m_serverGeneration;
            m_uiConnectionName =
                QStringLiteral("hotline.desk.ui-server.%1.%2").arg(quintptr(this), 0, 16).arg(m_serverGeneration);
            kb::PgConnection params = m_config.connection;
            params.password = m_password;
            params.connectTimeoutSeconds = std::clamp(params.connectTimeoutSeconds, 1, UiConnectTimeoutSeconds);
            params.applicationName = QStringLiteral("hotline-desk-ui");
            if (!kb::openPgConnection(params, m_uiConnectionName, error)) {
                m_uiConnectionName.clear();
                return QSqlDatabase();
            }
            QSqlQuery timeout(QSqlDatabase::database(m_uiConnectionName, false));
            if (!timeout.exec(QStringLiteral("SET statement_timeout = %1").arg(UiStatementTimeoutMs))) {
                *error = timeout.lastError().text();
                dropServerConnection();
                return QSqlDatabase();
            }
            listenForChanges(QSqlDatabase::database(m_uiConnectionName, false));
            return QSqlDatabase::database(m_uiConnectionName, false);
        }
        QSqlDatabase db = QSqlDatabase::database(m_uiConnectionName, false);
        {
            QSqlQuery ping(db);
            if (db.isOpen() && ping.exec(QStringLiteral("SELECT 1"))) {
                return db;
            }
            *error = ping.lastError().text();
        }
        dropServerConnection(); // gone meanwhile (restart, dropped): one fresh attempt
    }
    return QSqlDatabase();
}

void SharedStoreConnector::listenForChanges(const QSqlDatabase &db)
{
    // LISTEN on this (the UI thread's) connection: the driver watches its socket on this thread's event loop and
    // emits each notification (also those it finds after a query of its own). The session ends with the
    // connection, and so do its subscriptions: every new connection subscribes again.
    QSqlDriver *driver = db.driver();
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &channel, QSqlDriver::NotificationSource, const QVariant &payload) {
                Q_EMIT serverDataChanged(channel, payload.toString());
            });
    for (const char *channel : {journal::ChangedChannel, outbox::ChangedChannel, appointments::ChangedChannel}) {
        if (!driver->subscribeToNotification(QString::fromLatin1(channel))) {
            // The views still follow the server when shown and on reconnects, only not live.
            qCWarning(lcShared) << "cannot listen on" << channel << ":" << driver->lastError().text();
        }
    }
}

void SharedStoreConnector::setAwaited(const QString &id, bool awaited)
{
    if (awaited) {
        m_awaited.insert(id);
    } else {
        m_awaited.remove(id);
    }
}

bool SharedStoreConnector::isAwaited(const QString &id) const
{
    if (m_awaited.contains(id) || m_settled.contains(id)) {
        return true;
    }
    // Asked about an answer the sync thread delivered, so it has created the queue file.
    if (!m_queue && m_sync) {
        m_queue = kb::WriteQueue::open(m_config.queuePath(), nullptr);
    }
    return m_queue && m_queue->isTracked(id);
}

int SharedStoreConnector::serverConnectionGeneration() const
{
    return m_serverGeneration;
}

void SharedStoreConnector::dropServerConnection()
{
    if (m_uiConnectionName.isEmpty()) {
        return;
    }
    const QString name = m_uiConnectionName;
    m_uiConnectionName.clear();
    if (QSqlDatabase::contains(name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name); // stores still holding a copy fail their queries from now on
    }
}

SharedStoreConfig SharedStoreConnector::config() const
{
    return m_config;
}

void SharedStoreConnector::setHeartbeatMs(int ms)
{
    m_heartbeatMs = ms;
}

void SharedStoreConnector::setReconnectMs(int ms)
{
    m_reconnectMs = ms;
}

bool SharedStoreConnector::isRunning() const
{
    return m_thread != nullptr;
}

bool SharedStoreConnector::isOnline() const
{
    return m_online;
}

bool SharedStoreConnector::prepareReplica(QString *error)
{
    const QString path = m_config.replicaPath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = tr("The folder %1 for the local replica could not be created.").arg(QFileInfo(path).absolutePath());
        return false;
    }
    std::unique_ptr<kb::Store> replica = kb::openSqliteStore(path, error);
    return replica != nullptr;
}

StoreFactory SharedStoreConnector::replicaFactory() const
{
    const QString path = m_config.replicaPath();
    // Not openDeskCatalogue(): an empty replica must stay empty until the server fills it.
    return [path](QString *error) { return kb::openSqliteStore(path, error); };
}

void SharedStoreConnector::start()
{
    // The keychain answers asynchronously (it may ask the user to unlock it); start when it has.
    auto *passwords = new kb::PgPasswordStore(this);
    connect(passwords, &kb::PgPasswordStore::passwordRead, this, [this, passwords](const QString &, const QString &pw) {
        passwords->deleteLater();
        startWithPassword(pw);
    });
    connect(passwords, &kb::PgPasswordStore::failed, this,
            [this, passwords](const QString &key, const QString &message) {
                passwords->deleteLater();
                qCInfo(lcShared) << "no password in the keychain for" << key << ":" << message;
                startWithPassword(QString());
            });
    passwords->readPassword(m_config.connection);
}

SharedStoreConnector::Reconfigured SharedStoreConnector::reconfigure(const SharedStoreConfig &config,
                                                                     bool passwordKnown, QString *error)
{
    if (!config.enabled) {
        *error = tr("Switching the shared server off applies at the next start of the desk.");
        return Reconfigured::Refused;
    }
    kb::PgConnection next = config.connection;
    if (!next.isValid(error)) {
        return Reconfigured::Refused;
    }
    kb::PgConnection current = m_config.connection;
    current.password = m_password;
    if (!passwordKnown) {
        next.password = current.password; // compared as unchanged; read from the keychain below if anything else is
    }
    if (m_thread && next == current) {
        return Reconfigured::Unchanged;
    }
    qCInfo(lcShared) << "server settings changed: reconnecting as" << next.displayName();
    // The replica and the queue (dataFolder) stay what they are: they hold what is waiting to be sent.
    m_config.connection = next;
    m_config.connection.password.clear();
    const bool running = m_thread != nullptr;
    stop();
    dropServerConnection();
    m_online = false;
    if (!running) {
        return Reconfigured::Reconnecting; // start() uses the new settings
    }
    Q_EMIT reconnecting();
    if (passwordKnown) {
        startWithPassword(next.password);
    } else {
        start();
    }
    return Reconfigured::Reconnecting;
}

void SharedStoreConnector::startWithPassword(const QString &password)
{
    stop();
    dropServerConnection();
    m_password = password;
    const int run = ++m_run;
    kb::ReplicaSyncOptions options;
    options.server = m_config.connection;
    options.server.password = password;
    options.replicaPath = m_config.replicaPath();
    options.queuePath = m_config.queuePath();
    options.heartbeatMs = m_heartbeatMs;
    options.reconnectMs = m_reconnectMs;
    options.actorFromLogin = true; // the audit trail names the desk login's own user (hotline-admin user add)

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("shared-store"));
    auto *sync = new kb::ReplicaSync(options);
    sync->moveToThread(m_thread);
    m_sync = sync;
    connect(m_thread, &QThread::finished, sync, &QObject::deleteLater);

    // Queued onto the UI thread; `this` as context drops them once the connector is gone.
    connect(sync, &kb::ReplicaSync::onlineChanged, this, [this, run](bool online) {
        if (run != m_run) {
            return; // queued before that thread was stopped (reconfigure)
        }
        m_online = online; // the UI's server connection is closed by its next use (after the views let go of it)
        Q_EMIT onlineChanged(online);
    });
    connect(sync, &kb::ReplicaSync::replicaUpdated, this, &SharedStoreConnector::replicaUpdated);
    connect(sync, &kb::ReplicaSync::writeDelivered, this, &SharedStoreConnector::writeDelivered);
    connect(sync, &kb::ReplicaSync::writeRejected, this, &SharedStoreConnector::writeRejected);
    connect(sync, &kb::ReplicaSync::syncFailed, this, &SharedStoreConnector::syncFailed);
    m_thread->start();

    QMetaObject::invokeMethod(
        sync,
        [this, sync, run]() {
            // The other modules' writes queue from the first minute, also while offline: their kinds are
            // registered before start() so that delivery never meets an unknown kind.
            journal::registerServerWriteKinds(*sync);
            appointments::registerServerWriteKinds(*sync, journal::BusinessCalendar());
            QString error;
            const bool ok = sync->start(&error);
            const bool online = sync->isOnline();
            QMetaObject::invokeMethod(
                this,
                [this, run, ok, error, online]() {
                    if (run != m_run) {
                        return; // a thread stopped meanwhile (reconfigure): its answer is out of date
                    }
                    if (ok) {
                        m_syncStarted = true;
                        m_online = online;
                        Q_EMIT onlineChanged(online);
                    } else {
                        qCWarning(lcShared) << "the shared store could not start:" << error;
                    }
                    Q_EMIT started(ok, error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

QString SharedStoreConnector::enqueue(const QString &kind, const QJsonObject &payload, QString *error,
                                      kb::WriteQueue::Tracking tracking)
{
    if (m_syncStarted) {
        // Never wait for the sync thread: it may be in the middle of a delivery the server holds up.
        kb::WriteQueue *queue = uiQueue(error);
        if (!queue) {
            return QString();
        }
        QString id;
        if (!queue->enqueue(kind, payload, &id, error, tracking)) {
            return QString();
        }
        if (m_sync) { // between two runs (reconfigure) the next one delivers it when it connects
            QMetaObject::invokeMethod(m_sync, &kb::ReplicaSync::deliverNow, Qt::QueuedConnection);
        }
        return id;
    }
    if (!m_sync) {
        *error = tr("The shared store is not running.");
        return QString();
    }
    QString id;
    QString err;
    kb::ReplicaSync *sync = m_sync;
    QMetaObject::invokeMethod(
        sync, [&]() { id = sync->enqueue(kind, payload, &err, tracking); }, Qt::BlockingQueuedConnection);
    if (id.isEmpty() && error) {
        *error = err;
    }
    return id;
}

kb::WriteQueue *SharedStoreConnector::uiQueue(QString *error)
{
    if (!m_syncStarted) {
        if (error) {
            *error = tr("The shared store is not running.");
        }
        return nullptr;
    }
    if (!m_queue) {
        m_queue = kb::WriteQueue::open(m_config.queuePath(), error);
    }
    return m_queue.get();
}

bool SharedStoreConnector::isQueueReady() const
{
    return m_syncStarted;
}

QList<kb::TrackedWrite> SharedStoreConnector::trackedWrites(const QString &kind, QString *error)
{
    kb::WriteQueue *queue = uiQueue(error);
    return queue ? queue->trackedWrites(kind, error) : QList<kb::TrackedWrite>();
}

bool SharedStoreConnector::forgetTracked(const QString &id, QString *error)
{
    m_settled.insert(id);
    kb::WriteQueue *queue = uiQueue(error);
    return queue && queue->forgetTracked(id, error);
}

bool SharedStoreConnector::setMarked(const QString &scope, const QString &key, QString *error)
{
    kb::WriteQueue *queue = uiQueue(error);
    return queue && queue->setMarked(scope, key, error);
}

bool SharedStoreConnector::isMarked(const QString &scope, const QString &key)
{
    kb::WriteQueue *queue = uiQueue(nullptr);
    return queue && queue->isMarked(scope, key);
}

void SharedStoreConnector::stop()
{
    if (!m_thread) {
        return;
    }
    if (m_sync) {
        disconnect(m_sync, nullptr, this, nullptr);
    }
    // m_syncStarted stays: the queue file exists from then on, so the UI thread queues into it also while the sync
    // thread is restarted (startWithPassword, reconfigure).
    m_queue.reset();
    m_thread->quit();
    m_thread->wait();
    delete m_thread; // finished() has queued the sync's deleteLater; the thread's end runs it
    m_thread = nullptr;
}

} // namespace desk
