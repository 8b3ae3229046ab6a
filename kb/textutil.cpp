#include "textutil.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

namespace kb {

bool isValidUtf8(const QByteArray &bytes, qsizetype *badOffset)
{
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    auto fail = [&](qsizetype at) {
        if (badOffset) {
            *badOffset = at;
        }
        return false;
    };
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return fail(i);
        }
        if (i + extra >= n) {
            return fail(i);   // truncated sequence at the end
        }
        for (int k = 1; k <= extra; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return fail(i);
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return fail(i);
        }
        i += extra + 1;
    }
    return true;
}

namespace {

// Named entities that occur in German catalogue texts; anything else stays as written.
const QHash<QString, QChar> &namedEntities()
{
    static const QHash<QString, QChar> entities = {
        {QStringLiteral("amp"), QLatin1Char('&')},    {QStringLiteral("lt"), QLatin1Char('<')},
        {QStringLiteral("gt"), QLatin1Char('>')},     {QStringLiteral("quot"), QLatin1Char('"')},
        {QStringLiteral("apos"), QLatin1Char('\'')},  {QStringLiteral("nbsp"), QChar(0x00A0)},
        {QStringLiteral("auml"), QChar(0x00E4)},      {QStringLiteral("ouml"), QChar(0x00F6)},
        {QStringLiteral("uuml"), QChar(0x00FC)},      {QStringLiteral("Auml"), QChar(0x00C4)},
        {QStringLiteral("Ouml"), QChar(0x00D6)},      {QStringLiteral("Uuml"), QChar(0x00DC)},
        {QStringLiteral("szlig"), QChar(0x00DF)},     {QStringLiteral("euro"), QChar(0x20AC)},
        {QStringLiteral("ndash"), QChar(0x2013)},     {QStringLiteral("mdash"), QChar(0x2014)},
        {QStringLiteral("bdquo"), QChar(0x201E)},     {QStringLiteral("ldquo"), QChar(0x201C)},
        {QStringLiteral("rdquo"), QChar(0x201D)},     {QStringLiteral("lsquo"), QChar(0x2018)},
        {QStringLiteral("rsquo"), QChar(0x2019)},     {QStringLiteral("sect"), QChar(0x00A7)},
        {QStringLiteral("shy"), QChar(0x00AD)},       {QStringLiteral("hellip"), QChar(0x2026)},
        {QStringLiteral("eacute"), QChar(0x00E9)},    {QStringLiteral("egrave"), QChar(0x00E8)},
        {QStringLiteral("zwsp"), QChar(0x200B)},      {QStringLiteral("middot"), QChar(0x00B7)},
    };
    return entities;
}

bool isZeroWidth(QChar c)
{
    const char16_t u = c.unicode();
    return u == 0x200B || u == 0x200C || u == 0x200D || u == 0x2060 || u == 0xFEFF || u == 0x00AD;
}

} // namespace

// One pass over the HTML (it runs for every article when the search index is built).
QString htmlToPlainText(const QString &html)
{
    static const QStringList blockTags = {
        QStringLiteral("p"),  QStringLiteral("br"), QStringLiteral("li"), QStringLiteral("div"),
        QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"), QStringLiteral("h4"),
        QStringLiteral("h5"), QStringLiteral("h6"), QStringLiteral("tr"), QStringLiteral("ul"),
        QStringLiteral("ol"), QStringLiteral("table"),
    };
    QString out;
    out.reserve(html.size());
    const qsizetype n = html.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = html.at(i);
        if (c == QLatin1Char('<')) {
            if (QStringView(html).mid(i, 4) == QLatin1String("<!--")) {
                const qsizetype end = html.indexOf(QLatin1String("-->"), i + 4);
                i = end < 0 ? n : end + 2;
                continue;
            }
            const qsizetype end = html.indexOf(QLatin1Char('>'), i);
            if (end < 0) {
                break;   // an unterminated tag: drop the rest
            }
            QStringView tag = QStringView(html).mid(i + 1, end - i - 1).trimmed();
            if (tag.startsWith(QLatin1Char('/'))) {
                tag = tag.mid(1);
            }
            qsizetype nameEnd = 0;
            while (nameEnd < tag.size() && tag.at(nameEnd).isLetterOrNumber()) {
                ++nameEnd;
            }
            const QString name = tag.left(nameEnd).toString().toLower();
            if ((name == QLatin1String("script") || name == QLatin1String("style")) && !tag.endsWith(QLatin1Char('/'))) {
                const qsizetype close = html.indexOf(QStringLiteral("</") + name, end, Qt::CaseInsensitive);
                const qsizetype closeEnd = close < 0 ? -1 : html.indexOf(QLatin1Char('>'), close);
                i = closeEnd < 0 ? n : closeEnd;
                continue;
            }
            if (blockTags.contains(name)) {
                out += QLatin1Char('\n');
            }
            i = end;
        } else if (c == QLatin1Char('&')) {
            const qsizetype end = html.indexOf(QLatin1Char(';'), i);
            if (end > i + 1 && end - i <= 10) {
                const QStringView name = QStringView(html).mid(i + 1, end - i - 1);
                if (name.startsWith(QLatin1Char('#'))) {
                    bool ok = false;
                    const uint code = name.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)
                        ? name.mid(2).toUInt(&ok, 16)
                        : name.mid(1).toUInt(&ok, 10);
                    if (ok && code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF)) {
                        const char32_t cp = code;
                        out += QString::fromUcs4(&cp, 1);
                        i = end;
                        continue;
                    }
                } else if (const auto found = namedEntities().constFind(name.toString());
                           found != namedEntities().constEnd()) {
                    out += *found;
                    i = end;
                    continue;
                }
            }
            out += c;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t')) {
            out += QLatin1Char(' ');   // source line breaks are not text line breaks
        } else {
            out += c;
        }
    }

    // Zero-width characters out, runs of blanks collapsed, single line breaks between blocks.
    QString collapsed;
    collapsed.reserve(out.size());
    bool pendingSpace = false;
    bool pendingBreak = false;
    for (const QChar c : std::as_const(out)) {
        if (isZeroWidth(c)) {
            continue;
        }
        if (c == QLatin1Char('\n')) {
            pendingBreak = true;
        } else if (c.isSpace()) {
            pendingSpace = true;
        } else {
            if (!collapsed.isEmpty()) {
                if (pendingBreak) {
                    collapsed += QLatin1Char('\n');
                } else if (pendingSpace) {
                    collapsed += QLatin1Char(' ');
                }
            }
            pendingSpace = pendingBreak = false;
            collapsed += c;
        }
    }
    return collapsed;
}

