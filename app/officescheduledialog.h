#pragma once

#include "article.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace appointments {
class AppointmentStore;
}

namespace desk {

// Opening hours for appointments and parallel capacity (counters) of one office, per weekday: pick an office of
// the catalogue, type its intervals per day ("08:00-12:00, 13:00-16:00"; empty: closed) and save them to the
// AppointmentStore. The booking dialog offers slots from what is saved here.
class OfficeScheduleDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfficeScheduleDialog)

public:
    OfficeScheduleDialog(appointments::AppointmentStore *store, const QList<kb::Office> &offices,
                         QWidget *parent = nullptr);
    ~OfficeScheduleDialog() override;

    // Writes the shown schedule to the store; on bad hours names the weekday and keeps the dialog open.
    bool save(QString *error);
    void accept() override;

private:
    void loadOffice();

    appointments::AppointmentStore *m_store;
    QList<kb::Office> m_offices;
    QComboBox *m_office;
    QList<QLineEdit *> m_days; // Monday … Sunday
    QSpinBox *m_capacity;
    QSpinBox *m_cell;
    QLabel *m_message;
};

} // namespace desk
