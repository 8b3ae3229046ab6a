#include "serversettingspage.h"

#include "formfield.h"
#include "pgpasswordstore.h"
#include "sharedstoreconnector.h"
#include "pgconnection.h"

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QThread>
#include <QUuid>

namespace desk {

namespace {
const QStringList TlsModes = {QStringLiteral("disable"), QStringLiteral("require"), QStringLiteral("verify-full")};
}

ServerSettingsPage::ServerSettingsPage(QWidget *parent)
    : QWidget(parent), m_modeLabel(new QLabel(this)), m_mode(new QComboBox(this)), m_hostLabel(new QLabel(this)),
      m_host(new QLineEdit(this)), m_portLabel(new QLabel(this)), m_port(new QSpinBox(this)),
      m_databaseLabel(new QLabel(this)), m_database(new QLineEdit(this)), m_userLabel(new QLabel(this)),
      m_user(new QLineEdit(this)), m_passwordLabel(new QLabel(this)), m_password(new QLineEdit(this)),
      m_tlsLabel(new QLabel(this)), m_tls(new QComboBox(this)), m_caLabel(new QLabel(this)),
      m_caFile(new QLineEdit(this)), m_browseCa(new QPushButton(this)), m_test(new QPushButton(this)),
      m_result(new QLabel(this)), m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("ServerSettingsPage"));
    m_mode->setObjectName(QStringLiteral("serverMode"));
    m_host->setObjectName(QStringLiteral("serverHost"));
    m_port->setObjectName(QStringLiteral("serverPort"));
    m_database->setObjectName(QStringLiteral("serverDatabase"));
    m_user->setObjectName(QStringLiteral("serverUser"));
    m_password->setObjectName(QStringLiteral("serverPassword"));
    m_tls->setObjectName(QStringLiteral("serverTls"));
    m_caFile->setObjectName(QStringLiteral("serverCaFile"));
    m_test->setObjectName(QStringLiteral("serverTest"));
    m_result->setObjectName(QStringLiteral("serverTestResult"));

    m_mode->addItems({QString(), QString()});
    m_tls->addItems({QString(), QString(), QString()});
    m_port->setRange(1, 65535);
    m_password->setEchoMode(QLineEdit::Password);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    styleAsHint(m_hint);

    auto *form = new QFormLayout(this);
    form->addRow(m_modeLabel, m_mode);
    form->addRow(m_hostLabel, m_host);
    form->addRow(m_portLabel, m_port);
    form->addRow(m_databaseLabel, m_database);
    form->addRow(m_userLabel, m_user);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_tlsLabel, m_tls);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browseCa);
    form->addRow(m_caLabel, caRow);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_result, 1);
    form->addRow(testRow);
    form->addRow(m_hint);
    m_modeLabel->setBuddy(m_mode);
    m_hostLabel->setBuddy(m_host);
    m_portLabel->setBuddy(m_port);
    m_databaseLabel->setBuddy(m_database);
    m_userLabel->setBuddy(m_user);
    m_passwordLabel->setBuddy(m_password);
    m_tlsLabel->setBuddy(m_tls);
    m_caLabel->setBuddy(m_caFile);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &ServerSettingsPage::updateEnabled);
    connect(m_tls, &QComboBox::currentIndexChanged, this, &ServerSettingsPage::updateEnabled);
    connect(m_browseCa, &QPushButton::clicked, this, &ServerSettingsPage::browseCa);
    connect(m_test, &QPushButton::clicked, this, &ServerSettingsPage::testConnection);
    connect(m_password, &QLineEdit::textEdited, this, [this]() { m_passwordEdited = true; });

    setConfig(SharedStoreConfig::load());
    retranslateUi();
}

ServerSettingsPage::~ServerSettingsPage() = default;

