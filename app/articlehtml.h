#pragma once

#include "article.h"

#include <QList>
#include <QString>

class QPalette;

namespace desk {

// Colours the article stylesheet takes from the desk's palette, so articles follow dark and light mode.
struct ArticleColours
{
    QString window;
    QString text;
    QString base;
    QString alternateBase;
    QString mid;
    QString highlight;
    QString highlightedText;
    QString link;
    QString placeholder;

    static ArticleColours fromPalette(const QPalette &palette);
};

// The complete article page: our own template and stylesheet (resources/desk/article.css) around the
// catalogue's sanitised HTML. A Content-Security-Policy forbids scripts and every external load as a
// second line of defence behind the sanitiser.
QString renderArticleHtml(const kb::Article &article, const QList<kb::Office> &offices, const ArticleColours &colours,
                          bool favourite);

// The article's essentials as plain text, ready to paste into an e-mail to the citizen.
QString articleEssentialsText(const kb::Article &article, const QList<kb::Office> &offices);

} // namespace desk
