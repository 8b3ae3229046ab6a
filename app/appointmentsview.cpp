#include "appointmentsview.h"

#include "serverstores.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace desk {

namespace {
constexpr int DaysShown = 60;

QString when(const QDateTime &utc)
{
    return QLocale().toString(utc.toTimeZone(journal::BusinessCalendar::berlin()), QLocale::ShortFormat);
}
} // namespace

AppointmentsView::AppointmentsView(appointments::AppointmentStore *store,
                                   const appointments::Confirmation &confirmation, QWidget *parent)
    : QDialog(parent), m_store(store), m_source(this), m_confirmation(confirmation), m_table(new QTableWidget(this)),
      m_cancel(new QPushButton(this)), m_findSlots(new QPushButton(this)), m_slotList(new QListWidget(this)),
      m_rebook(new QPushButton(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("AppointmentsView"));
    resize(900, 480);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source.label());
    layout->addWidget(m_table, 2);
    auto *row = new QHBoxLayout;
    row->addWidget(m_cancel);
    row->addWidget(m_findSlots);
    row->addStretch();
    layout->addLayout(row);
    layout->addWidget(m_slotList, 1);
    auto *row2 = new QHBoxLayout;
    row2->addWidget(m_rebook);
    row2->addWidget(m_status, 1);
    layout->addLayout(row2);
    m_table->setColumnCount(5);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();

    retranslateUi();
    m_status->setWordWrap(true);
    connect(m_cancel, &QPushButton::clicked, this, [this]() {
        QString error;
        if (!cancelSelected(&error)) {
            m_status->setText(error);
        }
    });
    connect(m_findSlots, &QPushButton::clicked, this, &AppointmentsView::showSlotsForSelected);
    connect(m_rebook, &QPushButton::clicked, this, [this]() {
        QString error;
        if (!rebookSelected(&error)) {
            m_status->setText(error);
        }
    });
    reload();
}

AppointmentsView::~AppointmentsView() = default;

void AppointmentsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

// Also on a language switch while the view exists (it is kept for the whole session).
void AppointmentsView::retranslateUi()
{
    setWindowTitle(tr("Appointments"));
    m_table->setHorizontalHeaderLabels({tr("Date"), tr("Office"), tr("Service"), tr("Citizen"), tr("E-mail")});
    m_table->resizeColumnsToContents();
    m_table->setAccessibleName(tr("Appointments"));
    m_table->setAccessibleDescription(tr("Booked appointments of the coming weeks"));
    m_cancel->setText(tr("&Cancel appointment"));
    m_cancel->setAccessibleName(tr("Cancel appointment"));
    m_cancel->setAccessibleDescription(tr("Frees the slot and sends the citizen a cancellation"));
    m_findSlots->setText(tr("&Find another time"));
    m_findSlots->setAccessibleName(tr("Find another time"));
    m_findSlots->setAccessibleDescription(tr("Lists free slots at the same office, the less busy ones first"));
    m_slotList->setAccessibleName(tr("Free slots"));
    m_slotList->setAccessibleDescription(tr("Free slots to move the selected appointment to"));
    m_rebook->setText(tr("&Move the appointment here"));
    m_rebook->setAccessibleName(tr("Move the appointment"));
    m_rebook->setAccessibleDescription(tr("Moves the selected appointment to the selected free slot"));
    m_status->setAccessibleName(tr("Appointments status"));
}

void AppointmentsView::setSource(std::shared_ptr<appointments::AppointmentStore> server, const QString &note,
                                 const QString &readOnlyReason)
{
    m_source.set(std::move(server), note, readOnlyReason);
}

QString AppointmentsView::sourceNote() const
{
    return m_source.note();
}

bool AppointmentsView::showsServer() const
{
    return m_source.isServer();
}

appointments::AppointmentStore *AppointmentsView::store() const
{
    return m_source.pick(m_store);
}

void AppointmentsView::keepLocalCopy(const appointments::Booking &old,
                                     const std::optional<appointments::Booking> &moved)
{
    // Shared mode: the desk's own copy (if it has one) follows what the server did, without e-mails of its own.
    if (!m_source.isServer() || !m_store || !m_store->booking(old.id)) {
        return;
    }
    appointments::Confirmation silent;
    silent.send = false;
    QString error;
    if (!m_store->cancel(old.id, silent, &error)) {
        qWarning("The desk's copy of booking %s was not cancelled: %s", qPrintable(old.id), qPrintable(error));
    }
    if (moved) {
        appointments::BookingRequest copy;
        copy.id = moved->id;
        copy.officeId = moved->officeId;
        copy.serviceId = moved->serviceId;
        copy.serviceTitle = moved->serviceTitle;
        copy.start = moved->start;
        copy.durationMinutes = int(moved->start.secsTo(moved->end) / 60);
        copy.citizenName = moved->citizenName;
        copy.citizenEmail = moved->citizenEmail;
        copy.citizenPhone = moved->citizenPhone;
        copy.agent = moved->agent;
        copy.callId = moved->callId;
        copy.confirmation = silent;
        appointments::Booking booked;
        if (!m_store->book(copy, &booked, nullptr, &error)) {
            qWarning("The desk's copy of booking %s was not moved: %s", qPrintable(moved->id), qPrintable(error));
        }
    }
}

