#pragma once

#include <QString>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kb {

// OpenThesaurus (Debian openthesaurus-de-text, LGPL): German synonym sets, used by search to reach
// an article through a word neither it nor its keywords contain ("Nummernschild" → Kennzeichen,
// "heiraten" → Eheschließung via Ehe/Hochzeit). Words are keyed by folded Snowball stem; only
// single-word entries are kept.
class Thesaurus
{
public:
    // The system's thesaurus (HOTLINE_THESAURUS or /usr/share/openthesaurus-de/openthesaurus.txt),
    // loaded once; empty if the file is missing.
    static const Thesaurus &system();

    bool load(const QString &path);
    bool isEmpty() const;

    // Folded synonyms of the word whose folded stem is `stem`, without the word itself.
    std::vector<std::string> synonyms(const std::string &stem) const;

private:
    std::vector<std::vector<std::string>> m_sets;                  // folded words per synonym set
    std::unordered_map<std::string, std::vector<uint32_t>> m_byStem;
};

// A German word list (Debian wngerman, GPL: /usr/share/dict/ngerman, or HOTLINE_LEXICON), folded:
// tells search that a piece of a compound the catalogue does not use is still a German word
// ("touristen" in "Touristenvisum", "angler" in "Anglerschein"), so the rest of the compound can be
// matched and the piece looked up in the thesaurus. Kept compact: one sorted buffer of words.
class Lexicon
{
public:
    // The system's word list, loaded once; empty if the file is missing.
    static const Lexicon &system();

    bool load(const QString &path);
    bool isEmpty() const;
    size_t size() const;

    // True if `folded` (folded as text::fold does) is a word of the list.
    bool contains(std::string_view folded) const;

private:
    std::string m_buffer;               // folded words, each followed by '\0'
    std::vector<uint32_t> m_offsets;    // into m_buffer, sorted by word
};

} // namespace kb
