#pragma once

#include <QByteArray>
#include <QString>

namespace kb {

// Argon2id password hashes in the standard encoded form
// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>" (libargon2, Debian libargon2-dev). The encoded form
// carries its own parameters, so raising the cost later still verifies old hashes.
struct PasswordCost
{
    // OWASP's recommendation for Argon2id (2023): 19 MiB, 2 passes, 1 lane. About 50 ms on a desk PC:
    // negligible at login, expensive for anyone guessing against a stolen database file.
    quint32 memoryKiB = 19456;
    quint32 iterations = 2;
    quint32 lanes = 1;
};

// A fresh 16-byte salt from QRandomGenerator::system(). Empty string and message on failure.
QString hashPassword(const QString &password, QString *error = nullptr, const PasswordCost &cost = PasswordCost());

// Constant-time check (argon2id_verify). False for a wrong password and for anything that is not an
// Argon2id hash.
bool verifyPassword(const QString &encodedHash, const QString &password);

// True when the hash was made with less than `cost` (re-hash at the next successful login).
bool passwordNeedsRehash(const QString &encodedHash, const PasswordCost &cost = PasswordCost());

// Minimum rules for a new password; false and a message naming the rule otherwise.
bool checkPasswordRules(const QString &password, QString *error);

} // namespace kb
