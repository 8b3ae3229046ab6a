#include "appointmentdialog.h"

#include "formfield.h"
#include "serverstores.h"

#include <QAccessible>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace desk {

AppointmentDialog::AppointmentDialog(appointments::AppointmentStore *store, const kb::Article &article,
                                     const QList<kb::Office> &offices, const appointments::Confirmation &confirmation,
                                     const QString &agent, const QString &callerPhone, QWidget *parent)
    : QDialog(parent), m_store(store), m_article(article), m_offices(offices), m_confirmation(confirmation),
      m_agent(agent), m_office(new QComboBox(this)), m_slotList(new QListWidget(this)), m_name(new QLineEdit(this)),
      m_email(new QLineEdit(this)), m_phone(new QLineEdit(callerPhone, this)), m_message(new QLabel(this)),
      m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("AppointmentDialog"));
    setWindowTitle(tr("Book an appointment: %1").arg(article.title));
    auto *layout = new QVBoxLayout(this);
    m_note->setObjectName(QStringLiteral("sourceNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);
    auto *form = new QFormLayout;
    fillOffices();
    addFormField(form, m_office, tr("&Office"), tr("Offices that take appointments for this service"));
    addFormField(form, m_slotList, tr("Free &slots"), tr("Free times, the less busy ones first"));
    addFormField(form, m_name, tr("Citizen's &name"), tr("Name of the citizen for the appointment"));
    addFormField(form, m_email, tr("&E-mail for the confirmation"),
                 tr("The confirmation with a calendar file goes here"));
    addFormField(form, m_phone, tr("&Phone"), tr("Phone number of the citizen"));
    layout->addLayout(form);
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Booking status"));
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Book"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Book"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleDescription(tr("Books the selected slot"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleDescription(tr("Back to the wrap-up"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &AppointmentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AppointmentDialog::reject);
    connect(m_office, &QComboBox::currentIndexChanged, this, &AppointmentDialog::reloadSlots);
    reloadSlots();
}

AppointmentDialog::~AppointmentDialog() = default;

void AppointmentDialog::prefill(const appointments::BookingRequest &earlier)
{
    const int index = m_office->findData(earlier.officeId);
    if (index >= 0) {
        m_office->setCurrentIndex(index); // reloads the slots of that office
    }
    m_name->setText(earlier.citizenName);
    m_email->setText(earlier.citizenEmail);
    if (!earlier.citizenPhone.isEmpty()) {
        m_phone->setText(earlier.citizenPhone);
    }
    m_callId = earlier.callId;
    // A re-booking refused in its turn still replaces the booking the call was committed with.
    m_replaces = earlier.replacesBookingId.isEmpty() ? earlier.id : earlier.replacesBookingId;
    m_slotList->setFocus(Qt::OtherFocusReason);
}

void AppointmentDialog::fillOffices()
{
    const QSignalBlocker blocker(m_office);
    m_office->clear();
    for (const kb::Office &o : std::as_const(m_offices)) {
        if (m_store->office(o.id)) {
            m_office->addItem(o.name, o.id);
        }
    }
    m_message->setText(m_office->count() == 0
                           ? tr("None of this service's offices has opening hours for appointments in the desk yet.")
                           : QString());
}

void AppointmentDialog::setShared(std::shared_ptr<appointments::AppointmentStore> server, const QString &note,
                                  SharedBooker booker)
{
    m_server = std::move(server);
    if (m_server) {
        m_store = m_server.get();
    }
    m_booker = std::move(booker);
    showSourceNote(m_note, note);
    fillOffices();
    reloadSlots();
}

bool AppointmentDialog::isQueued() const
{
    return m_queued;
}

QString AppointmentDialog::sourceNote() const
{
    return m_note->text();
}

void AppointmentDialog::say(const QString &text)
{
    m_message->setText(text);
    m_message->setAccessibleName(text);
    QAccessibleEvent alert(m_message, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void AppointmentDialog::reloadSlots()
{
    const QString officeId = m_office->currentData().toString();
    if (officeId.isEmpty()) {
        showSlots({});
        return;
    }
    appointments::SlotQuery query;
    query.officeId = officeId;
    query.durationMinutes = appointments::appointmentMinutes(m_article, officeId);
    query.order = appointments::SlotQuery::Order::LessBusyFirst;
    QString error;
    const QList<appointments::Slot> slots = m_store->freeSlots(query, &error);
    if (!error.isEmpty()) {
        m_message->setText(error);
    }
    showSlots(slots);
}

void AppointmentDialog::showSlots(const QList<appointments::Slot> &slots)
{
    m_slots = slots;
    m_slotList->clear();
    const QLocale locale;
    for (const appointments::Slot &s : slots) {
        const QDateTime start = s.start.toTimeZone(journal::BusinessCalendar::berlin());
        m_slotList->addItem(tr("%1, %2 (%n seat(s) free)", nullptr, s.freeSeats)
                                .arg(locale.toString(start.date(), QLocale::ShortFormat),
                                     locale.toString(start.time(), QLocale::ShortFormat)));
    }
    if (!slots.isEmpty()) {
        m_slotList->setCurrentRow(0);
    }
}

QListWidget *AppointmentDialog::slotList() const
{
    return m_slotList;
}

QLineEdit *AppointmentDialog::nameEdit() const
{
    return m_name;
}

QLineEdit *AppointmentDialog::emailEdit() const
{
    return m_email;
}

QString AppointmentDialog::message() const
{
    return m_message->text();
}

appointments::Booking AppointmentDialog::booking() const
{
    return m_booking;
}

void AppointmentDialog::accept()
{
    const int row = m_slotList->currentRow();
    if (row < 0 || row >= m_slots.size()) {
        m_message->setText(tr("Choose a free slot first."));
        return;
    }
    appointments::BookingRequest r;
    r.officeId = m_office->currentData().toString();
    r.serviceId = m_article.id;
    r.serviceTitle = m_article.title;
    r.start = m_slots.at(row).start;
    r.durationMinutes = appointments::appointmentMinutes(m_article, r.officeId);
    r.citizenName = m_name->text().trimmed();
    r.citizenEmail = m_email->text().trimmed();
    r.citizenPhone = m_phone->text().trimmed();
    r.agent = m_agent;
    r.callId = m_callId;
    r.replacesBookingId = m_replaces;
    r.confirmation = m_confirmation;
    r.confirmation.send = !r.citizenEmail.isEmpty();
    r.confirmation.documents = m_article.documents;
    if (m_booker) {
        // Shared mode: the server's transaction decides, not this desk's copy of the book.
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        say(tr("Booking on the server…"));
        setEnabled(false); // no second click, no closing while the answer is awaited
        const ServerAnswer answer = m_booker(r);
        setEnabled(true);
        if (answer.result == ServerAnswer::Result::Refused) {
            say(tr("The server refused the booking: %1").arg(answer.message));
            const QString text = m_message->text();
            reloadSlots();
            m_message->setText(text);
            m_slotList->setFocus(Qt::OtherFocusReason);
            return;
        }
        m_queued = answer.result == ServerAnswer::Result::Queued;
        m_booking = appointments::Booking{};
        m_booking.id = r.id;
        m_booking.officeId = r.officeId;
        m_booking.serviceId = r.serviceId;
        m_booking.serviceTitle = r.serviceTitle;
        m_booking.start = r.start;
        m_booking.end = r.start.addSecs(qint64(r.durationMinutes) * 60);
        m_booking.citizenName = r.citizenName;
        m_booking.citizenEmail = r.citizenEmail;
        m_booking.citizenPhone = r.citizenPhone;
        m_booking.agent = r.agent;
        QDialog::accept();
        return;
    }
    QList<appointments::Slot> alternatives;
    QString error;
    appointments::BookingError code = appointments::BookingError::None;
    if (!m_store->book(r, &m_booking, &alternatives, &error, &code)) {
        if (code == appointments::BookingError::SlotTaken) {
            m_message->setText(tr("This slot was just taken at another desk. Here are the next free slots."));
            showSlots(alternatives);
        } else {
            m_message->setText(error);
        }
        m_message->setAccessibleName(m_message->text());
        return;
    }
    QDialog::accept();
}

} // namespace desk
