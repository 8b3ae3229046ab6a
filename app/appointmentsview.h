#pragma once

#include "appointmentstore.h"
#include "serverstores.h"

#include <QDialog>

#include <memory>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace desk {

// Booked appointments of the coming weeks: cancel one (the citizen gets a cancellation with METHOD:CANCEL) or move
// it to another free slot of the same office (rebook: the old slot is only given up if the new one is got).
class AppointmentsView final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppointmentsView)

public:
    AppointmentsView(appointments::AppointmentStore *store, const appointments::Confirmation &confirmation,
                     QWidget *parent = nullptr);
    ~AppointmentsView() override;

    void reload();
    // reload() for a change made elsewhere (live refresh in shared mode): the selected appointment stays selected
    // (if still booked) with the free slots offered for it, the table keeps its scroll position and the status line
    // an action's answer.
    void refresh();
    QTableWidget *table() const;
    QListWidget *slotList() const;
    bool cancelSelected(QString *error);
    void showSlotsForSelected();
    bool rebookSelected(QString *error);
    // Shared mode: show the server's appointment book (server set; the view keeps it alive; cancel and move happen
    // there, in its transactions) or the desk's own with a visible, announced note; a non-empty readOnlyReason
    // refuses cancel and move with that message. Takes effect at reload().
    void setSource(std::shared_ptr<appointments::AppointmentStore> server, const QString &note,
                   const QString &readOnlyReason);
    QString sourceNote() const;
    bool showsServer() const;

Q_SIGNALS:
    void changed(); // something went into the outbox

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    std::optional<appointments::Booking> selected() const;
    appointments::AppointmentStore *store() const;
    void keepLocalCopy(const appointments::Booking &old, const std::optional<appointments::Booking> &moved);

    appointments::AppointmentStore *m_store;
    ViewSource<appointments::AppointmentStore> m_source;
    appointments::Confirmation m_confirmation;
    QList<appointments::Booking> m_bookings;
    QList<appointments::Slot> m_slots;
    QTableWidget *m_table;
    QPushButton *m_cancel;
    QPushButton *m_findSlots;
    QListWidget *m_slotList;
    QPushButton *m_rebook;
    QLabel *m_status;
    QString m_listStatus; // what reload() put into m_status (anything else is an action's answer)
};

} // namespace desk
