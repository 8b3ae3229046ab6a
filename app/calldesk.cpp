#include "calldesk.h"

#include "agentsession.h"
#include "appointmentdialog.h"
#include "appointmentqueue.h"
#include "appointmentstore.h"
#include "appointmentsview.h"
#include "articleview.h"
#include "callcontrols.h"
#include "callerpanel.h"
#include "callsettingspages.h"
#include "casesview.h"
#include "deadlinesdialog.h"
#include "desktopnotifier.h"
#include "defaultcatalogue.h"
#include "editorialsession.h"
#include "forwarddialog.h"
#include "journalqueue.h"
#include "journalstore.h"
#ifdef HOTLINE_HAVE_OUTBOX_KEYCHAIN
#include "keychainpasswordstore.h"
#endif
#include "mainwindow.h"
#include "officescheduledialog.h"
#include "manualprovider.h"
#include "outboxsender.h"
#include "outboxstore.h"
#include "outboxview.h"
#include "secretstore.h"
#include "serverstores.h"
#include "store.h"
#include "sharedstoreconnector.h"
#include "sipprovider.h"
#include "wrapuppanel.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include <QAccessible>
#include <QAction>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QEventLoop>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace desk {

namespace {

Q_LOGGING_CATEGORY(lcReminders, "hotline.desk.reminders", QtInfoMsg)

// The queue file's marks of the server cases this desk has reminded of (WriteQueue::setMarked).
constexpr char RemindedServerCaseScope[] = "reminded.server-case";
// … and of those it has reminded of as overdue (the second step, once per desk too).
constexpr char OverdueRemindedServerCaseScope[] = "reminded-overdue.server-case";
constexpr int UntilOutcomeMs = 24 * 3600 * 1000; // "not ready until an outcome is saved": wrap-up never times out
const QString KeychainService = QStringLiteral("hotline-desk");

QDateTime fromUs(qint64 us)
{
    return us > 0 ? QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC) : QDateTime();
}

QString agentName(const QString &configured)
{
    if (!configured.isEmpty()) {
        return configured;
    }
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("agent") : user;
}

} // namespace

QString defaultJournalPath()
{
    // Beside the catalogue in the app data folder.
    return QFileInfo(kb::defaultDatabasePath()).absolutePath() + QStringLiteral("/journal.db");
}

CallDeskConfig loadCallDeskConfig(QSettings &s)
{
    CallDeskConfig c;
    s.beginGroup(QStringLiteral("Calls"));
    c.journalPath = s.value(QStringLiteral("journalPath"), defaultJournalPath()).toString();
    c.sipEnabled = s.value(QStringLiteral("sip/enabled"), c.sipEnabled).toBool();
    c.sipUser = s.value(QStringLiteral("sip/user"), c.sipUser).toString();
    c.sipDomain = s.value(QStringLiteral("sip/domain"), c.sipDomain).toString();
    c.sipTransport = s.value(QStringLiteral("sip/transport"), c.sipTransport).toString();
    c.sipRegistrar = s.value(QStringLiteral("sip/registrar"), c.sipRegistrar).toString();
    c.sipTlsCaFile = s.value(QStringLiteral("sip/tlsCaFile")).toString();
    c.sipTlsVerify = s.value(QStringLiteral("sip/tlsVerify"), c.sipTlsVerify).toBool();
    c.sipTlsCertFile = s.value(QStringLiteral("sip/tlsCertFile")).toString();
    c.sipTlsKeyFile = s.value(QStringLiteral("sip/tlsKeyFile")).toString();
    c.sipPort = s.value(QStringLiteral("sip/port"), c.sipPort).toInt();
    c.sipUseFiles = s.value(QStringLiteral("sip/useFiles"), c.sipUseFiles).toBool();
    c.inputDevice = s.value(QStringLiteral("sip/inputDevice")).toString();
    c.outputDevice = s.value(QStringLiteral("sip/outputDevice")).toString();
    c.lineMap = s.value(QStringLiteral("sip/lineMap")).toString();
    c.wrapUpSeconds = s.value(QStringLiteral("wrapUpSeconds"), c.wrapUpSeconds).toInt();
    c.notReadyUntilOutcome = s.value(QStringLiteral("notReadyUntilOutcome"), c.notReadyUntilOutcome).toBool();
    c.mailEnabled = s.value(QStringLiteral("mail/enabled"), c.mailEnabled).toBool();
    c.smtp.host = s.value(QStringLiteral("mail/host"), c.smtp.host).toString();
    c.smtp.port = s.value(QStringLiteral("mail/port"), c.smtp.port).toInt();
    const QString security = s.value(QStringLiteral("mail/security"), QStringLiteral("starttls")).toString();
    c.smtp.security = security == QLatin1String("none")  ? outbox::SmtpConfig::Security::None
                      : security == QLatin1String("tls") ? outbox::SmtpConfig::Security::Tls
                                                         : outbox::SmtpConfig::Security::StartTls;
    c.smtp.user = s.value(QStringLiteral("mail/user")).toString();
    c.fromEmail = s.value(QStringLiteral("mail/fromEmail")).toString();
    c.fromName = s.value(QStringLiteral("mail/fromName")).toString();
    c.calendarState = s.value(QStringLiteral("calendar/state"), c.calendarState).toString();
    c.serviceHours = s.value(QStringLiteral("calendar/serviceHours"), c.serviceHours).toString();
    c.agent = s.value(QStringLiteral("agent")).toString();
    c.privacyRetentionDays =
        std::clamp(s.value(QStringLiteral("privacy/retentionDays"), c.privacyRetentionDays).toInt(), 1, 3650);
    c.privacyMask =
        s.value(QStringLiteral("privacy/mode"), QStringLiteral("mask")).toString() != QLatin1String("remove");
    c.desktopNotifications = s.value(QStringLiteral("notifications/desktop"), c.desktopNotifications).toBool();
    s.endGroup();
    return c;
}

void saveCallDeskConfig(QSettings &s, const CallDeskConfig &c)
{
    s.beginGroup(QStringLiteral("Calls"));
    s.setValue(QStringLiteral("journalPath"), c.journalPath);
    s.setValue(QStringLiteral("sip/enabled"), c.sipEnabled);
    s.setValue(QStringLiteral("sip/user"), c.sipUser);
    s.setValue(QStringLiteral("sip/domain"), c.sipDomain);
    s.setValue(QStringLiteral("sip/transport"), c.sipTransport);
    s.setValue(QStringLiteral("sip/registrar"), c.sipRegistrar);
    s.setValue(QStringLiteral("sip/tlsCaFile"), c.sipTlsCaFile);
    s.setValue(QStringLiteral("sip/tlsVerify"), c.sipTlsVerify);
    s.setValue(QStringLiteral("sip/tlsCertFile"), c.sipTlsCertFile);
    s.setValue(QStringLiteral("sip/tlsKeyFile"), c.sipTlsKeyFile);
    s.setValue(QStringLiteral("sip/port"), c.sipPort);
    s.setValue(QStringLiteral("sip/useFiles"), c.sipUseFiles);
    s.setValue(QStringLiteral("sip/inputDevice"), c.inputDevice);
    s.setValue(QStringLiteral("sip/outputDevice"), c.outputDevice);
    s.setValue(QStringLiteral("sip/lineMap"), c.lineMap);
    s.setValue(QStringLiteral("wrapUpSeconds"), c.wrapUpSeconds);
    s.setValue(QStringLiteral("notReadyUntilOutcome"), c.notReadyUntilOutcome);
    s.setValue(QStringLiteral("mail/enabled"), c.mailEnabled);
    s.setValue(QStringLiteral("mail/host"), c.smtp.host);
    s.setValue(QStringLiteral("mail/port"), c.smtp.port);
    s.setValue(QStringLiteral("mail/security"),
               c.smtp.security == outbox::SmtpConfig::Security::None  ? QStringLiteral("none")
               : c.smtp.security == outbox::SmtpConfig::Security::Tls ? QStringLiteral("tls")
                                                                      : QStringLiteral("starttls"));
    s.setValue(QStringLiteral("mail/user"), c.smtp.user);
    s.setValue(QStringLiteral("mail/fromEmail"), c.fromEmail);
    s.setValue(QStringLiteral("mail/fromName"), c.fromName);
    s.setValue(QStringLiteral("calendar/state"), c.calendarState);
    s.setValue(QStringLiteral("calendar/serviceHours"), c.serviceHours);
    s.setValue(QStringLiteral("agent"), c.agent);
    s.setValue(QStringLiteral("privacy/retentionDays"), c.privacyRetentionDays);
    s.setValue(QStringLiteral("privacy/mode"), c.privacyMask ? QStringLiteral("mask") : QStringLiteral("remove"));
    s.setValue(QStringLiteral("notifications/desktop"), c.desktopNotifications);
    s.endGroup();
}

cti::SipSettings sipSettingsFor(const CallDeskConfig &config)
{
    cti::SipSettings s;
    s.account.user = config.sipUser;
    s.account.domain = config.sipDomain;
    cti::parseTransport(config.sipTransport, &s.account.transport);
    s.account.registrar = config.sipRegistrar;
    s.account.tlsCaFile = config.sipTlsCaFile;
    s.account.tlsVerify = config.sipTlsVerify;
    s.account.tlsCertFile = config.sipTlsCertFile;
    s.account.tlsKeyFile = config.sipTlsKeyFile;
    s.account.port = config.sipPort;
    s.dataDir = config.sipDataDir.isEmpty() ? QFileInfo(config.journalPath).absolutePath() + QStringLiteral("/sip")
                                            : config.sipDataDir;
    s.useFiles = config.sipUseFiles;
    s.inputDevice = config.inputDevice;
    s.outputDevice = config.outputDevice;
    for (const QString &pair : config.lineMap.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq > 0) {
            s.lineMap.insert(pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed());
        }
    }
    return s;
}

