// SQLite backend of kb::Store through Qt SQL (QSQLITE): WAL, busy timeout, foreign keys, one named
// connection per Store object, schema by numbered migrations embedded as resources.
#include "sqlitestore.h"

#include "jsonlformat.h"
#include "logging.h"
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

namespace {

// The translation context of this file's user-visible messages (lupdate reads the macro).
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::SqliteStore)
};

void setError(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
}

// Migration files are ":/kb/migrations/NNNN_name.sql", numbered 1…N without gaps.
QStringList migrationFiles()
{
    static const QStringList files = [] {
        QStringList sorted = QDir(QStringLiteral(":/kb/migrations")).entryList({QStringLiteral("*.sql")}, QDir::Files,
                                                                               QDir::Name);
        QStringList out;
        for (int i = 0; i < sorted.size(); ++i) {
            const QString expected = QStringLiteral("%1_").arg(i + 1, 4, 10, QLatin1Char('0'));
            if (!sorted.at(i).startsWith(expected)) {
                qCCritical(lcDb) << "migration files are not numbered 1..N:" << sorted;
                break;
            }
            out << QStringLiteral(":/kb/migrations/") + sorted.at(i);
        }
        return out;
    }();
    return files;
}

// One statement per paragraph (";" then a blank line), so trigger bodies may contain ";".
QStringList splitStatements(const QString &sql)
{
    static const QRegularExpression separator(QStringLiteral(";[ \\t]*\\r?\\n[ \\t]*\\r?\\n"));
    static const QRegularExpression commentLine(QStringLiteral("^\\s*--[^\\n]*$"),
                                                QRegularExpression::MultilineOption);
    QStringList statements;
    const QStringList parts = sql.split(separator);
    for (QString part : parts) {
        QString code = part;
        code.remove(commentLine);
        code = code.trimmed();
        if (code.endsWith(QLatin1Char(';'))) {
            code.chop(1);
        }
        if (!code.trimmed().isEmpty()) {
            statements << code;
        }
    }
    return statements;
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

// JSON text of the list columns, written by hand: QJsonDocument costs more than the insert itself.
void appendJsonString(QString &out, QStringView s)
{
    out += QLatin1Char('"');
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            out += QLatin1Char('\\');
            out += c;
        } else if (u < 0x20) {
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    out += QLatin1Char('"');
}

QString toJson(const QStringList &list)
{
    QString out;
    out.reserve(2 + list.size() * 24);
    out += QLatin1Char('[');
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0) {
            out += QLatin1Char(',');
        }
        appendJsonString(out, list.at(i));
    }
    out += QLatin1Char(']');
    return out;
}

QStringList fromJsonList(const QString &text)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array) {
        out << v.toString();
    }
    return out;
}

QString linksToJson(const QList<Link> &links)
{
    QString out;
    out.reserve(2 + links.size() * 120);
    out += QLatin1Char('[');
    for (qsizetype i = 0; i < links.size(); ++i) {
        const Link &l = links.at(i);
        out += i > 0 ? QStringLiteral(",{\"title\":") : QStringLiteral("{\"title\":");
        appendJsonString(out, l.title);
        out += QStringLiteral(",\"url\":");
        appendJsonString(out, l.url);
        out += QStringLiteral(",\"description\":");
        appendJsonString(out, l.description);
        out += QLatin1Char('}');
    }
    out += QLatin1Char(']');
    return out;
}

QList<Link> linksFromJson(const QString &text)
{
    QList<Link> out;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        out << Link{o.value(QLatin1String("title")).toString(), o.value(QLatin1String("url")).toString(),
                    o.value(QLatin1String("description")).toString()};
    }
    return out;
}

QVariant dateValue(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

QDate dateFrom(const QVariant &v)
{
    return v.isNull() ? QDate() : QDate::fromString(v.toString(), Qt::ISODate);
}

QVariant realValue(double d)
{
    return std::isnan(d) ? QVariant(QMetaType::fromType<double>()) : QVariant(d);
}

// Empty, never NULL: the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
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
    Fingerprint() { m_hash.addData(QByteArrayView("kb-fp-1")); }
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
    Fingerprint &operator<<(const QDate &d) { return *this << (d.isValid() ? d.toJulianDay() : qint64(-1)); }
    QString result() const { return QString::fromLatin1(m_hash.result().toHex()); }

private:
    QCryptographicHash m_hash{QCryptographicHash::Sha1};
};

QString contentHash(const Article &a)
{
    Fingerprint f;
    f << a.id << a.title << a.leikaKey << a.summary << a.descriptionHtml << a.documents << a.feesHtml
      << a.processingTime << a.legalBasis << a.onlineServiceUrl << a.url << a.keywords << a.category
      << qint64(a.durationMinutes) << a.validFrom << a.validTo << a.lastReviewed << a.reviewBy << a.source;
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
    f << o.id << o.name << o.organization << o.street << o.postalCode << o.city << o.phone << o.fax << o.email
      << o.web << o.openingHours << o.latitude << o.longitude << o.keywords << o.source;
    return f.result();
}

// Rolls back unless commit() was called (Strawberry's ScopedTransaction). BEGIN IMMEDIATE takes the
// write lock before the first read: a check ("is the published version still my base?", "is this
// user a team lead?") and the write that depends on it see the same database, and a second desk
// writing at the same time (agents log searches all day) makes this one wait for the busy timeout
// instead of failing late with "database is locked", as a deferred transaction would.
class ScopedTransaction
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
    ~ScopedTransaction()
    {
        if (m_active) {
            qCDebug(lcDb) << "rolling back" << m_db.connectionName();
            QSqlQuery q(m_db);
            q.exec(QStringLiteral("ROLLBACK"));
        }
    }
    ScopedTransaction(const ScopedTransaction &) = delete;
    ScopedTransaction &operator=(const ScopedTransaction &) = delete;

    bool isActive() const { return m_active; }
    QString beginError() const { return m_beginError; }
    bool commit(QString *error)
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

// The columns articleFromRow() reads after the id, in this order (articles and article_versions).
const QString kArticleRowColumns = QStringLiteral(
    "title, leika_key, summary, description_html, documents, fees_html, processing_time, legal_basis, "
    "online_service_url, url, keywords, category, links, duration_minutes, valid_from, valid_to, last_reviewed, "
    "review_by, updated_at, version, source");

Article articleFromRow(const QSqlQuery &q)
{
    Article a;
    a.id = q.value(0).toString();
    a.title = q.value(1).toString();
    a.leikaKey = q.value(2).toString();
    a.summary = q.value(3).toString();
    a.descriptionHtml = q.value(4).toString();
    a.documents = fromJsonList(q.value(5).toString());
    a.feesHtml = q.value(6).toString();
    a.processingTime = q.value(7).toString();
    a.legalBasis = q.value(8).toString();
    a.onlineServiceUrl = q.value(9).toString();
    a.url = q.value(10).toString();
    a.keywords = fromJsonList(q.value(11).toString());
    a.category = q.value(12).toString();
    a.links = linksFromJson(q.value(13).toString());
    a.durationMinutes = q.value(14).toInt();
    a.validFrom = dateFrom(q.value(15));
    a.validTo = dateFrom(q.value(16));
    a.lastReviewed = dateFrom(q.value(17));
    a.reviewBy = dateFrom(q.value(18));
    a.updatedAt = QDateTime::fromString(q.value(19).toString(), Qt::ISODateWithMs).toUTC();
    a.version = q.value(20).toInt();
    a.source = q.value(21).toString();
    return a;
}

// Copies the published row of one article (and its office links) into the history, just before it
// is overwritten or removed: INSERT … SELECT, so the text never passes through the program. The two
// statements are prepared once per write and reused for every article of an import.
class HistoryCopier
{
public:
    explicit HistoryCopier(QSqlDatabase &db) : m_row(db), m_offices(db)
    {
        m_row.prepare(QStringLiteral(
            "INSERT INTO article_versions (article_id, %1, published_by, author, change_note) "
            "SELECT id, %1, published_by, author, change_note FROM articles WHERE id = :id "
            "ON CONFLICT (article_id, version) DO NOTHING")
                          .arg(kArticleRowColumns));
        m_offices.prepare(QStringLiteral(
            "INSERT INTO article_version_offices (article_id, version, office_id, position, duration_minutes, bookable, "
            "appointment_url) SELECT o.article_id, a.version, o.office_id, o.position, o.duration_minutes, o.bookable, "
            "o.appointment_url FROM article_offices o JOIN articles a ON a.id = o.article_id WHERE o.article_id = :id "
            "ON CONFLICT (article_id, version, office_id) DO NOTHING"));
    }
    bool copy(const QString &articleId, QString *error)
    {
        for (QSqlQuery *q : {&m_row, &m_offices}) {
            q->bindValue(QStringLiteral(":id"), text(articleId));
            if (!q->exec()) {
                setError(error, Messages::tr("keeping the previous version of article \"%1\" failed: %2")
                                    .arg(articleId, q->lastError().text()));
                return false;
            }
        }
        return true;
    }

private:
    QSqlQuery m_row;
    QSqlQuery m_offices;
};

class SqliteStore final : public Store
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

    QString backendName() const override { return QStringLiteral("sqlite"); }

    bool upsert(const Catalogue &catalogue, UpsertReport *report, QString *error) override;
    bool removeArticle(const QString &id, QString *error) override;
    std::optional<Article> article(const QString &id) const override;
    QList<Article> articles(QString *error = nullptr) const override;
    std::optional<Office> office(const QString &id) const override;
    QList<Office> offices(QString *error = nullptr) const override;
    QList<Synonym> synonyms(QString *error = nullptr) const override;
    bool setSynonym(const Synonym &synonym, QString *error) override;
    bool removeSynonym(const QString &term, QString *error) override;
    qint64 revision() const override;
    StoreStats stats() const override;

    bool hasUsers(QString *error = nullptr) const override;
    std::optional<User> createUser(const QString &name, const QString &displayName, Role role,
                                   const QString &password, QString *error) override;
    std::optional<User> authenticate(const QString &name, const QString &password, QString *error) override;
    std::optional<User> user(const QString &name) const override;
    QList<User> users(QString *error = nullptr) const override;
    bool setRole(const QString &name, Role role, QString *error) override;
    bool setUserActive(const QString &name, bool active, QString *error) override;
    bool setPassword(const QString &name, const QString &password, QString *error) override;

    EditResult saveDraft(const Article &content, int baseVersion, QString *error) override;
    QList<Draft> drafts(const QString &articleId = QString(), QString *error = nullptr) const override;
    std::optional<Draft> draft(const QString &articleId, qint64 authorId) const override;
    bool discardDraft(const QString &articleId, QString *error) override;
    bool submitDraft(const QString &articleId, QString *error) override;
    EditResult approveDraft(const QString &articleId, qint64 authorId, const QString &changeNote,
                            QString *error) override;
    bool rejectDraft(const QString &articleId, qint64 authorId, const QString &comment, QString *error) override;
    bool fourEyes() const override;
    bool setFourEyes(bool on, QString *error) override;

    QList<ArticleVersion> history(const QString &articleId, QString *error = nullptr) const override;
    std::optional<ArticleVersion> articleVersion(const QString &articleId, int version) const override;
    EditResult restoreVersion(const QString &articleId, int version, QString *error) override;

    QList<AuditEntry> auditLog(const QString &articleId = QString(), int limit = 500,
                               QString *error = nullptr) const override;
    QList<ReviewItem> reviewDue(const QDate &today, int horizonDays, QString *error = nullptr) const override;

    qint64 flagArticle(const QString &articleId, const QString &comment, QString *error) override;
    QList<ArticleFlag> flags(bool openOnly = true, QString *error = nullptr) const override;
    bool resolveFlag(qint64 flagId, const QString &resolution, QString *error) override;

    qint64 logSearch(const QString &query, int resultCount, QString *error = nullptr) override;
    bool logOpened(qint64 searchId, const QString &articleId, QString *error = nullptr) override;
    GapReport knowledgeGaps(const QDateTime &since, QString *error = nullptr) const override;
    int purgeSearchLog(int days, QString *error = nullptr) override;

