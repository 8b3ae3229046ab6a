// SQLite backend of kb::Store through Qt SQL (QSQLITE): WAL, busy timeout, foreign keys, one named
// connection per Store object, schema by numbered migrations embedded as resources.
#include "sqlitestore.h"

#include "columncodec_p.h"

#include "sqleditorial_p.h"
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
#include <QUuid>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

namespace kb {

using namespace column;
using namespace sql;

namespace {

// The translation context of this file's user-visible messages (lupdate reads the macro).
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::SqliteStore)
};

// Migration files are ":/kb/migrations/NNNN_name.sql", numbered 1…N without gaps.
QStringList migrationFiles()
{
    static const QStringList files = numberedSqlFiles(QStringLiteral(":/kb/migrations"));
    return files;
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error, const QString &what)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        setError(error, Messages::tr("%1 failed: %2").arg(what, q.lastError().text()));
        return false;
    }
    return true;
}

int readUserVersion(QSqlDatabase &db, bool *ok)
{
    QSqlQuery q(db);
    *ok = q.exec(QStringLiteral("PRAGMA user_version")) && q.next();
    return *ok ? q.value(0).toInt() : 0;
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Fingerprint of everything an editor can change (not version/updated_at): tells "unchanged"
// apart without reading the stored row. Fed field by field (length-prefixed UTF-16), which is
// several times cheaper than serialising to JSON first.
class Fingerprint
{
public:
    Fingerprint()
    {
        m_hash.addData(QByteArrayView("kb-fp-1"));
    }
    Fingerprint &operator<<(QStringView s)
    {
        const qint64 n = s.size();
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(&n), sizeof n));
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(s.utf16()), n * qsizetype(sizeof(char16_t))));
        return *this;
    }
    Fingerprint &operator<<(const QStringList &list)
    {
        *this << QString::number(list.size());
        for (const QString &s : list) {
            *this << s;
        }
        return *this;
    }
    Fingerprint &operator<<(qint64 v)
    {
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(&v), sizeof v));
        return *this;
    }
    Fingerprint &operator<<(double v)
    {
        if (std::isnan(v)) {
            return *this << QStringView(u"nan");
        }
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(&v), sizeof v));
        return *this;
    }
    Fingerprint &operator<<(const QDate &d)
    {
        return *this << (d.isValid() ? d.toJulianDay() : qint64(-1));
    }
    QString result() const
    {
        return QString::fromLatin1(m_hash.result().toHex());
    }

private:
    QCryptographicHash m_hash{QCryptographicHash::Sha1};
};

QString contentHash(const Article &a)
{
    Fingerprint f;
    f << a.id << a.title << a.leikaKey << a.summary << a.descriptionHtml << a.documents << a.feesHtml
      << a.processingTime << a.legalBasis << a.onlineServiceUrl << a.url << a.keywords << a.category
      << qint64(a.durationMinutes) << a.validFrom << a.validTo << a.lastReviewed << a.reviewBy << a.source;
    // Only when there are any: the hashes stored before example questions existed stay valid, so the
    // first import after the upgrade does not count every article as changed.
    if (!a.questions.isEmpty()) {
        f << QStringView(u"questions") << a.questions;
    }
    f << qint64(a.links.size());
    for (const Link &l : a.links) {
        f << l.title << l.url << l.description;
    }
    f << qint64(a.offices.size());
    for (const OfficeLink &l : a.offices) {
        f << l.officeId << qint64(l.durationMinutes) << qint64(l.bookable ? 1 : 0) << l.appointmentUrl;
    }
    return f.result();
}

QString contentHash(const Office &o)
{
    Fingerprint f;
    f << o.id << o.name << o.organization << o.street << o.postalCode << o.city << o.phone << o.fax << o.email << o.web
      << o.openingHours << o.latitude << o.longitude << o.keywords << o.source;
    return f.result();
}

