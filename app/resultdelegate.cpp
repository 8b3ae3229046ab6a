#include "resultdelegate.h"

#include "searchresultmodel.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace desk {

namespace {
constexpr int Padding = 6;
constexpr int SnippetLines = 2;

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
    painter->setFont(sf);
    painter->setPen(secondaryColour);
    painter->drawText(QRect(r.left(), y, r.width(), sfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      sfm.elidedText(secondLine, Qt::ElideRight, r.width()));
    y += sfm.height() + 2;

    const QString snippet = index.data(kb::SearchResultModel::SnippetRole).toString();
    if (!snippet.isEmpty()) {
        // The snippet is already HTML-escaped by the engine; only <mark> is markup. QTextDocument does not know
        // <mark>, so it becomes a styled span in the palette's colours.
        const QColor markBackground = option.palette.color(group, selected ? QPalette::Base : QPalette::Highlight);
        const QColor markText = option.palette.color(group, selected ? QPalette::Text : QPalette::HighlightedText);
        QString html = snippet;
        html.replace(QLatin1String("<mark>"), QStringLiteral("<span style=\"background-color:%1; color:%2;\">")
                                                  .arg(markBackground.name(), markText.name()))
            .replace(QLatin1String("</mark>"), QLatin1String("</span>"));
        QTextDocument doc;
        doc.setDefaultFont(sf);
        doc.setDocumentMargin(0);
        doc.setTextWidth(r.width());
        doc.setHtml(html);
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.palette.setColor(QPalette::Text, secondaryColour);
        ctx.clip = QRectF(0, 0, r.width(), SnippetLines * sfm.lineSpacing());
        painter->translate(r.left(), y);
        painter->setClipRect(ctx.clip, Qt::IntersectClip);
        doc.documentLayout()->draw(painter, ctx);
    }
    painter->restore();
}

} // namespace desk