private:
    enum class Need {
        Lead,       // team lead or administrator
        SignedIn,   // any active user (agents too) or administrator
    };
    // Inside a write transaction: is the actor (as stored now) allowed to `what`?
    bool authorize(QSqlDatabase &db, Need need, const QString &what, QString *error) const;
    bool audit(QSqlDatabase &db, const QString &action, const QString &articleId, int version,
               const QString &summary, QString *error) const;
    QString nowText() const;
    int publishedVersion(QSqlDatabase &db, const QString &articleId, bool *ok) const;
    bool writeArticle(QSqlDatabase &db, const Article &article, const QString &author, const QString &changeNote,
                      QString *error) const;
    EditResult saveDraftLocked(QSqlDatabase &db, Article content, int baseVersion, const QString &auditAction,
                               const QString &auditSummary, QString *error);
    QList<Draft> loadDrafts(const QString &articleId, qint64 authorId, QString *error) const;
    QList<User> loadUsers(const QString &nameKey, QString *error) const;
    int activeLeads(QSqlDatabase &db, bool *ok) const;
    QSqlDatabase db() const { return QSqlDatabase::database(m_connectionName, false); }
    bool bumpRevision(QSqlDatabase &db, QString *error);
    QList<Article> loadArticles(const QString &whereId, QString *error) const;
    QList<Office> loadOffices(const QString &whereId, QString *error) const;

    QString m_connectionName;
    QString m_path;
};

bool SqliteStore::bumpRevision(QSqlDatabase &db, QString *error)
{
    return exec(db, QStringLiteral("UPDATE meta SET int_value = int_value + 1 WHERE key = 'revision'"), error,
                Messages::tr("updating the revision counter"));
}

bool SqliteStore::upsert(const Catalogue &catalogue, UpsertReport *report, QString *error)
{
    QSqlDatabase database = db();
    UpsertReport counts;
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return false;
    }

    if (!authorize(database, Need::Lead, Messages::tr("import or change articles"), error)) {
        return false;
    }

    // What is there already: id → (hash, version). One scan is cheaper than a lookup per record.
    QHash<QString, QPair<QString, int>> knownArticles;
    QHash<QString, QString> knownOffices;
    QHash<QString, int> removedVersions;
    {
        QSqlQuery q(database);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id, content_hash, version FROM articles"))) {
            setError(error, Messages::tr("reading the articles failed: %1").arg(q.lastError().text()));
            return false;
        }
        while (q.next()) {
            knownArticles.insert(q.value(0).toString(), {q.value(1).toString(), q.value(2).toInt()});
        }
        if (!q.exec(QStringLiteral("SELECT id, content_hash FROM offices"))) {
            setError(error, Messages::tr("reading the offices failed: %1").arg(q.lastError().text()));
            return false;
        }
        while (q.next()) {
            knownOffices.insert(q.value(0).toString(), q.value(1).toString());
        }
        // Removed articles keep their history: one that comes back continues its numbering.
        if (!q.exec(QStringLiteral("SELECT v.article_id, MAX(v.version) FROM article_versions v "
                                   "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = v.article_id) "
                                   "GROUP BY v.article_id"))) {
            setError(error, Messages::tr("reading the history failed: %1").arg(q.lastError().text()));
            return false;
        }
        while (q.next()) {
            removedVersions.insert(q.value(0).toString(), q.value(1).toInt());
        }
    }

    const QString now = nowUtc();
    QSet<QString> seen;

    // Offices first: article links refer to them.
    QSqlQuery officeInsert(database);
    officeInsert.prepare(QStringLiteral(
        "INSERT INTO offices (id, name, organization, street, postal_code, city, phone, fax, email, web, opening_hours, "
        "latitude, longitude, keywords, source, updated_at, content_hash) "
        "VALUES (:id, :name, :organization, :street, :postal_code, :city, :phone, :fax, :email, :web, :opening_hours, "
        ":latitude, :longitude, :keywords, :source, :updated_at, :content_hash) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, organization = excluded.organization, "
        "street = excluded.street, postal_code = excluded.postal_code, city = excluded.city, phone = excluded.phone, "
        "fax = excluded.fax, email = excluded.email, web = excluded.web, opening_hours = excluded.opening_hours, "
        "latitude = excluded.latitude, longitude = excluded.longitude, keywords = excluded.keywords, "
        "source = excluded.source, updated_at = excluded.updated_at, content_hash = excluded.content_hash"));
    for (const Office &o : catalogue.offices) {
        if (o.id.trimmed().isEmpty() || o.name.trimmed().isEmpty()) {
            setError(error, Messages::tr("office \"%1\": id and name must not be empty").arg(o.id));
            return false;
        }
        if (seen.contains(o.id)) {
            setError(error, Messages::tr("office \"%1\" appears twice in one write").arg(o.id));
            return false;
        }
        seen.insert(o.id);
        const QString hash = contentHash(o);
        const auto known = knownOffices.constFind(o.id);
        if (known != knownOffices.constEnd() && *known == hash) {
            continue;
        }
        officeInsert.bindValue(QStringLiteral(":id"), text(o.id));
        officeInsert.bindValue(QStringLiteral(":name"), text(o.name));
        officeInsert.bindValue(QStringLiteral(":organization"), text(o.organization));
        officeInsert.bindValue(QStringLiteral(":street"), text(o.street));
        officeInsert.bindValue(QStringLiteral(":postal_code"), text(o.postalCode));
        officeInsert.bindValue(QStringLiteral(":city"), text(o.city));
        officeInsert.bindValue(QStringLiteral(":phone"), text(o.phone));
        officeInsert.bindValue(QStringLiteral(":fax"), text(o.fax));
        officeInsert.bindValue(QStringLiteral(":email"), text(o.email));
        officeInsert.bindValue(QStringLiteral(":web"), text(o.web));
        officeInsert.bindValue(QStringLiteral(":opening_hours"), text(o.openingHours));
        officeInsert.bindValue(QStringLiteral(":latitude"), realValue(o.latitude));
        officeInsert.bindValue(QStringLiteral(":longitude"), realValue(o.longitude));
        officeInsert.bindValue(QStringLiteral(":keywords"), toJson(o.keywords));
        officeInsert.bindValue(QStringLiteral(":source"), text(o.source));
        officeInsert.bindValue(QStringLiteral(":updated_at"), now);
        officeInsert.bindValue(QStringLiteral(":content_hash"), hash);
        if (!officeInsert.exec()) {
            setError(error, Messages::tr("writing office \"%1\" failed: %2").arg(o.id, officeInsert.lastError().text()));
            return false;
        }
        ++(known == knownOffices.constEnd() ? counts.officesInserted : counts.officesUpdated);
    }

    static const QString articleColumns = QStringLiteral(
        "title = :title, leika_key = :leika_key, summary = :summary, description_html = :description_html, "
        "documents = :documents, fees_html = :fees_html, processing_time = :processing_time, "
        "legal_basis = :legal_basis, online_service_url = :online_service_url, url = :url, keywords = :keywords, "
        "category = :category, links = :links, duration_minutes = :duration_minutes, valid_from = :valid_from, "
        "valid_to = :valid_to, last_reviewed = :last_reviewed, review_by = :review_by, updated_at = :updated_at, "
        "version = :version, source = :source, content_hash = :content_hash, published_by = :published_by, "
        "author = '', change_note = :change_note");
    QSqlQuery articleInsert(database);
    articleInsert.prepare(QStringLiteral(
        "INSERT INTO articles (id, title, leika_key, summary, description_html, documents, fees_html, processing_time, "
        "legal_basis, online_service_url, url, keywords, category, links, duration_minutes, valid_from, valid_to, "
        "last_reviewed, review_by, updated_at, version, source, content_hash, published_by, change_note) VALUES (:id, "
        ":title, :leika_key, :summary, :description_html, :documents, :fees_html, :processing_time, :legal_basis, "
        ":online_service_url, :url, :keywords, :category, :links, :duration_minutes, :valid_from, :valid_to, "
        ":last_reviewed, :review_by, :updated_at, :version, :source, :content_hash, :published_by, :change_note)"));
    QSqlQuery articleUpdate(database);
    articleUpdate.prepare(QStringLiteral("UPDATE articles SET %1 WHERE id = :id").arg(articleColumns));
    QSqlQuery linksDelete(database);
    linksDelete.prepare(QStringLiteral("DELETE FROM article_offices WHERE article_id = :article_id"));
    QSqlQuery linkInsert(database);
    linkInsert.prepare(QStringLiteral(
        "INSERT INTO article_offices (article_id, office_id, position, duration_minutes, bookable, appointment_url) "
        "VALUES (?, ?, ?, ?, ?, ?)"));   // positional: the hottest statement of a bulk import
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

    seen.clear();
    for (const Article &a : catalogue.articles) {
        if (a.id.trimmed().isEmpty() || a.title.trimmed().isEmpty()) {
            setError(error, Messages::tr("article \"%1\": id and title must not be empty").arg(a.id));
            return false;
        }
        if (seen.contains(a.id)) {
            setError(error, Messages::tr("article \"%1\" appears twice in one write").arg(a.id));
            return false;
        }
        seen.insert(a.id);
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
        q.bindValue(QStringLiteral(":id"), text(a.id));
        q.bindValue(QStringLiteral(":title"), text(a.title));
        q.bindValue(QStringLiteral(":leika_key"), text(a.leikaKey));
        q.bindValue(QStringLiteral(":summary"), text(a.summary));
        q.bindValue(QStringLiteral(":description_html"), text(a.descriptionHtml));
        q.bindValue(QStringLiteral(":documents"), toJson(a.documents));
        q.bindValue(QStringLiteral(":fees_html"), text(a.feesHtml));
        q.bindValue(QStringLiteral(":processing_time"), text(a.processingTime));
        q.bindValue(QStringLiteral(":legal_basis"), text(a.legalBasis));
        q.bindValue(QStringLiteral(":online_service_url"), text(a.onlineServiceUrl));
        q.bindValue(QStringLiteral(":url"), text(a.url));
        q.bindValue(QStringLiteral(":keywords"), toJson(a.keywords));
        q.bindValue(QStringLiteral(":category"), text(a.category));
        q.bindValue(QStringLiteral(":links"), linksToJson(a.links));
        q.bindValue(QStringLiteral(":duration_minutes"), a.durationMinutes);
        q.bindValue(QStringLiteral(":valid_from"), dateValue(a.validFrom));
        q.bindValue(QStringLiteral(":valid_to"), dateValue(a.validTo));
        q.bindValue(QStringLiteral(":last_reviewed"), dateValue(a.lastReviewed));
        q.bindValue(QStringLiteral(":review_by"), dateValue(a.reviewBy));
        q.bindValue(QStringLiteral(":updated_at"), now);
        const int version = (isNew ? removedVersions.value(a.id, 0) : known->second) + 1;
        q.bindValue(QStringLiteral(":version"), version);
        q.bindValue(QStringLiteral(":source"), text(a.source));
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
                setError(error, Messages::tr("linking article \"%1\" to office \"%2\" failed (is the office in the catalogue?): %3")
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

    const bool changed = counts.articlesInserted + counts.articlesUpdated + counts.officesInserted
                             + counts.officesUpdated
                         > 0;
    if (changed && !bumpRevision(database, error)) {
        return false;
    }
    if (!transaction.commit(error)) {
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
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return false;
    }
    if (!authorize(database, Need::Lead, Messages::tr("remove articles"), error)) {
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
                 Messages::tr("removed \"%1\"").arg(current ? current->title : id), error)
        && bumpRevision(database, error) && transaction.commit(error);
}

QList<Article> SqliteStore::loadArticles(const QString &whereId, QString *error) const
{
    QSqlDatabase database = db();
    QList<Article> result;
    QSqlQuery q(database);
    q.setForwardOnly(true);
    const QString filter = whereId.isNull() ? QString() : QStringLiteral(" WHERE id = :id");
    q.prepare(QStringLiteral("SELECT id, %1 FROM articles%2 ORDER BY id").arg(kArticleRowColumns, filter));
    if (!whereId.isNull()) {
        q.bindValue(QStringLiteral(":id"), text(whereId));
    }
    if (!q.exec()) {
        setError(error, Messages::tr("reading articles failed: %1").arg(q.lastError().text()));
        return {};
    }
    QHash<QString, qsizetype> index;
    while (q.next()) {
        const Article a = articleFromRow(q);
        index.insert(a.id, result.size());
        result << a;
    }
    QSqlQuery links(database);
    links.setForwardOnly(true);
    links.prepare(QStringLiteral("SELECT article_id, office_id, duration_minutes, bookable, appointment_url "
                                 "FROM article_offices%1 ORDER BY article_id, position")
                      .arg(whereId.isNull() ? QString() : QStringLiteral(" WHERE article_id = :id")));
    if (!whereId.isNull()) {
        links.bindValue(QStringLiteral(":id"), text(whereId));
    }
    if (!links.exec()) {
        setError(error, Messages::tr("reading office links failed: %1").arg(links.lastError().text()));
        return {};
    }
    while (links.next()) {
        const auto it = index.constFind(links.value(0).toString());
        if (it != index.constEnd()) {
            result[*it].offices << OfficeLink{links.value(1).toString(), links.value(2).toInt(),
                                              links.value(3).toInt() != 0, links.value(4).toString()};
        }
    }
    return result;
}

std::optional<Article> SqliteStore::article(const QString &id) const
{
    const QList<Article> found = loadArticles(id.isNull() ? QStringLiteral("") : id, nullptr);
    if (found.isEmpty()) {
        return std::nullopt;
    }
    return found.first();
}

QList<Article> SqliteStore::articles(QString *error) const
{
    return loadArticles(QString(), error);
}

QList<Office> SqliteStore::loadOffices(const QString &whereId, QString *error) const
{
    QSqlDatabase database = db();
    QList<Office> result;
    QSqlQuery q(database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, name, organization, street, postal_code, city, phone, fax, email, web, "
                             "opening_hours, latitude, longitude, keywords, source FROM offices%1 ORDER BY id")
                  .arg(whereId.isNull() ? QString() : QStringLiteral(" WHERE id = :id")));
    if (!whereId.isNull()) {
        q.bindValue(QStringLiteral(":id"), text(whereId));
    }
    if (!q.exec()) {
        setError(error, Messages::tr("reading offices failed: %1").arg(q.lastError().text()));
        return {};
    }
    while (q.next()) {
        Office o;
        o.id = q.value(0).toString();
        o.name = q.value(1).toString();
        o.organization = q.value(2).toString();
        o.street = q.value(3).toString();
        o.postalCode = q.value(4).toString();
        o.city = q.value(5).toString();
        o.phone = q.value(6).toString();
        o.fax = q.value(7).toString();
        o.email = q.value(8).toString();
        o.web = q.value(9).toString();
        o.openingHours = q.value(10).toString();
        if (!q.value(11).isNull()) {
            o.latitude = q.value(11).toDouble();
        }
        if (!q.value(12).isNull()) {
            o.longitude = q.value(12).toDouble();
        }
        o.keywords = fromJsonList(q.value(13).toString());
        o.source = q.value(14).toString();
        result << o;
    }
    return result;
}

