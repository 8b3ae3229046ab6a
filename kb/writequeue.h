#pragma once

#include "article.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace kb {

// One write a desk made, waiting for the server. `id` is a UUID made on the desk: the server
// keeps a receipt per id, so delivering the same entry twice changes nothing.
struct QueuedWrite
{
    qint64 sequence = 0; // local order of enqueueing; delivery follows it
    QString id;
    QString kind; // "kb.upsert", "kb.synonym.set", … (docs/shared-store.md)
    QJsonObject payload;
    QDateTime createdAt; // UTC, on the desk
    QString rejection;   // why the server refused it (rejected entries only)
};

// A queued write someone on the desk waits for the answer to (a booking the agent was told is queued), durable
// across restarts: its state follows the delivery (delivered, rejected with the server's reason) until the desk
// has acted on the answer and forgets it.
struct TrackedWrite
{
    enum class State { Pending, Delivered, Rejected };
    QString id;
    QString kind;
    QJsonObject payload;
    State state = State::Pending;
    QString reason; // the server's, when rejected
};

// The desk's durable local state beside its replica (an SQLite file of its own): the queue of
// writes not yet on the server, and which server revision the replica has. Every call is one
// transaction; an enqueued write survives a crash of the desk. Used from one thread.
class WriteQueue
{
public:
    ~WriteQueue();
    WriteQueue(const WriteQueue &) = delete;
    WriteQueue &operator=(const WriteQueue &) = delete;

    static std::unique_ptr<WriteQueue> open(const QString &path, QString *error);

    enum class Tracking { None, Tracked };
    // Appends a write; `*id` gets its new UUID. Tracked: also remembered as awaited (trackedWrites()), in the same
    // transaction, until forgetTracked().
    bool enqueue(const QString &kind, const QJsonObject &payload, QString *id, QString *error,
                 Tracking tracking = Tracking::None);
    // Waiting entries in delivery order (rejected ones are not waiting).
    QList<QueuedWrite> pending(int limit = 100, QString *error = nullptr) const;
    int pendingCount() const;
    // Both also record the answer of a tracked entry, in the same transaction.
    bool remove(const QString &id, QString *error);                        // delivered
    bool reject(const QString &id, const QString &reason, QString *error); // kept for the user
    QList<QueuedWrite> rejected(QString *error = nullptr) const;

    // Tracked entries of one kind (all kinds when empty), in the order queued, whatever their state.
    QList<TrackedWrite> trackedWrites(const QString &kind = QString(), QString *error = nullptr) const;
    bool isTracked(const QString &id) const;
    bool forgetTracked(const QString &id, QString *error);

    // Small durable marks of the desk (e.g. the server cases it has reminded of): `key` within `scope`.
    bool setMarked(const QString &scope, const QString &key, QString *error);
    bool isMarked(const QString &scope, const QString &key) const;

    // Replica bookkeeping: the server revision and store id the replica was last synced to.
    qint64 syncedRevision() const;
    QString syncedStoreId() const;
    bool setSynced(const QString &storeId, qint64 revision, QString *error);

    QString path() const;

private:
    WriteQueue(const QString &connectionName, const QString &path);
    QString m_connectionName;
    QString m_path;
};

// Payloads of the catalogue kinds (the ones that exist in kb today). Further kinds (journal
// entries, forwards, bookings) bring their own payload builders and server handlers.
namespace writekind {
inline constexpr char Upsert[] = "kb.upsert";                // {"jsonl": catalogue as JSON Lines}
inline constexpr char RemoveArticle[] = "kb.article.remove"; // {"id": …}
inline constexpr char SetSynonym[] = "kb.synonym.set";       // {"term": …, "expansions": […]}
inline constexpr char RemoveSynonym[] = "kb.synonym.remove"; // {"term": …}

QJsonObject upsertPayload(const Catalogue &catalogue);
bool catalogueFromPayload(const QJsonObject &payload, Catalogue *catalogue, QString *error);
QJsonObject removeArticlePayload(const QString &id);
QJsonObject setSynonymPayload(const Synonym &synonym);
QJsonObject removeSynonymPayload(const QString &term);

// The editorial writes of an agent's desk in shared mode (EditorialSession queues them, so none is lost while the
// server is away). A search carries a UUID made on the desk; the article opened from it names that UUID.
// kb.search.log: {"search_id", "searched_at", "query", "result_count", optional "unmatched_words": [..]}; a payload
// queued by an older desk has no "unmatched_words" and is delivered as a search whose words all matched.
inline constexpr char SearchLog[] = "kb.search.log";
inline constexpr char SearchOpened[] = "kb.search.opened"; // {"search_id", "article_id", "opened_at"}
inline constexpr char Flag[] = "kb.flag";                  // {"article_id", "comment", "raised_at"}

QJsonObject searchLogPayload(const QString &searchId, const QString &query, int resultCount,
                             const QDateTime &searchedAt, const QStringList &unmatchedWords = {});
QJsonObject searchOpenedPayload(const QString &searchId, const QString &articleId, const QDateTime &openedAt);
QJsonObject flagPayload(const QString &articleId, const QString &comment, const QDateTime &raisedAt);
} // namespace writekind

} // namespace kb
