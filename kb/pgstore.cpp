// PostgreSQL backend of kb::Store through Qt SQL (QPSQL): schema by its own numbered migrations
// (kb/migrations/pg/), revision-stamped rows and tombstones for the desks' replicas.
#include "pgstore.h"

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
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>
#include <cmath>
#include <limits>

namespace kb {

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::PgStore)
};

// Serialises schema changes of concurrent admins (an arbitrary constant of this project).
constexpr qint64 kMigrationLockKey = 0x686f746c696e65; // "hotline"

void setError(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
}

QString errorText(const QSqlQuery &q)
{
    return q.lastError().text().trimmed();
}

QStringList migrationFiles()
{
    static const QStringList files = [] {
        const QStringList sorted =
            QDir(QStringLiteral(":/kb/pgmigrations")).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        QStringList out;
        for (int i = 0; i < sorted.size(); ++i) {
            const QString expected = QStringLiteral("%1_").arg(i + 1, 4, 10, QLatin1Char('0'));
            if (!sorted.at(i).startsWith(expected)) {
                qCCritical(lcDb) << "PostgreSQL migration files are not numbered 1..N:" << sorted;
                break;
            }
            out << QStringLiteral(":/kb/pgmigrations/") + sorted.at(i);
        }
        return out;
    }();
    return files;
}

// One statement per paragraph (";" then a blank line), so function bodies may contain ";".
QStringList splitStatements(const QString &sql)
{
    static const QRegularExpression separator(QStringLiteral(";[ \\t]*\\r?\\n[ \\t]*\\r?\\n"));
    static const QRegularExpression commentLine(QStringLiteral("^\\s*--[^\\n]*$"), QRegularExpression::MultilineOption);
    QStringList statements;
    const QStringList parts = sql.split(separator);
    for (const QString &part : parts) {
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
    const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));
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

