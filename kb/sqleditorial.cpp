#include "sqleditorial_p.h"

#include "columncodec_p.h"
#include "sqlrows_p.h"

#include "htmlsanitizer.h"
#include "logging.h"
#include "password.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <limits>

// The editorial workflow (docs/editorial.md) over SQL, written once for SqliteStore and PgStore:
// the statements are the same on both (INSERT … RETURNING, ON CONFLICT, ISO times that
// PostgreSQL reads as TIMESTAMPTZ); what differs sits behind SqlEditorialStore's hooks.

namespace kb {

using namespace column;
using namespace sql;

namespace {

// The translation context of these messages (kept from when they lived in sqlitestore.cpp).
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::SqliteStore)
};

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
    o.insert(QStringLiteral("questions"), QJsonArray::fromStringList(a.questions));
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
    a.questions = list("questions"); // absent in drafts saved before the field existed: none
    a.category = str("category");
    a.links = linksFromJson(QString::fromUtf8(QJsonDocument(o.value(QLatin1String("links")).toArray()).toJson()));
    for (const QJsonValue &v : o.value(QLatin1String("offices")).toArray()) {
        const QJsonObject l = v.toObject();
        a.offices << OfficeLink{
            l.value(QLatin1String("office_id")).toString(), l.value(QLatin1String("duration_minutes")).toInt(),
            l.value(QLatin1String("bookable")).toBool(), l.value(QLatin1String("appointment_url")).toString()};
    }
    a.durationMinutes = o.value(QLatin1String("duration_minutes")).toInt();
    a.validFrom = date("valid_from");
    a.validTo = date("valid_to");
    a.lastReviewed = date("last_reviewed");
    a.reviewBy = date("review_by");
    const QJsonValue updated = o.value(QLatin1String("updated_at"));
    a.updatedAt =
        updated.isString() ? QDateTime::fromString(updated.toString(), Qt::ISODateWithMs).toUTC() : QDateTime();
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

// id, name, display_name, role, active, created_at
User userFromRow(const QSqlQuery &q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.name = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.role = roleFrom(q.value(3));
    u.active = q.value(4).toInt() != 0;
    u.createdAt = timeFrom(q.value(5));
    return u;
}

// article_id, author_id, author's name, base_version, content, state, review_comment, reviewer,
// created_at, saved_at, submitted_at, saved_count
Draft draftFromRow(const QSqlQuery &q)
{
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
    return d;
}

// id, article_id, the article's title, article_version, raised_by, raised_at, comment, resolved_by,
// resolved_at, resolution
ArticleFlag flagFromRow(const QSqlQuery &q)
{
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
    return f;
}

} // namespace

SqlEditorialStore::WriteTransaction::~WriteTransaction() = default;

bool SqlEditorialStore::lockForPublish(QSqlDatabase &, QString *)
{
    return true;
}

std::unique_ptr<SqlEditorialStore::WriteTransaction> SqlEditorialStore::startWrite(QSqlDatabase &db, QString *error)
{
    std::unique_ptr<WriteTransaction> transaction = beginWrite(db);
    if (!transaction->isActive()) {
        setError(error,
                 Messages::tr("cannot start a transaction on %1: %2").arg(location(), transaction->beginError()));
        return nullptr;
    }
    return transaction;
}

std::unique_ptr<SqlEditorialStore::WriteTransaction> SqlEditorialStore::startWrite(QSqlDatabase &db, Need need,
                                                                                   const QString &what, QString *error)
{
    std::unique_ptr<WriteTransaction> transaction = startWrite(db, error);
    if (!transaction || !authorize(db, need, what, error)) {
        return nullptr;
    }
    return transaction;
}

