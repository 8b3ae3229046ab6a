#include "casesview.h"

#include "serverstores.h"

#include "caselistmodel.h"
#include "journalstore.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace desk {

CaseDelegate::CaseDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

CaseDelegate::~CaseDelegate() = default;

void CaseDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool overdue = index.data(journal::CaseListModel::OverdueRole).toBool();
    const bool dueSoon = index.data(journal::CaseListModel::DueSoonRole).toBool();
    if (!overdue && !dueSoon) {
        return;
    }
    // Red-ish for overdue, amber for due soon, blended with the base colour so dark themes stay readable.
    const QColor base = option->palette.color(QPalette::Base);
    const QColor accent = overdue ? QColor(220, 40, 40) : QColor(230, 160, 20);
    const qreal mix = overdue ? 0.35 : 0.25;
    const QColor bg = QColor::fromRgbF(base.redF() * (1 - mix) + accent.redF() * mix,
                                       base.greenF() * (1 - mix) + accent.greenF() * mix,
                                       base.blueF() * (1 - mix) + accent.blueF() * mix);
    option->backgroundBrush = bg;
    if (overdue) {
        option->font.setBold(true);
    }
}

CasesView::CasesView(journal::JournalStore *store, const journal::BusinessCalendar &calendar, QWidget *parent)
    : QDialog(parent), m_store(store), m_calendar(calendar), m_source(this), m_model(new journal::CaseListModel(this)),
      m_search(new QLineEdit(this)), m_table(new QTableView(this)), m_answered(new QPushButton(this)),
      m_calledBack(new QPushButton(this)), m_status(new QLabel(this)), m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("CasesView"));
    resize(900, 420);
    m_model->setCalendar(calendar, journal::DeadlinePolicy{});
    m_model->setNow(QDateTime::currentDateTimeUtc());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source.label());
    layout->addWidget(m_search);
    layout->addWidget(m_table, 1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_answered);
    row->addWidget(m_calledBack);
    row->addWidget(m_status, 1);
    layout->addLayout(row);
    m_table->setModel(m_model);
    m_table->setItemDelegate(new CaseDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();

    retranslateUi();
    m_search->setClearButtonEnabled(true);
    m_answered->setObjectName(QStringLiteral("markAnswered"));

    connect(m_search, &QLineEdit::textChanged, this, &CasesView::reload);
    connect(m_answered, &QPushButton::clicked, this, [this]() {
        QString error;
        if (!markSelected(false, &error)) {
            m_status->setText(error);
        }
    });
    connect(m_calledBack, &QPushButton::clicked, this, [this]() {
        QString error;
        if (!markSelected(true, &error)) {
            m_status->setText(error);
        }
    });
    m_tick->setInterval(60000);
    connect(m_tick, &QTimer::timeout, this, [this]() { m_model->setNow(QDateTime::currentDateTimeUtc()); });
    m_tick->start();
    reload();
}

CasesView::~CasesView() = default;

void CasesView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        Q_EMIT m_model->headerDataChanged(Qt::Horizontal, 0, m_model->columnCount() - 1); // the model's tr()
    }
    QDialog::changeEvent(event);
}

// Also on a language switch while the view exists (it is kept for the whole session).
void CasesView::retranslateUi()
{
    setWindowTitle(tr("Open cases"));
    m_search->setPlaceholderText(tr("Search by case number or phone number…"));
    m_search->setAccessibleName(tr("Search cases"));
    m_search->setAccessibleDescription(tr("Case number or phone number of the citizen"));
    m_table->setAccessibleName(tr("Open cases"));
    m_table->setAccessibleDescription(tr("Forwarded questions by deadline; overdue ones are highlighted"));
    m_answered->setText(tr("Mark &answered"));
    m_answered->setAccessibleName(tr("Mark answered"));
    m_answered->setAccessibleDescription(tr("The office answered the citizen: closes the selected case"));
    m_calledBack->setText(tr("Mark &called back"));
    m_calledBack->setAccessibleName(tr("Mark called back"));
    m_calledBack->setAccessibleDescription(tr("The citizen was called back: closes the selected case"));
    m_status->setAccessibleName(tr("Cases status"));
}

void CasesView::setSource(std::shared_ptr<journal::JournalStore> server, const QString &note,
                          const QString &readOnlyReason)
{
    m_source.set(std::move(server), note, readOnlyReason);
}

QString CasesView::sourceNote() const
{
    return m_source.note();
}

bool CasesView::showsServer() const
{
    return m_source.isServer();
}

journal::JournalStore *CasesView::store() const
{
    return m_source.pick(m_store);
}

void CasesView::reload()
{
    journal::CaseFilter filter;
    filter.search = m_search->text().trimmed();
    QString error;
    const QList<journal::CaseRecord> cases = store()->cases(filter, &error);
    m_model->setNow(QDateTime::currentDateTimeUtc());
    m_model->setCases(cases);
    m_listStatus = error.isEmpty() ? tr("%n open case(s)", nullptr, int(cases.size())) : error;
    m_status->setText(m_listStatus);
    if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid()) {
        m_table->setCurrentIndex(m_model->index(0, 0));
    }
}

void CasesView::refresh()
{
    const QModelIndex current = m_table->currentIndex();
    const std::optional<journal::CaseRecord> selected = m_model->caseAt(current.row());
    const int scroll = m_table->verticalScrollBar()->value();
    const QString answer = m_status->text() != m_listStatus ? m_status->text() : QString();
    reload();
    if (!answer.isEmpty()) {
        m_status->setText(answer); // e.g. "Case … closed." or the server's refusal stays readable
    }
    if (selected) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->caseAt(row)->caseNumber == selected->caseNumber) {
                m_table->setCurrentIndex(m_model->index(row, std::max(0, current.column())));
                break;
            }
        }
    }
    m_table->verticalScrollBar()->setValue(scroll);
}

journal::CaseListModel *CasesView::model() const
{
    return m_model;
}

QTableView *CasesView::table() const
{
    return m_table;
}

QLineEdit *CasesView::searchEdit() const
{
    return m_search;
}

bool CasesView::markSelected(bool calledBack, QString *error)
{
    const std::optional<journal::CaseRecord> c = m_model->caseAt(m_table->currentIndex().row());
    if (!c) {
        if (error) {
            *error = tr("Select a case first.");
        }
        return false;
    }
    if (m_source.refuseChange(error)) {
        return false;
    }
    if (!store()->setCaseState(c->caseNumber,
                               calledBack ? journal::CaseState::CalledBack : journal::CaseState::Answered, QString(),
                               error)) {
        return false;
    }
    reload();
    m_status->setText(tr("Case %1 closed.").arg(c->caseNumber));
    Q_EMIT caseClosed(c->caseNumber);
    return true;
}

void CasesView::showCase(const QString &caseNumber)
{
    m_search->setText(caseNumber); // reloads, filtered to the case
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->caseAt(row)->caseNumber == caseNumber) {
            m_table->setCurrentIndex(m_model->index(row, 0));
            m_table->scrollTo(m_table->currentIndex());
            break;
        }
    }
    m_table->setFocus(Qt::OtherFocusReason);
}

void CasesView::setDeadlinePolicy(const journal::DeadlinePolicy &policy)
{
    m_model->setCalendar(m_calendar, policy);
}

} // namespace desk
