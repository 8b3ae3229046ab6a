#pragma once

#include <QByteArray>
#include <QString>

namespace kb {

// Checks that `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
// QJsonDocument silently replaces bad bytes, so importers check first. On failure `*badOffset` is
// the offset of the first byte that is not valid UTF-8.
bool isValidUtf8(const QByteArray &bytes, qsizetype *badOffset = nullptr);

// Catalogue HTML → plain text: tags dropped (block ends become line breaks), entities decoded,
// zero-width characters removed, runs of blanks collapsed.
QString htmlToPlainText(const QString &html);

// The first sentence or two of `html` as plain text, at most about `maxChars` characters.
QString summaryFromHtml(const QString &html, int maxChars = 240);

// Plain text → minimal HTML: paragraphs at blank lines, <br> at single line breaks, escaped.
QString plainTextToHtml(const QString &text);

// True if `text` contains an HTML tag or entity.
bool looksLikeHtml(const QString &text);

} // namespace kb
