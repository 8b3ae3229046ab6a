#pragma once

#include <QString>

class QLabel;
class QWidget;

#include <memory>

namespace journal {
class JournalStore;
}
namespace appointments {
class AppointmentStore;
}
namespace outbox {
class OutboxStore;
}

namespace desk {

class SharedStoreConnector;

// The journal, appointment book and outbox of the shared server, opened on the UI thread's server connection
// (SharedStoreConnector::serverConnection: short timeouts). Shared pointers, because a view keeps the store it
// shows alive while a reconnect opens new ones; a store of an old connection just fails its queries.
class ServerStores final
{
public:
    explicit ServerStores(SharedStoreConnector *connector);
    ~ServerStores();
    ServerStores(const ServerStores &) = delete;
    ServerStores &operator=(const ServerStores &) = delete;

    // True when the server is usable now (stores (re)opened on the current connection); false with a message.
    bool open(QString *error);
    std::shared_ptr<journal::JournalStore> journal() const;
    std::shared_ptr<appointments::AppointmentStore> appointments() const;
    std::shared_ptr<outbox::OutboxStore> outbox() const;

    // The note the views show while they fall back to the desk's own data.
    static QString offlineNote();

private:
    SharedStoreConnector *m_connector;
    int m_generation = -1;
    std::shared_ptr<journal::JournalStore> m_journal;
    std::shared_ptr<appointments::AppointmentStore> m_appointments;
    std::shared_ptr<outbox::OutboxStore> m_outbox;
};

// Shows (or with an empty text hides) a view's source note: visible, the label's accessible name follows and a
// change is announced to screen readers once (Alert).
void showSourceNote(QLabel *label, const QString &note);

// The part of a shared-mode view's source that does not depend on the store type: the note label (object name
// "sourceNote", hidden until there is a note) and the reason the view's changes are refused.
class ViewSourceNote
{
public:
    explicit ViewSourceNote(QWidget *view); // the label is a child of `view`; the view puts it into its layout
    QLabel *label() const;
    QString note() const;
    // True, with the reason in *error, while the view's changes are refused (offline in shared mode).
    bool refuseChange(QString *error) const;

protected:
    void setNote(const QString &note, const QString &readOnlyReason);

private:
    QLabel *m_label;
    QString m_readOnlyReason;
};

// What a shared-mode view (open cases, outbox, appointments) shows: the server's store, which the view keeps alive
// while it shows it (a reconnect opens new ones), or the desk's own store, with the note that says so.
template <typename Store> class ViewSource final : public ViewSourceNote
{
public:
    using ViewSourceNote::ViewSourceNote;

    // server: the server's store, or nullptr for the desk's own with `note` shown and announced; a non-empty
    // readOnlyReason refuses the view's changes with that message. The view applies it at its next reload.
    void set(std::shared_ptr<Store> server, const QString &note, const QString &readOnlyReason)
    {
        m_server = std::move(server);
        setNote(note, readOnlyReason);
    }
    // The store to read and change: the server's while set, otherwise the desk's own `local`.
    Store *pick(Store *local) const
    {
        return m_server ? m_server.get() : local;
    }
    bool isServer() const
    {
        return m_server != nullptr;
    }

private:
    std::shared_ptr<Store> m_server;
};

} // namespace desk
