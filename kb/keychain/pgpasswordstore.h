#pragma once

#include "pgconnection.h"

#include <QObject>
#include <QString>

namespace kb {

// The shared store's password in the system keychain (QtKeychain: Secret Service on Linux),
// never in the settings file. A library of its own (kb_keychain) so that kb stays QtCore + QtSql:
// QtKeychain brings QtDBus (not QtGui). Asynchronous, as the keychain may ask the user.
class PgPasswordStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PgPasswordStore)

public:
    explicit PgPasswordStore(QObject *parent = nullptr);
    ~PgPasswordStore() override;

    // The keychain entry: service "HotlineDesk shared store", key "user@host:port/database".
    static QString keyFor(const PgConnection &params);

    void readPassword(const PgConnection &params);   // → passwordRead or failed
    void writePassword(const PgConnection &params);  // stores params.password → passwordWritten or failed
    void deletePassword(const PgConnection &params); // → passwordDeleted or failed

Q_SIGNALS:
    void passwordRead(const QString &key, const QString &password);
    void passwordWritten(const QString &key);
    void passwordDeleted(const QString &key);
    void failed(const QString &key, const QString &message);
};

} // namespace kb
