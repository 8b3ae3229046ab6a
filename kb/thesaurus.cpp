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
    // Line by line straight into the buffer (no per-word strings): the list has 356,000 words, and
    // the process should not hold them more than once.
    m_buffer.clear();
    m_offsets.clear();
    m_buffer.reserve(size_t(file.size()) + size_t(file.size()) / 8);
    std::string folded;
    char raw[256];
    while (true) {
        const qint64 length = file.readLine(raw, sizeof raw);
        if (length < 0) {
            break;
        }
        if (length > 0 && raw[length - 1] != '\n' && !file.atEnd()) {
            // A line longer than any word: skip the rest of it.
            for (qint64 more = length; more > 0 && raw[more - 1] != '\n';) {
                more = file.readLine(raw, sizeof raw);
            }
            continue;
        }
        const QByteArrayView line = QByteArrayView(raw, length).trimmed();
        if (line.size() < 3 || line.size() > 48) {
            continue;
        }
        folded.clear();
        bool ascii = true;
        for (const char c : line) {
            if ((unsigned char)c >= 0x80) {
                ascii = false;
                break;
            }
            folded.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
        }
        if (!ascii) {
            folded = text::fold(QString::fromUtf8(line));
        }
        // Only plain words: abbreviations with dots, apostrophes or digits are no compound parts.
        if (folded.size() < 3 || !std::all_of(folded.begin(), folded.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
            continue;
        }
        m_offsets.push_back(uint32_t(m_buffer.size()));
        m_buffer += folded;
        m_buffer.push_back('\0');
    }
    const char *base = m_buffer.data();
    auto wordAt = [base](uint32_t offset) { return std::string_view(base + offset); };
    std::sort(m_offsets.begin(), m_offsets.end(), [&](uint32_t a, uint32_t b) { return wordAt(a) < wordAt(b); });
    m_offsets.erase(std::unique(m_offsets.begin(), m_offsets.end(), [&](uint32_t a, uint32_t b) { return wordAt(a) == wordAt(b); }),
                    m_offsets.end());
    m_offsets.shrink_to_fit();
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
