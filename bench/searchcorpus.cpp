#include "searchcorpus.h"

#include "dldbimporter.h"
#include "textutil.h"

#include <sqlite3.h>

#include <QRandomGenerator>
#include <QRegularExpression>

#include <cstdio>

namespace bench {

kb::Catalogue loadMunichCatalogue()
{
    const QString dir = QStringLiteral(HOTLINE_SHARED_DATA_DIR);
    kb::Catalogue catalogue;
    kb::DldbReadReport report;
    QString error;
    if (!kb::readDldbFiles({dir + QStringLiteral("/munich_dldb_services_de.json"),
                            dir + QStringLiteral("/munich_dldb_locations_de.json")},
                           &catalogue, &report, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return {};
    }
    return catalogue;
}

QList<kb::Article> syntheticCorpus(const QList<kb::Article> &real, int count, quint32 seed)
{
    QList<kb::Article> out = real;
    if (real.isEmpty()) {
        return out;
    }
    QRandomGenerator rng(seed);
    QStringList titleWords;
    QStringList keywords;
    QStringList sentences;
    static const QRegularExpression sentenceEnd(QStringLiteral("(?<=[.!?])\\s+"));
    for (const kb::Article &a : real) {
        for (const QString &w : a.title.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            titleWords << w;
        }
        keywords << a.keywords;
        for (const QString &s : kb::htmlToPlainText(a.descriptionHtml).split(sentenceEnd, Qt::SkipEmptyParts)) {
            sentences << s;
        }
    }
    out.reserve(count);
    for (int i = int(real.size()); i < count; ++i) {
        kb::Article a;
        a.id = QStringLiteral("syn-%1").arg(i);
        QStringList title;
        for (int w = 0, n = 1 + int(rng.bounded(4)); w < n; ++w) {
            title << titleWords.at(rng.bounded(qsizetype(titleWords.size())));
        }
        a.title = title.join(QLatin1Char(' '));
        for (int k = 0, n = int(rng.bounded(4)); k < n && !keywords.isEmpty(); ++k) {
            a.keywords << keywords.at(rng.bounded(qsizetype(keywords.size())));
        }
        QString body;
        for (int s = 0, n = 3 + int(rng.bounded(8)); s < n; ++s) {
            body += QStringLiteral("<p>") + sentences.at(rng.bounded(qsizetype(sentences.size()))).toHtmlEscaped() +
                    QStringLiteral("</p>");
        }
        a.descriptionHtml = body;
        // The example questions of one real article: callers' questions come as a set about one service.
        a.questions = real.at(rng.bounded(real.size())).questions;
        out << a;
    }
    return out;
}

Fts5Baseline::Fts5Baseline(const QList<kb::Article> &articles, const QString &path)
{
    sqlite3_open(path.isEmpty() ? ":memory:" : path.toUtf8().constData(), &m_db);
    sqlite3_exec(m_db, "CREATE VIRTUAL TABLE fts USING fts5(title, keywords, body, tokenize='unicode61')", nullptr,
                 nullptr, nullptr);
    sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(m_db, "INSERT INTO fts(rowid, title, keywords, body) VALUES (?, ?, ?, ?)", -1, &insert, nullptr);
    for (qsizetype i = 0; i < articles.size(); ++i) {
        const kb::Article &a = articles[i];
        const QByteArray title = a.title.toUtf8();
        const QByteArray keywords = a.keywords.join(QStringLiteral(", ")).toUtf8();
        const QByteArray body =
            (kb::htmlToPlainText(a.descriptionHtml) + QLatin1Char(' ') + kb::htmlToPlainText(a.feesHtml) +
             QLatin1Char(' ') + a.questions.join(QLatin1Char(' ')))
                .toUtf8();
        sqlite3_bind_int64(insert, 1, i);
        sqlite3_bind_text(insert, 2, title.constData(), int(title.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 3, keywords.constData(), int(keywords.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 4, body.constData(), int(body.size()), SQLITE_TRANSIENT);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        m_ids << a.id;
    }
    sqlite3_finalize(insert);
    sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
}

Fts5Baseline::~Fts5Baseline()
{
    sqlite3_close(m_db);
}

QStringList Fts5Baseline::search(const QString &query, int limit) const
{
    // Each word quoted, joined with OR: the usual way to let FTS5 answer a free-text question.
    static const QRegularExpression words(QStringLiteral("[\\p{L}\\p{N}]+"));
    QStringList terms;
    for (auto it = words.globalMatch(query); it.hasNext();) {
        terms << QLatin1Char('"') + it.next().captured() + QLatin1Char('"');
    }
    QStringList ids;
    if (terms.isEmpty()) {
        return ids;
    }
    const QByteArray match = terms.join(QStringLiteral(" OR ")).toUtf8();
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(m_db, "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 3.0, 2.0, 1.0) LIMIT ?", -1,
                       &stmt, nullptr);
    sqlite3_bind_text(stmt, 1, match.constData(), int(match.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int(stmt, 2, limit);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        ids << m_ids.at(qsizetype(sqlite3_column_int64(stmt, 0)));
    }
    sqlite3_finalize(stmt);
    return ids;
}

} // namespace bench
