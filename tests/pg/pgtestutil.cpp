#include "pgtestutil.h"

#include "pgstore.h"

#include <catch2/catch.hpp>

#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace hotline::test {

namespace {
std::atomic<int> rawCounter{0};
}

kb::PgConnection freshPgDatabase(bool migrated)
{
    PgCluster &cluster = sharedCluster();
    QString error;
    const QString name = cluster.createDatabase(QStringLiteral("hotline_test"), &error);
    INFO(error.toStdString());
    REQUIRE_FALSE(name.isEmpty());
    const kb::PgConnection params = cluster.connection(name);
    if (migrated) {
        const bool migratedOk = kb::migratePgStore(params, kb::pgSchemaVersion(), &error);
        INFO(error.toStdString());
        REQUIRE(migratedOk);
        RawPg raw(params);
        const bool rolesOk = kb::applyPgRoles(raw.db(), &error);
        INFO(error.toStdString());
        REQUIRE(rolesOk);
    }
    return params;
}

kb::Article makeArticle(const QString &id, const QString &title)
{
    kb::Article a;
    a.id = id;
    a.title = title;
    a.summary = QStringLiteral("Summary of %1").arg(title);
    a.descriptionHtml = QStringLiteral("<p>About %1</p>").arg(title);
    a.documents = {QStringLiteral("Personalausweis"), QStringLiteral("Meldebestätigung")};
    a.keywords = {QStringLiteral("Perso")};
    a.links = {kb::Link{QStringLiteral("Antrag"), QStringLiteral("https://example.org/a.pdf"), QString()}};
    a.durationMinutes = 15;
    a.validFrom = QDate(2025, 1, 1);
    a.reviewBy = QDate(2026, 12, 31);
    a.source = QStringLiteral("Test");
    return a;
}

kb::Office makeOffice(const QString &id)
{
    kb::Office o;
    o.id = id;
    o.name = QStringLiteral("Bürgerbüro %1").arg(id);
    o.street = QStringLiteral("Ruppertstraße 19");
    o.postalCode = QStringLiteral("80466");
    o.city = QStringLiteral("München");
    o.latitude = 48.123456789;
    o.longitude = 11.55;
    o.keywords = {QStringLiteral("KVR")};
    return o;
}

RawPg::RawPg(const kb::PgConnection &params) : m_name(QStringLiteral("test.raw.%1").arg(rawCounter.fetch_add(1)))
{
    QString error;
    const bool ok = kb::openPgConnection(params, m_name, &error);
    INFO(error.toStdString());
    REQUIRE(ok);
    m_db = QSqlDatabase::database(m_name, false);
}

RawPg::~RawPg()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

QVariant RawPg::scalar(const QString &sql)
{
    QSqlQuery q(m_db);
    INFO(sql.toStdString());
    const bool ok = q.exec(sql) && q.next();
    INFO(q.lastError().text().toStdString());
    REQUIRE(ok);
    return q.value(0);
}

bool RawPg::exec(const QString &sql, QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        if (error) {
            *error = q.lastError().text();
        }
        return false;
    }
    return true;
}

} // namespace hotline::test
