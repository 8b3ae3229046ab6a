#include "callerpanel.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace desk {

namespace {

// The widgets Tab reaches, in the order of the layouts: top to bottom, left to right.
void collectTabOrder(const QLayout *layout, QList<QWidget *> *order)
{
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem *item = layout->itemAt(i);
        if (QWidget *w = item->widget()) {
            if (w->focusPolicy() & Qt::TabFocus) {
                order->append(w);
            }
            if (w->layout()) {
                collectTabOrder(w->layout(), order);
            }
        } else if (item->layout()) {
            collectTabOrder(item->layout(), order);
        }
    }
}

} // namespace

CallerPanel::CallerPanel(QWidget *parent)
    : QWidget(parent), m_state(new QLabel(this)), m_caller(new QLabel(this)), m_elapsed(new QLabel(this)),
      m_callButton(new QPushButton(this)), m_viewedLabel(new QLabel(this)), m_viewed(new QListWidget(this)),
      m_notesLabel(new QLabel(this)), m_notes(new QPlainTextEdit(this)), m_timer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    QFont stateFont = m_state->font();
    stateFont.setPointSizeF(stateFont.pointSizeF() * 1.3);
    stateFont.setBold(true);
    m_state->setFont(stateFont);
    m_state->setWordWrap(true);
    m_caller->setWordWrap(true);
    m_caller->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = m_elapsed->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_elapsed->setFont(mono);
    layout->addWidget(m_state);
    layout->addWidget(m_caller);
    layout->addWidget(m_elapsed);
    layout->addWidget(m_callButton);
    layout->addSpacing(8);
    layout->addWidget(m_viewedLabel);
    layout->addWidget(m_viewed, 1);
    layout->addWidget(m_notesLabel);
    layout->addWidget(m_notes, 1);
    m_viewedLabel->setBuddy(m_viewed);
    m_notesLabel->setBuddy(m_notes);
    m_notes->setTabChangesFocus(true);

    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &CallerPanel::updateElapsed);
    connect(m_callButton, &QPushButton::clicked, this, &CallerPanel::toggleCall);
    retranslateUi();
}

CallerPanel::~CallerPanel() = default;

bool CallerPanel::isInCall() const
{
    return m_startedAt.isValid();
}

void CallerPanel::startCall(const QString &caller)
{
    if (isInCall()) {
        return;
    }
    m_startedAt = QDateTime::currentDateTime();
    m_callerText = caller;
    m_viewedIds.clear();
    m_viewed->clear();
    m_notes->clear();
    m_timer->start();
    retranslateUi();
    updateElapsed();
    Q_EMIT callStarted(m_startedAt);
}

void CallerPanel::endCall()
{
    if (!isInCall()) {
        return;
    }
    const QDateTime started = m_startedAt;
    m_startedAt = QDateTime();
    m_timer->stop();
    retranslateUi();
    Q_EMIT callEnded(started, QDateTime::currentDateTime(), m_viewedIds, m_notes->toPlainText());
}

void CallerPanel::toggleCall()
{
    if (isInCall()) {
        endCall();
    } else {
        startCall();
    }
}

void CallerPanel::noteArticleViewed(const QString &id, const QString &title)
{
    if (!isInCall() || m_viewedIds.contains(id)) {
        return;
    }
    m_viewedIds.append(id);
    m_viewed->addItem(title);
}

QStringList CallerPanel::viewedArticleIds() const
{
    return m_viewedIds;
}

void CallerPanel::attachTelephony(QWidget *controls, QWidget *wrapUp)
{
    auto *box = qobject_cast<QVBoxLayout *>(layout());
    box->insertWidget(0, controls);
    box->addWidget(wrapUp, 1);
    // Created after the window's other widgets, the controls and the wrap-up came after the search box and the
    // results in the Tab order. The column is reached top to bottom, before the search box: the sequence is first
    // hung after the call button (already before the search box), which is then moved to its own place in it.
    QList<QWidget *> order;
    collectTabOrder(box, &order);
    if (!order.isEmpty() && order.first() != m_callButton) {
        setTabOrder(m_callButton, order.first());
    }
    for (qsizetype i = 1; i < order.size(); ++i) {
        setTabOrder(order.at(i - 1), order.at(i));
    }
    m_telephony = true;
    m_state->hide();   // the controls show the call's state
    m_caller->hide();  // … the caller
    m_elapsed->hide(); // … and the call's timer
    retranslateUi();
}

void CallerPanel::updateElapsed()
{
    if (!isInCall()) {
        m_elapsed->clear();
        return;
    }
    const qint64 secs = m_startedAt.secsTo(QDateTime::currentDateTime());
    m_elapsed->setText(
        QStringLiteral("%1:%2").arg(secs / 60, 2, 10, QLatin1Char('0')).arg(secs % 60, 2, 10, QLatin1Char('0')));
}

void CallerPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void CallerPanel::retranslateUi()
{
    const bool inCall = isInCall();
    m_state->setText(inCall ? tr("Call in progress") : tr("No call"));
    m_caller->setText(
        inCall
            ? (m_callerText.isEmpty()
                   ? tr("Recorded by hand since %1").arg(QLocale().toString(m_startedAt.time(), QLocale::ShortFormat))
                   : m_callerText)
            : tr("Telephony is not connected yet. Start a call record by hand when a call comes in."));
    m_elapsed->setVisible(inCall && !m_telephony);
    m_callButton->setText(inCall ? tr("End call record") : tr("Start call record"));
    m_callButton->setToolTip(tr("Ctrl+N"));
    m_callButton->setAccessibleName(inCall ? tr("End call record") : tr("Start call record"));
    m_callButton->setAccessibleDescription(
        inCall ? tr("Ends the current call record with the services viewed and your notes")
               : tr("Starts a record of the current call: the services you open are noted in it"));
    m_viewedLabel->setText(tr("Services viewed in this call"));
    m_viewed->setAccessibleName(tr("Services viewed in this call"));
    m_viewed->setAccessibleDescription(tr("Services opened since the call record started"));
    m_viewed->setEnabled(inCall);
    m_notesLabel->setText(tr("&Notes"));
    m_notes->setAccessibleName(tr("Call notes"));
    m_notes->setAccessibleDescription(tr("Free notes for the current call record"));
    m_notes->setPlaceholderText(inCall ? tr("What does the caller need?") : QString());
    m_notes->setEnabled(inCall);
    m_elapsed->setAccessibleName(tr("Call duration"));
    m_caller->setAccessibleName(inCall ? tr("Caller") : tr("No call"));
    m_caller->setAccessibleDescription(tr("Who is calling, as far as known"));
}

} // namespace desk
