#include "jsonlformat.h"

#include "textutil.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace kb {

namespace {

// The translation context of this file's user-visible messages (lupdate reads the macro).
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::Jsonl)
};

void putString(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty()) {
        o.insert(QLatin1String(key), value);
    }
}

void putList(QJsonObject &o, const char *key, const QStringList &value)
{
    if (!value.isEmpty()) {
        o.insert(QLatin1String(key), QJsonArray::fromStringList(value));
    }
}

void putDate(QJsonObject &o, const char *key, const QDate &value)
{
    if (value.isValid()) {
        o.insert(QLatin1String(key), value.toString(Qt::ISODate));
    }
}

// Reads the fields of one JSON object, remembering the first problem. Every accessor names the
// field in the message, so the caller only adds "<file>:<line>: ".
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject &object) : m_object(object) {}

    bool ok() const
    {
        return m_error.isEmpty();
    }
    QString error() const
    {
        return m_error;
    }

    QString string(const char *key, bool required = false)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required) {
                fail(key, Messages::tr("missing (required)"));
            }
            return {};
        }
        if (!v.isString()) {
            fail(key, Messages::tr("expected a string, got %1").arg(typeName(v)));
            return {};
        }
        const QString s = v.toString();
        if (required && s.trimmed().isEmpty()) {
            fail(key, Messages::tr("must not be empty"));
        }
        return s;
    }

    QStringList stringList(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            return {};
        }
        if (!v.isArray()) {
            fail(key, Messages::tr("expected an array of strings, got %1").arg(typeName(v)));
            return {};
        }
        QStringList out;
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString()) {
                fail(key, Messages::tr("element %1: expected a string, got %2").arg(i).arg(typeName(array.at(i))));
                return {};
            }
            out << array.at(i).toString();
        }
        return out;
    }

    int integer(const char *key, int min = 0)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            return 0;
        }
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || d != std::floor(d) || d < min || d > 1e9) {
            fail(key, Messages::tr("expected a whole number ≥ %1, got %2").arg(min).arg(describe(v)));
            return 0;
        }
        return int(d);
    }

    double real(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            return std::numeric_limits<double>::quiet_NaN();
        }
        if (!v.isDouble()) {
            fail(key, Messages::tr("expected a number, got %1").arg(typeName(v)));
            return std::numeric_limits<double>::quiet_NaN();
        }
        return v.toDouble();
    }

    bool boolean(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            return false;
        }
        if (!v.isBool()) {
            fail(key, Messages::tr("expected true or false, got %1").arg(typeName(v)));
            return false;
        }
        return v.toBool();
    }

    QDate date(const char *key)
    {
        const QString s = string(key);
        if (s.isEmpty()) {
            return {};
        }
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!d.isValid() || s.size() != 10) {
            fail(key, Messages::tr("expected a date as YYYY-MM-DD, got \"%1\"").arg(s));
            return {};
        }
        return d;
    }

    QDateTime dateTime(const char *key)
    {
        const QString s = string(key);
        if (s.isEmpty()) {
            return {};
        }
        QDateTime d = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!d.isValid()) {
            fail(key, Messages::tr("expected an ISO 8601 date and time, got \"%1\"").arg(s));
            return {};
        }
        return d.toUTC();
    }

    QJsonArray objectArray(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            return {};
        }
        if (!v.isArray()) {
            fail(key, Messages::tr("expected an array of objects, got %1").arg(typeName(v)));
            return {};
        }
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject()) {
                fail(key, Messages::tr("element %1: expected an object, got %2").arg(i).arg(typeName(array.at(i))));
                return {};
            }
        }
        return array;
    }

    // Reports the first key that is not among `known` (typos must not vanish silently).
    void rejectUnknown(const QSet<QString> &known)
    {
        if (!ok()) {
            return;
        }
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!known.contains(it.key())) {
                m_error = Messages::tr("unknown field \"%1\"").arg(it.key());
                return;
            }
        }
    }

    void fail(const char *key, const QString &what)
    {
        if (m_error.isEmpty()) {
            m_error = Messages::tr("field \"%1\": %2").arg(QLatin1String(key), what);
        }
    }

    void failNested(const char *key, qsizetype index, const QString &inner)
    {
        if (m_error.isEmpty()) {
            m_error = Messages::tr("field \"%1\", element %2: %3").arg(QLatin1String(key)).arg(index).arg(inner);
        }
    }

    static QString typeName(const QJsonValue &v)
    {
        switch (v.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return QStringLiteral("a boolean");
        case QJsonValue::Double:
            return QStringLiteral("a number");
        case QJsonValue::String:
            return QStringLiteral("a string");
        case QJsonValue::Array:
            return QStringLiteral("an array");
        case QJsonValue::Object:
            return QStringLiteral("an object");
        case QJsonValue::Undefined:
            break;
        }
        return QStringLiteral("nothing");
    }

    static QString describe(const QJsonValue &v)
    {
        if (v.isDouble()) {
            return QString::number(v.toDouble());
        }
        if (v.isString()) {
            return QStringLiteral("\"%1\"").arg(v.toString());
        }
        return typeName(v);
    }

