#pragma once

#include <QString>

class QLabel;

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

} // namespace desk
