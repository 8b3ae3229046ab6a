#pragma once

#include "article.h"

#include <QString>

#include <memory>
#include <optional>

namespace kb {

struct StoreStats
{
    int articles = 0;
    int offices = 0;
    int officeLinks = 0;
    int synonyms = 0;
    int schemaVersion = 0;
    qint64 revision = 0;
    qint64 fileBytes = 0;       // 0 where the backend has no file
};

struct UpsertReport
{
    int articlesInserted = 0;
    int articlesUpdated = 0;
    int articlesUnchanged = 0;
    int officesInserted = 0;
    int officesUpdated = 0;
};

// The one interface every catalogue backend implements: SQLite on one desk, PostgreSQL for many
// (a later issue). A Store is used from one thread; open one per thread. Every write is one
// transaction: it happens whole or not at all. Errors come back as false/empty plus a message.
class Store
{
public:
    virtual ~Store();

    virtual QString backendName() const = 0;

    // Articles and offices are matched by id: new ids are inserted, known ones updated (version
    // bumped only when something changed). All or nothing.
    virtual bool upsert(const Catalogue &catalogue, UpsertReport *report, QString *error) = 0;
    virtual bool removeArticle(const QString &id, QString *error) = 0;

    virtual std::optional<Article> article(const QString &id) const = 0;
    virtual QList<Article> articles(QString *error = nullptr) const = 0;
    virtual std::optional<Office> office(const QString &id) const = 0;
    virtual QList<Office> offices(QString *error = nullptr) const = 0;

    virtual QList<Synonym> synonyms(QString *error = nullptr) const = 0;
    virtual bool setSynonym(const Synonym &synonym, QString *error) = 0;   // replaces the term's row
    virtual bool removeSynonym(const QString &term, QString *error) = 0;

    // Grows with every committed change to articles, offices or synonyms: a cheap "has anything
    // changed since I built my search index" check.
    virtual qint64 revision() const = 0;
    virtual StoreStats stats() const = 0;
};

// Opens (creating if needed) the SQLite database at `path`, migrating it to the current schema.
// Refuses a database whose schema is newer than this build.
std::unique_ptr<Store> openSqliteStore(const QString &path, QString *error);

} // namespace kb