bool checkSipTlsFiles(const CallDeskConfig &config, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error) {
            *error = message;
        }
        return false;
    };
    if (config.sipTransport != QLatin1String("tls")) {
        return true;
    }
    const QString certField = CallDesk::tr("Client certificate");
    const QString keyField = CallDesk::tr("Private key");
    if (!config.sipTlsCertFile.isEmpty() && config.sipTlsKeyFile.isEmpty()) {
        return fail(CallDesk::tr("%1: the client certificate \"%2\" needs its private key. Choose the key file under "
                                 "\"%3\" or clear the certificate.")
                        .arg(keyField, config.sipTlsCertFile, keyField));
    }
    if (config.sipTlsCertFile.isEmpty() && !config.sipTlsKeyFile.isEmpty()) {
        return fail(CallDesk::tr("%1: the private key \"%2\" needs its client certificate. Choose the certificate "
                                 "file under \"%3\" or clear the key.")
                        .arg(certField, config.sipTlsKeyFile, certField));
    }
    enum class Pem { Certificate, Key };
    const QList<std::tuple<QString, QString, Pem>> files = {
        {config.sipTlsCaFile, CallDesk::tr("TLS CA file"), Pem::Certificate},
        {config.sipTlsCertFile, certField, Pem::Certificate},
        {config.sipTlsKeyFile, keyField, Pem::Key}};
    for (const auto &[path, field, kind] : files) {
        if (path.isEmpty()) {
            continue;
        }
        QFile file(path);
        if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) {
            return fail(CallDesk::tr("%1: the file \"%2\" does not exist or cannot be read.").arg(field, path));
        }
        const QByteArray head = file.read(256 * 1024);
        if (kind == Pem::Certificate && !head.contains("-----BEGIN CERTIFICATE-----")) {
            return fail(CallDesk::tr("%1: the file \"%2\" holds no certificate in PEM format (-----BEGIN "
                                     "CERTIFICATE-----).")
                            .arg(field, path));
        }
        if (kind == Pem::Key) {
            if (!head.contains("PRIVATE KEY-----")) {
                return fail(CallDesk::tr("%1: the file \"%2\" holds no private key in PEM format (-----BEGIN "
                                         "PRIVATE KEY-----).")
                                .arg(field, path));
            }
            if (head.contains("ENCRYPTED")) {
                return fail(CallDesk::tr("%1: the private key \"%2\" is protected by a passphrase, which the SIP "
                                         "engine cannot ask for. Use an unencrypted key readable only by you.")
                                .arg(field, path));
            }
        }
    }
    return true;
}

CallDesk::CallDesk(MainWindow *window, const CallDeskConfig &config, QObject *parent)
    : QObject(parent), m_window(window), m_config(config), m_phoneLabel(new QLabel(window)),
      m_outboxLabel(new QLabel(window)), m_reminderTimer(new QTimer(this))
{
    cti::registerMetaTypes();
    m_config.agent = agentName(m_config.agent);
    journal::GermanState state = journal::GermanState::SN;
    if (journal::stateFromCode(m_config.calendarState, &state)) {
        m_calendar.setState(state);
    }
    QString hoursError;
    if (!m_config.serviceHours.isEmpty() && !m_calendar.setServiceHoursFromString(m_config.serviceHours, &hoursError)) {
        qWarning("Service hours \"%s\" ignored: %s", qPrintable(m_config.serviceHours), qPrintable(hoursError));
    }

    m_controls = new CallControls(window->callerPanel());
    m_wrapUp = new WrapUpPanel(window->callerPanel());
    window->callerPanel()->attachTelephony(m_controls, m_wrapUp);
    window->statusBar()->addPermanentWidget(m_phoneLabel);
    window->statusBar()->addPermanentWidget(m_outboxLabel);
    m_outboxLabel->hide();
    m_outboxLabel->setCursor(Qt::PointingHandCursor);
    m_outboxLabel->installEventFilter(this);

    connect(m_controls, &CallControls::answerRequested, this, [this]() {
        if (auto *p = providerOf(m_callId)) {
            p->answer(m_callId);
        }
    });
    connect(m_controls, &CallControls::declineRequested, this, [this]() {
        if (auto *p = providerOf(m_callId)) {
            p->decline(m_callId);
        }
    });
    connect(m_controls, &CallControls::hangUpRequested, this, [this]() {
        if (auto *p = providerOf(m_callId)) {
            p->hangUp(m_callId);
        }
    });
    connect(m_controls, &CallControls::holdToggled, this, [this]() {
        auto *p = providerOf(m_callId);
        if (!p) {
            return;
        }
        for (const cti::Call &c : p->activeCalls()) {
            if (c.id == m_callId) {
                c.state == cti::CallState::OnHold ? p->resume(m_callId) : p->hold(m_callId);
            }
        }
    });
    connect(m_controls, &CallControls::muteToggled, this, [this]() {
        auto *p = providerOf(m_callId);
        if (!p) {
            return;
        }
        for (const cti::Call &c : p->activeCalls()) {
            if (c.id == m_callId) {
                p->setMuted(m_callId, !c.muted);
            }
        }
    });
    connect(m_controls, &CallControls::transferRequested, this, [this](const QString &target) {
        QString error;
        auto *p = providerOf(m_callId);
        if (p && !p->transfer(m_callId, target, &error)) {
            m_window->statusBar()->showMessage(tr("Transfer failed: %1").arg(error), 10000);
        }
    });
    connect(m_controls, &CallControls::dtmfRequested, this, [this](const QString &digits) {
        if (auto *p = providerOf(m_callId)) {
            p->sendDtmf(m_callId, digits);
        }
    });
    connect(m_controls, &CallControls::readyRequested, this, [this]() {
        if (m_session) {
            m_session->setReady();
        }
    });
    connect(m_controls, &CallControls::notReadyRequested, this, [this](const QString &reason) {
        if (m_session) {
            m_session->setNotReady(reason);
        }
    });
    connect(m_wrapUp, &WrapUpPanel::changed, this, [this]() {
        journal::CallRecord r = m_wrapUp->record();
        QString error;
        if (!r.id.isEmpty() && m_journal && !m_journal->saveDraft(r, &error)) {
            m_wrapUp->setMessage(tr("The draft could not be saved: %1").arg(error));
        }
    });
    connect(m_wrapUp, &WrapUpPanel::outcomeChosen, this, &CallDesk::saveOutcome);

    // A record started by hand (Ctrl+N) is a manual call; ending the record ends whichever call is on screen.
    CallerPanel *panel = window->callerPanel();
    connect(panel, &CallerPanel::callStarted, this, [this]() {
        if (m_callId.isEmpty() && m_manual) {
            m_callId = m_manual->startCall(QString());
        }
    });
    connect(panel, &CallerPanel::callEnded, this,
            [this](const QDateTime &, const QDateTime &, const QStringList &ids, const QString &notes) {
                m_panelServices = ids;
                m_panelNotes = notes;
                if (!m_endingFromProvider && !m_callId.isEmpty()) {
                    if (auto *p = providerOf(m_callId)) {
                        p->hangUp(m_callId);
                    }
                }
            });

    m_reminderTimer->setInterval(m_config.reminderCheckMs);
    connect(m_reminderTimer, &QTimer::timeout, this, &CallDesk::checkReminders);
    m_notifier = new DesktopNotifier(this);
    m_notifier->setEnabled(m_config.desktopNotifications);
    connect(m_notifier, &DesktopNotifier::activated, this, &CallDesk::openCase);
    connect(window, &MainWindow::settingsSaved, this, [this]() {
        QSettings settings;
        setDesktopNotificationsEnabled(loadCallDeskConfig(settings).desktopNotifications);
    });
    m_liveRefresh = new QTimer(this);
    m_liveRefresh->setSingleShot(true);
    m_liveRefresh->setInterval(LiveRefreshDelayMs);
    connect(m_liveRefresh, &QTimer::timeout, this, &CallDesk::refreshLiveViews);
    createActions();
    window->installEventFilter(this);
    retranslate();
}

CallDesk::~CallDesk()
{
    if (m_sender) {
        m_sender->stop();
    }
    // The views read the stores, which go with this object; the window they are parented to may outlive it.
    delete m_forwardDialog;
    delete m_appointmentDialog;
    delete m_cases;
    delete m_outboxView;
    delete m_appointmentsView;
    delete m_scheduleDialog;
    delete m_deadlinesDialog;
}