// Rolls back unless commit() was called (Strawberry's ScopedTransaction). BEGIN IMMEDIATE takes the
// write lock before the first read: a check ("is the published version still my base?", "is this
// user a team lead?") and the write that depends on it see the same database, and a second desk
// writing at the same time (agents log searches all day) makes this one wait for the busy timeout
// instead of failing late with "database is locked", as a deferred transaction would. The shared
// editorial code gets it from beginWrite().
class ScopedTransaction final : public SqlEditorialStore::WriteTransaction
{
public:
    explicit ScopedTransaction(QSqlDatabase &db) : m_db(db)
    {
        QSqlQuery q(m_db);
        m_active = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!m_active) {
            m_beginError = q.lastError().text();
        }
    }
    ~ScopedTransaction() override
    {
        if (m_active) {
            qCDebug(lcDb) << "rolling back" << m_db.connectionName();
            QSqlQuery q(m_db);
            q.exec(QStringLiteral("ROLLBACK"));
        }
    }
    ScopedTransaction(const ScopedTransaction &) = delete;
    ScopedTransaction &operator=(const ScopedTransaction &) = delete;

    bool isActive() const override
    {
        return m_active;
    }
    QString beginError() const override
    {
        return m_beginError;
    }
    bool commit(QString *error) override
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("COMMIT"))) {
            setError(error, Messages::tr("commit failed: %1").arg(q.lastError().text()));
            return false;
        }
        m_active = false;
        return true;
    }

private:
    QSqlDatabase &m_db;
    bool m_active = false;
    QString m_beginError;
};

class SqliteStore final : public SqlEditorialStore
{
public:
    SqliteStore(const QString &connectionName, const QString &path) : m_connectionName(connectionName), m_path(path) {}
    ~SqliteStore() override
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }

    QString backendName() const override
    {
        return QStringLiteral("sqlite");
    }

    bool upsert(const Catalogue &catalogue, UpsertReport *report, QString *error,
                const UpsertOptions &options = {}) override;
    bool removeArticle(const QString &id, QString *error) override;
    bool setSynonym(const Synonym &synonym, QString *error) override;
    bool removeSynonym(const QString &term, QString *error) override;
    StoreStats stats() const override;

protected:
    // The editorial workflow's hooks (sqleditorial_p.h).
    QSqlDatabase db() const override
    {
        return QSqlDatabase::database(m_connectionName, false);
    }
    QString location() const override
    {
        return m_path;
    }
    std::unique_ptr<WriteTransaction> beginWrite(QSqlDatabase &db) override;
    bool writeArticle(QSqlDatabase &db, const Article &article, const QString &author, const QString &changeNote,
                      QString *error) override;
    bool bumpRevision(QSqlDatabase &db, QString *error) override;

private:
    QString m_connectionName;
    QString m_path;
};

std::unique_ptr<SqlEditorialStore::WriteTransaction> SqliteStore::beginWrite(QSqlDatabase &db)
{
    return std::make_unique<ScopedTransaction>(db);
}

bool SqliteStore::bumpRevision(QSqlDatabase &db, QString *error)
{
    return exec(db, QStringLiteral("UPDATE meta SET int_value = int_value + 1 WHERE key = 'revision'"), error,
                Messages::tr("updating the revision counter"));
}

