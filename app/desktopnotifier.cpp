#include "desktopnotifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QVariantMap>

namespace desk {

namespace {

Q_LOGGING_CATEGORY(lcNotify, "hotline.desk.notify", QtInfoMsg)

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
const QString AppName = QStringLiteral("Hotline Desk");
const QString DefaultAction = QStringLiteral("default");
const QString OpenAction = QStringLiteral("open");

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent) : DesktopNotifier(QDBusConnection::sessionBus(), parent) {}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent) : QObject(parent), m_bus(bus)
{
    connectSignals();
}

DesktopNotifier::~DesktopNotifier()
{
    disconnectSignals();
}

void DesktopNotifier::connectSignals()
{
    if (!m_bus.isConnected()) {
        return;
    }
    // The server sends both signals to the connection that created the notification; Qt follows the name's owner.
    m_bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
                  SLOT(handleActionInvoked(uint, QString)));
    m_bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this, SLOT(handleClosed(uint, uint)));
}

void DesktopNotifier::disconnectSignals()
{
    if (!m_bus.isConnected()) {
        return;
    }
    m_bus.disconnect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
                     SLOT(handleActionInvoked(uint, QString)));
    m_bus.disconnect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this,
                     SLOT(handleClosed(uint, uint)));
}

void DesktopNotifier::setConnection(const QDBusConnection &bus)
{
    disconnectSignals();
    m_entries.clear();
    m_loggedMissing = false;
    m_bus = bus;
    connectSignals();
}

void DesktopNotifier::setEnabled(bool enabled)
{
    if (m_enabled == enabled) {
        return;
    }
    m_enabled = enabled;
    if (!enabled) {
        closeAll();
    }
}

bool DesktopNotifier::isEnabled() const
{
    return m_enabled;
}

bool DesktopNotifier::notify(const QString &key, const QString &summary, const QString &body, Urgency urgency,
                             const QString &actionLabel)
{
    if (!m_enabled) {
        return false;
    }
    if (!m_bus.isConnected()) {
        if (!m_loggedMissing) {
            m_loggedMissing = true;
            qCInfo(lcNotify) << "no D-Bus session bus: desktop notifications are off";
        }
        return false;
    }
    Entry &entry = m_entries[key];
    entry.summary = summary;
    entry.body = body;
    entry.urgency = urgency;
    entry.actionLabel = actionLabel;
    entry.closeAfter = false;
    if (entry.pending) {
        entry.resend = true; // replace as soon as the server has told the id of the one on its way
        return true;
    }
    send(key);
    return true;
}

void DesktopNotifier::send(const QString &key)
{
    Entry &entry = m_entries[key];
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(entry.urgency)));
    QStringList actions;
    if (!entry.actionLabel.isEmpty()) {
        actions << DefaultAction << entry.actionLabel << OpenAction << entry.actionLabel;
    }
    // Servers that read markup in the body (most do) must not take a service title like "Kfz & Führerschein" for it.
    call << AppName << entry.id << QString() << entry.summary << entry.body.toHtmlEscaped() << actions << hints
         << int(0); // stays until the agent or the desk closes it: the case is still due
    entry.pending = true;
    entry.resend = false;
    ++m_sent;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, key](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        auto it = m_entries.find(key);
        if (it == m_entries.end()) {
            return;
        }
        it->pending = false;
        if (reply.isError()) {
            if (!m_loggedMissing) {
                m_loggedMissing = true;
                qCInfo(lcNotify).noquote() << "no desktop notification service (" + reply.error().name() + ":"
                                           << reply.error().message() + "): reminders show in the desk only";
            }
            m_entries.erase(it);
            return;
        }
        m_loggedMissing = false; // a server came (back): log again should it go away
        it->id = reply.value();
        const uint id = it->id;
        if (it->closeAfter) {
            m_entries.erase(it);
            sendClose(id);
            return;
        }
        const bool resend = it->resend;
        Q_EMIT delivered(key, id);
        if (resend && m_entries.contains(key)) {
            send(key);
        }
    });
}

void DesktopNotifier::close(const QString &key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        return;
    }
    if (it->pending) {
        it->closeAfter = true;
        it->resend = false;
        return;
    }
    const uint id = it->id;
    m_entries.erase(it);
    sendClose(id);
}

void DesktopNotifier::closeAll()
{
    const QStringList keys = m_entries.keys();
    for (const QString &key : keys) {
        close(key);
    }
}

void DesktopNotifier::sendClose(uint id)
{
    if (id == 0 || !m_bus.isConnected()) {
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("CloseNotification"));
    call << id;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [id](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        if (w->isError()) {
            qCDebug(lcNotify) << "closing notification" << id << "failed:" << w->error().message();
        }
    });
}

uint DesktopNotifier::notificationId(const QString &key) const
{
    return m_entries.value(key).id;
}

QStringList DesktopNotifier::shownKeys() const
{
    QStringList keys;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it->id != 0) {
            keys << it.key();
        }
    }
    return keys;
}

int DesktopNotifier::sentCount() const
{
    return m_sent;
}

QString DesktopNotifier::keyOf(uint id) const
{
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it->id == id && id != 0) {
            return it.key();
        }
    }
    return QString();
}

void DesktopNotifier::handleActionInvoked(uint id, const QString &actionKey)
{
    const QString key = keyOf(id);
    if (key.isEmpty() || (actionKey != DefaultAction && actionKey != OpenAction)) {
        return;
    }
    Q_EMIT activated(key);
}

void DesktopNotifier::handleClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const QString key = keyOf(id);
    if (!key.isEmpty() && !m_entries.value(key).pending) {
        m_entries.remove(key); // expired or dismissed by the agent: a later reminder starts a new one
    }
}

} // namespace desk