std::optional<Office> SqliteStore::office(const QString &id) const
{
    const QList<Office> found = loadOffices(id.isNull() ? QStringLiteral("") : id, nullptr);
    if (found.isEmpty()) {
        return std::nullopt;
    }
    return found.first();
}

QList<Office> SqliteStore::offices(QString *error) const
{
    return loadOffices(QString(), error);
}

QList<Synonym> SqliteStore::synonyms(QString *error) const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.setForwardOnly(true);
    QList<Synonym> result;
    if (!q.exec(QStringLiteral("SELECT term, expansions FROM synonyms ORDER BY term"))) {
        setError(error, Messages::tr("reading synonyms failed: %1").arg(q.lastError().text()));
        return {};
    }
    while (q.next()) {
        result << Synonym{q.value(0).toString(), fromJsonList(q.value(1).toString())};
    }
    return result;
}

bool SqliteStore::setSynonym(const Synonym &synonym, QString *error)
{
    const QString term = synonym.term.trimmed();
    QStringList expansions;
    for (const QString &e : synonym.expansions) {
        if (!e.trimmed().isEmpty() && !expansions.contains(e.trimmed())) {
            expansions << e.trimmed();
        }
    }
    if (term.isEmpty()) {
        setError(error, Messages::tr("a synonym needs a term"));
        return false;
    }
    if (expansions.isEmpty()) {
        setError(error, Messages::tr("synonym \"%1\" needs at least one expansion").arg(term));
        return false;
    }
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return false;
    }
    if (!authorize(database, Need::Lead, Messages::tr("edit synonyms"), error)) {
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
                 QStringLiteral("%1 → %2").arg(term, expansions.join(QStringLiteral(", "))), error)
        && bumpRevision(database, error) && transaction.commit(error);
}

bool SqliteStore::removeSynonym(const QString &term, QString *error)
{
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return false;
    }
    if (!authorize(database, Need::Lead, Messages::tr("edit synonyms"), error)) {
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
    return audit(database, QStringLiteral("synonym.remove"), QString(), 0, term.trimmed(), error)
        && bumpRevision(database, error) && transaction.commit(error);
}

qint64 SqliteStore::revision() const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    if (q.exec(QStringLiteral("SELECT int_value FROM meta WHERE key = 'revision'")) && q.next()) {
        return q.value(0).toLongLong();
    }
    return -1;
}

StoreStats SqliteStore::stats() const
{
    QSqlDatabase database = db();
    StoreStats s;
    QSqlQuery q(database);
    auto count = [&](const QString &table) {
        return q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) && q.next() ? q.value(0).toInt() : -1;
    };
    s.articles = count(QStringLiteral("articles"));
    s.offices = count(QStringLiteral("offices"));
    s.officeLinks = count(QStringLiteral("article_offices"));
    s.synonyms = count(QStringLiteral("synonyms"));
    bool ok = false;
    s.schemaVersion = readUserVersion(database, &ok);
    s.revision = revision();
    s.fileBytes = QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
    return s;
}

// ---- Editorial: actors, users, drafts, history, audit, flags, search log ------------------------

