#include "callsettingspages.h"

#include "businesscalendar.h"
#include "calldesk.h"
#include "formfield.h"
#include "secretstore.h"
#ifdef HOTLINE_HAVE_OUTBOX_KEYCHAIN
#include "keychainpasswordstore.h"
#endif

#include <QAccessible>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>

namespace desk {

namespace {
void describe(QWidget *w, const QString &name, const QString &description)
{
    w->setAccessibleName(name);
    w->setAccessibleDescription(description);
    // A spin box's editor takes the focus itself: screen readers meet it under the same name.
    if (auto *edit = w->findChild<QLineEdit *>()) {
        edit->setAccessibleName(name);
        edit->setAccessibleDescription(description);
    }
}
// The SIP engine's devices as last reported to this process (UI thread only).
QList<QPair<QString, QString>> &publishedInputs()
{
    static QList<QPair<QString, QString>> list;
    return list;
}

QList<QPair<QString, QString>> &publishedOutputs()
{
    static QList<QPair<QString, QString>> list;
    return list;
}
} // namespace

void TelephonySettingsPage::publishAudioDevices(const QList<QPair<QString, QString>> &inputs,
                                                const QList<QPair<QString, QString>> &outputs)
{
    publishedInputs() = inputs;
    publishedOutputs() = outputs;
}

TelephonySettingsPage::TelephonySettingsPage(QWidget *parent)
    : QWidget(parent), m_enabled(new QCheckBox(this)), m_user(new QLineEdit(this)), m_domain(new QLineEdit(this)),
      m_transport(new QComboBox(this)), m_registrar(new QLineEdit(this)), m_port(new QSpinBox(this)),
      m_password(new QLineEdit(this)), m_input(new QComboBox(this)), m_output(new QComboBox(this)),
      m_lineMap(new QLineEdit(this)), m_wrapUp(new QSpinBox(this)), m_untilOutcome(new QCheckBox(this)),
      m_tlsCaFile(new QLineEdit(this)), m_tlsVerify(new QCheckBox(this)), m_tlsCertFile(new QLineEdit(this)),
      m_tlsCertBrowse(new QPushButton(this)), m_tlsKeyFile(new QLineEdit(this)), m_tlsKeyBrowse(new QPushButton(this)),
      m_tlsError(new QLabel(this))
{
    setObjectName(QStringLiteral("TelephonySettingsPage"));
    auto *form = new QFormLayout(this);
    m_enabled->setText(tr("Take calls over SIP (otherwise calls are recorded by hand)"));
    form->addRow(m_enabled);
    form->addRow(tr("SIP &user:"), m_user);
    form->addRow(tr("SIP &domain:"), m_domain);
    m_transport->addItem(QStringLiteral("UDP"), QStringLiteral("udp"));
    m_transport->addItem(QStringLiteral("TCP"), QStringLiteral("tcp"));
    m_transport->addItem(QStringLiteral("TLS"), QStringLiteral("tls"));
    form->addRow(tr("&Transport:"), m_transport);
    m_registrar->setPlaceholderText(tr("Empty: no registrar, listen on the port"));
    form->addRow(tr("&Registrar:"), m_registrar);
    m_port->setRange(0, 65535);
    form->addRow(tr("Local SIP &port:"), m_port);
    m_tlsCaFile->setPlaceholderText(tr("Empty: the system's certificate authorities"));
    form->addRow(tr("TLS &CA file:"), m_tlsCaFile);
    // Client certificate and key: for phone systems that accept only desks with a certificate of their own.
    m_tlsCertFile->setObjectName(QStringLiteral("sipTlsCertFile"));
    m_tlsCertFile->setPlaceholderText(tr("Empty: no client certificate"));
    m_tlsCertBrowse->setText(tr("Br&owse…"));
    auto *certRow = new QHBoxLayout;
    certRow->addWidget(m_tlsCertFile, 1);
    certRow->addWidget(m_tlsCertBrowse);
    auto *certLabel = new QLabel(tr("Client c&ertificate:"), this);
    certLabel->setBuddy(m_tlsCertFile);
    form->addRow(certLabel, certRow);
    m_tlsKeyFile->setObjectName(QStringLiteral("sipTlsKeyFile"));
    m_tlsKeyFile->setPlaceholderText(tr("Empty: no client certificate"));
    m_tlsKeyBrowse->setText(tr("Brow&se…"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_tlsKeyFile, 1);
    keyRow->addWidget(m_tlsKeyBrowse);
    auto *keyLabel = new QLabel(tr("Private &key:"), this);
    keyLabel->setBuddy(m_tlsKeyFile);
    form->addRow(keyLabel, keyRow);
    connect(m_tlsCertBrowse, &QPushButton::clicked, this, [this]() {
        browse(m_tlsCertFile, tr("Client certificate"), tr("Certificates (*.pem *.crt);;All files (*)"));
    });
    connect(m_tlsKeyBrowse, &QPushButton::clicked, this,
            [this]() { browse(m_tlsKeyFile, tr("Private key"), tr("Private keys (*.pem *.key);;All files (*)")); });
    m_tlsVerify->setText(tr("&Verify the phone system's TLS certificate"));
    form->addRow(m_tlsVerify);
    m_tlsError->setObjectName(QStringLiteral("sipTlsError"));
    m_tlsError->setWordWrap(true);
    m_tlsError->setTextFormat(Qt::PlainText);
    styleAsError(m_tlsError);
    m_tlsError->hide();
    form->addRow(m_tlsError);
    const auto tlsOnly = [this]() {
        const bool tls = m_transport->currentData().toString() == QLatin1String("tls");
        for (QWidget *w : std::initializer_list<QWidget *>{m_tlsCaFile, m_tlsVerify, m_tlsCertFile, m_tlsCertBrowse,
                                                           m_tlsKeyFile, m_tlsKeyBrowse}) {
            w->setEnabled(tls);
        }
    };
    connect(m_transport, &QComboBox::currentIndexChanged, this, tlsOnly);
    tlsOnly();
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Unchanged (kept in the system keychain)"));
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("&Microphone:"), m_input);
    form->addRow(tr("&Headset / speaker:"), m_output);
    m_lineMap->setPlaceholderText(tr("0341 115-0=Leipzig; 115=Dresden"));
    form->addRow(tr("&Lines → municipalities:"), m_lineMap);
    m_wrapUp->setRange(0, 3600);
    m_wrapUp->setSuffix(tr(" s"));
    form->addRow(tr("Wrap-up t&ime:"), m_wrapUp);
    m_untilOutcome->setText(tr("Not ready again until the call's outcome is saved"));
    form->addRow(m_untilOutcome);
    setAudioDevices(publishedInputs(), publishedOutputs());
    // Tab follows the rows from top to bottom (the widgets were made in another order).
    const QList<QWidget *> order = {m_enabled,      m_user,      m_domain,      m_transport,     m_registrar,
                                    m_port,         m_tlsCaFile, m_tlsCertFile, m_tlsCertBrowse, m_tlsKeyFile,
                                    m_tlsKeyBrowse, m_tlsVerify, m_password,    m_input,         m_output,
                                    m_lineMap,      m_wrapUp,    m_untilOutcome};
    for (qsizetype i = 1; i < order.size(); ++i) {
        setTabOrder(order.at(i - 1), order.at(i));
    }

    describe(m_enabled, tr("Telephony over SIP"), tr("On: the desk is your SIP phone"));
    describe(m_user, tr("SIP user"), tr("Account name at the phone system"));
    describe(m_domain, tr("SIP domain"), tr("Domain of the SIP account"));
    describe(m_transport, tr("Transport"), tr("UDP, TCP or TLS"));
    describe(m_registrar, tr("Registrar"), tr("Host and port of the phone system; empty: listen directly"));
    describe(m_tlsCaFile, tr("TLS CA file"),
             tr("PEM file of the authority that signed the phone system's certificate (transport TLS only)"));
    describe(m_tlsCertFile, tr("Client certificate"),
             tr("PEM file of this desk's own certificate, for phone systems that require one (transport TLS only)"));
    describe(m_tlsCertBrowse, tr("Choose the client certificate"), tr("Opens a file dialog to choose the PEM file"));
    describe(m_tlsKeyFile, tr("Private key"),
             tr("Unencrypted PEM file of the client certificate's private key (transport TLS only)"));
    describe(m_tlsKeyBrowse, tr("Choose the private key"), tr("Opens a file dialog to choose the PEM file"));
    describe(m_tlsVerify, tr("Verify TLS certificate"),
             tr("Off only for tests: without verification anyone on the network can pose as the phone system"));
    describe(m_port, tr("Local SIP port"), tr("Port the desk listens on; 0 picks a free one"));
    describe(m_password, tr("SIP password"), tr("Stored in the system keychain, never in the settings file"));
    describe(m_input, tr("Microphone"), tr("Audio input device"));
    describe(m_output, tr("Headset or speaker"), tr("Audio output device"));
    describe(m_lineMap, tr("Lines and municipalities"), tr("Which municipality each dialled line belongs to"));
    describe(m_wrapUp, tr("Wrap-up time"), tr("Seconds after a call before you are ready again"));
    describe(m_untilOutcome, tr("Not ready until outcome saved"),
             tr("After a call you get no new call until its outcome is saved"));
}

TelephonySettingsPage::~TelephonySettingsPage() = default;

void TelephonySettingsPage::setAudioDevices(const QList<QPair<QString, QString>> &inputs,
                                            const QList<QPair<QString, QString>> &outputs)
{
    for (auto [box, list] : {std::pair{m_input, inputs}, std::pair{m_output, outputs}}) {
        const QString current = box->currentData().toString();
        box->clear();
        box->addItem(tr("System default"), QString());
        for (const auto &[id, name] : list) {
            box->addItem(name, id);
        }
        box->setCurrentIndex(std::max(0, box->findData(current)));
    }
}

void TelephonySettingsPage::load(QSettings &settings)
{
    const CallDeskConfig c = loadCallDeskConfig(settings);
    m_enabled->setChecked(c.sipEnabled);
    m_user->setText(c.sipUser);
    m_domain->setText(c.sipDomain);
    m_transport->setCurrentIndex(std::max(0, m_transport->findData(c.sipTransport)));
    m_registrar->setText(c.sipRegistrar);
    m_port->setValue(c.sipPort);
    m_tlsCaFile->setText(c.sipTlsCaFile);
    m_tlsVerify->setChecked(c.sipTlsVerify);
    m_tlsCertFile->setText(c.sipTlsCertFile);
    m_tlsKeyFile->setText(c.sipTlsKeyFile);
    for (auto [box, id] : {std::pair{m_input, c.inputDevice}, std::pair{m_output, c.outputDevice}}) {
        if (!id.isEmpty() && box->findData(id) < 0) {
            box->addItem(id, id);
        }
        box->setCurrentIndex(std::max(0, box->findData(id)));
    }
    m_lineMap->setText(c.lineMap);
    m_wrapUp->setValue(c.wrapUpSeconds);
    m_untilOutcome->setChecked(c.notReadyUntilOutcome);
}

void TelephonySettingsPage::save(QSettings &settings)
{
    CallDeskConfig c = loadCallDeskConfig(settings);
    c.sipEnabled = m_enabled->isChecked();
    c.sipUser = m_user->text().trimmed();
    c.sipDomain = m_domain->text().trimmed();
    c.sipTransport = m_transport->currentData().toString();
    c.sipRegistrar = m_registrar->text().trimmed();
    c.sipPort = m_port->value();
    c.sipTlsCaFile = m_tlsCaFile->text().trimmed();
    c.sipTlsVerify = m_tlsVerify->isChecked();
    c.sipTlsCertFile = m_tlsCertFile->text().trimmed();
    c.sipTlsKeyFile = m_tlsKeyFile->text().trimmed();
    c.inputDevice = m_input->currentData().toString();
    c.outputDevice = m_output->currentData().toString();
    c.lineMap = m_lineMap->text().trimmed();
    c.wrapUpSeconds = m_wrapUp->value();
    c.notReadyUntilOutcome = m_untilOutcome->isChecked();
    saveCallDeskConfig(settings, c);
    if (!m_password->text().isEmpty()) {
        cti::SecretStore::writeSecret(QStringLiteral("hotline-desk"),
                                      cti::SecretStore::sipAccountKey(c.sipUser, c.sipDomain), m_password->text(), qApp,
                                      [](bool, const QString &) {});
        m_password->clear();
    }
}

bool TelephonySettingsPage::validate(QString *error)
{
    CallDeskConfig c;
    c.sipTransport = m_transport->currentData().toString();
    c.sipTlsCaFile = m_tlsCaFile->text().trimmed();
    c.sipTlsCertFile = m_tlsCertFile->text().trimmed();
    c.sipTlsKeyFile = m_tlsKeyFile->text().trimmed();
    QString message;
    if (!m_enabled->isChecked() || checkSipTlsFiles(c, &message)) {
        m_tlsError->clear();
        m_tlsError->hide();
        return true;
    }
    // The message starts with the field's name: the cursor goes there.
    QLineEdit *field = m_tlsCaFile;
    if (message.startsWith(CallDesk::tr("Client certificate"))) {
        field = m_tlsCertFile;
    } else if (message.startsWith(CallDesk::tr("Private key"))) {
        field = m_tlsKeyFile;
    }
    m_tlsError->setText(message);
    m_tlsError->setAccessibleName(message);
    m_tlsError->show();
    // Once the dialog has switched to this page (right after this returns): a hidden field takes no focus.
    QTimer::singleShot(0, field, [field]() { field->setFocus(Qt::OtherFocusReason); });
    QAccessibleEvent alert(m_tlsError, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
    if (error) {
        *error = message;
    }
    return false;
}

QString TelephonySettingsPage::validationError() const
{
    return m_tlsError->text();
}

void TelephonySettingsPage::browse(QLineEdit *field, const QString &title, const QString &filter)
{
    const QString path = QFileDialog::getOpenFileName(this, title, field->text(), filter);
    if (!path.isEmpty()) {
        field->setText(path);
    }
}

MailSettingsPage::MailSettingsPage(QWidget *parent)
    : QWidget(parent), m_enabled(new QCheckBox(this)), m_host(new QLineEdit(this)), m_port(new QSpinBox(this)),
      m_security(new QComboBox(this)), m_user(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_fromEmail(new QLineEdit(this)), m_fromName(new QLineEdit(this)), m_state(new QComboBox(this)),
      m_hours(new QLineEdit(this)), m_retention(new QSpinBox(this)), m_purgeMode(new QComboBox(this)),
      m_notifications(new QCheckBox(this))
{
    setObjectName(QStringLiteral("MailSettingsPage"));
    auto *form = new QFormLayout(this);
    m_enabled->setText(tr("Send forwards and confirmations by e-mail"));
    form->addRow(m_enabled);
    form->addRow(tr("SMTP &server:"), m_host);
    m_port->setRange(1, 65535);
    form->addRow(tr("&Port:"), m_port);
    m_security->addItem(tr("None"), QStringLiteral("none"));
    m_security->addItem(QStringLiteral("STARTTLS"), QStringLiteral("starttls"));
    m_security->addItem(QStringLiteral("TLS"), QStringLiteral("tls"));
    form->addRow(tr("Se&curity:"), m_security);
    form->addRow(tr("&Login:"), m_user);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Unchanged (kept in the system keychain)"));
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("Sender &address:"), m_fromEmail);
    form->addRow(tr("Sender &name:"), m_fromName);
    for (int s = int(journal::GermanState::BW); s <= int(journal::GermanState::TH); ++s) {
        const QString code = journal::stateCode(journal::GermanState(s));
        m_state->addItem(code, code);
    }
    form->addRow(tr("Public holidays of s&tate:"), m_state);
    m_hours->setPlaceholderText(QStringLiteral("Mon-Fri 08:00-18:00"));
    form->addRow(tr("Service &hours:"), m_hours);
    m_retention->setObjectName(QStringLiteral("privacyRetentionDays"));
    m_retention->setRange(1, 3650);
    m_retention->setSuffix(tr(" days"));
    form->addRow(tr("Delete caller numbers a&fter:"), m_retention);
    m_purgeMode->setObjectName(QStringLiteral("privacyMode"));
    m_purgeMode->addItem(tr("Mask (keep the area code)"), QStringLiteral("mask"));
    m_purgeMode->addItem(tr("Remove completely"), QStringLiteral("remove"));
    form->addRow(tr("Old caller numbers a&re:"), m_purgeMode);
    m_notifications->setObjectName(QStringLiteral("desktopNotifications"));
    m_notifications->setText(tr("Show due cases as &desktop notifications"));
    form->addRow(m_notifications);

    describe(m_enabled, tr("Send e-mail"), tr("On: forwards and confirmations go out through this server"));
    describe(m_host, tr("SMTP server"), tr("Host name of the mail server"));
    describe(m_port, tr("SMTP port"), tr("587 for STARTTLS, 465 for TLS"));
    describe(m_security, tr("Security"), tr("None, STARTTLS or TLS"));
    describe(m_user, tr("Login"), tr("User name at the mail server; empty: no login"));
    describe(m_password, tr("Mail password"), tr("Stored in the system keychain, never in the settings file"));
    describe(m_fromEmail, tr("Sender address"), tr("The hotline's mailbox"));
    describe(m_fromName, tr("Sender name"), tr("Shown as the sender, e.g. Bürgertelefon"));
    describe(m_state, tr("State"), tr("German state whose public holidays count for deadlines"));
    describe(m_hours, tr("Service hours"), tr("Working hours for deadlines, e.g. Mon-Fri 08:00-18:00"));
    describe(m_retention, tr("Privacy period"),
             tr("Caller numbers and citizens' details older than this are deleted at every start"));
    describe(m_purgeMode, tr("Privacy purge"), tr("Mask keeps the area code for statistics; remove deletes all"));
    describe(m_notifications, tr("Desktop notifications"),
             tr("On: a case whose reminder is due also shows as a notification of the desktop, with a button that "
                "opens it, while the desk is in the background"));
}

MailSettingsPage::~MailSettingsPage() = default;

void MailSettingsPage::load(QSettings &settings)
{
    const CallDeskConfig c = loadCallDeskConfig(settings);
    m_enabled->setChecked(c.mailEnabled);
    m_host->setText(c.smtp.host);
    m_port->setValue(c.smtp.port);
    m_security->setCurrentIndex(c.smtp.security == outbox::SmtpConfig::Security::None  ? 0
                                : c.smtp.security == outbox::SmtpConfig::Security::Tls ? 2
                                                                                       : 1);
    m_user->setText(c.smtp.user);
    m_fromEmail->setText(c.fromEmail);
    m_fromName->setText(c.fromName);
    m_state->setCurrentIndex(std::max(0, m_state->findData(c.calendarState.toUpper())));
    m_hours->setText(c.serviceHours);
    m_retention->setValue(c.privacyRetentionDays);
    m_purgeMode->setCurrentIndex(c.privacyMask ? 0 : 1);
    m_notifications->setChecked(c.desktopNotifications);
}

void MailSettingsPage::save(QSettings &settings)
{
    CallDeskConfig c = loadCallDeskConfig(settings);
    c.mailEnabled = m_enabled->isChecked();
    c.smtp.host = m_host->text().trimmed();
    c.smtp.port = m_port->value();
    const QString security = m_security->currentData().toString();
    c.smtp.security = security == QLatin1String("none")  ? outbox::SmtpConfig::Security::None
                      : security == QLatin1String("tls") ? outbox::SmtpConfig::Security::Tls
                                                         : outbox::SmtpConfig::Security::StartTls;
    c.smtp.user = m_user->text().trimmed();
    c.fromEmail = m_fromEmail->text().trimmed();
    c.fromName = m_fromName->text().trimmed();
    c.calendarState = m_state->currentData().toString();
    c.serviceHours = m_hours->text().trimmed();
    c.privacyRetentionDays = m_retention->value();
    c.privacyMask = m_purgeMode->currentData().toString() == QLatin1String("mask");
    c.desktopNotifications = m_notifications->isChecked();
    saveCallDeskConfig(settings, c);
#ifdef HOTLINE_HAVE_OUTBOX_KEYCHAIN
    if (!m_password->text().isEmpty() && !c.smtp.user.isEmpty()) {
        // Parented to the application: the write finishes even when the dialog closes first.
        auto *keychain = new outbox::KeychainPasswordStore(QStringLiteral("Hotline Desk SMTP"), qApp);
        connect(keychain, &outbox::KeychainPasswordStore::passwordWritten, keychain, &QObject::deleteLater);
        connect(keychain, &outbox::KeychainPasswordStore::errorOccurred, keychain, &QObject::deleteLater);
        keychain->write(c.smtp.user, m_password->text());
        m_password->clear();
    }
#endif
}

} // namespace desk