HistoryCopier::HistoryCopier(QSqlDatabase &db) : m_row(db), m_offices(db)
{
    m_row.prepare(QStringLiteral("INSERT INTO article_versions (article_id, %1, published_by, author, change_note) "
                                 "SELECT id, %1, published_by, author, change_note FROM articles WHERE id = :id "
                                 "ON CONFLICT (article_id, version) DO NOTHING")
                      .arg(kArticleRowColumns));
    m_offices.prepare(QStringLiteral(
        "INSERT INTO article_version_offices (article_id, version, office_id, position, duration_minutes, bookable, "
        "appointment_url) SELECT o.article_id, a.version, o.office_id, o.position, o.duration_minutes, o.bookable, "
        "o.appointment_url FROM article_offices o JOIN articles a ON a.id = o.article_id WHERE o.article_id = :id "
        "ON CONFLICT (article_id, version, office_id) DO NOTHING"));
}

bool HistoryCopier::copy(const QString &articleId, QString *error)
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

bool SqlEditorialStore::authorize(QSqlDatabase &db, Need need, const QString &what, QString *error) const
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

qint64 SqlEditorialStore::revision() const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    if (q.exec(QStringLiteral("SELECT int_value FROM meta WHERE key = 'revision'")) && q.next()) {
        return q.value(0).toLongLong();
    }
    return -1;
}

StoreStats SqlEditorialStore::catalogueStats() const
{
    QSqlDatabase database = db();
    StoreStats s;
    QSqlQuery q(database);
    const auto count = [&q](const QString &table) {
        return q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) && q.next() ? q.value(0).toInt() : -1;
    };
    s.articles = count(QStringLiteral("articles"));
    s.offices = count(QStringLiteral("offices"));
    s.officeLinks = count(QStringLiteral("article_offices"));
    s.synonyms = count(QStringLiteral("synonyms"));
    s.revision = revision();
    return s;
}

bool checkCatalogue(const Catalogue &catalogue, QString *error)
{
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
    return true;
}

bool writeOfficeLinks(QSqlDatabase &db, const Article &a, QString *error)
{
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
        link.bindValue(QStringLiteral(":bookable"), l.bookable); // SQLite stores 1 or 0
        link.bindValue(QStringLiteral(":url"), text(l.appointmentUrl));
        if (!link.exec()) {
            setError(error, Messages::tr("article \"%1\": office \"%2\" is not in the catalogue: %3")
                                .arg(a.id, l.officeId, errorText(link)));
            return false;
        }
    }
    return true;
}

// ---- The published catalogue ----

QList<Article> SqlEditorialStore::loadArticles(const QString &where, const QVariant &bound, QString *error) const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.id, %1 FROM articles a%2 ORDER BY a.id").arg(kArticleRowColumns, where));
    // The links of the same articles: joined with them only when the condition needs their row.
    QSqlQuery links(database);
    links.setForwardOnly(true);
    links.prepare(
        QStringLiteral("SELECT ao.article_id, ao.office_id, ao.duration_minutes, ao.bookable, ao.appointment_url "
                       "FROM article_offices ao%1 ORDER BY ao.article_id, ao.position")
            .arg(where.isEmpty() ? QString() : QStringLiteral(" JOIN articles a ON a.id = ao.article_id") + where));
    if (!where.isEmpty()) {
        q.bindValue(QStringLiteral(":v"), bound);
        links.bindValue(QStringLiteral(":v"), bound);
    }
    return readArticles(q, links, Messages::tr("reading articles failed: %1"),
                        Messages::tr("reading office links failed: %1"), error);
}

std::optional<Article> SqlEditorialStore::article(const QString &id) const
{
    return firstRow(loadArticles(QStringLiteral(" WHERE a.id = :v"), text(id), nullptr));
}

QList<Article> SqlEditorialStore::articles(QString *error) const
{
    return loadArticles(QString(), {}, error);
}

QList<Office> SqlEditorialStore::loadOffices(const QString &where, const QVariant &bound, QString *error) const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, name, organization, street, postal_code, city, phone, fax, email, web, "
                             "opening_hours, latitude, longitude, keywords, source FROM offices%1 ORDER BY id")
                  .arg(where));
    if (!where.isEmpty()) {
        q.bindValue(QStringLiteral(":v"), bound);
    }
    return readRows(q, Messages::tr("reading offices failed: %1"), error, officeFromRow);
}

std::optional<Office> SqlEditorialStore::office(const QString &id) const
{
    return firstRow(loadOffices(QStringLiteral(" WHERE id = :v"), text(id), nullptr));
}

