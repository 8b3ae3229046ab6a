#pragma once

#include "article.h"
#include "savingdialog.h"

#include <QList>

#include <functional>
#include <memory>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace appointments {
class AppointmentStore;
struct OfficeSchedule;
} // namespace appointments

namespace desk {

// Opening hours for appointments and parallel capacity (counters) of one office, per weekday: pick an office of
// the catalogue, type its intervals per day ("08:00-12:00, 13:00-16:00"; empty: closed) and save them to the
// AppointmentStore. The booking dialog offers slots from what is saved here.
// In shared mode (setShared) the server's book is the one truth: the dialog shows and saves the server's schedules,
// the server's roles decide (an agent's login gets the server's "permission denied"), and while the server is gone
// it shows the desk's copy with a note and saves nothing.
class OfficeScheduleDialog final : public SavingDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfficeScheduleDialog)

public:
    OfficeScheduleDialog(appointments::AppointmentStore *store, const QList<kb::Office> &offices,
                         QWidget *parent = nullptr);
    ~OfficeScheduleDialog() override;

    // The server's appointment book now, or nullptr with the reason (not reachable).
    using ServerBook = std::function<std::shared_ptr<appointments::AppointmentStore>(QString *error)>;
    // Called after the server saved a schedule (the desk keeps its copy for offline booking).
    using SavedOnServer = std::function<void(const appointments::OfficeSchedule &schedule)>;
    // Shared mode: reads and writes go to the server; the store given to the constructor is only the desk's copy,
    // shown (never written) while the server is unreachable. Reloads the shown office.
    void setShared(ServerBook server, SavedOnServer saved);
    bool isShowingServer() const; // the shown schedule comes from the server

    // Writes the shown schedule to the store; on bad hours names the weekday and keeps the dialog open.
    bool save(QString *error) override;

protected:
    bool savesOnServer() const override;

private:
    void loadOffice();
    // The store to read from now: the server's (shared mode, reachable), else the local one; *note says why not.
    appointments::AppointmentStore *readStore(QString *note);

    appointments::AppointmentStore *m_store;
    ServerBook m_server;
    SavedOnServer m_saved;
    std::shared_ptr<appointments::AppointmentStore> m_serverBook; // kept alive while shown
    bool m_showingServer = false;
    QList<kb::Office> m_offices;
    QComboBox *m_office;
    QList<QLineEdit *> m_days; // Monday … Sunday
    QSpinBox *m_capacity;
    QSpinBox *m_cell;
};

} // namespace desk
