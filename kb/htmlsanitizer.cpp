#include "htmlsanitizer.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <functional>

namespace kb {

namespace {

struct Attribute
{
    QString name;  // lower case
    QString value; // entities decoded
};

struct Token
{
    enum Kind { Text, StartTag, EndTag };
    Kind kind = Text;
    QString text; // Text: decoded characters; tags: lower-case name
    QList<Attribute> attributes;
    bool selfClosing = false;
};

const QHash<QString, char32_t> &namedEntities()
{
    static const QHash<QString, char32_t> entities = {
        {QStringLiteral("amp"), U'&'},      {QStringLiteral("lt"), U'<'},      {QStringLiteral("gt"), U'>'},
        {QStringLiteral("quot"), U'"'},     {QStringLiteral("apos"), U'\''},   {QStringLiteral("nbsp"), 0xA0},
        {QStringLiteral("shy"), 0xAD},      {QStringLiteral("ndash"), 0x2013}, {QStringLiteral("mdash"), 0x2014},
        {QStringLiteral("hellip"), 0x2026}, {QStringLiteral("euro"), 0x20AC},  {QStringLiteral("sect"), 0xA7},
        {QStringLiteral("auml"), 0xE4},     {QStringLiteral("ouml"), 0xF6},    {QStringLiteral("uuml"), 0xFC},
        {QStringLiteral("Auml"), 0xC4},     {QStringLiteral("Ouml"), 0xD6},    {QStringLiteral("Uuml"), 0xDC},
        {QStringLiteral("szlig"), 0xDF},    {QStringLiteral("eacute"), 0xE9},  {QStringLiteral("egrave"), 0xE8},
        {QStringLiteral("laquo"), 0xAB},    {QStringLiteral("raquo"), 0xBB},   {QStringLiteral("bdquo"), 0x201E},
        {QStringLiteral("ldquo"), 0x201C},  {QStringLiteral("rdquo"), 0x201D}, {QStringLiteral("lsquo"), 0x2018},
        {QStringLiteral("rsquo"), 0x2019},  {QStringLiteral("sbquo"), 0x201A}, {QStringLiteral("copy"), 0xA9},
        {QStringLiteral("reg"), 0xAE},      {QStringLiteral("trade"), 0x2122}, {QStringLiteral("deg"), 0xB0},
        {QStringLiteral("middot"), 0xB7},   {QStringLiteral("bull"), 0x2022},  {QStringLiteral("times"), 0xD7},
        {QStringLiteral("para"), 0xB6},     {QStringLiteral("colon"), U':'},   {QStringLiteral("Tab"), U'\t'},
        {QStringLiteral("NewLine"), U'\n'}, {QStringLiteral("sol"), U'/'},     {QStringLiteral("lpar"), U'('},
        {QStringLiteral("rpar"), U')'},     {QStringLiteral("semi"), U';'},    {QStringLiteral("period"), U'.'},
        {QStringLiteral("zwsp"), 0x200B},   {QStringLiteral("ensp"), 0x2002},  {QStringLiteral("emsp"), 0x2003},
        {QStringLiteral("thinsp"), 0x2009},
    };
    return entities;
}

void appendCodePoint(QString &out, char32_t cp)
{
    // Invalid, surrogate and NUL code points become U+FFFD, as in the HTML standard.
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        cp = 0xFFFD;
    }
    const char32_t one[] = {cp};
    out += QString::fromUcs4(one, 1);
}

int digitValue(QChar c, int base)
{
    const ushort u = c.unicode();
    int d = -1;
    if (u >= '0' && u <= '9') {
        d = u - '0';
    } else if (u >= 'a' && u <= 'f') {
        d = u - 'a' + 10;
    } else if (u >= 'A' && u <= 'F') {
        d = u - 'A' + 10;
    }
    return d < base ? d : -1;
}

QString decodeEntities(QStringView in)
{
    QString out;
    out.reserve(in.size());
    qsizetype i = 0;
    while (i < in.size()) {
        const QChar c = in[i];
        if (c != QLatin1Char('&')) {
            out += c;
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        if (j < in.size() && in[j] == QLatin1Char('#')) {
            ++j;
            bool hex = false;
            if (j < in.size() && (in[j] == QLatin1Char('x') || in[j] == QLatin1Char('X'))) {
                hex = true;
                ++j;
            }
            const qsizetype digitsStart = j;
            char32_t value = 0;
            bool overflow = false;
            while (j < in.size()) {
                const int d = digitValue(in[j], hex ? 16 : 10);
                if (d < 0) {
                    break;
                }
                value = value * (hex ? 16 : 10) + char32_t(d);
                if (value > 0x10FFFF) {
                    overflow = true;
                    value = 0x110000;
                }
                ++j;
            }
            if (j == digitsStart) {
                out += c; // "&#" without digits: literal
                ++i;
                continue;
            }
            appendCodePoint(out, overflow ? 0xFFFD : value);
            if (j < in.size() && in[j] == QLatin1Char(';')) {
                ++j;
            }
            i = j;
            continue;
        }
        while (j < in.size() && j - i <= 10 && in[j].isLetterOrNumber() && in[j].unicode() < 128) {
            ++j;
        }
        const QString name = in.mid(i + 1, j - i - 1).toString();
        const auto it = namedEntities().constFind(name);
        if (!name.isEmpty() && it != namedEntities().cend()) {
            appendCodePoint(out, it.value());
            if (j < in.size() && in[j] == QLatin1Char(';')) {
                ++j;
            }
            i = j;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r') ||
           c == QLatin1Char('\f');
}

// Elements whose whole content is dropped, not just the tags. Void elements (embed, frame, img) are not here:
// they have no content and are dropped as unknown tags.
const QSet<QString> &droppedWithContent()
{
    static const QSet<QString> names = {
        QStringLiteral("script"),    QStringLiteral("style"),    QStringLiteral("iframe"),  QStringLiteral("object"),
        QStringLiteral("noscript"),  QStringLiteral("template"), QStringLiteral("svg"),     QStringLiteral("math"),
        QStringLiteral("textarea"),  QStringLiteral("select"),   QStringLiteral("title"),   QStringLiteral("head"),
        QStringLiteral("frameset"),  QStringLiteral("applet"),   QStringLiteral("noembed"), QStringLiteral("noframes"),
        QStringLiteral("xmp"),       QStringLiteral("canvas"),   QStringLiteral("video"),   QStringLiteral("audio"),
        QStringLiteral("plaintext"), QStringLiteral("option"),
    };
    return names;
}

// Splits HTML into text and tags. Comments, doctypes and processing instructions are skipped; the content of
// droppedWithContent() elements never reaches the callback. Tolerant of broken markup, never fails.
void tokenize(const QString &html, const std::function<void(const Token &)> &emitToken)
{
    const qsizetype n = html.size();
    qsizetype i = 0;
    QString pendingText;
    const auto flushText = [&]() {
        if (!pendingText.isEmpty()) {
            Token t;
            t.kind = Token::Text;
            t.text = decodeEntities(pendingText);
            pendingText.clear();
            emitToken(t);
        }
    };
    while (i < n) {
        const QChar c = html[i];
        if (c != QLatin1Char('<')) {
            pendingText += c;
            ++i;
            continue;
        }
        const QStringView rest = QStringView(html).mid(i);
        if (rest.startsWith(QLatin1String("<!--"))) {
            const qsizetype end = html.indexOf(QLatin1String("-->"), i + 4);
            i = end < 0 ? n : end + 3;
            continue;
        }
        if (rest.startsWith(QLatin1String("<!")) || rest.startsWith(QLatin1String("<?"))) {
            const qsizetype end = html.indexOf(QLatin1Char('>'), i + 2);
            i = end < 0 ? n : end + 1;
            continue;
        }
        const bool isEnd = rest.size() > 2 && rest[1] == QLatin1Char('/') && isAsciiLetter(rest[2]);
        const bool isStart = rest.size() > 1 && isAsciiLetter(rest[1]);
        if (!isEnd && !isStart) {
            if (rest.startsWith(QLatin1String("</"))) {
                // "</ >" or "</3": a bogus comment in HTML; skip to '>'.
                const qsizetype end = html.indexOf(QLatin1Char('>'), i + 2);
                i = end < 0 ? n : end + 1;
                continue;
            }
            pendingText += c; // a lone '<' is text
            ++i;
            continue;
        }
        flushText();
        qsizetype j = i + (isEnd ? 2 : 1);
        const qsizetype nameStart = j;
        while (j < n && !isSpace(html[j]) && html[j] != QLatin1Char('/') && html[j] != QLatin1Char('>')) {
            ++j;
        }
        Token tag;
        tag.kind = isEnd ? Token::EndTag : Token::StartTag;
        tag.text = html.mid(nameStart, j - nameStart).toLower();
        // Attributes (ignored for end tags, but parsed so quoted '>' does not end the tag).
        while (j < n) {
            while (j < n && (isSpace(html[j]) || html[j] == QLatin1Char('/'))) {
                if (html[j] == QLatin1Char('/') && j + 1 < n && html[j + 1] == QLatin1Char('>')) {
                    tag.selfClosing = true;
                }
                ++j;
            }
            if (j >= n || html[j] == QLatin1Char('>')) {
                break;
            }
            const qsizetype attrStart = j;
            while (j < n && !isSpace(html[j]) && html[j] != QLatin1Char('/') && html[j] != QLatin1Char('>') &&
                   !(html[j] == QLatin1Char('=') && j > attrStart)) {
                ++j;
            }
            Attribute attr;
            attr.name = html.mid(attrStart, j - attrStart).toLower();
            while (j < n && isSpace(html[j])) {
                ++j;
            }
            if (j < n && html[j] == QLatin1Char('=')) {
                ++j;
                while (j < n && isSpace(html[j])) {
                    ++j;
                }
                if (j < n && (html[j] == QLatin1Char('"') || html[j] == QLatin1Char('\''))) {
                    const QChar quote = html[j];
                    const qsizetype end = html.indexOf(quote, j + 1);
                    const qsizetype stop = end < 0 ? n : end;
                    attr.value = decodeEntities(QStringView(html).mid(j + 1, stop - j - 1));
                    j = end < 0 ? n : end + 1;
                } else {
                    const qsizetype valueStart = j;
                    while (j < n && !isSpace(html[j]) && html[j] != QLatin1Char('>')) {
                        ++j;
                    }
                    attr.value = decodeEntities(QStringView(html).mid(valueStart, j - valueStart));
                }
            }
            if (!attr.name.isEmpty()) {
                tag.attributes.append(attr);
            }
        }
        i = j < n ? j + 1 : n;
        if (tag.kind == Token::StartTag && droppedWithContent().contains(tag.text)) {
            if (!tag.selfClosing) {
                // Skip everything up to the matching end tag; an unclosed one swallows the rest.
                const QString close = QLatin1String("</") + tag.text;
                qsizetype k = i;
                for (;;) {
                    k = html.indexOf(close, k, Qt::CaseInsensitive);
                    if (k < 0) {
                        i = n;
                        break;
                    }
                    const qsizetype after = k + close.size();
                    if (after >= n || isSpace(html[after]) || html[after] == QLatin1Char('>') ||
                        html[after] == QLatin1Char('/')) {
                        const qsizetype gt = html.indexOf(QLatin1Char('>'), after);
                        i = gt < 0 ? n : gt + 1;
                        break;
                    }
                    k = after;
                }
            }
            continue;
        }
        emitToken(tag);
    }
    flushText();
}

QString escapeText(const QString &s)
{
    QString out;
    out.reserve(s.size() + 8);
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case 0:
            break;
        default:
            out += c;
        }
    }
    return out;
}

// Allowed tags → the attributes they may keep. h1/h2 are demoted: the article template owns the top headings.
const QHash<QString, QStringList> &allowedTags()
{
    static const QHash<QString, QStringList> tags = {
        {QStringLiteral("p"), {}},
        {QStringLiteral("div"), {}},
        {QStringLiteral("br"), {}},
        {QStringLiteral("hr"), {}},
        {QStringLiteral("h3"), {}},
        {QStringLiteral("h4"), {}},
        {QStringLiteral("h5"), {}},
        {QStringLiteral("h6"), {}},
        {QStringLiteral("ul"), {}},
        {QStringLiteral("ol"), {QStringLiteral("start")}},
        {QStringLiteral("li"), {}},
        {QStringLiteral("blockquote"), {}},
        {QStringLiteral("pre"), {}},
        {QStringLiteral("code"), {}},
        {QStringLiteral("dl"), {}},
        {QStringLiteral("dt"), {}},
        {QStringLiteral("dd"), {}},
        {QStringLiteral("table"), {}},
        {QStringLiteral("thead"), {}},
        {QStringLiteral("tbody"), {}},
        {QStringLiteral("tfoot"), {}},
        {QStringLiteral("tr"), {}},
        {QStringLiteral("caption"), {}},
        {QStringLiteral("th"), {QStringLiteral("colspan"), QStringLiteral("rowspan"), QStringLiteral("scope")}},
        {QStringLiteral("td"), {QStringLiteral("colspan"), QStringLiteral("rowspan")}},
        {QStringLiteral("a"), {QStringLiteral("href"), QStringLiteral("title")}},
        {QStringLiteral("strong"), {}},
        {QStringLiteral("b"), {}},
        {QStringLiteral("em"), {}},
        {QStringLiteral("i"), {}},
        {QStringLiteral("u"), {}},
        {QStringLiteral("s"), {}},
        {QStringLiteral("small"), {}},
        {QStringLiteral("sub"), {}},
        {QStringLiteral("sup"), {}},
        {QStringLiteral("span"), {}},
        {QStringLiteral("abbr"), {QStringLiteral("title")}},
        {QStringLiteral("mark"), {}},
        {QStringLiteral("cite"), {}},
        {QStringLiteral("q"), {}},
        {QStringLiteral("del"), {}},
        {QStringLiteral("ins"), {}},
    };
    return tags;
}

QString mappedName(const QString &name)
{
    if (name == QLatin1String("h1") || name == QLatin1String("h2")) {
        return QStringLiteral("h3");
    }
    return name;
}

bool isVoid(const QString &name)
{
    return name == QLatin1String("br") || name == QLatin1String("hr");
}

bool isSmallNumber(const QString &value)
{
    if (value.isEmpty() || value.size() > 3) {
        return false;
    }
    for (const QChar c : value) {
        if (!(c >= QLatin1Char('0') && c <= QLatin1Char('9'))) {
            return false;
        }
    }
    return true;
}

bool isBlock(const QString &name)
{
    static const QSet<QString> blocks = {
        QStringLiteral("p"),       QStringLiteral("div"),     QStringLiteral("h1"),         QStringLiteral("h2"),
        QStringLiteral("h3"),      QStringLiteral("h4"),      QStringLiteral("h5"),         QStringLiteral("h6"),
        QStringLiteral("ul"),      QStringLiteral("ol"),      QStringLiteral("blockquote"), QStringLiteral("pre"),
        QStringLiteral("table"),   QStringLiteral("tr"),      QStringLiteral("dl"),         QStringLiteral("hr"),
        QStringLiteral("caption"), QStringLiteral("section"), QStringLiteral("article"),
    };
    return blocks.contains(name);
}

} // namespace

bool HtmlSanitizer::isAllowedLinkUrl(const QString &url)
{
    // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"): so do we.
    QString compact;
    for (const QChar c : decodeEntities(url)) {
        if (c.unicode() > 0x20 && c.unicode() != 0x7F) {
            compact += c;
        }
    }
    compact = compact.toLower();
    for (const auto scheme : {QLatin1String("https://"), QLatin1String("http://")}) {
        if (compact.startsWith(scheme) && compact.size() > scheme.size()) {
            return true;
        }
    }
    return (compact.startsWith(QLatin1String("mailto:")) || compact.startsWith(QLatin1String("tel:"))) &&
           compact.size() > 6;
}

QString HtmlSanitizer::sanitize(const QString &html)
{
    QString out;
    out.reserve(html.size());
    QStringList open; // output names of the open elements, innermost last

    const auto closeUpTo = [&](qsizetype index) {
        while (open.size() > index) {
            out += QLatin1String("</") + open.takeLast() + QLatin1Char('>');
        }
    };
    // Index of the innermost open `name`, not looking past any of `barriers`.
    const auto findOpen = [&](const QString &name, std::initializer_list<const char *> barriers) -> qsizetype {
        for (qsizetype k = open.size() - 1; k >= 0; --k) {
            if (open[k] == name) {
                return k;
            }
            for (const char *b : barriers) {
                if (open[k] == QLatin1String(b)) {
                    return -1;
                }
            }
        }
        return -1;
    };

    tokenize(html, [&](const Token &t) {
        if (t.kind == Token::Text) {
            out += escapeText(t.text);
            return;
        }
        if (!allowedTags().contains(mappedName(t.text)) && !allowedTags().contains(t.text)) {
            return; // unknown tag: dropped, its text (if any) stays
        }
        const QString name = mappedName(t.text);
        if (t.kind == Token::EndTag) {
            const qsizetype k = open.lastIndexOf(name);
            if (k >= 0) {
                closeUpTo(k);
            }
            return;
        }
        // Implied end tags, as an HTML parser would insert them.
        if (name == QLatin1String("li")) {
            const qsizetype k = findOpen(name, {"ul", "ol"});
            if (k >= 0) {
                closeUpTo(k);
            }
        } else if (name == QLatin1String("dt") || name == QLatin1String("dd")) {
            qsizetype k = findOpen(QStringLiteral("dt"), {"dl"});
            if (k < 0) {
                k = findOpen(QStringLiteral("dd"), {"dl"});
            }
            if (k >= 0) {
                closeUpTo(k);
            }
        } else if (name == QLatin1String("td") || name == QLatin1String("th")) {
            qsizetype k = findOpen(QStringLiteral("td"), {"tr", "table"});
            if (k < 0) {
                k = findOpen(QStringLiteral("th"), {"tr", "table"});
            }
            if (k >= 0) {
                closeUpTo(k);
            }
        } else if (name == QLatin1String("tr")) {
            const qsizetype k = findOpen(name, {"table"});
            if (k >= 0) {
                closeUpTo(k);
            }
        }
        if (isBlock(name) && !open.isEmpty() && open.constLast() == QLatin1String("p")) {
            closeUpTo(open.size() - 1); // a block inside <p> closes the paragraph
        }

        out += QLatin1Char('<') + name;
        const QStringList allowedAttributes = allowedTags().value(name);
        bool hasHref = false;
        for (const Attribute &a : t.attributes) {
            if (!allowedAttributes.contains(a.name)) {
                continue;
            }
            QString value = a.value;
            if (a.name == QLatin1String("href")) {
                if (!isAllowedLinkUrl(value) || hasHref) {
                    continue;
                }
                value = value.trimmed();
                hasHref = true;
            } else if (a.name == QLatin1String("colspan") || a.name == QLatin1String("rowspan") ||
                       a.name == QLatin1String("start")) {
                if (!isSmallNumber(value)) {
                    continue;
                }
            } else if (a.name == QLatin1String("scope")) {
                if (value != QLatin1String("row") && value != QLatin1String("col")) {
                    continue;
                }
            }
            out += QLatin1Char(' ') + a.name + QLatin1String("=\"") + escapeText(value) + QLatin1Char('"');
        }
        if (hasHref) {
            out += QLatin1String(" rel=\"noopener noreferrer\"");
        }
        out += QLatin1Char('>');
        if (!isVoid(name)) {
            open.append(name);
        }
    });
    closeUpTo(0);
    return out;
}

QString HtmlSanitizer::toPlainText(const QString &html)
{
    // Structure is collected as markers first (LineBreak, ParagraphBreak); whitespace around markers is then
    // dropped and every run of markers becomes one line break, or a blank line if it holds a paragraph break.
    constexpr QChar LineBreak(0x1);
    constexpr QChar ParagraphBreak(0x2);
    QString out;
    QString pendingHref;
    QString linkText;
    bool inLink = false;
    bool inPre = false;
    const auto appendText = [&](const QString &text) {
        QString collapsed;
        collapsed.reserve(text.size());
        for (const QChar c : text) {
            if (inPre && c == QLatin1Char('\n')) {
                collapsed += LineBreak;
            } else if (!inPre && (isSpace(c) || c.unicode() == 0xA0)) {
                const QChar last = collapsed.isEmpty() ? (out.isEmpty() ? LineBreak : out.back()) : collapsed.back();
                if (last != QLatin1Char(' ') && last != LineBreak && last != ParagraphBreak) {
                    collapsed += QLatin1Char(' ');
                }
            } else if (c.unicode() == 0xA0) {
                collapsed += QLatin1Char(' ');
            } else if (c.unicode() != 0x200B && c.unicode() != 0xAD && c.unicode() > 0x2) {
                collapsed += c;
            }
        }
        out += collapsed;
        if (inLink) {
            linkText += collapsed;
        }
    };
    tokenize(html, [&](const Token &t) {
        if (t.kind == Token::Text) {
            appendText(t.text);
            return;
        }
        const QString &name = t.text;
        if (name == QLatin1String("br")) {
            out += LineBreak;
        } else if (name == QLatin1String("li")) {
            out += LineBreak;
            if (t.kind == Token::StartTag) {
                out += QStringLiteral("– ");
            }
        } else if (name == QLatin1String("pre")) {
            inPre = t.kind == Token::StartTag;
            out += ParagraphBreak;
        } else if (name == QLatin1String("a")) {
            if (t.kind == Token::StartTag) {
                inLink = true;
                linkText.clear();
                pendingHref.clear();
                for (const Attribute &a : t.attributes) {
                    if (a.name == QLatin1String("href") && isAllowedLinkUrl(a.value)) {
                        pendingHref = a.value.trimmed();
                    }
                }
            } else if (inLink) {
                inLink = false;
                if (!pendingHref.isEmpty() && linkText.trimmed() != pendingHref) {
                    out += QLatin1String(" <") + pendingHref + QLatin1Char('>');
                }
            }
        } else if (name == QLatin1String("td") || name == QLatin1String("th")) {
            if (t.kind == Token::StartTag) {
                out += QLatin1Char('\t');
            }
        } else if (name == QLatin1String("tr") || name == QLatin1String("dt") || name == QLatin1String("dd")) {
            out += LineBreak;
        } else if (isBlock(name)) {
            out += ParagraphBreak;
        }
    });

    QString result;
    result.reserve(out.size());
    qsizetype i = 0;
    while (i < out.size()) {
        const QChar c = out[i];
        if (c != LineBreak && c != ParagraphBreak && !(isSpace(c) && !inPre)) {
            result += c;
            ++i;
            continue;
        }
        // A run of whitespace and markers.
        qsizetype j = i;
        bool line = false;
        bool paragraph = false;
        while (j < out.size() && (out[j] == LineBreak || out[j] == ParagraphBreak || isSpace(out[j]))) {
            line = line || out[j] == LineBreak;
            paragraph = paragraph || out[j] == ParagraphBreak;
            ++j;
        }
        if (!result.isEmpty() && j < out.size()) {
            if (paragraph) {
                result += QLatin1String("\n\n");
            } else if (line) {
                result += QLatin1Char('\n');
            } else {
                result += out.mid(i, j - i).contains(QLatin1Char('\t')) ? QLatin1Char('\t') : QLatin1Char(' ');
            }
        }
        i = j;
    }
    return result;
}

} // namespace kb
