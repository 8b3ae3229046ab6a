#include "wrapuppanel.h"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace desk {

WrapUpPanel::WrapUpPanel(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_servicesLabel(new QLabel(this)), m_services(new QListWidget(this)),
      m_removeService(new QPushButton(this)), m_notesLabel(new QLabel(this)), m_notes(new QPlainTextEdit(this)),
      m_noData(new QCheckBox(this)), m_answered(new QPushButton(this)), m_forward(new QPushButton(this)),
      m_appointment(new QPushButton(this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("WrapUpPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    layout->addWidget(m_servicesLabel);
    layout->addWidget(m_services);
    m_services->setMaximumHeight(80);
    layout->addWidget(m_removeService);
    layout->addWidget(m_notesLabel);
    layout->addWidget(m_notes, 1);
    m_notes->setTabChangesFocus(true);
    layout->addWidget(m_noData);
    auto *outcomes = new QGridLayout;
    outcomes->addWidget(m_answered, 0, 0, 1, 2);
    outcomes->addWidget(m_forward, 1, 0);
    outcomes->addWidget(m_appointment, 1, 1);
    layout->addLayout(outcomes);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_servicesLabel->setBuddy(m_services);
    m_notesLabel->setBuddy(m_notes);

    connect(m_notes, &QPlainTextEdit::textChanged, this, [this]() {
        if (!m_loading) {
            Q_EMIT changed();
        }
    });
    connect(m_noData, &QCheckBox::toggled, this, [this]() {
        if (!m_loading) {
            Q_EMIT changed();
        }
    });
    connect(m_removeService, &QPushButton::clicked, this, [this]() {
        delete m_services->currentItem();
        Q_EMIT changed();
    });
    connect(m_answered, &QPushButton::clicked, this,
            [this]() { Q_EMIT outcomeChosen(journal::Outcome::AnsweredDirectly); });
    connect(m_forward, &QPushButton::clicked, this,
            [this]() { Q_EMIT outcomeChosen(journal::Outcome::ForwardedByEmail); });
    connect(m_appointment, &QPushButton::clicked, this,
            [this]() { Q_EMIT outcomeChosen(journal::Outcome::Appointment); });
    retranslateUi();
    setEnabled(false);
}

WrapUpPanel::~WrapUpPanel() = default;

void WrapUpPanel::open(const journal::CallRecord &record, const QHash<QString, QString> &serviceTitles)
{
    m_loading = true;
    m_record = record;
    m_services->clear();
    for (const QString &id : record.serviceIds) {
        auto *item = new QListWidgetItem(serviceTitles.value(id, id), m_services);
        item->setData(Qt::UserRole, id);
    }
    m_notes->setPlainText(record.notes);
    m_noData->setChecked(record.noDataKept);
    m_message->clear();
    m_open = true;
    m_loading = false;
    setEnabled(true);
    retranslateUi();
    m_notes->setFocus(Qt::OtherFocusReason);
}

void WrapUpPanel::close()
{
    m_open = false;
    m_record = {};
    m_loading = true;
    m_services->clear();
    m_notes->clear();
    m_noData->setChecked(false);
    m_loading = false;
    setEnabled(false);
    retranslateUi();
}

bool WrapUpPanel::isOpen() const
{
    return m_open;
}

journal::CallRecord WrapUpPanel::record() const
{
    journal::CallRecord r = m_record;
    r.serviceIds.clear();
    for (int i = 0; i < m_services->count(); ++i) {
        r.serviceIds << m_services->item(i)->data(Qt::UserRole).toString();
    }
    r.notes = m_notes->toPlainText();
    r.noDataKept = m_noData->isChecked();
    return r;
}

void WrapUpPanel::addService(const QString &id, const QString &title)
{
    if (!m_open || id.isEmpty()) {
        return;
    }
    for (int i = 0; i < m_services->count(); ++i) {
        if (m_services->item(i)->data(Qt::UserRole).toString() == id) {
            return;
        }
    }
    auto *item = new QListWidgetItem(title, m_services);
    item->setData(Qt::UserRole, id);
    Q_EMIT changed();
}

void WrapUpPanel::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setAccessibleName(text);
}

QString WrapUpPanel::message() const
{
    return m_message->text();
}

void WrapUpPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void WrapUpPanel::retranslateUi()
{
    m_title->setText(m_open ? tr("Wrap-up: how did the call end?") : tr("Wrap-up"));
    m_servicesLabel->setText(tr("Topic services"));
    m_services->setAccessibleName(tr("Topic services"));
    m_services->setAccessibleDescription(tr("Services this call was about; Ctrl+Shift+A adds the one on screen"));
    m_removeService->setText(tr("Remove service"));
    m_removeService->setAccessibleName(tr("Remove service"));
    m_removeService->setAccessibleDescription(tr("Removes the selected service from this call"));
    m_notesLabel->setText(tr("Wrap-up &notes"));
    m_notes->setAccessibleName(tr("Wrap-up notes"));
    m_notes->setAccessibleDescription(tr("What the caller needed and what you told them"));
    m_noData->setText(tr("No data kept (the caller asked)"));
    m_noData->setAccessibleName(tr("No data kept"));
    m_noData->setAccessibleDescription(tr("The caller's number and the notes are not stored"));
    const auto button = [](QPushButton *b, const QString &text, const QString &keys, const QString &description) {
        b->setText(QStringLiteral("%1 (%2)").arg(text, keys));
        b->setAccessibleName(text);
        b->setAccessibleDescription(description);
    };
    button(m_answered, tr("Answered directly"), QStringLiteral("Alt+1"),
           tr("Saves the call as answered directly"));
    button(m_forward, tr("Forward by e-mail"), QStringLiteral("Alt+2"),
           tr("Forwards the question to the responsible office with a deadline"));
    button(m_appointment, tr("Appointment"), QStringLiteral("Alt+3"), tr("Books an appointment at an office"));
    m_message->setAccessibleDescription(tr("Result of the last wrap-up action"));
}

} // namespace desk
