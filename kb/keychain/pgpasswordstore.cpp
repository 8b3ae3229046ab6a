#include "pgpasswordstore.h"

#include <qt6keychain/keychain.h>

namespace kb {

namespace {
const QString kService = QStringLiteral("HotlineDesk shared store");
}

PgPasswordStore::PgPasswordStore(QObject *parent) : QObject(parent) {}

PgPasswordStore::~PgPasswordStore() = default;

QString PgPasswordStore::keyFor(const PgConnection &params)
{
    return QStringLiteral("%1@%2:%3/%4").arg(params.user, params.host).arg(params.port).arg(params.database);
}

void PgPasswordStore::readPassword(const PgConnection &params)
{
    const QString key = keyFor(params);
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError) {
            Q_EMIT failed(key, finished->errorString());
            return;
        }
        Q_EMIT passwordRead(key, static_cast<QKeychain::ReadPasswordJob *>(finished)->textData());
    });
    job->start();
}

void PgPasswordStore::writePassword(const PgConnection &params)
{
    const QString key = keyFor(params);
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(key);
    job->setTextData(params.password);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError) {
            Q_EMIT failed(key, finished->errorString());
            return;
        }
        Q_EMIT passwordWritten(key);
    });
    job->start();
}

void PgPasswordStore::deletePassword(const PgConnection &params)
{
    const QString key = keyFor(params);
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError) {
            Q_EMIT failed(key, finished->errorString());
            return;
        }
        Q_EMIT passwordDeleted(key);
    });
    job->start();
}

} // namespace kb
