#include "outboxview.h"

#include "outboxstore.h"
#include "serverstores.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
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
    : QDialog(parent), m_path(databasePath), m_table(new QTableWidget(this)), m_retry(new QPushButton(this)),
      m_status(new QLabel(this)), m_note(new QLabel(this))
{
    m_note->setObjectName(QStringLiteral("sourceNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    setObjectName(QStringLiteral("OutboxView"));
    setWindowTitle(tr("Outbox"));
    resize(900, 360);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_retry);
    row->addWidget(m_status, 1);
    layout->addLayout(row);
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
        {tr("Created"), tr("To"), tr("Subject"), tr("State"), tr("Attempts"), tr("Server's reply")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Outbox"));
    m_table->setAccessibleDescription(tr("Forwards and confirmations with their state and the server's last reply"));
    m_retry->setText(tr("&Retry"));
    m_retry->setAccessibleName(tr("Retry"));
    m_retry->setAccessibleDescription(tr("Puts the selected failed e-mail back into the queue"));
    m_status->setAccessibleName(tr("Outbox status"));
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

void OutboxView::setSource(std::shared_ptr<outbox::OutboxStore> server, const QString &note,
                           const QString &readOnlyReason)
{
    m_server = std::move(server);
    m_readOnlyReason = readOnlyReason;
    showSourceNote(m_note, note);
}

QString OutboxView::sourceNote() const
{
    return m_note->text();
}

outbox::OutboxStore *OutboxView::store() const
{
    return m_server ? m_server.get() : m_store.get();
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
    m_status->setText(error.isEmpty() ? tr("%n e-mail(s)", nullptr, int(entries.size())) : error);
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
    if (!m_readOnlyReason.isEmpty()) {
        if (error) {
            *error = m_readOnlyReason;
        }
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
