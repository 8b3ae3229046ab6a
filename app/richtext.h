#pragma once

#include <QString>

class QTextDocument;

namespace desk {

// The editor's rich text as the small catalogue HTML the article renderer expects: <p>, <h3>/<h4>, <ul>/<ol> with
// <li>, <strong>, <em>, <a href>. Walks the document's blocks and fragments instead of using QTextDocument::toHtml(),
// whose inline styles the sanitiser would strip (and bold with them). The result is run through kb::HtmlSanitizer,
// so a pasted script or javascript: link never reaches the store.
QString documentToCatalogueHtml(const QTextDocument *document);

} // namespace desk
