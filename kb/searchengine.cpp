// PLACEHOLDER being replaced by the real engine: substring match on titles only.
#include "searchengine.h"

namespace kb {

struct SearchEngine::Index
{
    QList<Article> articles;
};

SearchEngine::SearchEngine() : d(std::make_unique<Index>()) {}
SearchEngine::~SearchEngine() = default;
SearchEngine::SearchEngine(SearchEngine &&) noexcept = default;
SearchEngine &SearchEngine::operator=(SearchEngine &&) noexcept = default;

void SearchEngine::build(const QList<Article> &articles, const QList<Synonym> &)
{
    d->articles = articles;
}

QList<SearchHit> SearchEngine::search(const QString &query, const SearchOptions &options) const
{
    QList<SearchHit> hits;
    const QString q = query.trimmed();
    if (q.isEmpty()) {
        return hits;
    }
    for (const Article &a : d->articles) {
        if (a.title.contains(q, Qt::CaseInsensitive) && hits.size() < options.limit) {
            hits.append({a.id, a.title, 1.0, a.title.toHtmlEscaped()});
        }
    }
    return hits;
}

int SearchEngine::articleCount() const
{
    return int(d->articles.size());
}

} // namespace kb
