#pragma once

// Shared by the search evaluation and benchmark: the real catalogue, a plain FTS5 baseline over the
// same articles, and a synthetic corpus recombined from the real text.

#include "article.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

struct sqlite3;

namespace bench {

// The Munich catalogue from ../shared (services and their offices), read by the real importer.
kb::Catalogue loadMunichCatalogue();

// `count` articles: the real ones first, then synthetic ones whose titles, keywords and sentences are
// drawn (seeded) from the real text, so word statistics stay German and realistic.
QList<kb::Article> syntheticCorpus(const QList<kb::Article> &real, int count, quint32 seed);

// A plain FTS5 index (unicode61 tokenizer, bm25 with the same field weights, OR of the query's words):
// what one gets from SQLite out of the box.
class Fts5Baseline
{
public:
    // In memory, or in the SQLite file `path` (to measure its size).
    explicit Fts5Baseline(const QList<kb::Article> &articles, const QString &path = QString());
    ~Fts5Baseline();
    Fts5Baseline(const Fts5Baseline &) = delete;
    Fts5Baseline &operator=(const Fts5Baseline &) = delete;

    QStringList search(const QString &query, int limit) const;   // article ids, best first

private:
    sqlite3 *m_db = nullptr;
    QList<QString> m_ids;
};

} // namespace bench