bool CallDesk::start(QString *error)
{
    QDir().mkpath(QFileInfo(m_config.journalPath).absolutePath());
    m_journal = journal::JournalStore::open(m_config.journalPath, error);
    if (!m_journal) {
        return false;
    }
    m_appointments = appointments::AppointmentStore::open(m_config.journalPath, error);
    if (!m_appointments) {
        return false;
    }
    m_appointments->setCalendar(m_calendar);
    // Privacy: caller numbers and citizens' details older than the retention time go at every start.
    journal::PrivacySettings privacy = m_journal->privacy();
    privacy.retentionDays = std::max(1, m_config.privacyRetentionDays);
    privacy.mode =
        m_config.privacyMask ? journal::PrivacySettings::PurgeMode::Mask : journal::PrivacySettings::PurgeMode::Remove;
    m_journal->setPrivacy(privacy);
    QString purgeError;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_journal->purgeCallerData(now, &purgeError) < 0 ||
        m_appointments->purgePersonalData(now.addDays(-m_journal->privacy().retentionDays), &purgeError) < 0) {
        qWarning("Privacy purge failed: %s", qPrintable(purgeError));
    }
    m_cases = new CasesView(m_journal.get(), m_calendar, m_window);
    connect(m_cases, &CasesView::caseClosed, this, [this](const QString &caseNumber) {
        m_notifiedCases.remove(caseNumber);
        m_notifier->close(caseNumber);
    });
    refreshDeadlinePolicy();

    m_manual = new cti::ManualProvider({}, nullptr, this);
    connectProvider(m_manual);
    m_manual->start(nullptr);

    if (m_config.sipEnabled) {
        cti::SipSettings s = sipSettingsFor(m_config);
        QDir().mkpath(s.dataDir);
        const auto startSip = [this](cti::SipSettings settings) {
            m_sip = new cti::SipProvider(settings, nullptr, this);
            connectProvider(m_sip);
            m_session = new cti::AgentSession(m_sip, nullptr, this);
            connect(m_session, &cti::AgentSession::statusChanged, this, &CallDesk::handleAgentStatus);
            m_session->setWrapUpMs(m_config.notReadyUntilOutcome ? UntilOutcomeMs : m_config.wrapUpSeconds * 1000);
            QString sipError; // files the engine cannot use are refused here with the settings field's name
            if (!checkSipTlsFiles(m_config, &sipError) || !m_sip->start(&sipError)) {
                m_controls->setPhoneStatus(tr("Telephony unavailable: %1").arg(sipError));
            }
            m_session->setReady();
        };
        if (s.account.registrar.isEmpty()) {
            startSip(s); // listening directly: no account password needed
        } else {
            cti::SecretStore::readSecret(KeychainService,
                                         cti::SecretStore::sipAccountKey(s.account.user, s.account.domain), this,
                                         [s, startSip](bool, const QString &secret, const QString &) mutable {
                                             s.account.password = secret;
                                             startSip(s);
                                         });
        }
    } else {
        m_session = new cti::AgentSession(m_manual, nullptr, this);
        connect(m_session, &cti::AgentSession::statusChanged, this, &CallDesk::handleAgentStatus);
        m_session->setWrapUpMs(m_config.notReadyUntilOutcome ? UntilOutcomeMs : m_config.wrapUpSeconds * 1000);
        m_session->setReady();
        m_controls->setPhoneStatus(tr("No telephony: record calls by hand (Ctrl+N)"));
    }

    // Shared mode: forwards and confirmations are e-mailed from the server's outbox (one sender for all desks);
    // the desk's own outbox keeps its copies and is never sent from here, so no message goes out twice.
    if (m_config.mailEnabled && !m_shared) {
        m_sender = new outbox::OutboxSender(m_config.journalPath, m_config.smtp, {}, this);
        connect(m_sender, &outbox::OutboxSender::messageSent, this, [this](const QString &, const QString &ref) {
            m_outboxStatus = tr("E-mail sent: %1").arg(ref);
            m_outboxLabel->setText(m_outboxFailed > 0 ? tr("%n e-mail(s) failed", nullptr, m_outboxFailed)
                                                      : tr("Outbox: all sent"));
            m_outboxLabel->show();
            if (m_outboxView) {
                m_outboxView->reload();
            }
            Q_EMIT outboxChanged(m_outboxStatus);
        });
        connect(m_sender, &outbox::OutboxSender::messageDeferred, this,
                [this](const QString &, const QString &ref, const QString &reply, const QDateTime &next) {
                    m_outboxStatus =
                        tr("E-mail %1 not sent yet, retry at %2: %3")
                            .arg(ref, QLocale().toString(next.toLocalTime().time(), QLocale::ShortFormat), reply);
                    m_outboxLabel->setText(tr("Outbox: waiting to retry"));
                    m_outboxLabel->setToolTip(m_outboxStatus);
                    m_outboxLabel->show();
                    Q_EMIT outboxChanged(m_outboxStatus);
                });
        connect(m_sender, &outbox::OutboxSender::messageFailed, this,
                [this](const QString &, const QString &ref, int code, const QString &reply) {
                    ++m_outboxFailed;
                    m_outboxStatus = tr("E-mail %1 failed (%2): %3").arg(ref).arg(code).arg(reply);
                    m_outboxLabel->setText(tr("%n e-mail(s) failed", nullptr, m_outboxFailed));
                    m_outboxLabel->setToolTip(m_outboxStatus);
                    m_outboxLabel->show();
                    m_window->statusBar()->showMessage(m_outboxStatus, 30000);
                    announce(m_outboxStatus);
                    if (m_outboxView) {
                        m_outboxView->reload();
                    }
                    Q_EMIT outboxChanged(m_outboxStatus);
                });
        connect(m_sender, &outbox::OutboxSender::errorOccurred, this, [this](const QString &e) {
            m_outboxStatus = tr("Outbox problem: %1").arg(e);
            m_outboxLabel->setText(tr("Outbox problem"));
            m_outboxLabel->setToolTip(m_outboxStatus);
            m_outboxLabel->show();
            Q_EMIT outboxChanged(m_outboxStatus);
        });
#ifdef HOTLINE_HAVE_OUTBOX_KEYCHAIN
        if (!m_config.smtp.user.isEmpty() && m_config.smtp.password.isEmpty()) {
            auto *keychain = new outbox::KeychainPasswordStore(QStringLiteral("Hotline Desk SMTP"), this);
            connect(keychain, &outbox::KeychainPasswordStore::passwordRead, m_sender,
                    [this](const QString &, const QString &password) { m_sender->setPassword(password); });
            keychain->read(m_config.smtp.user);
        }
#endif
        m_sender->start();
    }

    // Drafts left by a crash or kill: offered again at once, the oldest first.
    const QList<journal::CallRecord> drafts = m_journal->pendingDrafts();
    if (!drafts.isEmpty()) {
        QHash<QString, QString> titles;
        m_wrapUp->open(drafts.first(), titles);
        m_wrapUp->setMessage(
            tr("%n unsaved wrap-up(s) from an earlier session: please finish this one.", nullptr, int(drafts.size())));
        if (m_session) {
            m_session->setNotReady(tr("Wrap-up"));
        }
    }
    m_reminderTimer->start();
    checkReminders();
    resumeTrackedBookings(); // bookings queued before a restart (otherwise when the queue file is open: started)
    return true;
}

cti::TelephonyProvider *CallDesk::provider() const
{
    return m_sip ? static_cast<cti::TelephonyProvider *>(m_sip) : m_manual;
}

cti::ManualProvider *CallDesk::manualProvider() const
{
    return m_manual;
}

cti::SipProvider *CallDesk::sipProvider() const
{
    return m_sip;
}

cti::AgentSession *CallDesk::session() const
{
    return m_session;
}

journal::JournalStore *CallDesk::journal() const
{
    return m_journal.get();
}

outbox::OutboxSender *CallDesk::outboxSender() const
{
    return m_sender;
}

CallControls *CallDesk::controls() const
{
    return m_controls;
}

WrapUpPanel *CallDesk::wrapUpPanel() const
{
    return m_wrapUp;
}

CasesView *CallDesk::casesView() const
{
    return m_cases;
}

ForwardDialog *CallDesk::forwardDialog() const
{
    return m_forwardDialog;
}

QList<QAction *> CallDesk::actions() const
{
    return m_actions;
}

QString CallDesk::currentCallId() const
{
    return m_callId;
}

journal::BusinessCalendar CallDesk::calendar() const
{
    return m_calendar;
}

QString CallDesk::outboxStatus() const
{
    return m_outboxStatus;
}

void CallDesk::showCases()
{
    if (!m_cases) {
        return;
    }
    refreshSharedSources(false);
    refreshDeadlinePolicy();
    m_cases->reload();
    m_cases->show();
    m_cases->raise();
    m_cases->activateWindow();
    m_cases->searchEdit()->setFocus(Qt::ShortcutFocusReason);
}

DesktopNotifier *CallDesk::desktopNotifier() const
{
    return m_notifier;
}

void CallDesk::setDesktopNotificationsEnabled(bool enabled)
{
    m_config.desktopNotifications = enabled;
    m_notifier->setEnabled(enabled);
}

void CallDesk::openCase(const QString &caseNumber)
{
    if (!m_cases) {
        return;
    }
    // The agent asked for it from the notification: the desk comes to the front, even from minimised.
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    showCases();
    m_cases->showCase(caseNumber);
}

void CallDesk::showOutbox()
{
    if (!m_journal) {
        return;
    }
    if (!m_outboxView) {
        m_outboxView = new OutboxView(m_config.journalPath, m_window);
        connect(m_outboxView, &OutboxView::retried, this, [this]() {
            if (m_sender) {
                m_sender->wake();
            }
            m_outboxFailed = std::max(0, m_outboxFailed - 1);
        });
    }
    refreshSharedSources(false);
    m_outboxView->reload();
    m_outboxView->show();
    m_outboxView->raise();
    m_outboxView->activateWindow();
}

void CallDesk::showAppointments()
{
    if (!m_appointments) {
        return;
    }
    if (!m_appointmentsView) {
        appointments::Confirmation confirmation;
        confirmation.fromEmail = m_config.fromEmail;
        confirmation.fromName = m_config.fromName;
        m_appointmentsView = new AppointmentsView(m_appointments.get(), confirmation, m_window);
        connect(m_appointmentsView, &AppointmentsView::changed, this, [this]() {
            if (m_sender) {
                m_sender->wake();
            }
        });
    }
    refreshSharedSources(false);
    m_appointmentsView->reload();
    m_appointmentsView->show();
    m_appointmentsView->raise();
    m_appointmentsView->activateWindow();
}

AppointmentsView *CallDesk::appointmentsView() const
{
    return m_appointmentsView;
}

OutboxView *CallDesk::outboxView() const
{
    return m_outboxView;
}

void CallDesk::setSmtpPassword(const QString &password)
{
    if (m_sender) {
        m_sender->setPassword(password);
    }
}

void CallDesk::connectProvider(cti::TelephonyProvider *provider)
{
    connect(provider, &cti::TelephonyProvider::callEventOccurred, this, &CallDesk::handleCallEvent);
    connect(provider, &cti::TelephonyProvider::providerEventOccurred, this, &CallDesk::handleProviderEvent);
}

cti::TelephonyProvider *CallDesk::providerOf(const QString &callId) const
{
    if (callId.isEmpty()) {
        return nullptr;
    }
    if (callId.startsWith(QLatin1String("manual-"))) {
        return m_manual;
    }
    return m_sip;
}

void CallDesk::handleCallEvent(const cti::CallEvent &event)
{
    const cti::Call &call = event.call;
    if (event.type == cti::CallEventType::Refused) {
        return; // turned away with 486 while not ready: no pop
    }
    if (m_callId.isEmpty() && call.isActive()) {
        popCall(call);
    }
    if (call.id != m_callId) {
        return;
    }
    m_controls->showCall(call);
    if (event.type == cti::CallEventType::Answered && !m_window->callerPanel()->isInCall()) {
        m_window->callerPanel()->startCall(call.callerNumberDisplay);
    }
    if (event.type == cti::CallEventType::Ended) {
        openWrapUp(call);
    }
}

void CallDesk::popCall(const cti::Call &call)
{
    m_callId = call.id;
    m_callOfferedUs = call.startedUs;
    m_controls->showCall(call);
    QList<journal::CallRecord> earlier;
    QList<journal::CaseRecord> cases;
    QString note;
    if (m_journal && !call.callerNumber.isEmpty()) {
        journal::JournalStore *source = m_journal.get();
        std::shared_ptr<journal::JournalStore> server;
        QString error;
        if (m_serverStores && m_serverStores->open(&error)) {
            server = m_serverStores->journal(); // every desk's calls and cases of this number
            source = server.get();
        } else if (m_serverStores) {
            note = ServerStores::offlineNote();
        }
        earlier = source->callsOfNumber(call.callerNumber, 10);
        cases = source->openCasesOfNumber(call.callerNumber);
    }
    m_controls->showHistory(earlier, cases, note);
    if (call.state == cti::CallState::Ringing) {
        const QString who = call.callerNumberDisplay.isEmpty() ? tr("unknown number") : call.callerNumberDisplay;
        const QString text = call.municipality.isEmpty()
                                 ? tr("Incoming call from %1").arg(who)
                                 : tr("Incoming call from %1 on the %2 line").arg(who, call.municipality);
        announce(note.isEmpty() ? text : text + QStringLiteral(". ") + note);
        m_window->raise();
    }
    Q_EMIT callPopped(call);
}

