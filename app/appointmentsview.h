#pragma once

#include "appointmentstore.h"

#include <QDialog>

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
    QTableWidget *table() const;
    QListWidget *slotList() const;
    bool cancelSelected(QString *error);
    void showSlotsForSelected();
    bool rebookSelected(QString *error);

Q_SIGNALS:
    void changed();   // something went into the outbox

private:
    std::optional<appointments::Booking> selected() const;

    appointments::AppointmentStore *m_store;
    appointments::Confirmation m_confirmation;
    QList<appointments::Booking> m_bookings;
    QList<appointments::Slot> m_slots;
    QTableWidget *m_table;
    QPushButton *m_cancel;
    QPushButton *m_findSlots;
    QListWidget *m_slotList;
    QPushButton *m_rebook;
    QLabel *m_status;
};

} // namespace desk