QDateTime timeFrom(const QVariant &v)
{
    return v.isNull() || v.toString().isEmpty() ? QDateTime()
                                                : QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

// The exact article as JSON (history and drafts): every field, nothing normalised, so a restored
// version is byte for byte what agents saw.
QString articleSnapshot(const Article &a)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), a.id);
    o.insert(QStringLiteral("title"), a.title);
    o.insert(QStringLiteral("leika_key"), a.leikaKey);
    o.insert(QStringLiteral("summary"), a.summary);
    o.insert(QStringLiteral("description_html"), a.descriptionHtml);
    o.insert(QStringLiteral("documents"), QJsonArray::fromStringList(a.documents));
    o.insert(QStringLiteral("fees_html"), a.feesHtml);
    o.insert(QStringLiteral("processing_time"), a.processingTime);
    o.insert(QStringLiteral("legal_basis"), a.legalBasis);
    o.insert(QStringLiteral("online_service_url"), a.onlineServiceUrl);
    o.insert(QStringLiteral("url"), a.url);
    o.insert(QStringLiteral("keywords"), QJsonArray::fromStringList(a.keywords));
    o.insert(QStringLiteral("category"), a.category);
    o.insert(QStringLiteral("links"), QJsonDocument::fromJson(linksToJson(a.links).toUtf8()).array());
    QJsonArray offices;
    for (const OfficeLink &l : a.offices) {
        offices.append(QJsonObject{{QStringLiteral("office_id"), l.officeId},
                                   {QStringLiteral("duration_minutes"), l.durationMinutes},
                                   {QStringLiteral("bookable"), l.bookable},
                                   {QStringLiteral("appointment_url"), l.appointmentUrl}});
    }
    o.insert(QStringLiteral("offices"), offices);
    o.insert(QStringLiteral("duration_minutes"), a.durationMinutes);
    auto date = [&o](const char *key, const QDate &d) {
        o.insert(QLatin1String(key), d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue());
    };
    date("valid_from", a.validFrom);
    date("valid_to", a.validTo);
    date("last_reviewed", a.lastReviewed);
    date("review_by", a.reviewBy);
    o.insert(QStringLiteral("updated_at"),
             a.updatedAt.isValid() ? QJsonValue(a.updatedAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue());
    o.insert(QStringLiteral("version"), a.version);
    o.insert(QStringLiteral("source"), a.source);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Article articleFromSnapshot(const QString &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    auto str = [&o](const char *key) { return o.value(QLatin1String(key)).toString(); };
    auto list = [&o](const char *key) {
        QStringList out;
        for (const QJsonValue &v : o.value(QLatin1String(key)).toArray()) {
            out << v.toString();
        }
        return out;
    };
    auto date = [&o](const char *key) {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isString() ? QDate::fromString(v.toString(), Qt::ISODate) : QDate();
    };
    Article a;
    a.id = str("id");
    a.title = str("title");
    a.leikaKey = str("leika_key");
    a.summary = str("summary");
    a.descriptionHtml = str("description_html");
    a.documents = list("documents");
    a.feesHtml = str("fees_html");
    a.processingTime = str("processing_time");
    a.legalBasis = str("legal_basis");
    a.onlineServiceUrl = str("online_service_url");
    a.url = str("url");
    a.keywords = list("keywords");
    a.category = str("category");
    a.links = linksFromJson(QString::fromUtf8(QJsonDocument(o.value(QLatin1String("links")).toArray()).toJson()));
    for (const QJsonValue &v : o.value(QLatin1String("offices")).toArray()) {
        const QJsonObject l = v.toObject();
        a.offices << OfficeLink{l.value(QLatin1String("office_id")).toString(),
                                l.value(QLatin1String("duration_minutes")).toInt(),
                                l.value(QLatin1String("bookable")).toBool(),
                                l.value(QLatin1String("appointment_url")).toString()};
    }
    a.durationMinutes = o.value(QLatin1String("duration_minutes")).toInt();
    a.validFrom = date("valid_from");
    a.validTo = date("valid_to");
    a.lastReviewed = date("last_reviewed");
    a.reviewBy = date("review_by");
    const QJsonValue updated = o.value(QLatin1String("updated_at"));
    a.updatedAt = updated.isString() ? QDateTime::fromString(updated.toString(), Qt::ISODateWithMs).toUTC() : QDateTime();
    a.version = o.value(QLatin1String("version")).toInt(1);
    a.source = str("source");
    return a;
}

Role roleFrom(const QVariant &v)
{
    return v.toString() == QLatin1String("lead") ? Role::Lead : Role::Agent;
}

// Login names: letters, digits and . _ - @, 2 to 64 characters (compared case-insensitively).
bool checkUserName(const QString &name, QString *error)
{
    static const QRegularExpression valid(QStringLiteral("^[\\w.@-]{2,64}$"),
                                          QRegularExpression::UseUnicodePropertiesOption);
    if (!valid.match(name).hasMatch()) {
        setError(error, Messages::tr("\"%1\" is not a valid user name: use 2 to 64 letters, digits, \".\", \"_\", "
                                     "\"-\" or \"@\", no spaces")
                            .arg(name));
        return false;
    }
    return true;
}

QString nameKey(const QString &name)
{
    return name.trimmed().toCaseFolded();
}

bool SqliteStore::authorize(QSqlDatabase &db, Need need, const QString &what, QString *error) const
{
    switch (m_actor.kind) {
    case Actor::Kind::Administrator:
        return true;
    case Actor::Kind::Anonymous: {
        // A desk without any users yet (first start, imports before the first team lead exists)
        // works as before; once a user exists, every write needs someone signed in.
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM users")) || !q.next()) {
            setError(error, Messages::tr("checking the users failed: %1").arg(q.lastError().text()));
            return false;
        }
        if (q.value(0).toInt() == 0) {
            return true;
        }
        setError(error, Messages::tr("nobody is signed in: sign in to %1").arg(what));
        return false;
    }
    case Actor::Kind::SignedIn:
        break;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT role, active, name FROM users WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), m_actor.user.id);
    if (!q.exec()) {
        setError(error, Messages::tr("checking the user failed: %1").arg(q.lastError().text()));
        return false;
    }
    if (!q.next()) {
        setError(error, Messages::tr("user \"%1\" does not exist (any more)").arg(m_actor.user.name));
        return false;
    }
    if (q.value(1).toInt() == 0) {
        setError(error, Messages::tr("user \"%1\" is disabled").arg(q.value(2).toString()));
        return false;
    }
    if (need == Need::Lead && roleFrom(q.value(0)) != Role::Lead) {
        setError(error, Messages::tr("permission denied: %1 is an agent; only a team lead may %2")
                            .arg(q.value(2).toString(), what));
        return false;
    }
    return true;
}

QString SqliteStore::nowText() const
{
    return now().toString(Qt::ISODateWithMs);
}

bool SqliteStore::audit(QSqlDatabase &db, const QString &action, const QString &articleId, int version,
                        const QString &summary, QString *error) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, article_id, version, summary) "
                             "VALUES (:at, :actor, :action, :article_id, :version, :summary)"));
    q.bindValue(QStringLiteral(":at"), nowText());
    q.bindValue(QStringLiteral(":actor"), m_actor.auditName());
    q.bindValue(QStringLiteral(":action"), action);
    q.bindValue(QStringLiteral(":article_id"), text(articleId));
    q.bindValue(QStringLiteral(":version"), version);
    q.bindValue(QStringLiteral(":summary"), text(summary));
    if (!q.exec()) {
        setError(error, Messages::tr("writing the audit trail failed: %1").arg(q.lastError().text()));
        return false;
    }
    return true;
}

int SqliteStore::publishedVersion(QSqlDatabase &db, const QString &articleId, bool *ok) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT version FROM articles WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), text(articleId));
    *ok = q.exec();
    return *ok && q.next() ? q.value(0).toInt() : 0;
}

// One article into the published catalogue (insert or replace, offices relinked). The caller
// holds the transaction and has set version and updatedAt.
bool SqliteStore::writeArticle(QSqlDatabase &db, const Article &a, const QString &author, const QString &changeNote,
                               QString *error) const
{
    HistoryCopier history(db);
    if (!history.copy(a.id, error)) {   // copies nothing for a new article
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO articles (id, title, leika_key, summary, description_html, documents, fees_html, processing_time, "
        "legal_basis, online_service_url, url, keywords, category, links, duration_minutes, valid_from, valid_to, "
        "last_reviewed, review_by, updated_at, version, source, content_hash, published_by, author, change_note) "
        "VALUES (:id, :title, :leika_key, :summary, :description_html, :documents, :fees_html, :processing_time, "
        ":legal_basis, :online_service_url, :url, :keywords, :category, :links, :duration_minutes, :valid_from, "
        ":valid_to, :last_reviewed, :review_by, :updated_at, :version, :source, :content_hash, :published_by, :author, "
        ":change_note) ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
        "leika_key = excluded.leika_key, summary = excluded.summary, description_html = excluded.description_html, "
        "documents = excluded.documents, fees_html = excluded.fees_html, processing_time = excluded.processing_time, "
        "legal_basis = excluded.legal_basis, online_service_url = excluded.online_service_url, url = excluded.url, "
        "keywords = excluded.keywords, category = excluded.category, links = excluded.links, "
        "duration_minutes = excluded.duration_minutes, valid_from = excluded.valid_from, valid_to = excluded.valid_to, "
        "last_reviewed = excluded.last_reviewed, review_by = excluded.review_by, updated_at = excluded.updated_at, "
        "version = excluded.version, source = excluded.source, content_hash = excluded.content_hash, "
        "published_by = excluded.published_by, author = excluded.author, change_note = excluded.change_note"));
    q.bindValue(QStringLiteral(":id"), text(a.id));
    q.bindValue(QStringLiteral(":title"), text(a.title));
    q.bindValue(QStringLiteral(":leika_key"), text(a.leikaKey));
    q.bindValue(QStringLiteral(":summary"), text(a.summary));
    q.bindValue(QStringLiteral(":description_html"), text(a.descriptionHtml));
    q.bindValue(QStringLiteral(":documents"), toJson(a.documents));
    q.bindValue(QStringLiteral(":fees_html"), text(a.feesHtml));
    q.bindValue(QStringLiteral(":processing_time"), text(a.processingTime));
    q.bindValue(QStringLiteral(":legal_basis"), text(a.legalBasis));
    q.bindValue(QStringLiteral(":online_service_url"), text(a.onlineServiceUrl));
    q.bindValue(QStringLiteral(":url"), text(a.url));
    q.bindValue(QStringLiteral(":keywords"), toJson(a.keywords));
    q.bindValue(QStringLiteral(":category"), text(a.category));
    q.bindValue(QStringLiteral(":links"), linksToJson(a.links));
    q.bindValue(QStringLiteral(":duration_minutes"), a.durationMinutes);
    q.bindValue(QStringLiteral(":valid_from"), dateValue(a.validFrom));
    q.bindValue(QStringLiteral(":valid_to"), dateValue(a.validTo));
    q.bindValue(QStringLiteral(":last_reviewed"), dateValue(a.lastReviewed));
    q.bindValue(QStringLiteral(":review_by"), dateValue(a.reviewBy));
    q.bindValue(QStringLiteral(":updated_at"), a.updatedAt.toUTC().toString(Qt::ISODateWithMs));
    q.bindValue(QStringLiteral(":version"), a.version);
    q.bindValue(QStringLiteral(":source"), text(a.source));
    q.bindValue(QStringLiteral(":content_hash"), contentHash(a));
    q.bindValue(QStringLiteral(":published_by"), m_actor.auditName());
    q.bindValue(QStringLiteral(":author"), text(author));
    q.bindValue(QStringLiteral(":change_note"), text(changeNote));
    if (!q.exec()) {
        setError(error, Messages::tr("writing article \"%1\" failed: %2").arg(a.id, q.lastError().text()));
        return false;
    }
    QSqlQuery del(db);
    del.prepare(QStringLiteral("DELETE FROM article_offices WHERE article_id = :id"));
    del.bindValue(QStringLiteral(":id"), text(a.id));
    if (!del.exec()) {
        setError(error, Messages::tr("replacing the offices of article \"%1\" failed: %2").arg(a.id, del.lastError().text()));
        return false;
    }
    QSqlQuery link(db);
    link.prepare(QStringLiteral("INSERT INTO article_offices (article_id, office_id, position, duration_minutes, "
                                "bookable, appointment_url) VALUES (:article_id, :office_id, :position, :duration, "
                                ":bookable, :url)"));
    for (int i = 0; i < a.offices.size(); ++i) {
        const OfficeLink &l = a.offices.at(i);
        link.bindValue(QStringLiteral(":article_id"), text(a.id));
        link.bindValue(QStringLiteral(":office_id"), text(l.officeId));
        link.bindValue(QStringLiteral(":position"), i);
        link.bindValue(QStringLiteral(":duration"), l.durationMinutes);
        link.bindValue(QStringLiteral(":bookable"), l.bookable ? 1 : 0);
        link.bindValue(QStringLiteral(":url"), text(l.appointmentUrl));
        if (!link.exec()) {
            setError(error, Messages::tr("article \"%1\": office \"%2\" is not in the catalogue: %3")
                                .arg(a.id, l.officeId, link.lastError().text()));
            return false;
        }
    }
    return true;
}

// ---- Users ----

QList<User> SqliteStore::loadUsers(const QString &key, QString *error) const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, name, display_name, role, active, created_at FROM users%1 ORDER BY name_key")
                  .arg(key.isNull() ? QString() : QStringLiteral(" WHERE name_key = :key")));
    if (!key.isNull()) {
        q.bindValue(QStringLiteral(":key"), key);
    }
    if (!q.exec()) {
        setError(error, Messages::tr("reading users failed: %1").arg(q.lastError().text()));
        return {};
    }
    QList<User> out;
    while (q.next()) {
        User u;
        u.id = q.value(0).toLongLong();
        u.name = q.value(1).toString();
        u.displayName = q.value(2).toString();
        u.role = roleFrom(q.value(3));
        u.active = q.value(4).toInt() != 0;
        u.createdAt = timeFrom(q.value(5));
        out << u;
    }
    return out;
}

