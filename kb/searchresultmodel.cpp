#include "searchresultmodel.h"

#include "htmlsanitizer.h"

namespace kb {

SearchResultModel::SearchResultModel(QObject *parent) : QAbstractListModel(parent) {}

SearchResultModel::~SearchResultModel() = default;

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    // A flat list: valid parents have no children.
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ResultItem &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return item.title;
    case Qt::ToolTipRole:
        return item.office.isEmpty() ? item.title : item.title + QLatin1Char('\n') + item.office;
    case Qt::AccessibleTextRole: {
        QString text = item.title;
        if (!item.office.isEmpty()) {
            text += QLatin1String(", ") + item.office;
        }
        if (!item.notice.isEmpty()) {
            text += QLatin1String(", ") + item.notice;
        }
        return text;
    }
    case Qt::AccessibleDescriptionRole:
        return HtmlSanitizer::toPlainText(item.snippet);
    case IdRole:
        return item.id;
    case OfficeRole:
        return item.office;
    case OfficeCountRole:
        return item.officeCount;
    case CategoryRole:
        return item.category;
    case SnippetRole:
        return item.snippet;
    case SnippetTextRole:
        return HtmlSanitizer::toPlainText(item.snippet);
    case ScoreRole:
        return item.score;
    case NoticeRole:
        return item.notice;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(TitleRole, "title");
    names.insert(OfficeRole, "office");
    names.insert(OfficeCountRole, "officeCount");
    names.insert(CategoryRole, "category");
    names.insert(SnippetRole, "snippet");
    names.insert(NoticeRole, "notice");
    names.insert(SnippetTextRole, "snippetText");
    names.insert(ScoreRole, "score");
    return names;
}

bool SearchResultModel::setResults(quint64 requestId, const QList<ResultItem> &items)
{
    if (requestId < m_shownRequestId) {
        return false;
    }
    m_shownRequestId = requestId;
    beginResetModel();
    m_items = items;
    endResetModel();
    Q_EMIT resultsShown(requestId, int(m_items.size()));
    return true;
}

void SearchResultModel::setItems(const QList<ResultItem> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

void SearchResultModel::clear()
{
    if (m_items.isEmpty()) {
        return;
    }
    beginResetModel();
    m_items.clear();
    endResetModel();
}

quint64 SearchResultModel::shownRequestId() const
{
    return m_shownRequestId;
}

const QList<ResultItem> &SearchResultModel::items() const
{
    return m_items;
}

ResultItem SearchResultModel::item(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items.at(row) : ResultItem{};
}

int SearchResultModel::rowOfId(const QString &id) const
{
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).id == id) {
            return int(i);
        }
    }
    return -1;
}

} // namespace kb