void ServerSettingsPage::setConfig(const SharedStoreConfig &config)
{
    m_base = config.connection;
    m_mode->setCurrentIndex(config.enabled ? 1 : 0);
    m_host->setText(config.connection.host);
    m_port->setValue(config.connection.port);
    m_database->setText(config.connection.database);
    m_user->setText(config.connection.user);
    m_password->setText(config.connection.password);
    m_passwordEdited = false;
    m_passwordLoaded = true;
    // A mode other than the three offered (e.g. libpq's default "prefer") shows as "require", the safe choice;
    // verify-ca as verify-full. What is shown is what OK saves.
    int tls = int(TlsModes.indexOf(config.connection.sslMode));
    if (tls < 0) {
        tls = config.connection.sslMode == QLatin1String("verify-ca") ? 2 : 1;
    }
    m_tls->setCurrentIndex(tls);
    m_caFile->setText(config.connection.sslRootCert);
    updateEnabled();

    if (config.enabled && config.connection.password.isEmpty() && !config.connection.user.isEmpty()) {
        // Fill the (hidden) password from the keychain so "Test connection" works without typing it again.
        m_passwordLoaded = false;
        // Parented to the application: the keychain job must outlive a dialog closed before it answers (deleting a
        // pending QKeychain job crashes in libsecret's callback); `this` as context drops the answer then.
        auto *passwords = new kb::PgPasswordStore(qApp);
        QPointer<QLineEdit> field = m_password;
        connect(passwords, &kb::PgPasswordStore::passwordRead, this,
                [this, passwords, field](const QString &, const QString &password) {
                    if (field && !m_passwordEdited) {
                        field->setText(password);
                    }
                    m_passwordLoaded = true;
                    passwords->deleteLater();
                });
        connect(passwords, &kb::PgPasswordStore::failed, passwords, &QObject::deleteLater);
        passwords->readPassword(config.connection);
    }
}

SharedStoreConfig ServerSettingsPage::config() const
{
    SharedStoreConfig c;
    c.connection = m_base;
    c.enabled = m_mode->currentIndex() == 1;
    c.connection.host = m_host->text().trimmed();
    c.connection.port = m_port->value();
    c.connection.database = m_database->text().trimmed();
    c.connection.user = m_user->text().trimmed();
    c.connection.password = m_password->text();
    c.connection.sslMode = TlsModes.value(m_tls->currentIndex(), QStringLiteral("require"));
    c.connection.sslRootCert = m_caFile->text().trimmed();
    return c;
}

bool ServerSettingsPage::isPasswordKnown() const
{
    return m_passwordEdited || m_passwordLoaded;
}

void ServerSettingsPage::apply()
{
    const SharedStoreConfig c = config();
    c.save(); // never the password
    if (!c.enabled || c.connection.user.isEmpty() || !isPasswordKnown()) {
        return; // an unknown password (keychain not answered yet) is not overwritten with an empty one
    }
    // The keychain job outlives the dialog: parented to the application, deleted when it answers.
    auto *passwords = new kb::PgPasswordStore(qApp);
    connect(passwords, &kb::PgPasswordStore::passwordWritten, passwords, &QObject::deleteLater);
    connect(passwords, &kb::PgPasswordStore::passwordDeleted, passwords, &QObject::deleteLater);
    connect(passwords, &kb::PgPasswordStore::failed, passwords,
            [passwords](const QString &key, const QString &message) {
                qCWarning(lcShared) << "the password for" << key << "could not be stored in the keychain:" << message;
                passwords->deleteLater();
            });
    if (c.connection.password.isEmpty()) {
        passwords->deletePassword(c.connection);
    } else {
        passwords->writePassword(c.connection);
    }
}

bool ServerSettingsPage::isTesting() const
{
    return m_testing;
}

QString ServerSettingsPage::testResult() const
{
    return m_testResult;
}

