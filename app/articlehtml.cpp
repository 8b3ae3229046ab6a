#include "articlehtml.h"

#include "htmlsanitizer.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QPalette>
#include <QUrl>

namespace desk {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString linkHtml(const QString &url, const QString &text)
{
    if (!kb::HtmlSanitizer::isAllowedLinkUrl(url)) {
        return esc(text);
    }
    return QStringLiteral("<a href=\"%1\" rel=\"noopener noreferrer\">%2</a>").arg(esc(url.trimmed()), esc(text));
}

QString stylesheet(const ArticleColours &c)
{
    QFile file(QStringLiteral(":/desk/article.css"));
    QString css;
    if (file.open(QIODevice::ReadOnly)) {
        css = QString::fromUtf8(file.readAll());
    }
    css.replace(QLatin1String("@window@"), c.window)
        .replace(QLatin1String("@text@"), c.text)
        .replace(QLatin1String("@base@"), c.base)
        .replace(QLatin1String("@alternate@"), c.alternateBase)
        .replace(QLatin1String("@mid@"), c.mid)
        .replace(QLatin1String("@highlight@"), c.highlight)
        .replace(QLatin1String("@highlightedtext@"), c.highlightedText)
        .replace(QLatin1String("@link@"), c.link)
        .replace(QLatin1String("@placeholder@"), c.placeholder);
    return css;
}

QString multiline(const QString &text)
{
    return esc(text.trimmed()).replace(QLatin1Char('\n'), QLatin1String("<br>"));
}

QString officeCard(const kb::Office &office)
{
    QString html = QStringLiteral("<section class=\"office\"><h3>%1</h3>").arg(esc(office.name));
    if (!office.organization.isEmpty()) {
        html += QStringLiteral("<p class=\"org\">%1</p>").arg(esc(office.organization));
    }
    html += QLatin1String("<dl>");
    const auto row = [&html](const QString &term, const QString &valueHtml) {
        if (!valueHtml.isEmpty()) {
            html += QStringLiteral("<dt>%1</dt><dd>%2</dd>").arg(esc(term), valueHtml);
        }
    };
    row(QCoreApplication::translate("ArticleHtml", "Address"), esc(office.address()));
    row(QCoreApplication::translate("ArticleHtml", "Opening hours"), multiline(office.openingHours));
    if (!office.phone.isEmpty()) {
        QString tel = office.phone;
        tel.remove(QLatin1Char(' ')).remove(QLatin1Char('/')).remove(QLatin1Char('-'));
        row(QCoreApplication::translate("ArticleHtml", "Phone"), linkHtml(QStringLiteral("tel:") + tel, office.phone));
    }
    if (!office.email.isEmpty()) {
        row(QCoreApplication::translate("ArticleHtml", "E-mail"),
            linkHtml(QStringLiteral("mailto:") + office.email, office.email));
    }
    if (!office.web.isEmpty()) {
        // The host reads better on the phone than the booking system's long deep link.
        const QString host = QUrl(office.web).host();
        row(QCoreApplication::translate("ArticleHtml", "Website"),
            linkHtml(office.web, host.isEmpty() ? office.web : host));
    }
    html += QLatin1String("</dl></section>");
    return html;
}

QString section(const QString &id, const QString &title, const QString &bodyHtml)
{
    if (bodyHtml.trimmed().isEmpty()) {
        return {};
    }
    return QStringLiteral("<section id=\"%1\"><h2>%2</h2>%3</section>").arg(id, esc(title), bodyHtml);
}

// The locale's short date with a four-digit year ("08.06.2026", "08/06/2026"): unambiguous on the phone.
QString dateText(const QDate &date)
{
    const QLocale locale;
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy"))) {
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    }
    return locale.toString(date, format);
}

} // namespace

ArticleColours ArticleColours::fromPalette(const QPalette &p)
{
    ArticleColours c;
    c.window = p.color(QPalette::Window).name();
    c.text = p.color(QPalette::Text).name();
    c.base = p.color(QPalette::Base).name();
    c.alternateBase = p.color(QPalette::AlternateBase).name();
    c.mid = p.color(QPalette::Mid).name();
    c.highlight = p.color(QPalette::Highlight).name();
    c.highlightedText = p.color(QPalette::HighlightedText).name();
    c.link = p.color(QPalette::Link).name();
    c.placeholder = p.color(QPalette::PlaceholderText).name();
    return c;
}

