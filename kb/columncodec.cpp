#include "columncodec_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace kb::column {

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

void bindArticleContent(QSqlQuery &q, const Article &a)
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
    q.bindValue(QStringLiteral(":updated_at"), a.updatedAt.toUTC().toString(Qt::ISODateWithMs));
    q.bindValue(QStringLiteral(":version"), a.version);
    q.bindValue(QStringLiteral(":source"), text(a.source));
}

} // namespace kb::column
