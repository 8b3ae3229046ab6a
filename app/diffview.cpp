#include "diffview.h"

#include <QCoreApplication>

namespace desk {

namespace {

QString escaped(const QString &text)
{
    QString out = text.toHtmlEscaped();
    out.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return out;
}

} // namespace

QString renderSideBySideDiff(const QList<kb::FieldDiff> &fields, const QString &leftTitle, const QString &rightTitle,
                             bool allFields)
{
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\">"
                                  "<tr><th width=\"16%\"></th><th width=\"42%\">%1</th><th width=\"42%\">%2</th></tr>")
                       .arg(leftTitle.toHtmlEscaped(), rightTitle.toHtmlEscaped());
    int shown = 0;
    for (const kb::FieldDiff &field : fields) {
        if (!field.changed && !allFields) {
            continue;
        }
        ++shown;
        QString left;
        QString right;
        if (!field.changed) {
            left = escaped(field.before);
            right = escaped(field.after);
        } else {
            for (const kb::DiffSegment &segment : field.segments) {
                switch (segment.kind) {
                case kb::DiffSegment::Kind::Same:
                    left += escaped(segment.text);
                    right += escaped(segment.text);
                    break;
                case kb::DiffSegment::Kind::Removed:
                    left += QStringLiteral("<del style=\"background-color:#ffd7d5;color:#82071e\">%1</del>")
                                .arg(escaped(segment.text));
                    break;
                case kb::DiffSegment::Kind::Added:
                    right += QStringLiteral("<ins style=\"background-color:#ccffd8;color:#055d20\">%1</ins>")
                                 .arg(escaped(segment.text));
                    break;
                }
            }
        }
        html += QStringLiteral("<tr><td valign=\"top\"><b>%1</b></td><td valign=\"top\">%2</td>"
                               "<td valign=\"top\">%3</td></tr>")
                    .arg(field.label.toHtmlEscaped(), left, right);
    }
    if (shown == 0) {
        html += QStringLiteral("<tr><td colspan=\"3\">%1</td></tr>")
                    .arg(QCoreApplication::translate("DiffView", "The two versions are the same.").toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    return html;
}

} // namespace desk