QString renderArticleHtml(const kb::Article &a, const QList<kb::Office> &offices, const ArticleColours &colours,
                          bool favourite)
{
    const QLocale locale;
    QString body;
    body += QLatin1String("<header>");
    if (!a.category.isEmpty()) {
        body += QStringLiteral("<p class=\"category\">%1</p>").arg(esc(a.category));
    }
    body += QStringLiteral("<h1>%1%2</h1>")
                .arg(esc(a.title), favourite ? QStringLiteral(" <span class=\"favourite\" title=\"%1\">★</span>")
                                                   .arg(esc(QCoreApplication::translate("ArticleHtml", "Favourite")))
                                             : QString());
    if (!a.summary.isEmpty()) {
        body += QStringLiteral("<p class=\"summary\">%1</p>").arg(esc(a.summary));
    }
    body += QLatin1String("</header>");

    // Quick facts first: what a caller asks in the first seconds.
    QString facts;
    if (!a.onlineServiceUrl.isEmpty()) {
        facts += QStringLiteral("<p class=\"online\">%1</p>")
                     .arg(linkHtml(a.onlineServiceUrl,
                                   QCoreApplication::translate("ArticleHtml", "Use the online service")));
    }
    body += facts;

    if (!a.documents.isEmpty()) {
        QString list = QStringLiteral("<ul class=\"checklist\">");
        int n = 0;
        for (const QString &doc : a.documents) {
            list += QStringLiteral("<li><label><input type=\"checkbox\" id=\"doc%1\"> %2</label></li>")
                        .arg(n++)
                        .arg(esc(doc));
        }
        list += QLatin1String("</ul>");
        body += section(QStringLiteral("documents"), QCoreApplication::translate("ArticleHtml", "Documents to bring"),
                        list);
    }
    body += section(QStringLiteral("fees"), QCoreApplication::translate("ArticleHtml", "Fees"),
                    kb::HtmlSanitizer::sanitize(a.feesHtml));
    if (!a.processingTime.isEmpty()) {
        body += section(QStringLiteral("processing"), QCoreApplication::translate("ArticleHtml", "Processing time"),
                        QStringLiteral("<p>%1</p>").arg(multiline(a.processingTime)));
    }
    body += section(QStringLiteral("description"), QCoreApplication::translate("ArticleHtml", "Description"),
                    kb::HtmlSanitizer::sanitize(a.descriptionHtml));

    if (!offices.isEmpty()) {
        QString cards = QStringLiteral("<div class=\"offices\">");
        for (const kb::Office &office : offices) {
            cards += officeCard(office);
        }
        cards += QLatin1String("</div>");
        body += section(QStringLiteral("offices"),
                        offices.size() == 1 ? QCoreApplication::translate("ArticleHtml", "Responsible office")
                                            : QCoreApplication::translate("ArticleHtml", "Responsible offices"),
                        cards);
    }

    QString links;
    for (const kb::Link &link : a.links) {
        links += QStringLiteral("<li>%1%2</li>")
                     .arg(linkHtml(link.url, link.title.isEmpty() ? link.url : link.title),
                          link.description.isEmpty()
                              ? QString()
                              : QStringLiteral(" <span class=\"hint\">%1</span>").arg(esc(link.description)));
    }
    if (!a.url.isEmpty()) {
        links += QStringLiteral("<li>%1</li>")
                     .arg(linkHtml(a.url, QCoreApplication::translate("ArticleHtml", "Page in the city portal")));
    }
    if (!links.isEmpty()) {
        body += section(QStringLiteral("links"), QCoreApplication::translate("ArticleHtml", "Forms and links"),
                        QStringLiteral("<ul>%1</ul>").arg(links));
    }
    if (!a.legalBasis.isEmpty()) {
        body += section(QStringLiteral("legal"), QCoreApplication::translate("ArticleHtml", "Legal basis"),
                        QStringLiteral("<p>%1</p>").arg(multiline(a.legalBasis)));
    }

    QStringList footer;
    if (a.lastReviewed.isValid()) {
        footer << QCoreApplication::translate("ArticleHtml", "Last reviewed: %1").arg(dateText(a.lastReviewed));
    } else if (a.updatedAt.isValid()) {
        footer << QCoreApplication::translate("ArticleHtml", "Last updated: %1")
                      .arg(dateText(a.updatedAt.toLocalTime().date()));
    }
    if (a.reviewBy.isValid() && a.reviewBy < QDate::currentDate()) {
        footer << QStringLiteral("<strong class=\"overdue\">%1</strong>")
                      .arg(esc(QCoreApplication::translate("ArticleHtml", "Review overdue since %1")
                                   .arg(dateText(a.reviewBy))));
    }
    if (!a.source.isEmpty()) {
        footer << QCoreApplication::translate("ArticleHtml", "Source: %1").arg(esc(a.source));
    }
    if (!a.leikaKey.isEmpty()) {
        footer << QCoreApplication::translate("ArticleHtml", "LeiKa key: %1").arg(esc(a.leikaKey));
    }
    body += QStringLiteral("<footer>%1</footer>").arg(footer.join(QStringLiteral(" · ")));

    return QStringLiteral("<!DOCTYPE html><html lang=\"%1\"><head><meta charset=\"utf-8\">"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; form-action 'none'\">"
                          "<title>%2</title><style>%3</style></head><body><article>%4</article></body></html>")
        .arg(locale.name().left(2), esc(a.title), stylesheet(colours), body);
}

