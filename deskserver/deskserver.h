#pragma once

// The desk modules (journal, outbox, appointments) on the shared PostgreSQL store: their migration
// chains and the desk roles' rights on their tables. Separate from kb so that kb and hotline-admin
// do not link the modules (docs/shared-store.md, "hotline-admin-desk").

#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>

namespace deskserver {

// The module chains in dependency order: outbox, journal, appointments.
QStringList components();

// Applies every module chain to this build's version under an advisory lock (two admins at once do
// not both run a step), each step in its own transaction; then grants the module tables to
// hotline_agent / hotline_lead (deskserver/roles.sql; the roles must exist: hotline-admin init).
bool migrateServer(QSqlDatabase &db, QString *error);

// (component, version on the server) for every module chain; 0: not created.
QList<QPair<QString, int>> serverVersions(QSqlDatabase &db);

} // namespace deskserver