QString toJson(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
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
    QJsonArray array;
    for (const Link &l : links) {
        array.append(QJsonObject{{QStringLiteral("title"), l.title},
                                 {QStringLiteral("url"), l.url},
                                 {QStringLiteral("description"), l.description}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
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
    if (v.isNull()) {
        return {};
    }
    const QDate d = v.toDate();
    return d.isValid() ? d : QDate::fromString(v.toString().left(10), Qt::ISODate);
}

QVariant realValue(double d)
{
    return std::isnan(d) ? QVariant(QMetaType::fromType<double>()) : QVariant(d);
}

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
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

std::atomic<int> connectionCounter{0};

} // namespace

// ---- Editorial workflow on PostgreSQL (docs/editorial.md) ---------------------------------------
// The same rules and statements as SqliteStore's editorial part (kb/sqlitestore.cpp), which this
// follows method by method; what differs: transactions are WriteScopes (they join a queue
// delivery's outer transaction), every write that changes what desks see takes the revision row
// lock and stamps the revision (replicas follow), times are TIMESTAMPTZ, and a published article
// clears its tombstone.

namespace {

QDateTime timeFrom(const QVariant &v)
{
    if (v.isNull()) {
        return {};
    }
    if (v.metaType() == QMetaType::fromType<QDateTime>()) {
        return v.toDateTime().toUTC();
    }
    return v.toString().isEmpty() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
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
    a.updatedAt = q.value(19).toDateTime().toUTC();
    a.version = q.value(20).toInt();
    a.source = q.value(21).toString();
    return a;
}

// Copies the published row of one article (and its office links) into the history, just before it
// is overwritten or removed: INSERT … SELECT, so the text never passes through the program (the
// history has the same column types as articles).
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

bool PgStore::upsert(const Catalogue &catalogue, UpsertReport *report, QString *error)
{
    // Check the input before touching the server.
    QSet<QString> seen;
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
    }
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
    }

    QSqlDatabase db = database();
    WriteScope scope(*this, db);
    if (!scope.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2")
                            .arg(m_params.displayName(), db.lastError().text().trimmed()));
        return false;
    }
    qint64 revision = 0;
    if (!scope.takeRevision(&revision, error)) {
        return false;
    }
    if (!authorize(db, Need::Lead, Messages::tr("import or change articles"), error)) {
        return false;
    }

    // Read after the lock: a concurrent writer has committed by now, so its versions count.
    // Only the ids of this write: an edit of one article does not scan the catalogue.
    QHash<QString, QString> knownArticles;
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
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id, content_hash FROM articles WHERE id = ANY (CAST(:ids AS TEXT[]))"));
        q.bindValue(QStringLiteral(":ids"), textArrayLiteral(articleIds));
        if (!q.exec()) {
            setError(error, Messages::tr("reading the articles failed: %1").arg(errorText(q)));
            return false;
        }
        while (q.next()) {
            knownArticles.insert(q.value(0).toString(), q.value(1).toString());
        }
        QSqlQuery o(db);
        o.setForwardOnly(true);
        o.prepare(QStringLiteral("SELECT id, content_hash FROM offices WHERE id = ANY (CAST(:ids AS TEXT[]))"));
        o.bindValue(QStringLiteral(":ids"), textArrayLiteral(officeIds));
        if (!o.exec()) {
            setError(error, Messages::tr("reading the offices failed: %1").arg(errorText(o)));
            return false;
        }
        while (o.next()) {
            knownOffices.insert(o.value(0).toString(), o.value(1).toString());
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
        officeUpsert.bindValue(QStringLiteral(":id"), text(o.id));
        officeUpsert.bindValue(QStringLiteral(":name"), text(o.name));
        officeUpsert.bindValue(QStringLiteral(":organization"), text(o.organization));
        officeUpsert.bindValue(QStringLiteral(":street"), text(o.street));
        officeUpsert.bindValue(QStringLiteral(":postal_code"), text(o.postalCode));
        officeUpsert.bindValue(QStringLiteral(":city"), text(o.city));
        officeUpsert.bindValue(QStringLiteral(":phone"), text(o.phone));
        officeUpsert.bindValue(QStringLiteral(":fax"), text(o.fax));
        officeUpsert.bindValue(QStringLiteral(":email"), text(o.email));
        officeUpsert.bindValue(QStringLiteral(":web"), text(o.web));
        officeUpsert.bindValue(QStringLiteral(":opening_hours"), text(o.openingHours));
        officeUpsert.bindValue(QStringLiteral(":latitude"), realValue(o.latitude));
        officeUpsert.bindValue(QStringLiteral(":longitude"), realValue(o.longitude));
        officeUpsert.bindValue(QStringLiteral(":keywords"), toJson(o.keywords));
        officeUpsert.bindValue(QStringLiteral(":source"), text(o.source));
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
        "processing_time, legal_basis, online_service_url, url, keywords, category, links, duration_minutes, "
        "valid_from, valid_to, last_reviewed, review_by, updated_at, version, source, content_hash, revision, "
        "published_by, author, change_note) "
        "VALUES (:id, :title, :leika_key, :summary, :description_html, :documents, :fees_html, :processing_time, "
        ":legal_basis, :online_service_url, :url, :keywords, :category, :links, :duration_minutes, "
        "CAST(:valid_from AS DATE), CAST(:valid_to AS DATE), CAST(:last_reviewed AS DATE), CAST(:review_by AS DATE), "
        "CAST(:updated_at AS TIMESTAMPTZ), "
        // Removed articles keep their history: one that comes back continues its numbering.
        "COALESCE((SELECT MAX(v.version) FROM article_versions v WHERE v.article_id = :history_id), 0) + 1, "
        ":source, :content_hash, :revision, :published_by, '', :change_note) "
        "ON CONFLICT (id) DO UPDATE SET title = excluded.title, leika_key = excluded.leika_key, "
        "summary = excluded.summary, description_html = excluded.description_html, documents = excluded.documents, "
        "fees_html = excluded.fees_html, processing_time = excluded.processing_time, "
        "legal_basis = excluded.legal_basis, online_service_url = excluded.online_service_url, url = excluded.url, "
        "keywords = excluded.keywords, category = excluded.category, links = excluded.links, "
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
    for (const Article &a : catalogue.articles) {
        const QString hash = contentHash(a);
        const auto known = knownArticles.constFind(a.id);
        if (known != knownArticles.constEnd() && *known == hash) {
            ++counts.articlesUnchanged;
            continue;
        }
        const bool isNew = known == knownArticles.constEnd();
        QSqlQuery &q = articleUpsert;
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
        q.bindValue(QStringLiteral(":source"), text(a.source));
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
    if (!revived.isEmpty()) {
        // An id written anew is no longer deleted.
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("DELETE FROM tombstones WHERE entity = 'article' AND key = ANY (CAST(:ids AS TEXT[]))"));
        q.bindValue(QStringLiteral(":ids"), textArrayLiteral(revived));
        if (!q.exec()) {
            setError(error, Messages::tr("clearing deletion marks failed: %1").arg(errorText(q)));
            return false;
        }
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
    if (!scope.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2")
                            .arg(m_params.displayName(), db.lastError().text().trimmed()));
        return false;
    }
    qint64 revision = 0;
    if (!scope.takeRevision(&revision, error)) {
        return false;
    }
    if (!authorize(db, Need::Lead, Messages::tr("remove articles"), error)) {
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
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("INSERT INTO tombstones (entity, key, revision) VALUES ('article', :key, :revision) "
                                "ON CONFLICT (entity, key) DO UPDATE SET revision = excluded.revision"));
    mark.bindValue(QStringLiteral(":key"), text(id));
    mark.bindValue(QStringLiteral(":revision"), revision);
    if (!mark.exec()) {
        setError(error, Messages::tr("marking article \"%1\" as deleted failed: %2").arg(id, errorText(mark)));
        return false;
    }
    return audit(db, QStringLiteral("article.remove"), id, current ? current->version : 0,
                 Messages::tr("removed \"%1\"").arg(current ? current->title : id), error)
        && setRevision(db, revision, error) && scope.commit(error);
}

QList<Article> PgStore::loadArticles(const QString &where, const QVariant &bound, QString *error) const
{
    QSqlDatabase db = database();
    QList<Article> result;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.id, a.title, a.leika_key, a.summary, a.description_html, a.documents, "
                             "a.fees_html, a.processing_time, a.legal_basis, a.online_service_url, a.url, a.keywords, "
                             "a.category, a.links, a.duration_minutes, a.valid_from, a.valid_to, a.last_reviewed, "
                             "a.review_by, a.updated_at, a.version, a.source FROM articles a%1 ORDER BY a.id")
                  .arg(where));
    if (!where.isEmpty()) {
        q.bindValue(QStringLiteral(":v"), bound);
    }
    if (!q.exec()) {
        setError(error, Messages::tr("reading articles failed: %1").arg(errorText(q)));
        return {};
    }
    QHash<QString, qsizetype> index;
    while (q.next()) {
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
        a.updatedAt = q.value(19).toDateTime().toUTC();
        a.version = q.value(20).toInt();
        a.source = q.value(21).toString();
        index.insert(a.id, result.size());
        result << a;
    }
    QSqlQuery links(db);
    links.setForwardOnly(true);
    links.prepare(QStringLiteral("SELECT ao.article_id, ao.office_id, ao.duration_minutes, ao.bookable, "
                                 "ao.appointment_url FROM article_offices ao JOIN articles a ON a.id = ao.article_id%1 "
                                 "ORDER BY ao.article_id, ao.position")
                      .arg(where));
    if (!where.isEmpty()) {
        links.bindValue(QStringLiteral(":v"), bound);
    }
    if (!links.exec()) {
        setError(error, Messages::tr("reading office links failed: %1").arg(errorText(links)));
        return {};
    }
    while (links.next()) {
        const auto it = index.constFind(links.value(0).toString());
        if (it != index.constEnd()) {
            result[*it].offices << OfficeLink{links.value(1).toString(), links.value(2).toInt(),
                                              links.value(3).toBool(), links.value(4).toString()};
        }
    }
    return result;
}

