#pragma once

// Internal to kb: the migration scripts of both stores (SQLite and PostgreSQL).

#include <QStringList>

namespace kb {

// The *.sql files of a resource folder, sorted, as long as they are numbered 0001_, 0002_, …
// without a gap (a gap is logged as critical and ends the list there).
QStringList numberedSqlFiles(const QString &resourceDir);

// One statement per paragraph (";" then a blank line), so trigger and function bodies may contain
// ";". Comment lines are dropped, and so is the final ";".
QStringList splitSqlStatements(const QString &sql);

} // namespace kb
