#include "password.h"

#include <argon2.h>

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <array>

namespace kb {

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::Password)
};

constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;
constexpr int kMinimumLength = 10;

} // namespace

QString hashPassword(const QString &password, QString *error, const PasswordCost &cost)
{
    std::array<quint32, kSaltBytes / 4> salt{};
    QRandomGenerator::system()->fillRange(salt.data(), salt.size());
    const QByteArray utf8 = password.toUtf8();
    QByteArray encoded(int(argon2_encodedlen(cost.iterations, cost.memoryKiB, cost.lanes, kSaltBytes, kHashBytes,
                                             Argon2_id)),
                       '\0');
    const int rc = argon2id_hash_encoded(cost.iterations, cost.memoryKiB, cost.lanes, utf8.constData(),
                                         size_t(utf8.size()), salt.data(), kSaltBytes, kHashBytes, encoded.data(),
                                         size_t(encoded.size()));
    if (rc != ARGON2_OK) {
        if (error) {
            *error = Messages::tr("hashing the password failed: %1").arg(QString::fromLatin1(argon2_error_message(rc)));
        }
        return QString();
    }
    return QString::fromLatin1(encoded.constData());   // NUL-terminated inside the buffer
}

bool verifyPassword(const QString &encodedHash, const QString &password)
{
    if (!encodedHash.startsWith(QLatin1String("$argon2id$"))) {
        return false;
    }
    const QByteArray encoded = encodedHash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return argon2id_verify(encoded.constData(), utf8.constData(), size_t(utf8.size())) == ARGON2_OK;
}

bool passwordNeedsRehash(const QString &encodedHash, const PasswordCost &cost)
{
    static const QRegularExpression params(QStringLiteral("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$"));
    const QRegularExpressionMatch m = params.match(encodedHash);
    if (!m.hasMatch()) {
        return true;
    }
    return m.captured(1).toUInt() < cost.memoryKiB || m.captured(2).toUInt() < cost.iterations
        || m.captured(3).toUInt() < cost.lanes;
}

bool checkPasswordRules(const QString &password, QString *error)
{
    if (password.size() < kMinimumLength) {
        if (error) {
            *error = Messages::tr("the password must have at least %1 characters").arg(kMinimumLength);
        }
        return false;
    }
    if (password.trimmed().isEmpty()) {
        if (error) {
            *error = Messages::tr("the password must not be only spaces");
        }
        return false;
    }
    return true;
}

} // namespace kb