private:
    const QJsonObject &m_object;
    QString m_error;
};

const QSet<QString> &articleKeys()
{
    static const QSet<QString> keys = {
        QStringLiteral("type"),          QStringLiteral("id"),
        QStringLiteral("title"),         QStringLiteral("body"),
        QStringLiteral("keywords"),      QStringLiteral("questions"),
        QStringLiteral("summary"),       QStringLiteral("documents"),
        QStringLiteral("fees"),          QStringLiteral("processing_time"),
        QStringLiteral("legal_basis"),   QStringLiteral("online_service_url"),
        QStringLiteral("url"),           QStringLiteral("category"),
        QStringLiteral("leika"),         QStringLiteral("links"),
        QStringLiteral("offices"),       QStringLiteral("duration_minutes"),
        QStringLiteral("valid_from"),    QStringLiteral("valid_to"),
        QStringLiteral("last_reviewed"), QStringLiteral("review_by"),
        QStringLiteral("source"),        QStringLiteral("version"),
        QStringLiteral("updated_at"),
    };
    return keys;
}

const QSet<QString> &officeKeys()
{
    static const QSet<QString> keys = {
        QStringLiteral("type"),         QStringLiteral("id"),        QStringLiteral("name"),
        QStringLiteral("organization"), QStringLiteral("street"),    QStringLiteral("postal_code"),
        QStringLiteral("city"),         QStringLiteral("phone"),     QStringLiteral("fax"),
        QStringLiteral("email"),        QStringLiteral("web"),       QStringLiteral("opening_hours"),
        QStringLiteral("latitude"),     QStringLiteral("longitude"), QStringLiteral("keywords"),
        QStringLiteral("source"),
    };
    return keys;
}

