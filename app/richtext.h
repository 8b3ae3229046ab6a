#pragma once

#include <QString>

class QTextDocument;

namespace desk {

// The editor's rich text as the small catalogue HTML the article renderer expects: <p>, <h3>/<h4>, <ul>/<ol> with
// <li>, <strong>, <em>, <a href>. Walks the document's blocks and fragments instead of using QTextDocument::toHtml(),
// whose inline styles the sanitiser would strip (and bold with them). The result is run through kb::HtmlSanitizer,
// so a pasted script or javascript: link never reaches the store.
QString documentToCatalogueHtml(const QTextDocument *document);

// Plain text typed into a multi-line field (the fees) as catalogue HTML: a blank line separates paragraphs (<p>), a
// line break stays one (<br>), and a paragraph whose lines all start with "– " becomes a bulleted list. Whitespace
// runs become one space. kb::HtmlSanitizer::toPlainText() gives the text back in that form (lists as "– " lines), so
// what a lead typed and saved reads the same when the editor loads it again.
QString plainTextToCatalogueHtml(const QString &text);

} // namespace desk
