#pragma once

#include <QString>

#include <string>
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

} // namespace kb
