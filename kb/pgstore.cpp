// PostgreSQL backend of kb::Store through Qt SQL (QPSQL): schema by its own numbered migrations
// (kb/migrations/pg/), revision-stamped rows and tombstones for the desks' replicas.
#include "pgstore.h"

#include "columncodec_p.h"
#include "sqlrows_p.h"

#include "jsonlformat.h"
#include "logging.h"
#include "sqlscript_p.h"
#include "password.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>
#include <cmath>
#include <functional>
#include <limits>

namespace kb {

using namespace column;
using namespace sql;

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::PgStore)
};

// Serialises schema changes of concurrent admins (an arbitrary constant of this project).
constexpr qint64 kMigrationLockKey = 0x686f746c696e65; // "hotline"

QStringList migrationFiles()
{
    static const QStringList files = numberedSqlFiles(QStringLiteral(":/kb/pgmigrations"));
    return files;
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error, const QString &what)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        setError(error, Messages::tr("%1 failed: %2").arg(what, errorText(q)));
        return false;
    }
    return true;
}

bool runScript(QSqlDatabase &db, const QString &resource, QString *error)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, Messages::tr("%1 is missing from the build").arg(resource));
        return false;
    }
    const QStringList statements = splitSqlStatements(QString::fromUtf8(file.readAll()));
    for (const QString &statement : statements) {
        QSqlQuery q(db);
        if (!q.exec(statement)) {
            setError(error, Messages::tr("%1 failed: %2 in: %3")
                                .arg(QFileInfo(resource).fileName(), errorText(q), statement.left(120)));
            return false;
        }
    }
    return true;
}

// The content fingerprint: the article's exchange form without store bookkeeping (jsonlformat.h
// documents that this form only changes when the content does), hashed.
QString contentHash(const Article &a)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(articleToJson(a, false)).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha1)
            .toHex());
}

QString contentHash(const Office &o)
{
    return QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(officeToJson(o)).toJson(QJsonDocument::Compact),
                                                        QCryptographicHash::Sha1)
                                   .toHex());
}

// A PostgreSQL array literal of text ({"a","b"}), bound as one parameter and cast to TEXT[].
QString textArrayLiteral(const QStringList &values)
{
    QString out = QStringLiteral("{");
    for (qsizetype i = 0; i < values.size(); ++i) {
        QString v = values.at(i);
        v.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
        out += (i > 0 ? QStringLiteral(",\"") : QStringLiteral("\"")) + v + QLatin1Char('"');
    }
    return out + QLatin1Char('}');
}

// Deletion marks (tombstones) tell the desks' replicas what to remove; `entity` is 'article' or 'synonym'.
// Cleared when a key is written again, in the writer's transaction.
bool clearDeletionMarks(QSqlDatabase &db, const QString &entity, const QStringList &keys, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM tombstones WHERE entity = :entity AND key = ANY (CAST(:keys AS TEXT[]))"));
    q.bindValue(QStringLiteral(":entity"), entity);
    q.bindValue(QStringLiteral(":keys"), textArrayLiteral(keys));
    if (!q.exec()) {
        setError(error, Messages::tr("clearing deletion marks failed: %1").arg(errorText(q)));
        return false;
    }
    return true;
}

// Marks `key` deleted at `revision`; false with the driver's message in *why (the caller says what it removed).
bool markDeleted(QSqlDatabase &db, const QString &entity, const QString &key, qint64 revision, QString *why)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO tombstones (entity, key, revision) VALUES (:entity, :key, :revision) "
                             "ON CONFLICT (entity, key) DO UPDATE SET revision = excluded.revision"));
    q.bindValue(QStringLiteral(":entity"), entity);
    q.bindValue(QStringLiteral(":key"), key);
    q.bindValue(QStringLiteral(":revision"), revision);
    if (!q.exec()) {
        *why = errorText(q);
        return false;
    }
    return true;
}

std::atomic<int> connectionCounter{0};

} // namespace

bool PgChangeSet::isEmpty() const
{
    return changed.articles.isEmpty() && changed.offices.isEmpty() && changedSynonyms.isEmpty() &&
           removedArticles.isEmpty() && removedSynonyms.isEmpty();
}

// Opens a transaction unless the caller holds one (beginTransaction()); rolls back unless
// commit() was called.
class PgStore::WriteScope
{
public:
    WriteScope(PgStore &store, QSqlDatabase &db) : m_store(store), m_db(db)
    {
        store.m_editRevision = -1;
        m_own = !store.m_outerTransaction;
        m_active = m_own ? m_db.transaction() : true;
    }
    ~WriteScope()
    {
        if (m_own && m_active) {
            m_db.rollback();
        }
    }
    WriteScope(const WriteScope &) = delete;
    WriteScope &operator=(const WriteScope &) = delete;

    bool isActive() const
    {
        return m_active;
    }
    QString beginError() const
    {
        return m_db.lastError().text().trimmed();
    }
    bool commit(QString *error)
    {
        if (!m_own) {
            return true;
        }
        if (!m_db.commit()) {
            setError(error, Messages::tr("commit failed: %1").arg(m_db.lastError().text().trimmed()));
            return false;
        }
        m_active = false;
        return true;
    }

    // The start of every catalogue write: the transaction, the revision, then the actor's right
    // to `what` (a lead's).
    bool beginLeadWrite(const QString &what, qint64 *revision, QString *error)
    {
        if (!m_active) {
            setError(
                error,
                Messages::tr("cannot start a transaction on %1: %2").arg(m_store.m_params.displayName(), beginError()));
            return false;
        }
        return takeRevision(revision, error) && m_store.authorize(m_db, Need::Lead, what, error);
    }

