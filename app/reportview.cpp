#include "reportview.h"

#include "appointmentstore.h"
#include "journalstore.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHorizontalBarSeries>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPieSeries>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QTimeZone>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace desk {

namespace {

constexpr double FirstContactPromise = 0.65; // the 115 service promise

QChartView *makeChartView(QWidget *parent)
{
    auto *view = new QChartView(new QChart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    view->setFocusPolicy(Qt::StrongFocus); // reachable by keyboard, so screen readers announce its name
    return view;
}

// One set of bars with a count axis. Vertical: the categories along the bottom, left to right. Horizontal: the
// categories down the left, the first on top (horizontal bars are drawn bottom-up, so they go in reversed).
void setBars(QChartView *view, const QString &title, const QString &setName, QStringList categories, QList<int> values,
             Qt::Orientation orientation = Qt::Vertical)
{
    QChart *chart = view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    if (orientation == Qt::Horizontal) {
        std::reverse(categories.begin(), categories.end());
        std::reverse(values.begin(), values.end());
    }
    auto *set = new QBarSet(setName);
    int max = 0;
    for (int v : std::as_const(values)) {
        *set << v;
        max = qMax(max, v);
    }
    QAbstractBarSeries *series = nullptr;
    if (orientation == Qt::Horizontal) {
        series = new QHorizontalBarSeries;
    } else {
        series = new QBarSeries;
    }
    series->append(set);
    chart->addSeries(series);
    auto *names = new QBarCategoryAxis;
    names->append(categories);
    auto *counts = new QValueAxis;
    counts->setRange(0, qMax(1, max));
    counts->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(names, orientation == Qt::Horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(counts, orientation == Qt::Horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(names);
    series->attachAxis(counts);
    chart->setTitle(title);
    chart->legend()->hide();
}

} // namespace

ReportView::ReportView(const QString &journalPath, QWidget *parent)
    : QWidget(parent), m_journalPath(journalPath), m_fromLabel(new QLabel(this)), m_from(new QDateEdit(this)),
      m_toLabel(new QLabel(this)), m_to(new QDateEdit(this)), m_refresh(new QPushButton(this)),
      m_export(new QPushButton(this)), m_summary(new QLabel(this)), m_empty(new QLabel(this)),
      m_hours(makeChartView(this)), m_weekdays(makeChartView(this)), m_outcomes(makeChartView(this)),
      m_services(makeChartView(this)), m_offices(makeChartView(this)), m_line(new QComboBox(this)),
      m_municipality(new QComboBox(this)), m_charts(new QWidget(this))
{
    setObjectName(QStringLiteral("ReportView"));
    m_from->setCalendarPopup(true);
    m_to->setCalendarPopup(true);
    const QDate today = QDate::currentDate();
    m_from->setDate(today.addDays(-27));
    m_to->setDate(today);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    auto *period = new QHBoxLayout;
    m_fromLabel->setBuddy(m_from);
    m_toLabel->setBuddy(m_to);
    period->addWidget(m_fromLabel);
    period->addWidget(m_from);
    period->addWidget(m_toLabel);
    period->addWidget(m_to);
    period->addWidget(m_line);
    period->addWidget(m_municipality);
    period->addWidget(m_refresh);
    period->addStretch(1);
    period->addWidget(m_export);
    auto *grid = new QGridLayout(m_charts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_hours, 0, 0, 1, 2);
    grid->addWidget(m_weekdays, 1, 0);
    grid->addWidget(m_outcomes, 1, 1);
    grid->addWidget(m_services, 2, 0);
    grid->addWidget(m_offices, 2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(period);
    layout->addWidget(m_summary);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_charts, 3);
    connect(m_refresh, &QPushButton::clicked, this, [this]() { refresh(); });
    connect(m_line, &QComboBox::activated, this, [this]() {
        m_filter.line = m_line->currentData().toString();
        refresh();
    });
    connect(m_municipality, &QComboBox::activated, this, [this]() {
        m_filter.municipality = m_municipality->currentData().toString();
        refresh();
    });
    connect(m_export, &QPushButton::clicked, this, [this]() {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export figures"), QDir::home().filePath(QStringLiteral("figures.csv")), tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, &error)) {
            m_summary->setText(error);
        }
    });
    // Opened as a window of its own: Esc closes it like the desk's dialogs (a date's calendar popup takes Esc first).
    new QShortcut(QKeySequence::Cancel, this, this, &QWidget::close);
    retranslateUi();
}

ReportView::~ReportView() = default;

QString ReportView::defaultJournalPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("journal.db"));
}