bool SqliteStore::hasUsers(QString *error) const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM users")) || !q.next()) {
        setError(error, Messages::tr("reading users failed: %1").arg(q.lastError().text()));
        return false;
    }
    return q.value(0).toInt() > 0;
}

std::optional<User> SqliteStore::user(const QString &name) const
{
    const QList<User> found = loadUsers(nameKey(name), nullptr);
    return found.isEmpty() ? std::nullopt : std::optional<User>(found.first());
}

QList<User> SqliteStore::users(QString *error) const
{
    return loadUsers(QString(), error);
}

int SqliteStore::activeLeads(QSqlDatabase &database, bool *ok) const
{
    QSqlQuery q(database);
    *ok = q.exec(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'lead' AND active = 1")) && q.next();
    return *ok ? q.value(0).toInt() : 0;
}

std::optional<User> SqliteStore::createUser(const QString &name, const QString &displayName, Role role,
                                            const QString &password, QString *error)
{
    const QString login = name.trimmed();
    if (!checkUserName(login, error) || !checkPasswordRules(password, error)) {
        return std::nullopt;
    }
    // Hash before taking the write lock: Argon2 deliberately takes a while.
    const QString hash = hashPassword(password, error);
    if (hash.isEmpty()) {
        return std::nullopt;
    }
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return std::nullopt;
    }
    QSqlQuery count(database);
    if (!count.exec(QStringLiteral("SELECT COUNT(*) FROM users")) || !count.next()) {
        setError(error, Messages::tr("reading users failed: %1").arg(count.lastError().text()));
        return std::nullopt;
    }
    if (count.value(0).toInt() == 0) {
        // Bootstrap: the first user is created by whoever starts the desk, and must be a team lead.
        if (role != Role::Lead) {
            setError(error, Messages::tr("the first user must be a team lead"));
            return std::nullopt;
        }
    } else if (!authorize(database, Need::Lead, Messages::tr("create users"), error)) {
        return std::nullopt;
    }
    const QString created = nowText();
    QSqlQuery q(database);
    q.prepare(QStringLiteral("INSERT INTO users (name, name_key, display_name, role, password_hash, active, created_at, "
                             "password_changed_at) VALUES (:name, :key, :display, :role, :hash, 1, :at, :at2) "
                             "RETURNING id"));
    q.bindValue(QStringLiteral(":name"), login);
    q.bindValue(QStringLiteral(":key"), nameKey(login));
    q.bindValue(QStringLiteral(":display"), text(displayName.trimmed().isEmpty() ? login : displayName.trimmed()));
    q.bindValue(QStringLiteral(":role"), roleName(role));
    q.bindValue(QStringLiteral(":hash"), hash);
    q.bindValue(QStringLiteral(":at"), created);
    q.bindValue(QStringLiteral(":at2"), created);
    if (!q.exec() || !q.next()) {
        const QString why = q.lastError().text();
        q.finish();
        if (user(login)) {
            setError(error, Messages::tr("a user \"%1\" exists already").arg(login));
        } else {
            setError(error, Messages::tr("creating user \"%1\" failed: %2").arg(login, why));
        }
        return std::nullopt;
    }
    User u;
    u.id = q.value(0).toLongLong();
    q.finish();
    u.name = login;
    u.displayName = displayName.trimmed().isEmpty() ? login : displayName.trimmed();
    u.role = role;
    u.active = true;
    u.createdAt = timeFrom(created);
    if (!audit(database, QStringLiteral("user.create"), QString(), 0,
               Messages::tr("created %1 \"%2\"").arg(roleName(role), login), error)
        || !transaction.commit(error)) {
        return std::nullopt;
    }
    return u;
}

std::optional<User> SqliteStore::authenticate(const QString &name, const QString &password, QString *error)
{
    // Unknown names cost one Argon2 verification too, so timing does not tell which names exist.
    static const QString dummyHash = hashPassword(QStringLiteral("hotline-desk-no-such-user"));
    const QString refused = Messages::tr("unknown user name or wrong password");
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.prepare(QStringLiteral("SELECT id, password_hash, active FROM users WHERE name_key = :key"));
    q.bindValue(QStringLiteral(":key"), nameKey(name));
    if (!q.exec()) {
        setError(error, Messages::tr("reading users failed: %1").arg(q.lastError().text()));
        return std::nullopt;
    }
    if (!q.next()) {
        verifyPassword(dummyHash, password);
        setError(error, refused);
        return std::nullopt;
    }
    const qint64 id = q.value(0).toLongLong();
    const QString hash = q.value(1).toString();
    const bool active = q.value(2).toInt() != 0;
    q.finish();
    if (!verifyPassword(hash, password)) {
        setError(error, refused);
        return std::nullopt;
    }
    if (!active) {
        setError(error, Messages::tr("the account \"%1\" is disabled; ask a team lead").arg(name.trimmed()));
        return std::nullopt;
    }
    if (passwordNeedsRehash(hash)) {
        // Best effort: the old hash still works if this fails.
        const QString fresh = hashPassword(password);
        QSqlQuery update(database);
        update.prepare(QStringLiteral("UPDATE users SET password_hash = :hash WHERE id = :id AND password_hash = :old"));
        update.bindValue(QStringLiteral(":hash"), fresh);
        update.bindValue(QStringLiteral(":id"), id);
        update.bindValue(QStringLiteral(":old"), hash);
        if (fresh.isEmpty() || !update.exec()) {
            qCWarning(lcDb) << "re-hashing the password of user" << id << "failed";
        }
    }
    const QList<User> found = loadUsers(nameKey(name), error);
    return found.isEmpty() ? std::nullopt : std::optional<User>(found.first());
}

bool SqliteStore::setRole(const QString &name, Role role, QString *error)
{
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return false;
    }
    if (!authorize(database, Need::Lead, Messages::tr("change roles"), error)) {
        return false;
    }
    const std::optional<User> target = user(name);
    if (!target) {
        setError(error, Messages::tr("no user \"%1\"").arg(name));
        return false;
    }
    if (target->role == role) {
        return true;
    }
    bool ok = false;
    if (target->role == Role::Lead && target->active && activeLeads(database, &ok) <= 1) {
        setError(error, Messages::tr("\"%1\" is the last active team lead; make someone else team lead first")
                            .arg(target->name));
        return false;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral("UPDATE users SET role = :role WHERE id = :id"));
    q.bindValue(QStringLiteral(":role"), roleName(role));
    q.bindValue(QStringLiteral(":id"), target->id);
    if (!q.exec()) {
        setError(error, Messages::tr("changing the role of \"%1\" failed: %2").arg(target->name, q.lastError().text()));
        return false;
    }
    return audit(database, QStringLiteral("user.role"), QString(), 0,
                 Messages::tr("%1: %2 → %3").arg(target->name, roleName(target->role), roleName(role)), error)
        && transaction.commit(error);
}

bool SqliteStore::setUserActive(const QString &name, bool active, QString *error)
{
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return false;
    }
    if (!authorize(database, Need::Lead, active ? Messages::tr("enable users") : Messages::tr("disable users"), error)) {
        return false;
    }
    const std::optional<User> target = user(name);
    if (!target) {
        setError(error, Messages::tr("no user \"%1\"").arg(name));
        return false;
    }
    if (target->active == active) {
        return true;
    }
    bool ok = false;
    if (!active && target->role == Role::Lead && activeLeads(database, &ok) <= 1) {
        setError(error, Messages::tr("\"%1\" is the last active team lead and cannot be disabled").arg(target->name));
        return false;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral("UPDATE users SET active = :active WHERE id = :id"));
    q.bindValue(QStringLiteral(":active"), active ? 1 : 0);
    q.bindValue(QStringLiteral(":id"), target->id);
    if (!q.exec()) {
        setError(error, Messages::tr("changing user \"%1\" failed: %2").arg(target->name, q.lastError().text()));
        return false;
    }
    return audit(database, active ? QStringLiteral("user.enable") : QStringLiteral("user.disable"), QString(), 0,
                 target->name, error)
        && transaction.commit(error);
}

bool SqliteStore::setPassword(const QString &name, const QString &password, QString *error)
{
    if (!checkPasswordRules(password, error)) {
        return false;
    }
    const QString hash = hashPassword(password, error);
    if (hash.isEmpty()) {
        return false;
    }
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return false;
    }
    const std::optional<User> target = user(name);
    if (!target) {
        setError(error, Messages::tr("no user \"%1\"").arg(name));
        return false;
    }
    const bool self = m_actor.kind == Actor::Kind::SignedIn && m_actor.user.id == target->id;
    if (!authorize(database, self ? Need::SignedIn : Need::Lead, Messages::tr("set other users' passwords"), error)) {
        return false;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral("UPDATE users SET password_hash = :hash, password_changed_at = :at WHERE id = :id"));
    q.bindValue(QStringLiteral(":hash"), hash);
    q.bindValue(QStringLiteral(":at"), nowText());
    q.bindValue(QStringLiteral(":id"), target->id);
    if (!q.exec()) {
        setError(error, Messages::tr("setting the password of \"%1\" failed: %2").arg(target->name, q.lastError().text()));
        return false;
    }
    return audit(database, QStringLiteral("user.password"), QString(), 0,
                 Messages::tr("new password for %1").arg(target->name), error)
        && transaction.commit(error);
}

// ---- Drafts and review ----

QList<Draft> SqliteStore::loadDrafts(const QString &articleId, qint64 authorId, QString *error) const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.setForwardOnly(true);
    QStringList where;
    if (!articleId.isEmpty()) {
        where << QStringLiteral("d.article_id = :article_id");
    }
    if (authorId > 0) {
        where << QStringLiteral("d.author_id = :author_id");
    }
    q.prepare(QStringLiteral("SELECT d.article_id, d.author_id, u.name, d.base_version, d.content, d.state, "
                             "d.review_comment, d.reviewer, d.created_at, d.saved_at, d.submitted_at, d.saved_count "
                             "FROM article_drafts d JOIN users u ON u.id = d.author_id%1 "
                             "ORDER BY d.saved_at DESC, d.article_id")
                  .arg(where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))));
    if (!articleId.isEmpty()) {
        q.bindValue(QStringLiteral(":article_id"), articleId);
    }
    if (authorId > 0) {
        q.bindValue(QStringLiteral(":author_id"), authorId);
    }
    if (!q.exec()) {
        setError(error, Messages::tr("reading drafts failed: %1").arg(q.lastError().text()));
        return {};
    }
    QList<Draft> out;
    while (q.next()) {
        Draft d;
        d.articleId = q.value(0).toString();
        d.authorId = q.value(1).toLongLong();
        d.authorName = q.value(2).toString();
        d.baseVersion = q.value(3).toInt();
        d.content = articleFromSnapshot(q.value(4).toString());
        d.state = q.value(5).toString() == QLatin1String("in-review") ? DraftState::InReview : DraftState::Editing;
        d.reviewComment = q.value(6).toString();
        d.reviewerName = q.value(7).toString();
        d.createdAt = timeFrom(q.value(8));
        d.savedAt = timeFrom(q.value(9));
        d.submittedAt = timeFrom(q.value(10));
        d.savedCount = q.value(11).toInt();
        out << d;
    }
    return out;
}

