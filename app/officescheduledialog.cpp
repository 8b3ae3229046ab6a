#include "officescheduledialog.h"

#include "appointmentstore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
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
    : QDialog(parent), m_store(store), m_offices(offices), m_office(new QComboBox(this)),
      m_capacity(new QSpinBox(this)), m_cell(new QSpinBox(this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("OfficeScheduleDialog"));
    setWindowTitle(tr("Office hours for appointments"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    const auto field = [form](QWidget *w, const QString &label, const QString &description) {
        form->addRow(label, w);
        w->setAccessibleName(QString(label).remove(QLatin1Char('&')));
        w->setAccessibleDescription(description);
    };
    m_office->setObjectName(QStringLiteral("office"));
    for (const kb::Office &o : offices) {
        m_office->addItem(o.name.isEmpty() ? o.id : o.name, o.id);
    }
    field(m_office, tr("&Office"), tr("Office of the catalogue whose appointment hours you edit"));
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
    field(m_capacity, tr("&Parallel appointments per slot"), tr("Counters serving citizens at the same time"));
    m_cell->setObjectName(QStringLiteral("cellMinutes"));
    m_cell->setRange(5, 120);
    m_cell->setSingleStep(5);
    m_cell->setSuffix(tr(" min"));
    field(m_cell, tr("Slot &grid"), tr("Appointments start on this grid, in minutes"));
    layout->addLayout(form);
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Schedule status"));
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save"));
    buttons->button(QDialogButtonBox::Save)->setAccessibleDescription(tr("Saves the office's hours and capacity"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &OfficeScheduleDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &OfficeScheduleDialog::reject);
    connect(m_office, &QComboBox::currentIndexChanged, this, &OfficeScheduleDialog::loadOffice);
    if (offices.isEmpty()) {
        m_message->setText(tr("The catalogue has no offices."));
    }
    loadOffice();
}

OfficeScheduleDialog::~OfficeScheduleDialog() = default;

void OfficeScheduleDialog::loadOffice()
{
    const QString id = m_office->currentData().toString();
    const std::optional<appointments::OfficeSchedule> schedule = id.isEmpty() ? std::nullopt : m_store->office(id);
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
    if (!m_offices.isEmpty()) {
        m_message->setText(schedule ? QString() : tr("This office takes no appointments yet."));
    }
}

bool OfficeScheduleDialog::save(QString *error)
{
    const QString id = m_office->currentData().toString();
    if (id.isEmpty()) {
        *error = tr("Choose an office.");
        return false;
    }
    appointments::OfficeSchedule schedule;
    if (const auto existing = m_store->office(id)) {
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
    return m_store->setOffice(schedule, error);
}

void OfficeScheduleDialog::accept()
{
    QString error;
    if (!save(&error)) {
        m_message->setText(error);
        return;
    }
    m_message->setText(tr("Saved."));
    QDialog::accept();
}

} // namespace desk
