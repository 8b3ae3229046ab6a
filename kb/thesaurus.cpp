#include "thesaurus.h"

#include "textnormalizer.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace kb {

const Thesaurus &Thesaurus::system()
{
    static const Thesaurus thesaurus = [] {
        Thesaurus t;
        const QString configured = qEnvironmentVariable("HOTLINE_THESAURUS");
        t.load(configured.isEmpty() ? QStringLiteral("/usr/share/openthesaurus-de/openthesaurus.txt") : configured);
        return t;
    }();
    return thesaurus;
}

bool Thesaurus::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return false;
    }
    static const QRegularExpression annotation(QStringLiteral("\\([^)]*\\)"));
    text::Stemmer &stemmer = text::Stemmer::local();
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        std::vector<std::string> set;
        for (QString entry : line.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            entry.remove(annotation);
            const std::vector<text::Token> tokens = text::tokenize(entry);
            if (tokens.size() != 1 || tokens.front().folded.size() < 3 || entry.contains(QLatin1String("..."))) {
                continue;   // phrases and fragments ("Deputat...") are no synonyms for a word
            }
            if (std::find(set.begin(), set.end(), tokens.front().folded) == set.end()) {
                set.push_back(tokens.front().folded);
            }
        }
        if (set.size() < 2) {
            continue;
        }
        const uint32_t id = uint32_t(m_sets.size());
        for (const std::string &w : set) {
            m_byStem[stemmer.stem(w)].push_back(id);
        }
        m_sets.push_back(std::move(set));
    }
    return true;
}

bool Thesaurus::isEmpty() const
{
    return m_sets.empty();
}

std::vector<std::string> Thesaurus::synonyms(const std::string &stem) const
{
    std::vector<std::string> out;
    const auto it = m_byStem.find(stem);
    if (it == m_byStem.end()) {
        return out;
    }
    text::Stemmer &stemmer = text::Stemmer::local();
    for (uint32_t id : it->second) {
        for (const std::string &w : m_sets[id]) {
            if (stemmer.stem(w) != stem && std::find(out.begin(), out.end(), w) == out.end()) {
                out.push_back(w);
            }
        }
    }
    return out;
}

} // namespace kb