void ReportView::setFilter(const journal::FigureFilter &filter)
{
    m_filter = filter;
}

void ReportView::setServiceTitles(std::function<QString(const QString &)> titleOf)
{
    m_titleOf = std::move(titleOf);
}

void ReportView::setOfficeNames(std::function<QString(const QString &)> nameOf)
{
    m_officeNameOf = std::move(nameOf);
}

const QList<QPair<QString, int>> &ReportView::appointmentsPerOffice() const
{
    return m_perOffice;
}

void ReportView::setPeriod(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

bool ReportView::refresh()
{
    QString error;
    m_loaded = false;
    m_figures = journal::Figures();
    m_perOffice.clear();
    if (QFile::exists(m_journalPath)) {
        const std::unique_ptr<journal::JournalStore> store = journal::JournalStore::open(m_journalPath, &error);
        if (!store) {
            m_summary->setText(tr("The call journal cannot be opened: %1").arg(error));
            draw();
            return false;
        }
        const QTimeZone zone(QByteArrayLiteral("Europe/Berlin"));
        const QDateTime from = QDateTime(m_from->date(), QTime(0, 0), zone).toUTC();
        const QDateTime to = QDateTime(m_to->date().addDays(1), QTime(0, 0), zone).toUTC();
        m_figures = store->figures(from, to, m_filter);
        // Appointments are booked per office, not per line: the line filter does not apply to them.
        const std::unique_ptr<appointments::AppointmentStore> bookings =
            appointments::AppointmentStore::open(m_journalPath, &error);
        m_perOffice = bookings ? bookings->bookingsPerOffice(from, to) : QList<QPair<QString, int>>();
        // The filter's choices: the lines and municipalities that had calls in the period.
        QStringList lines;
        QStringList municipalities;
        for (const journal::CallRecord &call : store->calls(from, to)) {
            if (!call.line.isEmpty() && !lines.contains(call.line)) {
                lines << call.line;
            }
            if (!call.municipality.isEmpty() && !municipalities.contains(call.municipality)) {
                municipalities << call.municipality;
            }
        }
        lines.sort();
        municipalities.sort();
        const auto fill = [](QComboBox *combo, const QString &all, const QStringList &values, const QString &current) {
            combo->clear();
            combo->addItem(all, QString());
            for (const QString &value : values) {
                combo->addItem(value, value);
            }
            combo->setCurrentIndex(qMax(0, combo->findData(current)));
        };
        fill(m_line, tr("All lines"), lines, m_filter.line);
        fill(m_municipality, tr("All municipalities"), municipalities, m_filter.municipality);
        m_loaded = true;
    } else if (m_line->count() == 0) {
        // No journal yet: the filters say what they would count instead of showing as empty boxes.
        m_line->addItem(tr("All lines"), QString());
        m_municipality->addItem(tr("All municipalities"), QString());
    }
    draw();
    return true;
}

void ReportView::draw()
{
    const journal::Figures &f = m_figures;
    const bool data = f.calls > 0;
    m_charts->setVisible(data);
    m_empty->setVisible(!data);
    m_export->setEnabled(data);
    QStringList hours;
    QList<int> perHour;
    for (int h = 0; h < 24; ++h) {
        hours << QString::number(h);
        perHour << f.callsPerHour.at(size_t(h));
    }
    setBars(m_hours, tr("Calls per hour"), tr("Calls"), hours, perHour);
    QStringList days;
    QList<int> perDay;
    for (int d = 0; d < 7; ++d) {
        days << QLocale().dayName(d + 1, QLocale::ShortFormat);
        perDay << f.callsPerWeekday.at(size_t(d));
    }
    setBars(m_weekdays, tr("Calls per weekday"), tr("Calls"), days, perDay);

    QChart *pie = m_outcomes->chart();
    pie->removeAllSeries();
    auto *series = new QPieSeries;
    const int other = qMax(0, f.calls - f.answeredDirectly - f.forwarded - f.appointments);
    const auto slice = [series](const QString &label, int value) {
        if (value > 0) {
            series->append(QStringLiteral("%1 (%2)").arg(label).arg(value), value);
        }
    };
    slice(tr("Answered directly"), f.answeredDirectly);
    slice(tr("Forwarded"), f.forwarded);
    slice(tr("Appointment"), f.appointments);
    slice(tr("Other"), other);
    pie->addSeries(series);
    pie->setTitle(tr("Outcomes"));
    pie->legend()->setAlignment(Qt::AlignRight);

    QStringList offices;
    QList<int> booked;
    for (const auto &[officeId, count] : std::as_const(m_perOffice)) {
        const QString name = m_officeNameOf ? m_officeNameOf(officeId) : QString();
        offices << (name.isEmpty() ? officeId : name);
        booked << count;
    }
    setBars(m_offices, tr("Appointments booked per office"), tr("Appointments"), offices, booked, Qt::Horizontal);

    // The most asked service first, so it is on top.
    QStringList services;
    QList<int> asked;
    for (const journal::ServiceCount &service : f.topServices) {
        const QString title = m_titleOf ? m_titleOf(service.serviceId) : QString();
        services << (title.isEmpty() ? service.serviceId : title);
        asked << service.calls;
    }
    setBars(m_services, tr("Services asked most"), tr("Calls"), services, asked, Qt::Horizontal);

    if (!data) {
        m_summary->setText(m_loaded ? QString() : tr("No call journal yet on this desk."));
        return;
    }
    const QString promise = f.firstContactResolution >= FirstContactPromise ? tr("meets the promise of 65 %")
                                                                            : tr("below the promise of 65 %");
    m_summary->setText(
        tr("%n call(s). First-contact resolution %1 % (%2). Forwarded cases answered by their deadline: %3 % "
           "(%4 of %5; %6 open, %7 overdue). Average talk time %8 s, time to answer %9 s.",
           nullptr, f.calls)
            .arg(QLocale().toString(f.firstContactResolution * 100, 'f', 1), promise,
                 QLocale().toString(f.shareInTime * 100, 'f', 1))
            .arg(f.casesInTime)
            .arg(f.casesDue)
            .arg(f.casesOpen)
            .arg(f.casesOverdue)
            .arg(f.averageTalkSeconds)
            .arg(f.averageAnswerSeconds));
}

QString ReportView::figuresCsv(const journal::Figures &f, const QDate &from, const QDate &to,
                               const journal::FigureFilter &filter)
{
    QString csv = QStringLiteral("figure,key,value\r\n");
    const auto line = [&csv](const QString &figure, const QString &key, const QString &value) {
        csv += QStringLiteral("%1,%2,%3\r\n").arg(figure, key, value);
    };
    line(QStringLiteral("period"), QStringLiteral("from"), from.toString(Qt::ISODate));
    line(QStringLiteral("period"), QStringLiteral("to"), to.toString(Qt::ISODate));
    // Values are ours except line and municipality names: quote those (RFC 4180).
    const auto quoted = [](const QString &v) {
        return QStringLiteral("\"%1\"").arg(QString(v).replace(QLatin1Char('"'), QStringLiteral("\"\"")));
    };
    line(QStringLiteral("filter"), QStringLiteral("line"), quoted(filter.line));
    line(QStringLiteral("filter"), QStringLiteral("municipality"), quoted(filter.municipality));
    line(QStringLiteral("calls"), QString(), QString::number(f.calls));
    line(QStringLiteral("outcome"), QStringLiteral("answered_directly"), QString::number(f.answeredDirectly));
    line(QStringLiteral("outcome"), QStringLiteral("forwarded"), QString::number(f.forwarded));
    line(QStringLiteral("outcome"), QStringLiteral("appointment"), QString::number(f.appointments));
    line(QStringLiteral("first_contact_resolution"), QString(), QString::number(f.firstContactResolution, 'f', 4));
    line(QStringLiteral("forwarded_in_time"), QStringLiteral("share"), QString::number(f.shareInTime, 'f', 4));
    line(QStringLiteral("forwarded_in_time"), QStringLiteral("in_time"), QString::number(f.casesInTime));
    line(QStringLiteral("forwarded_in_time"), QStringLiteral("due"), QString::number(f.casesDue));
    line(QStringLiteral("average_talk_seconds"), QString(), QString::number(f.averageTalkSeconds));
    line(QStringLiteral("average_answer_seconds"), QString(), QString::number(f.averageAnswerSeconds));
    for (const journal::ServiceCount &service : std::as_const(f.topServices)) {
        line(QStringLiteral("top_service"), quoted(service.serviceId), QString::number(service.calls));
    }
    for (int h = 0; h < 24; ++h) {
        line(QStringLiteral("calls_per_hour"), QString::number(h), QString::number(f.callsPerHour.at(size_t(h))));
    }
    static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (int d = 0; d < 7; ++d) {
        line(QStringLiteral("calls_per_weekday"), QLatin1String(days[d]),
             QString::number(f.callsPerWeekday.at(size_t(d))));
    }
    return csv;
}

bool ReportView::exportCsv(const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QString csv = figuresCsv(m_figures, m_from->date(), m_to->date(), m_filter);
    for (const auto &[officeId, count] : m_perOffice) {
        csv += QStringLiteral("appointments_per_office,\"%1\",%2\r\n")
                   .arg(QString(officeId).replace(QLatin1Char('"'), QStringLiteral("\"\"")))
                   .arg(count);
    }
    file.write(csv.toUtf8());
    return true;
}

const journal::Figures &ReportView::figures() const
{
    return m_figures;
}

bool ReportView::hasData() const
{
    return m_figures.calls > 0;
}

QChartView *ReportView::hourChart() const
{
    return m_hours;
}

QChartView *ReportView::weekdayChart() const
{
    return m_weekdays;
}

QChartView *ReportView::outcomeChart() const
{
    return m_outcomes;
}

QChartView *ReportView::servicesChart() const
{
    return m_services;
}

QChartView *ReportView::officesChart() const
{
    return m_offices;
}

QComboBox *ReportView::lineCombo() const
{
    return m_line;
}

QComboBox *ReportView::municipalityCombo() const
{
    return m_municipality;
}

QLabel *ReportView::summaryLabel() const
{
    return m_summary;
}

void ReportView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        draw();
    }
    QWidget::changeEvent(event);
}

