#pragma once

#include "businesscalendar.h"
#include "call.h"
#include "journaltypes.h"
#include "smtpclient.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QSettings;
class QTimer;

namespace cti {
class AgentSession;
class ManualProvider;
class SipProvider;
class TelephonyProvider;
struct AgentStatus;
struct SipSettings;
} // namespace cti

namespace journal {
class JournalStore;
}

namespace appointments {
class AppointmentStore;
struct BookingRequest;
} // namespace appointments

namespace kb {
struct Article;
struct Office;
} // namespace kb

namespace outbox {
class OutboxSender;
}

namespace desk {

class AppointmentDialog;
class AppointmentsView;
class DeadlinesDialog;
class EditorialSession;
class OfficeScheduleDialog;
class CallControls;
class CasesView;
class ForwardDialog;
class OutboxView;
class DesktopNotifier;
class MainWindow;
class ServerStores;
class SharedStoreConnector;
class WrapUpPanel;

// What the desk's telephony, journal and outbox need, read from the settings (loadCallDeskConfig) or built by
// tests. Secrets (SIP and SMTP passwords) are never part of it: they come from the keychain.
struct CallDeskConfig
{
    QString journalPath;     // journal.db (calls, cases, outbox, appointments)
    bool sipEnabled = false; // off: calls are recorded by hand (cti::ManualProvider)
    QString sipUser = QStringLiteral("agent");
    QString sipDomain = QStringLiteral("127.0.0.1");
    QString sipTransport = QStringLiteral("udp");
    QString sipRegistrar; // empty: listen directly on sipPort
    QString sipTlsCaFile; // transport tls: CA (PEM) for the registrar's certificate; empty: the system's CAs
    bool sipTlsVerify = true;
    QString sipTlsCertFile; // transport tls: client certificate (PEM) for registrars that require one; empty: none
    QString sipTlsKeyFile;  // its private key (PEM); set both or neither
    int sipPort = 5060;
    bool sipUseFiles = false; // no sound card
    QString sipDataDir;       // linphone's storage; empty: beside the journal
    QString inputDevice;
    QString outputDevice;
    QString lineMap; // "0341 115-0=Leipzig; 115=Dresden"
    int wrapUpSeconds = 30;
    bool notReadyUntilOutcome = true;
    bool mailEnabled = false;
    outbox::SmtpConfig smtp; // password from the keychain
    QString fromEmail;
    QString fromName;
    QString calendarState = QStringLiteral("SN");
    QString serviceHours = QStringLiteral("Mon-Fri 08:00-18:00");
    QString agent; // empty: the login name
    int reminderCheckMs = 60000;
    bool desktopNotifications = true; // due cases also as a desktop notification (org.freedesktop.Notifications)
    int privacyRetentionDays = 30;    // caller numbers are purged at start-up after this many days
    bool privacyMask = true;          // purge masks the number (area code kept) instead of removing it
};

// Settings keys (group "Calls") for the desk's telephony and mail; the defaults are CallDeskConfig's.
CallDeskConfig loadCallDeskConfig(QSettings &settings);
void saveCallDeskConfig(QSettings &settings, const CallDeskConfig &config);
QString defaultJournalPath();

// The SIP engine's settings for this configuration (account without the password, which comes from the keychain),
// exactly as CallDesk::start() hands them to cti::SipProvider.
cti::SipSettings sipSettingsFor(const CallDeskConfig &config);
// Checks the TLS files of a SIP configuration over TLS before they reach the engine: a missing or unreadable file,
// a file that is not PEM of the expected kind, a client certificate without its private key or the other way
// round. The message names the settings field and the file. Other transports: always true (the files are unused).
bool checkSipTlsFiles(const CallDeskConfig &config, QString *error);

// The desk's calls from ring to outcome: owns the telephony provider (SIP when configured, plus a manual one for
// walk-ins), the agent session, the call journal and the outbox sender, and wires them to the caller panel's call
// controls, the wrap-up panel, the forward dialog and the open-cases view. Everything runs on the UI thread except
// the SIP engine (own process) and the SMTP sending (own thread).
class CallDesk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallDesk)

