#include "serverstores.h"

#include "appointmentstore.h"
#include "journalstore.h"
#include "outboxstore.h"
#include "sharedstoreconnector.h"

#include <QAccessible>
#include <QCoreApplication>
#include <QLabel>
#include <QSqlDatabase>

namespace desk {

ServerStores::ServerStores(SharedStoreConnector *connector) : m_connector(connector) {}

ServerStores::~ServerStores() = default;

QString ServerStores::offlineNote()
{
    return QCoreApplication::translate("desk::ServerStores", "Server not reachable – only the entries of this desk");
}

bool ServerStores::open(QString *error)
{
    if (!m_connector) {
        *error = QCoreApplication::translate("desk::ServerStores", "The shared store is not running.");
        return false;
    }
    if (!m_connector->isOnline()) {
        // Let go of the stores; the connection is closed by the owner once the views have let go too
        // (CallDesk::refreshSharedSources), so that nobody still holds it then.
        m_journal.reset();
        m_appointments.reset();
        m_outbox.reset();
        *error = QCoreApplication::translate("desk::ServerStores", "The server is not reachable.");
        return false;
    }
    const QSqlDatabase db = m_connector->serverConnection(error);
    if (!db.isValid() || !db.isOpen()) {
        m_journal.reset();
        m_appointments.reset();
        m_outbox.reset();
        return false;
    }
    if (m_generation == m_connector->serverConnectionGeneration() && m_journal && m_appointments && m_outbox) {
        return true;
    }
    std::unique_ptr<journal::JournalStore> journal = journal::JournalStore::openOn(db, error);
    std::unique_ptr<appointments::AppointmentStore> book =
        journal ? appointments::AppointmentStore::openOn(db, error) : nullptr;
    std::unique_ptr<outbox::OutboxStore> outbox = book ? outbox::OutboxStore::openOn(db, error) : nullptr;
    if (!outbox) {
        m_journal.reset();
        m_appointments.reset();
        m_outbox.reset();
        return false;
    }
    m_journal = std::move(journal);
    m_appointments = std::move(book);
    m_outbox = std::move(outbox);
    m_generation = m_connector->serverConnectionGeneration();
    return true;
}

std::shared_ptr<journal::JournalStore> ServerStores::journal() const
{
    return m_journal;
}

std::shared_ptr<appointments::AppointmentStore> ServerStores::appointments() const
{
    return m_appointments;
}

std::shared_ptr<outbox::OutboxStore> ServerStores::outbox() const
{
    return m_outbox;
}

ViewSourceNote::ViewSourceNote(QWidget *view) : m_label(new QLabel(view))
{
    m_label->setObjectName(QStringLiteral("sourceNote"));
    m_label->setWordWrap(true);
    m_label->hide();
}

QLabel *ViewSourceNote::label() const
{
    return m_label;
}

QString ViewSourceNote::note() const
{
    return m_label->text();
}

bool ViewSourceNote::refuseChange(QString *error) const
{
    if (m_readOnlyReason.isEmpty()) {
        return false;
    }
    if (error) {
        *error = m_readOnlyReason;
    }
    return true;
}

void ViewSourceNote::setNote(const QString &note, const QString &readOnlyReason)
{
    m_readOnlyReason = readOnlyReason;
    showSourceNote(m_label, note);
}

void showSourceNote(QLabel *label, const QString &note)
{
    const bool changed = label->text() != note;
    label->setText(note);
    label->setAccessibleName(note);
    label->setVisible(!note.isEmpty());
    if (changed && !note.isEmpty()) {
        QAccessibleEvent nameChanged(label, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&nameChanged);
        QAccessibleEvent alert(label, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

} // namespace desk
