#pragma once

#include "editorial.h"
#include "pgconnection.h"

#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kb {
class Store;
}

namespace desk {

// Sign-in at start (and for switching user). On a catalogue without users it creates the first team lead instead:
// name, display name and the password twice, checked against kb::checkPasswordRules before the store is asked.
//
// Shared mode (second constructor): the server login is the sign-in. The entered name and password log in to the
// configured PostgreSQL server (its TLS settings; the server checks the password) on a thread of its own; on success
// the dialog opens the UI thread's kb::PgStore with them (takeStore()) and the user is the server's editorial user of
// that name. A refusal shows the server's reason; when the server cannot be reached, "Work offline" lets the desk
// start without editorial functions (search and calls keep working on the replica and the queue).
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    explicit LoginDialog(kb::Store *store, QWidget *parent = nullptr);
    // `server`: the configured shared store (host, port, database, TLS); user and password come from the dialog.
    explicit LoginDialog(const kb::PgConnection &server, QWidget *parent = nullptr);
    ~LoginDialog() override;

    bool isShared() const;
    bool isBusy() const;    // shared mode: waiting for the server's answer
    bool isOffline() const; // shared mode: accepted with "Work offline" (no store, nobody signed in)
    // Shared mode, after acceptance: the signed-in user's own connection to the server (nullptr offline).
    std::unique_ptr<kb::Store> takeStore();
    QPushButton *offlineButton() const;

    bool isFirstLead() const;
    kb::User user() const;
    QString errorText() const;

    QLineEdit *nameEdit() const;
    QLineEdit *displayNameEdit() const;
    QLineEdit *passwordEdit() const;
    QLineEdit *repeatEdit() const;

    void accept() override;

Q_SIGNALS:
    void serverAnswered(bool ok); // shared mode: the server's answer arrived (tests, screen readers)

private:
    void setUpUi();
    void showError(const QString &text);
    void signInAtServer(const QString &name);
    void handleServerAnswer(const QString &name, bool ok, const QString &error);

    kb::Store *m_store;
    bool m_shared = false;
    bool m_busy = false;
    bool m_offline = false;
    kb::PgConnection m_server;
    std::unique_ptr<kb::Store> m_serverStore;
    QPushButton *m_offlineButton = nullptr;
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