bool SqliteStore::upsert(const Catalogue &catalogue, UpsertReport *report, QString *error, const UpsertOptions &options)
{
    QSqlDatabase database = db();
    UpsertReport counts;
    const auto transaction = startWrite(database, Need::Lead, Messages::tr("import or change articles"), error);
    if (!transaction) {
        return false;
    }
    if (!checkCatalogue(catalogue, error)) {
        return false;
    }

    // What is there already: id → (hash, version). One scan is cheaper than a lookup per record.
    QHash<QString, QPair<QString, int>> knownArticles;
    QHash<QString, QStringList> storedQuestions; // only those with questions, only to keep them
    QHash<QString, QString> knownOffices;
    QHash<QString, int> removedVersions;
    {
        QSqlQuery q(database);
        q.setForwardOnly(true);
        const auto readArticle = [&](const QSqlQuery &row) {
            knownArticles.insert(row.value(0).toString(), {row.value(1).toString(), row.value(2).toInt()});
            if (options.keepStoredQuestions) {
                const QStringList questions = fromJsonList(row.value(3).toString());
                if (!questions.isEmpty()) {
                    storedQuestions.insert(row.value(0).toString(), questions);
                }
            }
        };
        if (!forEachRow(q,
                        options.keepStoredQuestions
                            ? QStringLiteral("SELECT id, content_hash, version, questions FROM articles")
                            : QStringLiteral("SELECT id, content_hash, version FROM articles"),
                        Messages::tr("reading the articles failed: %1"), error, readArticle)) {
            return false;
        }
        const auto readOffice = [&](const QSqlQuery &row) {
            knownOffices.insert(row.value(0).toString(), row.value(1).toString());
        };
        if (!forEachRow(q, QStringLiteral("SELECT id, content_hash FROM offices"),
                        Messages::tr("reading the offices failed: %1"), error, readOffice)) {
            return false;
        }
        // Removed articles keep their history: one that comes back continues its numbering.
        const auto readRemoved = [&](const QSqlQuery &row) {
            removedVersions.insert(row.value(0).toString(), row.value(1).toInt());
        };
        if (!forEachRow(q,
                        QStringLiteral("SELECT v.article_id, MAX(v.version) FROM article_versions v "
                                       "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = v.article_id) "
                                       "GROUP BY v.article_id"),
                        Messages::tr("reading the history failed: %1"), error, readRemoved)) {
            return false;
        }
    }

    const QString now = nowUtc();

    // Offices first: article links refer to them.
    QSqlQuery officeInsert(database);
    officeInsert.prepare(QStringLiteral(
        "INSERT INTO offices (id, name, organization, street, postal_code, city, phone, fax, email, web, "
        "opening_hours, "
        "latitude, longitude, keywords, source, updated_at, content_hash) "
        "VALUES (:id, :name, :organization, :street, :postal_code, :city, :phone, :fax, :email, :web, :opening_hours, "
        ":latitude, :longitude, :keywords, :source, :updated_at, :content_hash) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, organization = excluded.organization, "
        "street = excluded.street, postal_code = excluded.postal_code, city = excluded.city, phone = excluded.phone, "
        "fax = excluded.fax, email = excluded.email, web = excluded.web, opening_hours = excluded.opening_hours, "
        "latitude = excluded.latitude, longitude = excluded.longitude, keywords = excluded.keywords, "
        "source = excluded.source, updated_at = excluded.updated_at, content_hash = excluded.content_hash"));
    for (const Office &o : catalogue.offices) {
        const QString hash = contentHash(o);
        const auto known = knownOffices.constFind(o.id);
        if (known != knownOffices.constEnd() && *known == hash) {
            continue;
        }
        bindOfficeFields(officeInsert, o);
        officeInsert.bindValue(QStringLiteral(":updated_at"), now);
        officeInsert.bindValue(QStringLiteral(":content_hash"), hash);
        if (!officeInsert.exec()) {
            setError(error,
                     Messages::tr("writing office \"%1\" failed: %2").arg(o.id, officeInsert.lastError().text()));
            return false;
        }
        ++(known == knownOffices.constEnd() ? counts.officesInserted : counts.officesUpdated);
    }

    static const QString articleColumns = QStringLiteral(
        "title = :title, leika_key = :leika_key, summary = :summary, description_html = :description_html, "
        "documents = :documents, fees_html = :fees_html, processing_time = :processing_time, "
        "legal_basis = :legal_basis, online_service_url = :online_service_url, url = :url, keywords = :keywords, "
        "questions = :questions, "
        "category = :category, links = :links, duration_minutes = :duration_minutes, valid_from = :valid_from, "
        "valid_to = :valid_to, last_reviewed = :last_reviewed, review_by = :review_by, updated_at = :updated_at, "
        "version = :version, source = :source, content_hash = :content_hash, published_by = :published_by, "
        "author = '', change_note = :change_note");
    QSqlQuery articleInsert(database);
    articleInsert.prepare(QStringLiteral(
        "INSERT INTO articles (id, title, leika_key, summary, description_html, documents, fees_html, processing_time, "
        "legal_basis, online_service_url, url, keywords, questions, category, links, duration_minutes, valid_from, "
        "valid_to, last_reviewed, review_by, updated_at, version, source, content_hash, published_by, change_note) "
        "VALUES (:id, :title, :leika_key, :summary, :description_html, :documents, :fees_html, :processing_time, "
        ":legal_basis, :online_service_url, :url, :keywords, :questions, :category, :links, :duration_minutes, "
        ":valid_from, :valid_to, :last_reviewed, :review_by, :updated_at, :version, :source, :content_hash, "
        ":published_by, :change_note)"));
    QSqlQuery articleUpdate(database);
    articleUpdate.prepare(QStringLiteral("UPDATE articles SET %1 WHERE id = :id").arg(articleColumns));
    QSqlQuery linksDelete(database);
    linksDelete.prepare(QStringLiteral("DELETE FROM article_offices WHERE article_id = :article_id"));
    QSqlQuery linkInsert(database);
    linkInsert.prepare(QStringLiteral(
        "INSERT INTO article_offices (article_id, office_id, position, duration_minutes, bookable, appointment_url) "
        "VALUES (?, ?, ?, ?, ?, ?)")); // positional: the hottest statement of a bulk import
    HistoryCopier history(database);
    // One audit entry per written article: positional and with the time taken once, since it runs
    // as often as the article insert itself.
    QSqlQuery auditInsert(database);
    auditInsert.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, article_id, version, summary) "
                                       "VALUES (?, ?, ?, ?, ?, ?)"));
    const QString publishedBy = m_actor.auditName();
    const QString importedNote = Messages::tr("imported");
    const QString updatedNote = Messages::tr("updated by import");
    const QString auditAction = QStringLiteral("article.import");

    for (const Article &incoming : catalogue.articles) {
        // An import without example questions keeps the team's: the article as it will be stored.
        const Article a = column::withStoredQuestions(incoming, storedQuestions);
        const QString hash = contentHash(a);
        const auto known = knownArticles.constFind(a.id);
        if (known != knownArticles.constEnd() && known->first == hash) {
            ++counts.articlesUnchanged;
            continue;
        }
        const bool isNew = known == knownArticles.constEnd();
        // Copy on write: the version about to be replaced goes to the history first.
        if (!isNew && !history.copy(a.id, error)) {
            return false;
        }
        QSqlQuery &q = isNew ? articleInsert : articleUpdate;
        q.bindValue(QStringLiteral(":published_by"), publishedBy);
        q.bindValue(QStringLiteral(":change_note"), isNew ? importedNote : updatedNote);
        bindArticleFields(q, a);
        q.bindValue(QStringLiteral(":updated_at"), now);
        const int version = (isNew ? removedVersions.value(a.id, 0) : known->second) + 1;
        q.bindValue(QStringLiteral(":version"), version);
        q.bindValue(QStringLiteral(":content_hash"), hash);
        if (!q.exec()) {
            setError(error, Messages::tr("writing article \"%1\" failed: %2").arg(a.id, q.lastError().text()));
            return false;
        }
        if (!isNew) {
            linksDelete.bindValue(QStringLiteral(":article_id"), text(a.id));
            if (!linksDelete.exec()) {
                setError(error, Messages::tr("replacing the offices of article \"%1\" failed: %2")
                                    .arg(a.id, linksDelete.lastError().text()));
                return false;
            }
        }
        for (int i = 0; i < a.offices.size(); ++i) {
            const OfficeLink &l = a.offices.at(i);
            linkInsert.bindValue(0, text(a.id));
            linkInsert.bindValue(1, text(l.officeId));
            linkInsert.bindValue(2, i);
            linkInsert.bindValue(3, l.durationMinutes);
            linkInsert.bindValue(4, l.bookable ? 1 : 0);
            linkInsert.bindValue(5, text(l.appointmentUrl));
            if (!linkInsert.exec()) {
                setError(
                    error,
                    Messages::tr("linking article \"%1\" to office \"%2\" failed (is the office in the catalogue?): %3")
                        .arg(a.id, l.officeId, linkInsert.lastError().text()));
                return false;
            }
        }
        auditInsert.bindValue(0, now);
        auditInsert.bindValue(1, publishedBy);
        auditInsert.bindValue(2, auditAction);
        auditInsert.bindValue(3, a.id);
        auditInsert.bindValue(4, version);
        auditInsert.bindValue(5, QString((isNew ? importedNote : updatedNote) + QStringLiteral(": ") + a.title));
        if (!auditInsert.exec()) {
            setError(error, Messages::tr("writing the audit trail failed: %1").arg(auditInsert.lastError().text()));
            return false;
        }
        ++(isNew ? counts.articlesInserted : counts.articlesUpdated);
    }

    const bool changed =
        counts.articlesInserted + counts.articlesUpdated + counts.officesInserted + counts.officesUpdated > 0;
    if (changed && !bumpRevision(database, error)) {
        return false;
    }
    if (!transaction->commit(error)) {
        return false;
    }
    if (report) {
        *report = counts;
    }
    qCDebug(lcDb) << "upsert:" << counts.articlesInserted << "inserted" << counts.articlesUpdated << "updated"
                  << counts.articlesUnchanged << "unchanged";
    return true;
}

