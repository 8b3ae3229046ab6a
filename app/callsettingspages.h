#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSettings;
class QSpinBox;

namespace desk {

// Settings page "Telephony": SIP account (user, domain, transport, registrar or listen-only port), the password
// (written to the system keychain, never to QSettings), TLS CA file and verification, audio devices, line →
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
    QLineEdit *m_tlsCaFile; // transport TLS: CA (PEM) of the phone system's certificate; empty: the system's CAs
    QCheckBox *m_tlsVerify; // transport TLS: verify the phone system's certificate
};

// Settings page "Mail": SMTP server, port, security, login and sender for the forwards and confirmations (password
// in the keychain), the business calendar (state for the public holidays, service hours) for the deadlines, and the
// privacy period: caller numbers older than N days are masked or removed at every start.
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
};

} // namespace desk