QList<Draft> SqliteStore::drafts(const QString &articleId, QString *error) const
{
    return loadDrafts(articleId, 0, error);
}

std::optional<Draft> SqliteStore::draft(const QString &articleId, qint64 authorId) const
{
    if (articleId.isEmpty() || authorId <= 0) {
        return std::nullopt;
    }
    const QList<Draft> found = loadDrafts(articleId, authorId, nullptr);
    return found.isEmpty() ? std::nullopt : std::optional<Draft>(found.first());
}

EditResult SqliteStore::saveDraftLocked(QSqlDatabase &database, Article content, int baseVersion,
                                        const QString &auditAction, const QString &auditSummary, QString *error)
{
    EditResult result;
    if (m_actor.kind != Actor::Kind::SignedIn) {
        setError(error, Messages::tr("drafts belong to a signed-in team lead: sign in to edit articles"));
        return result;
    }
    if (!authorize(database, Need::Lead, Messages::tr("edit articles"), error)) {
        return result;
    }
    content.id = content.id.trimmed();
    if (content.id.isEmpty()) {
        if (baseVersion != 0) {
            setError(error, Messages::tr("a draft of an existing article needs the article's id"));
            return result;
        }
        // A new article: a local id that never collides with imported catalogue ids.
        content.id = QStringLiteral("local-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    }
    if (content.title.trimmed().isEmpty()) {
        setError(error, Messages::tr("article \"%1\": the title must not be empty").arg(content.id));
        return result;
    }
    if (baseVersion < 0) {
        setError(error, Messages::tr("article \"%1\": invalid base version %2").arg(content.id).arg(baseVersion));
        return result;
    }
    bool ok = false;
    const int current = publishedVersion(database, content.id, &ok);
    if (!ok) {
        setError(error, Messages::tr("reading article \"%1\" failed").arg(content.id));
        return result;
    }
    const QString at = nowText();
    QSqlQuery q(database);
    q.prepare(QStringLiteral(
        "INSERT INTO article_drafts (article_id, author_id, base_version, content, state, review_comment, reviewer, "
        "created_at, saved_at, submitted_at, saved_count) VALUES (:article_id, :author_id, :base, :content, 'editing', "
        "'', '', :created, :saved, NULL, 1) ON CONFLICT (article_id, author_id) DO UPDATE SET "
        "base_version = excluded.base_version, content = excluded.content, state = 'editing', "
        "saved_at = excluded.saved_at, submitted_at = NULL, saved_count = article_drafts.saved_count + 1"));
    q.bindValue(QStringLiteral(":article_id"), content.id);
    q.bindValue(QStringLiteral(":author_id"), m_actor.user.id);
    q.bindValue(QStringLiteral(":base"), baseVersion);
    q.bindValue(QStringLiteral(":content"), articleSnapshot(content));
    q.bindValue(QStringLiteral(":created"), at);
    q.bindValue(QStringLiteral(":saved"), at);
    if (!q.exec()) {
        setError(error, Messages::tr("saving the draft of \"%1\" failed: %2").arg(content.id, q.lastError().text()));
        return result;
    }
    const bool conflict = current != baseVersion;
    if (!auditAction.isEmpty() && !audit(database, auditAction, content.id, baseVersion, auditSummary, error)) {
        return result;
    }
    if (conflict) {
        // Once per author and published version: saving as you type on a stale base must not
        // flood the trail.
        QSqlQuery seen(database);
        seen.prepare(QStringLiteral("SELECT 1 FROM audit_log WHERE article_id = :article_id AND action = 'draft.conflict' "
                                    "AND version = :version AND actor = :actor"));
        seen.bindValue(QStringLiteral(":article_id"), content.id);
        seen.bindValue(QStringLiteral(":version"), current);
        seen.bindValue(QStringLiteral(":actor"), m_actor.auditName());
        if (!seen.exec()) {
            setError(error, Messages::tr("reading the audit trail failed: %1").arg(seen.lastError().text()));
            return result;
        }
        const bool recorded = seen.next();
        seen.finish();
        if (!recorded
            && !audit(database, QStringLiteral("draft.conflict"), content.id, current,
                      Messages::tr("draft based on version %1, published is %2").arg(baseVersion).arg(current),
                      error)) {
            return result;
        }
    }
    const std::optional<Draft> stored = draft(content.id, m_actor.user.id);
    if (!stored) {
        setError(error, Messages::tr("the draft of \"%1\" was not stored").arg(content.id));
        return result;
    }
    result.draft = *stored;
    if (conflict) {
        result.status = EditResult::Status::Conflict;
        result.theirs = article(content.id).value_or(Article());
        result.yours = content;
        result.baseVersion = baseVersion;
        setError(error, Messages::tr("article \"%1\" was published as version %2 while you edited version %3; your "
                                     "draft is kept: compare both and save again")
                            .arg(content.id)
                            .arg(current)
                            .arg(baseVersion));
    } else {
        result.status = EditResult::Status::Ok;
    }
    return result;
}

EditResult SqliteStore::saveDraft(const Article &content, int baseVersion, QString *error)
{
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return {};
    }
    // Only a draft's creation goes to the audit trail, not every save while typing.
    const bool exists = m_actor.kind == Actor::Kind::SignedIn && draft(content.id.trimmed(), m_actor.user.id);
    EditResult result = saveDraftLocked(database, content, baseVersion,
                                        exists ? QString() : QStringLiteral("draft.create"),
                                        Messages::tr("draft of \"%1\" started").arg(content.title.trimmed()), error);
    if (result.status == EditResult::Status::Failed) {
        return result;
    }
    QString commitError;
    if (!transaction.commit(&commitError)) {
        setError(error, commitError);
        return {};
    }
    return result;
}

bool SqliteStore::discardDraft(const QString &articleId, QString *error)
{
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return false;
    }
    if (m_actor.kind != Actor::Kind::SignedIn || !authorize(database, Need::Lead, Messages::tr("edit articles"), error)) {
        if (m_actor.kind != Actor::Kind::SignedIn) {
            setError(error, Messages::tr("sign in to discard your drafts"));
        }
        return false;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral("DELETE FROM article_drafts WHERE article_id = :article_id AND author_id = :author_id"));
    q.bindValue(QStringLiteral(":article_id"), articleId);
    q.bindValue(QStringLiteral(":author_id"), m_actor.user.id);
    if (!q.exec()) {
        setError(error, Messages::tr("discarding the draft failed: %1").arg(q.lastError().text()));
        return false;
    }
    if (q.numRowsAffected() == 0) {
        setError(error, Messages::tr("you have no draft of article \"%1\"").arg(articleId));
        return false;
    }
    return audit(database, QStringLiteral("draft.discard"), articleId, 0, QString(), error) && transaction.commit(error);
}

bool SqliteStore::submitDraft(const QString &articleId, QString *error)
{
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return false;
    }
    if (m_actor.kind != Actor::Kind::SignedIn) {
        setError(error, Messages::tr("sign in to submit your drafts"));
        return false;
    }
    if (!authorize(database, Need::Lead, Messages::tr("submit drafts for review"), error)) {
        return false;
    }
    const std::optional<Draft> d = draft(articleId, m_actor.user.id);
    if (!d) {
        setError(error, Messages::tr("you have no draft of article \"%1\"").arg(articleId));
        return false;
    }
    bool ok = false;
    const int current = publishedVersion(database, articleId, &ok);
    if (ok && current != d->baseVersion) {
        setError(error, Messages::tr("article \"%1\" was published as version %2 since your draft (based on %3): "
                                     "compare both and save again before submitting")
                            .arg(articleId)
                            .arg(current)
                            .arg(d->baseVersion));
        return false;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral("UPDATE article_drafts SET state = 'in-review', submitted_at = :at "
                             "WHERE article_id = :article_id AND author_id = :author_id"));
    q.bindValue(QStringLiteral(":at"), nowText());
    q.bindValue(QStringLiteral(":article_id"), articleId);
    q.bindValue(QStringLiteral(":author_id"), m_actor.user.id);
    if (!q.exec()) {
        setError(error, Messages::tr("submitting the draft failed: %1").arg(q.lastError().text()));
        return false;
    }
    return audit(database, QStringLiteral("draft.submit"), articleId, d->baseVersion,
                 Messages::tr("\"%1\" submitted for review").arg(d->content.title), error)
        && transaction.commit(error);
}

EditResult SqliteStore::approveDraft(const QString &articleId, qint64 authorId, const QString &changeNote,
                                     QString *error)
{
    EditResult result;
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return result;
    }
    if (!authorize(database, Need::Lead, Messages::tr("publish articles"), error)) {
        return result;
    }
    const std::optional<Draft> d = draft(articleId, authorId);
    if (!d) {
        setError(error, Messages::tr("no draft of article \"%1\" by that author").arg(articleId));
        return result;
    }
    const bool ownDraft = m_actor.kind == Actor::Kind::SignedIn && m_actor.user.id == authorId;
    if (fourEyes()) {
        if (d->state != DraftState::InReview) {
            setError(error, Messages::tr("the draft of \"%1\" is not submitted for review").arg(articleId));
            return result;
        }
        if (ownDraft) {
            setError(error, Messages::tr("four-eyes review is on: another team lead must approve your draft of \"%1\"")
                                .arg(articleId));
            return result;
        }
    }
    bool ok = false;
    const int current = publishedVersion(database, articleId, &ok);
    if (!ok) {
        setError(error, Messages::tr("reading article \"%1\" failed").arg(articleId));
        return result;
    }
    result.draft = *d;
    if (current != d->baseVersion) {
        result.status = EditResult::Status::Conflict;
        result.theirs = article(articleId).value_or(Article());
        result.yours = d->content;
        result.baseVersion = d->baseVersion;
        setError(error, Messages::tr("article \"%1\" was published as version %2 after this draft was started from "
                                     "version %3: nothing was published; the author must compare both and save again")
                            .arg(articleId)
                            .arg(current)
                            .arg(d->baseVersion));
        return result;   // rolled back: nothing changed
    }
    // Versions never repeat, also for an article that was removed and is published again.
    QSqlQuery maxVersion(database);
    maxVersion.prepare(QStringLiteral("SELECT MAX(version) FROM article_versions WHERE article_id = :id"));
    maxVersion.bindValue(QStringLiteral(":id"), articleId);
    if (!maxVersion.exec() || !maxVersion.next()) {
        setError(error, Messages::tr("reading the history of \"%1\" failed: %2").arg(articleId, maxVersion.lastError().text()));
        return result;
    }
    const int newVersion = std::max(current, maxVersion.value(0).toInt()) + 1;
    maxVersion.finish();
    Article published = d->content;
    published.id = articleId;
    published.version = newVersion;
    published.updatedAt = now();
    if (!writeArticle(database, published, d->authorName, changeNote.trimmed(), error)) {
        return result;
    }
    QSqlQuery del(database);
    del.prepare(QStringLiteral("DELETE FROM article_drafts WHERE article_id = :article_id AND author_id = :author_id"));
    del.bindValue(QStringLiteral(":article_id"), articleId);
    del.bindValue(QStringLiteral(":author_id"), authorId);
    if (!del.exec()) {
        setError(error, Messages::tr("closing the draft failed: %1").arg(del.lastError().text()));
        return result;
    }
    QString summary = ownDraft ? Messages::tr("published \"%1\"").arg(published.title)
                               : Messages::tr("approved and published \"%1\" by %2").arg(published.title, d->authorName);
    if (!changeNote.trimmed().isEmpty()) {
        summary += QStringLiteral(": ") + changeNote.trimmed();
    }
    if (!audit(database, QStringLiteral("article.publish"), articleId, newVersion, summary, error)
        || !bumpRevision(database, error) || !transaction.commit(error)) {
        return result;
    }
    result.status = EditResult::Status::Ok;
    result.publishedVersion = newVersion;
    return result;
}

