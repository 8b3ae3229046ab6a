#include "changepassworddialog.h"

#include "editorialsession.h"
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

ChangePasswordDialog::ChangePasswordDialog(EditorialSession *session, QWidget *parent)
    : QDialog(parent), m_session(session), m_intro(new QLabel(this)), m_current(new QLineEdit(this)),
      m_new(new QLineEdit(this)), m_repeat(new QLineEdit(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("ChangePasswordDialog"));
    setWindowTitle(tr("Change my password"));
    m_intro->setWordWrap(true);
    m_error->setWordWrap(true);
    styleAsError(m_error);
    for (QLineEdit *edit : {m_current, m_new, m_repeat}) {
        edit->setEchoMode(QLineEdit::Password);
    }
    const QString name = m_session->user().name;
    m_intro->setText(m_session->isShared()
                         ? tr("New password for %1 on the shared server. It applies to every desk at the next sign-in; "
                              "it needs at least 10 characters.")
                               .arg(name)
                         : tr("New password for %1. It needs at least 10 characters.").arg(name));
    auto *form = new QFormLayout;
    form->addRow(tr("&Current password:"), m_current);
    form->addRow(tr("&New password:"), m_new);
    form->addRow(tr("&Repeat new password:"), m_repeat);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("C&hange password"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_intro->setAccessibleName(tr("Explanation"));
    m_error->setAccessibleName(tr("Password change error"));
    m_current->setAccessibleName(tr("Current password"));
    m_current->setAccessibleDescription(tr("The password you signed in with"));
    m_new->setAccessibleName(tr("New password"));
    m_new->setAccessibleDescription(tr("At least 10 characters"));
    m_repeat->setAccessibleName(tr("Repeat new password"));
    m_repeat->setAccessibleDescription(tr("The new password once more"));
    for (QAbstractButton *b : m_buttons->buttons()) {
        b->setAccessibleName(b->text().remove(QLatin1Char('&')));
    }
    m_buttons->button(QDialogButtonBox::Ok)
        ->setAccessibleDescription(tr("Checks the current password and sets the new one"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleDescription(tr("Keeps the current password"));
    m_current->setFocus();
}

ChangePasswordDialog::~ChangePasswordDialog() = default;

QLineEdit *ChangePasswordDialog::currentEdit() const
{
    return m_current;
}

QLineEdit *ChangePasswordDialog::newEdit() const
{
    return m_new;
}

QLineEdit *ChangePasswordDialog::repeatEdit() const
{
    return m_repeat;
}

QString ChangePasswordDialog::errorText() const
{
    return m_error->text();
}

bool ChangePasswordDialog::isBusy() const
{
    return m_busy;
}

void ChangePasswordDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setAccessibleName(text.isEmpty() ? tr("Password change error") : text);
    if (!text.isEmpty()) {
        QAccessibleEvent alert(m_error, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void ChangePasswordDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_buttons->setEnabled(!busy);
    for (QLineEdit *edit : {m_current, m_new, m_repeat}) {
        edit->setEnabled(!busy);
    }
}

void ChangePasswordDialog::accept()
{
    if (m_busy) {
        return;
    }
    kb::Store *store = m_session->store();
    if (!store || !m_session->isSignedIn()) {
        showError(tr("Nobody is signed in."));
        return;
    }
    if (m_current->text().isEmpty()) {
        showError(tr("Enter your current password."));
        m_current->setFocus();
        return;
    }
    QString error;
    if (!kb::checkPasswordRules(m_new->text(), &error)) {
        showError(error);
        m_new->setFocus();
        return;
    }
    if (m_new->text() != m_repeat->text()) {
        showError(tr("The two new passwords differ."));
        m_repeat->setFocus();
        return;
    }
    if (m_session->isShared()) {
        changeOnServer();
        return;
    }
    const QString name = m_session->user().name;
    if (!store->authenticate(name, m_current->text(), &error)) {
        showError(tr("The current password is wrong."));
        m_current->selectAll();
        m_current->setFocus();
        Q_EMIT answered(false);
        return;
    }
    if (!store->setPassword(name, m_new->text(), &error)) {
        showError(tr("Cannot change the password: %1").arg(error));
        Q_EMIT answered(false);
        return;
    }
    m_session->noteOwnPasswordChanged(m_new->text());
    Q_EMIT answered(true);
    QDialog::accept();
}

void ChangePasswordDialog::changeOnServer()
{
    kb::PgConnection params = m_session->sharedServer();
    params.user = m_session->user().name;
    params.password = m_current->text();
    setBusy(true);
    m_error->setText(tr("Checking the current password at the server…"));
    checkServerLogin(params, this, [this](bool ok, const QString &error) { finishChange(ok, error); });
}

void ChangePasswordDialog::finishChange(bool ok, const QString &loginError)
{
    setBusy(false);
    if (!ok) {
        showError(isAuthenticationFailure(loginError) ? tr("The current password is wrong.")
                                                      : tr("Cannot reach the server: %1").arg(loginError));
        m_current->selectAll();
        m_current->setFocus();
        Q_EMIT answered(false);
        return;
    }
    auto *server = dynamic_cast<kb::PgStore *>(m_session->store());
    QString error;
    if (!server) {
        showError(tr("Cannot change the password: not signed in at the server."));
        Q_EMIT answered(false);
        return;
    }
    QSqlDatabase db = server->database();
    if (!kb::changePgPassword(db, m_new->text(), &error)) {
        showError(tr("Cannot change the password: %1").arg(error));
        Q_EMIT answered(false);
        return;
    }
    m_session->noteOwnPasswordChanged(m_new->text());
    Q_EMIT answered(true);
    QDialog::accept();
}

} // namespace desk
