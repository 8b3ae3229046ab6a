#pragma once

#include <QString>

#include <memory>

namespace kb {
class Store;
}

namespace desk {

// The catalogue the desk opens when the settings name none.
QString defaultCatalogueDatabasePath();

// Opens (creating and migrating if needed) the SQLite catalogue at `path`; an empty catalogue is filled with the
// built-in default catalogue first, so the desk starts with no configuration. Runs on the search thread.
std::unique_ptr<kb::Store> openDeskCatalogue(const QString &path, QString *error);

} // namespace desk
