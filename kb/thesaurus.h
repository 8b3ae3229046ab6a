#pragma once

#include <QString>

#include <optional>
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
    // How many synonym sets the word is in: its meanings, roughly.
    size_t senses(const std::string &stem) const;

private:
    std::vector<std::vector<std::string>> m_sets; // folded words per synonym set
    std::unordered_map<std::string, std::vector<uint32_t>> m_byStem;
};

// Broader terms ("Oberbegriff") from the OpenThesaurus export for LibreOffice (Debian mythes-de, LGPL),
// which, unlike the text export, keeps them: callers name the concrete thing ("Birke", "Gewehr"), the
// catalogue the class of things ("Baum", "Waffe"). Keyed by the folded stem of the entry's word; single
// words only.
class Hypernyms
{
public:
    // The system's list (HOTLINE_HYPERNYMS or /usr/share/mythes/th_de_DE_v2.dat), loaded once; empty if
    // the file is missing.
    static const Hypernyms &system();

    bool load(const QString &path);
    bool isEmpty() const;

    // Folded broader terms of the word whose folded stem is `stem` ("birk" → laubbaum, laubholz).
    std::vector<std::string> of(const std::string &stem) const;

private:
    // Kept compact (the list has 33,000 words): "stem\0broader\0broader\0\0" per word in one buffer,
    // found by binary search over the entries' offsets, sorted by stem.
    std::string m_buffer;
    std::vector<uint32_t> m_entries;
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
    // True if the list has `folded` only capitalised: a noun ("Gewehre"), not also a verb form or an adjective.
    bool isNounOnly(std::string_view folded) const;

private:
    std::optional<size_t> find(std::string_view folded) const;

    std::string m_buffer;            // folded words, each followed by '\0'
    std::vector<uint32_t> m_offsets; // into m_buffer, sorted by word
    std::vector<bool> m_nounOnly;    // per entry of m_offsets
};

} // namespace kb