bool parseArticle(const QJsonObject &o, Article *a, QString *error)
{
    FieldReader r(o);
    a->id = r.string("id", true).trimmed();
    a->title = r.string("title", true).trimmed();
    const QString body = r.string("body");
    a->descriptionHtml = (!looksLikeHtml(body) && body.contains(QLatin1Char('\n'))) ? plainTextToHtml(body) : body;
    a->keywords = r.stringList("keywords");
    // One question each: surrounding spaces carry nothing, an empty entry would only count as "brings
    // questions" on import (kb::UpsertOptions::keepStoredQuestions).
    for (const QString &question : r.stringList("questions")) {
        if (!question.trimmed().isEmpty()) {
            a->questions << question.trimmed();
        }
    }
    a->summary = r.string("summary");
    a->documents = r.stringList("documents");
    a->feesHtml = r.string("fees");
    a->processingTime = r.string("processing_time");
    a->legalBasis = r.string("legal_basis");
    a->onlineServiceUrl = r.string("online_service_url");
    a->url = r.string("url");
    a->category = r.string("category");
    a->leikaKey = r.string("leika").trimmed();
    static const QRegularExpression leika(QStringLiteral("^[0-9]{14}$"));
    if (r.ok() && !a->leikaKey.isEmpty() && !leika.match(a->leikaKey).hasMatch()) {
        r.fail("leika", Messages::tr("expected a 14-digit LeiKa key, got \"%1\"").arg(a->leikaKey));
    }
    const QJsonArray links = r.objectArray("links");
    for (qsizetype i = 0; i < links.size() && r.ok(); ++i) {
        const QJsonObject lo = links.at(i).toObject();
        FieldReader lr(lo);
        Link link;
        link.title = lr.string("title", true);
        link.url = lr.string("url", true);
        link.description = lr.string("description");
        lr.rejectUnknown({QStringLiteral("title"), QStringLiteral("url"), QStringLiteral("description")});
        if (!lr.ok()) {
            r.failNested("links", i, lr.error());
        }
        a->links << link;
    }
    const QJsonArray offices = r.objectArray("offices");
    for (qsizetype i = 0; i < offices.size() && r.ok(); ++i) {
        const QJsonObject oo = offices.at(i).toObject();
        FieldReader orr(oo);
        OfficeLink link;
        link.officeId = orr.string("office_id", true).trimmed();
        link.durationMinutes = orr.integer("duration_minutes");
        link.bookable = orr.boolean("bookable");
        link.appointmentUrl = orr.string("appointment_url");
        orr.rejectUnknown({QStringLiteral("office_id"), QStringLiteral("duration_minutes"), QStringLiteral("bookable"),
                           QStringLiteral("appointment_url")});
        if (!orr.ok()) {
            r.failNested("offices", i, orr.error());
        }
        for (const OfficeLink &known : std::as_const(a->offices)) {
            if (r.ok() && known.officeId == link.officeId) {
                r.failNested("offices", i, Messages::tr("office \"%1\" is listed twice").arg(link.officeId));
            }
        }
        a->offices << link;
    }
    a->durationMinutes = r.integer("duration_minutes");
    a->validFrom = r.date("valid_from");
    a->validTo = r.date("valid_to");
    a->lastReviewed = r.date("last_reviewed");
    a->reviewBy = r.date("review_by");
    a->source = r.string("source");
    if (o.contains(QLatin1String("version"))) {
        a->version = r.integer("version", 1);
    }
    a->updatedAt = r.dateTime("updated_at");
    r.rejectUnknown(articleKeys());
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    return true;
}

bool parseOffice(const QJsonObject &o, Office *office, QString *error)
{
    FieldReader r(o);
    office->id = r.string("id", true).trimmed();
    office->name = r.string("name", true).trimmed();
    office->organization = r.string("organization");
    office->street = r.string("street");
    office->postalCode = r.string("postal_code");
    office->city = r.string("city");
    office->phone = r.string("phone");
    office->fax = r.string("fax");
    office->email = r.string("email");
    office->web = r.string("web");
    office->openingHours = r.string("opening_hours");
    office->latitude = r.real("latitude");
    office->longitude = r.real("longitude");
    if (r.ok() && !std::isnan(office->latitude) && std::abs(office->latitude) > 90) {
        r.fail("latitude", Messages::tr("must be between -90 and 90"));
    }
    if (r.ok() && !std::isnan(office->longitude) && std::abs(office->longitude) > 180) {
        r.fail("longitude", Messages::tr("must be between -180 and 180"));
    }
    office->keywords = r.stringList("keywords");
    office->source = r.string("source");
    r.rejectUnknown(officeKeys());
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    return true;
}

