#pragma once

#include <QString>

namespace kb {

// Turns catalogue HTML (written by people in an editor, imported from city portals) into HTML that is safe to
// show in the desk's article view and later in the editor preview. Allow-list based: known formatting tags
// survive with a few harmless attributes; script-like elements are dropped together with their content; every
// other tag is dropped but its text kept. Links keep only http:, https:, mailto: and tel: targets; images and
// anything else that would load a resource are removed, so a sanitised fragment never touches the network.
// The output is well-formed: every open tag is closed, text and attribute values are escaped.
// QtCore only, pure functions: safe on any thread.
class HtmlSanitizer
{
public:
    static QString sanitize(const QString &html);

    // Readable plain text for the clipboard or an e-mail: paragraphs and list items on their own lines,
    // list items prefixed with "– ", entities decoded, runs of whitespace collapsed.
    static QString toPlainText(const QString &html);

    // Whether `url` may be a link target in a sanitised fragment (after entity decoding and trimming).
    static bool isAllowedLinkUrl(const QString &url);
};

} // namespace kb
