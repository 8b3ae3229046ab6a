#pragma once

// Internal to kb: the reads every SQL store (SqliteStore, PgStore and their shared editorial code)
// would otherwise write out for each query: run it, make each row a value, or say what failed. The
// messages stay with the callers, in their own translation contexts; these helpers only put the
// driver's text into them.

#include "article.h"

#include <QList>
#include <QSqlQuery>
#include <QString>

#include <optional>
#include <type_traits>

namespace kb::sql {

void setError(QString *error, const QString &message);

// The driver's message for a failed statement, trimmed.
QString errorText(const QSqlQuery &q);

// Runs the prepared and bound query and calls eachRow(q) for every row. On failure false, and in
// *error `failed` with the driver's message as its %1.
template <typename EachRow> bool forEachRow(QSqlQuery &q, const QString &failed, QString *error, EachRow &&eachRow)
{
    if (!q.exec()) {
        setError(error, failed.arg(errorText(q)));
        return false;
    }
    while (q.next()) {
        eachRow(q);
    }
    return true;
}

// The same for a statement that takes no values: q.exec(statement).
template <typename EachRow>
bool forEachRow(QSqlQuery &q, const QString &statement, const QString &failed, QString *error, EachRow &&eachRow)
{
    if (!q.exec(statement)) {
        setError(error, failed.arg(errorText(q)));
        return false;
    }
    while (q.next()) {
        eachRow(q);
    }
    return true;
}

template <typename FromRow> using RowValue = std::decay_t<std::invoke_result_t<FromRow &, const QSqlQuery &>>;

// The rows of the prepared and bound query, each made a value by fromRow(q). On failure an empty
// list, and the message as forEachRow() puts it.
template <typename FromRow>
QList<RowValue<FromRow>> readRows(QSqlQuery &q, const QString &failed, QString *error, FromRow &&fromRow)
{
    QList<RowValue<FromRow>> out;
    forEachRow(q, failed, error, [&](const QSqlQuery &row) { out << fromRow(row); });
    return out;
}

// The same for a statement that takes no values.
template <typename FromRow>
QList<RowValue<FromRow>> readRows(QSqlQuery &q, const QString &statement, const QString &failed, QString *error,
                                  FromRow &&fromRow)
{
    QList<RowValue<FromRow>> out;
    forEachRow(q, statement, failed, error, [&](const QSqlQuery &row) { out << fromRow(row); });
    return out;
}

// The one row a lookup by key finds, if any.
template <typename T> std::optional<T> firstRow(const QList<T> &rows)
{
    return rows.isEmpty() ? std::nullopt : std::optional<T>(rows.first());
}

// The articles of `articles` (id, then column::kArticleRowColumns) with their office links from
// `links` (article_id, office_id, duration_minutes, bookable, appointment_url, in position order),
// both prepared and bound. On failure an empty list, and the message of the query that failed.
QList<Article> readArticles(QSqlQuery &articles, QSqlQuery &links, const QString &articlesFailed,
                            const QString &linksFailed, QString *error);

} // namespace kb::sql
