#pragma once

#include "call.h"
#include "journaltypes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;

namespace cti {
struct AgentStatus;
}

namespace desk {

// The telephony part of the caller panel: who is calling (number in national format, line/municipality, name),
// this number's earlier calls and open cases, the call's state and timer, the call controls and the agent's state.
// Always visible; the buttons only emit requests, CallDesk talks to the provider.
class CallControls final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallControls)

public:
    explicit CallControls(QWidget *parent = nullptr);
    ~CallControls() override;

    void showCall(const cti::Call &call);
    void clearCall();
    // Earlier calls and open cases of the caller; a note (e.g. "only this desk's entries") goes first.
    void showHistory(const QList<journal::CallRecord> &calls, const QList<journal::CaseRecord> &cases,
                     const QString &note = QString());
    void showAgentStatus(const cti::AgentStatus &status);
    void setPhoneStatus(const QString &text);
    void focusTransfer();
    void setTransferTarget(const QString &target);
    QString transferTarget() const;
    QString stateText() const;
    QString callerText() const;
    QString lineText() const;
    QStringList historyTexts() const;
    QString agentStateText() const;

Q_SIGNALS:
    void answerRequested();
    void declineRequested();
    void hangUpRequested();
    void holdToggled();
    void muteToggled();
    void transferRequested(const QString &target);
    void dtmfRequested(const QString &digits);
    void readyRequested();
    void notReadyRequested(const QString &reason);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateTimer();
    void updateButtons();

    QLabel *m_state;
    QLabel *m_caller;
    QLabel *m_line;
    QLabel *m_timerLabel;
    QLabel *m_phone;
    QPushButton *m_answer;
    QPushButton *m_decline;
    QPushButton *m_hold;
    QPushButton *m_mute;
    QPushButton *m_hangUp;
    QLineEdit *m_transfer;
    QPushButton *m_transferButton;
    QLineEdit *m_dtmf;
    QLabel *m_historyLabel;
    QListWidget *m_history;
    QComboBox *m_agentState;
    QTimer *m_timer;
    cti::Call m_call;
    bool m_hasCall = false;
    bool m_updatingAgent = false;
};

} // namespace desk
