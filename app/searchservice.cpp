#include "searchservice.h"

#include <QThread>

namespace desk {

SearchService::SearchService(StoreFactory factory, QObject *parent) : QObject(parent), m_factory(std::move(factory)) {}

SearchService::~SearchService()
{
    stop();
}

void SearchService::start()
{
    stop();
    m_ready = false;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("search"));
    m_worker = new SearchWorker(m_factory);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    // Answers are queued onto this (UI) thread; `this` as context drops them if the service is gone.
    connect(m_worker, &SearchWorker::catalogueOpened, this,
            [this](const QList<kb::ResultItem> &index, const QString &backend) {
                m_ready = true;
                Q_EMIT catalogueOpened(index, backend);
            });
    connect(m_worker, &SearchWorker::catalogueFailed, this, &SearchService::catalogueFailed);
    connect(m_worker, &SearchWorker::searchFinished, this, &SearchService::searchFinished);
    connect(m_worker, &SearchWorker::articleLoaded, this, &SearchService::articleLoaded);
    connect(m_worker, &SearchWorker::articleFailed, this, &SearchService::articleFailed);
    m_thread->start();

    SearchWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker]() { worker->open(); }, Qt::QueuedConnection);
}

void SearchService::restart(StoreFactory factory)
{
    m_factory = std::move(factory);
    start();
}

void SearchService::stop()
{
    if (!m_thread) {
        return;
    }
    SearchWorker *worker = m_worker;
    // Close the store on its own thread (waiting for it: a queued call could be dropped by quit()), then let
    // the thread's finished() delete the worker.
    QMetaObject::invokeMethod(
        worker, [worker]() { worker->close(); }, Qt::BlockingQueuedConnection);
    disconnect(worker, nullptr, this, nullptr);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
    m_ready = false;
}

void SearchService::refreshCatalogue()
{
    if (!m_worker) {
        return;
    }
    SearchWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker]() { worker->refresh(); }, Qt::QueuedConnection);
}

bool SearchService::isReady() const
{
    return m_ready;
}

quint64 SearchService::search(const QString &query, int limit)
{
    const quint64 id = ++m_nextRequestId;
    m_newestSearchId = id;
    if (!m_worker) {
        return id;
    }
    SearchWorker *worker = m_worker;
    worker->noteRequested(id);
    QMetaObject::invokeMethod(
        worker, [worker, id, query, limit]() { worker->search(id, query, limit); }, Qt::QueuedConnection);
    return id;
}

quint64 SearchService::loadArticle(const QString &id)
{
    const quint64 requestId = ++m_nextRequestId;
    if (!m_worker) {
        return requestId;
    }
    SearchWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, requestId, id]() { worker->loadArticle(requestId, id); }, Qt::QueuedConnection);
    return requestId;
}

quint64 SearchService::newestSearchId() const
{
    return m_newestSearchId;
}

} // namespace desk