    // The revision this write stamps on what it changes: taken under the row lock of the
    // counter, so writers queue up here and revisions follow commit order.
    bool takeRevision(qint64 *revision, QString *error)
    {
        if (!m_own && m_store.m_pendingRevision >= 0) {
            *revision = m_store.m_pendingRevision;
            return true;
        }
        qint64 current = 0;
        if (!m_store.lockRevision(m_db, &current, error)) {
            return false;
        }
        *revision = current + 1;
        if (!m_own) {
            m_store.m_pendingRevision = *revision;
        }
        return true;
    }

private:
    PgStore &m_store;
    QSqlDatabase &m_db;
    bool m_own = true;
    bool m_active = false;
};

PgStore::PgStore(const QString &connectionName, const PgConnection &params)
    : m_connectionName(connectionName), m_params(params)
{
    m_params.password.clear(); // not kept in memory longer than needed
}

PgStore::~PgStore()
{
    {
        QSqlDatabase db = database();
        if (m_outerTransaction) {
            db.rollback();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool PgStore::ensureConnected(QString *error)
{
    QSqlDatabase db = database();
    if (m_outerTransaction) {
        setError(error, Messages::tr("cannot reconnect inside a transaction"));
        return false;
    }
    if (db.isOpen()) {
        QSqlQuery probe(db);
        if (probe.exec(QStringLiteral("SELECT 1"))) {
            return true;
        }
    }
    db.close();
    if (!db.open()) {
        setError(error, Messages::tr("cannot connect to the shared store %1: %2")
                            .arg(m_params.displayName(), db.lastError().text()));
        return false;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SET TIME ZONE 'UTC'"))) {
        setError(error, Messages::tr("cannot connect to the shared store %1: %2")
                            .arg(m_params.displayName(), q.lastError().text()));
        return false;
    }
    qCInfo(lcDb) << "reconnected to" << m_params.displayName();
    return true;
}

QString PgStore::connectionName() const
{
    return m_connectionName;
}

const PgConnection &PgStore::parameters() const
{
    return m_params;
}

QString PgStore::backendName() const
{
    return QStringLiteral("postgresql");
}

QSqlDatabase PgStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool PgStore::beginTransaction(QString *error)
{
    if (m_outerTransaction) {
        setError(error, Messages::tr("a transaction is already open"));
        return false;
    }
    QSqlDatabase db = database();
    if (!db.transaction()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2")
                            .arg(m_params.displayName(), db.lastError().text().trimmed()));
        return false;
    }
    m_outerTransaction = true;
    m_pendingRevision = -1;
    return true;
}

bool PgStore::commitTransaction(QString *error)
{
    if (!m_outerTransaction) {
        setError(error, Messages::tr("no transaction is open"));
        return false;
    }
    QSqlDatabase db = database();
    m_outerTransaction = false;
    m_pendingRevision = -1;
    if (!db.commit()) {
        setError(error, Messages::tr("commit failed: %1").arg(db.lastError().text().trimmed()));
        db.rollback();
        return false;
    }
    return true;
}

void PgStore::rollbackTransaction()
{
    if (m_outerTransaction) {
        database().rollback();
    }
    m_outerTransaction = false;
    m_pendingRevision = -1;
}

bool PgStore::lockRevision(QSqlDatabase &db, qint64 *current, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT int_value FROM meta WHERE key = 'revision' FOR UPDATE")) || !q.next()) {
        setError(error, Messages::tr("locking the revision counter failed: %1").arg(errorText(q)));
        return false;
    }
    *current = q.value(0).toLongLong();
    return true;
}

bool PgStore::setRevision(QSqlDatabase &db, qint64 revision, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE meta SET int_value = :revision WHERE key = 'revision'"));
    q.bindValue(QStringLiteral(":revision"), revision);
    if (!q.exec()) {
        setError(error, Messages::tr("updating the revision counter failed: %1").arg(errorText(q)));
        return false;
    }
    return true;
}

bool PgStore::upsert(const Catalogue &catalogue, UpsertReport *report, QString *error, const UpsertOptions &options)
{
    // Check the input before touching the server.
    if (!checkCatalogue(catalogue, error)) {
        return false;
    }

    QSqlDatabase db = database();
    WriteScope scope(*this, db);
    qint64 revision = 0;
    if (!scope.beginLeadWrite(Messages::tr("import or change articles"), &revision, error)) {
        return false;
    }

    // Read after the lock: a concurrent writer has committed by now, so its versions count.
    // Only the ids of this write: an edit of one article does not scan the catalogue.
    QHash<QString, QString> knownArticles;
    QHash<QString, QStringList> storedQuestions; // only those with questions, only to keep them
    QHash<QString, QString> knownOffices;
    {
        QStringList articleIds;
        for (const Article &a : catalogue.articles) {
            articleIds << a.id;
        }
        QStringList officeIds;
        for (const Office &o : catalogue.offices) {
            officeIds << o.id;
        }
        // id → content hash
        const auto readHashes = [&db, error](const QString &table, const QStringList &ids, const QString &failed,
                                             QHash<QString, QString> *known) {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            q.prepare(
                QStringLiteral("SELECT id, content_hash FROM %1 WHERE id = ANY (CAST(:ids AS TEXT[]))").arg(table));
            q.bindValue(QStringLiteral(":ids"), textArrayLiteral(ids));
            return forEachRow(q, failed, error, [known](const QSqlQuery &row) {
                known->insert(row.value(0).toString(), row.value(1).toString());
            });
        };
        if (options.keepStoredQuestions) {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            q.prepare(QStringLiteral("SELECT id, questions FROM articles WHERE id = ANY (CAST(:ids AS TEXT[])) "
                                     "AND questions <> '[]'"));
            q.bindValue(QStringLiteral(":ids"), textArrayLiteral(articleIds));
            const bool read = forEachRow(q, Messages::tr("reading the articles failed: %1"), error,
                                         [&storedQuestions](const QSqlQuery &row) {
                                             const QStringList questions = fromJsonList(row.value(1).toString());
                                             if (!questions.isEmpty()) {
                                                 storedQuestions.insert(row.value(0).toString(), questions);
                                             }
                                         });
            if (!read) {
                return false;
            }
        }
        if (!readHashes(QStringLiteral("articles"), articleIds, Messages::tr("reading the articles failed: %1"),
                        &knownArticles) ||
            !readHashes(QStringLiteral("offices"), officeIds, Messages::tr("reading the offices failed: %1"),
                        &knownOffices)) {
            return false;
        }
    }

    UpsertReport counts;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSqlQuery officeUpsert(db);
    officeUpsert.prepare(QStringLiteral(
        "INSERT INTO offices (id, name, organization, street, postal_code, city, phone, fax, email, web, "
        "opening_hours, latitude, longitude, keywords, source, updated_at, content_hash, revision) "
        "VALUES (:id, :name, :organization, :street, :postal_code, :city, :phone, :fax, :email, :web, "
        ":opening_hours, :latitude, :longitude, :keywords, :source, :updated_at, :content_hash, :revision) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, organization = excluded.organization, "
        "street = excluded.street, postal_code = excluded.postal_code, city = excluded.city, phone = excluded.phone, "
        "fax = excluded.fax, email = excluded.email, web = excluded.web, opening_hours = excluded.opening_hours, "
        "latitude = excluded.latitude, longitude = excluded.longitude, keywords = excluded.keywords, "
        "source = excluded.source, updated_at = excluded.updated_at, content_hash = excluded.content_hash, "
        "revision = excluded.revision"));
    for (const Office &o : catalogue.offices) {
        const QString hash = contentHash(o);
        const auto known = knownOffices.constFind(o.id);
        if (known != knownOffices.constEnd() && *known == hash) {
            continue;
        }
        bindOfficeFields(officeUpsert, o);
        officeUpsert.bindValue(QStringLiteral(":updated_at"), now);
        officeUpsert.bindValue(QStringLiteral(":content_hash"), hash);
        officeUpsert.bindValue(QStringLiteral(":revision"), revision);
        if (!officeUpsert.exec()) {
            setError(error, Messages::tr("writing office \"%1\" failed: %2").arg(o.id, errorText(officeUpsert)));
            return false;
        }
        ++(known == knownOffices.constEnd() ? counts.officesInserted : counts.officesUpdated);
    }

    // The version is bumped by the server (version + 1), not computed here, so two writers
    // never both write "version 2".
    QSqlQuery articleUpsert(db);
    articleUpsert.prepare(QStringLiteral(
        "INSERT INTO articles (id, title, leika_key, summary, description_html, documents, fees_html, "
        "processing_time, legal_basis, online_service_url, url, keywords, questions, category, links, "
        "duration_minutes, valid_from, valid_to, last_reviewed, review_by, updated_at, version, source, content_hash, "
        "revision, published_by, author, change_note) "
        "VALUES (:id, :title, :leika_key, :summary, :description_html, :documents, :fees_html, :processing_time, "
        ":legal_basis, :online_service_url, :url, :keywords, :questions, :category, :links, :duration_minutes, "
        "CAST(:valid_from AS DATE), CAST(:valid_to AS DATE), CAST(:last_reviewed AS DATE), CAST(:review_by AS DATE), "
        "CAST(:updated_at AS TIMESTAMPTZ), "
        // Removed articles keep their history: one that comes back continues its numbering.
        "COALESCE((SELECT MAX(v.version) FROM article_versions v WHERE v.article_id = :history_id), 0) + 1, "
        ":source, :content_hash, :revision, :published_by, '', :change_note) "
        "ON CONFLICT (id) DO UPDATE SET title = excluded.title, leika_key = excluded.leika_key, "
        "summary = excluded.summary, description_html = excluded.description_html, documents = excluded.documents, "
        "fees_html = excluded.fees_html, processing_time = excluded.processing_time, "
        "legal_basis = excluded.legal_basis, online_service_url = excluded.online_service_url, url = excluded.url, "
        "keywords = excluded.keywords, questions = excluded.questions, category = excluded.category, "
        "links = excluded.links, "
        "duration_minutes = excluded.duration_minutes, valid_from = excluded.valid_from, "
        "valid_to = excluded.valid_to, last_reviewed = excluded.last_reviewed, review_by = excluded.review_by, "
        "updated_at = excluded.updated_at, version = articles.version + 1, source = excluded.source, "
        "content_hash = excluded.content_hash, revision = excluded.revision, published_by = excluded.published_by, "
        "author = '', change_note = excluded.change_note RETURNING version"));
    // History and audit trail as on SQLite: the version about to be replaced is copied first, and
    // every written article gets one audit entry.
    HistoryCopier history(db);
    QSqlQuery auditInsert(db);
    auditInsert.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, article_id, version, summary) "
                                       "VALUES (CAST(:at AS TIMESTAMPTZ), :actor, 'article.import', :id, :version, "
                                       ":summary)"));
    const QString publishedBy = m_actor.auditName();
    const QString importedNote = Messages::tr("imported");
    const QString updatedNote = Messages::tr("updated by import");
    QSqlQuery linksDelete(db);
    linksDelete.prepare(QStringLiteral("DELETE FROM article_offices WHERE article_id = :article_id"));
    QSqlQuery linkInsert(db);
    linkInsert.prepare(QStringLiteral(
        "INSERT INTO article_offices (article_id, office_id, position, duration_minutes, bookable, appointment_url) "
        "VALUES (:article_id, :office_id, :position, :duration_minutes, :bookable, :appointment_url)"));
    QStringList revived;
    for (const Article &incoming : catalogue.articles) {
        // An import without example questions keeps the team's: the article as it will be stored.
        const Article a = column::withStoredQuestions(incoming, storedQuestions);
        const QString hash = contentHash(a);
        const auto known = knownArticles.constFind(a.id);
        if (known != knownArticles.constEnd() && *known == hash) {
            ++counts.articlesUnchanged;
            continue;
        }
        const bool isNew = known == knownArticles.constEnd();
        QSqlQuery &q = articleUpsert;
        bindArticleFields(q, a);
        q.bindValue(QStringLiteral(":updated_at"), now);
        q.bindValue(QStringLiteral(":content_hash"), hash);
        q.bindValue(QStringLiteral(":revision"), revision);
        q.bindValue(QStringLiteral(":history_id"), text(a.id));
        q.bindValue(QStringLiteral(":published_by"), publishedBy);
        q.bindValue(QStringLiteral(":change_note"), isNew ? importedNote : updatedNote);
        if (!isNew && !history.copy(a.id, error)) {
            return false;
        }
        if (!q.exec() || !q.next()) {
            setError(error, Messages::tr("writing article \"%1\" failed: %2").arg(a.id, errorText(q)));
            return false;
        }
        const int writtenVersion = q.value(0).toInt();
        q.finish();
        auditInsert.bindValue(QStringLiteral(":at"), nowText());
        auditInsert.bindValue(QStringLiteral(":actor"), publishedBy);
        auditInsert.bindValue(QStringLiteral(":id"), text(a.id));
        auditInsert.bindValue(QStringLiteral(":version"), writtenVersion);
        auditInsert.bindValue(QStringLiteral(":summary"),
                              QString((isNew ? importedNote : updatedNote) + QStringLiteral(": ") + a.title));
        if (!auditInsert.exec()) {
            setError(error, Messages::tr("writing the audit trail failed: %1").arg(errorText(auditInsert)));
            return false;
        }
        if (!isNew) {
            linksDelete.bindValue(QStringLiteral(":article_id"), text(a.id));
            if (!linksDelete.exec()) {
                setError(error, Messages::tr("replacing the offices of article \"%1\" failed: %2")
                                    .arg(a.id, errorText(linksDelete)));
                return false;
            }
        } else {
            revived << a.id;
        }
        for (int i = 0; i < a.offices.size(); ++i) {
            const OfficeLink &l = a.offices.at(i);
            linkInsert.bindValue(QStringLiteral(":article_id"), text(a.id));
            linkInsert.bindValue(QStringLiteral(":office_id"), text(l.officeId));
            linkInsert.bindValue(QStringLiteral(":position"), i);
            linkInsert.bindValue(QStringLiteral(":duration_minutes"), l.durationMinutes);
            linkInsert.bindValue(QStringLiteral(":bookable"), l.bookable);
            linkInsert.bindValue(QStringLiteral(":appointment_url"), text(l.appointmentUrl));
            if (!linkInsert.exec()) {
                setError(
                    error,
                    Messages::tr("linking article \"%1\" to office \"%2\" failed (is the office in the catalogue?): %3")
                        .arg(a.id, l.officeId, errorText(linkInsert)));
                return false;
            }
        }
        ++(isNew ? counts.articlesInserted : counts.articlesUpdated);
    }
    // An id written anew is no longer deleted.
    if (!revived.isEmpty() && !clearDeletionMarks(db, QStringLiteral("article"), revived, error)) {
        return false;
    }

    const bool changed =
        counts.articlesInserted + counts.articlesUpdated + counts.officesInserted + counts.officesUpdated > 0;
    if (changed && !setRevision(db, revision, error)) {
        return false;
    }
    if (!scope.commit(error)) {
        return false;
    }
    if (report) {
        *report = counts;
    }
    qCDebug(lcDb) << "pg upsert:" << counts.articlesInserted << "inserted" << counts.articlesUpdated << "updated"
                  << counts.articlesUnchanged << "unchanged, revision" << (changed ? revision : revision - 1);
    return true;
}