bool SqliteStore::rejectDraft(const QString &articleId, qint64 authorId, const QString &comment, QString *error)
{
    if (comment.trimmed().isEmpty()) {
        setError(error, Messages::tr("say why the draft goes back: the comment must not be empty"));
        return false;
    }
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return false;
    }
    if (!authorize(database, Need::Lead, Messages::tr("review drafts"), error)) {
        return false;
    }
    const std::optional<Draft> d = draft(articleId, authorId);
    if (!d) {
        setError(error, Messages::tr("no draft of article \"%1\" by that author").arg(articleId));
        return false;
    }
    if (d->state != DraftState::InReview) {
        setError(error, Messages::tr("the draft of \"%1\" is not in review").arg(articleId));
        return false;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral("UPDATE article_drafts SET state = 'editing', review_comment = :comment, "
                             "reviewer = :reviewer, submitted_at = NULL WHERE article_id = :article_id AND "
                             "author_id = :author_id"));
    q.bindValue(QStringLiteral(":comment"), comment.trimmed());
    q.bindValue(QStringLiteral(":reviewer"), m_actor.auditName());
    q.bindValue(QStringLiteral(":article_id"), articleId);
    q.bindValue(QStringLiteral(":author_id"), authorId);
    if (!q.exec()) {
        setError(error, Messages::tr("rejecting the draft failed: %1").arg(q.lastError().text()));
        return false;
    }
    return audit(database, QStringLiteral("draft.reject"), articleId, d->baseVersion,
                 Messages::tr("sent back to %1: %2").arg(d->authorName, comment.trimmed()), error)
        && transaction.commit(error);
}

bool SqliteStore::fourEyes() const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    if (q.exec(QStringLiteral("SELECT int_value FROM meta WHERE key = 'four_eyes'")) && q.next()) {
        return q.value(0).toInt() != 0;
    }
    return true;   // the safe default
}

bool SqliteStore::setFourEyes(bool on, QString *error)
{
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return false;
    }
    if (!authorize(database, Need::Lead, Messages::tr("change the review rule"), error)) {
        return false;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral("UPDATE meta SET int_value = :on WHERE key = 'four_eyes'"));
    q.bindValue(QStringLiteral(":on"), on ? 1 : 0);
    if (!q.exec()) {
        setError(error, Messages::tr("changing the review rule failed: %1").arg(q.lastError().text()));
        return false;
    }
    return audit(database, QStringLiteral("settings.four-eyes"), QString(), 0,
                 on ? Messages::tr("four-eyes review on") : Messages::tr("four-eyes review off"), error)
        && transaction.commit(error);
}

// ---- History ----

QList<ArticleVersion> SqliteStore::history(const QString &articleId, QString *error) const
{
    // The current version is the articles row itself; older and removed ones are in article_versions.
    QSqlDatabase database = db();
    QList<ArticleVersion> out;
    QHash<int, qsizetype> index;
    for (const char *table : {"articles", "article_versions"}) {
        const bool current = qstrcmp(table, "articles") == 0;
        QSqlQuery q(database);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT %1, %2, updated_at, published_by, author, change_note FROM %3 WHERE %1 = :id")
                      .arg(current ? QStringLiteral("id") : QStringLiteral("article_id"), kArticleRowColumns,
                           QLatin1String(table)));
        q.bindValue(QStringLiteral(":id"), articleId);
        if (!q.exec()) {
            setError(error, Messages::tr("reading the history of \"%1\" failed: %2").arg(articleId, q.lastError().text()));
            return {};
        }
        while (q.next()) {
            ArticleVersion v;
            v.content = articleFromRow(q);
            v.articleId = articleId;
            v.version = v.content.version;
            v.publishedAt = timeFrom(q.value(22));
            v.publishedBy = q.value(23).toString();
            v.authorName = q.value(24).toString();
            v.summary = q.value(25).toString();
            if (!index.contains(v.version)) {
                index.insert(v.version, out.size());
                out << v;
            }
        }
    }
    QSqlQuery offices(database);
    offices.setForwardOnly(true);
    offices.prepare(QStringLiteral("SELECT a.version, o.position, o.office_id, o.duration_minutes, o.bookable, "
                                   "o.appointment_url FROM article_offices o JOIN articles a ON a.id = o.article_id "
                                   "WHERE o.article_id = :id UNION ALL SELECT version, position, office_id, "
                                   "duration_minutes, bookable, appointment_url FROM article_version_offices "
                                   "WHERE article_id = :id2 ORDER BY 1, 2"));
    offices.bindValue(QStringLiteral(":id"), articleId);
    offices.bindValue(QStringLiteral(":id2"), articleId);
    if (!offices.exec()) {
        setError(error, Messages::tr("reading the history of \"%1\" failed: %2").arg(articleId, offices.lastError().text()));
        return {};
    }
    while (offices.next()) {
        const auto it = index.constFind(offices.value(0).toInt());
        if (it != index.constEnd()) {
            out[*it].content.offices << OfficeLink{offices.value(2).toString(), offices.value(3).toInt(),
                                                   offices.value(4).toInt() != 0, offices.value(5).toString()};
        }
    }
    std::sort(out.begin(), out.end(), [](const ArticleVersion &a, const ArticleVersion &b) { return a.version > b.version; });
    return out;
}

std::optional<ArticleVersion> SqliteStore::articleVersion(const QString &articleId, int version) const
{
    const QList<ArticleVersion> all = history(articleId);
    for (const ArticleVersion &v : all) {
        if (v.version == version) {
            return v;
        }
    }
    return std::nullopt;
}

EditResult SqliteStore::restoreVersion(const QString &articleId, int version, QString *error)
{
    const std::optional<ArticleVersion> old = articleVersion(articleId, version);
    if (!old) {
        setError(error, Messages::tr("article \"%1\" has no version %2").arg(articleId).arg(version));
        return {};
    }
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return {};
    }
    bool ok = false;
    const int current = publishedVersion(database, articleId, &ok);
    EditResult result = saveDraftLocked(database, old->content, current, QStringLiteral("draft.restore"),
                                        Messages::tr("version %1 restored as a draft").arg(version), error);
    if (result.status != EditResult::Status::Ok) {
        return result;
    }
    QString commitError;
    if (!transaction.commit(&commitError)) {
        setError(error, commitError);
        return {};
    }
    return result;
}

// ---- Audit, review dates, flags ----

QList<AuditEntry> SqliteStore::auditLog(const QString &articleId, int limit, QString *error) const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, at, actor, action, article_id, version, summary FROM audit_log%1 "
                             "ORDER BY id DESC LIMIT :limit")
                  .arg(articleId.isEmpty() ? QString() : QStringLiteral(" WHERE article_id = :article_id")));
    if (!articleId.isEmpty()) {
        q.bindValue(QStringLiteral(":article_id"), articleId);
    }
    q.bindValue(QStringLiteral(":limit"), std::max(1, limit));
    if (!q.exec()) {
        setError(error, Messages::tr("reading the audit trail failed: %1").arg(q.lastError().text()));
        return {};
    }
    QList<AuditEntry> out;
    while (q.next()) {
        out << AuditEntry{q.value(0).toLongLong(), timeFrom(q.value(1)), q.value(2).toString(), q.value(3).toString(),
                          q.value(4).toString(), q.value(5).toInt(), q.value(6).toString()};
    }
    return out;
}

QList<ReviewItem> SqliteStore::reviewDue(const QDate &today, int horizonDays, QString *error) const
{
    // The database picks the candidates (dates are ISO text, so they compare as text); the rule
    // itself is articleStatus(), the same function that gives agents their marker.
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT a.id, a.title, a.version, a.review_by, a.valid_from, a.valid_to, "
        "(SELECT COUNT(*) FROM article_flags f WHERE f.article_id = a.id AND f.resolved_at IS NULL) "
        "FROM articles a WHERE a.review_by <= :today OR a.valid_from > :today2 OR a.valid_to <= :horizon "
        "OR EXISTS (SELECT 1 FROM article_flags f WHERE f.article_id = a.id AND f.resolved_at IS NULL)"));
    q.bindValue(QStringLiteral(":today"), today.toString(Qt::ISODate));
    q.bindValue(QStringLiteral(":today2"), today.toString(Qt::ISODate));
    q.bindValue(QStringLiteral(":horizon"), today.addDays(std::max(0, horizonDays)).toString(Qt::ISODate));
    if (!q.exec()) {
        setError(error, Messages::tr("reading review dates failed: %1").arg(q.lastError().text()));
        return {};
    }
    QList<ReviewItem> out;
    while (q.next()) {
        Article a;
        a.id = q.value(0).toString();
        a.title = q.value(1).toString();
        a.version = q.value(2).toInt();
        a.reviewBy = dateFrom(q.value(3));
        a.validFrom = dateFrom(q.value(4));
        a.validTo = dateFrom(q.value(5));
        ArticleStatus status = articleStatus(a, today, horizonDays);
        status.openFlags = q.value(6).toInt();
        if (status.any()) {
            out << ReviewItem{a.id, a.title, a.version, a.reviewBy, a.validFrom, a.validTo, status};
        }
    }
    // Most urgent first: the earliest date that made it due; flag-only items after the dated ones.
    auto urgency = [](const ReviewItem &i) {
        QDate d;
        auto consider = [&d](const QDate &c) {
            if (c.isValid() && (!d.isValid() || c < d)) {
                d = c;
            }
        };
        if (i.status.needsReview) {
            consider(i.reviewBy);
        }
        if (i.status.notYetValid) {
            consider(i.validFrom);
        }
        if (i.status.validityChange || i.status.expired) {
            consider(i.validTo);
        }
        return d.isValid() ? d.toJulianDay() : std::numeric_limits<qint64>::max();
    };
    std::stable_sort(out.begin(), out.end(), [&urgency](const ReviewItem &a, const ReviewItem &b) {
        const qint64 ua = urgency(a);
        const qint64 ub = urgency(b);
        return ua != ub ? ua < ub : a.articleId < b.articleId;
    });
    return out;
}