void CallDesk::openWrapUp(const cti::Call &call)
{
    CallerPanel *panel = m_window->callerPanel();
    m_panelServices.clear();
    m_panelNotes.clear();
    if (panel->isInCall()) {
        m_endingFromProvider = true;
        panel->endCall(); // hands over the services viewed and the notes (callEnded)
        m_endingFromProvider = false;
    }
    m_callId.clear();
    if (!call.answered && call.endReason != cti::EndReason::Dropped) {
        // Missed, declined or refused: nothing was said, so nothing to wrap up.
        m_controls->clearCall();
        const QString who = call.callerNumberDisplay.isEmpty() ? tr("unknown number") : call.callerNumberDisplay;
        m_window->statusBar()->showMessage(tr("%1 call from %2").arg(cti::displayName(call.endReason), who), 15000);
        if (m_session && m_session->status().state == cti::AgentState::WrapUp) {
            m_session->finishWrapUp();
        }
        return;
    }
    m_controls->showCall(call);

    journal::CallRecord r;
    r.offeredAt = fromUs(call.startedUs);
    r.answeredAt = fromUs(call.answeredUs);
    r.endedAt = fromUs(call.endedUs);
    r.callerNumber = call.callerNumber;
    r.line = call.dialledNumber;
    r.municipality = call.municipality;
    r.agent = m_config.agent;
    QHash<QString, QString> titles;
    // The article on screen is proposed first, then the others viewed during the call.
    const ArticleView *view = m_window->articleView();
    if (view->hasArticle()) {
        r.serviceIds << view->article().id;
        titles.insert(view->article().id, view->article().title);
    }
    for (const QString &id : std::as_const(m_panelServices)) {
        if (!r.serviceIds.contains(id)) {
            r.serviceIds << id;
        }
    }
    r.notes = m_panelNotes;
    if (call.endReason == cti::EndReason::Dropped) {
        r.notes = tr("Call dropped (the phone engine restarted).") +
                  (r.notes.isEmpty() ? QString() : QStringLiteral("\n") + r.notes);
    }
    QString error;
    if (!m_journal->saveDraft(r, &error)) {
        m_window->statusBar()->showMessage(tr("The call could not be recorded: %1").arg(error), 30000);
    }
    m_wrapUp->open(r, titles);
    if (call.endReason == cti::EndReason::Dropped) {
        m_wrapUp->setMessage(tr("The call was lost when the phone engine restarted. Please record what you can."));
    }
    announce(tr("Call ended. Wrap-up: Alt+1 answered directly, Alt+2 forward by e-mail, Alt+3 appointment."));
    Q_EMIT wrapUpOpened(r.id);
}

void CallDesk::saveOutcome(journal::Outcome outcome)
{
    if (!m_wrapUp->isOpen() || !m_journal || m_awaitingServer) {
        return;
    }
    if (outcome == journal::Outcome::ForwardedByEmail) {
        forwardByEmail();
        return;
    }
    if (outcome == journal::Outcome::Appointment) {
        bookAppointment();
        return;
    }
    journal::CallRecord r = m_wrapUp->record();
    r.outcome = outcome;
    QString error;
    if (!m_journal->commitCall(r, &error)) {
        m_wrapUp->setMessage(tr("Not saved: %1").arg(error));
        return;
    }
    enqueueServerWrite(QString::fromLatin1(journal::serverwrite::CommitCall), journal::commitPayload(r));
    finishOutcome(r);
}

void CallDesk::finishOutcome(const journal::CallRecord &record)
{
    m_wrapUp->close();
    m_controls->clearCall();
    m_window->statusBar()->showMessage(tr("Call saved: %1").arg(journal::outcomeName(record.outcome)), 5000);
    Q_EMIT outcomeSaved(record.id, record.outcome);
    // More drafts from an earlier session?
    const QList<journal::CallRecord> drafts = m_journal->pendingDrafts();
    if (!drafts.isEmpty()) {
        m_wrapUp->open(drafts.first(), {});
        m_wrapUp->setMessage(
            tr("%n unsaved wrap-up(s) from an earlier session: please finish this one.", nullptr, int(drafts.size())));
        return;
    }
    if (m_session) {
        if (m_session->status().state == cti::AgentState::WrapUp) {
            m_session->finishWrapUp();
        } else if (m_session->status().state == cti::AgentState::NotReady &&
                   m_session->status().reason == tr("Wrap-up")) {
            m_session->setReady();
        }
    }
}

void CallDesk::forwardByEmail()
{
    journal::ForwardRequest prefill;
    const ArticleView *view = m_window->articleView();
    if (view->hasArticle()) {
        const QList<kb::Office> &offices = view->offices();
        prefill = journal::prefillForward(view->article(), offices.isEmpty() ? kb::Office{} : offices.first());
    }
    const journal::CallRecord r = m_wrapUp->record();
    prefill.fromEmail = m_config.fromEmail;
    prefill.fromName = m_config.fromName;
    prefill.agent = m_config.agent;
    prefill.callbackPhone = r.noDataKept ? QString() : r.callerNumber;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // The rule of the office the case goes to, or the service's own (the hotline's policy, set by team leads).
    journal::DeadlinePolicy::Scope scope = journal::DeadlinePolicy::Scope::Default;
    const journal::DeadlineRule rule = refreshDeadlinePolicy().ruleFor(prefill.officeId, prefill.serviceId, &scope);
    prefill.deadline = m_calendar.deadline(now, rule);
    // Reminder 4 h before, or halfway for shorter rules.
    prefill.remindAt = prefill.deadline.addSecs(-std::min<qint64>(4 * 3600, qint64(rule.hours) * 1800));
    auto *dialog = new ForwardDialog(prefill, r.notes, m_window);
    dialog->setDeadlineRule(ForwardDialog::describeRule(
        rule, scope, scope == journal::DeadlinePolicy::Scope::Service ? prefill.serviceTitle : prefill.officeName));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_forwardDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        journal::CallRecord record = m_wrapUp->record();
        const journal::ForwardRequest request = dialog->request();
        if (!request.serviceId.isEmpty() && !record.serviceIds.contains(request.serviceId)) {
            record.serviceIds.prepend(request.serviceId);
        }
        journal::ForwardResult result;
        QString error;
        if (!m_journal->commitForward(record, request, &result, &error)) {
            m_wrapUp->setMessage(tr("Not forwarded: %1").arg(error));
            return;
        }
        QString caseNumber = result.caseNumber;
        bool queued = false;
        if (m_shared) {
            // The server numbers the case with its one counter: wait briefly for it, so that the agent can give the
            // citizen the number every desk will find.
            QString error;
            const QString entryId = m_shared->enqueue(QString::fromLatin1(journal::serverwrite::Forward),
                                                      journal::forwardPayload(record, request), &error);
            if (entryId.isEmpty()) {
                qCWarning(lcShared) << "could not queue the forward" << error;
                const QString text = tr("Saved on this desk, but not queued for the server: %1").arg(error);
                m_window->statusBar()->showMessage(text, 15000);
                announce(text);
            } else {
                QString reason;
                const int answer = awaitServerAnswer(entryId, &reason, false);
                QString lookupError;
                if (answer > 0 && m_serverStores->open(&lookupError)) {
                    if (const auto onServer = m_serverStores->journal()->call(record.id);
                        onServer && !onServer->caseNumber.isEmpty()) {
                        caseNumber = onServer->caseNumber;
                    }
                }
                queued = answer == 0;
            }
        }
        if (m_sender) {
            m_sender->wake();
        } else if (m_shared) {
            m_outboxLabel->setText(tr("Outbox: sent from the server"));
            m_outboxLabel->setToolTip(tr("In shared mode the server's outbox sends forwards and confirmations."));
            m_outboxLabel->show();
        } else {
            m_outboxLabel->setText(tr("Outbox: mail not configured"));
            m_outboxLabel->show();
        }
        if (m_cases) {
            m_cases->reload();
        }
        const QString due = QLocale().toString(request.deadline.toLocalTime(), QLocale::ShortFormat);
        if (queued) {
            const QString text = tr("Forward queued for the server, due %1: the server gives the case number when it "
                                    "is reachable (this desk's reference: %2).")
                                     .arg(due, result.caseNumber);
            m_window->statusBar()->showMessage(text, 15000);
            announce(text);
        } else {
            m_window->statusBar()->showMessage(tr("Case %1 forwarded, due %2").arg(caseNumber, due), 10000);
        }
        Q_EMIT forwardCommitted(caseNumber);
        finishOutcome(record);
    });
    dialog->open();
}