bool PgStore::removeArticle(const QString &id, QString *error)
{
    QSqlDatabase db = database();
    WriteScope scope(*this, db);
    qint64 revision = 0;
    if (!scope.beginLeadWrite(Messages::tr("remove articles"), &revision, error)) {
        return false;
    }
    // The last published version stays in the history.
    const std::optional<Article> current = article(id);
    HistoryCopier history(db);
    if (current && !history.copy(id, error)) {
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM articles WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), text(id));
    if (!q.exec()) {
        setError(error, Messages::tr("removing article \"%1\" failed: %2").arg(id, errorText(q)));
        return false;
    }
    if (q.numRowsAffected() == 0) {
        setError(error, Messages::tr("no article with id \"%1\"").arg(id));
        return false;
    }
    QString why;
    if (!markDeleted(db, QStringLiteral("article"), text(id), revision, &why)) {
        setError(error, Messages::tr("marking article \"%1\" as deleted failed: %2").arg(id, why));
        return false;
    }
    return audit(db, QStringLiteral("article.remove"), id, current ? current->version : 0,
                 Messages::tr("removed \"%1\"").arg(current ? current->title : id), error) &&
           setRevision(db, revision, error) && scope.commit(error);
}

bool PgStore::setSynonym(const Synonym &synonym, QString *error)
{
    Synonym normalized;
    if (!normalizeSynonym(synonym, &normalized, error)) {
        return false;
    }
    const QString &term = normalized.term;
    const QStringList &expansions = normalized.expansions;
    QSqlDatabase db = database();
    WriteScope scope(*this, db);
    qint64 revision = 0;
    if (!scope.beginLeadWrite(Messages::tr("edit synonyms"), &revision, error)) {
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO synonyms (term, expansions, revision) VALUES (:term, :expansions, :revision) "
                             "ON CONFLICT (term) DO UPDATE SET expansions = excluded.expansions, "
                             "revision = excluded.revision"));
    q.bindValue(QStringLiteral(":term"), term);
    q.bindValue(QStringLiteral(":expansions"), toJson(expansions));
    q.bindValue(QStringLiteral(":revision"), revision);
    if (!q.exec()) {
        setError(error, Messages::tr("writing synonym \"%1\" failed: %2").arg(term, errorText(q)));
        return false;
    }
    if (!clearDeletionMarks(db, QStringLiteral("synonym"), {term}, error)) {
        return false;
    }
    return audit(db, QStringLiteral("synonym.set"), QString(), 0,
                 QStringLiteral("%1 → %2").arg(term, expansions.join(QStringLiteral(", "))), error) &&
           setRevision(db, revision, error) && scope.commit(error);
}