// Splits the device into lines, checking UTF-8 per line so errors can name the line.
bool readLines(QIODevice *device, const QString &name, QList<QByteArray> *lines, QString *error)
{
    if (!device || !device->isReadable()) {
        *error = Messages::tr("%1: cannot read").arg(name);
        return false;
    }
    const QByteArray all = device->readAll();
    *lines = all.split('\n');
    for (qsizetype i = 0; i < lines->size(); ++i) {
        QByteArray &line = (*lines)[i];
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        qsizetype bad = 0;
        if (!isValidUtf8(line, &bad)) {
            *error = Messages::tr("%1:%2: invalid UTF-8 (byte 0x%3 at column %4)")
                         .arg(name)
                         .arg(i + 1)
                         .arg(uchar(line.at(bad)), 2, 16, QLatin1Char('0'))
                         .arg(bad + 1);
            return false;
        }
    }
    if (!lines->isEmpty() && lines->first().startsWith("\xEF\xBB\xBF")) {
        (*lines)[0].remove(0, 3);
    }
    return true;
}

} // namespace

QJsonObject articleToJson(const Article &a, bool withStoreFields)
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), QStringLiteral("article"));
    o.insert(QStringLiteral("id"), a.id);
    o.insert(QStringLiteral("title"), a.title);
    putString(o, "body", a.descriptionHtml);
    putList(o, "keywords", a.keywords);
    putList(o, "questions", a.questions);
    putString(o, "summary", a.summary);
    putList(o, "documents", a.documents);
    putString(o, "fees", a.feesHtml);
    putString(o, "processing_time", a.processingTime);
    putString(o, "legal_basis", a.legalBasis);
    putString(o, "online_service_url", a.onlineServiceUrl);
    putString(o, "url", a.url);
    putString(o, "category", a.category);
    putString(o, "leika", a.leikaKey);
    if (!a.links.isEmpty()) {
        QJsonArray links;
        for (const Link &l : a.links) {
            QJsonObject lo{{QStringLiteral("title"), l.title}, {QStringLiteral("url"), l.url}};
            putString(lo, "description", l.description);
            links.append(lo);
        }
        o.insert(QStringLiteral("links"), links);
    }
    if (!a.offices.isEmpty()) {
        QJsonArray offices;
        for (const OfficeLink &l : a.offices) {
            QJsonObject lo{{QStringLiteral("office_id"), l.officeId}, {QStringLiteral("bookable"), l.bookable}};
            if (l.durationMinutes > 0) {
                lo.insert(QStringLiteral("duration_minutes"), l.durationMinutes);
            }
            putString(lo, "appointment_url", l.appointmentUrl);
            offices.append(lo);
        }
        o.insert(QStringLiteral("offices"), offices);
    }
    if (a.durationMinutes > 0) {
        o.insert(QStringLiteral("duration_minutes"), a.durationMinutes);
    }
    putDate(o, "valid_from", a.validFrom);
    putDate(o, "valid_to", a.validTo);
    putDate(o, "last_reviewed", a.lastReviewed);
    putDate(o, "review_by", a.reviewBy);
    putString(o, "source", a.source);
    if (withStoreFields) {
        o.insert(QStringLiteral("version"), a.version);
        if (a.updatedAt.isValid()) {
            o.insert(QStringLiteral("updated_at"), a.updatedAt.toUTC().toString(Qt::ISODateWithMs));
        }
    }
    return o;
}

QJsonObject officeToJson(const Office &office)
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), QStringLiteral("office"));
    o.insert(QStringLiteral("id"), office.id);
    o.insert(QStringLiteral("name"), office.name);
    putString(o, "organization", office.organization);
    putString(o, "street", office.street);
    putString(o, "postal_code", office.postalCode);
    putString(o, "city", office.city);
    putString(o, "phone", office.phone);
    putString(o, "fax", office.fax);
    putString(o, "email", office.email);
    putString(o, "web", office.web);
    putString(o, "opening_hours", office.openingHours);
    if (!std::isnan(office.latitude) && !std::isnan(office.longitude)) {
        o.insert(QStringLiteral("latitude"), office.latitude);
        o.insert(QStringLiteral("longitude"), office.longitude);
    }
    putList(o, "keywords", office.keywords);
    putString(o, "source", office.source);
    return o;
}