bool SqliteStore::removeArticle(const QString &id, QString *error)
{
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, Need::Lead, Messages::tr("remove articles"), error);
    if (!transaction) {
        return false;
    }
    // The last published version stays in the history.
    const std::optional<Article> current = article(id);
    HistoryCopier history(database);
    if (current && !history.copy(id, error)) {
        return false;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral("DELETE FROM articles WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec()) {
        setError(error, Messages::tr("removing article \"%1\" failed: %2").arg(id, q.lastError().text()));
        return false;
    }
    if (q.numRowsAffected() == 0) {
        setError(error, Messages::tr("no article with id \"%1\"").arg(id));
        return false;
    }
    return audit(database, QStringLiteral("article.remove"), id, current ? current->version : 0,
                 Messages::tr("removed \"%1\"").arg(current ? current->title : id), error) &&
           bumpRevision(database, error) && transaction->commit(error);
}

bool SqliteStore::setSynonym(const Synonym &synonym, QString *error)
{
    Synonym normalized;
    if (!normalizeSynonym(synonym, &normalized, error)) {
        return false;
    }
    const QString &term = normalized.term;
    const QStringList &expansions = normalized.expansions;
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, Need::Lead, Messages::tr("edit synonyms"), error);
    if (!transaction) {
        return false;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral("INSERT INTO synonyms (term, expansions) VALUES (:term, :expansions) "
                             "ON CONFLICT (term) DO UPDATE SET expansions = excluded.expansions"));
    q.bindValue(QStringLiteral(":term"), term);
    q.bindValue(QStringLiteral(":expansions"), toJson(expansions));
    if (!q.exec()) {
        setError(error, Messages::tr("writing synonym \"%1\" failed: %2").arg(term, q.lastError().text()));
        return false;
    }
    return audit(database, QStringLiteral("synonym.set"), QString(), 0,
                 QStringLiteral("%1 → %2").arg(term, expansions.join(QStringLiteral(", "))), error) &&
           bumpRevision(database, error) && transaction->commit(error);
}