QString articleEssentialsText(const kb::Article &a, const QList<kb::Office> &offices)
{
    QStringList parts;
    parts << a.title;
    if (!a.summary.isEmpty()) {
        parts << a.summary.trimmed();
    }
    if (!a.documents.isEmpty()) {
        QString docs = QCoreApplication::translate("ArticleHtml", "Documents to bring:");
        for (const QString &doc : a.documents) {
            docs += QStringLiteral("\n– ") + doc.trimmed();
        }
        parts << docs;
    }
    const QString fees = kb::HtmlSanitizer::toPlainText(a.feesHtml);
    if (!fees.isEmpty()) {
        // A list of fees goes below its label, a single amount beside it.
        parts << QCoreApplication::translate("ArticleHtml", "Fees: %1")
                     .arg(fees.contains(QLatin1Char('\n')) ? QLatin1Char('\n') + fees : fees)
                     .replace(QStringLiteral(" \n"), QStringLiteral("\n"));
    }
    if (!a.processingTime.isEmpty()) {
        parts << QCoreApplication::translate("ArticleHtml", "Processing time: %1").arg(a.processingTime.trimmed());
    }
    for (const kb::Office &o : offices.mid(0, 3)) {
        QStringList lines;
        lines << (offices.size() == 1 ? QCoreApplication::translate("ArticleHtml", "Responsible office: %1")
                                      : QCoreApplication::translate("ArticleHtml", "Office: %1"))
                     .arg(o.name);
        if (!o.address().isEmpty()) {
            lines << o.address();
        }
        if (!o.openingHours.isEmpty()) {
            lines << QCoreApplication::translate("ArticleHtml", "Opening hours: %1").arg(o.openingHours.trimmed());
        }
        if (!o.phone.isEmpty()) {
            lines << QCoreApplication::translate("ArticleHtml", "Phone: %1").arg(o.phone);
        }
        if (!o.email.isEmpty()) {
            lines << QCoreApplication::translate("ArticleHtml", "E-mail: %1").arg(o.email);
        }
        parts << lines.join(QLatin1Char('\n'));
    }
    if (offices.size() > 3) {
        const int more = int(offices.size()) - 3;
        parts << QCoreApplication::translate("ArticleHtml", "%n further offices handle this service.", nullptr, more);
    }
    if (!a.onlineServiceUrl.isEmpty()) {
        parts << QCoreApplication::translate("ArticleHtml", "Online service: %1").arg(a.onlineServiceUrl);
    }
    if (!a.url.isEmpty()) {
        parts << QCoreApplication::translate("ArticleHtml", "More information: %1").arg(a.url);
    }
    return parts.join(QLatin1String("\n\n")) + QLatin1Char('\n');
}

} // namespace desk
