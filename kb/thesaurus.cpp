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

const Lexicon &Lexicon::system()
{
    static const Lexicon lexicon = [] {
        Lexicon l;
        const QString configured = qEnvironmentVariable("HOTLINE_LEXICON");
        l.load(configured.isEmpty() ? QStringLiteral("/usr/share/dict/ngerman") : configured);
        return l;
    }();
    return lexicon;
}

bool Lexicon::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray data = file.readAll();
    std::vector<std::string> words;
    words.reserve(size_t(data.count('\n')) + 1);
    for (const QByteArray &rawLine : data.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.size() < 3 || line.size() > 48) {
            continue;
        }
        const bool ascii = std::all_of(line.begin(), line.end(), [](char c) { return (unsigned char)c < 0x80; });
        std::string folded;
        if (ascii) {
            folded.reserve(size_t(line.size()));
            for (const char c : line) {
                folded.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
            }
        } else {
            folded = text::fold(QString::fromUtf8(line));
        }
        // Only plain words: abbreviations with dots, apostrophes or digits are no compound parts.
        if (folded.size() < 3 || !std::all_of(folded.begin(), folded.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
            continue;
        }
        words.push_back(std::move(folded));
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    m_buffer.clear();
    m_offsets.clear();
    m_offsets.reserve(words.size());
    for (const std::string &w : words) {
        m_offsets.push_back(uint32_t(m_buffer.size()));
        m_buffer += w;
        m_buffer.push_back('\0');
    }
    m_buffer.shrink_to_fit();
    return true;
}

bool Lexicon::isEmpty() const
{
    return m_offsets.empty();
}

size_t Lexicon::size() const
{
    return m_offsets.size();
}

bool Lexicon::contains(std::string_view folded) const
{
    const auto it = std::lower_bound(m_offsets.begin(), m_offsets.end(), folded, [this](uint32_t offset, std::string_view w) {
        return std::string_view(m_buffer.data() + offset) < w;
    });
    return it != m_offsets.end() && std::string_view(m_buffer.data() + *it) == folded;
}

} // namespace kb