std::optional<Article> PgStore::article(const QString &id) const
{
    const QList<Article> found = loadArticles(QStringLiteral(" WHERE a.id = :v"), text(id), nullptr);
    if (found.isEmpty()) {
        return std::nullopt;
    }
    return found.first();
}

QList<Article> PgStore::articles(QString *error) const
{
    return loadArticles(QString(), {}, error);
}

QList<Office> PgStore::loadOffices(const QString &where, const QVariant &bound, QString *error) const
{
    QSqlDatabase db = database();
    QList<Office> result;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, name, organization, street, postal_code, city, phone, fax, email, web, "
                             "opening_hours, latitude, longitude, keywords, source FROM offices%1 ORDER BY id")
                  .arg(where));
    if (!where.isEmpty()) {
        q.bindValue(QStringLiteral(":v"), bound);
    }
    if (!q.exec()) {
        setError(error, Messages::tr("reading offices failed: %1").arg(errorText(q)));
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

std::optional<Office> PgStore::office(const QString &id) const
{
    const QList<Office> found = loadOffices(QStringLiteral(" WHERE id = :v"), text(id), nullptr);
    if (found.isEmpty()) {
        return std::nullopt;
    }
    return found.first();
}

QList<Office> PgStore::offices(QString *error) const
{
    return loadOffices(QString(), {}, error);
}

QList<Synonym> PgStore::synonyms(QString *error) const
{
    QSqlDatabase db = database();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QList<Synonym> result;
    if (!q.exec(QStringLiteral("SELECT term, expansions FROM synonyms ORDER BY term"))) {
        setError(error, Messages::tr("reading synonyms failed: %1").arg(errorText(q)));
        return {};
    }
    while (q.next()) {
        result << Synonym{q.value(0).toString(), fromJsonList(q.value(1).toString())};
    }
    return result;
}

bool PgStore::setSynonym(const Synonym &synonym, QString *error)
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
    QSqlDatabase db = database();
    WriteScope scope(*this, db);
    if (!scope.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2")
                            .arg(m_params.displayName(), db.lastError().text().trimmed()));
        return false;
    }
    qint64 revision = 0;
    if (!scope.takeRevision(&revision, error)) {
        return false;
    }
    if (!authorize(db, Need::Lead, Messages::tr("edit synonyms"), error)) {
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
    QSqlQuery unmark(db);
    unmark.prepare(QStringLiteral("DELETE FROM tombstones WHERE entity = 'synonym' AND key = :key"));
    unmark.bindValue(QStringLiteral(":key"), term);
    if (!unmark.exec()) {
        setError(error, Messages::tr("clearing deletion marks failed: %1").arg(errorText(unmark)));
        return false;
    }
    return audit(db, QStringLiteral("synonym.set"), QString(), 0,
                 QStringLiteral("%1 → %2").arg(term, expansions.join(QStringLiteral(", "))), error)
        && setRevision(db, revision, error) && scope.commit(error);
}

