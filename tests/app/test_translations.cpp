// The desk's catalogues are complete: every source string has a finished translation in German and English, and
// every translation keeps the placeholders (%1, %n …) and the mnemonic marker of its source.
#include "catch_qt.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    QString type;
};

QList<Message> readTs(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QList<Message> messages;
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message{context, {}, {}, {}};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            // Either text or <numerusform> children.
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters()) {
                    text += xml.text();
                } else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                    current.translations << xml.readElementText();
                } else if (xml.isEndElement() && xml.name() == QLatin1String("translation")) {
                    break;
                }
            }
            if (current.translations.isEmpty()) {
                current.translations << text;
            }
            messages << current;
        }
    }
    REQUIRE_FALSE(xml.hasError());
    return messages;
}

QSet<QString> placeholders(const QString &s)
{
    QSet<QString> found;
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    for (auto it = re.globalMatch(s); it.hasNext();) {
        found.insert(it.next().captured(0));
    }
    return found;
}

} // namespace

TEST_CASE("German and English catalogues are complete and keep placeholders", "[i18n]")
{
    for (const char *lang : {"de", "en"}) {
        const QList<Message> messages =
            readTs(QStringLiteral(HOTLINE_SOURCE_DIR "/translations/hotline_%1.ts").arg(QLatin1String(lang)));
        REQUIRE(messages.size() > 150);
        for (const Message &m : messages) {
            INFO(lang << " " << m.context.toStdString() << ": " << m.source.toStdString());
            CHECK(m.type.isEmpty()); // not unfinished, vanished or obsolete
            for (const QString &t : m.translations) {
                CHECK_FALSE(t.trimmed().isEmpty());
                CHECK(placeholders(t) == placeholders(m.source));
                // A mnemonic in the source needs one in the translation (menus stay keyboard-reachable).
                if (m.source.contains(QRegularExpression(QStringLiteral("&[^ &]")))) {
                    CHECK(t.contains(QRegularExpression(QStringLiteral("&[^ &]"))));
                }
            }
        }
    }
}