AppointmentDialog *CallDesk::createBookingDialog(const kb::Article &article, const QList<kb::Office> &offices,
                                                 const QString &callerPhone)
{
    appointments::Confirmation confirmation;
    confirmation.fromEmail = m_config.fromEmail;
    confirmation.fromName = m_config.fromName;
    auto *dialog = new AppointmentDialog(m_appointments.get(), article, offices, confirmation, m_config.agent,
                                         callerPhone, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_appointmentDialog = dialog;
    if (m_shared) {
        // The server's appointment book is the one truth: its offices and free slots when reachable (the desk's own
        // copy with the note otherwise), and the server's transaction decides the booking.
        std::shared_ptr<appointments::AppointmentStore> server;
        QString error;
        if (m_serverStores->open(&error)) {
            server = m_serverStores->appointments();
            server->setCalendar(m_calendar);
            // Keep the schedules of these offices on the desk, so that it can offer slots while the server is gone.
            for (const kb::Office &o : offices) {
                if (const auto schedule = server->office(o.id)) {
                    QString copyError;
                    if (!m_appointments->setOffice(*schedule, &copyError)) {
                        qCWarning(lcShared) << "schedule of" << o.id << "not kept on the desk:" << copyError;
                    }
                }
            }
        }
        dialog->setShared(server, server ? QString() : ServerStores::offlineNote(),
                          [this](const appointments::BookingRequest &request) {
                              appointments::BookingRequest queued = request;
                              if (queued.callId.isEmpty()) {
                                  queued.callId = m_wrapUp->record().id;
                              }
                              AppointmentDialog::ServerAnswer answer;
                              QString error;
                              const QJsonObject payload = appointments::bookPayload(queued);
                              // Tracked: the desk follows the answer also after a restart (resumeTrackedBookings).
                              const QString entryId =
                                  m_shared->enqueue(QString::fromLatin1(appointments::serverwrite::Book), payload,
                                                    &error, kb::WriteQueue::Tracking::Tracked);
                              if (entryId.isEmpty()) {
                                  answer.result = AppointmentDialog::ServerAnswer::Result::Refused;
                                  answer.message = tr("The booking could not be queued for the server: %1").arg(error);
                                  return answer;
                              }
                              m_pendingBookings.insert(entryId, payload);
                              const int outcome = awaitServerAnswer(entryId, &answer.message, true);
                              if (outcome == 0 && m_shared) {
                                  // Still queued: a later answer is the desk's (a refusal offers "Book again"),
                                  // not the general notice's.
                                  m_laterBookings.insert(entryId);
                                  m_shared->setAwaited(entryId, true);
                              }
                              answer.result = outcome > 0   ? AppointmentDialog::ServerAnswer::Result::Confirmed
                                              : outcome < 0 ? AppointmentDialog::ServerAnswer::Result::Refused
                                                            : AppointmentDialog::ServerAnswer::Result::Queued;
                              return answer;
                          });
    }
    return dialog;
}

void CallDesk::bookAppointment()
{
    const ArticleView *view = m_window->articleView();
    if (!view->hasArticle()) {
        m_wrapUp->setMessage(tr("Open the service first: the appointment is booked for the service on screen."));
        return;
    }
    const journal::CallRecord r = m_wrapUp->record();
    AppointmentDialog *dialog =
        createBookingDialog(view->article(), view->offices(), r.noDataKept ? QString() : r.callerNumber);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        journal::CallRecord record = m_wrapUp->record();
        const appointments::Booking booking = dialog->booking();
        record.outcome = journal::Outcome::Appointment;
        record.appointmentId = booking.id;
        if (!record.serviceIds.contains(booking.serviceId)) {
            record.serviceIds.prepend(booking.serviceId);
        }
        QString error;
        if (!m_journal->commitCall(record, &error)) {
            m_wrapUp->setMessage(tr("The appointment is booked, but the call was not saved: %1").arg(error));
            return;
        }
        const QString when = QLocale().toString(booking.start.toLocalTime(), QLocale::ShortFormat);
        if (m_shared) {
            // The booking is already on the server (confirmed) or in its queue ahead of this call.
            enqueueServerWrite(QString::fromLatin1(journal::serverwrite::CommitCall), journal::commitPayload(record));
            const QString text =
                dialog->isQueued()
                    ? tr("Appointment for %1 queued: it will be confirmed when the server is reachable.").arg(when)
                    : tr("Appointment booked for %1 (confirmed by the server)").arg(when);
            m_window->statusBar()->showMessage(text, 15000);
            announce(text);
            finishOutcome(record);
            return;
        }
        if (m_sender && !booking.outboxId.isEmpty()) {
            m_sender->wake();
        }
        m_window->statusBar()->showMessage(tr("Appointment booked for %1").arg(when), 10000);
        finishOutcome(record);
    });
    dialog->open();
}

void CallDesk::setSharedStore(SharedStoreConnector *connector)
{
    if (m_shared) {
        disconnect(m_shared, nullptr, this, nullptr);
    }
    m_shared = connector;
    m_serverStores.reset();
    if (!connector) {
        return;
    }
    m_serverStores = std::make_unique<ServerStores>(connector);
    // The server allows an agent's login to write only calls and cases naming that login (deskserver/roles.sql):
    // the desk's agent is its server login.
    if (!connector->config().connection.user.isEmpty()) {
        m_config.agent = connector->config().connection.user;
    }
    connect(connector, &SharedStoreConnector::onlineChanged, this, [this]() { refreshSharedSources(true); });
    connect(connector, &SharedStoreConnector::serverDataChanged, this,
            [this](const QString &channel, const QString &) { handleServerDataChanged(channel); });
    connect(connector, &SharedStoreConnector::writeDelivered, this, [this](const QString &id, const QString &) {
        const auto it = m_pendingBookings.constFind(id);
        if (it == m_pendingBookings.cend()) {
            return;
        }
        appointments::BookingRequest request;
        QString error;
        const bool parsed = appointments::bookingRequestFromJson(*it, &request, &error);
        m_pendingBookings.erase(it);
        if (m_laterBookings.remove(id)) {
            m_shared->setAwaited(id, false);
        }
        if (parsed) {
            mirrorConfirmedBooking(request);
        }
        m_shared->forgetTracked(id);
    });
    // The queue file is open from here on: bookings queued before a restart are followed again.
    connect(connector, &SharedStoreConnector::started, this, [this](bool ok) {
        if (ok) {
            resumeTrackedBookings();
        }
    });
    connect(connector, &SharedStoreConnector::writeRejected, this,
            [this](const QString &id, const QString &, const QString &reason) {
                const auto it = m_pendingBookings.constFind(id);
                if (it == m_pendingBookings.cend()) {
                    return;
                }
                const QJsonObject payload = *it;
                m_pendingBookings.erase(it);
                // Settled: the general notice leaves it out for the rest of the run (isAwaited).
                m_shared->forgetTracked(id);
                if (!m_laterBookings.remove(id)) {
                    return; // refused while the booking dialog awaited it: the dialog shows it
                }
                // Cleared after every receiver of this signal ran, so the general notice leaves it out.
                QTimer::singleShot(0, this, [this, id]() {
                    if (m_shared) {
                        m_shared->setAwaited(id, false);
                    }
                });
                appointments::BookingRequest request;
                QString error;
                const bool parsed = appointments::bookingRequestFromJson(payload, &request, &error);
                showBookingRefused(parsed ? std::optional<appointments::BookingRequest>(request) : std::nullopt,
                                   reason);
            });
}

void CallDesk::showBookingRefused(const std::optional<appointments::BookingRequest> &request, const QString &reason)
{
    const QString title = tr("Booking refused by the server");
    const QString citizen = request && !request->citizenName.isEmpty() ? request->citizenName : tr("the citizen");
    const QString text =
        tr("The server refused the appointment for %1 that was queued earlier: the call names a booking that does "
           "not exist. Please book again or call the citizen back.")
            .arg(citizen);
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("BookingRefusedNotice"));
    box->setInformativeText(reason);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal); // the next call goes on
    box->setAccessibleName(title);
    box->setAccessibleDescription(text + QLatin1Char(' ') + reason);
    if (request) {
        QPushButton *again = box->addButton(tr("&Book again…"), QMessageBox::AcceptRole);
        again->setObjectName(QStringLiteral("bookAgain"));
        again->setAccessibleName(tr("Book again"));
        again->setAccessibleDescription(tr("Opens the booking dialog with the office and citizen of the refused "
                                           "booking; the server decides the new booking"));
        box->setDefaultButton(again);
        const appointments::BookingRequest earlier = *request;
        connect(box, &QMessageBox::buttonClicked, this, [this, again, earlier](QAbstractButton *clicked) {
            if (clicked == again) {
                rebookAppointment(earlier);
            }
        });
    }
    QPushButton *close = box->addButton(QMessageBox::Close);
    close->setAccessibleName(tr("Close"));
    box->show();
    m_window->statusBar()->showMessage(text + QLatin1Char(' ') + reason, 15000);
    announce(text + QLatin1Char(' ') + reason);
}

void CallDesk::rebookAppointment(const appointments::BookingRequest &earlier)
{
    if (m_appointmentDialog) {
        m_appointmentDialog->raise();
        m_appointmentDialog->activateWindow();
        m_window->statusBar()->showMessage(tr("Finish the open booking first."), 10000);
        return;
    }
    const ArticleView *view = m_window->articleView();
    if (view->hasArticle() && view->article().id == earlier.serviceId) {
        openRebookingDialog(earlier);
        return;
    }
    // The service's article (offices, durations) first: the booking is for it.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_window, &MainWindow::articleShown, this, [this, earlier, connection](const QString &id) {
        if (id != earlier.serviceId) {
            return;
        }
        disconnect(*connection);
        openRebookingDialog(earlier);
    });
    QTimer::singleShot(10000, this, [this, connection, earlier]() {
        if (disconnect(*connection)) {
            m_window->statusBar()->showMessage(
                tr("The service %1 is not in the catalogue: it cannot be booked again.").arg(earlier.serviceTitle),
                10000);
        }
    });
    m_window->openArticle(earlier.serviceId);
}

void CallDesk::openRebookingDialog(const appointments::BookingRequest &earlier)
{
    const ArticleView *view = m_window->articleView();
    AppointmentDialog *dialog = createBookingDialog(view->article(), view->offices(), earlier.citizenPhone);
    dialog->prefill(earlier);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        // The new booking names the call and replaces the refused one: once the server books it, the call row there
        // (and this desk's copy, mirrorConfirmedBooking) names the new booking.
        const appointments::Booking booking = dialog->booking();
        const QString when = QLocale().toString(booking.start.toLocalTime(), QLocale::ShortFormat);
        const QString text =
            dialog->isQueued()
                ? tr("Appointment for %1 queued again: it will be confirmed when the server is reachable.").arg(when)
                : tr("Appointment booked again for %1 (confirmed by the server)").arg(when);
        m_window->statusBar()->showMessage(text, 15000);
        announce(text);
    });
    dialog->open();
}

int CallDesk::awaitServerAnswer(const QString &entryId, QString *reason, bool showsRefusal)
{
    if (!m_shared || !m_shared->isOnline()) {
        return 0;
    }
    // The answer arrives as a queued signal from the sync thread, so it cannot have come before this loop runs.
    int outcome = 0;
    QEventLoop loop;
    connect(m_shared, &SharedStoreConnector::writeDelivered, &loop, [&](const QString &id, const QString &) {
        if (id == entryId) {
            outcome = 1;
            loop.quit();
        }
    });
    connect(m_shared, &SharedStoreConnector::writeRejected, &loop,
            [&](const QString &id, const QString &, const QString &why) {
                if (id == entryId) {
                    outcome = -1;
                    *reason = why;
                    loop.quit();
                }
            });
    connect(m_shared, &SharedStoreConnector::onlineChanged, &loop, [&](bool online) {
        if (!online) {
            loop.quit(); // gone meanwhile: stays queued
        }
    });
    QTimer::singleShot(m_bookingWaitMs, &loop, &QEventLoop::quit);
    m_shared->setAwaited(entryId, showsRefusal);
    m_awaitingServer = true;
    loop.exec();
    m_awaitingServer = false;
    m_shared->setAwaited(entryId, false);
    return outcome;
}

