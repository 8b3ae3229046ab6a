#include "richtext.h"

#include "htmlsanitizer.h"

#include <algorithm>

#include <QStringList>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextList>

namespace desk {

namespace {

QString fragmentsHtml(const QTextBlock &block, bool heading)
{
    QString out;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (!fragment.isValid()) {
            continue;
        }
        const QTextCharFormat format = fragment.charFormat();
        QString text = fragment.text().toHtmlEscaped();
        text.replace(QChar::LineSeparator, QStringLiteral("<br>"));
        if (format.fontItalic()) {
            text = QStringLiteral("<em>%1</em>").arg(text);
        }
        if (format.fontWeight() >= QFont::DemiBold && !heading) { // headings are bold anyway
            text = QStringLiteral("<strong>%1</strong>").arg(text);
        }
        if (format.isAnchor() && !format.anchorHref().isEmpty()) {
            text = QStringLiteral("<a href=\"%1\">%2</a>").arg(format.anchorHref().toHtmlEscaped(), text);
        }
        out += text;
    }
    return out;
}

} // namespace

QString documentToCatalogueHtml(const QTextDocument *document)
{
    QString html;
    QTextList *openList = nullptr;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        QTextList *list = block.textList();
        if (openList && list != openList) {
            html += openList->format().style() == QTextListFormat::ListDecimal ? QStringLiteral("</ol>")
                                                                              : QStringLiteral("</ul>");
            openList = nullptr;
        }
        const int heading = block.blockFormat().headingLevel();
        const QString inner = fragmentsHtml(block, heading > 0);
        if (list) {
            if (list != openList) {
                openList = list;
                html += list->format().style() == QTextListFormat::ListDecimal ? QStringLiteral("<ol>")
                                                                              : QStringLiteral("<ul>");
            }
            html += QStringLiteral("<li>%1</li>").arg(inner);
            continue;
        }
        if (inner.trimmed().isEmpty()) {
            continue;
        }
        if (heading > 0) {
            const int level = qBound(3, heading + 2, 4); // article titles are h1/h2 in the page: sections start at h3
            html += QStringLiteral("<h%1>%2</h%1>").arg(level).arg(inner);
        } else {
            html += QStringLiteral("<p>%1</p>").arg(inner);
        }
    }
    if (openList) {
        html += openList->format().style() == QTextListFormat::ListDecimal ? QStringLiteral("</ol>")
                                                                          : QStringLiteral("</ul>");
    }
    return kb::HtmlSanitizer::sanitize(html);
}

QString plainTextToCatalogueHtml(const QString &text)
{
    static const QString bullet = QStringLiteral("– ");
    QString html;
    QStringList paragraph;
    const auto flush = [&]() {
        if (paragraph.isEmpty()) {
            return;
        }
        const bool list = std::all_of(paragraph.cbegin(), paragraph.cend(), [](const QString &line) {
            return line.startsWith(bullet) && line.size() > bullet.size();
        });
        if (list) {
            html += QStringLiteral("<ul>");
            for (const QString &line : std::as_const(paragraph)) {
                html += QStringLiteral("<li>%1</li>").arg(line.mid(bullet.size()).trimmed().toHtmlEscaped());
            }
            html += QStringLiteral("</ul>");
        } else {
            QStringList lines;
            for (const QString &line : std::as_const(paragraph)) {
                lines << line.toHtmlEscaped();
            }
            html += QStringLiteral("<p>%1</p>").arg(lines.join(QStringLiteral("<br>")));
        }
        paragraph.clear();
    };
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QChar::LineSeparator, QLatin1Char('\n'));
    normalized.replace(QChar::ParagraphSeparator, QStringLiteral("\n\n"));
    for (const QString &raw : normalized.split(QLatin1Char('\n'))) {
        const QString line = raw.simplified();
        if (line.isEmpty()) {
            flush();
        } else {
            paragraph << line;
        }
    }
    flush();
    return html;
}

} // namespace desk