QList<Office> SqlEditorialStore::offices(QString *error) const
{
    return loadOffices(QString(), {}, error);
}

QList<Synonym> SqlEditorialStore::synonyms(QString *error) const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.setForwardOnly(true);
    return readRows(q, QStringLiteral("SELECT term, expansions FROM synonyms ORDER BY term"),
                    Messages::tr("reading synonyms failed: %1"), error, synonymFromRow);
}

QString SqlEditorialStore::nowText() const
{
    return now().toString(Qt::ISODateWithMs);
}

bool SqlEditorialStore::audit(QSqlDatabase &db, const QString &action, const QString &articleId, int version,
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

int SqlEditorialStore::publishedVersion(QSqlDatabase &db, const QString &articleId, bool *ok) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT version FROM articles WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), text(articleId));
    *ok = q.exec();
    return *ok && q.next() ? q.value(0).toInt() : 0;
}

// ---- Users ----

QList<User> SqlEditorialStore::loadUsers(const QString &key, QString *error) const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, name, display_name, role, active, created_at FROM users%1 ORDER BY name_key")
                  .arg(key.isNull() ? QString() : QStringLiteral(" WHERE name_key = :key")));
    if (!key.isNull()) {
        q.bindValue(QStringLiteral(":key"), key);
    }
    return readRows(q, Messages::tr("reading users failed: %1"), error, userFromRow);
}

bool SqlEditorialStore::hasUsers(QString *error) const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM users")) || !q.next()) {
        setError(error, Messages::tr("reading users failed: %1").arg(q.lastError().text()));
        return false;
    }
    return q.value(0).toInt() > 0;
}

std::optional<User> SqlEditorialStore::user(const QString &name) const
{
    return firstRow(loadUsers(nameKey(name), nullptr));
}

QList<User> SqlEditorialStore::users(QString *error) const
{
    return loadUsers(QString(), error);
}

int SqlEditorialStore::activeLeads(QSqlDatabase &database, bool *ok) const
{
    QSqlQuery q(database);
    *ok = q.exec(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'lead' AND active = 1")) && q.next();
    return *ok ? q.value(0).toInt() : 0;
}

std::optional<User> SqlEditorialStore::createUser(const QString &name, const QString &displayName, Role role,
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
    const auto transaction = startWrite(database, error);
    if (!transaction) {
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
    q.prepare(
        QStringLiteral("INSERT INTO users (name, name_key, display_name, role, password_hash, active, created_at, "
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
               Messages::tr("created %1 \"%2\"").arg(roleName(role), login), error) ||
        !transaction->commit(error)) {
        return std::nullopt;
    }
    return u;
}

std::optional<User> SqlEditorialStore::authenticate(const QString &name, const QString &password, QString *error)
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
        update.prepare(
            QStringLiteral("UPDATE users SET password_hash = :hash WHERE id = :id AND password_hash = :old"));
        update.bindValue(QStringLiteral(":hash"), fresh);
        update.bindValue(QStringLiteral(":id"), id);
        update.bindValue(QStringLiteral(":old"), hash);
        if (fresh.isEmpty() || !update.exec()) {
            qCWarning(lcDb) << "re-hashing the password of user" << id << "failed";
        }
    }
    return firstRow(loadUsers(nameKey(name), error));
}

bool SqlEditorialStore::setRole(const QString &name, Role role, QString *error)
{
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, Need::Lead, Messages::tr("change roles"), error);
    if (!transaction) {
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
        setError(
            error,
            Messages::tr("\"%1\" is the last active team lead; make someone else team lead first").arg(target->name));
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
                 Messages::tr("%1: %2 → %3").arg(target->name, roleName(target->role), roleName(role)), error) &&
           transaction->commit(error);
}

bool SqlEditorialStore::setUserActive(const QString &name, bool active, QString *error)
{
    QSqlDatabase database = db();
    const auto transaction =
        startWrite(database, Need::Lead, active ? Messages::tr("enable users") : Messages::tr("disable users"), error);
    if (!transaction) {
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
                 target->name, error) &&
           transaction->commit(error);
}

