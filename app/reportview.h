#pragma once

#include "journaltypes.h"

#include <functional>

#include <QWidget>

class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;

namespace desk {

// Figures for team leads from the call journal (journal::JournalStore::figures, computed in the journal library):
// calls per hour and per weekday, the outcome mix, first-contact resolution against the 115 promise of 65 %, the
// share of forwarded cases answered by their deadline and the average talk time. Drawn with Qt Charts; the figures
// export as CSV. Without calls in the period it shows an empty state instead of empty axes.
class ReportView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportView)

public:
    explicit ReportView(const QString &journalPath, QWidget *parent = nullptr);
    ~ReportView() override;

    static QString defaultJournalPath();

    void setPeriod(const QDate &from, const QDate &to);
    // Line and municipality to count (empty: all); the choices come from the calls of the period.
    void setFilter(const journal::FigureFilter &filter);
    // Service ids → titles for the top services chart (the catalogue lives elsewhere); ids are shown without it.
    void setServiceTitles(std::function<QString(const QString &)> titleOf);
    void setOfficeNames(std::function<QString(const QString &)> nameOf);
    // Appointments booked per office (appointments::AppointmentStore::bookingsPerOffice), most first.
    const QList<QPair<QString, int>> &appointmentsPerOffice() const;
    bool refresh(); // false (with the message shown) if the journal cannot open
    const journal::Figures &figures() const;
    bool hasData() const;
    bool exportCsv(const QString &path, QString *error) const;
    static QString figuresCsv(const journal::Figures &figures, const QDate &from, const QDate &to,
                              const journal::FigureFilter &filter = journal::FigureFilter());

    QChartView *hourChart() const;
    QChartView *weekdayChart() const;
    QChartView *outcomeChart() const;
    QChartView *servicesChart() const;
    QChartView *officesChart() const;
    QComboBox *lineCombo() const;
    QComboBox *municipalityCombo() const;
    QLabel *summaryLabel() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void draw();

    QString m_journalPath;
    journal::Figures m_figures;
    bool m_loaded = false;
    QLabel *m_fromLabel;
    QDateEdit *m_from;
    QLabel *m_toLabel;
    QDateEdit *m_to;
    QPushButton *m_refresh;
    QPushButton *m_export;
    QLabel *m_summary;
    QLabel *m_empty;
    QChartView *m_hours;
    QChartView *m_weekdays;
    QChartView *m_outcomes;
    QChartView *m_services;
    QChartView *m_offices;
    QList<QPair<QString, int>> m_perOffice;
    std::function<QString(const QString &)> m_officeNameOf;
    QComboBox *m_line;
    QComboBox *m_municipality;
    journal::FigureFilter m_filter;
    std::function<QString(const QString &)> m_titleOf;
    QWidget *m_charts;
};

} // namespace desk
