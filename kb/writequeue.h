#pragma once

#include "article.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

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

    // Appends a write; `*id` gets its new UUID.
    bool enqueue(const QString &kind, const QJsonObject &payload, QString *id, QString *error);
    // Waiting entries in delivery order (rejected ones are not waiting).
    QList<QueuedWrite> pending(int limit = 100, QString *error = nullptr) const;
    int pendingCount() const;
    bool remove(const QString &id, QString *error);                        // delivered
    bool reject(const QString &id, const QString &reason, QString *error); // kept for the user
    QList<QueuedWrite> rejected(QString *error = nullptr) const;

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
} // namespace writekind

} // namespace kb
