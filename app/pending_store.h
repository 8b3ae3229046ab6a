#pragma once
// TEMPORARY (desk branch, until the store branch is merged): declarations of the default-catalogue functions the
// store helper is adding in kb/defaultcatalogue.h. Once that header exists it is used instead; the lead deletes
// this file and pending_store.cpp on merge (app/CMakeLists.txt stops compiling pending_store.cpp by itself).
#if __has_include("defaultcatalogue.h")
#include "defaultcatalogue.h"
#else
#include <QString>

namespace kb {
class Store;
bool installDefaultCatalogue(Store &store, QString *error);
QString defaultDatabasePath();
} // namespace kb
#endif