void CallDesk::setBookingWaitMs(int ms)
{
    m_bookingWaitMs = ms;
}

void CallDesk::resumeTrackedBookings()
{
    // Bookings queued by this desk whose answer nobody has acted on yet, durable in the queue file: still pending
    // (followed as if queued in this run), confirmed meanwhile (mirrored now) or refused meanwhile (the "Book
    // again" notice now). The same as without a restart in between.
    if (!m_shared || !m_journal || !m_shared->isQueueReady()) {
        return;
    }
    QString error;
    const QList<kb::TrackedWrite> tracked =
        m_shared->trackedWrites(QString::fromLatin1(appointments::serverwrite::Book), &error);
    if (!error.isEmpty()) {
        qCWarning(lcShared) << "cannot read the bookings awaiting the server:" << error;
    }
    for (const kb::TrackedWrite &w : tracked) {
        if (m_pendingBookings.contains(w.id)) {
            continue; // followed in this run already
        }
        appointments::BookingRequest request;
        QString parseError;
        const bool parsed = appointments::bookingRequestFromJson(w.payload, &request, &parseError);
        switch (w.state) {
        case kb::TrackedWrite::State::Pending:
            m_pendingBookings.insert(w.id, w.payload);
            m_laterBookings.insert(w.id);
            m_shared->setAwaited(w.id, true);
            break;
        case kb::TrackedWrite::State::Delivered:
            if (parsed) {
                mirrorConfirmedBooking(request);
            }
            m_shared->forgetTracked(w.id);
            break;
        case kb::TrackedWrite::State::Rejected:
            m_shared->forgetTracked(w.id);
            showBookingRefused(parsed ? std::optional<appointments::BookingRequest>(request) : std::nullopt, w.reason);
            break;
        }
    }
}

void CallDesk::mirrorConfirmedBooking(const appointments::BookingRequest &request)
{
    // This desk's copy of a booking the server confirmed, for its offline view; never a second confirmation
    // e-mail (the server's outbox has the one). Best effort: the server's booking stands either way.
    if (!m_appointments) {
        return;
    }
    appointments::BookingRequest copy = request;
    copy.confirmation.send = false;
    appointments::Booking booking;
    QString error;
    if (!m_appointments->book(copy, &booking, nullptr, &error)) {
        qCInfo(lcShared) << "confirmed booking" << request.id << "not copied to the desk:" << error;
    }
    // "Book again": the server's call row names the new booking now (same delivery transaction); so does this
    // desk's copy of the call.
    if (!request.replacesBookingId.isEmpty() && !request.callId.isEmpty() && m_journal) {
        bool changed = false;
        if (!m_journal->replaceAppointment(request.callId, request.replacesBookingId, request.id, &changed, &error)) {
            qCWarning(lcShared) << "the desk's copy of call" << request.callId << "still names the refused booking"
                                << request.replacesBookingId << ":" << error;
        }
    }
}

void CallDesk::refreshSharedSources(bool reloadVisible)
{
    if (!m_shared || !m_serverStores) {
        return;
    }
    QString error;
    const bool online = m_serverStores->open(&error);
    const QString note = online ? QString() : ServerStores::offlineNote();
    const QString readOnly =
        online ? QString()
               : tr("The server is not reachable: in shared mode this is done on the server. Please try again later.");
    if (online) {
        m_serverStores->appointments()->setCalendar(m_calendar);
    }
    if (m_cases) {
        m_cases->setSource(online ? m_serverStores->journal() : nullptr, note, readOnly);
        if (reloadVisible && m_cases->isVisible()) {
            m_cases->reload();
        }
    }
    if (m_outboxView) {
        m_outboxView->setSource(online ? m_serverStores->outbox() : nullptr, note, readOnly);
        if (reloadVisible && m_outboxView->isVisible()) {
            m_outboxView->reload();
        }
    }
    if (m_appointmentsView) {
        m_appointmentsView->setSource(online ? m_serverStores->appointments() : nullptr, note, readOnly);
        if (reloadVisible && m_appointmentsView->isVisible()) {
            m_appointmentsView->reload();
        }
    }
    if (!online) {
        m_shared->dropServerConnection(); // nothing holds it any more
    }
}

void CallDesk::handleServerDataChanged(const QString &channel)
{
    m_changedChannels.insert(channel);
    // Not restarted by further notifications: a steady stream of changes still refreshes every LiveRefreshDelayMs.
    if (!m_liveRefresh->isActive()) {
        m_liveRefresh->start();
    }
}

void CallDesk::refreshLiveViews()
{
    const QSet<QString> changed = std::exchange(m_changedChannels, {});
    // Only what is on screen and shows the server: a hidden view reloads when shown, one showing the desk's own data
    // (offline) has nothing to follow.
    if (m_cases && m_cases->isVisible() && m_cases->showsServer() &&
        changed.contains(QString::fromLatin1(journal::ChangedChannel))) {
        m_cases->refresh();
        ++m_liveRefreshCount;
    }
    if (m_outboxView && m_outboxView->isVisible() && m_outboxView->showsServer() &&
        changed.contains(QString::fromLatin1(outbox::ChangedChannel))) {
        m_outboxView->refresh();
        ++m_liveRefreshCount;
    }
    if (m_appointmentsView && m_appointmentsView->isVisible() && m_appointmentsView->showsServer() &&
        changed.contains(QString::fromLatin1(appointments::ChangedChannel))) {
        m_appointmentsView->refresh();
        ++m_liveRefreshCount;
    }
}

int CallDesk::liveRefreshCount() const
{
    return m_liveRefreshCount;
}

SharedStoreConnector *CallDesk::sharedStore() const
{
    return m_shared;
}

bool CallDesk::enqueueServerWrite(const QString &kind, const QJsonObject &payload)
{
    if (!m_shared) {
        return true;
    }
    QString error;
    if (m_shared->enqueue(kind, payload, &error).isEmpty()) {
        // Saved locally, not queued for the server: say so; the local journal still has it.
        qCWarning(lcShared) << "could not queue" << kind << error;
        m_window->statusBar()->showMessage(tr("Saved on this desk, but not queued for the server: %1").arg(error),
                                           15000);
        announce(tr("Saved on this desk, but not queued for the server: %1").arg(error));
        return false;
    }
    return true;
}

AppointmentDialog *CallDesk::appointmentDialog() const
{
    return m_appointmentDialog;
}

appointments::AppointmentStore *CallDesk::appointments() const
{
    return m_appointments.get();
}

void CallDesk::handleProviderEvent(const cti::ProviderEvent &event)
{
    if (event.type != cti::ProviderEventType::Started && QObject::sender() == m_manual) {
        return;
    }
    QString text;
    switch (event.type) {
    case cti::ProviderEventType::Started:
        if (QObject::sender() == m_manual && m_sip) {
            return;
        }
        text =
            m_sip ? tr("Phone ready (port %1)").arg(event.sipPort) : tr("No telephony: record calls by hand (Ctrl+N)");
        if (m_sip) {
            QList<QPair<QString, QString>> inputs;
            QList<QPair<QString, QString>> outputs;
            for (const cti::AudioDevice &d : m_sip->audioDevices()) {
                if (d.canRecord) {
                    inputs.append({d.id, d.name});
                }
                if (d.canPlay) {
                    outputs.append({d.id, d.name});
                }
            }
            TelephonySettingsPage::publishAudioDevices(inputs, outputs);
        }
        break;
    case cti::ProviderEventType::EngineRestarted:
        text = tr("Phone reconnected"); // "Telefon wieder verbunden"
        m_window->statusBar()->showMessage(text, 15000);
        announce(text);
        break;
    case cti::ProviderEventType::EngineFailed:
        text = tr("Phone unavailable, retrying: %1").arg(event.message);
        break;
    case cti::ProviderEventType::RegistrationChanged:
        text = event.registrationState == QLatin1String("ok") ? tr("Phone registered")
                                                              : tr("Registration: %1").arg(event.registrationState);
        break;
    case cti::ProviderEventType::Error:
        m_window->statusBar()->showMessage(tr("Phone: %1").arg(event.message), 10000);
        return;
    case cti::ProviderEventType::Stopped:
        text = tr("Phone stopped");
        break;
    }
    m_controls->setPhoneStatus(text);
    m_phoneLabel->setText(text);
}

void CallDesk::handleAgentStatus(const cti::AgentStatus &status)
{
    m_controls->showAgentStatus(status);
}

