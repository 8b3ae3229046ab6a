#include "outboxview.h"

#include "outboxstore.h"
#include "serverstores.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace desk {

namespace {
QString stateText(outbox::State state)
{
    switch (state) {
    case outbox::State::Queued:
        return OutboxView::tr("waiting");
    case outbox::State::Sending:
        return OutboxView::tr("sending");
    case outbox::State::Sent:
        return OutboxView::tr("sent");
    case outbox::State::Failed:
        return OutboxView::tr("failed");
    case outbox::State::Unconfirmed:
        return OutboxView::tr("unconfirmed");
    }
    return {};
}
} // namespace

OutboxView::OutboxView(const QString &databasePath, QWidget *parent)
    : QDialog(parent), m_path(databasePath), m_source(this), m_table(new QTableWidget(this)),
      m_retry(new QPushButton(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("OutboxView"));
    resize(900, 360);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source.label());
    layout->addWidget(m_table, 1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_retry);
    row->addWidget(m_status, 1);
    layout->addLayout(row);
    m_table->setColumnCount(6);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();

    retranslateUi();
    connect(m_retry, &QPushButton::clicked, this, [this]() {
        QString error;
        if (!retrySelected(&error)) {
            m_status->setText(error);
        }
    });
    QString error;
    m_store = outbox::OutboxStore::open(m_path, &error);
    if (!m_store) {
        m_status->setText(tr("Outbox unavailable: %1").arg(error));
    }
    reload();
}

OutboxView::~OutboxView() = default;

void OutboxView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

// Also on a language switch while the view exists (it is kept for the whole session).
void OutboxView::retranslateUi()
{
    setWindowTitle(tr("Outbox"));
    m_table->setHorizontalHeaderLabels(
        {tr("Created"), tr("To"), tr("Subject"), tr("State"), tr("Attempts"), tr("Server's reply")});
    m_table->setAccessibleName(tr("Outbox"));
    m_table->setAccessibleDescription(tr("Forwards and confirmations with their state and the server's last reply"));
    m_retry->setText(tr("&Retry"));
    m_retry->setAccessibleName(tr("Retry"));
    m_retry->setAccessibleDescription(tr("Puts the selected failed e-mail back into the queue"));
    m_status->setAccessibleName(tr("Outbox status"));
}

void OutboxView::setSource(std::shared_ptr<outbox::OutboxStore> server, const QString &note,
                           const QString &readOnlyReason)
{
    m_source.set(std::move(server), note, readOnlyReason);
}

QString OutboxView::sourceNote() const
{
    return m_source.note();
}

bool OutboxView::showsServer() const
{
    return m_source.isServer();
}

outbox::OutboxStore *OutboxView::store() const
{
    return m_source.pick(m_store.get());
}

void OutboxView::reload()
{
    if (!store()) {
        return;
    }
    QString error;
    const QList<outbox::Entry> entries = store()->entries(&error);
    m_table->setRowCount(int(entries.size()));
    const QLocale locale;
    for (int row = 0; row < entries.size(); ++row) {
        const outbox::Entry &e = entries.at(row);
        const QString reply = e.lastCode > 0 ? QStringLiteral("%1 %2").arg(e.lastCode).arg(e.lastError) : e.lastError;
        const QStringList cells = {locale.toString(e.createdAt.toLocalTime(), QLocale::ShortFormat),
                                   e.recipients.join(QStringLiteral(", ")),
                                   e.subject,
                                   stateText(e.state),
                                   QString::number(e.attempts),
                                   reply};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, e.id);
            item->setData(Qt::UserRole + 1, int(e.state));
            m_table->setItem(row, column, item);
        }
    }
    m_listStatus = error.isEmpty() ? tr("%n e-mail(s)", nullptr, int(entries.size())) : error;
    m_status->setText(m_listStatus);
}

void OutboxView::refresh()
{
    const int currentRow = m_table->currentRow();
    const int column = std::max(0, m_table->currentColumn());
    const QTableWidgetItem *current = currentRow >= 0 ? m_table->item(currentRow, 0) : nullptr;
    const QString selected = current ? current->data(Qt::UserRole).toString() : QString();
    const int scroll = m_table->verticalScrollBar()->value();
    const QString answer = m_status->text() != m_listStatus ? m_status->text() : QString();
    reload();
    if (!answer.isEmpty()) {
        m_status->setText(answer); // e.g. "E-mail queued again." or the server's refusal stays readable
    }
    if (!selected.isEmpty()) {
        for (int row = 0; row < m_table->rowCount(); ++row) {
            if (m_table->item(row, 0)->data(Qt::UserRole).toString() == selected) {
                m_table->setCurrentCell(row, column);
                break;
            }
        }
    }
    m_table->verticalScrollBar()->setValue(scroll);
}

QTableWidget *OutboxView::table() const
{
    return m_table;
}

bool OutboxView::retrySelected(QString *error)
{
    const int row = m_table->currentRow();
    QTableWidgetItem *item = row >= 0 ? m_table->item(row, 0) : nullptr;
    if (!item || !store()) {
        if (error) {
            *error = tr("Select an e-mail first.");
        }
        return false;
    }
    if (m_source.refuseChange(error)) {
        return false;
    }
    const QString id = item->data(Qt::UserRole).toString();
    if (!store()->retry(id, error)) {
        return false;
    }
    reload();
    m_status->setText(tr("E-mail queued again."));
    Q_EMIT retried(id);
    return true;
}

} // namespace desk