public:
    CallDesk(MainWindow *window, const CallDeskConfig &config, QObject *parent = nullptr);
    ~CallDesk() override;

    // Opens the journal, starts telephony and the outbox; offers drafts left by an earlier run.
    bool start(QString *error);

    cti::TelephonyProvider *provider() const; // SIP if configured, else the manual one
    cti::ManualProvider *manualProvider() const;
    cti::SipProvider *sipProvider() const; // nullptr without SIP
    cti::AgentSession *session() const;
    journal::JournalStore *journal() const;
    outbox::OutboxSender *outboxSender() const;
    CallControls *controls() const;
    WrapUpPanel *wrapUpPanel() const;
    CasesView *casesView() const;
    // Due cases as desktop notifications (docs/journal.md "In the desk"); tests point it at a private bus.
    DesktopNotifier *desktopNotifier() const;
    // Settings → Mail "desktop notifications": off closes the ones shown and sends no more.
    void setDesktopNotificationsEnabled(bool enabled);
    // The notification's "Open": the desk window to the front, the open-cases view with this case selected.
    void openCase(const QString &caseNumber);
    ForwardDialog *forwardDialog() const;         // the open forward form, if any
    AppointmentDialog *appointmentDialog() const; // the open booking dialog, if any
    appointments::AppointmentStore *appointments() const;
    QString lastAnnouncement() const; // the last text announced to screen readers
    QList<QAction *> actions() const;
    QString currentCallId() const;
    journal::BusinessCalendar calendar() const;
    QString outboxStatus() const;

    void showCases();
    void showOutbox();
    void showAppointments();
    AppointmentsView *appointmentsView() const;
    OutboxView *outboxView() const;
    void setSmtpPassword(const QString &password);
    // Shared mode (docs/shared-store.md "In the desk"): every committed outcome and forward is also queued as the
    // server write (journal.commit, outbox.forward); a booking is decided by the server (appointments.book, the
    // dialog waits for the answer); the views and the caller's history show the server's data while it is
    // reachable; e-mail is sent from the server's outbox only (the local sender does not run). The local journal
    // keeps the drafts and this desk's own copy. nullptr (the default): local only. Set it before start().
    void setSharedStore(SharedStoreConnector *connector);
    // How long booking (and a forward, for the server's case number) waits for the server's answer before the agent
    // is told it is queued.
    void setBookingWaitMs(int ms);
    static constexpr int DefaultBookingWaitMs = 5000;
    SharedStoreConnector *sharedStore() const;
    // Shared mode, live views: a change on the server (its NOTIFY, SharedStoreConnector::serverDataChanged) reloads
    // the open cases, outbox or appointments view it concerns, if that view is visible and shows the server; the
    // changes of LiveRefreshDelayMs are folded into one reload per view (SharedStoreConnector's own queries notify
    // too). liveRefreshCount() counts those reloads.
    static constexpr int LiveRefreshDelayMs = 200;
    int liveRefreshCount() const;

    // The catalogue's offices for the schedule dialog and, when present, who may edit schedules (team leads).
    // Without a session anyone may, and the offices are those already scheduled plus those of the article on screen.
    void setEditorialSession(EditorialSession *session);
    // Opens the office hours and capacity dialog (non-modal); nullptr when the user may not edit schedules.
    OfficeScheduleDialog *showOfficeSchedules();
    // Opens "Fristen", the forward deadline rules (non-modal); nullptr when the user may not edit them: on a desk
    // of its own only a team lead signed in to the editorial session; in shared mode the server's roles decide.
    DeadlinesDialog *showDeadlines();
    // The forward deadline rules every forward and the open-cases view use: in shared mode the server's when it is
    // reachable (the desk keeps a copy), else the desk's own copy. Reads them again.
    journal::DeadlinePolicy refreshDeadlinePolicy();
    journal::DeadlinePolicy deadlinePolicy() const; // as last read
    // Writes the committed calls offered on the local days [from, to] as CSV to path (atomically). In shared mode the
    // server's calls (all desks) while it is reachable, else this desk's own; *fromServer (if given) says which.
    bool exportJournal(const QString &path, const QDate &from, const QDate &to, QString *error,
                       bool *fromServer = nullptr) const;
    void exportJournalInteractive();

