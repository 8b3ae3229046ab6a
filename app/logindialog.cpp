#include "logindialog.h"

#include "password.h"
#include "store.h"

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
    setObjectName(QStringLiteral("LoginDialog"));
    m_firstLead = m_store && !m_store->hasUsers();
    m_intro->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::BrightText);
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
    m_password->setAccessibleDescription(tr("At least 10 characters"));
    m_repeat->setAccessibleName(tr("Repeat password"));
    m_repeat->setAccessibleDescription(tr("The same password once more"));
    for (QAbstractButton *b : m_buttons->buttons()) {
        b->setAccessibleName(b->text().remove(QLatin1Char('&')));
        b->setAccessibleDescription(m_firstLead ? tr("Create the account") : tr("Sign in or cancel"));
    }
    m_name->setFocus();
}

LoginDialog::~LoginDialog() = default;

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
