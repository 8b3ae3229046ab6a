#pragma once

#include <QDateTime>
#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace desk {

// Left-hand part of the desk: who is calling. Until telephony lands it shows "No call" and lets the agent
// start a call record by hand; the record collects the services opened during the call and free notes.
// The telephony integration will drive the same states through startCall()/endCall().
class CallerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallerPanel)

public:
    explicit CallerPanel(QWidget *parent = nullptr);
    ~CallerPanel() override;

    bool isInCall() const;
    // `caller` is what telephony knows (number or name); empty for a record started by hand.
    void startCall(const QString &caller = QString());
    void endCall();
    void toggleCall();
    void noteArticleViewed(const QString &id, const QString &title);
    QStringList viewedArticleIds() const;
    // Telephony (CallDesk): the call controls go on top, the wrap-up panel below the notes; the hand-record hint
    // gives way to them.
    void attachTelephony(QWidget *controls, QWidget *wrapUp);

Q_SIGNALS:
    void callStarted(const QDateTime &startedAt);
    void callEnded(const QDateTime &startedAt, const QDateTime &endedAt, const QStringList &articleIds,
                   const QString &notes);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateElapsed();

    QLabel *m_state;
    QLabel *m_caller;
    QLabel *m_elapsed;
    QPushButton *m_callButton;
    QLabel *m_viewedLabel;
    QListWidget *m_viewed;
    QLabel *m_notesLabel;
    QPlainTextEdit *m_notes;
    QTimer *m_timer;
    QDateTime m_startedAt;
    QString m_callerText;
    QStringList m_viewedIds;
    bool m_telephony = false;
};

} // namespace desk
