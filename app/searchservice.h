#pragma once

#include "searchworker.h"

#include <QObject>
#include <QPointer>

class QThread;

namespace desk {

// The UI thread's handle on the search thread: owns the QThread and its SearchWorker, posts requests with
// QMetaObject::invokeMethod and a fresh request id, and re-emits the worker's answers (queued, on the UI
// thread). Restarting with another store factory (a new database path) replaces thread and worker.
class SearchService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchService)

public:
    explicit SearchService(StoreFactory factory, QObject *parent = nullptr);
    ~SearchService() override;

    void start();
    void restart(StoreFactory factory);
    bool isReady() const;

    // Returns the request id the answer will carry.
    quint64 search(const QString &query, int limit = 30);
    quint64 loadArticle(const QString &id);
    quint64 newestSearchId() const;
    // The catalogue changed (this desk published, or a replica update arrived): the search thread rebuilds at once
    // instead of at its next periodic revision check.
    void noteCatalogueChanged();

Q_SIGNALS:
    void catalogueOpened(const QList<kb::ResultItem> &index, const QString &backend);
    void catalogueFailed(const QString &error);
    // `unmatched`: the query's words nothing in the catalogue matches, as typed (kb::SearchEngine::unmatchedWords).
    void searchFinished(quint64 requestId, const QString &query, const QList<kb::ResultItem> &items,
                        qint64 microseconds, const QStringList &unmatched);
    void articleLoaded(quint64 requestId, const kb::Article &article, const QList<kb::Office> &offices);
    void articleFailed(quint64 requestId, const QString &id, const QString &error);

private:
    void stop();

    StoreFactory m_factory;
    QThread *m_thread = nullptr;
    SearchWorker *m_worker = nullptr;
    quint64 m_nextRequestId = 0;
    quint64 m_newestSearchId = 0;
    bool m_ready = false;
};

} // namespace desk
