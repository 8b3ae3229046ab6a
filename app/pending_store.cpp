// TEMPORARY (desk branch only): stand-ins so hotline-desk links before kb/sqlitestore.cpp and
// kb/defaultcatalogue.cpp land. app/CMakeLists.txt compiles this file only while those files are missing, and
// defines HOTLINE_PENDING_SQLITE_STORE / HOTLINE_PENDING_DEFAULT_CATALOGUE for the missing ones. The lead deletes
// this file and pending_store.h when merging. The desk then reports "catalogue unavailable" at start.
#include "pending_store.h"
#include "store.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace kb {

#ifdef HOTLINE_PENDING_SQLITE_STORE
std::unique_ptr<Store> openSqliteStore(const QString &, QString *error)
{
    if (error) {
        *error = QStringLiteral("the SQLite store is not part of this build yet (desk branch before the store merge)");
    }
    return nullptr;
}
#endif

#ifdef HOTLINE_PENDING_DEFAULT_CATALOGUE
bool installDefaultCatalogue(Store &, QString *error)
{
    if (error) {
        *error = QStringLiteral("the default catalogue is not part of this build yet");
    }
    return false;
}

QString defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/catalogue.sqlite");
}
#endif

} // namespace kb
