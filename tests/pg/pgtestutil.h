#pragma once

// Helpers shared by the PostgreSQL tests: a fresh database per test case on the binary's one
// throwaway cluster, catalogue builders, and a raw connection for looking behind the store.

#include "pgcluster.h"

#include "article.h"
#include "pgconnection.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace hotline::test {

// A new empty database on the shared cluster; `migrated`: schema applied and roles granted.
kb::PgConnection freshPgDatabase(bool migrated = true);

kb::Article makeArticle(const QString &id, const QString &title);
kb::Office makeOffice(const QString &id);

// A plain QPSQL connection (its own name) for inspecting or changing the server directly.
class RawPg
{
public:
    explicit RawPg(const kb::PgConnection &params);
    ~RawPg();
    RawPg(const RawPg &) = delete;
    RawPg &operator=(const RawPg &) = delete;

    QVariant scalar(const QString &sql);
    bool exec(const QString &sql, QString *error = nullptr);
    QSqlDatabase &db()
    {
        return m_db;
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace hotline::test