bool PgStore::removeSynonym(const QString &term, QString *error)
{
    QSqlDatabase db = database();
    WriteScope scope(*this, db);
    qint64 revision = 0;
    if (!scope.beginLeadWrite(Messages::tr("edit synonyms"), &revision, error)) {
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM synonyms WHERE term = :term"));
    q.bindValue(QStringLiteral(":term"), term.trimmed());
    if (!q.exec()) {
        setError(error, Messages::tr("removing synonym \"%1\" failed: %2").arg(term, errorText(q)));
        return false;
    }
    if (q.numRowsAffected() == 0) {
        setError(error, Messages::tr("no synonym \"%1\"").arg(term));
        return false;
    }
    QString why;
    if (!markDeleted(db, QStringLiteral("synonym"), term.trimmed(), revision, &why)) {
        setError(error, Messages::tr("marking synonym \"%1\" as deleted failed: %2").arg(term, why));
        return false;
    }
    return audit(db, QStringLiteral("synonym.remove"), QString(), 0, term.trimmed(), error) &&
           setRevision(db, revision, error) && scope.commit(error);
}

StoreStats PgStore::stats() const
{
    QSqlDatabase db = database();
    StoreStats s = catalogueStats();
    QSqlQuery q(db);
    const bool counted =
        q.exec(QStringLiteral("SELECT COALESCE(SUM(json_array_length(CAST(questions AS JSON))), 0) FROM articles")) &&
        q.next();
    s.questions = counted ? q.value(0).toInt() : -1;
    q.finish();
    s.schemaVersion = readPgSchemaVersion(db, nullptr);
    s.fileBytes = 0;
    return s;
}

bool PgStore::changesSince(qint64 since, PgChangeSet *changes, QString *error) const
{
    QSqlDatabase db = database();
    if (m_outerTransaction) {
        setError(error, Messages::tr("cannot read changes inside a write transaction"));
        return false;
    }
    // One snapshot for all reads: the revision and the rows belong together.
    if (!db.transaction()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2")
                            .arg(m_params.displayName(), db.lastError().text().trimmed()));
        return false;
    }
    auto fail = [&](const QString &message) {
        db.rollback();
        setError(error, message);
        return false;
    };
    PgChangeSet out;
    out.fromRevision = since;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))) {
        return fail(Messages::tr("cannot take a snapshot: %1").arg(errorText(q)));
    }
    QString message;
    const bool read = forEachRow(
        q, QStringLiteral("SELECT key, int_value, text_value FROM meta WHERE key IN ('revision', 'store_id')"),
        Messages::tr("reading the revision failed: %1"), &message, [&out](const QSqlQuery &row) {
            if (row.value(0).toString() == QLatin1String("revision")) {
                out.toRevision = row.value(1).toLongLong();
            } else {
                out.storeId = row.value(2).toString();
            }
        });
    if (!read) {
        return fail(message);
    }
    out.changed.articles = loadArticles(QStringLiteral(" WHERE a.revision > :v"), since, &message);
    if (!message.isEmpty()) {
        return fail(message);
    }
    out.changed.offices = loadOffices(QStringLiteral(" WHERE revision > :v"), since, &message);
    if (!message.isEmpty()) {
        return fail(message);
    }
    QSqlQuery s(db);
    s.setForwardOnly(true);
    s.prepare(QStringLiteral("SELECT term, expansions FROM synonyms WHERE revision > :v ORDER BY term"));
    s.bindValue(QStringLiteral(":v"), since);
    out.changedSynonyms = readRows(s, Messages::tr("reading synonyms failed: %1"), &message, synonymFromRow);
    if (!message.isEmpty()) {
        return fail(message);
    }
    QSqlQuery t(db);
    t.setForwardOnly(true);
    t.prepare(QStringLiteral("SELECT entity, key FROM tombstones WHERE revision > :v ORDER BY revision, key"));
    t.bindValue(QStringLiteral(":v"), since);
    if (!forEachRow(t, Messages::tr("reading deletions failed: %1"), &message, [&out](const QSqlQuery &row) {
            (row.value(0).toString() == QLatin1String("article") ? out.removedArticles : out.removedSynonyms)
                << row.value(1).toString();
        })) {
        return fail(message);
    }
    s.finish();
    t.finish();
    q.finish();
    if (!db.commit()) {
        return fail(Messages::tr("commit failed: %1").arg(db.lastError().text().trimmed()));
    }
    *changes = out;
    return true;
}