QString summaryFromHtml(const QString &html, int maxChars)
{
    // Sentences end at . ! ? before an upper-case letter, a digit or a quote, but not after common
    // abbreviations ("z. B.", "bzw.") or single letters.
    static const QRegularExpression sentenceEnd(QStringLiteral("([.!?])\\s+(?=[\\p{Lu}0-9„\"])"));
    static const QRegularExpression abbreviation(
        QStringLiteral("(?:^|\\s)(?:\\p{L}|bzw|ca|Nr|ggf|evtl|inkl|usw|Abs|Str|Tel|vgl|etc|z\\.\\s?B|d\\.\\s?h|u\\.\\s?a)\\.$"));
    // Headings ("Allgemeine Informationen") are not the summary: leading lines without final
    // punctuation are skipped. List items are joined with commas, sentences with blanks.
    static const QRegularExpression finalPunctuation(QStringLiteral("[.!?:;…]$"));
    QStringList lines = htmlToPlainText(html).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    while (lines.size() > 1 && lines.first().size() < 60 && !lines.first().contains(QLatin1Char(','))
           && !finalPunctuation.match(lines.first()).hasMatch()) {
        lines.removeFirst();
    }
    QString text;
    for (const QString &line : std::as_const(lines)) {
        if (!text.isEmpty()) {
            text += finalPunctuation.match(text).hasMatch() ? QStringLiteral(" ") : QStringLiteral(", ");
        }
        text += line.trimmed();
    }
    text = text.simplified();
    if (text.isEmpty()) {
        return {};
    }
    QString summary;
    qsizetype start = 0;
    bool full = false;
    auto it = sentenceEnd.globalMatch(text);
    while (it.hasNext() && !full) {
        const auto m = it.next();
        const qsizetype end = m.capturedStart(1) + 1;
        if (abbreviation.match(text.left(end)).hasMatch()) {
            continue;
        }
        const QString sentence = text.mid(start, end - start).trimmed();
        if (!summary.isEmpty() && summary.size() + 1 + sentence.size() > maxChars) {
            full = true;
            break;
        }
        summary += (summary.isEmpty() ? QString() : QStringLiteral(" ")) + sentence;
        start = m.capturedEnd();
        full = summary.size() >= maxChars / 3;
    }
    if (!full && start < text.size()) {
        // No (further) sentence end: the rest is the last sentence.
        const QString rest = text.mid(start).trimmed();
        if (summary.isEmpty() || summary.size() + 1 + rest.size() <= maxChars) {
            summary += (summary.isEmpty() ? QString() : QStringLiteral(" ")) + rest;
        }
    }
    if (summary.size() > maxChars) {
        // Cut at a word boundary and mark the cut.
        qsizetype cut = summary.lastIndexOf(QLatin1Char(' '), maxChars - 1);
        if (cut < maxChars / 2) {
            cut = maxChars - 1;
        }
        summary = summary.left(cut).trimmed() + QChar(0x2026);
    }
    return summary;
}

bool looksLikeHtml(const QString &text)
{
    static const QRegularExpression markup(QStringLiteral("<[a-zA-Z/!][^>]*>|&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});"));
    return markup.match(text).hasMatch();
}

QString plainTextToHtml(const QString &text)
{
    static const QRegularExpression paragraphBreak(QStringLiteral("\\n\\s*\\n"));
    QStringList paragraphs;
    const QStringList parts = text.trimmed().split(paragraphBreak, Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        QString escaped = part.trimmed().toHtmlEscaped();
        escaped.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        paragraphs << QStringLiteral("<p>%1</p>").arg(escaped);
    }
    return paragraphs.join(QLatin1Char('\n'));
}

} // namespace kb
