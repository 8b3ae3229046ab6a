#include "deskcatalogue.h"

#include "pending_store.h"
#include "store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCatalogue, "hotline.desk.catalogue", QtInfoMsg)

namespace desk {

QString defaultCatalogueDatabasePath()
{
    return kb::defaultDatabasePath();
}

std::unique_ptr<kb::Store> openDeskCatalogue(const QString &path, QString *error)
{
    const QString file = path.isEmpty() ? kb::defaultDatabasePath() : path;
    QDir().mkpath(QFileInfo(file).absolutePath());
    QString err;
    std::unique_ptr<kb::Store> store = kb::openSqliteStore(file, &err);
    if (!store) {
        *error = QCoreApplication::translate("DeskCatalogue", "Cannot open the catalogue %1: %2").arg(file, err);
        return nullptr;
    }
    if (store->stats().articles == 0) {
        qCInfo(lcCatalogue) << "empty catalogue at" << file << "- installing the default catalogue";
        if (!kb::installDefaultCatalogue(*store, &err)) {
            *error = QCoreApplication::translate("DeskCatalogue", "Cannot install the built-in catalogue into %1: %2")
                         .arg(file, err);
            return nullptr;
        }
    }
    return store;
}

} // namespace desk