int pgSchemaVersion()
{
    return int(migrationFiles().size());
}

int readPgSchemaVersion(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT to_regclass('public.schema_version') IS NOT NULL")) || !q.next()) {
        setError(error, Messages::tr("cannot read the schema version: %1").arg(errorText(q)));
        return -1;
    }
    if (!q.value(0).toBool()) {
        return 0;
    }
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) || !q.next()) {
        setError(error, Messages::tr("cannot read the schema version: %1").arg(errorText(q)));
        return -1;
    }
    return q.value(0).toInt();
}

bool applyPgMigrations(QSqlDatabase &db, int targetVersion, QString *error)
{
    const QStringList files = migrationFiles();
    if (targetVersion > files.size()) {
        setError(error, Messages::tr("schema version %1 is unknown to this build (it knows up to %2)")
                            .arg(targetVersion)
                            .arg(files.size()));
        return false;
    }
    for (;;) {
        if (!db.transaction()) {
            setError(error, Messages::tr("starting the migration transaction failed: %1").arg(db.lastError().text()));
            return false;
        }
        auto fail = [&](const QString &message) {
            db.rollback();
            setError(error, message);
            return false;
        };
        QString message;
        QSqlQuery lock(db);
        lock.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(:key)"));
        lock.bindValue(QStringLiteral(":key"), kMigrationLockKey);
        if (!lock.exec()) {
            return fail(Messages::tr("taking the migration lock failed: %1").arg(errorText(lock)));
        }
        lock.finish();
        // Checked first rather than CREATE … IF NOT EXISTS, whose NOTICE every run would print.
        const int current = readPgSchemaVersion(db, &message);
        if (current < 0) {
            return fail(message);
        }
        if (current == 0 &&
            !exec(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"), &message,
                  Messages::tr("creating the schema version table"))) {
            return fail(message);
        }
        if (current > files.size()) {
            return fail(Messages::tr("the server's schema version %1 is newer than this program knows (%2); "
                                     "use a newer Hotline Desk. Nothing was changed.")
                            .arg(current)
                            .arg(files.size()));
        }
        if (current >= targetVersion) {
            db.commit();
            return true;
        }
        const int next = current + 1;
        if (!runScript(db, files.at(next - 1), &message)) {
            return fail(Messages::tr("migration %1 failed: %2").arg(next).arg(message));
        }
        QSqlQuery bump(db);
        bump.prepare(current == 0 ? QStringLiteral("INSERT INTO schema_version (version) VALUES (:v)")
                                  : QStringLiteral("UPDATE schema_version SET version = :v"));
        bump.bindValue(QStringLiteral(":v"), next);
        if (!bump.exec()) {
            return fail(Messages::tr("setting the schema version failed: %1").arg(errorText(bump)));
        }
        if (!db.commit()) {
            return fail(Messages::tr("committing migration %1 failed: %2").arg(next).arg(db.lastError().text()));
        }
        qCInfo(lcDb) << "migrated PostgreSQL store" << db.databaseName() << "to schema version" << next;
    }
}

