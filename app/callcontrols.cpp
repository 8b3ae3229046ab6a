#include "callcontrols.h"

#include "agentsession.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QKeySequence>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace desk {

namespace {
QString clock(qint64 ms)
{
    const qint64 secs = ms / 1000;
    return QStringLiteral("%1:%2").arg(secs / 60, 2, 10, QLatin1Char('0')).arg(secs % 60, 2, 10, QLatin1Char('0'));
}

qint64 nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}
} // namespace

CallControls::CallControls(QWidget *parent)
    : QWidget(parent), m_state(new QLabel(this)), m_caller(new QLabel(this)), m_line(new QLabel(this)),
      m_timerLabel(new QLabel(this)), m_phone(new QLabel(this)), m_answer(new QPushButton(this)),
      m_decline(new QPushButton(this)), m_hold(new QPushButton(this)), m_mute(new QPushButton(this)),
      m_hangUp(new QPushButton(this)), m_transfer(new QLineEdit(this)), m_transferButton(new QPushButton(this)),
      m_dtmf(new QLineEdit(this)), m_historyLabel(new QLabel(this)), m_history(new QListWidget(this)),
      m_agentState(new QComboBox(this)), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("CallControls"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_agentState);
    layout->addWidget(m_phone);
    QFont big = m_caller->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_caller->setFont(big);
    m_caller->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caller->setWordWrap(true);
    m_line->setWordWrap(true);
    layout->addWidget(m_caller);
    layout->addWidget(m_line);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_state, 1);
    stateRow->addWidget(m_timerLabel);
    layout->addLayout(stateRow);
    auto *buttons = new QGridLayout;
    buttons->addWidget(m_answer, 0, 0);
    buttons->addWidget(m_decline, 0, 1);
    buttons->addWidget(m_hold, 1, 0);
    buttons->addWidget(m_mute, 1, 1);
    buttons->addWidget(m_hangUp, 2, 0, 1, 2);
    layout->addLayout(buttons);
    auto *transferRow = new QHBoxLayout;
    transferRow->addWidget(m_transfer, 1);
    transferRow->addWidget(m_transferButton);
    layout->addLayout(transferRow);
    layout->addWidget(m_dtmf);
    layout->addWidget(m_historyLabel);
    layout->addWidget(m_history);
    m_history->setMaximumHeight(110);
    m_historyLabel->setBuddy(m_history);

    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &CallControls::updateTimer);
    connect(m_answer, &QPushButton::clicked, this, &CallControls::answerRequested);
    connect(m_decline, &QPushButton::clicked, this, &CallControls::declineRequested);
    connect(m_hold, &QPushButton::clicked, this, &CallControls::holdToggled);
    connect(m_mute, &QPushButton::clicked, this, &CallControls::muteToggled);
    connect(m_hangUp, &QPushButton::clicked, this, &CallControls::hangUpRequested);
    const auto transfer = [this]() {
        if (!m_transfer->text().trimmed().isEmpty()) {
            Q_EMIT transferRequested(m_transfer->text().trimmed());
        }
    };
    connect(m_transferButton, &QPushButton::clicked, this, transfer);
    connect(m_transfer, &QLineEdit::returnPressed, this, transfer);
    connect(m_dtmf, &QLineEdit::textEdited, this, [this](const QString &text) {
        // Each typed key goes out as a tone at once; the field keeps what was sent for the agent to see.
        if (!text.isEmpty()) {
            Q_EMIT dtmfRequested(text.right(1));
        }
    });
    connect(m_agentState, &QComboBox::activated, this, [this](int index) {
        if (m_updatingAgent) {
            return;
        }
        if (index == 0) {
            Q_EMIT readyRequested();
        } else {
            Q_EMIT notReadyRequested(m_agentState->itemData(index).toString());
        }
    });
    retranslateUi();
    updateButtons();
}

CallControls::~CallControls() = default;

void CallControls::showCall(const cti::Call &call)
{
    m_call = call;
    m_hasCall = true;
    if (call.isActive()) {
        m_timer->start();
    } else {
        m_timer->stop();
    }
    retranslateUi();
    updateTimer();
    updateButtons();
}

void CallControls::clearCall()
{
    m_hasCall = false;
    m_call = {};
    m_timer->stop();
    m_transfer->clear();
    m_dtmf->clear();
    m_history->clear();
    retranslateUi();
    updateTimer();
    updateButtons();
}

