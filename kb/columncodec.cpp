#include "columncodec_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace kb::column {

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::Store)
};

} // namespace

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

Article withStoredQuestions(const Article &incoming, const QHash<QString, QStringList> &stored)
{
    Article a = incoming;
    if (a.questions.isEmpty()) {
        a.questions = stored.value(a.id);
    }
    return a;
}

void bindArticleFields(QSqlQuery &q, const Article &a)
{
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
    q.bindValue(QStringLiteral(":source"), text(a.source));
    q.bindValue(QStringLiteral(":questions"), toJson(a.questions));
}

void bindArticleContent(QSqlQuery &q, const Article &a)
{
    bindArticleFields(q, a);
    q.bindValue(QStringLiteral(":updated_at"), a.updatedAt.toUTC().toString(Qt::ISODateWithMs));
    q.bindValue(QStringLiteral(":version"), a.version);
}

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

void bindOfficeFields(QSqlQuery &q, const Office &o)
{
    q.bindValue(QStringLiteral(":id"), text(o.id));
    q.bindValue(QStringLiteral(":name"), text(o.name));
    q.bindValue(QStringLiteral(":organization"), text(o.organization));
    q.bindValue(QStringLiteral(":street"), text(o.street));
    q.bindValue(QStringLiteral(":postal_code"), text(o.postalCode));
    q.bindValue(QStringLiteral(":city"), text(o.city));
    q.bindValue(QStringLiteral(":phone"), text(o.phone));
    q.bindValue(QStringLiteral(":fax"), text(o.fax));
    q.bindValue(QStringLiteral(":email"), text(o.email));
    q.bindValue(QStringLiteral(":web"), text(o.web));
    q.bindValue(QStringLiteral(":opening_hours"), text(o.openingHours));
    q.bindValue(QStringLiteral(":latitude"), realValue(o.latitude));
    q.bindValue(QStringLiteral(":longitude"), realValue(o.longitude));
    q.bindValue(QStringLiteral(":keywords"), toJson(o.keywords));
    q.bindValue(QStringLiteral(":source"), text(o.source));
}

const QString kArticleRowColumns = QStringLiteral(
    "title, leika_key, summary, description_html, documents, fees_html, processing_time, legal_basis, "
    "online_service_url, url, keywords, category, links, duration_minutes, valid_from, valid_to, last_reviewed, "
    "review_by, updated_at, version, source, questions");

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
    a.updatedAt = timeFrom(q.value(19));
    a.version = q.value(20).toInt();
    a.source = q.value(21).toString();
    a.questions = fromJsonList(q.value(22).toString());
    return a;
}

Office officeFromRow(const QSqlQuery &q)
{
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
    return o;
}

OfficeLink officeLinkFromRow(const QSqlQuery &q, int first)
{
    return OfficeLink{q.value(first).toString(), q.value(first + 1).toInt(), q.value(first + 2).toInt() != 0,
                      q.value(first + 3).toString()};
}

Synonym synonymFromRow(const QSqlQuery &q)
{
    return Synonym{q.value(0).toString(), fromJsonList(q.value(1).toString())};
}

bool normalizeSynonym(const Synonym &synonym, Synonym *normalized, QString *error)
{
    normalized->term = synonym.term.trimmed();
    normalized->expansions.clear();
    for (const QString &e : synonym.expansions) {
        const QString trimmed = e.trimmed();
        if (!trimmed.isEmpty() && !normalized->expansions.contains(trimmed)) {
            normalized->expansions << trimmed;
        }
    }
    QString message;
    if (normalized->term.isEmpty()) {
        message = Messages::tr("a synonym needs a term");
    } else if (normalized->expansions.isEmpty()) {
        message = Messages::tr("synonym \"%1\" needs at least one expansion").arg(normalized->term);
    }
    if (!message.isEmpty() && error) {
        *error = message;
    }
    return message.isEmpty();
}

} // namespace kb::column
