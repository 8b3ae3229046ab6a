#pragma once

#include "store.h"

#include <QString>

class QSqlDatabase;

namespace kb {

// The schema version this build knows: the number of migrations in kb/migrations/.
int sqliteSchemaVersion();

// Applies the embedded migrations user_version+1 … targetVersion to an open database, each in
// its own transaction that also sets PRAGMA user_version. openSqliteStore() calls it; tests use it
// to build databases of older schema versions.
bool applySqliteMigrations(QSqlDatabase &db, int targetVersion, QString *error);

// The SqliteStore class itself lives in sqlitestore.cpp; use openSqliteStore() (store.h).

} // namespace kb
