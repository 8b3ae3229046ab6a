#include "catch_qt.h"

#include "htmlsanitizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using kb::HtmlSanitizer;

namespace {
QString clean(const char *html)
{
    return HtmlSanitizer::sanitize(QString::fromUtf8(html));
}
} // namespace

TEST_CASE("sanitizer keeps the catalogue's formatting", "[sanitizer]")
{
    CHECK(clean("<p>Sie erhalten den <strong>Personalausweis</strong>.</p>") ==
          QStringLiteral("<p>Sie erhalten den <strong>Personalausweis</strong>.</p>"));
    CHECK(clean("<ul>\n <li>unter 24 Jahren: 27,60 Euro</li>\n</ul>") ==
          QStringLiteral("<ul>\n <li>unter 24 Jahren: 27,60 Euro</li>\n</ul>"));
    CHECK(clean("<ol start=\"3\"><li>a</li></ol>") == QStringLiteral("<ol start=\"3\"><li>a</li></ol>"));
    CHECK(clean("Zeile<br>Zeile<br/>") == QStringLiteral("Zeile<br>Zeile<br>"));
    CHECK(clean("<h1>Titel</h1><h4>Unter</h4>") == QStringLiteral("<h3>Titel</h3><h4>Unter</h4>"));
}

TEST_CASE("sanitizer drops scripts, styles and embedded content with their content", "[sanitizer]")
{
    CHECK(clean("a<script>document.title='x'</script>b") == QStringLiteral("ab"));
    CHECK(clean("a<SCRIPT type=text/javascript>alert(1)</SCRIPT >b") == QStringLiteral("ab"));
    CHECK(clean("a<script>if (a</b) {}</script>b") == QStringLiteral("ab"));
    CHECK(clean("a<style>body{display:none}</style>b") == QStringLiteral("ab"));
    CHECK(clean("a<iframe src=\"https://evil.example\">x</iframe>b") == QStringLiteral("ab"));
    CHECK(clean("a<object data=x></object><embed src=x>b") == QStringLiteral("ab"));
    CHECK(clean("a<svg><script>alert(1)</script></svg>b") == QStringLiteral("ab"));
    CHECK(clean("a<noscript><p>x</p></noscript>b") == QStringLiteral("ab"));
    CHECK(clean("a<script>never closed") == QStringLiteral("a"));
    CHECK(clean("<template><img src=x onerror=alert(1)></template>ok") == QStringLiteral("ok"));
}

TEST_CASE("sanitizer removes event handlers, styles and unknown attributes", "[sanitizer]")
{
    CHECK(clean("<p onclick=\"alert(1)\" style=\"color:red\" class=\"x\" id=\"y\">t</p>") ==
          QStringLiteral("<p>t</p>"));
    CHECK(clean("<a href=\"https://muenchen.de\" onmouseover='x()' target=_blank>m</a>") ==
          QStringLiteral("<a href=\"https://muenchen.de\" rel=\"noopener noreferrer\">m</a>"));
    CHECK(clean("<td colspan=\"2\" rowspan=\"x\">c</td>") == QStringLiteral("<td colspan=\"2\">c</td>"));
    CHECK(clean("<p ONLOAD=x>t</p>") == QStringLiteral("<p>t</p>"));
}

TEST_CASE("sanitizer allows only web, mail and phone links", "[sanitizer]")
{
    CHECK(clean("<a href=\"javascript:alert(1)\">x</a>") == QStringLiteral("<a>x</a>"));
    CHECK(clean("<a href=\" JaVaScRiPt:alert(1)\">x</a>") == QStringLiteral("<a>x</a>"));
    CHECK(clean("<a href=\"java\tscript:alert(1)\">x</a>") == QStringLiteral("<a>x</a>"));
    CHECK(clean("<a href=\"jav&#x61;script:alert(1)\">x</a>") == QStringLiteral("<a>x</a>"));
    CHECK(clean("<a href=\"&#106;avascript:alert(1)\">x</a>") == QStringLiteral("<a>x</a>"));
    CHECK(clean("<a href=\"javascript&colon;alert(1)\">x</a>") == QStringLiteral("<a>x</a>"));
    CHECK(clean("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>") == QStringLiteral("<a>x</a>"));
    CHECK(clean("<a href=\"vbscript:x\">x</a>") == QStringLiteral("<a>x</a>"));
    CHECK(clean("<a href=\"file:///etc/passwd\">x</a>") == QStringLiteral("<a>x</a>"));
    CHECK(clean("<a href=\"/relative/path\">x</a>") == QStringLiteral("<a>x</a>"));
    CHECK(clean("<a href=\"mailto:buergerbuero.kvr@muenchen.de\">m</a>") ==
          QStringLiteral("<a href=\"mailto:buergerbuero.kvr@muenchen.de\" rel=\"noopener noreferrer\">m</a>"));
    CHECK(clean("<a href=\"tel:+4989233960000\">t</a>").contains(QStringLiteral("href=\"tel:+4989233960000\"")));
    CHECK(clean("<a href=\"https://a.example/?x=1&amp;y=2\">q</a>")
              .contains(QStringLiteral("href=\"https://a.example/?x=1&amp;y=2\"")));
    CHECK(HtmlSanitizer::isAllowedLinkUrl(QStringLiteral("https://stadt.muenchen.de/")));
    CHECK_FALSE(HtmlSanitizer::isAllowedLinkUrl(QStringLiteral("https://")));
    CHECK_FALSE(HtmlSanitizer::isAllowedLinkUrl(QStringLiteral("qrc:/desk/article.css")));
}