bool applyPgRoles(QSqlDatabase &db, QString *error)
{
    if (!db.transaction()) {
        setError(error, Messages::tr("cannot start a transaction: %1").arg(db.lastError().text()));
        return false;
    }
    QString message;
    if (!runScript(db, QStringLiteral(":/kb/pgroles/roles.sql"), &message)) {
        db.rollback();
        setError(error, Messages::tr("setting up the roles failed: %1").arg(message));
        return false;
    }
    if (!db.commit()) {
        setError(error, Messages::tr("setting up the roles failed: %1").arg(db.lastError().text()));
        return false;
    }
    return true;
}

namespace {

// CREATE/ALTER ROLE take no parameters: the password goes in as a quoted literal
// (standard_conforming_strings is on since PostgreSQL 9.1; ' is doubled). The server stores it as
// a SCRAM hash.
QString passwordLiteral(const QString &password)
{
    QString literal = password;
    literal.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + literal + QLatin1Char('\'');
}

bool checkLoginName(const QString &name, QString *error)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (!valid.match(name).hasMatch() || name.startsWith(QLatin1String("pg_")) ||
        name.startsWith(QLatin1String("hotline_"))) {
        setError(error, Messages::tr("\"%1\" is not a valid user name (lowercase letters, digits and _, at most 63, "
                                     "not starting with pg_ or hotline_)")
                            .arg(name));
        return false;
    }
    return true;
}

// The login role inside the caller's transaction: created or its password reset, member of `group`
// and of none of `otherGroups`.
bool writeLoginRole(QSqlDatabase &db, const QString &name, const QString &password, const QString &group,
                    const QStringList &otherGroups, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = :name"));
    q.bindValue(QStringLiteral(":name"), name);
    if (!q.exec()) {
        setError(error, Messages::tr("looking up user %1 failed: %2").arg(name, errorText(q)));
        return false;
    }
    const bool exists = q.next();
    q.finish();
    const QString literal = passwordLiteral(password);
    QStringList statements{
        exists ? QStringLiteral("ALTER ROLE %1 WITH LOGIN PASSWORD %2").arg(name, literal)
               : QStringLiteral("CREATE ROLE %1 WITH LOGIN PASSWORD %2").arg(name, literal),
        QStringLiteral("GRANT %1 TO %2").arg(group, name),
    };
    if (exists) {
        // A changed role: out of the other groups (only if in them: REVOKE would warn otherwise).
        for (const QString &other : otherGroups) {
            QSqlQuery member(db);
            member.prepare(
                QStringLiteral("SELECT pg_has_role(:name, oid, 'MEMBER') FROM pg_roles WHERE rolname = :other"));
            member.bindValue(QStringLiteral(":name"), name);
            member.bindValue(QStringLiteral(":other"), other);
            if (member.exec() && member.next() && member.value(0).toBool()) {
                statements << QStringLiteral("REVOKE %1 FROM %2").arg(other, name);
            }
        }
    }
    for (const QString &statement : std::as_const(statements)) {
        QSqlQuery s(db);
        if (!s.exec(statement)) {
            setError(error, Messages::tr("creating user %1 failed: %2").arg(name, errorText(s)));
            return false;
        }
    }
    return true;
}