Q_SIGNALS:
    void callPopped(const cti::Call &call);
    void wrapUpOpened(const QString &journalId);
    void outcomeSaved(const QString &journalId, journal::Outcome outcome);
    void forwardCommitted(const QString &caseNumber);
    void outboxChanged(const QString &status);
    void reminderShown(const QString &caseNumber);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void finishOutcome(const journal::CallRecord &record);
    void handleCallEvent(const cti::CallEvent &event);
    void handleProviderEvent(const cti::ProviderEvent &event);
    void handleAgentStatus(const cti::AgentStatus &status);
    void connectProvider(cti::TelephonyProvider *provider);
    cti::TelephonyProvider *providerOf(const QString &callId) const;
    void popCall(const cti::Call &call);
    void openWrapUp(const cti::Call &call);
    void recordDropped(const cti::Call &call);
    void saveOutcome(journal::Outcome outcome);
    void forwardByEmail();
    void bookAppointment();
    // The booking dialog for this service (shared mode: the server's book and the server-decided booker).
    AppointmentDialog *createBookingDialog(const kb::Article &article, const QList<kb::Office> &offices,
                                           const QString &callerPhone);
    // A booking queued earlier that the server refused: a notice with the reason and "Book again".
    void showBookingRefused(const std::optional<appointments::BookingRequest> &request, const QString &reason);
    void rebookAppointment(const appointments::BookingRequest &earlier);
    void openRebookingDialog(const appointments::BookingRequest &earlier);
    bool enqueueServerWrite(const QString &kind, const QJsonObject &payload);
    // Shared mode: points the views at the server's stores (reachable) or the desk's own with the offline note;
    // reloads the open ones if asked.
    void refreshSharedSources(bool reloadVisible);
    void handleServerDataChanged(const QString &channel);
    void refreshLiveViews();
    void mirrorConfirmedBooking(const appointments::BookingRequest &request);
    // Shared mode: waits (local event loop, at most m_bookingWaitMs, not at all offline) for the server's answer to
    // the queued entry: 1 delivered, -1 refused (reason set), 0 no answer yet (stays queued).
    // A refusal is shown by the caller when showsRefusal, else by the general "refused by the server" notice.
    int awaitServerAnswer(const QString &entryId, QString *reason, bool showsRefusal);
    // Due forwarded cases: this desk's journal, or in shared mode (reachable) the server's open cases forwarded
    // under this desk's login (agent = the login name); offline this desk's own with the offline note.
    void checkReminders();
    // Cases notified this session and closed since (here, elsewhere): their notification goes.
    void followUpNotifiedCases(bool serverOnline);
    // Shows the due or (past the deadline) overdue reminder and records that step (rememberReminder).
    void remindOfCase(const journal::CaseRecord &c, const QString &note, bool fromServer, const QDateTime &now);
    // The reminder steps shown, once each per case: the desk's own cases in its journal (reminded_at,
    // overdue_reminded_at), server cases in the queue file's marks; in memory too, should the durable write fail.
    bool wasReminded(const QString &caseNumber, bool fromServer, bool overdue) const;
    void rememberReminder(const QString &caseNumber, bool fromServer, bool overdue, const QDateTime &now);
    static bool isPastDeadline(const journal::CaseRecord &c, const QDateTime &now);
    static QString reminderKey(const QString &caseNumber, bool fromServer, bool overdue);
    void resumeTrackedBookings();
    void announce(const QString &text);
    void createActions();
    void retranslate();

    MainWindow *m_window;
    CallDeskConfig m_config;
    journal::BusinessCalendar m_calendar;
    std::unique_ptr<journal::JournalStore> m_journal;
    std::unique_ptr<appointments::AppointmentStore> m_appointments;
    cti::ManualProvider *m_manual = nullptr;
    cti::SipProvider *m_sip = nullptr;
    cti::AgentSession *m_session = nullptr;
    outbox::OutboxSender *m_sender = nullptr;
    CallControls *m_controls = nullptr;
    WrapUpPanel *m_wrapUp = nullptr;
    CasesView *m_cases = nullptr;
    QLabel *m_phoneLabel = nullptr;
    QLabel *m_outboxLabel = nullptr;
    QTimer *m_reminderTimer = nullptr;
    QTimer *m_liveRefresh = nullptr; // folds the server's change notifications (LiveRefreshDelayMs)
    QSet<QString> m_changedChannels; // notified since the last live refresh
    int m_liveRefreshCount = 0;
    QString m_callId; // the provider call on screen
    QString m_outboxStatus;
    int m_outboxFailed = 0;
    QList<QAction *> m_actions;
    QAction *m_answer = nullptr;
    QAction *m_hangUp = nullptr;
    QAction *m_hold = nullptr;
    QAction *m_mute = nullptr;
    QAction *m_transfer = nullptr;
    QAction *m_ready = nullptr;
    QAction *m_notReady = nullptr;
    QAction *m_answeredDirectly = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_appointment = nullptr;
    QAction *m_addService = nullptr;
    QAction *m_casesAction = nullptr;
    QAction *m_outboxAction = nullptr;
    QAction *m_appointmentsAction = nullptr;
    QAction *m_scheduleAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_deadlinesAction = nullptr;
    journal::DeadlinePolicy m_deadlinePolicy;
    QPointer<DeadlinesDialog> m_deadlinesDialog;
    QPointer<EditorialSession> m_editorial;
    QPointer<OfficeScheduleDialog> m_scheduleDialog;
    QPointer<AppointmentsView> m_appointmentsView;
    QPointer<OutboxView> m_outboxView;
    QAction *m_decline = nullptr;
    QPointer<ForwardDialog> m_forwardDialog;
    QPointer<AppointmentDialog> m_appointmentDialog;
    QStringList m_panelServices; // handed over by the caller panel when its record ended
    QString m_panelNotes;
    bool m_endingFromProvider = false;
    qint64 m_callOfferedUs = 0;
    QString m_lastAnnouncement;
    QPointer<SharedStoreConnector> m_shared;
    std::unique_ptr<ServerStores> m_serverStores;
    QSet<QString> m_laterBookings; // queued bookings whose answer came after the dialog closed (entry ids)
    DesktopNotifier *m_notifier = nullptr;
    struct NotifiedCase
    {
        bool fromServer = false;
    };
    QHash<QString, NotifiedCase> m_notifiedCases;  // case number → reminded this session, still open
    QSet<QString> m_remindedSteps;                 // reminderKey() of the steps shown this session
    QHash<QString, QJsonObject> m_pendingBookings; // queue entry id → booking payload, mirrored when confirmed
    int m_bookingWaitMs = DefaultBookingWaitMs;
    bool m_awaitingServer = false; // an outcome waits for the server's answer: no second outcome meanwhile
};

} // namespace desk