bool readJsonl(QIODevice *device, const QString &name, Catalogue *catalogue, QString *error)
{
    QString dummy;
    QString &err = error ? *error : dummy;
    QList<QByteArray> lines;
    if (!readLines(device, name, &lines, &err)) {
        return false;
    }
    Catalogue result;
    QHash<QString, qsizetype> articleLines;
    QHash<QString, qsizetype> officeLines;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype lineNo = i + 1;
        if (line.trimmed().isEmpty()) {
            continue;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            err = Messages::tr("%1:%2: not valid JSON (%3 at column %4)")
                      .arg(name)
                      .arg(lineNo)
                      .arg(parseError.errorString())
                      .arg(parseError.offset + 1);
            return false;
        }
        if (!doc.isObject()) {
            err = Messages::tr("%1:%2: expected one JSON object on the line").arg(name).arg(lineNo);
            return false;
        }
        const QJsonObject o = doc.object();
        const QJsonValue type = o.value(QLatin1String("type"));
        if (!type.isUndefined() && !type.isString()) {
            err = Messages::tr("%1:%2: field \"type\": expected \"article\" or \"office\"").arg(name).arg(lineNo);
            return false;
        }
        const QString typeName = type.toString(QStringLiteral("article"));
        QString what;
        if (typeName == QLatin1String("office")) {
            Office office;
            if (!parseOffice(o, &office, &what)) {
                err = Messages::tr("%1:%2: office: %3").arg(name).arg(lineNo).arg(what);
                return false;
            }
            if (const auto first = officeLines.constFind(office.id); first != officeLines.constEnd()) {
                err = Messages::tr("%1:%2: field \"id\": duplicate office id \"%3\" (first on line %4)")
                          .arg(name)
                          .arg(lineNo)
                          .arg(office.id)
                          .arg(*first);
                return false;
            }
            officeLines.insert(office.id, lineNo);
            result.offices << office;
        } else if (typeName == QLatin1String("article")) {
            Article article;
            if (!parseArticle(o, &article, &what)) {
                err = Messages::tr("%1:%2: %3").arg(name).arg(lineNo).arg(what);
                return false;
            }
            if (const auto first = articleLines.constFind(article.id); first != articleLines.constEnd()) {
                err = Messages::tr("%1:%2: field \"id\": duplicate article id \"%3\" (first on line %4)")
                          .arg(name)
                          .arg(lineNo)
                          .arg(article.id)
                          .arg(*first);
                return false;
            }
            articleLines.insert(article.id, lineNo);
            result.articles << article;
        } else {
            err = Messages::tr("%1:%2: field \"type\": expected \"article\" or \"office\", got \"%3\"")
                      .arg(name)
                      .arg(lineNo)
                      .arg(typeName);
            return false;
        }
    }
    *catalogue = std::move(result);
    return true;
}

bool readJsonlFile(const QString &path, Catalogue *catalogue, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = Messages::tr("%1: cannot open: %2").arg(path, file.errorString());
        }
        return false;
    }
    return readJsonl(&file, path, catalogue, error);
}

namespace {

bool writeLine(QIODevice *device, const QJsonObject &o, QString *error)
{
    QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    line += '\n';
    if (device->write(line) != line.size()) {
        if (error) {
            *error = Messages::tr("cannot write: %1").arg(device->errorString());
        }
        return false;
    }
    return true;
}

} // namespace

bool writeJsonl(const Catalogue &catalogue, QIODevice *device, QString *error, bool withStoreFields)
{
    if (!device || !device->isWritable()) {
        if (error) {
            *error = Messages::tr("cannot write: output is not open for writing");
        }
        return false;
    }
    for (const Office &office : catalogue.offices) {
        if (!writeLine(device, officeToJson(office), error)) {
            return false;
        }
    }
    for (const Article &article : catalogue.articles) {
        if (!writeLine(device, articleToJson(article, withStoreFields), error)) {
            return false;
        }
    }
    return true;
}