bool SqlEditorialStore::setPassword(const QString &name, const QString &password, QString *error)
{
    if (!checkPasswordRules(password, error)) {
        return false;
    }
    const QString hash = hashPassword(password, error);
    if (hash.isEmpty()) {
        return false;
    }
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, error);
    if (!transaction) {
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
        setError(error,
                 Messages::tr("setting the password of \"%1\" failed: %2").arg(target->name, q.lastError().text()));
        return false;
    }
    return audit(database, QStringLiteral("user.password"), QString(), 0,
                 Messages::tr("new password for %1").arg(target->name), error) &&
           transaction->commit(error);
}

// ---- Drafts and review ----

QList<Draft> SqlEditorialStore::loadDrafts(const QString &articleId, qint64 authorId, QString *error) const
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
    return readRows(q, Messages::tr("reading drafts failed: %1"), error, draftFromRow);
}

QList<Draft> SqlEditorialStore::drafts(const QString &articleId, QString *error) const
{
    return loadDrafts(articleId, 0, error);
}

std::optional<Draft> SqlEditorialStore::draft(const QString &articleId, qint64 authorId) const
{
    if (articleId.isEmpty() || authorId <= 0) {
        return std::nullopt;
    }
    return firstRow(loadDrafts(articleId, authorId, nullptr));
}

EditResult SqlEditorialStore::saveDraftLocked(QSqlDatabase &database, Article content, int baseVersion,
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
    // Rich text from an editor is stored only sanitised (a second guard behind the desk's own pass), so nothing
    // that reaches history or agents can carry script, event handlers, javascript: links or remote images.
    content.descriptionHtml = HtmlSanitizer::sanitize(content.descriptionHtml);
    content.feesHtml = HtmlSanitizer::sanitize(content.feesHtml);
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
        seen.prepare(
            QStringLiteral("SELECT 1 FROM audit_log WHERE article_id = :article_id AND action = 'draft.conflict' "
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
        if (!recorded &&
            !audit(database, QStringLiteral("draft.conflict"), content.id, current,
                   Messages::tr("draft based on version %1, published is %2").arg(baseVersion).arg(current), error)) {
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

EditResult SqlEditorialStore::saveDraft(const Article &content, int baseVersion, QString *error)
{
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, error);
    if (!transaction) {
        return {};
    }
    // Checked before the draft is looked up: on a server an agent's login may not even read
    // drafts, and a refused read would abort the transaction before the clear message.
    if (m_actor.kind == Actor::Kind::SignedIn &&
        !authorize(database, Need::Lead, Messages::tr("edit articles"), error)) {
        return {};
    }
    // Only a draft's creation goes to the audit trail, not every save while typing.
    const bool exists = m_actor.kind == Actor::Kind::SignedIn && draft(content.id.trimmed(), m_actor.user.id);
    EditResult result =
        saveDraftLocked(database, content, baseVersion, exists ? QString() : QStringLiteral("draft.create"),
                        Messages::tr("draft of \"%1\" started").arg(content.title.trimmed()), error);
    if (result.status == EditResult::Status::Failed) {
        return result;
    }
    QString commitError;
    if (!transaction->commit(&commitError)) {
        setError(error, commitError);
        return {};
    }
    return result;
}

bool SqlEditorialStore::discardDraft(const QString &articleId, QString *error)
{
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, error);
    if (!transaction) {
        return false;
    }
    if (m_actor.kind != Actor::Kind::SignedIn ||
        !authorize(database, Need::Lead, Messages::tr("edit articles"), error)) {
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
    return audit(database, QStringLiteral("draft.discard"), articleId, 0, QString(), error) &&
           transaction->commit(error);
}

bool SqlEditorialStore::submitDraft(const QString &articleId, QString *error)
{
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, error);
    if (!transaction) {
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
                 Messages::tr("\"%1\" submitted for review").arg(d->content.title), error) &&
           transaction->commit(error);
}

EditResult SqlEditorialStore::approveDraft(const QString &articleId, qint64 authorId, const QString &changeNote,
                                           QString *error)
{
    EditResult result;
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, Need::Lead, Messages::tr("publish articles"), error);
    if (!transaction) {
        return result;
    }
    // Publishers queue up here (a backend with finer locks than SQLite's takes its lock now), so
    // the version check below and the write after it see the same published article.
    if (!lockForPublish(database, error)) {
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
        return result; // rolled back: nothing changed
    }
    // Versions never repeat, also for an article that was removed and is published again.
    QSqlQuery maxVersion(database);
    maxVersion.prepare(QStringLiteral("SELECT MAX(version) FROM article_versions WHERE article_id = :id"));
    maxVersion.bindValue(QStringLiteral(":id"), articleId);
    if (!maxVersion.exec() || !maxVersion.next()) {
        setError(
            error,
            Messages::tr("reading the history of \"%1\" failed: %2").arg(articleId, maxVersion.lastError().text()));
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
    QString summary = ownDraft
                          ? Messages::tr("published \"%1\"").arg(published.title)
                          : Messages::tr("approved and published \"%1\" by %2").arg(published.title, d->authorName);
    if (!changeNote.trimmed().isEmpty()) {
        summary += QStringLiteral(": ") + changeNote.trimmed();
    }
    if (!audit(database, QStringLiteral("article.publish"), articleId, newVersion, summary, error) ||
        !bumpRevision(database, error) || !transaction->commit(error)) {
        return result;
    }
    result.status = EditResult::Status::Ok;
    result.publishedVersion = newVersion;
    return result;
}

bool SqlEditorialStore::rejectDraft(const QString &articleId, qint64 authorId, const QString &comment, QString *error)
{
    if (comment.trimmed().isEmpty()) {
        setError(error, Messages::tr("say why the draft goes back: the comment must not be empty"));
        return false;
    }
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, Need::Lead, Messages::tr("review drafts"), error);
    if (!transaction) {
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
                 Messages::tr("sent back to %1: %2").arg(d->authorName, comment.trimmed()), error) &&
           transaction->commit(error);
}

bool SqlEditorialStore::fourEyes() const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    if (q.exec(QStringLiteral("SELECT int_value FROM meta WHERE key = 'four_eyes'")) && q.next()) {
        return q.value(0).toInt() != 0;
    }
    return true; // the safe default
}

