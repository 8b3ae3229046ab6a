#pragma once

// Internal to kb: how the stores (SQLite, PostgreSQL and their shared editorial code) write list, link and
// date columns, one way for all of them.

#include "article.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace kb::column {

// JSON text of the list columns, written by hand: QJsonDocument costs more than the insert itself.
void appendJsonString(QString &out, QStringView s);
QString toJson(const QStringList &list);
QStringList fromJsonList(const QString &text);
QString linksToJson(const QList<Link> &links);
QList<Link> linksFromJson(const QString &text);

// Dates as ISO text (NULL when invalid); read back from text or from a driver's native date.
QVariant dateValue(const QDate &date);
QDate dateFrom(const QVariant &v);

// A time column: ISO 8601 UTC text in SQLite, TIMESTAMPTZ (a QDateTime) from PostgreSQL.
QDateTime timeFrom(const QVariant &v);

// NULL for NaN (an office without coordinates).
QVariant realValue(double d);

// Text for a NOT NULL column: a null QString binds as NULL, so bind "" instead.
QString text(const QString &value);

// Binds an article's content to the placeholders every store's article statements use, :id to :source
// and :questions
// (the bookkeeping columns, such as the content hash and who published, are the caller's), except
// :updated_at and :version, which an import decides itself.
void bindArticleFields(QSqlQuery &q, const Article &a);
// bindArticleFields() and the article's own :updated_at and :version (copying a stored version).
void bindArticleContent(QSqlQuery &q, const Article &a);
// Binds an office to the placeholders :id to :source of every store's office statements (the bookkeeping
// columns :updated_at, :content_hash and the like are the caller's).
void bindOfficeFields(QSqlQuery &q, const Office &o);

// The columns articleFromRow() reads after the id, in this order (articles and article_versions).
extern const QString kArticleRowColumns;
Article articleFromRow(const QSqlQuery &q);

// The article an import stores: `incoming`, with the questions the store has for it (`stored`, by id) when it
// brings none (a city's feed never has the team's example questions).
Article withStoredQuestions(const Article &incoming, const QHash<QString, QStringList> &stored);

// A synonym as the stores keep it: term and expansions trimmed, empty and repeated expansions dropped.
// False (with the reason) without a term or without any expansion.
bool normalizeSynonym(const Synonym &synonym, Synonym *normalized, QString *error);

// An office from the columns id, name, organization, street, postal_code, city, phone, fax, email, web,
// opening_hours, latitude, longitude, keywords, source (in this order).
Office officeFromRow(const QSqlQuery &q);

// An office link from the columns office_id, duration_minutes, bookable, appointment_url, starting at
// column `first` (bookable: INTEGER in SQLite, BOOLEAN in PostgreSQL).
OfficeLink officeLinkFromRow(const QSqlQuery &q, int first);

// A synonym from the columns term, expansions.
Synonym synonymFromRow(const QSqlQuery &q);

} // namespace kb::column