void CallControls::showHistory(const QList<journal::CallRecord> &calls, const QList<journal::CaseRecord> &cases,
                               const QString &note)
{
    m_history->clear();
    m_history->setAccessibleDescription(note);
    if (!note.isEmpty()) {
        m_history->addItem(note);
    }
    const QLocale locale;
    for (const journal::CaseRecord &c : cases) {
        m_history->addItem(
            tr("Open case %1: %2, due %3")
                .arg(c.caseNumber, c.serviceTitle, locale.toString(c.deadline.toLocalTime(), QLocale::ShortFormat)));
    }
    for (const journal::CallRecord &r : calls) {
        QString outcome;
        switch (r.outcome) {
        case journal::Outcome::AnsweredDirectly:
            outcome = tr("answered directly");
            break;
        case journal::Outcome::ForwardedByEmail:
            outcome = tr("forwarded (%1)").arg(r.caseNumber);
            break;
        case journal::Outcome::Appointment:
            outcome = tr("appointment");
            break;
        case journal::Outcome::None:
            outcome = tr("no outcome");
            break;
        }
        m_history->addItem(tr("%1: %2").arg(locale.toString(r.offeredAt.toLocalTime(), QLocale::ShortFormat), outcome));
    }
    if (m_history->count() == (note.isEmpty() ? 0 : 1)) {
        m_history->addItem(tr("No earlier calls from this number"));
    }
}

void CallControls::showAgentStatus(const cti::AgentStatus &status)
{
    m_updatingAgent = true;
    if (status.state == cti::AgentState::Ready) {
        m_agentState->setCurrentIndex(0);
    } else if (status.state == cti::AgentState::NotReady) {
        int index = m_agentState->findData(status.reason);
        if (index < 1) {
            index = 1;
        }
        m_agentState->setCurrentIndex(index);
    }
    m_agentState->setToolTip(cti::displayName(status.state));
    m_agentState->setAccessibleDescription(
        tr("Your availability for calls; now: %1").arg(cti::displayName(status.state)));
    m_updatingAgent = false;
    const bool busy = status.state == cti::AgentState::Talking || status.state == cti::AgentState::WrapUp;
    m_agentState->setPlaceholderText(cti::displayName(status.state));
    if (busy) {
        m_agentState->setCurrentIndex(-1); // shows the placeholder: talking / wrap-up
    }
}

void CallControls::setPhoneStatus(const QString &text)
{
    m_phone->setText(text);
    m_phone->setAccessibleName(text);
}

void CallControls::focusTransfer()
{
    m_transfer->setFocus(Qt::ShortcutFocusReason);
    m_transfer->selectAll();
}

void CallControls::setTransferTarget(const QString &target)
{
    m_transfer->setText(target);
}

QString CallControls::transferTarget() const
{
    return m_transfer->text().trimmed();
}

QString CallControls::stateText() const
{
    return m_state->text();
}

QString CallControls::callerText() const
{
    return m_caller->text();
}

QString CallControls::lineText() const
{
    return m_line->text();
}

QStringList CallControls::historyTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_history->count(); ++i) {
        texts << m_history->item(i)->text();
    }
    return texts;
}

QString CallControls::agentStateText() const
{
    return m_agentState->currentIndex() >= 0 ? m_agentState->currentText() : m_agentState->placeholderText();
}

void CallControls::updateTimer()
{
    if (!m_hasCall) {
        m_timerLabel->clear();
        return;
    }
    const qint64 now = nowUs();
    const qint64 ms = m_call.answered ? m_call.talkMs(now) : m_call.ringingMs(now);
    m_timerLabel->setText(clock(ms));
    m_timerLabel->setAccessibleName(tr("Call duration %1").arg(clock(ms)));
}

void CallControls::updateButtons()
{
    const bool active = m_hasCall && m_call.isActive();
    const bool ringing = active && m_call.state == cti::CallState::Ringing;
    const bool up = active && !ringing;
    m_answer->setEnabled(ringing);
    m_decline->setEnabled(ringing);
    m_hold->setEnabled(up);
    m_mute->setEnabled(up);
    m_hangUp->setEnabled(up);
    m_transfer->setEnabled(active);
    m_transferButton->setEnabled(active);
    m_dtmf->setEnabled(up);
}

