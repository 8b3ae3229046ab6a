#pragma once

#include <functional>

#include <QObject>
#include <QString>

namespace cti {

// The SIP password (and any other secret) lives in the system keychain (Secret Service / KWallet via QtKeychain),
// never in settings files. Asynchronous: the callback runs on the caller's thread once the keychain answered,
// and is skipped if context was destroyed meanwhile (KeePassXC's runThenCallback rule).
// QtKeychain-qt6 links QtCore and QtDBus only, so cti stays free of QtGui (checked by the tests).
namespace SecretStore {

using ReadCallback = std::function<void(bool ok, const QString &secret, const QString &error)>;
using WriteCallback = std::function<void(bool ok, const QString &error)>;

// service: e.g. "hotline-desk"; key: e.g. "sip:agent@pbx.example".
void readSecret(const QString &service, const QString &key, QObject *context, ReadCallback callback);
void writeSecret(const QString &service, const QString &key, const QString &secret, QObject *context,
                 WriteCallback callback);
void deleteSecret(const QString &service, const QString &key, QObject *context, WriteCallback callback);

// Keychain key for a SIP account.
QString sipAccountKey(const QString &user, const QString &domain);

} // namespace SecretStore
} // namespace cti
