#include "deskcatalogue.h"

#include "defaultcatalogue.h"
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
    bool installed = false;
    if (!kb::installDefaultCatalogueIfEmpty(*store, &installed, &err)) {
        *error = QCoreApplication::translate("DeskCatalogue", "Cannot install the built-in catalogue into %1: %2")
                     .arg(file, err);
        return nullptr;
    }
    if (installed) {
        qCInfo(lcCatalogue) << "first start: installed the built-in catalogue into" << file;
    }
    return store;
}

} // namespace desk