bool SqlEditorialStore::setFourEyes(bool on, QString *error)
{
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, Need::Lead, Messages::tr("change the review rule"), error);
    if (!transaction) {
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
                 on ? Messages::tr("four-eyes review on") : Messages::tr("four-eyes review off"), error) &&
           transaction->commit(error);
}

// ---- History ----

QList<ArticleVersion> SqlEditorialStore::history(const QString &articleId, QString *error) const
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
            setError(error,
                     Messages::tr("reading the history of \"%1\" failed: %2").arg(articleId, q.lastError().text()));
            return {};
        }
        while (q.next()) {
            ArticleVersion v;
            v.content = articleFromRow(q);
            v.articleId = articleId;
            v.version = v.content.version;
            v.publishedAt = timeFrom(q.value(23));
            v.publishedBy = q.value(24).toString();
            v.authorName = q.value(25).toString();
            v.summary = q.value(26).toString();
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
        setError(error,
                 Messages::tr("reading the history of \"%1\" failed: %2").arg(articleId, offices.lastError().text()));
        return {};
    }
    while (offices.next()) {
        const auto it = index.constFind(offices.value(0).toInt());
        if (it != index.constEnd()) {
            out[*it].content.offices << officeLinkFromRow(offices, 2);
        }
    }
    std::sort(out.begin(), out.end(),
              [](const ArticleVersion &a, const ArticleVersion &b) { return a.version > b.version; });
    return out;
}

std::optional<ArticleVersion> SqlEditorialStore::articleVersion(const QString &articleId, int version) const
{
    const QList<ArticleVersion> all = history(articleId);
    for (const ArticleVersion &v : all) {
        if (v.version == version) {
            return v;
        }
    }
    return std::nullopt;
}

