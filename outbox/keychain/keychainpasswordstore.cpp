#include "keychainpasswordstore.h"

#include <qt6keychain/keychain.h>

namespace outbox {

KeychainPasswordStore::KeychainPasswordStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

KeychainPasswordStore::~KeychainPasswordStore() = default;

void KeychainPasswordStore::read(const QString &account)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(account);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            Q_EMIT errorOccurred(account, tr("Cannot read the SMTP password from the keychain: %1").arg(j->errorString()));
            return;
        }
        Q_EMIT passwordRead(account, static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
    });
    job->start();
}

void KeychainPasswordStore::write(const QString &account, const QString &password)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(account);
    job->setInsecureFallback(false);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            Q_EMIT errorOccurred(account, tr("Cannot store the SMTP password in the keychain: %1").arg(j->errorString()));
            return;
        }
        Q_EMIT passwordWritten(account);
    });
    job->start();
}

void KeychainPasswordStore::remove(const QString &account)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
            Q_EMIT errorOccurred(account, j->errorString());
            return;
        }
        Q_EMIT passwordRemoved(account);
    });
    job->start();
}

} // namespace outbox