bool SqliteStore::removeSynonym(const QString &term, QString *error)
{
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, Need::Lead, Messages::tr("edit synonyms"), error);
    if (!transaction) {
        return false;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral("DELETE FROM synonyms WHERE term = :term"));
    q.bindValue(QStringLiteral(":term"), term.trimmed());
    if (!q.exec()) {
        setError(error, Messages::tr("removing synonym \"%1\" failed: %2").arg(term, q.lastError().text()));
        return false;
    }
    if (q.numRowsAffected() == 0) {
        setError(error, Messages::tr("no synonym \"%1\"").arg(term));
        return false;
    }
    return audit(database, QStringLiteral("synonym.remove"), QString(), 0, term.trimmed(), error) &&
           bumpRevision(database, error) && transaction->commit(error);
}

StoreStats SqliteStore::stats() const
{
    QSqlDatabase database = db();
    StoreStats s = catalogueStats();
    QSqlQuery q(database);
    const bool counted =
        q.exec(QStringLiteral("SELECT COALESCE(SUM(json_array_length(questions)), 0) FROM articles")) && q.next();
    s.questions = counted ? q.value(0).toInt() : -1;
    q.finish();
    bool ok = false;
    s.schemaVersion = readUserVersion(database, &ok);
    s.fileBytes = QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
    return s;
}

