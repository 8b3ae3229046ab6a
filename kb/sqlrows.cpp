#include "sqlrows_p.h"

#include "columncodec_p.h"

#include <QHash>
#include <QSqlError>

namespace kb::sql {

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

QList<Article> readArticles(QSqlQuery &articles, QSqlQuery &links, const QString &articlesFailed,
                            const QString &linksFailed, QString *error)
{
    QList<Article> result;
    QHash<QString, qsizetype> index;
    const bool read = forEachRow(articles, articlesFailed, error, [&](const QSqlQuery &row) {
        const Article a = column::articleFromRow(row);
        index.insert(a.id, result.size());
        result << a;
    });
    if (!read) {
        return {};
    }
    const bool linked = forEachRow(links, linksFailed, error, [&](const QSqlQuery &row) {
        const auto it = index.constFind(row.value(0).toString());
        if (it != index.constEnd()) {
            result[*it].offices << column::officeLinkFromRow(row, 1);
        }
    });
    return linked ? result : QList<Article>();
}

} // namespace kb::sql