TEST_CASE("sanitizer removes every resource load", "[sanitizer]")
{
    CHECK(clean("<img src=\"https://tracker.example/p.gif\">x") == QStringLiteral("x"));
    CHECK(clean("<img src=x onerror=\"document.title='pwned'\">x") == QStringLiteral("x"));
    CHECK(clean("<link rel=stylesheet href=https://x.example/a.css>x") == QStringLiteral("x"));
    CHECK(clean("<meta http-equiv=refresh content=\"0;url=https://x.example\">x") == QStringLiteral("x"));
    CHECK(clean("<video src=x></video><audio src=y></audio><source src=z>x") == QStringLiteral("x"));
    CHECK(clean("<form action=https://x.example><input name=a><button>Go</button></form>") == QStringLiteral("Go"));
    CHECK(clean("<base href=https://x.example/>x") == QStringLiteral("x"));
    CHECK_FALSE(clean("<p style=\"background:url(https://x.example/a.png)\">x</p>").contains(QStringLiteral("url")));
}

TEST_CASE("sanitizer output is well-formed and escaped", "[sanitizer]")
{
    CHECK(clean("<p><strong>offen") == QStringLiteral("<p><strong>offen</strong></p>"));
    CHECK(clean("</div>text</p>") == QStringLiteral("text"));
    CHECK(clean("<p>a<p>b") == QStringLiteral("<p>a</p><p>b</p>"));
    CHECK(clean("<ul><li>a<li>b</ul>") == QStringLiteral("<ul><li>a</li><li>b</li></ul>"));
    CHECK(clean("<b><i>x</b>y</i>") == QStringLiteral("<b><i>x</i></b>y"));
    CHECK(clean("1 < 2 & 3 > 2") == QStringLiteral("1 &lt; 2 &amp; 3 &gt; 2"));
    CHECK(clean("&lt;script&gt;alert(1)&lt;/script&gt;") == QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(clean("Gr&uuml;&szlig;e &amp; &euro; &#8364; &#x20AC; &unknown;") ==
          QStringLiteral("Grüße &amp; € € € &amp;unknown;"));
    CHECK(clean("<a title='\"><script>x</script>' href=https://a.example>y</a>") ==
          QStringLiteral("<a title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\" href=\"https://a.example\" "
                         "rel=\"noopener noreferrer\">y</a>"));
    CHECK(clean("a<!-- <script>alert(1)</script> -->b") == QStringLiteral("ab"));
    CHECK(clean("a<!DOCTYPE html>b<?php echo 1 ?>c") == QStringLiteral("abc"));
    CHECK(clean("a<!-- unterminated <script>") == QStringLiteral("a"));
    CHECK(clean("<p>x</p>&#0;&#xD800;") == QStringLiteral("<p>x</p>\uFFFD\uFFFD"));
    CHECK(clean("").isEmpty());
}

TEST_CASE("sanitizer leaves no script or handler in the whole Munich catalogue", "[sanitizer]")
{
    QFile file(QStringLiteral(HOTLINE_SHARED_DATA_DIR "/munich_dldb_services_de.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonArray services =
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("data")).toArray();
    REQUIRE(services.size() > 250);
    int withLinks = 0;
    for (const QJsonValue &v : services) {
        for (const char *field : {"description", "fees"}) {
            const QString raw = v.toObject().value(QLatin1String(field)).toString();
            const QString out = HtmlSanitizer::sanitize(raw);
            CHECK_FALSE(out.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
            CHECK_FALSE(out.contains(
                QRegularExpression(QStringLiteral("<[^>]+\\son[a-z]+="), QRegularExpression::CaseInsensitiveOption)));
            CHECK_FALSE(out.contains(QStringLiteral("<img"), Qt::CaseInsensitive));
            CHECK(HtmlSanitizer::sanitize(out) == out); // idempotent: sanitised HTML is a fixed point
            if (out.contains(QStringLiteral("<a href=\"https://"))) {
                ++withLinks;
            }
            // No text is lost: the plain text of input and output agree.
            CHECK(HtmlSanitizer::toPlainText(out) == HtmlSanitizer::toPlainText(raw));
        }
    }
    CHECK(withLinks > 20); // real links survive
}

TEST_CASE("plain text keeps paragraphs, list items and link targets", "[sanitizer]")
{
    const QString text = HtmlSanitizer::toPlainText(QStringLiteral(
        "<p>Sie   erhalten\n den Ausweis.</p><ul>\n <li>unter 24 Jahren: 27,60&nbsp;Euro</li>\n <li>über 24: 46 "
        "Euro</li></ul><p>Siehe <a href=\"https://muenchen.de/x\">Kontaktformular</a>.<br>Danke</p>"
        "<script>alert(1)</script>"));
    CHECK(text == QStringLiteral("Sie erhalten den Ausweis.\n\n– unter 24 Jahren: 27,60 Euro\n– über 24: 46 Euro\n\n"
                                 "Siehe Kontaktformular <https://muenchen.de/x>.\nDanke"));
}