qint64 SqliteStore::flagArticle(const QString &articleId, const QString &comment, QString *error)
{
    if (comment.trimmed().isEmpty()) {
        setError(error, Messages::tr("say what is wrong: the comment must not be empty"));
        return 0;
    }
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return 0;
    }
    if (!authorize(database, Need::SignedIn, Messages::tr("flag articles"), error)) {
        return 0;
    }
    bool ok = false;
    const int version = publishedVersion(database, articleId, &ok);
    if (!ok || version == 0) {
        setError(error, Messages::tr("no article with id \"%1\"").arg(articleId));
        return 0;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral("INSERT INTO article_flags (article_id, article_version, raised_by, raised_at, comment) "
                             "VALUES (:article_id, :version, :by, :at, :comment) RETURNING id"));
    q.bindValue(QStringLiteral(":article_id"), articleId);
    q.bindValue(QStringLiteral(":version"), version);
    q.bindValue(QStringLiteral(":by"), m_actor.auditName());
    q.bindValue(QStringLiteral(":at"), nowText());
    q.bindValue(QStringLiteral(":comment"), comment.trimmed());
    if (!q.exec() || !q.next()) {
        setError(error, Messages::tr("flagging article \"%1\" failed: %2").arg(articleId, q.lastError().text()));
        return 0;
    }
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (!audit(database, QStringLiteral("flag.raise"), articleId, version, comment.trimmed(), error)
        || !transaction.commit(error)) {
        return 0;
    }
    return id;
}

QList<ArticleFlag> SqliteStore::flags(bool openOnly, QString *error) const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT f.id, f.article_id, COALESCE(a.title, ''), f.article_version, f.raised_by, "
                             "f.raised_at, f.comment, f.resolved_by, f.resolved_at, f.resolution "
                             "FROM article_flags f LEFT JOIN articles a ON a.id = f.article_id%1 ORDER BY f.id DESC")
                  .arg(openOnly ? QStringLiteral(" WHERE f.resolved_at IS NULL") : QString()));
    if (!q.exec()) {
        setError(error, Messages::tr("reading flags failed: %1").arg(q.lastError().text()));
        return {};
    }
    QList<ArticleFlag> out;
    while (q.next()) {
        ArticleFlag f;
        f.id = q.value(0).toLongLong();
        f.articleId = q.value(1).toString();
        f.articleTitle = q.value(2).toString();
        f.articleVersion = q.value(3).toInt();
        f.raisedBy = q.value(4).toString();
        f.raisedAt = timeFrom(q.value(5));
        f.comment = q.value(6).toString();
        f.resolvedBy = q.value(7).toString();
        f.resolvedAt = timeFrom(q.value(8));
        f.resolution = q.value(9).toString();
        f.open = q.value(8).isNull();
        out << f;
    }
    return out;
}

bool SqliteStore::resolveFlag(qint64 flagId, const QString &resolution, QString *error)
{
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return false;
    }
    if (!authorize(database, Need::Lead, Messages::tr("resolve flags"), error)) {
        return false;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral("UPDATE article_flags SET resolved_by = :by, resolved_at = :at, resolution = :resolution "
                             "WHERE id = :id AND resolved_at IS NULL RETURNING article_id"));
    q.bindValue(QStringLiteral(":by"), m_actor.auditName());
    q.bindValue(QStringLiteral(":at"), nowText());
    q.bindValue(QStringLiteral(":resolution"), resolution.trimmed());
    q.bindValue(QStringLiteral(":id"), flagId);
    if (!q.exec()) {
        setError(error, Messages::tr("resolving flag %1 failed: %2").arg(flagId).arg(q.lastError().text()));
        return false;
    }
    if (!q.next()) {
        setError(error, Messages::tr("no open flag %1").arg(flagId));
        return false;
    }
    const QString articleId = q.value(0).toString();
    q.finish();
    return audit(database, QStringLiteral("flag.resolve"), articleId, 0, resolution.trimmed(), error)
        && transaction.commit(error);
}

// ---- Search log ----

qint64 SqliteStore::logSearch(const QString &query, int resultCount, QString *error)
{
    const QString normalized = normalizeLoggedQuery(query);
    if (normalized.isEmpty()) {
        setError(error, Messages::tr("an empty search is not logged"));
        return 0;
    }
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.prepare(QStringLiteral("INSERT INTO search_log (searched_at, query, normalized_query, result_count) "
                             "VALUES (:at, :query, :normalized, :count) RETURNING id"));
    q.bindValue(QStringLiteral(":at"), nowText());
    q.bindValue(QStringLiteral(":query"), query.trimmed().left(500));
    q.bindValue(QStringLiteral(":normalized"), normalized.left(500));
    q.bindValue(QStringLiteral(":count"), std::max(0, resultCount));
    if (!q.exec() || !q.next()) {
        setError(error, Messages::tr("logging the search failed: %1").arg(q.lastError().text()));
        return 0;
    }
    return q.value(0).toLongLong();
}

bool SqliteStore::logOpened(qint64 searchId, const QString &articleId, QString *error)
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    // The first article opened from a search counts; later ones do not change the entry.
    q.prepare(QStringLiteral("UPDATE search_log SET opened_article_id = :article_id, opened_at = :at "
                             "WHERE id = :id AND opened_article_id IS NULL"));
    q.bindValue(QStringLiteral(":article_id"), articleId);
    q.bindValue(QStringLiteral(":at"), nowText());
    q.bindValue(QStringLiteral(":id"), searchId);
    if (!q.exec()) {
        setError(error, Messages::tr("logging the opened article failed: %1").arg(q.lastError().text()));
        return false;
    }
    if (q.numRowsAffected() == 0) {
        QSqlQuery exists(database);
        exists.prepare(QStringLiteral("SELECT 1 FROM search_log WHERE id = :id"));
        exists.bindValue(QStringLiteral(":id"), searchId);
        if (!exists.exec() || !exists.next()) {
            setError(error, Messages::tr("no logged search %1 (purged?)").arg(searchId));
            return false;
        }
    }
    return true;
}

GapReport SqliteStore::knowledgeGaps(const QDateTime &since, QString *error) const
{
    GapReport report;
    report.since = since.toUTC();
    const QString from = since.isValid() ? since.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("");
    QSqlDatabase database = db();
    QSqlQuery total(database);
    total.prepare(QStringLiteral("SELECT COUNT(*) FROM search_log WHERE searched_at >= :since"));
    total.bindValue(QStringLiteral(":since"), from);
    if (!total.exec() || !total.next()) {
        setError(error, Messages::tr("reading the search log failed: %1").arg(total.lastError().text()));
        return report;
    }
    report.searchesLogged = total.value(0).toInt();
    QSqlQuery q(database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT s.normalized_query, COUNT(*), SUM(CASE WHEN s.result_count = 0 THEN 1 ELSE 0 END), MAX(s.searched_at), "
        "(SELECT l.query FROM search_log l WHERE l.normalized_query = s.normalized_query AND l.searched_at >= :since2 "
        " ORDER BY l.searched_at DESC, l.id DESC LIMIT 1) "
        "FROM search_log s WHERE s.searched_at >= :since GROUP BY s.normalized_query "
        "HAVING SUM(CASE WHEN s.opened_article_id IS NULL THEN 0 ELSE 1 END) = 0 "
        "ORDER BY COUNT(*) DESC, MAX(s.searched_at) DESC, s.normalized_query"));
    q.bindValue(QStringLiteral(":since"), from);
    q.bindValue(QStringLiteral(":since2"), from);
    if (!q.exec()) {
        setError(error, Messages::tr("reading the search log failed: %1").arg(q.lastError().text()));
        return report;
    }
    while (q.next()) {
        KnowledgeGap g;
        g.query = q.value(0).toString();
        g.searches = q.value(1).toInt();
        g.withoutResults = q.value(2).toInt();
        g.lastSearched = timeFrom(q.value(3));
        g.example = q.value(4).toString();
        report.gaps << g;
    }
    report.openFlags = flags(true, error);
    return report;
}

int SqliteStore::purgeSearchLog(int days, QString *error)
{
    if (days < 1) {
        setError(error, Messages::tr("keep the search log for at least one day (got %1)").arg(days));
        return -1;
    }
    QSqlDatabase database = db();
    ScopedTransaction transaction(database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_path, transaction.beginError()));
        return -1;
    }
    QSqlQuery q(database);
    q.prepare(QStringLiteral("DELETE FROM search_log WHERE searched_at < :cutoff"));
    q.bindValue(QStringLiteral(":cutoff"), now().addDays(-days).toString(Qt::ISODateWithMs));
    if (!q.exec()) {
        setError(error, Messages::tr("purging the search log failed: %1").arg(q.lastError().text()));
        return -1;
    }
    const int removed = q.numRowsAffected();
    if (removed > 0
        && !audit(database, QStringLiteral("searchlog.purge"), QString(), 0,
                  Messages::tr("%n search(es) older than %1 days removed", nullptr, removed).arg(days), error)) {
        return -1;
    }
    return transaction.commit(error) ? removed : -1;
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
        const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));
        for (const QString &statement : statements) {
            QSqlQuery q(db);
            if (!q.exec(statement)) {
                const QString message = Messages::tr("migration %1 failed: %2 in: %3")
                                            .arg(QFileInfo(file.fileName()).fileName(), q.lastError().text(),
                                                 statement.left(120));
                q.finish();
                exec(db, QStringLiteral("ROLLBACK"), nullptr, {});
                setError(error, message);
                return false;
            }
        }
        if (!exec(db, QStringLiteral("PRAGMA user_version = %1").arg(next), error, Messages::tr("setting the schema version"))
            || !exec(db, QStringLiteral("COMMIT"), error, Messages::tr("committing migration %1").arg(next))) {
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
        setError(error, Messages::tr("cannot open database %1: folder %2 does not exist").arg(path, info.absolutePath()));
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
            return fail(Messages::tr("%1 is not a Hotline Desk database (or is damaged): %2").arg(path, db.lastError().text()));
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
            if (!exec(db, QStringLiteral("VACUUM INTO '%1'").arg(quoted), &message, Messages::tr("backing up to %1").arg(backup))) {
                return fail(Messages::tr("not migrating %1: %2").arg(path, message));
            }
            qCInfo(lcDb) << "backed up" << path << "to" << backup;
        }
        QString message;
        QSqlQuery pragma(db);
        if (!pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !pragma.next()
            || pragma.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            qCWarning(lcDb) << "WAL is not available for" << path << pragma.lastError().text();
        }
        pragma.finish();
        // synchronous stays FULL (the default): a committed import survives a power cut, and bulk writes
        // are one transaction anyway.
        // A 32 MiB page cache keeps a bulk import of tens of thousands of articles off the disk
        // until commit (the default 2 MiB makes SQLite re-read index pages it just wrote).
        if (!exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), &message, Messages::tr("enabling foreign keys"))
            || !exec(db, QStringLiteral("PRAGMA cache_size = -32768"), &message, Messages::tr("setting the page cache size"))) {
            return fail(Messages::tr("cannot set up database %1: %2").arg(path, message));
        }
        if (!applySqliteMigrations(db, known, &message)) {
            return fail(Messages::tr("cannot migrate database %1: %2").arg(path, message));
        }
    }
    return std::make_unique<SqliteStore>(name, path);
}

} // namespace kb
