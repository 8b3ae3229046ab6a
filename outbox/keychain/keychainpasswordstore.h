#pragma once

#include <QObject>
#include <QString>

namespace outbox {

// The SMTP password in the system keychain (Secret Service / KWallet via QtKeychain), never in plain
// settings. A target of its own (outbox_keychain) so the outbox library stays QtCore + QtSql; QtKeychain
// itself needs QtDBus only. Asynchronous: results arrive as signals, no nested event loop.
class KeychainPasswordStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainPasswordStore)

public:
    explicit KeychainPasswordStore(QString service = QStringLiteral("Hotline Desk SMTP"), QObject *parent = nullptr);
    ~KeychainPasswordStore() override;

    void read(const QString &account);
    void write(const QString &account, const QString &password);
    void remove(const QString &account);

Q_SIGNALS:
    void passwordRead(const QString &account, const QString &password);
    void passwordWritten(const QString &account);
    void passwordRemoved(const QString &account);
    void errorOccurred(const QString &account, const QString &error);

private:
    QString m_service;
};

} // namespace outbox
