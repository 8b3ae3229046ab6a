#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace desk {

// Settings page "Telephony": SIP account (user, domain, transport, registrar or listen-only port), the password
// (written to the system keychain, never to QSettings), TLS CA file, client certificate and private key (with file
// pickers) and verification, audio devices, line →
// municipality map, wrap-up time and "not ready until the outcome is saved". Reads and writes the "Calls" group of
// loadCallDeskConfig().
class TelephonySettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TelephonySettingsPage)

public:
    explicit TelephonySettingsPage(QWidget *parent = nullptr);
    ~TelephonySettingsPage() override;

    // Devices as (id, name) pairs, may be empty. The running desk publishes what its SIP engine found
    // (publishAudioDevices); a new page starts with that list.
    static void publishAudioDevices(const QList<QPair<QString, QString>> &inputs,
                                    const QList<QPair<QString, QString>> &outputs);
    void setAudioDevices(const QList<QPair<QString, QString>> &inputs, const QList<QPair<QString, QString>> &outputs);
    void load(QSettings &settings);
    void save(QSettings &settings); // the password goes to the keychain (asynchronously)
    // Checks the TLS files as typed (desk::checkSipTlsFiles) when SIP over TLS is on. On an error the page shows
    // it (announced to screen readers), focuses the field it names and returns false; the dialog then stays open.
    bool validate(QString *error = nullptr);
    QString validationError() const;

private:
    QCheckBox *m_enabled;
    QLineEdit *m_user;
    QLineEdit *m_domain;
    QComboBox *m_transport;
    QLineEdit *m_registrar;
    QSpinBox *m_port;
    QLineEdit *m_password;
    QComboBox *m_input;
    QComboBox *m_output;
    QLineEdit *m_lineMap;
    QSpinBox *m_wrapUp;
    QCheckBox *m_untilOutcome;
    QLineEdit *m_tlsCaFile;   // transport TLS: CA (PEM) of the phone system's certificate; empty: the system's CAs
    QCheckBox *m_tlsVerify;   // transport TLS: verify the phone system's certificate
    QLineEdit *m_tlsCertFile; // transport TLS: client certificate (PEM) for phone systems that require one
    QPushButton *m_tlsCertBrowse;
    QLineEdit *m_tlsKeyFile; // its private key (PEM, unencrypted)
    QPushButton *m_tlsKeyBrowse;
    QLabel *m_tlsError; // what validate() found, empty when fine

    void browse(QLineEdit *field, const QString &title, const QString &filter);
};

// Settings page "Mail": SMTP server, port, security, login and sender for the forwards and confirmations (password
// in the keychain), the business calendar (state for the public holidays, service hours) for the deadlines, and the
// privacy period: caller numbers older than N days are masked or removed at every start; whether due cases also
// come as desktop notifications.
class MailSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MailSettingsPage)

public:
    explicit MailSettingsPage(QWidget *parent = nullptr);
    ~MailSettingsPage() override;

    void load(QSettings &settings);
    void save(QSettings &settings);

private:
    QCheckBox *m_enabled;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_fromEmail;
    QLineEdit *m_fromName;
    QComboBox *m_state;
    QLineEdit *m_hours;
    QSpinBox *m_retention;
    QComboBox *m_purgeMode;
    QCheckBox *m_notifications;
};

} // namespace desk