void CallDesk::checkReminders()
{
    if (!m_journal) {
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
    if (m_shared && m_serverStores && m_serverStores->open(&error)) {
        // The server numbers the cases and knows every desk's: remind this desk of the cases forwarded under its
        // login (the agent who forwarded follows the case up), not of the whole team's (150 desks would all show
        // the same reminder). Agents may not mark server cases, so the desk remembers what it reminded of, durably
        // in its queue file (once per step and desk, also across restarts; in memory too, should that file fail).
        // Overdue first: a case past its deadline gets the overdue reminder, whether or not the due one was shown
        // (in this session, before a restart, or not at all while the desk was off); it stands for both steps.
        journal::JournalStore *server = m_serverStores->journal().get();
        for (const journal::CaseRecord &c : server->casesDueForOverdueReminder(now)) {
            if (c.agent == m_config.agent && !wasReminded(c.caseNumber, true, true)) {
                remindOfCase(c, QString(), true, now);
            }
        }
        for (const journal::CaseRecord &c : server->casesDueForReminder(now)) {
            if (c.agent == m_config.agent && !isPastDeadline(c, now) && !wasReminded(c.caseNumber, true, false)) {
                remindOfCase(c, QString(), true, now);
            }
        }
        // The desk's own copies of its forwards are the same cases under local numbers: marked, not shown (both
        // steps, so they stay quiet should the server become unreachable later).
        for (const journal::CaseRecord &c : m_journal->casesDueForOverdueReminder(now)) {
            m_journal->markOverdueReminded(c.caseNumber, now, nullptr);
        }
        for (const journal::CaseRecord &c : m_journal->casesDueForReminder(now)) {
            m_journal->markReminded(c.caseNumber, now, nullptr);
        }
        followUpNotifiedCases(true);
        return;
    }
    // This desk's journal records both steps (reminded_at, overdue_reminded_at), so each comes once per case, also
    // across restarts: a case reminded as due before a restart and past its deadline now gets its overdue reminder.
    const QString note = m_shared ? ServerStores::offlineNote() : QString();
    for (const journal::CaseRecord &c : m_journal->casesDueForOverdueReminder(now)) {
        if (!wasReminded(c.caseNumber, false, true)) {
            remindOfCase(c, note, false, now);
        }
    }
    for (const journal::CaseRecord &c : m_journal->casesDueForReminder(now)) {
        if (!isPastDeadline(c, now) && !wasReminded(c.caseNumber, false, false)) {
            remindOfCase(c, note, false, now);
        }
    }
    followUpNotifiedCases(false);
}

bool CallDesk::isPastDeadline(const journal::CaseRecord &c, const QDateTime &now)
{
    return c.deadline.isValid() && c.deadline <= now;
}

QString CallDesk::reminderKey(const QString &caseNumber, bool fromServer, bool overdue)
{
    return QStringLiteral("%1/%2/%3")
        .arg(fromServer ? QLatin1String("server") : QLatin1String("local"),
             overdue ? QLatin1String("overdue") : QLatin1String("due"), caseNumber);
}

bool CallDesk::wasReminded(const QString &caseNumber, bool fromServer, bool overdue) const
{
    if (m_remindedSteps.contains(reminderKey(caseNumber, fromServer, overdue))) {
        return true;
    }
    // The desk's own cases: the journal's queries leave out what it recorded.
    return fromServer && m_shared &&
           m_shared->isMarked(QLatin1String(overdue ? OverdueRemindedServerCaseScope : RemindedServerCaseScope),
                              caseNumber);
}

void CallDesk::rememberReminder(const QString &caseNumber, bool fromServer, bool overdue, const QDateTime &now)
{
    // In memory first: should the durable record fail, the step still comes once in this session.
    m_remindedSteps.insert(reminderKey(caseNumber, fromServer, false));
    if (overdue) {
        m_remindedSteps.insert(reminderKey(caseNumber, fromServer, true));
    }
    QString error;
    if (!fromServer) {
        // One transaction; the overdue step records the due step too (a desk that was off shows only the overdue).
        const bool ok = overdue ? m_journal->markOverdueReminded(caseNumber, now, &error)
                                : m_journal->markReminded(caseNumber, now, &error);
        if (!ok) {
            qCWarning(lcReminders) << "reminder of case" << caseNumber << "not recorded in the journal:" << error;
        }
        return;
    }
    if (!m_shared) {
        return;
    }
    // Overdue mark first: the due loop skips cases past their deadline anyway, so a failure between the two writes
    // cannot bring back a reminder shown.
    if (overdue && !m_shared->setMarked(QLatin1String(OverdueRemindedServerCaseScope), caseNumber, &error)) {
        qCWarning(lcReminders) << "overdue reminder of server case" << caseNumber << "not remembered:" << error;
    }
    if (!m_shared->setMarked(QLatin1String(RemindedServerCaseScope), caseNumber, &error)) {
        qCWarning(lcReminders) << "reminder of server case" << caseNumber << "not remembered:" << error;
    }
}

void CallDesk::remindOfCase(const journal::CaseRecord &c, const QString &note, bool fromServer, const QDateTime &now)
{
    const bool overdue = isPastDeadline(c, now);
    const QString deadline = QLocale().toString(c.deadline.toLocalTime(), QLocale::ShortFormat);
    QString text = overdue ? tr("Case %1 (%2) is overdue since %3").arg(c.caseNumber, c.serviceTitle, deadline)
                           : tr("Case %1 (%2) is due %3").arg(c.caseNumber, c.serviceTitle, deadline);
    if (!note.isEmpty()) {
        text += QStringLiteral(" (%1)").arg(note);
    }
    m_window->statusBar()->showMessage(text, 60000);
    announce(text);
    // The same reminder on the desktop, for an agent working in another program: one per case, replaced when the
    // case becomes overdue, closed when it is done. After a restart the notification shown before is out of reach
    // (its id went with the old process): the overdue reminder then comes as a new notification.
    QStringList body{c.serviceTitle};
    if (!c.officeName.isEmpty()) {
        body << c.officeName;
    }
    body << (overdue ? tr("Deadline was %1").arg(deadline) : tr("Deadline: %1").arg(deadline));
    if (!note.isEmpty()) {
        body << note;
    }
    m_notifier->notify(c.caseNumber,
                       overdue ? tr("Case %1 is overdue").arg(c.caseNumber) : tr("Case %1 is due").arg(c.caseNumber),
                       body.join(QLatin1Char('\n')),
                       overdue ? DesktopNotifier::Urgency::Critical : DesktopNotifier::Urgency::Normal, tr("Open"));
    m_notifiedCases[c.caseNumber].fromServer = fromServer;
    rememberReminder(c.caseNumber, fromServer, overdue, now);
    Q_EMIT reminderShown(c.caseNumber);
}

void CallDesk::followUpNotifiedCases(bool serverOnline)
{
    const QStringList numbers = m_notifiedCases.keys();
    for (const QString &number : numbers) {
        const NotifiedCase notified = m_notifiedCases.value(number);
        if (notified.fromServer && !serverOnline) {
            continue; // the server cannot say now whether the case was closed
        }
        journal::JournalStore *store = notified.fromServer ? m_serverStores->journal().get() : m_journal.get();
        const std::optional<journal::CaseRecord> c = store->caseByNumber(number);
        if (!c || c->state != journal::CaseState::Open) {
            // Done (here, on another desk or by the team): the reminder has nothing left to say.
            m_notifiedCases.remove(number);
            m_notifier->close(number);
        }
    }
}

void CallDesk::announce(const QString &text)
{
    // An alert-style live region: the controls' name carries the text, the Alert event makes screen readers speak it.
    m_controls->setAccessibleName(text);
    QAccessibleEvent event(m_controls, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
    m_lastAnnouncement = text;
}

QString CallDesk::lastAnnouncement() const
{
    return m_lastAnnouncement;
}

void CallDesk::createActions()
{
    const auto make = [this](std::initializer_list<QKeySequence> keys, auto slot) {
        auto *action = new QAction(m_window);
        action->setShortcuts(QList<QKeySequence>(keys));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_actions << action;
        return action;
    };
    m_answer = make({QKeySequence(Qt::Key_F5), QKeySequence(QStringLiteral("Ctrl+Return"))},
                    [this]() { Q_EMIT m_controls->answerRequested(); });
    m_decline = make({QKeySequence(QStringLiteral("Shift+F5"))}, [this]() { Q_EMIT m_controls->declineRequested(); });
    m_hangUp = make({QKeySequence(Qt::Key_F4)}, [this]() { Q_EMIT m_controls->hangUpRequested(); });
    m_hold = make({QKeySequence(Qt::Key_F7)}, [this]() { Q_EMIT m_controls->holdToggled(); });
    m_mute = make({QKeySequence(Qt::Key_F8)}, [this]() { Q_EMIT m_controls->muteToggled(); });
    m_transfer = make({QKeySequence(Qt::Key_F9)}, [this]() {
        // Proposes the office's phone of the service on screen; Enter transfers.
        const ArticleView *view = m_window->articleView();
        if (m_controls->transferTarget().isEmpty() && view->hasArticle() && !view->offices().isEmpty()) {
            m_controls->setTransferTarget(view->offices().first().phone);
        }
        m_controls->focusTransfer();
    });
    m_ready = make({QKeySequence(QStringLiteral("Ctrl+Shift+R"))}, [this]() {
        if (m_session) {
            m_session->setReady();
        }
    });
    m_notReady = make({QKeySequence(QStringLiteral("Ctrl+Shift+P"))}, [this]() {
        if (m_session) {
            m_session->setNotReady(QStringLiteral("Pause"));
        }
    });
    m_answeredDirectly =
        make({QKeySequence(QStringLiteral("Alt+1"))}, [this]() { saveOutcome(journal::Outcome::AnsweredDirectly); });
    m_forward =
        make({QKeySequence(QStringLiteral("Alt+2"))}, [this]() { saveOutcome(journal::Outcome::ForwardedByEmail); });
    m_appointment =
        make({QKeySequence(QStringLiteral("Alt+3"))}, [this]() { saveOutcome(journal::Outcome::Appointment); });
    m_addService = make({QKeySequence(QStringLiteral("Ctrl+Shift+A"))}, [this]() {
        const ArticleView *view = m_window->articleView();
        if (view->hasArticle()) {
            m_wrapUp->addService(view->article().id, view->article().title);
        }
    });
    m_casesAction = make({QKeySequence(QStringLiteral("Ctrl+Shift+L"))}, [this]() { showCases(); });
    m_outboxAction = make({QKeySequence(QStringLiteral("Ctrl+Shift+M"))}, [this]() { showOutbox(); });
    m_appointmentsAction = make({QKeySequence(QStringLiteral("Ctrl+Shift+T"))}, [this]() { showAppointments(); });
    m_scheduleAction = make({QKeySequence(QStringLiteral("Ctrl+Shift+H"))}, [this]() { showOfficeSchedules(); });
    m_exportAction = make({QKeySequence(QStringLiteral("Ctrl+Shift+J"))}, [this]() { exportJournalInteractive(); });
    m_deadlinesAction = make({QKeySequence(QStringLiteral("Ctrl+Shift+D"))}, [this]() { showDeadlines(); });
    m_window->addCallActions(m_actions);
}

bool CallDesk::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    if (watched == m_outboxLabel && event->type() == QEvent::MouseButtonRelease) {
        showOutbox();
    }
    return QObject::eventFilter(watched, event);
}

void CallDesk::retranslate()
{
    m_answer->setText(tr("&Answer the call"));
    m_decline->setText(tr("&Decline the call"));
    m_hangUp->setText(tr("&Hang up"));
    m_hold->setText(tr("Hold or res&ume"));
    m_mute->setText(tr("&Mute or unmute"));
    m_transfer->setText(tr("&Transfer the call"));
    m_ready->setText(tr("Ready for calls"));
    m_notReady->setText(tr("Not ready (break)"));
    m_answeredDirectly->setText(tr("Wrap-up: answered directly"));
    m_forward->setText(tr("Wrap-up: forward by e-mail"));
    m_appointment->setText(tr("Wrap-up: appointment"));
    m_addService->setText(tr("Add the service on screen to the wrap-up"));
    m_casesAction->setText(tr("Open &cases"));
    m_outboxAction->setText(tr("&Outbox (sent and failed e-mails)"));
    m_appointmentsAction->setText(tr("A&ppointments (cancel, move)"));
    m_scheduleAction->setText(tr("O&ffice hours and capacity for appointments…"));
    m_exportAction->setText(tr("Export the call &journal as CSV…"));
    m_deadlinesAction->setText(tr("Dead&lines of forwards (team leads)…"));
    m_phoneLabel->setAccessibleName(tr("Phone status"));
    m_outboxLabel->setAccessibleName(tr("Outbox status"));
    // Without SIP the phone status never changes after start: say it again in the new language.
    if (m_session && !m_sip) {
        const QString text = tr("No telephony: record calls by hand (Ctrl+N)");
        m_controls->setPhoneStatus(text);
        m_phoneLabel->setText(text);
    }
}

void CallDesk::setEditorialSession(EditorialSession *session)
{
    m_editorial = session;
}

OfficeScheduleDialog *CallDesk::showOfficeSchedules()
{
    if (!m_appointments) {
        m_window->statusBar()->showMessage(tr("Call journal unavailable: office hours cannot be edited."), 10000);
        return nullptr;
    }
    // Shared mode: the server's roles of the desk's login decide (an agent's login gets "permission denied").
    if (!m_shared && m_editorial && !m_editorial->isLead()) {
        m_window->statusBar()->showMessage(tr("Only team leads may edit office hours."), 10000);
        announce(tr("Only team leads may edit office hours."));
        return nullptr;
    }
    if (m_scheduleDialog) {
        m_scheduleDialog->raise();
        m_scheduleDialog->activateWindow();
        return m_scheduleDialog;
    }
    QList<kb::Office> offices;
    QSet<QString> seen;
    const auto add = [&](const kb::Office &o) {
        if (!o.id.isEmpty() && !seen.contains(o.id)) {
            seen.insert(o.id);
            offices << o;
        }
    };
    if (m_editorial && m_editorial->store()) {
        QString error;
        const QList<kb::Office> catalogue = m_editorial->store()->offices(&error);
        if (!error.isEmpty()) {
            m_window->statusBar()->showMessage(tr("The catalogue's offices could not be read: %1").arg(error), 10000);
        }
        for (const kb::Office &o : catalogue) {
            add(o);
        }
    } else {
        const ArticleView *view = m_window->articleView();
        if (view->hasArticle()) {
            for (const kb::Office &o : view->offices()) {
                add(o);
            }
        }
        QList<appointments::OfficeSchedule> scheduled = m_appointments->offices();
        QString serverError;
        if (m_shared && m_serverStores->open(&serverError)) {
            scheduled = m_serverStores->appointments()->offices() + scheduled;
        }
        for (const appointments::OfficeSchedule &s : scheduled) {
            kb::Office o;
            o.id = s.officeId;
            o.name = s.name;
            o.email = s.email;
            add(o);
        }
    }
    std::sort(offices.begin(), offices.end(),
              [](const kb::Office &a, const kb::Office &b) { return QString::localeAwareCompare(a.name, b.name) < 0; });
    m_scheduleDialog = new OfficeScheduleDialog(m_appointments.get(), offices, m_window);
    m_scheduleDialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_shared) {
        m_scheduleDialog->setShared(
            [this](QString *error) -> std::shared_ptr<appointments::AppointmentStore> {
                if (!m_serverStores || !m_serverStores->open(error)) {
                    return nullptr;
                }
                return m_serverStores->appointments();
            },
            [this](const appointments::OfficeSchedule &schedule) {
                // The desk's copy follows the server, so that the booking dialog offers these hours offline.
                QString error;
                if (!m_appointments->setOffice(schedule, &error)) {
                    qCWarning(lcShared) << "schedule of" << schedule.officeId << "not kept on the desk:" << error;
                }
            });
    }
    m_scheduleDialog->open();
    return m_scheduleDialog;
}