// One article into the published catalogue (insert or replace, offices relinked). The caller
// holds the transaction and has set version and updatedAt.
bool SqliteStore::writeArticle(QSqlDatabase &db, const Article &a, const QString &author, const QString &changeNote,
                               QString *error)
{
    HistoryCopier history(db);
    if (!history.copy(a.id, error)) { // copies nothing for a new article
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO articles (id, title, leika_key, summary, description_html, documents, fees_html, processing_time, "
        "legal_basis, online_service_url, url, keywords, questions, category, links, duration_minutes, valid_from, "
        "valid_to, last_reviewed, review_by, updated_at, version, source, content_hash, published_by, author, "
        "change_note) VALUES (:id, :title, :leika_key, :summary, :description_html, :documents, :fees_html, "
        ":processing_time, :legal_basis, :online_service_url, :url, :keywords, :questions, :category, :links, "
        ":duration_minutes, :valid_from, :valid_to, :last_reviewed, :review_by, :updated_at, :version, :source, "
        ":content_hash, :published_by, :author, :change_note) ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
        "leika_key = excluded.leika_key, summary = excluded.summary, description_html = excluded.description_html, "
        "documents = excluded.documents, fees_html = excluded.fees_html, processing_time = excluded.processing_time, "
        "legal_basis = excluded.legal_basis, online_service_url = excluded.online_service_url, url = excluded.url, "
        "keywords = excluded.keywords, questions = excluded.questions, category = excluded.category, "
        "links = excluded.links, "
        "duration_minutes = excluded.duration_minutes, valid_from = excluded.valid_from, valid_to = excluded.valid_to, "
        "last_reviewed = excluded.last_reviewed, review_by = excluded.review_by, updated_at = excluded.updated_at, "
        "version = excluded.version, source = excluded.source, content_hash = excluded.content_hash, "
        "published_by = excluded.published_by, author = excluded.author, change_note = excluded.change_note"));
    bindArticleContent(q, a);
    q.bindValue(QStringLiteral(":content_hash"), contentHash(a));
    q.bindValue(QStringLiteral(":published_by"), m_actor.auditName());
    q.bindValue(QStringLiteral(":author"), text(author));
    q.bindValue(QStringLiteral(":change_note"), text(changeNote));
    if (!q.exec()) {
        setError(error, Messages::tr("writing article \"%1\" failed: %2").arg(a.id, q.lastError().text()));
        return false;
    }
    return writeOfficeLinks(db, a, error);
}

std::atomic<int> connectionCounter{0};

} // namespace

int sqliteSchemaVersion()
{
    return int(migrationFiles().size());
}

bool applySqliteMigrations(QSqlDatabase &db, int targetVersion, QString *error)
{
    const QStringList files = migrationFiles();
    if (targetVersion > files.size()) {
        setError(error, Messages::tr("schema version %1 is unknown to this build (it knows up to %2)")
                            .arg(targetVersion)
                            .arg(files.size()));
        return false;
    }
    for (;;) {
        // BEGIN IMMEDIATE takes the write lock first, so two processes starting at once do not both
        // migrate: the second one sees the new user_version and stops.
        if (!exec(db, QStringLiteral("BEGIN IMMEDIATE"), error, Messages::tr("starting the migration transaction"))) {
            return false;
        }
        bool ok = false;
        const int current = readUserVersion(db, &ok);
        if (!ok || current >= targetVersion) {
            exec(db, QStringLiteral("ROLLBACK"), nullptr, {});
            if (!ok) {
                setError(error, Messages::tr("cannot read the schema version"));
            }
            return ok;
        }
        const int next = current + 1;
        QFile file(files.at(next - 1));
        if (!file.open(QIODevice::ReadOnly)) {
            exec(db, QStringLiteral("ROLLBACK"), nullptr, {});
            setError(error, Messages::tr("migration %1 is missing from the build").arg(files.at(next - 1)));
            return false;
        }
        const QStringList statements = splitSqlStatements(QString::fromUtf8(file.readAll()));
        for (const QString &statement : statements) {
            QSqlQuery q(db);
            if (!q.exec(statement)) {
                const QString message =
                    Messages::tr("migration %1 failed: %2 in: %3")
                        .arg(QFileInfo(file.fileName()).fileName(), q.lastError().text(), statement.left(120));
                q.finish();
                exec(db, QStringLiteral("ROLLBACK"), nullptr, {});
                setError(error, message);
                return false;
            }
        }
        if (!exec(db, QStringLiteral("PRAGMA user_version = %1").arg(next), error,
                  Messages::tr("setting the schema version")) ||
            !exec(db, QStringLiteral("COMMIT"), error, Messages::tr("committing migration %1").arg(next))) {
            exec(db, QStringLiteral("ROLLBACK"), nullptr, {});
            return false;
        }
        qCInfo(lcDb) << "migrated" << db.databaseName() << "to schema version" << next;
    }
}

