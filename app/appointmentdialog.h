#pragma once

#include "appointmentstore.h"
#include "article.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace desk {

// Books an appointment for the service on screen: office → free slots (less busy times first), the citizen's
// name and contact, then one transactional booking. A slot taken meanwhile by another desk shows a clear message
// and the next free slots. The confirmation e-mail (.ics) goes into the outbox in the same transaction.
class AppointmentDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppointmentDialog)

public:
    AppointmentDialog(appointments::AppointmentStore *store, const kb::Article &article,
                      const QList<kb::Office> &offices, const appointments::Confirmation &confirmation,
                      const QString &agent, const QString &callerPhone, QWidget *parent = nullptr);
    ~AppointmentDialog() override;

    void reloadSlots();
    QListWidget *slotList() const;
    QLineEdit *nameEdit() const;
    QLineEdit *emailEdit() const;
    QString message() const;
    appointments::Booking booking() const;   // after accept()
    void accept() override;                  // books the selected slot

private:
    QList<appointments::Slot> m_slots;
    appointments::AppointmentStore *m_store;
    kb::Article m_article;
    QList<kb::Office> m_offices;
    appointments::Confirmation m_confirmation;
    QString m_agent;
    appointments::Booking m_booking;
    QComboBox *m_office;
    QListWidget *m_slotList;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_phone;
    QLabel *m_message;

    void showSlots(const QList<appointments::Slot> &slots);
};

} // namespace desk
