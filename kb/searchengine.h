#pragma once

#include "article.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace kb {

struct SearchHit
{
    QString id;
    QString title;
    double score = 0;
    QString snippet; // HTML-escaped text with the matched words in <mark>…</mark>
};

struct SearchOptions
{
    int limit = 10;
};

// German-aware search over the catalogue: folding, stemming, compounds, synonyms, typos, prefixes.
// Built in memory from the store's articles; build() replaces the whole index. search() is const
// and may run on any thread while nobody calls build() on the same object: the desk builds a new
// engine on its worker and swaps it in.
class SearchEngine
{
public:
    SearchEngine();
    ~SearchEngine();
    SearchEngine(SearchEngine &&) noexcept;
    SearchEngine &operator=(SearchEngine &&) noexcept;

    void build(const QList<Article> &articles, const QList<Synonym> &synonyms = {});
    QList<SearchHit> search(const QString &query, const SearchOptions &options = {}) const;
    // How each word of `query` is matched: its alternatives with weights, the stems they look for and how
    // many articles have each. Plain text, one line an alternative (hotline-kb search --explain).
    QString explain(const QString &query) const;
    // The words of `query` that no way of matching reaches in the index (no spelling, stem, compound part,
    // synonym, typo or broader term of theirs is in any article), as typed and in query order; stop words
    // are left out. Empty while the index is empty: there is nothing to tell the words apart by.
    QStringList unmatchedWords(const QString &query) const;
    int articleCount() const;

private:
    struct Index;
    std::unique_ptr<Index> d;
};

} // namespace kb
