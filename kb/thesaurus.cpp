#include "thesaurus.h"

#include "textnormalizer.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace kb {

namespace {

// A word resource of the system, from the file the environment variable names or else the Debian package's.
template <typename Resource> Resource loadSystem(const char *variable, const char *debianPath)
{
    Resource resource;
    const QString configured = qEnvironmentVariable(variable);
    resource.load(configured.isEmpty() ? QString::fromLatin1(debianPath) : configured);
    return resource;
}

} // namespace

const Thesaurus &Thesaurus::system()
{
    static const Thesaurus thesaurus =
        loadSystem<Thesaurus>("HOTLINE_THESAURUS", "/usr/share/openthesaurus-de/openthesaurus.txt");
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
                continue; // phrases and fragments ("Deputat...") are no synonyms for a word
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

size_t Thesaurus::senses(const std::string &stem) const
{
    const auto it = m_byStem.find(stem);
    return it == m_byStem.end() ? 0 : it->second.size();
}

const Hypernyms &Hypernyms::system()
{
    static const Hypernyms hypernyms = loadSystem<Hypernyms>("HOTLINE_HYPERNYMS", "/usr/share/mythes/th_de_DE_v2.dat");
    return hypernyms;
}

bool Hypernyms::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    // MyThes format: a line "word|meanings", then one line per meaning, "-|synonym|…|broader (Oberbegriff)|…".
    // 28 MB, of which only the meanings naming a broader term are read closely.
    const uchar *data = file.map(0, file.size());
    if (!data) {
        return false;
    }
    const std::string_view all(reinterpret_cast<const char *>(data), size_t(file.size()));
    text::Stemmer &stemmer = text::Stemmer::local();
    std::string_view head; // the word of the entry being read
    std::string headStem;  // its stem, once one of its meanings names a broader term; empty for a phrase
    bool stemmed = false;
    std::unordered_map<std::string, std::vector<std::string>> byStem;
    for (size_t at = all.find('\n'); at != std::string_view::npos && at < all.size();) {
        const size_t end = std::min(all.find('\n', at + 1), all.size());
        const std::string_view line = all.substr(at + 1, end - at - 1);
        at = end;
        if (line.empty()) {
            continue;
        }
        if (line.front() != '-' && line.front() != '(') {
            head = line.substr(0, line.find('|'));
            stemmed = false;
            continue;
        }
        if (line.find("(Oberbegriff)") == std::string_view::npos) {
            continue;
        }
        if (!stemmed) {
            const std::vector<text::Token> tokens = text::tokenize(QString::fromUtf8(head));
            headStem = tokens.size() == 1 ? stemmer.stem(tokens.front().folded) : std::string();
            stemmed = true;
        }
        if (headStem.empty()) {
            continue;
        }
        std::vector<std::string> &broader = byStem[headStem];
        for (size_t from = 0; from < line.size();) {
            const size_t bar = std::min(line.find('|', from), line.size());
            std::string_view entry = line.substr(from, bar - from);
            from = bar + 1;
            if (entry.find("(Oberbegriff)") == std::string_view::npos) {
                continue;
            }
            entry = entry.substr(0, entry.find('(')); // "Feuerwaffe (Oberbegriff)", "Wumme (ugs.) (Oberbegriff)"
            while (!entry.empty() && entry.back() == ' ') {
                entry.remove_suffix(1);
            }
            if (entry.size() < 3 || entry.find_first_of(" .-") != std::string_view::npos) {
                continue; // phrases are no broader term of a word
            }
            std::string folded = text::fold(QString::fromUtf8(entry));
            if (stemmer.stem(folded) != headStem &&
                std::find(broader.begin(), broader.end(), folded) == broader.end()) {
                broader.push_back(std::move(folded));
            }
        }
    }
    file.unmap(const_cast<uchar *>(data));

    std::vector<const std::pair<const std::string, std::vector<std::string>> *> sorted;
    for (const auto &entry : byStem) {
        if (!entry.second.empty()) {
            sorted.push_back(&entry);
        }
    }
    std::sort(sorted.begin(), sorted.end(), [](const auto *a, const auto *b) { return a->first < b->first; });
    m_buffer.clear();
    m_entries.clear();
    for (const auto *entry : sorted) {
        m_entries.push_back(uint32_t(m_buffer.size()));
        m_buffer += entry->first;
        m_buffer.push_back('\0');
        for (const std::string &broader : entry->second) {
            m_buffer += broader;
            m_buffer.push_back('\0');
        }
        m_buffer.push_back('\0');
    }
    m_buffer.shrink_to_fit();
    m_entries.shrink_to_fit();
    return true;
}