bool PgStore::removeSynonym(const QString &term, QString *error)
{
    QSqlDatabase db = database();
    WriteScope scope(*this, db);
    if (!scope.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2")
                            .arg(m_params.displayName(), db.lastError().text().trimmed()));
        return false;
    }
    qint64 revision = 0;
    if (!scope.takeRevision(&revision, error)) {
        return false;
    }
    if (!authorize(db, Need::Lead, Messages::tr("edit synonyms"), error)) {
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
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("INSERT INTO tombstones (entity, key, revision) VALUES ('synonym', :key, :revision) "
                                "ON CONFLICT (entity, key) DO UPDATE SET revision = excluded.revision"));
    mark.bindValue(QStringLiteral(":key"), term.trimmed());
    mark.bindValue(QStringLiteral(":revision"), revision);
    if (!mark.exec()) {
        setError(error, Messages::tr("marking synonym \"%1\" as deleted failed: %2").arg(term, errorText(mark)));
        return false;
    }
    return audit(db, QStringLiteral("synonym.remove"), QString(), 0, term.trimmed(), error)
        && setRevision(db, revision, error) && scope.commit(error);
}

qint64 PgStore::revision() const
{
    QSqlDatabase db = database();
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT int_value FROM meta WHERE key = 'revision'")) && q.next()) {
        return q.value(0).toLongLong();
    }
    return -1;
}

