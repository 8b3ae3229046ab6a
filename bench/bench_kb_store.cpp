// Store write speed: upsert() of a large catalogue (insert, unchanged, update) beside a baseline
// that writes the same number of rows with the plainest prepared INSERT through Qt SQL in one
// transaction. Articles are the built-in Munich catalogue, repeated with new ids.
// Run: build/bench/bench_kb_store [N]   (default 50000 articles)
#include "defaultcatalogue.h"
#include "sqlitestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

namespace {

double perSecond(qsizetype n, qint64 ns)
{
    return ns > 0 ? double(n) * 1e9 / double(ns) : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int n = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 50000;
    kb::Catalogue base;
    QString error;
    if (!kb::loadDefaultCatalogue(&base, nullptr, &error) || base.articles.isEmpty()) {
        out << "cannot load the built-in catalogue: " << error << Qt::endl;
        return 1;
    }
    kb::Catalogue catalogue;
    catalogue.offices = base.offices;
    for (int i = 0; catalogue.articles.size() < n; ++i) {
        kb::Article a = base.articles.at(i % base.articles.size());
        a.id += QStringLiteral("-%1").arg(i / base.articles.size());
        if (qEnvironmentVariableIsSet("BENCH_NO_LINKS")) {
            a.offices.clear();
        }
        if (qEnvironmentVariableIsSet("BENCH_SMALL")) {
            a.descriptionHtml.clear();
            a.links.clear();
        }
        catalogue.articles << a;
    }
    QTemporaryDir dir;

    // Baseline: id, title and description into a bare table, one prepared statement, one transaction.
    qint64 baselineNs = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("baseline"));
        db.setDatabaseName(dir.filePath(QStringLiteral("baseline.db")));
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        q.exec(QStringLiteral("CREATE TABLE t (id TEXT PRIMARY KEY, title TEXT, body TEXT)"));
        QElapsedTimer timer;
        timer.start();
        db.transaction();
        q.prepare(QStringLiteral("INSERT INTO t (id, title, body) VALUES (?, ?, ?)"));
        for (const kb::Article &a : std::as_const(catalogue.articles)) {
            q.bindValue(0, a.id);
            q.bindValue(1, a.title);
            q.bindValue(2, a.descriptionHtml);
            q.exec();
        }
        db.commit();
        baselineNs = timer.nsecsElapsed();
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("baseline"));

    auto store = kb::openSqliteStore(dir.filePath(QStringLiteral("kb.db")), &error);
    if (!store) {
        out << error << Qt::endl;
        return 1;
    }
    auto timed = [&](const kb::Catalogue &c, kb::UpsertReport *report) {
        QElapsedTimer timer;
        timer.start();
        if (!store->upsert(c, report, &error)) {
            out << "upsert failed: " << error << Qt::endl;
            std::exit(1);
        }
        return timer.nsecsElapsed();
    };
    kb::UpsertReport report;
    const qint64 insertNs = timed(catalogue, &report);
    const qint64 unchangedNs = timed(catalogue, &report);
    for (kb::Article &a : catalogue.articles) {
        a.keywords << QStringLiteral("geändert");
    }
    const qint64 updateNs = timed(catalogue, &report);

    out << "articles: " << catalogue.articles.size() << " (built-in Munich catalogue repeated)\n";
    out << QStringLiteral("baseline  bare INSERT (id, title, body):   %1 rows/s\n").arg(perSecond(n, baselineNs), 10, 'f', 0);
    out << QStringLiteral("upsert    new articles:                    %1 articles/s\n").arg(perSecond(n, insertNs), 10, 'f', 0);
    out << QStringLiteral("upsert    unchanged articles:              %1 articles/s\n").arg(perSecond(n, unchangedNs), 10, 'f', 0);
    out << QStringLiteral("upsert    changed articles:                %1 articles/s\n").arg(perSecond(n, updateNs), 10, 'f', 0);
    out << "goal: >= 20000 articles/s for new articles" << Qt::endl;
    return 0;
}
