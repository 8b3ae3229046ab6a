#pragma once

#include "sharedstoreconfig.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace desk {

// Settings page "Server": off (one desk, local SQLite catalogue) or a shared PostgreSQL store (host, port,
// database, user, TLS mode with CA file, password). The password goes to the keychain (kb::PgPasswordStore),
// never into the settings file. "Test connection" logs in on a worker thread and shows the result.
class ServerSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerSettingsPage)

public:
    explicit ServerSettingsPage(QWidget *parent = nullptr);
    ~ServerSettingsPage() override;

    // The values shown (the password is read from the keychain in the background).
    void setConfig(const SharedStoreConfig &config);
    SharedStoreConfig config() const; // with the password as typed
    // Saves to the settings and the password to the keychain (only when known: typed, or read from the keychain
    // before). A running desk reconnects with the new values (SettingsDialog::serverSettingsApplied); switching
    // shared mode on or off applies at the next start.
    void apply();
    // The password field holds the real password: typed, read from the keychain, or none was needed. False while
    // the keychain has not answered yet (OK then leaves the keychain alone).
    bool isPasswordKnown() const;

    void testConnection();
    bool isTesting() const;
    QString testResult() const;

Q_SIGNALS:
    void connectionTested(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateEnabled();
    void browseCa();
    void handleTestFinished(bool ok, const QString &message);

    QLabel *m_modeLabel;
    QComboBox *m_mode;
    QLabel *m_hostLabel;
    QLineEdit *m_host;
    QLabel *m_portLabel;
    QSpinBox *m_port;
    QLabel *m_databaseLabel;
    QLineEdit *m_database;
    QLabel *m_userLabel;
    QLineEdit *m_user;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QLabel *m_tlsLabel;
    QComboBox *m_tls;
    QLabel *m_caLabel;
    QLineEdit *m_caFile;
    QPushButton *m_browseCa;
    QPushButton *m_test;
    QLabel *m_result;
    QLabel *m_hint;
    kb::PgConnection m_base; // what the page has no field for (timeout, application name) is kept
    bool m_testing = false;
    bool m_passwordEdited = false;
    bool m_passwordLoaded = true; // false while the keychain read of setConfig() is pending
    QString m_testResult;
};

} // namespace desk
