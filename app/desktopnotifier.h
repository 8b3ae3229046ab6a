#pragma once

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QString>

namespace desk {

// Desktop notifications through the freedesktop Notifications interface (org.freedesktop.Notifications on the
// session bus, https://specifications.freedesktop.org/notification-spec/): what GNOME Shell, KDE Plasma, Xfce, dunst,
// mako … show. One notification per key (the desk's key is the case number): a second notify() of the same key
// replaces the shown one (replaces_id) instead of stacking, close() takes it away. The one action ("default", which
// servers run on a click on the notification, and "open" with the given label as a button) comes back as
// activated(key). Everything is asynchronous: a slow or missing server never blocks the desk. Without a server on
// the bus the notifier logs that once (hotline.desk.notify) and stays silent.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    enum class Urgency : uchar { Low = 0, Normal = 1, Critical = 2 };

    explicit DesktopNotifier(QObject *parent = nullptr); // the session bus
    explicit DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);
    ~DesktopNotifier() override;

    // Another bus (tests use a private one); forgets the notifications shown on the old one.
    void setConnection(const QDBusConnection &bus);
    // Off: closes every notification shown and sends nothing until switched on again.
    void setEnabled(bool enabled);
    bool isEnabled() const;

    // Shows the key's notification, or replaces the one shown for it. Summary and body are plain text (escaped here,
    // since most servers read the body as markup). False when switched off or not connected to a bus.
    bool notify(const QString &key, const QString &summary, const QString &body, Urgency urgency,
                const QString &actionLabel);
    // Takes the key's notification away (CloseNotification); nothing when none is shown.
    void close(const QString &key);
    void closeAll();
    // The server's id of the key's notification; 0 when none is shown (or the server has not answered yet).
    uint notificationId(const QString &key) const;
    QStringList shownKeys() const;
    // Notify calls sent to the bus since construction.
    int sentCount() const;

Q_SIGNALS:
    // The agent ran the notification's action (clicked it or its "Open" button).
    void activated(const QString &key);
    // The server answered a Notify call with this id (the notification is on screen).
    void delivered(const QString &key, uint id);

private Q_SLOTS:
    void handleActionInvoked(uint id, const QString &actionKey);
    void handleClosed(uint id, uint reason);

private:
    struct Entry
    {
        uint id = 0;
        bool pending = false;    // a Notify call is on its way
        bool resend = false;     // notify() again while pending: send the newest text once the id is known
        bool closeAfter = false; // close() while pending
        QString summary;
        QString body;
        QString actionLabel;
        Urgency urgency = Urgency::Normal;
    };

    void connectSignals();
    void disconnectSignals();
    void send(const QString &key);
    void sendClose(uint id);
    QString keyOf(uint id) const;

    QDBusConnection m_bus;
    QHash<QString, Entry> m_entries;
    bool m_enabled = true;
    bool m_loggedMissing = false;
    int m_sent = 0;
};

} // namespace desk
