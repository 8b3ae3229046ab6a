#include "secretstore.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace cti::SecretStore {

void readSecret(const QString &service, const QString &key, QObject *context, ReadCallback callback)
{
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setAutoDelete(true);
    job->setKey(key);
    // The desk must never fall back to a plain file for the password.
    job->setInsecureFallback(false);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, callback](QKeychain::Job *) {
        if (job->error() != QKeychain::NoError) {
            callback(false, QString(), job->errorString());
        } else {
            callback(true, job->textData(), QString());
        }
    });
    job->start();
}

void writeSecret(const QString &service, const QString &key, const QString &secret, QObject *context,
                 WriteCallback callback)
{
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, callback](QKeychain::Job *) {
        callback(job->error() == QKeychain::NoError, job->error() == QKeychain::NoError ? QString() : job->errorString());
    });
    job->start();
}

void deleteSecret(const QString &service, const QString &key, QObject *context, WriteCallback callback)
{
    auto *job = new QKeychain::DeletePasswordJob(service);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, callback](QKeychain::Job *) {
        const bool ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        callback(ok, ok ? QString() : job->errorString());
    });
    job->start();
}

QString sipAccountKey(const QString &user, const QString &domain)
{
    return QStringLiteral("sip:%1@%2").arg(user, domain);
}

} // namespace cti::SecretStore