EditResult SqlEditorialStore::restoreVersion(const QString &articleId, int version, QString *error)
{
    const std::optional<ArticleVersion> old = articleVersion(articleId, version);
    if (!old) {
        setError(error, Messages::tr("article \"%1\" has no version %2").arg(articleId).arg(version));
        return {};
    }
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, error);
    if (!transaction) {
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
    if (!transaction->commit(&commitError)) {
        setError(error, commitError);
        return {};
    }
    return result;
}

// ---- Audit, review dates, flags ----

QList<AuditEntry> SqlEditorialStore::auditLog(const QString &articleId, int limit, QString *error) const
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
    return readRows(q, Messages::tr("reading the audit trail failed: %1"), error, [](const QSqlQuery &row) {
        return AuditEntry{row.value(0).toLongLong(), timeFrom(row.value(1)),  row.value(2).toString(),
                          row.value(3).toString(),   row.value(4).toString(), row.value(5).toInt(),
                          row.value(6).toString()};
    });
}

QList<ReviewItem> SqlEditorialStore::reviewDue(const QDate &today, int horizonDays, QString *error) const
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
    QList<ReviewItem> out;
    forEachRow(q, Messages::tr("reading review dates failed: %1"), error, [&](const QSqlQuery &row) {
        Article a;
        a.id = row.value(0).toString();
        a.title = row.value(1).toString();
        a.version = row.value(2).toInt();
        a.reviewBy = dateFrom(row.value(3));
        a.validFrom = dateFrom(row.value(4));
        a.validTo = dateFrom(row.value(5));
        ArticleStatus status = articleStatus(a, today, horizonDays);
        status.openFlags = row.value(6).toInt();
        if (status.any()) {
            out << ReviewItem{a.id, a.title, a.version, a.reviewBy, a.validFrom, a.validTo, status};
        }
    });
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

qint64 SqlEditorialStore::flagArticle(const QString &articleId, const QString &comment, QString *error)
{
    return flagArticleAt(articleId, comment, now(), error);
}

qint64 SqlEditorialStore::flagArticleAt(const QString &articleId, const QString &comment, const QDateTime &raisedAt,
                                        QString *error)
{
    if (comment.trimmed().isEmpty()) {
        setError(error, Messages::tr("say what is wrong: the comment must not be empty"));
        return 0;
    }
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, Need::SignedIn, Messages::tr("flag articles"), error);
    if (!transaction) {
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
    q.bindValue(QStringLiteral(":at"), (raisedAt.isValid() ? raisedAt.toUTC() : now()).toString(Qt::ISODateWithMs));
    q.bindValue(QStringLiteral(":comment"), comment.trimmed());
    if (!q.exec() || !q.next()) {
        setError(error, Messages::tr("flagging article \"%1\" failed: %2").arg(articleId, q.lastError().text()));
        return 0;
    }
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (!audit(database, QStringLiteral("flag.raise"), articleId, version, comment.trimmed(), error) ||
        !transaction->commit(error)) {
        return 0;
    }
    return id;
}

QList<ArticleFlag> SqlEditorialStore::flags(bool openOnly, QString *error) const
{
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT f.id, f.article_id, COALESCE(a.title, ''), f.article_version, f.raised_by, "
                             "f.raised_at, f.comment, f.resolved_by, f.resolved_at, f.resolution "
                             "FROM article_flags f LEFT JOIN articles a ON a.id = f.article_id%1 ORDER BY f.id DESC")
                  .arg(openOnly ? QStringLiteral(" WHERE f.resolved_at IS NULL") : QString()));
    return readRows(q, Messages::tr("reading flags failed: %1"), error, flagFromRow);
}

bool SqlEditorialStore::resolveFlag(qint64 flagId, const QString &resolution, QString *error)
{
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, Need::Lead, Messages::tr("resolve flags"), error);
    if (!transaction) {
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
    return audit(database, QStringLiteral("flag.resolve"), articleId, 0, resolution.trimmed(), error) &&
           transaction->commit(error);
}

// ---- Search log ----