void ReportView::retranslateUi()
{
    setWindowTitle(tr("Figures – Hotline Desk"));
    m_fromLabel->setText(tr("&From:"));
    m_toLabel->setText(tr("&To:"));
    m_refresh->setText(tr("&Show"));
    m_export->setText(tr("E&xport CSV…"));
    m_empty->setText(tr("No calls in this period yet. Figures appear once calls are recorded in the journal."));
    const auto name = [](QWidget *w, const QString &n, const QString &d) {
        w->setAccessibleName(n);
        w->setAccessibleDescription(d);
    };
    name(m_from, tr("From"), tr("First day of the period"));
    name(m_to, tr("To"), tr("Last day of the period"));
    name(m_refresh, tr("Show"), tr("Computes the figures for the period"));
    name(m_export, tr("Export CSV"), tr("Saves the figures of the period as a CSV file"));
    name(m_summary, tr("Key figures"), tr("First-contact resolution, deadlines kept and talk time"));
    name(m_empty, tr("No data"), tr("Shown when the period has no calls"));
    name(m_hours, tr("Calls per hour"), tr("Bar chart of the calls by hour of the day"));
    name(m_weekdays, tr("Calls per weekday"), tr("Bar chart of the calls by weekday"));
    name(m_outcomes, tr("Outcomes"), tr("Pie chart: answered directly, forwarded, appointment"));
    name(m_services, tr("Services asked most"), tr("Bar chart of the services callers asked about most"));
    name(m_offices, tr("Appointments booked per office"), tr("Bar chart of the appointments booked per office"));
    name(m_line, tr("Line"), tr("Count the calls of one line only"));
    name(m_municipality, tr("Municipality"), tr("Count the calls of one municipality only"));
}

} // namespace desk