journal::DeadlinePolicy CallDesk::deadlinePolicy() const
{
    return m_deadlinePolicy;
}

journal::DeadlinePolicy CallDesk::refreshDeadlinePolicy()
{
    if (!m_journal) {
        return m_deadlinePolicy;
    }
    QString error;
    bool fromServer = false;
    if (m_shared && m_serverStores && m_serverStores->open(&error)) {
        if (const auto server = m_serverStores->journal()->deadlinePolicy(&error)) {
            fromServer = true;
            m_deadlinePolicy = *server;
            // The desk's copy follows the server, so that offline forwards get the same deadlines.
            const auto local = m_journal->deadlinePolicy();
            QString copyError;
            if ((!local || !(*local == *server)) && !m_journal->setDeadlinePolicy(*server, &copyError)) {
                qCWarning(lcShared) << "deadline rules not kept on the desk:" << copyError;
            }
        } else {
            qCWarning(lcShared) << "deadline rules not read from the server:" << error;
        }
    }
    if (!fromServer) {
        if (const auto local = m_journal->deadlinePolicy(&error)) {
            m_deadlinePolicy = *local;
        } else {
            qWarning("Deadline rules not read, the last known ones apply: %s", qPrintable(error));
        }
    }
    if (m_cases) {
        m_cases->setDeadlinePolicy(m_deadlinePolicy);
    }
    return m_deadlinePolicy;
}

DeadlinesDialog *CallDesk::showDeadlines()
{
    if (!m_journal) {
        m_window->statusBar()->showMessage(tr("Call journal unavailable: deadlines cannot be edited."), 10000);
        return nullptr;
    }
    // On a desk of its own a team lead signed in to the editorial session; in shared mode the server's roles of the
    // desk's login decide (an agent's login gets "permission denied" on saving).
    if (!m_shared && (!m_editorial || !m_editorial->isLead())) {
        m_window->statusBar()->showMessage(tr("Only team leads may edit deadlines."), 10000);
        announce(tr("Only team leads may edit deadlines."));
        return nullptr;
    }
    if (m_deadlinesDialog) {
        m_deadlinesDialog->raise();
        m_deadlinesDialog->activateWindow();
        return m_deadlinesDialog;
    }
    QList<kb::Office> offices;
    QList<DeadlinesDialog::Service> services;
    if (m_editorial && m_editorial->store()) {
        QString error;
        offices = m_editorial->store()->offices(&error);
        for (const kb::Article &a : m_editorial->store()->articles(&error)) {
            services << DeadlinesDialog::Service{a.id, a.title};
        }
        if (!error.isEmpty()) {
            m_window->statusBar()->showMessage(tr("The catalogue could not be read: %1").arg(error), 10000);
        }
    } else if (const ArticleView *view = m_window->articleView(); view->hasArticle()) {
        offices = view->offices();
        services << DeadlinesDialog::Service{view->article().id, view->article().title};
    }
    std::sort(offices.begin(), offices.end(),
              [](const kb::Office &a, const kb::Office &b) { return QString::localeAwareCompare(a.name, b.name) < 0; });
    std::sort(services.begin(), services.end(),
              [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.title, b.title) < 0; });
    m_deadlinesDialog = new DeadlinesDialog(m_journal.get(), offices, services, m_window);
    m_deadlinesDialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_editorial && m_editorial->isSignedIn()) {
        m_deadlinesDialog->setUpdatedBy(m_editorial->user().name);
    }
    if (m_shared) {
        m_deadlinesDialog->setShared([this](QString *error) -> std::shared_ptr<journal::JournalStore> {
            if (!m_serverStores || !m_serverStores->open(error)) {
                return nullptr;
            }
            return m_serverStores->journal();
        });
    }
    connect(m_deadlinesDialog, &DeadlinesDialog::policySaved, this, [this](const journal::DeadlinePolicy &) {
        refreshDeadlinePolicy(); // in shared mode this also copies the server's to the desk
        const QString text = tr("Deadline rules saved: every new forward uses them.");
        m_window->statusBar()->showMessage(text, 10000);
        announce(text);
    });
    m_deadlinesDialog->open();
    return m_deadlinesDialog;
}

bool CallDesk::exportJournal(const QString &path, const QDate &from, const QDate &to, QString *error,
                             bool *fromServer) const
{
    if (fromServer) {
        *fromServer = false;
    }
    if (!m_journal) {
        *error = tr("The call journal is not open.");
        return false;
    }
    if (!from.isValid() || !to.isValid() || to < from) {
        *error = tr("The date range is invalid: the last day is before the first.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    const QDateTime start = QDateTime(from, QTime(0, 0)).toUTC();
    const QDateTime end = QDateTime(to.addDays(1), QTime(0, 0)).toUTC();
    const journal::JournalStore *source = m_journal.get();
    std::shared_ptr<journal::JournalStore> server;
    QString serverError;
    if (m_shared && m_serverStores && m_serverStores->open(&serverError)) {
        server = m_serverStores->journal(); // every desk's calls
        source = server.get();
        if (fromServer) {
            *fromServer = true;
        }
    }
    if (!source->exportCsv(&file, start, end, error)) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = tr("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void CallDesk::exportJournalInteractive()
{
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Export the call journal"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *form = new QFormLayout;
    auto *fromEdit = new QDateEdit(QDate::currentDate().addDays(1 - QDate::currentDate().day()), &dialog);
    auto *toEdit = new QDateEdit(QDate::currentDate(), &dialog);
    for (QDateEdit *edit : {fromEdit, toEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    }
    form->addRow(tr("&From:"), fromEdit);
    form->addRow(tr("&To (inclusive):"), toEdit);
    fromEdit->setAccessibleName(tr("First day"));
    fromEdit->setAccessibleDescription(tr("Calls offered on or after this day are exported"));
    toEdit->setAccessibleName(tr("Last day"));
    toEdit->setAccessibleDescription(tr("Calls offered up to the end of this day are exported"));
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export…"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Export"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                              QStringLiteral("/journal-%1-%2.csv")
                                  .arg(fromEdit->date().toString(Qt::ISODate), toEdit->date().toString(Qt::ISODate));
    const QString path =
        QFileDialog::getSaveFileName(m_window, tr("Export the call journal"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    bool fromServer = false;
    if (!exportJournal(path, fromEdit->date(), toEdit->date(), &error, &fromServer)) {
        QMessageBox::warning(m_window, tr("Export the call journal"), tr("The export failed: %1").arg(error));
        return;
    }
    QString text = m_shared && fromServer ? tr("Call journal of all desks exported from the server to %1").arg(path)
                                          : tr("Call journal exported to %1").arg(path);
    if (m_shared && !fromServer) {
        text += QStringLiteral(" (%1)").arg(ServerStores::offlineNote());
    }
    m_window->statusBar()->showMessage(text, 10000);
    announce(text);
}

} // namespace desk