void AppointmentsView::reload()
{
    const QDateTime from = QDateTime::currentDateTimeUtc();
    const QDateTime to = from.addDays(DaysShown);
    m_bookings.clear();
    QHash<QString, QString> officeNames;
    for (const appointments::OfficeSchedule &office : store()->offices()) {
        officeNames.insert(office.officeId, office.name);
        for (const appointments::Booking &b : store()->bookings(office.officeId, from, to)) {
            if (b.state == appointments::BookingState::Booked) {
                m_bookings << b;
            }
        }
    }
    std::sort(m_bookings.begin(), m_bookings.end(),
              [](const appointments::Booking &a, const appointments::Booking &b) { return a.start < b.start; });
    m_table->setRowCount(int(m_bookings.size()));
    for (int row = 0; row < m_bookings.size(); ++row) {
        const appointments::Booking &b = m_bookings.at(row);
        const QStringList cells = {when(b.start), officeNames.value(b.officeId, b.officeId), b.serviceTitle,
                                   b.citizenName, b.citizenEmail};
        for (int column = 0; column < cells.size(); ++column) {
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
    }
    m_table->resizeColumnsToContents(); // office names and the citizen's column were cut off at 100 px
    m_slotList->clear();
    m_slots.clear();
    m_listStatus = tr("%n appointment(s)", nullptr, int(m_bookings.size()));
    m_status->setText(m_listStatus);
}

void AppointmentsView::refresh()
{
    const std::optional<appointments::Booking> before = selected();
    const int column = std::max(0, m_table->currentColumn());
    const int scroll = m_table->verticalScrollBar()->value();
    // The free slots offered for the selected appointment stay: the agent may be about to move it (a slot taken
    // meanwhile is refused by the move, which then offers the next free ones).
    const QList<appointments::Slot> slots = m_slots;
    const int slotRow = m_slotList->currentRow();
    const QString answer = m_status->text() != m_listStatus ? m_status->text() : QString();
    reload();
    if (!answer.isEmpty()) {
        m_status->setText(answer); // e.g. "Appointment … cancelled." or the slots found stay readable
    }
    m_table->verticalScrollBar()->setValue(scroll);
    if (!before) {
        return;
    }
    for (int row = 0; row < m_bookings.size(); ++row) {
        if (m_bookings.at(row).id != before->id) {
            continue;
        }
        m_table->setCurrentCell(row, column);
        m_table->verticalScrollBar()->setValue(scroll);
        m_slots = slots;
        for (const appointments::Slot &s : std::as_const(m_slots)) {
            m_slotList->addItem(when(s.start));
        }
        if (slotRow >= 0 && slotRow < m_slotList->count()) {
            m_slotList->setCurrentRow(slotRow);
        }
        return;
    }
}

QTableWidget *AppointmentsView::table() const
{
    return m_table;
}

QListWidget *AppointmentsView::slotList() const
{
    return m_slotList;
}

std::optional<appointments::Booking> AppointmentsView::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_bookings.size()) {
        return std::nullopt;
    }
    return m_bookings.at(row);
}

bool AppointmentsView::cancelSelected(QString *error)
{
    const std::optional<appointments::Booking> b = selected();
    if (!b) {
        if (error) {
            *error = tr("Select an appointment first.");
        }
        return false;
    }
    if (m_source.refuseChange(error)) {
        return false;
    }
    appointments::Confirmation notify = m_confirmation;
    notify.send = !b->citizenEmail.isEmpty();
    if (!store()->cancel(b->id, notify, error)) {
        return false;
    }
    keepLocalCopy(*b, std::nullopt);
    reload();
    m_status->setText(tr("Appointment on %1 cancelled.").arg(when(b->start)));
    Q_EMIT changed();
    return true;
}

void AppointmentsView::showSlotsForSelected()
{
    m_slotList->clear();
    m_slots.clear();
    const std::optional<appointments::Booking> b = selected();
    if (!b) {
        m_status->setText(tr("Select an appointment first."));
        return;
    }
    appointments::SlotQuery query;
    query.officeId = b->officeId;
    query.durationMinutes = int(b->start.secsTo(b->end) / 60);
    QString error;
    m_slots = store()->freeSlots(query, &error);
    for (const appointments::Slot &s : std::as_const(m_slots)) {
        m_slotList->addItem(when(s.start));
    }
    if (!m_slots.isEmpty()) {
        m_slotList->setCurrentRow(0);
    }
    m_status->setText(error.isEmpty() ? tr("%n free slot(s)", nullptr, int(m_slots.size())) : error);
}

bool AppointmentsView::rebookSelected(QString *error)
{
    const std::optional<appointments::Booking> b = selected();
    const int slot = m_slotList->currentRow();
    if (!b || slot < 0 || slot >= m_slots.size()) {
        if (error) {
            *error = tr("Select an appointment and a free slot first.");
        }
        return false;
    }
    if (m_source.refuseChange(error)) {
        return false;
    }
    appointments::Confirmation confirmation = m_confirmation;
    confirmation.send = !b->citizenEmail.isEmpty();
    appointments::Booking moved;
    QList<appointments::Slot> alternatives;
    appointments::BookingError code = appointments::BookingError::None;
    if (!store()->rebook(b->id, m_slots.at(slot).start, confirmation, &moved, &alternatives, error, &code)) {
        if (code == appointments::BookingError::SlotTaken) {
            m_slots = alternatives;
            m_slotList->clear();
            for (const appointments::Slot &s : std::as_const(m_slots)) {
                m_slotList->addItem(when(s.start));
            }
            if (error) {
                *error = tr("This slot was just taken at another desk. Here are the next free slots.");
            }
        }
        return false;
    }
    keepLocalCopy(*b, moved);
    reload();
    m_status->setText(tr("Appointment moved to %1.").arg(when(moved.start)));
    Q_EMIT changed();
    return true;
}

} // namespace desk