// The editorial users row of a login (same name, matching role, active). Its password_hash is a
// marker no Argon2id check accepts: on the shared store the server checks the password (SCRAM).
bool writeEditorialUser(QSqlDatabase &db, const QString &name, PgRole role, QString *error)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO users (name, name_key, display_name, role, password_hash, active, created_at, "
                       "password_changed_at) VALUES (:name, :key, :name2, :role, :hash, 1, now(), now()) ON CONFLICT "
                       "(name_key) DO UPDATE SET role = EXCLUDED.role, active = 1, "
                       "password_hash = EXCLUDED.password_hash, password_changed_at = EXCLUDED.password_changed_at"));
    q.bindValue(QStringLiteral(":name"), name);
    q.bindValue(QStringLiteral(":key"), name.trimmed().toCaseFolded());
    q.bindValue(QStringLiteral(":name2"), name);
    q.bindValue(QStringLiteral(":role"), role == PgRole::Lead ? QStringLiteral("lead") : QStringLiteral("agent"));
    q.bindValue(QStringLiteral(":hash"), QString::fromLatin1(kServerLoginPasswordHash));
    if (!q.exec()) {
        setError(error, Messages::tr("creating the editorial user %1 failed: %2").arg(name, errorText(q)));
        return false;
    }
    return true;
}

} // namespace

namespace {

// The login role (and whatever `alsoWrite` adds) in one transaction: PostgreSQL's role DDL is
// transactional, so a failed step leaves no half-made login.
bool writeLogin(QSqlDatabase &db, const QString &name, const QString &password, const QString &group,
                const QStringList &otherGroups, const std::function<bool()> &alsoWrite, QString *error)
{
    if (!checkLoginName(name, error)) {
        return false;
    }
    if (password.isEmpty()) {
        setError(error, Messages::tr("user %1 needs a password").arg(name));
        return false;
    }
    if (!db.transaction()) {
        setError(error, Messages::tr("cannot start a transaction: %1").arg(db.lastError().text()));
        return false;
    }
    if (!writeLoginRole(db, name, password, group, otherGroups, error) || (alsoWrite && !alsoWrite())) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        setError(error, Messages::tr("creating user %1 failed: %2").arg(name, db.lastError().text()));
        return false;
    }
    return true;
}

} // namespace

bool createPgLogin(QSqlDatabase &db, const QString &name, const QString &password, const QString &group,
                   const QStringList &otherGroups, QString *error)
{
    return writeLogin(db, name, password, group, otherGroups, {}, error);
}

bool createPgUser(QSqlDatabase &db, const QString &name, const QString &password, PgRole role, QString *error)
{
    const QString group = role == PgRole::Lead ? QStringLiteral("hotline_lead") : QStringLiteral("hotline_agent");
    const QString other = role == PgRole::Lead ? QStringLiteral("hotline_agent") : QStringLiteral("hotline_lead");
    // The login role and its editorial user, one to one.
    return writeLogin(
        db, name, password, group, {other, QStringLiteral("hotline_sender")},
        [&] { return writeEditorialUser(db, name, role, error); }, error);
}

bool changePgPassword(QSqlDatabase &db, const QString &newPassword, QString *error)
{
    if (newPassword.isEmpty()) {
        setError(error, Messages::tr("the new password must not be empty"));
        return false;
    }
    QSqlQuery who(db);
    if (!who.exec(QStringLiteral("SELECT current_user")) || !who.next()) {
        setError(error, Messages::tr("changing the password failed: %1").arg(errorText(who)));
        return false;
    }
    const QString name = who.value(0).toString();
    who.finish();
    // PostgreSQL lets every role change its own password (nothing else about itself). The name
    // comes from the server and is quoted as an identifier.
    QString ident = name;
    ident.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("ALTER ROLE \"%1\" WITH PASSWORD %2").arg(ident, passwordLiteral(newPassword)))) {
        setError(error, Messages::tr("changing the password of %1 failed: %2").arg(name, errorText(q)));
        return false;
    }
    return true;
}

std::unique_ptr<PgStore> openPgStore(const PgConnection &params, QString *error)
{
    const QString name = QStringLiteral("kb.pg.%1").arg(connectionCounter.fetch_add(1));
    if (!openPgConnection(params, name, error)) {
        return nullptr;
    }
    std::unique_ptr<PgStore> store(new PgStore(name, params));
    QSqlDatabase db = store->database();
    QString message;
    const int version = readPgSchemaVersion(db, &message);
    const int known = pgSchemaVersion();
    if (version < 0) {
        setError(error, Messages::tr("shared store %1: %2").arg(params.displayName(), message));
        return nullptr;
    }
    if (version > known) {
        setError(error, Messages::tr("the shared store %1 has schema version %2, newer than this program knows (%3); "
                                     "use a newer Hotline Desk")
                            .arg(params.displayName())
                            .arg(version)
                            .arg(known));
        return nullptr;
    }
    if (version < known) {
        setError(error, Messages::tr("the shared store %1 has schema version %2, this program needs %3: "
                                     "run \"hotline-admin migrate\" on the server first")
                            .arg(params.displayName())
                            .arg(version)
                            .arg(known));
        return nullptr;
    }
    return store;
}