namespace {
// The unmatched words as stored: distinct (case-insensitive), joined by a space; NULL when there are none.
QVariant unmatchedWordsValue(const QStringList &words)
{
    QStringList kept;
    QSet<QString> seen;
    for (const QString &word : words) {
        const QString w = word.simplified();
        if (w.isEmpty() || w.contains(QLatin1Char(' ')) || seen.contains(w.toCaseFolded())) {
            continue;
        }
        seen.insert(w.toCaseFolded());
        kept << w.left(100);
    }
    if (kept.isEmpty()) {
        return QVariant(QMetaType::fromType<QString>());
    }
    return kept.join(QLatin1Char(' ')).left(500);
}
} // namespace

qint64 SqlEditorialStore::logSearch(const QString &query, int resultCount, const QStringList &unmatchedWords,
                                    QString *error)
{
    const QString normalized = normalizeLoggedQuery(query);
    if (normalized.isEmpty()) {
        setError(error, Messages::tr("an empty search is not logged"));
        return 0;
    }
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.prepare(QStringLiteral("INSERT INTO search_log (searched_at, query, normalized_query, result_count, "
                             "unmatched_words) VALUES (:at, :query, :normalized, :count, :unmatched) RETURNING id"));
    q.bindValue(QStringLiteral(":at"), nowText());
    q.bindValue(QStringLiteral(":query"), query.trimmed().left(500));
    q.bindValue(QStringLiteral(":normalized"), normalized.left(500));
    q.bindValue(QStringLiteral(":count"), std::max(0, resultCount));
    q.bindValue(QStringLiteral(":unmatched"), unmatchedWordsValue(unmatchedWords));
    if (!q.exec() || !q.next()) {
        setError(error, Messages::tr("logging the search failed: %1").arg(q.lastError().text()));
        return 0;
    }
    return q.value(0).toLongLong();
}

bool SqlEditorialStore::logOpened(qint64 searchId, const QString &articleId, QString *error)
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

namespace {
// The UUID column is TEXT in SQLite and UUID in PostgreSQL.
QString clientIdParameter(const QSqlDatabase &database)
{
    return database.driverName() == QLatin1String("QPSQL") ? QStringLiteral("CAST(:client_id AS UUID)")
                                                           : QStringLiteral(":client_id");
}
} // namespace

bool SqlEditorialStore::logQueuedSearch(const QString &clientId, const QDateTime &searchedAt, const QString &query,
                                        int resultCount, const QStringList &unmatchedWords, QString *error)
{
    const QString normalized = normalizeLoggedQuery(query);
    if (normalized.isEmpty()) {
        setError(error, Messages::tr("an empty search is not logged"));
        return false;
    }
    if (QUuid::fromString(clientId).isNull()) {
        setError(error, Messages::tr("the queued search has no valid id (\"%1\")").arg(clientId));
        return false;
    }
    QSqlDatabase database = db();
    QSqlQuery q(database);
    q.prepare(QStringLiteral("INSERT INTO search_log (searched_at, query, normalized_query, result_count, client_id, "
                             "unmatched_words) VALUES (:at, :query, :normalized, :count, %1, :unmatched)")
                  .arg(clientIdParameter(database)));
    q.bindValue(QStringLiteral(":unmatched"), unmatchedWordsValue(unmatchedWords));
    q.bindValue(QStringLiteral(":at"), (searchedAt.isValid() ? searchedAt.toUTC() : now()).toString(Qt::ISODateWithMs));
    q.bindValue(QStringLiteral(":query"), query.trimmed().left(500));
    q.bindValue(QStringLiteral(":normalized"), normalized.left(500));
    q.bindValue(QStringLiteral(":count"), std::max(0, resultCount));
    q.bindValue(QStringLiteral(":client_id"), QUuid::fromString(clientId).toString(QUuid::WithoutBraces));
    if (!q.exec()) {
        setError(error, Messages::tr("logging the search failed: %1").arg(q.lastError().text()));
        return false;
    }
    return true;
}

