#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace desk {

class EditorialSession;

// "Change my password" for the signed-in user: the current password once, the new one twice (kb::checkPasswordRules).
// One desk: the catalogue's Argon2id hash (Store::authenticate, Store::setPassword). Shared mode: the current password
// is checked by logging in to the server on a thread of its own, then the user's own session runs ALTER ROLE …
// PASSWORD (kb::changePgPassword; PostgreSQL lets every login change its own password).
class ChangePasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangePasswordDialog)

public:
    explicit ChangePasswordDialog(EditorialSession *session, QWidget *parent = nullptr);
    ~ChangePasswordDialog() override;

    QLineEdit *currentEdit() const;
    QLineEdit *newEdit() const;
    QLineEdit *repeatEdit() const;
    QString errorText() const;
    bool isBusy() const;

    void accept() override;

Q_SIGNALS:
    void answered(bool ok); // the change was made (true) or refused (false)

private:
    void showError(const QString &text);
    void setBusy(bool busy);
    void changeOnServer();
    void finishChange(bool ok, const QString &error);

    EditorialSession *m_session;
    bool m_busy = false;
    QLabel *m_intro;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace desk
