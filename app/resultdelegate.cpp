#include "resultdelegate.h"

#include "searchresultmodel.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace desk {

namespace {
constexpr int Padding = 6;
constexpr int SnippetLines = 2;

// The engine's snippet is HTML-escaped text whose only markup is <mark>…</mark>: returns the plain text and the
// marked ranges.
QString parseSnippet(const QString &html, QList<QTextLayout::FormatRange> *marks)
{
    QString text;
    text.reserve(html.size());
    int markStart = -1;
    for (qsizetype i = 0; i < html.size();) {
        const QStringView rest = QStringView(html).mid(i);
        if (rest.startsWith(QLatin1String("<mark>"))) {
            markStart = int(text.size());
            i += 6;
        } else if (rest.startsWith(QLatin1String("</mark>"))) {
            if (markStart >= 0) {
                marks->append({markStart, int(text.size()) - markStart, {}});
            }
            markStart = -1;
            i += 7;
        } else if (html.at(i) == QLatin1Char('&')) {
            static const std::pair<QLatin1String, QChar> entities[] = {
                {QLatin1String("&amp;"), QLatin1Char('&')},  {QLatin1String("&lt;"), QLatin1Char('<')},
                {QLatin1String("&gt;"), QLatin1Char('>')},   {QLatin1String("&quot;"), QLatin1Char('"')},
                {QLatin1String("&#39;"), QLatin1Char('\'')}, {QLatin1String("&#x27;"), QLatin1Char('\'')},
            };
            bool decoded = false;
            for (const auto &[entity, c] : entities) {
                if (rest.startsWith(entity)) {
                    text += c;
                    i += entity.size();
                    decoded = true;
                    break;
                }
            }
            if (!decoded) {
                text += html.at(i++);
            }
        } else {
            text += html.at(i++);
        }
    }
    return text;
}

QFont titleFont(const QFont &base)
{
    QFont f = base;
    f.setBold(true);
    return f;
}

QFont secondaryFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.9 : base.pointSizeF());
    return f;
}
} // namespace

ResultDelegate::ResultDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

ResultDelegate::~ResultDelegate() = default;

QSize ResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics title(titleFont(option.font));
    const QFontMetrics secondary(secondaryFont(option.font));
    int height = 2 * Padding + title.height() + secondary.height();
    if (!index.data(kb::SearchResultModel::SnippetRole).toString().isEmpty()) {
        height += SnippetLines * secondary.lineSpacing() + 2;
    }
    return {1, height}; // as wide as the view: text is elided to fit
}

void ResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // Background, selection and focus frame from the style: keeps the platform look and visible focus.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(option.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (option.state & QStyle::State_Active) ? QPalette::Active
                                                                               : QPalette::Inactive;
    const QColor textColour = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondaryColour = textColour;
    secondaryColour.setAlphaF(0.72);

    const QRect r = option.rect.adjusted(Padding + 2, Padding, -Padding, -Padding);
    painter->save();
    painter->setClipRect(option.rect);

    const QFont tf = titleFont(option.font);
    const QFontMetrics tfm(tf);
    painter->setFont(tf);
    painter->setPen(textColour);
    const QString title = index.data(kb::SearchResultModel::TitleRole).toString();
    painter->drawText(QRect(r.left(), r.top(), r.width(), tfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      tfm.elidedText(title, Qt::ElideRight, r.width()));
    int y = r.top() + tfm.height();

    const QFont sf = secondaryFont(option.font);
    const QFontMetrics sfm(sf);
    QString office = index.data(kb::SearchResultModel::OfficeRole).toString();
    const int officeCount = index.data(kb::SearchResultModel::OfficeCountRole).toInt();
    if (officeCount > 1 && !office.isEmpty()) {
        office = tr("%1 (+%n more)", nullptr, officeCount - 1).arg(office);
    }
    const QString category = index.data(kb::SearchResultModel::CategoryRole).toString();
    QString secondLine = office;
    if (!category.isEmpty()) {
        secondLine = secondLine.isEmpty() ? category : category + QStringLiteral(" · ") + secondLine;
    }
    const QString notice = index.data(kb::SearchResultModel::NoticeRole).toString();
    if (!notice.isEmpty()) { // review due or validity changing: the agent double-checks before answering
        secondLine = secondLine.isEmpty() ? QStringLiteral("⚠ ") + notice
                                          : QStringLiteral("⚠ %1 · %2").arg(notice, secondLine);
    }
    painter->setFont(sf);
    painter->setPen(secondaryColour);
    painter->drawText(QRect(r.left(), y, r.width(), sfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      sfm.elidedText(secondLine, Qt::ElideRight, r.width()));
    y += sfm.height() + 2;

    const QString snippet = index.data(kb::SearchResultModel::SnippetRole).toString();
    if (!snippet.isEmpty()) {
        // A QTextLayout with format ranges for the marks: a fraction of the cost of a QTextDocument parsing HTML
        // for every row on every repaint.
        QList<QTextLayout::FormatRange> marks;
        const QString text = parseSnippet(snippet, &marks);
        QTextCharFormat markFormat;
        markFormat.setBackground(option.palette.color(group, selected ? QPalette::Base : QPalette::Highlight));
        markFormat.setForeground(option.palette.color(group, selected ? QPalette::Text : QPalette::HighlightedText));
        for (QTextLayout::FormatRange &range : marks) {
            range.format = markFormat;
        }
        QTextLayout layout(text, sf, painter->device());
        QTextOption textOption;
        textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(textOption);
        layout.setFormats(marks);
        layout.beginLayout();
        qreal lineY = 0;
        for (int i = 0; i < SnippetLines; ++i) {
            QTextLine line = layout.createLine();
            if (!line.isValid()) {
                break;
            }
            line.setLineWidth(r.width());
            line.setPosition(QPointF(0, lineY));
            lineY += line.height();
        }
        layout.endLayout();
        painter->setPen(secondaryColour);
        painter->setClipRect(QRect(r.left(), y, r.width(), SnippetLines * sfm.lineSpacing() + 2), Qt::IntersectClip);
        layout.draw(painter, QPointF(r.left(), y));
    }
    painter->restore();
}

} // namespace desk
