#pragma once

#include "desksettings.h"
#include "sharedstoreconfig.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QListWidgetItem;

namespace desk {

class MailSettingsPage;
class TelephonySettingsPage;
class ServerSettingsPage;

// Settings: database path, language and link handling; pages for telephony and mail, which later parts
// will fill (they say so). Reads from and writes to DeskSettings only on accept().
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(DeskSettings *settings, const QString &defaultDatabasePath, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    QString databasePath() const; // empty: the default
    QString language() const;
    LinkHandling linkHandling() const;

    void setLanguage(const QString &code);
    void accept() override;

Q_SIGNALS:
    // OK saved the Server page: its values (with the password when the page knew it: typed, or read from the
    // keychain before OK). The running desk reconnects with them (attachSharedStore).
    void serverSettingsApplied(const desk::SharedStoreConfig &config, bool passwordKnown);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void browseDatabase();

    DeskSettings *m_settings;
    QString m_defaultDatabasePath;
    QListWidget *m_pages;
    QStackedWidget *m_stack;
    QLabel *m_dbLabel;
    QLineEdit *m_dbPath;
    QPushButton *m_browse;
    QPushButton *m_useDefault;
    QLabel *m_languageLabel;
    QComboBox *m_language;
    QLabel *m_linksLabel;
    QComboBox *m_links;
    QLabel *m_restartHint;
    QLabel *m_telephonyText;
    QLabel *m_mailText;
    TelephonySettingsPage *m_telephonyPage;
    MailSettingsPage *m_mailPage;
    ServerSettingsPage *m_serverPage = nullptr;
    QListWidgetItem *m_serverItem = nullptr;
};

} // namespace desk
