#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace kb {

// One row of a result or index list: what the desk shows for a service before it is opened.
struct ResultItem
{
    QString id;
    QString title;
    QString office;      // responsible office (first linked office), empty if unknown
    int officeCount = 0; // how many offices handle the service
    QString category;
    QString snippet; // HTML-escaped text with matched words in <mark>…</mark>; may be empty
    double score = 0;
    QString notice;  // short warning agents see beside the title ("due for review"); empty: none

    friend bool operator==(const ResultItem &, const ResultItem &) = default;
};

// List model of search results (and of the A–Z, recent and favourites lists, which reuse it without snippets).
// QtCore only: no icons or colours here, the desk's delegate decorates. Search answers arrive tagged with the
// request id they answer; setResults() refuses an answer older than the one shown, so a slow stale answer
// can never overwrite a newer one.
class SearchResultModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchResultModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        OfficeRole,
        OfficeCountRole,
        CategoryRole,
        SnippetRole,     // HTML with <mark>
        SnippetTextRole, // the snippet as plain text
        ScoreRole,
        NoticeRole,      // ResultItem::notice
    };
    Q_ENUM(Role)

    explicit SearchResultModel(QObject *parent = nullptr);
    ~SearchResultModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Shows `items` as the answer to `requestId` unless a newer request's answer is already shown.
    // Returns whether the items were taken.
    bool setResults(quint64 requestId, const QList<ResultItem> &items);
    // Unconditional replacement, for lists that are not search answers.
    void setItems(const QList<ResultItem> &items);
    void clear();

    quint64 shownRequestId() const;
    const QList<ResultItem> &items() const;
    ResultItem item(int row) const;
    int rowOfId(const QString &id) const;

Q_SIGNALS:
    void resultsShown(quint64 requestId, int count);

private:
    QList<ResultItem> m_items;
    quint64 m_shownRequestId = 0;
};

} // namespace kb
