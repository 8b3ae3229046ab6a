#pragma once

#include "pgconnection.h"

#include <QString>

namespace desk {

// Where the desk's catalogue comes from: off (one desk, local SQLite catalogue) or a shared PostgreSQL
// store with a local replica (docs/shared-store.md). Kept in the desk's QSettings under "SharedStore"
// (Enabled plus kb::PgConnection's keys); the password is never written there: it lives in the keychain
// (kb::PgPasswordStore).
struct SharedStoreConfig
{
    bool enabled = false;
    kb::PgConnection connection;

    static SharedStoreConfig load();
    void save() const; // without the password

    // The replica and the write queue in the app data folder ("shared/replica.db", "shared/queue.db").
    static QString defaultDataFolder();
    QString dataFolder; // empty: defaultDataFolder()
    QString replicaPath() const;
    QString queuePath() const;
};

} // namespace desk
