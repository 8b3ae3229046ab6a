#include "logindialog.h"

#include "formfield.h"
#include "password.h"
#include "pgstore.h"
#include "serverlogin.h"
#include "store.h"

#include <QAccessible>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace desk {

LoginDialog::LoginDialog(kb::Store *store, QWidget *parent)
    : QDialog(parent), m_store(store), m_intro(new QLabel(this)), m_name(new QLineEdit(this)),
      m_displayName(new QLineEdit(this)), m_password(new QLineEdit(this)), m_repeat(new QLineEdit(this)),
      m_error(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_firstLead = m_store && !m_store->hasUsers();
    setUpUi();
}

LoginDialog::LoginDialog(const kb::PgConnection &server, QWidget *parent)
    : QDialog(parent), m_store(nullptr), m_shared(true), m_server(server), m_intro(new QLabel(this)),
      m_name(new QLineEdit(this)), m_displayName(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_repeat(new QLineEdit(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_server.password.clear();
    setUpUi();
}

void LoginDialog::setUpUi()
{
    setObjectName(QStringLiteral("LoginDialog"));
    // Room for a login name and a long password: the form was 135 px wide, the explanation wrapped into a column.
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    m_intro->setWordWrap(true);
    m_error->setWordWrap(true);
    styleAsError(m_error);
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->addRow(tr("&Login name:"), m_name);
    if (m_firstLead) {
        form->addRow(tr("&Display name:"), m_displayName);
    }
    form->addRow(tr("&Password:"), m_password);
    if (m_firstLead) {
        form->addRow(tr("&Repeat password:"), m_repeat);
    }
    m_displayName->setVisible(m_firstLead);
    m_repeat->setVisible(m_firstLead);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (m_firstLead) {
        setWindowTitle(tr("Create the first team lead"));
        m_intro->setText(tr("Nobody has an account on this catalogue yet. Create the first team lead: they can then "
                            "add agents and further team leads. The password needs at least 10 characters."));
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create and sign in"));
    } else if (m_shared) {
        setWindowTitle(tr("Sign in to Hotline Desk"));
        m_intro->setText(tr("Sign in with your login for the shared server %1:%2 (database %3).")
                             .arg(m_server.host)
                             .arg(m_server.port)
                             .arg(m_server.database));
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));
        m_offlineButton = m_buttons->addButton(tr("&Work offline"), QDialogButtonBox::ActionRole);
        m_offlineButton->setAccessibleName(tr("Work offline"));
        m_offlineButton->setAccessibleDescription(
            tr("Start without signing in: search and calls work, editing the catalogue does not"));
        m_offlineButton->hide(); // offered once the server could not be reached
        connect(m_offlineButton, &QPushButton::clicked, this, [this]() {
            m_offline = true;
            m_password->clear();
            QDialog::accept();
        });
    } else {
        setWindowTitle(tr("Sign in to Hotline Desk"));
        m_intro->setText(tr("Sign in with your login name and password."));
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));
    }
    m_intro->setAccessibleName(tr("Explanation"));
    m_error->setAccessibleName(tr("Sign-in error"));
    m_name->setAccessibleName(tr("Login name"));
    m_name->setAccessibleDescription(tr("Your login name, for example m.mueller"));
    m_displayName->setAccessibleName(tr("Display name"));
    m_displayName->setAccessibleDescription(tr("The name colleagues see in the review queue and history"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setAccessibleDescription(m_shared ? tr("Your password for the shared server")
                                                  : tr("At least 10 characters"));
    m_repeat->setAccessibleName(tr("Repeat password"));
    m_repeat->setAccessibleDescription(tr("The same password once more"));
    for (QAbstractButton *b : m_buttons->buttons()) {
        if (b == m_offlineButton) {
            continue;
        }
        b->setAccessibleName(b->text().remove(QLatin1Char('&')));
        b->setAccessibleDescription(m_firstLead ? tr("Create the account") : tr("Sign in or cancel"));
    }
    m_name->setFocus();
}

LoginDialog::~LoginDialog() = default;

bool LoginDialog::isShared() const
{
    return m_shared;
}

bool LoginDialog::isBusy() const
{
    return m_busy;
}

bool LoginDialog::isOffline() const
{
    return m_offline;
}

std::unique_ptr<kb::Store> LoginDialog::takeStore()
{
    return std::move(m_serverStore);
}

QPushButton *LoginDialog::offlineButton() const
{
    return m_offlineButton;
}

void LoginDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setAccessibleName(text.isEmpty() ? tr("Sign-in error") : text);
    if (!text.isEmpty()) {
        QAccessibleEvent alert(m_error, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void LoginDialog::signInAtServer(const QString &name)
{
    kb::PgConnection params = m_server;
    params.user = name;
    params.password = m_password->text();
    m_busy = true;
    m_buttons->setEnabled(false);
    m_name->setEnabled(false);
    m_password->setEnabled(false);
    m_error->setText(tr("Signing in at %1…").arg(params.host));
    checkServerLogin(params, this,
                     [this, name](bool ok, const QString &error) { handleServerAnswer(name, ok, error); });
}

void LoginDialog::handleServerAnswer(const QString &name, bool ok, const QString &error)
{
    m_busy = false;
    m_buttons->setEnabled(true);
    m_name->setEnabled(true);
    m_password->setEnabled(true);
    const auto retry = [this]() {
        m_password->selectAll();
        m_password->setFocus();
    };
    if (!ok) {
        if (isAuthenticationFailure(error)) {
            showError(tr("The server refused the sign-in: wrong login name or password.\n(%1)").arg(error));
        } else {
            showError(tr("Cannot sign in at the server: %1\nYou can work offline: search and calls keep working, "
                         "editing the catalogue needs the server.")
                          .arg(error));
            m_offlineButton->show();
        }
        retry();
        Q_EMIT serverAnswered(false);
        return;
    }
    // The password is good: the UI thread's own connection (QSqlDatabase connections stay on their thread).
    kb::PgConnection params = m_server;
    params.user = name;
    params.password = m_password->text();
    QString openError;
    std::unique_ptr<kb::PgStore> store = kb::openPgStore(params, &openError);
    if (!store) {
        showError(tr("Cannot sign in at the server: %1").arg(openError));
        retry();
        Q_EMIT serverAnswered(false);
        return;
    }
    const auto user = store->user(name);
    if (!user) {
        showError(tr("The server knows the login %1 but has no editorial user of that name. Ask the administrator to "
                     "run \"hotline-admin user add %1\" again.")
                      .arg(name));
        retry();
        Q_EMIT serverAnswered(false);
        return;
    }
    if (!user->active) {
        showError(tr("The account %1 is disabled.").arg(name));
        retry();
        Q_EMIT serverAnswered(false);
        return;
    }
    m_user = *user;
    m_serverStore = std::move(store);
    m_password->clear();
    Q_EMIT serverAnswered(true);
    QDialog::accept();
}

bool LoginDialog::isFirstLead() const
{
    return m_firstLead;
}

kb::User LoginDialog::user() const
{
    return m_user;
}

QString LoginDialog::errorText() const
{
    return m_error->text();
}

QLineEdit *LoginDialog::nameEdit() const
{
    return m_name;
}

QLineEdit *LoginDialog::displayNameEdit() const
{
    return m_displayName;
}

QLineEdit *LoginDialog::passwordEdit() const
{
    return m_password;
}

QLineEdit *LoginDialog::repeatEdit() const
{
    return m_repeat;
}

void LoginDialog::accept()
{
    if (m_busy) {
        return;
    }
    if (m_shared) {
        // Login roles are lowercase (hotline-admin user add): "Anna" signs in as anna.
        const QString name = m_name->text().trimmed().toLower();
        if (name.isEmpty()) {
            showError(tr("Enter your login name."));
            m_name->setFocus();
            return;
        }
        if (m_password->text().isEmpty()) {
            showError(tr("Enter your password."));
            m_password->setFocus();
            return;
        }
        signInAtServer(name);
        return;
    }
    if (!m_store) {
        m_error->setText(tr("The catalogue is unavailable, so nobody can sign in."));
        return;
    }
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_error->setText(tr("Enter your login name."));
        m_name->setFocus();
        return;
    }
    QString error;
    if (m_firstLead) {
        if (!kb::checkPasswordRules(m_password->text(), &error)) {
            m_error->setText(error);
            m_password->setFocus();
            return;
        }
        if (m_password->text() != m_repeat->text()) {
            m_error->setText(tr("The two passwords differ."));
            m_repeat->setFocus();
            return;
        }
        const QString display = m_displayName->text().trimmed().isEmpty() ? name : m_displayName->text().trimmed();
        const auto created = m_store->createUser(name, display, kb::Role::Lead, m_password->text(), &error);
        if (!created) {
            m_error->setText(tr("Cannot create the team lead: %1").arg(error));
            return;
        }
    }
    const auto user = m_store->authenticate(name, m_password->text(), &error);
    if (!user) {
        m_error->setText(error);
        m_password->selectAll();
        m_password->setFocus();
        return;
    }
    m_user = *user;
    m_password->clear();
    m_repeat->clear();
    QDialog::accept();
}

} // namespace desk