namespace {

// Reads a file of one JSON object a line, blank lines skipped. `read` takes each object's fields through its
// FieldReader (failing it on bad ones) and returns the record's key; a key seen before is an error naming
// `keyField` and both lines (keys compared case-insensitively with `foldKeys`).
template <typename Read>
bool readObjectLines(QIODevice *device, const QString &name, const char *keyField, bool foldKeys, QString *error,
                     Read read)
{
    QString dummy;
    QString &err = error ? *error : dummy;
    QList<QByteArray> lines;
    if (!readLines(device, name, &lines, &err)) {
        return false;
    }
    QHash<QString, qsizetype> lineOf;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().isEmpty()) {
            continue;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(lines.at(i), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            err = Messages::tr("%1:%2: not a JSON object (%3)").arg(name).arg(i + 1).arg(parseError.errorString());
            return false;
        }
        const QJsonObject o = doc.object();
        FieldReader r(o);
        const QString key = read(r);
        if (!r.ok()) {
            err = Messages::tr("%1:%2: %3").arg(name).arg(i + 1).arg(r.error());
            return false;
        }
        const QString folded = foldKeys ? key.toCaseFolded() : key;
        if (lineOf.contains(folded)) {
            err = Messages::tr("%1:%2: field \"%3\": duplicate %3 \"%4\" (first on line %5)")
                      .arg(name)
                      .arg(i + 1)
                      .arg(QLatin1String(keyField), key)
                      .arg(lineOf.value(folded));
            return false;
        }
        lineOf.insert(folded, i + 1);
    }
    return true;
}

} // namespace

bool readSynonymsJsonl(QIODevice *device, const QString &name, QList<Synonym> *synonyms, QString *error)
{
    QList<Synonym> result;
    const bool ok = readObjectLines(device, name, "term", true, error, [&result](FieldReader &r) {
        Synonym s;
        s.term = r.string("term", true).trimmed();
        s.expansions = r.stringList("expansions");
        if (r.ok() && s.expansions.isEmpty()) {
            r.fail("expansions", Messages::tr("needs at least one expansion"));
        }
        r.rejectUnknown({QStringLiteral("term"), QStringLiteral("expansions")});
        result << s;
        return s.term;
    });
    if (ok) {
        *synonyms = std::move(result);
    }
    return ok;
}

bool readQuestionsJsonl(QIODevice *device, const QString &name, QHash<QString, QStringList> *questions, QString *error)
{
    QHash<QString, QStringList> result;
    const bool ok = readObjectLines(device, name, "id", false, error, [&result](FieldReader &r) {
        const QString id = r.string("id", true).trimmed();
        QStringList list = r.stringList("questions");
        for (QString &q : list) {
            q = q.simplified();
        }
        r.rejectUnknown({QStringLiteral("id"), QStringLiteral("questions")});
        if (r.ok() && (list.isEmpty() || list.contains(QString()))) {
            r.fail("questions", Messages::tr("needs at least one question, and no empty one"));
        }
        if (!result.contains(id)) { // a repeated id is the caller's error, the first stays
            result.insert(id, list);
        }
        return id;
    });
    if (ok) {
        *questions = std::move(result);
    }
    return ok;
}

bool writeSynonymsJsonl(const QList<Synonym> &synonyms, QIODevice *device, QString *error)
{
    for (const Synonym &s : synonyms) {
        const QJsonObject o{{QStringLiteral("term"), s.term},
                            {QStringLiteral("expansions"), QJsonArray::fromStringList(s.expansions)}};
        if (!writeLine(device, o, error)) {
            return false;
        }
    }
    return true;
}

} // namespace kb
