#pragma once

#include "appointmentstore.h"
#include "article.h"

#include <QDialog>

#include <functional>
#include <memory>

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
    // Shared mode: what the server said about a booking handed to it (SharedBooker).
    struct ServerAnswer
    {
        enum class Result { Confirmed, Refused, Queued };
        Result result = Result::Queued;
        QString message; // the server's reason for a refusal
    };
    // Hands the request (with its UUID) to the server and waits, without blocking the UI, for its answer.
    using SharedBooker = std::function<ServerAnswer(const appointments::BookingRequest &request)>;

    AppointmentDialog(appointments::AppointmentStore *store, const kb::Article &article,
                      const QList<kb::Office> &offices, const appointments::Confirmation &confirmation,
                      const QString &agent, const QString &callerPhone, QWidget *parent = nullptr);
    ~AppointmentDialog() override;

    void reloadSlots();
    QListWidget *slotList() const;
    QLineEdit *nameEdit() const;
    QLineEdit *emailEdit() const;
    QString message() const;
    appointments::Booking booking() const; // after accept()
    void accept() override;                // books the selected slot

    // Shared mode: the offices and free slots come from `server` (the server's appointment book; nullptr: the
    // desk's own store, with `note` shown and announced), and booking is booker's: the server decides.
    void setShared(std::shared_ptr<appointments::AppointmentStore> server, const QString &note, SharedBooker booker);
    bool isQueued() const; // after accept() in shared mode: queued for the server, not yet confirmed
    // Booking again after the server refused an earlier booking: selects its office (if it offers slots) and fills
    // in the citizen; the new booking names the same call and replaces the refused booking the call names (the
    // server's call row names the new booking once it is booked).
    void prefill(const appointments::BookingRequest &earlier);
    QString sourceNote() const;

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
    void fillOffices();
    void say(const QString &text);

    std::shared_ptr<appointments::AppointmentStore> m_server;
    SharedBooker m_booker;
    bool m_queued = false;
    QString m_callId;   // the call a re-booking belongs to (prefill)
    QString m_replaces; // the refused booking that call names (prefill)
    QLabel *m_note;
};

} // namespace desk