std::unique_ptr<Store> openSqliteStore(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        setError(error, Messages::tr("no database path given"));
        return nullptr;
    }
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        setError(error, Messages::tr("%1 is not a file").arg(path));
        return nullptr;
    }
    if (!info.absoluteDir().exists()) {
        setError(error,
                 Messages::tr("cannot open database %1: folder %2 does not exist").arg(path, info.absolutePath()));
        return nullptr;
    }
    const bool existedNonEmpty = info.exists() && info.size() > 0;

    const QString name = QStringLiteral("kb.sqlite.%1").arg(connectionCounter.fetch_add(1));
    auto closeConnection = [&name] { QSqlDatabase::removeDatabase(name); };
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            const QString message = Messages::tr("cannot open database %1: %2").arg(path, db.lastError().text());
            db = QSqlDatabase();
            closeConnection();
            setError(error, message);
            return nullptr;
        }
        auto fail = [&](const QString &message) {
            db.close();
            db = QSqlDatabase();
            closeConnection();
            setError(error, message);
            return nullptr;
        };

        // Read the version before touching anything: a newer file must stay exactly as it is.
        bool ok = false;
        const int version = readUserVersion(db, &ok);
        if (!ok) {
            return fail(
                Messages::tr("%1 is not a Hotline Desk database (or is damaged): %2").arg(path, db.lastError().text()));
        }
        const int known = sqliteSchemaVersion();
        if (version > known) {
            return fail(Messages::tr("database %1 has schema version %2, newer than this program knows (%3); "
                                     "use a newer Hotline Desk. The file was not changed.")
                            .arg(path)
                            .arg(version)
                            .arg(known));
        }
        if (version < known && existedNonEmpty) {
            // Back up before migrating. VACUUM INTO writes a consistent copy even with a WAL beside it.
            const QString backup = QStringLiteral("%1.bak-v%2").arg(path).arg(version);
            QFile::remove(backup);
            QString quoted = backup;
            quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
            QString message;
            if (!exec(db, QStringLiteral("VACUUM INTO '%1'").arg(quoted), &message,
                      Messages::tr("backing up to %1").arg(backup))) {
                return fail(Messages::tr("not migrating %1: %2").arg(path, message));
            }
            qCInfo(lcDb) << "backed up" << path << "to" << backup;
        }
        QString message;
        QSqlQuery pragma(db);
        if (!pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !pragma.next() ||
            pragma.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            qCWarning(lcDb) << "WAL is not available for" << path << pragma.lastError().text();
        }
        pragma.finish();
        // synchronous stays FULL (the default): a committed import survives a power cut, and bulk writes
        // are one transaction anyway.
        // A 32 MiB page cache keeps a bulk import of tens of thousands of articles off the disk
        // until commit (the default 2 MiB makes SQLite re-read index pages it just wrote).
        if (!exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), &message, Messages::tr("enabling foreign keys")) ||
            !exec(db, QStringLiteral("PRAGMA cache_size = -32768"), &message,
                  Messages::tr("setting the page cache size"))) {
            return fail(Messages::tr("cannot set up database %1: %2").arg(path, message));
        }
        if (!applySqliteMigrations(db, known, &message)) {
            return fail(Messages::tr("cannot migrate database %1: %2").arg(path, message));
        }
    }
    return std::make_unique<SqliteStore>(name, path);
}

} // namespace kb