bool SqlEditorialStore::logQueuedOpened(const QString &clientId, const QString &articleId, const QDateTime &openedAt,
                                        QString *error)
{
    if (QUuid::fromString(clientId).isNull() || articleId.isEmpty()) {
        setError(error, Messages::tr("the queued opened article names no search or no article"));
        return false;
    }
    QSqlDatabase database = db();
    QSqlQuery q(database);
    // As logOpened: the first article opened from a search counts. No entry (purged) changes nothing.
    q.prepare(QStringLiteral("UPDATE search_log SET opened_article_id = :article_id, opened_at = :at "
                             "WHERE client_id = %1 AND opened_article_id IS NULL")
                  .arg(clientIdParameter(database)));
    q.bindValue(QStringLiteral(":article_id"), articleId);
    q.bindValue(QStringLiteral(":at"), (openedAt.isValid() ? openedAt.toUTC() : now()).toString(Qt::ISODateWithMs));
    q.bindValue(QStringLiteral(":client_id"), QUuid::fromString(clientId).toString(QUuid::WithoutBraces));
    if (!q.exec()) {
        setError(error, Messages::tr("logging the opened article failed: %1").arg(q.lastError().text()));
        return false;
    }
    return true;
}

GapReport SqlEditorialStore::knowledgeGaps(const QDateTime &since, QString *error) const
{
    GapReport report;
    report.since = since.toUTC();
    // No start: the beginning of time, as a time both backends compare (ISO text in SQLite,
    // TIMESTAMPTZ in PostgreSQL).
    const QString from =
        (since.isValid() ? since.toUTC() : QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC)).toString(Qt::ISODateWithMs);
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
    const bool read =
        forEachRow(q, Messages::tr("reading the search log failed: %1"), error, [&](const QSqlQuery &row) {
            KnowledgeGap g;
            g.query = row.value(0).toString();
            g.searches = row.value(1).toInt();
            g.withoutResults = row.value(2).toInt();
            g.lastSearched = timeFrom(row.value(3));
            g.example = row.value(4).toString();
            report.gaps << g;
        });
    if (!read) {
        return report;
    }
    // The words the catalogue did not know, counted per word (case-insensitive) over the period's searches; the
    // newest search first, so a word is shown as typed there.
    QSqlQuery words(database);
    words.setForwardOnly(true);
    words.prepare(QStringLiteral("SELECT unmatched_words, searched_at FROM search_log WHERE searched_at >= :since "
                                 "AND unmatched_words IS NOT NULL ORDER BY searched_at DESC, id DESC"));
    words.bindValue(QStringLiteral(":since"), from);
    QHash<QString, int> wordIndex;
    const bool readWords =
        forEachRow(words, Messages::tr("reading the search log failed: %1"), error, [&](const QSqlQuery &row) {
            QSet<QString> inThisSearch;
            const QStringList list = row.value(0).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (const QString &word : list) {
                const QString key = word.toCaseFolded();
                if (inThisSearch.contains(key)) {
                    continue;
                }
                inThisSearch.insert(key);
                const auto found = wordIndex.constFind(key);
                if (found == wordIndex.constEnd()) {
                    wordIndex.insert(key, int(report.unknownWords.size()));
                    report.unknownWords << UnknownWord{word, 1, timeFrom(row.value(1))};
                } else {
                    ++report.unknownWords[*found].searches;
                }
            }
        });
    if (!readWords) {
        return report;
    }
    std::stable_sort(report.unknownWords.begin(), report.unknownWords.end(),
                     [](const UnknownWord &a, const UnknownWord &b) {
                         if (a.searches != b.searches) {
                             return a.searches > b.searches;
                         }
                         if (a.lastSearched != b.lastSearched) {
                             return a.lastSearched > b.lastSearched;
                         }
                         return a.word.localeAwareCompare(b.word) < 0;
                     });
    report.openFlags = flags(true, error);
    return report;
}

int SqlEditorialStore::purgeSearchLog(int days, QString *error)
{
    if (days < 1) {
        setError(error, Messages::tr("keep the search log for at least one day (got %1)").arg(days));
        return -1;
    }
    QSqlDatabase database = db();
    const auto transaction = startWrite(database, error);
    if (!transaction) {
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
    if (removed > 0 &&
        !audit(database, QStringLiteral("searchlog.purge"), QString(), 0,
               Messages::tr("%n search(es) older than %1 days removed", nullptr, removed).arg(days), error)) {
        return -1;
    }
    return transaction->commit(error) ? removed : -1;
}

} // namespace kb