void ServerSettingsPage::testConnection()
{
    if (m_testing) {
        return;
    }
    const kb::PgConnection params = config().connection;
    QString invalid;
    if (!params.isValid(&invalid)) {
        handleTestFinished(false, invalid);
        return;
    }
    m_testing = true;
    m_test->setEnabled(false);
    m_result->setText(tr("Connecting to %1…").arg(params.displayName()));

    // Logging in can take the connect timeout: a thread of its own, so the dialog stays responsive. The answer
    // goes through the application object and a guard, as the page may be gone by then.
    QPointer<ServerSettingsPage> guard(this);
    QThread *thread = QThread::create([params, guard]() {
        const QString name = QStringLiteral("hotline-desk-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QString error;
        const bool ok = kb::openPgConnection(params, name, &error);
        if (ok) {
            QSqlDatabase::database(name, false).close();
        }
        QSqlDatabase::removeDatabase(name);
        QMetaObject::invokeMethod(
            qApp,
            [guard, ok, error]() {
                if (guard) {
                    guard->handleTestFinished(ok, error);
                }
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void ServerSettingsPage::handleTestFinished(bool ok, const QString &message)
{
    m_testing = false;
    m_test->setEnabled(true);
    m_testResult = ok ? tr("Connection succeeded: %1").arg(config().connection.displayName())
                      : tr("Connection failed: %1").arg(message);
    m_result->setText(m_testResult);
    m_result->setAccessibleName(m_testResult);
    QAccessibleEvent alert(m_result, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
    Q_EMIT connectionTested(ok, m_testResult);
}

void ServerSettingsPage::updateEnabled()
{
    const bool shared = m_mode->currentIndex() == 1;
    for (QWidget *w : std::initializer_list<QWidget *>{m_host, m_port, m_database, m_user, m_password, m_tls, m_test}) {
        w->setEnabled(shared && (w != m_test || !m_testing));
    }
    const bool verify = shared && m_tls->currentIndex() == 2;
    m_caFile->setEnabled(verify);
    m_browseCa->setEnabled(verify);
}

void ServerSettingsPage::browseCa()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("CA certificate"), m_caFile->text(),
                                                      tr("Certificates (*.pem *.crt);;All files (*)"));
    if (!path.isEmpty()) {
        m_caFile->setText(path);
    }
}

void ServerSettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void ServerSettingsPage::retranslateUi()
{
    m_modeLabel->setText(tr("&Catalogue source:"));
    m_mode->setItemText(0, tr("Off: this desk only (local database)"));
    m_mode->setItemText(1, tr("Shared server (PostgreSQL)"));
    m_mode->setAccessibleName(tr("Catalogue source"));
    m_mode->setAccessibleDescription(tr("Off keeps the catalogue on this desk; a shared server keeps every desk "
                                        "in step and stores calls, forwards and bookings centrally"));
    m_hostLabel->setText(tr("&Host:"));
    m_host->setAccessibleName(tr("Server host"));
    m_portLabel->setText(tr("&Port:"));
    m_port->setAccessibleName(tr("Server port"));
    m_databaseLabel->setText(tr("Data&base:"));
    m_database->setAccessibleName(tr("Database name"));
    m_userLabel->setText(tr("&User:"));
    m_user->setAccessibleName(tr("Server user"));
    m_passwordLabel->setText(tr("Pass&word:"));
    m_password->setAccessibleName(tr("Server password"));
    m_password->setAccessibleDescription(tr("Stored in the system keychain, never in the settings file"));
    m_tlsLabel->setText(tr("&TLS:"));
    m_tls->setItemText(0, tr("Off (disable)"));
    m_tls->setItemText(1, tr("Encrypted (require)"));
    m_tls->setItemText(2, tr("Encrypted, server verified (verify-full)"));
    m_tls->setAccessibleName(tr("TLS mode"));
    m_caLabel->setText(tr("C&A file:"));
    m_caFile->setAccessibleName(tr("CA certificate file"));
    m_caFile->setAccessibleDescription(tr("Certificate of the authority that signed the server's certificate"));
    m_browseCa->setText(tr("B&rowse…"));
    m_browseCa->setAccessibleName(tr("Browse for the CA certificate"));
    m_test->setText(tr("Test co&nnection"));
    m_test->setAccessibleName(tr("Test connection"));
    m_test->setAccessibleDescription(tr("Logs in to the server with these values and shows the result"));
    m_result->setAccessibleName(m_testResult.isEmpty() ? tr("Connection test result") : m_testResult);
    m_hint->setText(tr("OK reconnects the desk with a new host, port, database, user, password or TLS setting; "
                       "changes waiting to be sent stay queued and go to the server once connected. Switching between "
                       "this desk only and the shared server applies at the next start. The password is kept in the "
                       "system keychain."));
}

} // namespace desk
