#include "searchworker.h"

#include "searchengine.h"
#include "store.h"

#include <QCollator>
#include <QLocale>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSearch, "hotline.desk.search", QtInfoMsg)

namespace desk {

SearchWorker::SearchWorker(StoreFactory factory, QObject *parent) : QObject(parent), m_factory(std::move(factory)) {}

SearchWorker::~SearchWorker() = default;

void SearchWorker::setRevisionCheckInterval(int ms)
{
    // A change made on another desk (or by the editor) shows up at the next search after this long.
    m_revisionCheckMs = ms;
}

void SearchWorker::checkRevisionNow()
{
    m_sinceRevisionCheck.invalidate();
    rebuildIfChanged();
}

void SearchWorker::noteRequested(quint64 requestId)
{
    quint64 current = m_newestRequest.load();
    while (requestId > current && !m_newestRequest.compare_exchange_weak(current, requestId)) {
    }
}

void SearchWorker::open()
{
    QString error;
    m_store = m_factory ? m_factory(&error) : nullptr;
    if (!m_store) {
        qCWarning(lcSearch) << "catalogue unavailable:" << error;
        Q_EMIT catalogueFailed(error.isEmpty() ? tr("The catalogue could not be opened.") : error);
        return;
    }
    if (!rebuild(&error)) {
        Q_EMIT catalogueFailed(error);
        return;
    }
    Q_EMIT catalogueOpened(sortedIndex(), m_store->backendName());
}

QList<kb::ResultItem> SearchWorker::sortedIndex() const
{
    QList<kb::ResultItem> index = m_items.values();
    QCollator collator(QLocale(QLocale::German, QLocale::Germany));
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(index.begin(), index.end(), [&collator](const kb::ResultItem &a, const kb::ResultItem &b) {
        return collator.compare(a.title, b.title) < 0;
    });
    return index;
}

QString articleNotice(const kb::Article &article, const QDate &today)
{
    const kb::ArticleStatus status = kb::articleStatus(article, today);
    if (status.expired) {
        return SearchWorker::tr("validity ended");
    }
    if (status.notYetValid) {
        return SearchWorker::tr("valid from %1").arg(QLocale().toString(article.validFrom, QLocale::ShortFormat));
    }
    if (status.validityChange) {
        return SearchWorker::tr("changes on %1")
            .arg(QLocale().toString(article.validTo.addDays(1), QLocale::ShortFormat));
    }
    if (status.needsReview) {
        return SearchWorker::tr("due for review");
    }
    return QString();
}

bool SearchWorker::rebuild(QString *error)
{
    QString err;
    const qint64 revision = m_store->revision();
    const QList<kb::Article> articles = m_store->articles(&err);
    if (!err.isEmpty()) {
        *error = err;
        return false;
    }
    const QList<kb::Office> offices = m_store->offices(&err);
    const QList<kb::Synonym> synonyms = m_store->synonyms(&err);
    m_offices.clear();
    for (const kb::Office &o : offices) {
        m_offices.insert(o.id, o);
    }
    m_items.clear();
    const QDate today = QDate::currentDate();
    for (const kb::Article &a : articles) {
        kb::ResultItem item;
        item.id = a.id;
        item.title = a.title;
        item.category = a.category;
        for (const kb::OfficeLink &link : a.offices) {
            const auto it = m_offices.constFind(link.officeId);
            if (it != m_offices.cend()) {
                item.office = it->name;
                break;
            }
        }
        item.officeCount = int(a.offices.size());
        item.notice = articleNotice(a, today);
        m_items.insert(a.id, item);
    }
    auto engine = std::make_unique<kb::SearchEngine>();
    engine->build(articles, synonyms);
    m_engine = std::move(engine);
    m_builtRevision = revision;
    m_sinceRevisionCheck.start();
    qCInfo(lcSearch) << "index built:" << articles.size() << "articles," << offices.size() << "offices";
    return true;
}

bool SearchWorker::rebuildIfChanged()
{
    if (!m_store) {
        return false;
    }
    if (m_sinceRevisionCheck.isValid() && m_sinceRevisionCheck.elapsed() < m_revisionCheckMs) {
        return true;
    }
    m_sinceRevisionCheck.start();
    if (m_store->revision() == m_builtRevision) {
        return true;
    }
    QString error;
    if (!rebuild(&error)) {
        qCWarning(lcSearch) << "rebuilding the index failed:" << error;
        return true;
    }
    // Someone edited the catalogue: the desk's A–Z, categories and lists follow.
    Q_EMIT catalogueOpened(sortedIndex(), m_store->backendName());
    return true;
}

void SearchWorker::search(quint64 requestId, const QString &query, int limit)
{
    if (requestId < m_newestRequest.load()) {
        return; // a newer request is queued behind this one: nobody will look at this answer
    }
    QElapsedTimer timer;
    timer.start();
    QList<kb::ResultItem> items;
    QStringList unmatched;
    if (m_engine && rebuildIfChanged()) {
        kb::SearchOptions options;
        options.limit = limit;
        const QList<kb::SearchHit> hits = m_engine->search(query, options);
        items.reserve(hits.size());
        for (const kb::SearchHit &hit : hits) {
            kb::ResultItem item = m_items.value(hit.id);
            item.id = hit.id;
            item.title = hit.title;
            item.snippet = hit.snippet;
            item.score = hit.score;
            items.append(item);
        }
        // Here with the results, not on the UI thread: the words the agent should rephrase.
        unmatched = m_engine->unmatchedWords(query);
    }
    Q_EMIT searchFinished(requestId, query, items, timer.nsecsElapsed() / 1000, unmatched);
}

void SearchWorker::loadArticle(quint64 requestId, const QString &id)
{
    if (!m_store) {
        Q_EMIT articleFailed(requestId, id, tr("The catalogue is not available."));
        return;
    }
    const std::optional<kb::Article> article = m_store->article(id);
    if (!article) {
        Q_EMIT articleFailed(requestId, id, tr("The service %1 is no longer in the catalogue.").arg(id));
        return;
    }
    QList<kb::Office> offices;
    for (const kb::OfficeLink &link : article->offices) {
        auto it = m_offices.constFind(link.officeId);
        if (it != m_offices.cend()) {
            offices.append(*it);
        } else if (const std::optional<kb::Office> office = m_store->office(link.officeId)) {
            offices.append(*office);
        }
    }
    Q_EMIT articleLoaded(requestId, *article, offices);
}

void SearchWorker::close()
{
    m_engine.reset();
    m_store.reset(); // the connection is closed on the thread that opened it
}

} // namespace desk