bool Hypernyms::isEmpty() const
{
    return m_entries.empty();
}

std::vector<std::string> Hypernyms::of(const std::string &stem) const
{
    std::vector<std::string> out;
    const auto it =
        std::lower_bound(m_entries.begin(), m_entries.end(), stem, [this](uint32_t offset, const std::string &s) {
            return std::string_view(m_buffer.data() + offset) < s;
        });
    if (it == m_entries.end() || std::string_view(m_buffer.data() + *it) != stem) {
        return out;
    }
    for (size_t at = *it + stem.size() + 1; m_buffer[at] != '\0';) {
        const std::string_view broader(m_buffer.data() + at);
        out.emplace_back(broader);
        at += broader.size() + 1;
    }
    return out;
}

const Lexicon &Lexicon::system()
{
    static const Lexicon lexicon = loadSystem<Lexicon>("HOTLINE_LEXICON", "/usr/share/dict/ngerman");
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
    m_nounOnly.clear();
    std::vector<bool> capitalised; // per entry, by its offset's index
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
        if (folded.size() < 3 ||
            !std::all_of(folded.begin(), folded.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
            continue;
        }
        m_offsets.push_back(uint32_t(m_buffer.size()));
        m_buffer += folded;
        m_buffer.push_back('\0');
        // German capitalises nouns: "Gewehre" is listed only so, "gemeldet" and "gebühren" in lower case.
        const auto first = (unsigned char)line.front();
        capitalised.push_back(
            (first >= 'A' && first <= 'Z') ||
            (first == 0xc3 && line.size() > 1 &&
             ((unsigned char)line[1] == 0x84 || (unsigned char)line[1] == 0x96 || (unsigned char)line[1] == 0x9c)));
    }
    const char *base = m_buffer.data();
    auto wordAt = [base](uint32_t offset) { return std::string_view(base + offset); };
    std::vector<uint32_t> order(m_offsets.size());
    for (uint32_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return wordAt(m_offsets[a]) < wordAt(m_offsets[b]); });
    std::vector<uint32_t> unique;
    unique.reserve(order.size());
    for (size_t i = 0; i < order.size();) {
        const std::string_view word = wordAt(m_offsets[order[i]]);
        bool nounOnly = true;
        size_t j = i;
        for (; j < order.size() && wordAt(m_offsets[order[j]]) == word; ++j) {
            nounOnly = nounOnly && capitalised[order[j]];
        }
        unique.push_back(m_offsets[order[i]]);
        m_nounOnly.push_back(nounOnly);
        i = j;
    }
    m_offsets = std::move(unique);
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

std::optional<size_t> Lexicon::find(std::string_view folded) const
{
    const auto it =
        std::lower_bound(m_offsets.begin(), m_offsets.end(), folded, [this](uint32_t offset, std::string_view w) {
            return std::string_view(m_buffer.data() + offset) < w;
        });
    if (it == m_offsets.end() || std::string_view(m_buffer.data() + *it) != folded) {
        return std::nullopt;
    }
    return size_t(it - m_offsets.begin());
}

bool Lexicon::contains(std::string_view folded) const
{
    return find(folded).has_value();
}

bool Lexicon::isNounOnly(std::string_view folded) const
{
    const auto at = find(folded);
    return at && m_nounOnly[*at];
}

} // namespace kb