StoreStats PgStore::stats() const
{
    QSqlDatabase db = database();
    StoreStats s;
    QSqlQuery q(db);
    auto count = [&](const QString &table) {
        return q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) && q.next() ? q.value(0).toInt() : -1;
    };
    s.articles = count(QStringLiteral("articles"));
    s.offices = count(QStringLiteral("offices"));
    s.officeLinks = count(QStringLiteral("article_offices"));
    s.synonyms = count(QStringLiteral("synonyms"));
    s.schemaVersion = readPgSchemaVersion(db, nullptr);
    s.revision = revision();
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
    if (!q.exec(QStringLiteral("SELECT key, int_value, text_value FROM meta WHERE key IN ('revision', 'store_id')"))) {
        return fail(Messages::tr("reading the revision failed: %1").arg(errorText(q)));
    }
    while (q.next()) {
        if (q.value(0).toString() == QLatin1String("revision")) {
            out.toRevision = q.value(1).toLongLong();
        } else {
            out.storeId = q.value(2).toString();
        }
    }
    QString message;
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
    if (!s.exec()) {
        return fail(Messages::tr("reading synonyms failed: %1").arg(errorText(s)));
    }
    while (s.next()) {
        out.changedSynonyms << Synonym{s.value(0).toString(), fromJsonList(s.value(1).toString())};
    }
    QSqlQuery t(db);
    t.setForwardOnly(true);
    t.prepare(QStringLiteral("SELECT entity, key FROM tombstones WHERE revision > :v ORDER BY revision, key"));
    t.bindValue(QStringLiteral(":v"), since);
    if (!t.exec()) {
        return fail(Messages::tr("reading deletions failed: %1").arg(errorText(t)));
    }
    while (t.next()) {
        (t.value(0).toString() == QLatin1String("article") ? out.removedArticles : out.removedSynonyms)
            << t.value(1).toString();
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

bool createPgUser(QSqlDatabase &db, const QString &name, const QString &password, PgRole role, QString *error)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (!valid.match(name).hasMatch() || name.startsWith(QLatin1String("pg_")) ||
        name.startsWith(QLatin1String("hotline_"))) {
        setError(error, Messages::tr("\"%1\" is not a valid user name (lowercase letters, digits and _, at most 63, "
                                     "not starting with pg_ or hotline_)")
                            .arg(name));
        return false;
    }
    if (password.isEmpty()) {
        setError(error, Messages::tr("user %1 needs a password").arg(name));
        return false;
    }
    // CREATE/ALTER ROLE take no parameters: the password goes in as a quoted literal
    // (standard_conforming_strings is on since PostgreSQL 9.1; ' is doubled). The server
    // stores it as a SCRAM hash.
    QString literal = password;
    literal.replace(QLatin1Char('\''), QStringLiteral("''"));
    literal = QLatin1Char('\'') + literal + QLatin1Char('\'');
    const QString group = role == PgRole::Lead ? QStringLiteral("hotline_lead") : QStringLiteral("hotline_agent");
    const QString other = role == PgRole::Lead ? QStringLiteral("hotline_agent") : QStringLiteral("hotline_lead");
    if (!db.transaction()) {
        setError(error, Messages::tr("cannot start a transaction: %1").arg(db.lastError().text()));
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = :name"));
    q.bindValue(QStringLiteral(":name"), name);
    if (!q.exec()) {
        db.rollback();
        setError(error, Messages::tr("looking up user %1 failed: %2").arg(name, errorText(q)));
        return false;
    }
    const bool exists = q.next();
    q.finish();
    QStringList statements{
        exists ? QStringLiteral("ALTER ROLE %1 WITH LOGIN PASSWORD %2").arg(name, literal)
               : QStringLiteral("CREATE ROLE %1 WITH LOGIN PASSWORD %2").arg(name, literal),
        QStringLiteral("GRANT %1 TO %2").arg(group, name),
    };
    if (exists) {
        // A changed role: out of the other group (only if in it: REVOKE would warn otherwise).
        QSqlQuery member(db);
        member.prepare(QStringLiteral("SELECT pg_has_role(:name, :other, 'MEMBER')"));
        member.bindValue(QStringLiteral(":name"), name);
        member.bindValue(QStringLiteral(":other"), other);
        if (member.exec() && member.next() && member.value(0).toBool()) {
            statements << QStringLiteral("REVOKE %1 FROM %2").arg(other, name);
        }
    }
    for (const QString &statement : statements) {
        QSqlQuery s(db);
        if (!s.exec(statement)) {
            const QString text = errorText(s);
            db.rollback();
            setError(error, Messages::tr("creating user %1 failed: %2").arg(name, text));
            return false;
        }
    }
    if (!db.commit()) {
        setError(error, Messages::tr("creating user %1 failed: %2").arg(name, db.lastError().text()));
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

bool PgStore::authorize(QSqlDatabase &db, Need need, const QString &what, QString *error) const
{
    switch (m_actor.kind) {
    case Actor::Kind::Administrator:
        return true;
    case Actor::Kind::Anonymous: {
        // A desk without any users yet (first start, imports before the first team lead exists)
        // works as before; once a user exists, every write needs someone signed in.
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT COUNT(id) FROM users")) || !q.next()) {
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

QString PgStore::nowText() const
{
    return now().toString(Qt::ISODateWithMs);
}

bool PgStore::audit(QSqlDatabase &db, const QString &action, const QString &articleId, int version,
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

int PgStore::publishedVersion(QSqlDatabase &db, const QString &articleId, bool *ok) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT version FROM articles WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), text(articleId));
    *ok = q.exec();
    return *ok && q.next() ? q.value(0).toInt() : 0;
}

QSqlDatabase PgStore::db() const
{
    return database();
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
        "legal_basis, online_service_url, url, keywords, category, links, duration_minutes, valid_from, valid_to, "
        "last_reviewed, review_by, updated_at, version, source, content_hash, published_by, author, change_note, "
        "revision) VALUES (:id, :title, :leika_key, :summary, :description_html, :documents, :fees_html, "
        ":processing_time, :legal_basis, :online_service_url, :url, :keywords, :category, :links, :duration_minutes, "
        "CAST(:valid_from AS DATE), CAST(:valid_to AS DATE), CAST(:last_reviewed AS DATE), CAST(:review_by AS DATE), "
        "CAST(:updated_at AS TIMESTAMPTZ), :version, :source, :content_hash, :published_by, :author, :change_note, "
        ":revision) ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
        "leika_key = excluded.leika_key, summary = excluded.summary, description_html = excluded.description_html, "
        "documents = excluded.documents, fees_html = excluded.fees_html, processing_time = excluded.processing_time, "
        "legal_basis = excluded.legal_basis, online_service_url = excluded.online_service_url, url = excluded.url, "
        "keywords = excluded.keywords, category = excluded.category, links = excluded.links, "
        "duration_minutes = excluded.duration_minutes, valid_from = excluded.valid_from, valid_to = excluded.valid_to, "
        "last_reviewed = excluded.last_reviewed, review_by = excluded.review_by, updated_at = excluded.updated_at, "
        "version = excluded.version, source = excluded.source, content_hash = excluded.content_hash, "
        "published_by = excluded.published_by, author = excluded.author, change_note = excluded.change_note, "
        "revision = excluded.revision"));
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
    q.bindValue(QStringLiteral(":revision"), m_editRevision);
    if (!q.exec()) {
        setError(error, Messages::tr("writing article \"%1\" failed: %2").arg(a.id, errorText(q)));
        return false;
    }
    QSqlQuery del(db);
    del.prepare(QStringLiteral("DELETE FROM article_offices WHERE article_id = :id"));
    del.bindValue(QStringLiteral(":id"), text(a.id));
    if (!del.exec()) {
        setError(error, Messages::tr("replacing the offices of article \"%1\" failed: %2").arg(a.id, errorText(del)));
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
        link.bindValue(QStringLiteral(":bookable"), l.bookable);
        link.bindValue(QStringLiteral(":url"), text(l.appointmentUrl));
        if (!link.exec()) {
            setError(error, Messages::tr("article \"%1\": office \"%2\" is not in the catalogue: %3")
                                .arg(a.id, l.officeId, errorText(link)));
            return false;
        }
    }
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("DELETE FROM tombstones WHERE entity = 'article' AND key = :id"));
    mark.bindValue(QStringLiteral(":id"), text(a.id));
    if (!mark.exec()) {
        setError(error, Messages::tr("clearing deletion marks failed: %1").arg(errorText(mark)));
        return false;
    }
    return true;
}

// ---- Users ----

QList<User> PgStore::loadUsers(const QString &key, QString *error) const
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

bool PgStore::hasUsers(QString *error) const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    if (!q.exec(QStringLiteral("SELECT COUNT(id) FROM users")) || !q.next()) {
        setError(error, Messages::tr("reading users failed: %1").arg(q.lastError().text()));
        return false;
    }
    return q.value(0).toInt() > 0;
}