void CallControls::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void CallControls::retranslateUi()
{
    m_updatingAgent = true;
    const int agentIndex = m_agentState->currentIndex();
    m_agentState->clear();
    m_agentState->addItem(tr("Ready"), QString());
    m_agentState->addItem(tr("Not ready: break"), QStringLiteral("Pause"));
    m_agentState->addItem(tr("Not ready: back office"), QStringLiteral("Nacharbeit"));
    m_agentState->addItem(tr("Not ready: training"), QStringLiteral("Schulung"));
    m_agentState->setCurrentIndex(agentIndex);
    m_updatingAgent = false;
    m_agentState->setAccessibleName(tr("Agent state"));
    if (m_agentState->accessibleDescription().isEmpty()) {
        m_agentState->setAccessibleDescription(tr("Your availability for calls"));
    }
    m_phone->setAccessibleDescription(tr("Telephony connection"));

    if (m_hasCall) {
        QString who = m_call.callerNumberDisplay.isEmpty() ? tr("Unknown number") : m_call.callerNumberDisplay;
        if (m_call.manual && m_call.callerNumberDisplay.isEmpty()) {
            who = tr("Call recorded by hand");
        }
        if (!m_call.callerName.isEmpty()) {
            who = tr("%1 (%2)").arg(who, m_call.callerName);
        }
        m_caller->setText(who);
        QString line = m_call.dialledNumber;
        if (!m_call.municipality.isEmpty()) {
            line = line.isEmpty() ? m_call.municipality : tr("Line %1 – %2").arg(line, m_call.municipality);
        } else if (!line.isEmpty()) {
            line = tr("Line %1").arg(line);
        }
        m_line->setText(line);
        QString state = cti::displayName(m_call.state);
        // A normal end needs no reason: "Ended: Completed" reads as "Beendet: Beendet" in German.
        if (m_call.state == cti::CallState::Ended && m_call.endReason != cti::EndReason::Completed) {
            state = tr("Ended: %1").arg(cti::displayName(m_call.endReason));
        } else if (m_call.muted) {
            state = tr("%1, muted").arg(state);
        }
        m_state->setText(state);
    } else {
        m_caller->setText(tr("No call"));
        m_line->clear();
        m_state->setText(tr("Waiting for calls"));
    }
    m_caller->setAccessibleName(tr("Caller"));
    m_caller->setAccessibleDescription(tr("Number and name of the caller"));
    m_line->setAccessibleName(tr("Line and municipality"));
    m_state->setAccessibleName(tr("Call state"));
    m_timerLabel->setAccessibleName(tr("Call duration"));

    // The keys as the desk's actions have them (CallDesk), in the language's key names ("Umschalt+F5").
    const auto button = [](QPushButton *b, const QString &text, const QList<QKeySequence> &keys,
                           const QString &description) {
        QStringList names;
        for (const QKeySequence &key : keys) {
            names << key.toString(QKeySequence::NativeText);
        }
        b->setText(text);
        b->setToolTip(QStringLiteral("%1 (%2)").arg(text, names.join(QStringLiteral(", "))));
        b->setAccessibleName(text);
        b->setAccessibleDescription(description);
    };
    button(m_answer, tr("Answer"), {QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_Return)},
           tr("Answers the ringing call"));
    button(m_decline, tr("Decline"), {QKeySequence(Qt::SHIFT | Qt::Key_F5)}, tr("Declines the ringing call"));
    button(m_hold, m_hasCall && m_call.state == cti::CallState::OnHold ? tr("Resume") : tr("Hold"),
           {QKeySequence(Qt::Key_F7)}, tr("Puts the call on hold or resumes it"));
    button(m_mute, m_hasCall && m_call.muted ? tr("Unmute") : tr("Mute"), {QKeySequence(Qt::Key_F8)},
           tr("Switches your microphone off or on"));
    button(m_hangUp, tr("Hang up"), {QKeySequence(Qt::Key_F4)}, tr("Ends the call"));
    button(m_transferButton, tr("Transfer"), {QKeySequence(Qt::Key_F9)},
           tr("Hands the call on to the number on the left"));
    m_transfer->setPlaceholderText(tr("Transfer to number…"));
    m_transfer->setAccessibleName(tr("Transfer target"));
    m_transfer->setAccessibleDescription(tr("Number of the office or colleague to hand the call on to"));
    m_dtmf->setPlaceholderText(tr("Dial tones (DTMF)…"));
    m_dtmf->setAccessibleName(tr("Dial tones"));
    m_dtmf->setAccessibleDescription(tr("Each digit typed here is sent as a tone into the call"));
    m_historyLabel->setText(tr("Earlier calls and open cases"));
    m_history->setAccessibleName(tr("Earlier calls and open cases"));
    m_history->setAccessibleDescription(tr("Earlier calls from this number with how they ended, and its open cases"));
}

} // namespace desk
