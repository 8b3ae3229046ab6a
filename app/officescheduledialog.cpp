#include "officescheduledialog.h"

#include "appointmentstore.h"
#include "formfield.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace desk {

namespace {

// The parser's own day names (English), so each row is parsed on its own and errors name the day.
const char *const kDayCodes[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

} // namespace

OfficeScheduleDialog::OfficeScheduleDialog(appointments::AppointmentStore *store, const QList<kb::Office> &offices,
                                           QWidget *parent)
    : SavingDialog(parent), m_store(store), m_offices(offices), m_office(new QComboBox(this)),
      m_capacity(new QSpinBox(this)), m_cell(new QSpinBox(this))
{
    setObjectName(QStringLiteral("OfficeScheduleDialog"));
    setWindowTitle(tr("Office hours for appointments"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_office->setObjectName(QStringLiteral("office"));
    for (const kb::Office &o : offices) {
        m_office->addItem(o.name.isEmpty() ? o.id : o.name, o.id);
    }
    addFormField(form, m_office, tr("&Office"), tr("Office of the catalogue whose appointment hours you edit"));
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("hours%1").arg(day));
        edit->setPlaceholderText(tr("closed"));
        const QString name = locale.dayName(day);
        form->addRow(name + QLatin1Char(':'), edit);
        edit->setAccessibleName(tr("Hours on %1").arg(name));
        edit->setAccessibleDescription(tr("Intervals such as 08:00-12:00, 13:00-16:00; empty: closed"));
        m_days << edit;
    }
    m_capacity->setObjectName(QStringLiteral("capacity"));
    m_capacity->setRange(1, 99);
    addFormField(form, m_capacity, tr("&Parallel appointments per slot"),
                 tr("Counters serving citizens at the same time"));
    m_cell->setObjectName(QStringLiteral("cellMinutes"));
    m_cell->setRange(5, 120);
    m_cell->setSingleStep(5);
    m_cell->setSuffix(tr(" min"));
    addFormField(form, m_cell, tr("Slot &grid"), tr("Appointments start on this grid, in minutes"));
    layout->addLayout(form);
    QLabel *status = addStatusLine(layout, tr("Schedule status"));
    addButtons(layout, tr("Saves the office's hours and capacity"));
    connect(m_office, &QComboBox::currentIndexChanged, this, &OfficeScheduleDialog::loadOffice);
    if (offices.isEmpty()) {
        status->setText(tr("The catalogue has no offices."));
    }
    loadOffice();
}

OfficeScheduleDialog::~OfficeScheduleDialog() = default;

void OfficeScheduleDialog::setShared(ServerBook server, SavedOnServer saved)
{
    m_server = std::move(server);
    m_saved = std::move(saved);
    loadOffice();
}

bool OfficeScheduleDialog::isShowingServer() const
{
    return m_showingServer;
}

bool OfficeScheduleDialog::savesOnServer() const
{
    return bool(m_server);
}

appointments::AppointmentStore *OfficeScheduleDialog::readStore(QString *note)
{
    m_showingServer = false;
    if (!m_server) {
        return m_store;
    }
    QString error;
    m_serverBook = m_server(&error);
    if (m_serverBook) {
        m_showingServer = true;
        return m_serverBook.get();
    }
    *note = tr("The server is not reachable: this is the desk's copy of the office hours. They are saved on the "
               "server only; please try again when it is reachable.");
    return m_store;
}

void OfficeScheduleDialog::loadOffice()
{
    const QString id = m_office->currentData().toString();
    QString note;
    appointments::AppointmentStore *store = readStore(&note);
    const std::optional<appointments::OfficeSchedule> schedule = id.isEmpty() ? std::nullopt : store->office(id);
    for (int day = 1; day <= 7; ++day) {
        QStringList intervals;
        if (schedule) {
            for (const appointments::OpeningInterval &i : schedule->hours) {
                if (i.weekday == day) {
                    intervals << i.opens.toString(QStringLiteral("HH:mm")) + QLatin1Char('-') +
                                     i.closes.toString(QStringLiteral("HH:mm"));
                }
            }
        }
        m_days[day - 1]->setText(intervals.join(QStringLiteral(", ")));
    }
    m_capacity->setValue(schedule ? schedule->capacity : 1);
    m_cell->setValue(schedule ? schedule->cellMinutes : 15);
    if (!note.isEmpty()) {
        showMessage(note, true);
    } else if (!m_offices.isEmpty()) {
        showMessage(schedule ? QString() : tr("This office takes no appointments yet."), false);
    }
}

bool OfficeScheduleDialog::save(QString *error)
{
    const QString id = m_office->currentData().toString();
    if (id.isEmpty()) {
        *error = tr("Choose an office.");
        return false;
    }
    appointments::AppointmentStore *store = m_store;
    std::shared_ptr<appointments::AppointmentStore> server;
    if (m_server) {
        // Shared mode: the server's schedule or nothing. A desk-only save would be overwritten by the server's
        // copy at the next booking and would mislead the lead into thinking it was done.
        QString why;
        server = m_server(&why);
        if (!server) {
            *error = tr("The server is not reachable: in shared mode office hours are saved on the server. Nothing "
                        "was saved; please try again later.");
            return false;
        }
        store = server.get();
    }
    appointments::OfficeSchedule schedule;
    if (const auto existing = store->office(id)) {
        schedule = *existing;
    }
    schedule.officeId = id;
    for (const kb::Office &o : m_offices) {
        if (o.id == id) {
            schedule.name = o.name;
            schedule.address = QStringList({o.street, (o.postalCode + QLatin1Char(' ') + o.city).trimmed()})
                                   .filter(QRegularExpression(QStringLiteral("\\S")))
                                   .join(QStringLiteral(", "));
            schedule.email = o.email;
        }
    }
    schedule.capacity = m_capacity->value();
    schedule.cellMinutes = m_cell->value();
    schedule.hours.clear();
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        const QString text = m_days[day - 1]->text().trimmed();
        if (text.isEmpty()) {
            continue;
        }
        QString parseError;
        const auto hours = appointments::OfficeSchedule::parseHours(
            QLatin1String(kDayCodes[day - 1]) + QLatin1Char(' ') + text, &parseError);
        if (!hours) {
            *error = tr("Hours on %1: %2").arg(locale.dayName(day), parseError);
            m_days[day - 1]->setFocus();
            return false;
        }
        schedule.hours << *hours;
    }
    if (!server) {
        return m_store->setOffice(schedule, error);
    }
    QString serverError;
    if (!server->setOffice(schedule, &serverError)) {
        *error = tr("The server refused the change: %1").arg(serverError);
        return false;
    }
    if (m_saved) {
        m_saved(schedule);
    }
    return true;
}

} // namespace desk
