#pragma once

#include "pgconnection.h"

#include <QObject>
#include <QString>

#include <functional>

namespace desk {

// Logs in to the shared store with `params` (name and password as entered) on a thread of its own:
// the server checks the password (SCRAM) and the schema version, which can take the connect
// timeout, so the UI stays responsive. `done(ok, error)` runs on the UI thread afterwards, unless
// `receiver` is gone by then. The connection is closed again: QSqlDatabase connections belong to
// the thread that opened them, so the caller opens its own (kb::openPgStore) once this succeeded.
void checkServerLogin(const kb::PgConnection &params, QObject *receiver,
                      std::function<void(bool ok, const QString &error)> done);

// True when a failed login was the server refusing name or password (not an unreachable server).
bool isAuthenticationFailure(const QString &error);

} // namespace desk
