#pragma once

#include "article.h"
#include "searchresultmodel.h"
#include "store.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace kb {
class SearchEngine;
}

namespace desk {

// The short warning beside an article in the result lists (kb::articleStatus): validity ended or changing, review
// due; empty when none applies.
QString articleNotice(const kb::Article &article, const QDate &today);

// Opens the catalogue store; runs on the worker thread, so each worker gets its own connection.
using StoreFactory = std::function<std::unique_ptr<kb::Store>(QString *error)>;

// Lives on the search thread and owns everything there: its own store connection and its own
// kb::SearchEngine. The UI never calls it directly, only posts requests (SearchService) and
// receives the queued signals. Requests carry an id; a search whose id is older than the newest
// posted one is skipped, so a burst of keystrokes costs one search, not one per key.
class SearchWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchWorker)

public:
    explicit SearchWorker(StoreFactory factory, QObject *parent = nullptr);
    ~SearchWorker() override;

    // Worker thread only.
    void open();
    void search(quint64 requestId, const QString &query, int limit);
    void loadArticle(quint64 requestId, const QString &id);
    void close();

    // How often a search first checks whether the catalogue changed (default 5 s); before open().
    void setRevisionCheckInterval(int ms);
    // Worker thread only: check the catalogue revision now (the desk itself just published or changed synonyms, or
    // the shared store's replica was updated), rebuilding the index and re-announcing the catalogue if it moved.
    void checkRevisionNow();

    // Any thread: the newest search request id posted so far.
    void noteRequested(quint64 requestId);

Q_SIGNALS:
    void catalogueOpened(const QList<kb::ResultItem> &index, const QString &backend);
    void catalogueFailed(const QString &error);
    // `unmatched`: the query's words nothing in the catalogue matches, as typed (kb::SearchEngine::unmatchedWords).
    void searchFinished(quint64 requestId, const QString &query, const QList<kb::ResultItem> &items,
                        qint64 microseconds, const QStringList &unmatched);
    void articleLoaded(quint64 requestId, const kb::Article &article, const QList<kb::Office> &offices);
    void articleFailed(quint64 requestId, const QString &id, const QString &error);

private:
    bool rebuildIfChanged();
    bool rebuild(QString *error);
    QList<kb::ResultItem> sortedIndex() const;

    StoreFactory m_factory;
    std::unique_ptr<kb::Store> m_store;
    std::unique_ptr<kb::SearchEngine> m_engine;
    QHash<QString, kb::ResultItem> m_items; // id → title, office, category (no snippet)
    QHash<QString, kb::Office> m_offices;
    qint64 m_builtRevision = -1;
    int m_revisionCheckMs = 5000;
    QElapsedTimer m_sinceRevisionCheck;
    std::atomic<quint64> m_newestRequest{0};
};

} // namespace desk
