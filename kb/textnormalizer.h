#pragma once

#include <QString>
#include <QStringView>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct sb_stemmer;

namespace kb {

// The text pipeline search sees, shared by indexing and querying so both fold alike:
// tokenise on letters and digits → fold (lower case, ä→ae, ö→oe, ü→ue, ß→ss, other diacritics
// dropped) → German Snowball stem. Folded forms are UTF-8 std::strings (ASCII for German text),
// which keeps the index compact and comparisons cheap.
namespace text {

struct Token
{
    qsizetype begin = 0; // offset of the token in the source string, in UTF-16 units
    qsizetype length = 0;
    std::string folded;
};

// Splits `text` into tokens of letters and digits (hyphens, apostrophes and punctuation separate
// tokens) and folds each. Control characters and symbols are separators; nothing throws.
std::vector<Token> tokenize(QStringView text);

// The same tokens, one call each with the folded form in a buffer reused between calls (valid during
// the call only): no allocation per token, for scanning long texts.
void forEachToken(QStringView text,
                  const std::function<void(qsizetype begin, qsizetype length, std::string_view folded)> &visit);

// Folds one word: lower case, umlauts and ß to their two-letter spellings, diacritics removed.
std::string fold(QStringView word);

// True for German function words that carry no topic ("wo", "kann", "ich", "meinen", "der" …).
bool isStopWord(const std::string &folded);

// Nouns derived from a German strong or irregular verb whose stem changes, which no stemmer joins:
// "verloren" → verlust, "gestohlen" → diebstahl, "geboren" → geburt, "umgezogen" → umzug. Keyed by
// the folded Snowball stem of any of the verb's forms (so inflected participles match too); returns
// folded nouns, or nothing.
const std::vector<std::string> &derivedNouns(const std::string &stem);

// A German Snowball stemmer. One instance per thread: libstemmer objects are not thread-safe.
class Stemmer
{
public:
    Stemmer();
    ~Stemmer();
    Stemmer(const Stemmer &) = delete;
    Stemmer &operator=(const Stemmer &) = delete;

    // Stems an already folded word.
    std::string stem(const std::string &folded);

    // The calling thread's stemmer.
    static Stemmer &local();

private:
    sb_stemmer *m_stemmer = nullptr;
};

} // namespace text
} // namespace kb
