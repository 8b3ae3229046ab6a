#pragma once

#include "editorial.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace kb {
class Store;
}

namespace desk {

// Sign-in at start (and for switching user). On a catalogue without users it creates the first team lead instead:
// name, display name and the password twice, checked against kb::checkPasswordRules before the store is asked.
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    explicit LoginDialog(kb::Store *store, QWidget *parent = nullptr);
    ~LoginDialog() override;

    bool isFirstLead() const;
    kb::User user() const;
    QString errorText() const;

    QLineEdit *nameEdit() const;
    QLineEdit *displayNameEdit() const;
    QLineEdit *passwordEdit() const;
    QLineEdit *repeatEdit() const;

    void accept() override;

private:
    kb::Store *m_store;
    bool m_firstLead = false;
    kb::User m_user;
    QLabel *m_intro;
    QLineEdit *m_name;
    QLineEdit *m_displayName;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace desk