bool migratePgStore(const PgConnection &params, int targetVersion, QString *error)
{
    const QString name = QStringLiteral("kb.pg.migrate.%1").arg(connectionCounter.fetch_add(1));
    if (!openPgConnection(params, name, error)) {
        return false;
    }
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        QString message;
        ok = applyPgMigrations(db, targetVersion, &message);
        if (!ok) {
            setError(error, Messages::tr("cannot migrate the shared store %1: %2").arg(params.displayName(), message));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// ---- Editorial workflow: PostgreSQL's hooks of SqlEditorialStore (sqleditorial.cpp) ----------

QSqlDatabase PgStore::db() const
{
    return database();
}

QString PgStore::location() const
{
    return m_params.displayName();
}

class PgStore::EditorialTransaction final : public SqlEditorialStore::WriteTransaction
{
public:
    EditorialTransaction(PgStore &store, QSqlDatabase &db) : m_db(db), m_scope(store, m_db) {}
    bool isActive() const override
    {
        return m_scope.isActive();
    }
    QString beginError() const override
    {
        return m_scope.beginError();
    }
    bool commit(QString *error) override
    {
        return m_scope.commit(error);
    }

private:
    QSqlDatabase m_db; // WriteScope keeps a reference: this copy lives as long as it
    WriteScope m_scope;
};

std::unique_ptr<SqlEditorialStore::WriteTransaction> PgStore::beginWrite(QSqlDatabase &db)
{
    return std::make_unique<EditorialTransaction>(*this, db);
}

bool PgStore::lockForPublish(QSqlDatabase &db, QString *error)
{
    return takeEditRevision(db, error);
}

bool PgStore::takeEditRevision(QSqlDatabase &db, QString *error)
{
    if (m_editRevision >= 0) {
        return true;
    }
    if (m_outerTransaction && m_pendingRevision >= 0) {
        m_editRevision = m_pendingRevision;
        return true;
    }
    qint64 current = 0;
    if (!lockRevision(db, &current, error)) {
        return false;
    }
    m_editRevision = current + 1;
    if (m_outerTransaction) {
        m_pendingRevision = m_editRevision;
    }
    return true;
}

bool PgStore::bumpRevision(QSqlDatabase &db, QString *error)
{
    return takeEditRevision(db, error) && setRevision(db, m_editRevision, error);
}

// One article into the published catalogue (insert or replace, offices relinked, previous version
// to the history, revision stamped, deletion mark cleared). The caller holds the transaction and
// has set version and updatedAt.
bool PgStore::writeArticle(QSqlDatabase &db, const Article &a, const QString &author, const QString &changeNote,
                           QString *error)
{
    if (!takeEditRevision(db, error)) {
        return false;
    }
    HistoryCopier history(db);
    if (!history.copy(a.id, error)) { // copies nothing for a new article
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO articles (id, title, leika_key, summary, description_html, documents, fees_html, processing_time, "
        "legal_basis, online_service_url, url, keywords, questions, category, links, duration_minutes, valid_from, "
        "valid_to, last_reviewed, review_by, updated_at, version, source, content_hash, published_by, author, "
        "change_note, revision) VALUES (:id, :title, :leika_key, :summary, :description_html, :documents, :fees_html, "
        ":processing_time, :legal_basis, :online_service_url, :url, :keywords, :questions, :category, :links, "
        ":duration_minutes, CAST(:valid_from AS DATE), CAST(:valid_to AS DATE), CAST(:last_reviewed AS DATE), "
        "CAST(:review_by AS DATE), "
        "CAST(:updated_at AS TIMESTAMPTZ), :version, :source, :content_hash, :published_by, :author, :change_note, "
        ":revision) ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
        "leika_key = excluded.leika_key, summary = excluded.summary, description_html = excluded.description_html, "
        "documents = excluded.documents, fees_html = excluded.fees_html, processing_time = excluded.processing_time, "
        "legal_basis = excluded.legal_basis, online_service_url = excluded.online_service_url, url = excluded.url, "
        "keywords = excluded.keywords, questions = excluded.questions, category = excluded.category, "
        "links = excluded.links, "
        "duration_minutes = excluded.duration_minutes, valid_from = excluded.valid_from, valid_to = excluded.valid_to, "
        "last_reviewed = excluded.last_reviewed, review_by = excluded.review_by, updated_at = excluded.updated_at, "
        "version = excluded.version, source = excluded.source, content_hash = excluded.content_hash, "
        "published_by = excluded.published_by, author = excluded.author, change_note = excluded.change_note, "
        "revision = excluded.revision"));
    bindArticleContent(q, a);
    q.bindValue(QStringLiteral(":content_hash"), contentHash(a));
    q.bindValue(QStringLiteral(":published_by"), m_actor.auditName());
    q.bindValue(QStringLiteral(":author"), text(author));
    q.bindValue(QStringLiteral(":change_note"), text(changeNote));
    q.bindValue(QStringLiteral(":revision"), m_editRevision);
    if (!q.exec()) {
        setError(error, Messages::tr("writing article \"%1\" failed: %2").arg(a.id, errorText(q)));
        return false;
    }
    return writeOfficeLinks(db, a, error) && clearDeletionMarks(db, QStringLiteral("article"), {text(a.id)}, error);
}

} // namespace kb
