#include "sharedstoreconfig.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace desk {

namespace {
const QString Group = QStringLiteral("SharedStore");
}

SharedStoreConfig SharedStoreConfig::load()
{
    const QSettings settings;
    SharedStoreConfig config;
    config.enabled = settings.value(Group + QStringLiteral("/Enabled"), false).toBool();
    config.connection = kb::PgConnection::load(settings, Group);
    return config;
}

void SharedStoreConfig::save() const
{
    QSettings settings;
    settings.setValue(Group + QStringLiteral("/Enabled"), enabled);
    kb::PgConnection withoutPassword = connection;
    withoutPassword.password.clear(); // PgConnection::save() never writes it either; belt and braces
    withoutPassword.save(settings, Group);
    settings.sync();
}

QString SharedStoreConfig::defaultDataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/shared");
}

QString SharedStoreConfig::replicaPath() const
{
    return QDir(dataFolder.isEmpty() ? defaultDataFolder() : dataFolder).filePath(QStringLiteral("replica.db"));
}

QString SharedStoreConfig::queuePath() const
{
    return QDir(dataFolder.isEmpty() ? defaultDataFolder() : dataFolder).filePath(QStringLiteral("queue.db"));
}

} // namespace desk