std::optional<User> PgStore::user(const QString &name) const
{
    const QList<User> found = loadUsers(nameKey(name), nullptr);
    return found.isEmpty() ? std::nullopt : std::optional<User>(found.first());
}

QList<User> PgStore::users(QString *error) const
{
    return loadUsers(QString(), error);
}

int PgStore::activeLeads(QSqlDatabase &database, bool *ok) const
{
    QSqlQuery q(database);
    *ok = q.exec(QStringLiteral("SELECT COUNT(id) FROM users WHERE role = 'lead' AND active = 1")) && q.next();
    return *ok ? q.value(0).toInt() : 0;
}

std::optional<User> PgStore::createUser(const QString &name, const QString &displayName, Role role,
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
    WriteScope transaction(*this, database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_params.displayName(), transaction.beginError()));
        return std::nullopt;
    }
    QSqlQuery count(database);
    if (!count.exec(QStringLiteral("SELECT COUNT(id) FROM users")) || !count.next()) {
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

std::optional<User> PgStore::authenticate(const QString &name, const QString &password, QString *error)
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

bool PgStore::setRole(const QString &name, Role role, QString *error)
{
    QSqlDatabase database = db();
    WriteScope transaction(*this, database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_params.displayName(), transaction.beginError()));
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

bool PgStore::setUserActive(const QString &name, bool active, QString *error)
{
    QSqlDatabase database = db();
    WriteScope transaction(*this, database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_params.displayName(), transaction.beginError()));
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

bool PgStore::setPassword(const QString &name, const QString &password, QString *error)
{
    if (!checkPasswordRules(password, error)) {
        return false;
    }
    const QString hash = hashPassword(password, error);
    if (hash.isEmpty()) {
        return false;
    }
    QSqlDatabase database = db();
    WriteScope transaction(*this, database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_params.displayName(), transaction.beginError()));
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

QList<Draft> PgStore::loadDrafts(const QString &articleId, qint64 authorId, QString *error) const
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

QList<Draft> PgStore::drafts(const QString &articleId, QString *error) const
{
    return loadDrafts(articleId, 0, error);
}

std::optional<Draft> PgStore::draft(const QString &articleId, qint64 authorId) const
{
    if (articleId.isEmpty() || authorId <= 0) {
        return std::nullopt;
    }
    const QList<Draft> found = loadDrafts(articleId, authorId, nullptr);
    return found.isEmpty() ? std::nullopt : std::optional<Draft>(found.first());
}

EditResult PgStore::saveDraftLocked(QSqlDatabase &database, Article content, int baseVersion,
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

EditResult PgStore::saveDraft(const Article &content, int baseVersion, QString *error)
{
    QSqlDatabase database = db();
    WriteScope transaction(*this, database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_params.displayName(), transaction.beginError()));
        return {};
    }
    // Checked before the draft is looked up: on the server an agent's login may not even read
    // drafts, and a refused read would abort the transaction before the clear message.
    if (m_actor.kind == Actor::Kind::SignedIn
        && !authorize(database, Need::Lead, Messages::tr("edit articles"), error)) {
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

bool PgStore::discardDraft(const QString &articleId, QString *error)
{
    QSqlDatabase database = db();
    WriteScope transaction(*this, database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_params.displayName(), transaction.beginError()));
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

bool PgStore::submitDraft(const QString &articleId, QString *error)
{
    QSqlDatabase database = db();
    WriteScope transaction(*this, database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_params.displayName(), transaction.beginError()));
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

EditResult PgStore::approveDraft(const QString &articleId, qint64 authorId, const QString &changeNote,
                                     QString *error)
{
    EditResult result;
    QSqlDatabase database = db();
    WriteScope transaction(*this, database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_params.displayName(), transaction.beginError()));
        return result;
    }
    if (!authorize(database, Need::Lead, Messages::tr("publish articles"), error)) {
        return result;
    }
    // Publishers queue up here (the revision row lock every writer takes), so the version check
    // below and the write after it see the same published article, also across desks.
    if (!takeEditRevision(database, error)) {
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

bool PgStore::rejectDraft(const QString &articleId, qint64 authorId, const QString &comment, QString *error)
{
    if (comment.trimmed().isEmpty()) {
        setError(error, Messages::tr("say why the draft goes back: the comment must not be empty"));
        return false;
    }
    QSqlDatabase database = db();
    WriteScope transaction(*this, database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_params.displayName(), transaction.beginError()));
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

bool PgStore::fourEyes() const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    if (q.exec(QStringLiteral("SELECT int_value FROM meta WHERE key = 'four_eyes'")) && q.next()) {
        return q.value(0).toInt() != 0;
    }
    return true;   // the safe default
}

bool PgStore::setFourEyes(bool on, QString *error)
{
    QSqlDatabase database = db();
    WriteScope transaction(*this, database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_params.displayName(), transaction.beginError()));
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

QList<ArticleVersion> PgStore::history(const QString &articleId, QString *error) const
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

std::optional<ArticleVersion> PgStore::articleVersion(const QString &articleId, int version) const
{
    const QList<ArticleVersion> all = history(articleId);
    for (const ArticleVersion &v : all) {
        if (v.version == version) {
            return v;
        }
    }
    return std::nullopt;
}

EditResult PgStore::restoreVersion(const QString &articleId, int version, QString *error)
{
    const std::optional<ArticleVersion> old = articleVersion(articleId, version);
    if (!old) {
        setError(error, Messages::tr("article \"%1\" has no version %2").arg(articleId).arg(version));
        return {};
    }
    QSqlDatabase database = db();
    WriteScope transaction(*this, database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_params.displayName(), transaction.beginError()));
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

QList<AuditEntry> PgStore::auditLog(const QString &articleId, int limit, QString *error) const
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

QList<ReviewItem> PgStore::reviewDue(const QDate &today, int horizonDays, QString *error) const
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

qint64 PgStore::flagArticle(const QString &articleId, const QString &comment, QString *error)
{
    if (comment.trimmed().isEmpty()) {
        setError(error, Messages::tr("say what is wrong: the comment must not be empty"));
        return 0;
    }
    QSqlDatabase database = db();
    WriteScope transaction(*this, database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_params.displayName(), transaction.beginError()));
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

QList<ArticleFlag> PgStore::flags(bool openOnly, QString *error) const
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

bool PgStore::resolveFlag(qint64 flagId, const QString &resolution, QString *error)
{
    QSqlDatabase database = db();
    WriteScope transaction(*this, database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_params.displayName(), transaction.beginError()));
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

qint64 PgStore::logSearch(const QString &query, int resultCount, QString *error)
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

bool PgStore::logOpened(qint64 searchId, const QString &articleId, QString *error)
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

GapReport PgStore::knowledgeGaps(const QDateTime &since, QString *error) const
{
    GapReport report;
    report.since = since.toUTC();
    const QString from = since.isValid() ? since.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("-infinity");
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

int PgStore::purgeSearchLog(int days, QString *error)
{
    if (days < 1) {
        setError(error, Messages::tr("keep the search log for at least one day (got %1)").arg(days));
        return -1;
    }
    QSqlDatabase database = db();
    WriteScope transaction(*this, database);
    if (!transaction.isActive()) {
        setError(error, Messages::tr("cannot start a transaction on %1: %2").arg(m_params.displayName(), transaction.beginError()));
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

} // namespace kb
