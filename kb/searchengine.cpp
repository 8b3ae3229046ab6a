// The search agents type into while a citizen waits: an in-memory inverted index over Snowball
// stems, with compound parts, prefix completion, typo tolerance and synonyms resolved at query
// time against the index's own vocabulary. docs/search.md explains the design and its figures.
#include "searchengine.h"

#include "textnormalizer.h"
#include "textutil.h"
#include "thesaurus.h"

#include <QHash>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace kb {

namespace {

using text::Stemmer;

constexpr size_t kMaxQueryChars = 2000; // longer input is cut: nobody types more while on the phone
constexpr size_t kMaxConcepts = 24;
constexpr size_t kMaxPrefixCompletions = 16;
constexpr size_t kMaxFuzzyCandidates = 12;
constexpr size_t kMinPartLength = 3;
constexpr size_t kMaxParts = 4;
constexpr int kRerankDepth = 200;

// How much a match in each field counts: the title says what a service is, keywords are what
// people call it, the body mentions much else besides.
constexpr float kTitleWeight = 3.0f;
constexpr float kKeywordWeight = 2.0f;
constexpr float kBodyWeight = 1.0f;
// The team's example questions say how callers ask for a service: a word in several of them is as good as
// a keyword. Saturated and length-normalised like the body (BM25).
constexpr float kQuestionWeight = 2.5f;

// How much an inexact match is worth against an exact stem match.
constexpr float kSynonymWeight = 0.95f;
constexpr float kLaterExpansionFactor = 0.97f; // each further expansion of a synonym entry, against the one before
constexpr float kSplitWeight = 0.85f;
constexpr float kTypo1Weight = 0.75f;
constexpr float kTypo2Weight = 0.55f;
constexpr float kInflectionWeight = 0.9f;
constexpr float kDerivationWeight = 0.6f;
constexpr float kPriorWeight = 0.3f;
constexpr float kKeywordPriorWeight = 0.6f;
constexpr float kUmlautWeight = 0.75f;
constexpr float kAssociationWeight = 0.3f; // × the share of the keyword's articles with that title term
constexpr uint32_t kMinAssociationArticles = 2;
constexpr float kMinAssociationShare = 0.25f; // of the articles whose keywords alone have the word
constexpr size_t kMaxAssociations = 6;
constexpr float kThesaurusWeight = 0.7f;
constexpr float kHypernymWeight = 0.5f;
constexpr size_t kMaxThesaurusSenses = 8;
constexpr size_t kMinBroaderPiece = 5;
constexpr size_t kMinRevealedPiece = 5;
constexpr size_t kMaxThesaurusTerms = 16;
// A compound part only the lexicon knows counts this much of its letters as recognised, and each
// such part brings at most this many of its thesaurus synonyms.
constexpr float kLexicalPartShare = 0.5f;
// An article that matches only some groups of a multi-part alternative keeps this share of its score.
constexpr float kPartialGroupsFactor = 0.5f;
// A query word matched at this share of its best match in any article counts as fully covered.
constexpr float kCoverShare = 0.25f;
constexpr size_t kMaxLexicalSynonyms = 6;
// The start of a synonym-table term being typed: from this many letters, at most this many terms.
constexpr size_t kMinSynonymPrefix = 5;
constexpr float kMinSynonymPrefixShare = 0.6f; // of the term's letters
constexpr size_t kMaxSynonymCompletions = 3;
// A term found only inside compounds ("ausweis" in "Personalausweis") counts a little less than
// the word standing alone.
constexpr float kPartFactor = 0.75f;

enum Field : uint8_t { TitleField, KeywordField, BodyField, QuestionField };

// A term in one article, with its field-weighted score precomputed at build time so the query
// loop is one multiply-add per posting.
struct Posting
{
    uint32_t doc;
    float score;
};

// The same, while the index is built: frequencies per field before they are weighed.
struct RawPosting
{
    uint32_t doc;
    uint8_t title; // term frequency per field, saturated at 255
    uint8_t keywords;
    uint8_t body;
    uint8_t questions;
    uint8_t direct; // 1: the term stands as a word of its own, 0: only as part of compounds
};

struct Term
{
    std::string stem;
    std::vector<Posting> postings;
    float idf = 0;
    uint32_t wordDf = 0; // documents of the words with this stem: how common it is as a compound part
};

// Lets the string-keyed maps be probed with string_views: compound splitting looks up many substrings.
struct StringHash
{
    using is_transparent = void;
    size_t operator()(std::string_view s) const
    {
        return std::hash<std::string_view>{}(s);
    }
};
template <typename V> using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// A compound taken apart: the terms of its known parts, and how many of its letters they cover.
struct Split
{
    std::vector<uint32_t> terms;
    size_t knownChars = 0;                 // letters covered by parts the index knows
    std::vector<std::string> lexicalParts; // parts only the lexicon knows ("touristen" in "touristenvisum")
    size_t lexicalChars = 0;
};

struct Word
{
    std::string folded;
    uint32_t term = 0;               // the stem of the whole word
    std::vector<uint32_t> partTerms; // stems of its compound parts, if it splits
    uint32_t df = 0;                 // documents containing it
    uint16_t bigramCount = 0;        // distinct bigrams of `folded`, with its start and end
};

struct Doc
{
    QString id;
    QString title;
    QString snippetSource;            // summary and description as plain text
    std::vector<uint32_t> titleWords; // the title's content words
    uint16_t bodyLength = 0;
    uint16_t questionLength = 0; // words of the example questions (no stop words)
    float prior = 0;             // how much the catalogue mentions what the title names, 0..1
    float keywordPrior = 0;      // how many search terms the editors gave it, log-scaled, 0..1
    uint32_t titleOrder = 0;     // rank of the title in alphabetical order: equal scores go by it
};

// One way of matching a query word, at `weight`: every group must match (the parts of a
// compound), each group by any of its terms (the completions of a compound modifier).
struct Alternative
{
    std::vector<std::vector<uint32_t>> groups;
    float weight = 1;
    const char *how = ""; // which way of matching it is, for explain()
};

// One word of the query and every way the index can match it.
struct Concept
{
    std::vector<Alternative> alternatives;
    bool optional = false; // a stop word being typed at the end: counts only if it matches
    std::string word;      // the folded query word, for explain()
};

void appendEscaped(QString &out, QStringView text)
{
    qsizetype plain = 0; // start of the run of characters that need no escaping
    for (qsizetype i = 0; i < text.size(); ++i) {
        QLatin1String replacement;
        switch (text.at(i).unicode()) {
        case '<':
            replacement = QLatin1String("&lt;");
            break;
        case '>':
            replacement = QLatin1String("&gt;");
            break;
        case '&':
            replacement = QLatin1String("&amp;");
            break;
        case '"':
            replacement = QLatin1String("&quot;");
            break;
        case '\n':
            replacement = QLatin1String(" ");
            break;
        default:
            continue;
        }
        out += text.mid(plain, i - plain);
        out += replacement;
        plain = i + 1;
    }
    out += text.mid(plain);
}

// The word a feminine form of a person is made from: "italienerin", "studentinnen" → "italiener", "student".
// Empty if the word has no such ending or too little is left (the caller checks that the rest is a word).
std::string masculineForm(const std::string &folded)
{
    for (std::string_view ending : {std::string_view("innen"), std::string_view("in")}) {
        if (folded.ends_with(ending) && folded.size() >= ending.size() + 5) {
            return folded.substr(0, folded.size() - ending.size());
        }
    }
    return {};
}

// Makes tokens[i] and tokens[i + 1] one word, as written together ("Kfz-Zulassung" → kfzzulassung).
void joinWithNext(std::vector<text::Token> &tokens, size_t i)
{
    tokens[i].folded += tokens[i + 1].folded;
    tokens[i].length = tokens[i + 1].begin + tokens[i + 1].length - tokens[i].begin;
    tokens.erase(tokens.begin() + qsizetype(i) + 1);
}

// Which of the letters a–z a folded word has (other bytes are ignored).
uint32_t letterSet(std::string_view folded)
{
    uint32_t set = 0;
    for (const char c : folded) {
        if (c >= 'a' && c <= 'z') {
            set |= 1u << (c - 'a');
        }
    }
    return set;
}

// The infinitive a present-tense verb form may belong to: "importiert" → importieren, "meldet" → melden.
// A guess, empty for a word that does not end in -t; the caller looks it up.
std::string infinitiveOf(const std::string &folded)
{
    if (folded.size() < 5 || folded.back() != 't') {
        return {};
    }
    return folded.substr(0, folded.size() - (folded.ends_with("et") ? 2 : 1)) + "en";
}

bool isHyphenated(QStringView text, const text::Token &a, const text::Token &b)
{
    return b.begin == a.begin + a.length + 1 && text.at(a.begin + a.length) == QLatin1Char('-');
}

// Particles that split off German verbs in a sentence ("melde … an", "ziehe … um").
// The particles of German separable verbs ("melde … ab", "abgemeldet", "weitergegeben").
// The German linking elements between the parts of a compound, and none.
constexpr std::array<std::string_view, 7> kLinkers = {"", "s", "es", "n", "en", "e", "er"};

constexpr std::array<std::string_view, 22> kSeparableParticles = {
    "an",      "ab",   "um",  "aus", "ein",    "auf",    "mit",  "nach", "vor", "zu",   "weg",
    "zurueck", "fest", "her", "hin", "weiter", "wieder", "frei", "dar",  "bei", "fort", "los"};

bool isSeparablePrefix(const std::string &folded)
{
    return std::find(kSeparableParticles.begin(), kSeparableParticles.end(), folded) != kSeparableParticles.end();
}

// Separable particles that are no prepositions: after a verb they can only be its particle.
bool isAdverbialParticle(const std::string &folded)
{
    static constexpr std::array<std::string_view, 11> particles = {"weg", "fort", "zurueck", "weiter", "wieder",  "los",
                                                                   "hin", "her",  "fest",    "frei",   "zusammen"};
    return std::find(particles.begin(), particles.end(), folded) != particles.end();
}

uint32_t bigramKey(unsigned char a, unsigned char b)
{
    return (uint32_t(a) << 8) | b;
}

std::vector<uint32_t> bigrams(const std::string &w)
{
    std::vector<uint32_t> out;
    out.reserve(w.size() + 1);
    unsigned char prev = '^';
    for (unsigned char c : w) {
        out.push_back(bigramKey(prev, c));
        prev = c;
    }
    out.push_back(bigramKey(prev, '$'));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Optimal string alignment distance (Damerau-Levenshtein without repeated edits), bounded:
// returns max + 1 as soon as the distance must exceed max.
int boundedEditDistance(std::string_view a, std::string_view b, int max)
{
    const int n = int(a.size());
    const int m = int(b.size());
    if (std::abs(n - m) > max) {
        return max + 1;
    }
    thread_local std::vector<int> prev2, prev, cur; // three rows, reused: this runs for every typo candidate
    prev2.assign(size_t(m) + 1, 0);
    prev.assign(size_t(m) + 1, 0);
    cur.assign(size_t(m) + 1, 0);
    for (int j = 0; j <= m; ++j) {
        prev[size_t(j)] = j;
    }
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[size_t(i - 1)] == b[size_t(j - 1)] ? 0 : 1;
            int v = std::min({prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1, prev[size_t(j - 1)] + cost});
            if (i > 1 && j > 1 && a[size_t(i - 1)] == b[size_t(j - 2)] && a[size_t(i - 2)] == b[size_t(j - 1)]) {
                v = std::min(v, prev2[size_t(j - 2)] + 1);
            }
            cur[size_t(j)] = v;
            rowMin = std::min(rowMin, v);
        }
        if (rowMin > max) {
            return max + 1;
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[size_t(m)];
}

// A stem with its umlauts undone: plural and derived forms change the vowel ("Pass" → "Pässe",
// "Ausland" → "Ausländer"), which Snowball keeps apart.
std::string withoutUmlauts(const std::string &stem)
{
    std::string out;
    out.reserve(stem.size());
    for (size_t i = 0; i < stem.size(); ++i) {
        out.push_back(stem[i]);
        if (i + 1 < stem.size() && stem[i + 1] == 'e' && (stem[i] == 'a' || stem[i] == 'o' || stem[i] == 'u')) {
            ++i;
        }
    }
    return out;
}

bool isAscii(const std::string &s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return (unsigned char)c < 0x80; });
}

float saturate(unsigned tf)
{
    return tf == 0 ? 0.0f : 1.0f + 0.15f * float(std::min(tf - 1, 3u));
}

// Per-thread scratch arrays for scoring, sized to the largest index searched on the thread and
// always left zeroed.
struct Scratch
{
    std::vector<float> alt, wordScore, total, matched;
    std::vector<uint16_t> groupsMatched;
    std::vector<uint32_t> touchedAlt, touchedConcept, touchedTotal;
    std::vector<uint16_t> wordCounts;
    std::vector<uint32_t> touchedWords;

    void ensure(size_t docs, size_t words)
    {
        if (alt.size() < docs) {
            alt.resize(docs);
            wordScore.resize(docs);
            total.resize(docs);
            matched.resize(docs);
            groupsMatched.resize(docs);
        }
        if (wordCounts.size() < words) {
            wordCounts.resize(words);
        }
    }
};

Scratch &scratch()
{
    thread_local Scratch s;
    return s;
}

} // namespace

struct SearchEngine::Index
{
    std::vector<Doc> docs;
    std::vector<Term> terms;
    StringMap<uint32_t> termByStem;
    std::vector<Word> words;
    StringMap<uint32_t> wordByFolded;
    std::vector<uint32_t> wordsByText;                   // word ids sorted by folded text: prefix completion
    std::vector<uint32_t> termsByText;                   // term ids sorted by stem: stem prefixes
    StringMap<std::vector<uint32_t>> termsByPlainVowels; // stems that differ only in umlauts
    std::unordered_map<uint32_t, std::vector<uint32_t>> wordsByBigram;
    size_t realWordCount = 0; // words[realWordCount…] are pieces the vocabulary reveals, not words of the text
    std::unordered_map<std::string, std::vector<std::vector<std::string>>> synonyms; // folded term → expansions
    // The same by the term's stem, for inflected forms the table does not list ("Hochzeiten", "Ausweises").
    std::unordered_map<std::string, std::vector<std::vector<std::string>>> synonymsByStem;
    std::vector<std::string> synonymKeys;    // the single-word terms, sorted: completions of what is being typed
    std::vector<uint32_t> synonymKeyLetters; // per term, which of a–z it has: a cheap bound before an edit distance
    // Entries of several words ("Führerschein auf Probe"): the stems of their words, in order.
    struct PhraseSynonym
    {
        std::vector<std::string> stems;
        std::vector<std::vector<std::string>> expansions;
    };
    std::vector<PhraseSynonym> phraseSynonyms;
    float averageBodyLength = 1;
    // Words the catalogue's keyword lists add to an article (not in its title or text), and the
    // title terms of those articles: how callers' words map onto the catalogue's language.
    std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, float>>> associations;

    uint32_t termFor(const std::string &stem)
    {
        auto [it, inserted] = termByStem.try_emplace(stem, uint32_t(terms.size()));
        if (inserted) {
            terms.push_back({stem, {}, 0, 0});
        }
        return it->second;
    }

    const Word *word(std::string_view folded) const
    {
        const auto it = wordByFolded.find(folded);
        return it == wordByFolded.end() ? nullptr : &words[it->second];
    }

    std::optional<uint32_t> term(std::string_view stem) const
    {
        const auto it = termByStem.find(stem);
        return it == termByStem.end() ? std::nullopt : std::optional<uint32_t>(it->second);
    }

    // A candidate compound part: a word of the index, or a stem of one ("meld" in "meldebescheinigung").
    // Returns its term and how common it is, or df 0.
    std::pair<uint32_t, uint32_t> part(std::string_view piece) const
    {
        if (const Word *w = word(piece)) {
            // A piece the vocabulary only reveals (no word of the text) is trusted from five letters on; a
            // shorter one only if it is a German word ("baum" in "Baumschutz", not "ausl" in "Ausländer").
            if (size_t(w - words.data()) >= realWordCount && piece.size() < kMinRevealedPiece &&
                !Lexicon::system().isEmpty() && !Lexicon::system().contains(piece)) {
                return {0, 0};
            }
            return {w->term, std::max<uint32_t>(w->df, 1)};
        }
        if (piece.size() >= 4) {
            if (const auto t = term(piece)) {
                return {*t, std::max<uint32_t>(terms[*t].wordDf, 1)};
            }
        }
        return {0, 0};
    }

    // The term of a folded word: the word of the index, or its stem. With `nounStem`, for a word from outside
    // the catalogue (a thesaurus entry), also the stem the nouns of a verb in -eln/-ern have
    // ("uebermitteln" → uebermittl(ung)).
    std::optional<uint32_t> termOf(const std::string &folded, bool nounStem = false) const
    {
        if (const Word *w = word(folded)) {
            return w->term;
        }
        const std::string stem = Stemmer::local().stem(folded);
        if (const auto t = term(stem); t || !nounStem) {
            return t;
        }
        std::string_view base(stem);
        if (base.ends_with("eln") || base.ends_with("ern")) {
            base.remove_suffix(1); // Snowball keeps "uebermitteln" whole
        }
        if (base.size() >= 6 && (base.ends_with("el") || base.ends_with("er"))) {
            return term(std::string(base.substr(0, base.size() - 2)) + base.back());
        }
        return std::nullopt;
    }

    // The term a broader term from the thesaurus reaches: the head of a compound, the class of the class
    // ("Feuerwaffe" → waffe, "Laubbaum" → baum), or else the word itself.
    std::optional<uint32_t> broaderTerm(const std::string &folded) const
    {
        for (size_t cut = 3; cut + 4 <= folded.size(); ++cut) {
            if (const auto [t, df] = part(std::string_view(folded).substr(cut)); df > 0) {
                return t;
            }
        }
        return termOf(folded, true);
    }

    Split split(const std::string &folded, bool allowUnknown, bool useLexicon = false) const;
    void addTermAlternatives(Concept &target, const std::string &folded, bool typing, bool stopWord = false) const;
    std::vector<Concept> parse(const QString &query) const;
    QString explain(const QString &query) const;
    QString snippet(const Doc &doc, const std::unordered_map<uint32_t, float> &matchedTerms) const;
};

// Splits a folded compound into known words or stems ("zweitwohnungssteuer" → zweitwohnung|steuer,
// "meldebescheinigung" → meld|bescheinigung), allowing the German linking elements between parts.
// Among the splits covering the most letters it takes the one with the fewest parts, then the most
// common parts (Koehn & Knight 2003). With `allowUnknown`, letters no part explains may remain
// ("taxikontrolldienst" → taxi|?|dienst): a query word is matched by what can be recognised of it.
Split SearchEngine::Index::split(const std::string &folded, bool allowUnknown, bool useLexicon) const
{
    constexpr size_t kMaxSplitLength = 48;
    constexpr size_t kMinLexicalPart = 4;
    const size_t n = folded.size();
    if (n < 2 * kMinPartLength || n > kMaxSplitLength || !isAscii(folded)) {
        return {};
    }
    const Lexicon *lexicon = useLexicon && !Lexicon::system().isEmpty() ? &Lexicon::system() : nullptr;
    const std::string_view text(folded);
    enum class Kind : uint8_t { Unknown, Indexed, Lexical };
    struct State
    {
        int known = -1; // letters covered by recognised parts; -1: unreachable
        int parts = 0;
        double logFreq = 0;
        size_t prev = 0;
        uint32_t term = 0;
        Kind kind = Kind::Unknown; // what the step into this state was
        size_t partEnd = 0;        // where the part itself ends (before a linking element)
        int stemParts = 0;         // parts that are only a stem of an indexed word, not a word
    };
    auto better = [](const State &a, const State &b) {
        if (a.known != b.known) {
            return a.known > b.known;
        }
        if (a.parts != b.parts) {
            return a.parts < b.parts;
        }
        if (a.stemParts != b.stemParts) {
            return a.stemParts < b.stemParts; // "angl|er|schein", not "angl|erschein(en)"
        }
        return a.logFreq > b.logFreq;
    };
    std::vector<State> best(n + 1);
    best[0].known = 0;
    for (size_t start = 0; start < n; ++start) {
        const State &from = best[start];
        if (from.known < 0 || from.parts >= int(kMaxParts) + 2) {
            continue;
        }
        for (size_t end = start + 1; end <= n; ++end) {
            if (start == 0 && end == n) {
                continue; // the whole word is no split
            }
            auto [partTerm, freq] = end - start >= kMinPartLength ? part(text.substr(start, end - start))
                                                                  : std::pair<uint32_t, uint32_t>{0, 0};
            Kind kind = freq > 0 ? Kind::Indexed : Kind::Unknown;
            if (kind == Kind::Indexed && start > 0) {
                // "abweich|enden", "auslaend|ischen": a participle or adjective ending is no head.
                static constexpr std::array<std::string_view, 12> suffixes = {"isch",   "ische",  "ischen", "ischer",
                                                                              "isches", "ischem", "end",    "ende",
                                                                              "enden",  "ender",  "endes",  "endem"};
                const std::string_view rest = text.substr(start);
                if (std::find(suffixes.begin(), suffixes.end(), rest) != suffixes.end()) {
                    kind = Kind::Unknown;
                    freq = 0;
                }
            }
            if (kind == Kind::Unknown && lexicon && end - start >= kMinLexicalPart &&
                lexicon->contains(text.substr(start, end - start))) {
                kind = Kind::Lexical; // a German word, though not one of the catalogue's
            }
            if (kind != Kind::Unknown) {
                for (std::string_view linker : kLinkers) {
                    const size_t next = end + linker.size();
                    // The word less an ending ("jagdscheins" = jagdschein + s, "kennzeichen" = kennzeich + en) is
                    // no split: it won as the split of fewest parts and kept inflected compounds whole.
                    if (next > n || (end == n && !linker.empty()) || (start == 0 && next == n) ||
                        (!linker.empty() && text.substr(end, linker.size()) != linker)) {
                        continue;
                    }
                    State candidate{from.known + int(next - start),
                                    from.parts + 1,
                                    from.logFreq + (kind == Kind::Indexed ? std::log(double(freq) + 1) : 0.0),
                                    start,
                                    partTerm,
                                    kind,
                                    end,
                                    from.stemParts +
                                        (kind == Kind::Indexed && !word(text.substr(start, end - start)) ? 1 : 0)};
                    if (best[next].known < 0 || better(candidate, best[next])) {
                        best[next] = candidate;
                    }
                }
            } else if (allowUnknown && end - start >= 2) {
                State candidate{from.known, from.parts + 1, from.logFreq, start, 0, Kind::Unknown, end, from.stemParts};
                if (best[end].known < 0 || better(candidate, best[end])) {
                    best[end] = candidate;
                }
            }
        }
    }
    Split result;
    int knownParts = 0;
    int indexedParts = 0;
    for (size_t pos = n; pos > 0; pos = best[pos].prev) {
        const State &step = best[pos];
        if (step.kind == Kind::Indexed) {
            ++knownParts;
            ++indexedParts;
            result.knownChars += pos - step.prev;
            if (std::find(result.terms.begin(), result.terms.end(), step.term) == result.terms.end()) {
                result.terms.push_back(step.term);
            }
        } else if (step.kind == Kind::Lexical) {
            ++knownParts;
            result.lexicalChars += pos - step.prev;
            result.lexicalParts.emplace_back(text.substr(step.prev, step.partEnd - step.prev));
        }
    }
    std::reverse(result.terms.begin(), result.terms.end());
    std::reverse(result.lexicalParts.begin(), result.lexicalParts.end());
    const size_t recognised = result.knownChars + result.lexicalChars;
    const bool complete = recognised == n && knownParts >= 2 && indexedParts >= 1;
    const bool partial = allowUnknown && indexedParts >= 1 && recognised * 5 >= n * 2;
    if (best[n].known < 0 || !(complete || partial)) {
        return {};
    }
    return result;
}

void SearchEngine::Index::addTermAlternatives(Concept &target, const std::string &folded, bool typing,
                                              bool stopWord) const
{
    Stemmer &stemmer = Stemmer::local();
    const std::string stem = stemmer.stem(folded);
    std::unordered_set<uint32_t> seen;
    auto add = [&](std::vector<uint32_t> ts, float weight, const char *how) {
        if (ts.empty()) {
            return;
        }
        if (ts.size() == 1 && !seen.insert(ts.front()).second) {
            return;
        }
        Alternative alt{{}, weight, how};
        for (uint32_t t : ts) {
            alt.groups.push_back({t});
        }
        target.alternatives.push_back(std::move(alt));
    };

    const Word *known = word(folded);
    const auto exact = known ? std::optional<uint32_t>(known->term) : term(stem);
    // "Italienerin" where the catalogue says "Italiener".
    if (!known && !exact) {
        if (const Word *masculine = word(masculineForm(folded))) {
            add({masculine->term}, kInflectionWeight, "masculine form");
        }
    }
    if (exact) {
        add({*exact}, 1.0f, "word");
        // Title words of the articles whose keyword lists use this word where their text does not:
        // "Fahrgastbeförderung" (keyword of three P-Schein articles) also finds the fourth.
        if (const auto it = associations.find(*exact); it != associations.end()) {
            for (const auto &[t, strength] : it->second) {
                add({t}, kAssociationWeight * strength, "keyword association");
            }
        }
    }
    // Verb forms the Snowball stemmer leaves apart from their family: "erhoeht" (erhoeh|ung),
    // "gemeldet" (meld|en), "geklaut" (klau|en).
    std::vector<std::string> baseStems{stem};
    if (stem.size() >= 5 && stem.back() == 't') {
        baseStems.push_back(stem.substr(0, stem.size() - 1));
    }
    // "importiert", "registriert": Snowball cuts the infinitive of -ieren verbs elsewhere.
    if (folded.size() >= 7 && folded.ends_with("iert")) {
        baseStems.push_back(stemmer.stem(infinitiveOf(folded)));
    }
    // A noun that begins like a participle ("Gewehre", "Gemeinde") is none. (Asked only where it matters: the
    // word list is a binary search away.)
    std::optional<bool> nounOnly;
    auto noun = [&] {
        if (!nounOnly) {
            nounOnly = Lexicon::system().isNounOnly(folded);
        }
        return *nounOnly;
    };
    if (folded.size() >= 6 && folded.starts_with("ge") && !noun()) {
        std::string participle = stemmer.stem(folded.substr(2));
        baseStems.push_back(participle);
        if (participle.size() >= 4 && participle.back() == 't') {
            participle.pop_back();
            baseStems.push_back(participle);
        }
    }
    // … and so does the infinitive with "zu": "abzumelden" (abmeld|en), "umzuziehen".
    for (std::string_view particle : kSeparableParticles) {
        if (folded.size() >= particle.size() + 6 && folded.starts_with(particle) &&
            folded.compare(particle.size(), 2, "zu") == 0 && folded.ends_with("en") && !noun()) {
            baseStems.push_back(stemmer.stem(std::string(particle) + folded.substr(particle.size() + 2)));
            break;
        }
    }
    // Participles of separable verbs put "ge" after the particle: "abgemeldet" (abmeld|en),
    // "umgezogen" (umzieh|en, umzug).
    for (std::string_view particle : kSeparableParticles) {
        if (folded.size() >= particle.size() + 5 && folded.starts_with(particle) &&
            folded.compare(particle.size(), 2, "ge") == 0 && !noun()) {
            const std::string joined = std::string(particle) + folded.substr(particle.size() + 2);
            baseStems.push_back(stemmer.stem(joined));
            if (joined.ends_with("et")) {
                baseStems.push_back(stemmer.stem(joined.substr(0, joined.size() - 2)));
            } else if (joined.ends_with("t")) {
                baseStems.push_back(stemmer.stem(joined.substr(0, joined.size() - 1)));
            }
            break;
        }
    }
    for (size_t i = 1; i < baseStems.size(); ++i) {
        if (const auto t = term(baseStems[i])) {
            add({*t}, kInflectionWeight, "verb form");
        }
    }
    // Verbs made of "be" and a noun say what the noun names: "beantragen" → Antrag, "beurkunden" → Urkunde,
    // "befristet" → Frist. The rest must be a noun of the word list, not just any word ("bestehen").
    if (folded.size() >= 8 && folded.starts_with("be") && !noun()) {
        for (size_t i = 0, n = baseStems.size(); i < n; ++i) {
            const std::string rest = baseStems[i].substr(2);
            if (rest.size() < 4) {
                continue;
            }
            const Lexicon &lexicon = Lexicon::system();
            if (lexicon.isNounOnly(rest) || lexicon.isNounOnly(rest + 'e')) { // "urkund" + e
                if (const auto t = term(rest)) {
                    add({*t}, kDerivationWeight, "noun of the be- verb");
                }
            }
        }
    }
    // Nouns of verbs whose stem changes: "verloren" → verlust, "gestohlen" → diebstahl.
    for (const std::string &base : baseStems) {
        for (const std::string &noun : text::derivedNouns(base)) {
            if (const auto t = termOf(noun)) {
                add({*t}, kDerivationWeight, "noun of the verb");
            }
        }
    }

    if (const auto it = termsByPlainVowels.find(withoutUmlauts(stem)); it != termsByPlainVowels.end()) {
        // Less than an inflection: "verlaeng" → "verlang(en)" is a different word.
        for (uint32_t t : it->second) {
            add({t}, kUmlautWeight, "umlaut plural");
        }
    }

    // Completions of what is being typed (the last word, no space after it: a word followed by more is
    // complete, "Vater" in a sentence is no "Vaterschaft"), and longer stems of the same word family
    // ("verlaengern" → verlaenger|ung). The closer in length, the more likely meant.
    // A word the synonym table knows ("perso") is an abbreviation, not the start of "persoenlich"; once
    // it is typed out ("perso verlängern"), the table says what it means and nothing it might begin.
    const bool abbreviationKey = synonyms.contains(folded);
    const bool spelledOut = abbreviationKey && !typing;
    const float abbreviation = abbreviationKey ? 0.6f : 1.0f;
    const size_t minPrefix = 3;
    if (folded.size() >= minPrefix && !spelledOut && typing) {
        std::vector<std::pair<uint32_t, uint32_t>> completions; // (df, word)
        auto it = std::lower_bound(wordsByText.begin(), wordsByText.end(), folded,
                                   [this](uint32_t w, const std::string &p) { return words[w].folded < p; });
        for (; it != wordsByText.end() && words[*it].folded.starts_with(folded); ++it) {
            completions.emplace_back(words[*it].df, *it);
        }
        const size_t keep = std::min(completions.size(), kMaxPrefixCompletions);
        std::partial_sort(completions.begin(), completions.begin() + qsizetype(keep), completions.end(),
                          [](const auto &a, const auto &b) { return a.first > b.first; });
        // Rank completions by closeness in length and by how common they are: "persona" is more
        // likely the start of "personalausweis" (in many articles) than of a rare longer word.
        const float maxDf = keep > 0 ? std::log1p(float(completions.front().first)) : 1.0f;
        for (size_t i = 0; i < keep; ++i) {
            const Word &w = words[completions[i].second];
            const float ratio = float(folded.size()) / float(w.folded.size());
            const float commonness = maxDf > 0 ? std::log1p(float(w.df)) / maxDf : 0.0f;
            add({w.term}, abbreviation * (0.5f + 0.4f * (0.5f * ratio + 0.5f * commonness)), "completion");
        }
    }
    if (stem.size() >= 4 && !spelledOut) {
        auto it = std::lower_bound(termsByText.begin(), termsByText.end(), stem,
                                   [this](uint32_t t, const std::string &p) { return terms[t].stem < p; });
        size_t count = 0;
        for (; it != termsByText.end() && terms[*it].stem.starts_with(stem) && count < kMaxPrefixCompletions;
             ++it, ++count) {
            const float ratio = float(stem.size()) / float(terms[*it].stem.size());
            add({*it}, abbreviation * (0.4f + 0.5f * ratio), "longer stem");
        }
    }

    if (stopWord) {
        return; // a stop word being typed: only what it starts, not what it might mean
    }
    // Typos: words of the index within one edit (two for long words), found through shared bigrams.
    // A word of the German word list is what the caller said, not a slip ("mach" is no "nach").
    if (!known && !exact && folded.size() >= 4 && !Lexicon::system().contains(folded)) {
        const int maxEdits = folded.size() >= 8 ? 2 : 1;
        Scratch &s = scratch();
        s.ensure(docs.size(), words.size());
        const std::vector<uint32_t> grams = bigrams(folded);
        // A word within the edits shares at least `minShared` of these bigrams with the query, so it shares
        // at least minShared - k with all but k of them: counting over the rarest bigrams only finds every
        // such word, without walking the lists of "en", "er", "ei", which hold most of a large vocabulary.
        std::vector<const std::vector<uint32_t> *> lists;
        for (uint32_t g : grams) {
            if (const auto found = wordsByBigram.find(g); found != wordsByBigram.end()) {
                lists.push_back(&found->second);
            }
        }
        std::sort(lists.begin(), lists.end(), [](const auto *a, const auto *b) { return a->size() < b->size(); });
        // Each edit changes at most two bigram positions, so at most two of a word's distinct bigrams: a word
        // within the edits keeps all but 2 × edits of its distinct bigrams, and so does the query. (Counted
        // with lengths, as before, the bound missed words with a repeated bigram: "erwerbn" → "erwerben",
        // "er" twice.)
        const int minShared = int(grams.size()) - 2 * maxEdits;
        const int skipped = std::clamp(minShared - 2, 0, std::max(0, int(lists.size()) - 1));
        for (size_t i = 0; i + size_t(skipped) < lists.size(); ++i) {
            for (uint32_t w : *lists[i]) {
                if (s.wordCounts[w]++ == 0) {
                    s.touchedWords.push_back(w);
                }
            }
        }
        // The distinct bigrams a word shares with the query: the query's bigrams marked in a table of all
        // 65,536, each counted once.
        thread_local std::vector<uint8_t> mark(65536, 0);
        for (uint32_t g : grams) {
            mark[g] = 1;
        }
        std::vector<uint32_t> seenGrams;
        const auto sharedBigrams = [&seenGrams](const std::string &other) {
            int count = 0;
            unsigned char prev = '^';
            const auto visit = [&](uint32_t g) {
                if (mark[g] == 1) {
                    mark[g] = 2;
                    seenGrams.push_back(g);
                    ++count;
                }
            };
            for (unsigned char c : other) {
                visit(bigramKey(prev, c));
                prev = c;
            }
            visit(bigramKey(prev, '$'));
            for (uint32_t g : seenGrams) {
                mark[g] = 1;
            }
            seenGrams.clear();
            return count;
        };
        std::vector<std::tuple<int, uint32_t, uint32_t>> candidates; // (distance, -df, word)
        for (uint32_t w : s.touchedWords) {
            const std::string &other = words[w].folded;
            const int needed = int(std::max<size_t>(words[w].bigramCount, grams.size())) - 2 * maxEdits;
            int shared = int(s.wordCounts[w]);
            if (skipped > 0 && shared >= minShared - skipped) {
                shared = sharedBigrams(other); // all the bigrams it shares, as before
            }
            if (shared >= needed) {
                const int d = boundedEditDistance(folded, other, maxEdits);
                if (d <= maxEdits) {
                    candidates.emplace_back(d, std::numeric_limits<uint32_t>::max() - words[w].df, w);
                }
            }
            s.wordCounts[w] = 0;
        }
        s.touchedWords.clear();
        for (uint32_t g : grams) {
            mark[g] = 0;
        }
        std::sort(candidates.begin(), candidates.end());
        for (size_t i = 0; i < candidates.size() && i < kMaxFuzzyCandidates; ++i) {
            const auto [d, negDf, w] = candidates[i];
            add({words[w].term}, d == 1 ? kTypo1Weight : kTypo2Weight, d == 1 ? "one typo" : "two typos");
            // … and, for a verb whose noun changes its stem, that noun: "verlorn" → verloren → Verlust.
            if (d == 1) {
                for (const std::string &noun : text::derivedNouns(stemmer.stem(words[w].folded))) {
                    if (const auto t = termOf(noun)) {
                        add({*t}, kTypo1Weight * kDerivationWeight, "noun of the verb, one typo");
                    }
                }
            }
        }
    }

    // A word the catalogue does not use: its synonyms from the thesaurus that it does use. Not for the start
    // of the catalogue's words ("Deut" being typed is no form of "deuten", "Kirche" is in "Kirchenaustritt").
    const auto startsWords = [this, &folded] {
        const auto it = std::lower_bound(wordsByText.begin(), wordsByText.end(), folded,
                                         [this](uint32_t w, const std::string &p) { return words[w].folded < p; });
        return it != wordsByText.end() && words[*it].folded.starts_with(folded);
    };
    if (!exact && !known && !startsWords()) {
        size_t added = 0;
        for (const std::string &base : baseStems) {
            if (Thesaurus::system().senses(base) > kMaxThesaurusSenses) {
                continue; // "machen", "echt": too many meanings to stand for any one of them
            }
            for (const std::string &synonym : Thesaurus::system().synonyms(base)) {
                const auto t = termOf(synonym, true);
                if (t && added < kMaxThesaurusTerms) {
                    add({*t}, kThesaurusWeight, "thesaurus");
                    ++added;
                }
            }
        }
        // … and, for a thing (a noun, or a word the list lacks), the broader terms it uses: "Birke" → Laubbaum →
        // Baum(schutz), "Gewehr" → Feuerwaffe → Waffe. Not for "mach", whose stem is also that of "Macher".
        size_t broader = 0;
        const bool thing = noun() || !Lexicon::system().contains(folded);
        for (const std::string &base : thing ? baseStems : std::vector<std::string>{}) {
            for (const std::string &hypernym : Hypernyms::system().of(base)) {
                if (broader == kMaxLexicalSynonyms) {
                    break;
                }
                if (const auto t = broaderTerm(hypernym)) {
                    add({*t}, kHypernymWeight, "broader term");
                    ++broader;
                }
            }
        }
    }

    // A compound the index holds only in parts: "zweitwohnungssteuer" → zweitwohnung + steuer. Where
    // the word itself is indexed, its parts elsewhere are only a weak hint; where only some of it is
    // recognised, it counts for that share.
    // A word nobody in the catalogue uses may still be a German compound of words the lexicon knows:
    // "touristenvisum" → touristen (lexicon) + visum (index). The head usually says what it is about;
    // a modifier the index lacks is looked up in the thesaurus ("angler" → fischer).
    const bool unknown = !exact && !known;
    Split parts = split(folded, !exact, unknown);
    if (!parts.terms.empty() && !(parts.terms.size() == 1 && exact && parts.terms.front() == *exact)) {
        const float n = float(folded.size());
        const float recognised = (float(parts.knownChars) + kLexicalPartShare * float(parts.lexicalChars)) / n;
        if (!parts.lexicalParts.empty()) {
            Alternative enriched{{},
                                 kSplitWeight *
                                     (float(parts.knownChars) + kThesaurusWeight * float(parts.lexicalChars)) / n,
                                 "compound parts, unknown ones through the thesaurus"};
            for (uint32_t t : parts.terms) {
                enriched.groups.push_back({t});
            }
            bool all = true;
            for (const std::string &piece : parts.lexicalParts) {
                std::vector<uint32_t> group;
                for (const std::string &synonym : Thesaurus::system().synonyms(stemmer.stem(piece))) {
                    const auto t = termOf(synonym, true);
                    if (t && group.size() < kMaxLexicalSynonyms &&
                        std::find(group.begin(), group.end(), *t) == group.end()) {
                        group.push_back(*t);
                    }
                }
                // Broader terms only for a piece long enough to be meant: "aufenthalts|er|laub", the start of
                // "Aufenthaltserlaubnis" being typed, is no kind of "Laube".
                const bool thing = piece.size() >= kMinBroaderPiece &&
                                   (Lexicon::system().isNounOnly(piece) || !Lexicon::system().contains(piece));
                for (const std::string &hypernym :
                     thing ? Hypernyms::system().of(stemmer.stem(piece)) : std::vector<std::string>{}) {
                    if (group.size() == kMaxLexicalSynonyms) {
                        break;
                    }
                    const auto t = broaderTerm(hypernym);
                    if (t && std::find(group.begin(), group.end(), *t) == group.end()) {
                        group.push_back(*t);
                    }
                }
                all = all && !group.empty();
                enriched.groups.push_back(std::move(group));
            }
            if (all) {
                target.alternatives.push_back(std::move(enriched));
            }
        }
        add(std::move(parts.terms), (exact ? kSplitWeight * 0.6f : kSplitWeight) * recognised, "compound parts");
    }
}

std::vector<Concept> SearchEngine::Index::parse(const QString &query) const
{
    const QStringView view = QStringView(query).left(qsizetype(kMaxQueryChars));
    std::vector<text::Token> tokens = text::tokenize(view);
    const bool typing = !view.isEmpty() && !view.back().isSpace();

    // Hyphenated words are one word: "Au-pair" is matched as "aupair" or as both of its halves.
    std::vector<std::vector<std::string>> hyphenParts(tokens.size());
    // So is a single letter before a word, where the index knows them joined: "P Schein" (P-Schein),
    // "H Kennzeichen".
    auto letterPrefix = [this](const text::Token &a, const text::Token &b) {
        return a.folded.size() == 1 && a.folded.front() >= 'a' && a.folded.front() <= 'z' && word(a.folded + b.folded);
    };
    for (size_t i = 0; i + 1 < tokens.size();) {
        if (isHyphenated(view, tokens[i], tokens[i + 1]) || letterPrefix(tokens[i], tokens[i + 1])) {
            if (hyphenParts[i].empty()) {
                hyphenParts[i].push_back(tokens[i].folded);
            }
            hyphenParts[i].push_back(tokens[i + 1].folded);
            joinWithNext(tokens, i);
            hyphenParts.erase(hyphenParts.begin() + qsizetype(i) + 1);
        } else {
            ++i;
        }
    }

    // Synonym entries of several words, where those words stand together in the query: each of them may
    // then also be matched by the entry's expansion.
    std::vector<std::vector<const std::vector<std::vector<std::string>> *>> phraseAt(tokens.size());
    if (!phraseSynonyms.empty()) {
        std::vector<std::string> stems;
        for (const text::Token &t : tokens) {
            stems.push_back(Stemmer::local().stem(t.folded));
        }
        for (const PhraseSynonym &phrase : phraseSynonyms) {
            for (size_t start = 0; start + phrase.stems.size() <= stems.size(); ++start) {
                if (std::equal(phrase.stems.begin(), phrase.stems.end(), stems.begin() + qsizetype(start))) {
                    for (size_t k = 0; k < phrase.stems.size(); ++k) {
                        phraseAt[start + k].push_back(&phrase.expansions);
                    }
                }
            }
        }
    }

    // Two words that the synonym table knows as one ("Zoll Kennzeichen" for its "Zollkennzeichen"): a compound
    // written apart.
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
        const std::string joined = tokens[i].folded + tokens[i + 1].folded;
        auto it = synonyms.find(joined);
        if (it == synonyms.end()) {
            it = synonymsByStem.find(Stemmer::local().stem(joined));
            if (it == synonymsByStem.end()) {
                continue;
            }
        }
        phraseAt[i].push_back(&it->second);
        phraseAt[i + 1].push_back(&it->second);
    }

    // "Ich finde meinen Ausweis nicht mehr" reports a loss, not a find: with a negation in the query, a
    // form of "finden" means Verlust, not Fund.
    const bool negated = std::any_of(tokens.begin(), tokens.end(), [](const text::Token &t) {
        return t.folded == "nicht" || t.folded == "nirgends" || t.folded == "nirgendwo" || t.folded == "nimmer";
    });
    std::vector<Concept> concepts;
    std::unordered_set<std::string> seen;
    const bool allStopWords =
        std::all_of(tokens.begin(), tokens.end(), [](const text::Token &t) { return text::isStopWord(t.folded); });
    for (size_t i = 0; i < tokens.size() && concepts.size() < kMaxConcepts; ++i) {
        const std::string &folded = tokens[i].folded;
        const bool last = i + 1 == tokens.size();
        const bool stop = text::isStopWord(folded);
        if ((stop && !allStopWords && !(last && typing)) || !seen.insert(folded).second) {
            continue;
        }
        if (folded == "mehr" && i > 0 && tokens[i - 1].folded == "nicht") {
            continue; // "nicht mehr" is "no longer", not "more" ("Beglaubigung von mehr als 20 Dokumenten")
        }
        Concept queryWord;
        queryWord.optional = stop && !allStopWords;
        queryWord.word = folded;
        addTermAlternatives(queryWord, folded, last && typing, stop);
        if (const std::string stem = Stemmer::local().stem(folded);
            !stop && (stem == "auffindbar" || (negated && (stem == "find" || stem == "fand" || stem == "gefund")))) {
            std::erase_if(queryWord.alternatives,
                          [](const Alternative &alt) { return std::string_view(alt.how) == "noun of the verb"; });
            if (const auto t = termOf("verlust")) {
                queryWord.alternatives.push_back({{{*t}}, kDerivationWeight, "noun of the verb, negated"});
            }
        }
        if (!hyphenParts[i].empty()) {
            Alternative halves{{}, kSynonymWeight, "hyphen halves"};
            for (const std::string &part : hyphenParts[i]) {
                if (const auto t = termOf(part)) {
                    halves.groups.push_back({*t});
                }
            }
            if (halves.groups.size() == hyphenParts[i].size()) {
                queryWord.alternatives.push_back(std::move(halves));
            }
        }

        // Separable verbs: "Wie melde ich mich ab?" asks about "abmelden", "wieder anmelden" about
        // "wiederanmelden". The particle closes the clause or stands right before the verb; elsewhere it is
        // a preposition ("Ich ziehe nach München um": umziehen, not nachziehen).
        // Spoken German also puts it right after the verb ("Ich ziehe weg aus München"), but only the
        // particles that are no prepositions can be read that way.
        std::vector<const std::string *> particles;
        if (i > 0 && isSeparablePrefix(tokens[i - 1].folded)) {
            particles.push_back(&tokens[i - 1].folded);
        }
        if (tokens.size() > i + 1 && isSeparablePrefix(tokens.back().folded)) {
            particles.push_back(&tokens.back().folded);
        } else if (tokens.size() > i + 1 && isAdverbialParticle(tokens[i + 1].folded)) {
            particles.push_back(&tokens[i + 1].folded);
        }
        for (const std::string *particle : particles) {
            if (stop) {
                break;
            }
            const std::string joined = *particle + folded;
            if (const auto t = termOf(joined)) {
                queryWord.alternatives.push_back({{{*t}}, 1.0f, "separable verb"});
            }
            // … and its noun: "Meine Frau zieht nach" asks about the Nachzug.
            for (const std::string &noun : text::derivedNouns(Stemmer::local().stem(joined))) {
                if (const auto t = termOf(noun)) {
                    queryWord.alternatives.push_back({{{*t}}, kDerivationWeight, "noun of the separated verb"});
                }
            }
        }

        // The editable synonym table: "perso" also searches "personalausweis", an inflected form
        // ("Hochzeiten") what its stem's entry says, and a separated verb ("ziehe … um") its entry.
        auto synonymEntry = [this](const std::string &word) -> const std::vector<std::vector<std::string>> * {
            if (const auto it = synonyms.find(word); it != synonyms.end()) {
                return &it->second;
            }
            const auto byStem = synonymsByStem.find(Stemmer::local().stem(word));
            return byStem == synonymsByStem.end() ? nullptr : &byStem->second;
        };
        const std::vector<std::vector<std::string>> *expansions = synonymEntry(folded);
        const bool indexWord = word(folded) != nullptr; // a word of the catalogue is meant as it is
        if (const std::string masculine = masculineForm(folded); !expansions && !masculine.empty() && !indexWord) {
            expansions = synonymEntry(masculine); // "Kanadierin" → the entry for Kanadier
        }
        if (!expansions && !stop) {
            // A present-tense form of an entry's verb: "importiert", "exportiert" → the entry for the infinitive,
            // as written in the table (by stem, "passt" would reach the entry for "Pass"). Not the participle:
            // "geheiratet" is done, "heiraten" is still to come.
            if (const auto it = synonyms.find(infinitiveOf(folded)); it != synonyms.end()) {
                expansions = &it->second;
            }
        }
        for (size_t p = 0; !expansions && !stop && p < particles.size(); ++p) {
            expansions = synonymEntry(*particles[p] + folded);
        }
        auto addExpansions = [&](const std::vector<std::vector<std::string>> &entry, const char *how,
                                 float weight = kSynonymWeight) {
            // The lead lists the likeliest meaning first: "Ausweis" → Personalausweis before Reisepass.
            for (const std::vector<std::string> &expansion : entry) {
                Alternative alt{{}, weight, how};
                weight *= kLaterExpansionFactor;
                for (const std::string &w : expansion) {
                    if (const auto t = termOf(w)) {
                        alt.groups.push_back({*t});
                    }
                }
                if (!alt.groups.empty()) {
                    queryWord.alternatives.push_back(std::move(alt));
                }
            }
        };
        if (expansions) {
            addExpansions(*expansions, "synonym table");
        } else if (last && typing && !stop && folded.size() >= kMinSynonymPrefix && !indexWord) {
            // The start of a term of the table while it is being typed ("Foodtr"), like the start of a word of
            // the catalogue: the closer in length, the more likely meant. (A word of the catalogue typed
            // whole, "Ersatz", is more likely meant as it is.)
            auto it = std::lower_bound(synonymKeys.begin(), synonymKeys.end(), folded);
            for (size_t n = 0; it != synonymKeys.end() && it->starts_with(folded) && n < kMaxSynonymCompletions;
                 ++it, ++n) {
                const float ratio = float(folded.size()) / float(it->size());
                if (ratio >= kMinSynonymPrefixShare) {
                    addExpansions(synonyms.at(*it), "synonym table, completion",
                                  kSynonymWeight * (0.3f + 0.4f * ratio));
                }
            }
        }
        if (!expansions && !stop && folded.size() >= kMinSynonymPrefix && !indexWord &&
            !Lexicon::system().contains(folded)) {
            // A slip in a term of the table ("Knölchen", "Foodtrak"), as for the catalogue's words: one edit,
            // two from eight letters; the closest two terms. The table is small enough to scan.
            // Not further than the catalogue's own closest word: "Miewagen" is a Mietwagen, not an "Eiswagen".
            const bool oneTypoInIndex =
                std::any_of(queryWord.alternatives.begin(), queryWord.alternatives.end(),
                            [](const Alternative &alt) { return std::string_view(alt.how) == "one typo"; });
            const int maxEdits = folded.size() >= 8 && !oneTypoInIndex ? 2 : 1;
            std::vector<std::pair<int, const std::string *>> near;
            const uint32_t letters = letterSet(folded);
            for (size_t k = 0; k < synonymKeys.size(); ++k) {
                const std::string &key = synonymKeys[k];
                // An edit adds or removes at most one letter of the set each side.
                if (std::popcount(letters ^ synonymKeyLetters[k]) > 2 * maxEdits) {
                    continue;
                }
                if (key.size() + size_t(maxEdits) >= folded.size() && key.size() <= folded.size() + size_t(maxEdits)) {
                    if (const int d = boundedEditDistance(folded, key, maxEdits); d <= maxEdits) {
                        near.emplace_back(d, &key);
                    }
                }
            }
            std::sort(near.begin(), near.end());
            for (size_t n = 0; n < near.size() && n < 2; ++n) {
                addExpansions(synonyms.at(*near[n].second),
                              near[n].first == 1 ? "synonym table, one typo" : "synonym table, two typos",
                              kSynonymWeight * (near[n].first == 1 ? kTypo1Weight : kTypo2Weight));
            }
        }
        if (!expansions && !stop) {
            // A verb form whose noun the table knows: "umgezogen" → Umzug → its entry.
            for (const std::string &noun : text::derivedNouns(Stemmer::local().stem(folded))) {
                if (const auto *entry = synonymEntry(noun)) {
                    addExpansions(*entry, "synonym table, through the verb's noun", kSynonymWeight * kDerivationWeight);
                }
            }
        }
        for (const std::vector<std::vector<std::string>> *phrase : phraseAt[i]) {
            addExpansions(*phrase, "synonym table, several words");
        }
        concepts.push_back(std::move(queryWord));
    }

    // A part of a compound that the query also names as a word of its own adds nothing the word does not:
    // in "Mein Kind braucht einen Kinderreisepass" the Kinderbetreuung must not count "Kind" twice, once
    // for "Kind" and again, half, for "Kinderreisepass". The compound then asks for its other parts, with its
    // whole weight: "Reisepass" is what "Kinderreisepass" adds to "Kind".
    std::unordered_set<uint32_t> wordTerms;
    for (const Concept &c : concepts) {
        for (const Alternative &alt : c.alternatives) {
            if (alt.weight == 1.0f && alt.groups.size() == 1 && alt.groups.front().size() == 1) {
                wordTerms.insert(alt.groups.front().front());
            }
        }
    }
    for (Concept &c : concepts) {
        std::unordered_set<uint32_t> own;
        for (const Alternative &alt : c.alternatives) {
            if (alt.groups.size() == 1 && alt.groups.front().size() == 1) {
                own.insert(alt.groups.front().front());
            }
        }
        for (Alternative &alt : c.alternatives) {
            if (alt.groups.size() < 2) {
                continue;
            }
            std::erase_if(alt.groups, [&](const std::vector<uint32_t> &group) {
                return std::any_of(group.begin(), group.end(),
                                   [&](uint32_t t) { return wordTerms.contains(t) && !own.contains(t); });
            });
        }
        std::erase_if(c.alternatives, [](const Alternative &alt) { return alt.groups.empty(); });
    }
    return concepts;
}

QString SearchEngine::Index::snippet(const Doc &doc, const std::unordered_map<uint32_t, float> &matchedTerms) const
{
    constexpr qsizetype kScanChars = 2500;
    constexpr size_t kWindow = 22;
    constexpr size_t kSnippetLead = 5; // words of context before the first match
    const QStringView source = QStringView(doc.snippetSource).left(kScanChars);
    // Marked: words matched well; a far-fetched completion ("perso" → persönlich) still counts in the
    // ranking but is not shown as what was asked for.
    auto strong = [&matchedTerms](uint32_t t) {
        const auto it = matchedTerms.find(t);
        return it != matchedTerms.end() && it->second >= 0.5f;
    };
    struct Spot
    {
        qsizetype begin;
        qsizetype length;
    };
    thread_local std::vector<Spot> tokens; // this runs for every hit of every query: no allocation
    thread_local std::vector<bool> hit;
    tokens.clear();
    hit.clear();
    text::forEachToken(source, [&](qsizetype begin, qsizetype length, std::string_view folded) {
        bool match = false;
        if (const Word *w = word(folded)) {
            match = strong(w->term);
            for (uint32_t p : w->partTerms) {
                match = match || strong(p);
            }
        }
        tokens.push_back({begin, length});
        hit.push_back(match);
    });
    if (tokens.empty()) {
        return {};
    }
    // The window of kWindow tokens with the most matches; the start of the text on a tie.
    size_t bestStart = 0;
    int bestCount = -1;
    int count = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
        count += hit[i] ? 1 : 0;
        if (i >= kWindow) {
            count -= hit[i - kWindow] ? 1 : 0;
        }
        const size_t start = i >= kWindow - 1 ? i + 1 - kWindow : 0;
        if (count > bestCount) {
            bestCount = count;
            bestStart = start;
        }
    }
    // That window ends at its last match; start it a few words before its first match instead, so the
    // matches stand in the first line a result list shows (the window then may take in more of them).
    for (size_t i = bestStart; i < tokens.size() && i < bestStart + kWindow; ++i) {
        if (hit[i]) {
            bestStart = std::max(bestStart, i >= kSnippetLead ? i - kSnippetLead : 0);
            break;
        }
    }
    const size_t end = std::min(tokens.size(), bestStart + kWindow);
    qsizetype from = tokens[bestStart].begin;
    // Begin at the sentence start when it is close.
    const qsizetype sentence =
        std::max(source.lastIndexOf(QLatin1Char('.'), from), source.lastIndexOf(QLatin1Char('\n'), from));
    if (sentence >= 0 && from - sentence < 60) {
        from = sentence + 1;
    } else if (bestStart == 0) {
        from = 0;
    }
    const qsizetype to = tokens[end - 1].begin + tokens[end - 1].length;

    QString out;
    out.reserve((to - from) * 5 / 4 + 32);
    if (from > 0) {
        out += QStringLiteral("… ");
    }
    qsizetype pos = from;
    for (size_t i = bestStart; i < end; ++i) {
        if (tokens[i].begin < pos) {
            continue;
        }
        appendEscaped(out, source.mid(pos, tokens[i].begin - pos));
        if (hit[i]) {
            out += QLatin1String("<mark>");
        }
        appendEscaped(out, source.mid(tokens[i].begin, tokens[i].length));
        if (hit[i]) {
            out += QLatin1String("</mark>");
        }
        pos = tokens[i].begin + tokens[i].length;
    }
    appendEscaped(out, source.mid(pos, to - pos));
    if (to < doc.snippetSource.size()) {
        out += QStringLiteral(" …");
    }
    return out.trimmed();
}

SearchEngine::SearchEngine() : d(std::make_unique<Index>()) {}
SearchEngine::~SearchEngine() = default;
SearchEngine::SearchEngine(SearchEngine &&) noexcept = default;
SearchEngine &SearchEngine::operator=(SearchEngine &&) noexcept = default;

void SearchEngine::build(const QList<Article> &articles, const QList<Synonym> &synonyms)
{
    // Load the thesaurus and the lexicon now rather than inside the first search.
    Thesaurus::system();
    Hypernyms::system();
    Lexicon::system();
    auto index = std::make_unique<Index>();
    Index &x = *index;
    Stemmer &stemmer = Stemmer::local();

    // Pass 1: tokens of every field, and the vocabulary with document frequencies.
    struct DocTokens
    {
        struct Occurrence
        {
            uint32_t word;
            Field field;
            bool joined; // a hyphenated pair written together: its halves are counted already
        };
        std::vector<Occurrence> words;
    };
    std::vector<DocTokens> docTokens(size_t(articles.size()));
    std::vector<uint32_t> lastDocOfWord;
    x.docs.reserve(size_t(articles.size()));
    for (qsizetype i = 0; i < articles.size(); ++i) {
        const Article &a = articles[i];
        Doc doc;
        doc.id = a.id;
        doc.title = a.title;
        const QString description = htmlToPlainText(a.descriptionHtml);
        doc.snippetSource = a.summary.isEmpty() || description.startsWith(a.summary)
                                ? description
                                : a.summary + QLatin1Char('\n') + description;
        const QString body = doc.snippetSource + QLatin1Char('\n') + a.documents.join(QLatin1Char('\n')) +
                             QLatin1Char('\n') + htmlToPlainText(a.feesHtml) + QLatin1Char('\n') + a.processingTime +
                             QLatin1Char('\n') + a.legalBasis + QLatin1Char('\n') + a.category;
        const std::pair<QString, Field> fields[] = {
            {a.title, TitleField},
            {a.keywords.join(QStringLiteral(", ")), KeywordField},
            {body, BodyField},
            {a.questions.join(QLatin1Char('\n')), QuestionField},
        };
        uint32_t bodyLength = 0;
        uint32_t questionLength = 0;
        auto addWord = [&](const std::string &folded, Field field, bool joined) {
            auto [it, inserted] = x.wordByFolded.try_emplace(folded, uint32_t(x.words.size()));
            if (inserted) {
                x.words.push_back({folded, 0, {}, 0});
                lastDocOfWord.push_back(std::numeric_limits<uint32_t>::max());
            }
            const uint32_t w = it->second;
            if (lastDocOfWord[w] != uint32_t(i)) {
                lastDocOfWord[w] = uint32_t(i);
                ++x.words[w].df;
            }
            docTokens[size_t(i)].words.push_back({w, field, joined});
        };
        for (const auto &[fieldText, field] : fields) {
            const std::vector<text::Token> tokens = text::tokenize(fieldText);
            for (size_t k = 0; k < tokens.size(); ++k) {
                const text::Token &token = tokens[k];
                // "Au-pair" is also written "Aupair", "Kfz-Zulassung" also "Kfzzulassung".
                if (k > 0 && isHyphenated(fieldText, tokens[k - 1], token)) {
                    addWord(tokens[k - 1].folded + token.folded, field, true);
                }
                if (text::isStopWord(token.folded) || (token.folded.size() < 2)) {
                    continue;
                }
                addWord(token.folded, field, false);
                bodyLength += field == BodyField ? 1 : 0;
                questionLength += field == QuestionField ? 1 : 0;
            }
        }
        doc.bodyLength = uint16_t(std::min<uint32_t>(bodyLength, 65535));
        doc.questionLength = uint16_t(std::min<uint32_t>(questionLength, 65535));
        doc.keywordPrior = float(a.keywords.size()); // normalised below
        x.docs.push_back(std::move(doc));
    }

    // Pass 2: stems, the compound modifiers and heads the vocabulary shows ("saison" from
    // "saisonkennzeichen" beside "kennzeichen"), and the compound parts of each distinct word.
    const size_t realWords = x.words.size();
    x.realWordCount = realWords;
    std::unordered_map<std::string, uint32_t> pieces; // piece → documents of the words showing it
    for (size_t wi = 0; wi < realWords; ++wi) {
        const std::string &w = x.words[wi].folded;
        if (w.size() < 8 || !isAscii(w)) {
            continue;
        }
        for (size_t cut = 4; cut + 4 <= w.size(); ++cut) {
            const std::string head = w.substr(cut);
            const std::string modifier = w.substr(0, cut);
            const bool headKnown = x.wordByFolded.contains(head);
            const bool modifierKnown = x.wordByFolded.contains(modifier);
            // "taxis|chein" beside "taxi|schein": a head that is a known word minus the linking
            // element the modifier took from it is an artefact of the cut, not a word.
            const auto shiftedLinker = [&] {
                for (std::string_view linker : kLinkers) {
                    if (!linker.empty() && modifier.ends_with(linker) &&
                        x.wordByFolded.contains(std::string(linker) + head)) {
                        return true;
                    }
                }
                return false;
            };
            // "zwei|twohnung" beside "zweit|wohnung": a head that is a known word behind a letter or two
            // the modifier should have kept is a cut in the wrong place.
            const auto cutTooEarly = [&] {
                for (size_t k = 1; k <= 2 && head.size() - k >= 4; ++k) {
                    if (x.wordByFolded.contains(head.substr(k))) {
                        return true;
                    }
                }
                return false;
            };
            // "perso|nalausweis" beside "Perso" and "Personal", "perso|enlich" beside "persönlich": a cut
            // inside a longer known word is too early.
            const auto insideWord = [&] {
                for (size_t k = 1; k <= 6 && k + 2 <= head.size(); ++k) {
                    if (x.wordByFolded.contains(modifier + head.substr(0, k))) {
                        return true;
                    }
                }
                return false;
            };
            // "perso|enlich": a derivational ending, with a linking element or inflected, is no word.
            const auto ending = [&] {
                static constexpr std::array<std::string_view, 11> endings = {
                    "lich", "keit", "heit", "ung", "schaft", "isch", "ig", "ier", "bar", "sam", "haft"};
                static constexpr std::array<std::string_view, 7> inflections = {"", "e", "en", "er", "es", "em", "t"};
                for (std::string_view linker : kLinkers) {
                    if (!head.starts_with(linker)) {
                        continue;
                    }
                    const std::string_view rest = std::string_view(head).substr(linker.size());
                    for (std::string_view e : endings) {
                        for (std::string_view i : inflections) {
                            if (rest.size() == e.size() + i.size() && rest.starts_with(e) && rest.ends_with(i)) {
                                return true;
                            }
                        }
                    }
                }
                return false;
            };
            if (headKnown && !modifierKnown) {
                pieces[modifier] += x.words[wi].df;
            } else if (modifierKnown && !headKnown && !shiftedLinker() && !cutTooEarly() && !insideWord() &&
                       !ending()) {
                pieces[head] += x.words[wi].df;
            }
        }
    }
    for (const auto &[piece, df] : pieces) {
        x.wordByFolded.emplace(piece, uint32_t(x.words.size()));
        x.words.push_back({piece, 0, {}, df});
    }
    for (Word &w : x.words) {
        w.term = x.termFor(stemmer.stem(w.folded));
    }
    for (const Word &w : x.words) {
        x.terms[w.term].wordDf += w.df;
    }
    for (size_t wi = 0; wi < realWords; ++wi) {
        std::vector<uint32_t> partTerms = x.split(x.words[wi].folded, false).terms;
        std::erase(partTerms, x.words[wi].term);
        x.words[wi].partTerms = std::move(partTerms);
    }

    // Pass 3: postings. A compound counts as an occurrence of each of its parts.
    double totalBody = 0;
    double totalQuestions = 0;
    double docsWithQuestions = 0;
    struct Occurrence
    {
        uint32_t term;
        Field field;
        bool direct;
        bool operator<(const Occurrence &o) const
        {
            return term < o.term;
        }
    };
    std::vector<Occurrence> occurrences;
    std::vector<std::vector<RawPosting>> raw(x.terms.size());
    std::vector<uint32_t> titleTerms, textTerms, keywordTerms;
    std::unordered_map<uint32_t, uint32_t> keywordOnly;       // term → articles where only the keywords have it
    std::unordered_map<uint64_t, uint32_t> keywordTitlePairs; // (that term << 32 | title term) → articles
    for (size_t di = 0; di < docTokens.size(); ++di) {
        occurrences.clear();
        for (const auto &[w, field, joined] : docTokens[di].words) {
            occurrences.push_back({x.words[w].term, field, true});
            if (joined) {
                continue;
            }
            for (uint32_t p : x.words[w].partTerms) {
                occurrences.push_back({p, field, false});
            }
            if (field == TitleField && std::find(x.docs[di].titleWords.begin(), x.docs[di].titleWords.end(), w) ==
                                           x.docs[di].titleWords.end()) {
                x.docs[di].titleWords.push_back(w);
            }
        }
        std::sort(occurrences.begin(), occurrences.end());
        // What the keyword list adds to the article's own words, beside the title's terms.
        titleTerms.clear();
        textTerms.clear();
        keywordTerms.clear();
        for (const Occurrence &o : occurrences) {
            if (o.field == TitleField && o.direct) {
                titleTerms.push_back(o.term);
            }
            if (o.field == TitleField || o.field == BodyField) {
                textTerms.push_back(o.term);
            } else if (o.direct) {
                keywordTerms.push_back(o.term);
            }
        }
        for (std::vector<uint32_t> *v : {&titleTerms, &textTerms, &keywordTerms}) {
            v->erase(std::unique(v->begin(), v->end()), v->end()); // occurrences are sorted by term
        }
        for (uint32_t k : keywordTerms) {
            if (!std::binary_search(textTerms.begin(), textTerms.end(), k)) {
                ++keywordOnly[k];
                for (uint32_t t : titleTerms) {
                    ++keywordTitlePairs[uint64_t(k) << 32 | t];
                }
            }
        }
        for (size_t k = 0; k < occurrences.size();) {
            const uint32_t t = occurrences[k].term;
            unsigned tf[4] = {0, 0, 0, 0};
            bool direct = false;
            for (; k < occurrences.size() && occurrences[k].term == t; ++k) {
                ++tf[occurrences[k].field];
                direct = direct || occurrences[k].direct;
            }
            raw[t].push_back({uint32_t(di), uint8_t(std::min(tf[0], 255u)), uint8_t(std::min(tf[1], 255u)),
                              uint8_t(std::min(tf[2], 255u)), uint8_t(std::min(tf[3], 255u)), uint8_t(direct ? 1 : 0)});
        }
        totalBody += x.docs[di].bodyLength;
        totalQuestions += x.docs[di].questionLength;
        docsWithQuestions += x.docs[di].questionLength > 0 ? 1 : 0;
        docTokens[di] = {};
    }
    x.averageBodyLength = x.docs.empty() ? 1.0f : std::max(1.0f, float(totalBody / double(x.docs.size())));
    const double n = double(x.docs.size());
    // Field weights, BM25 saturation of the body and the questions, and the compound-part discount, folded into
    // one number per posting.
    const float k1 = 1.2f;
    const float b = 0.75f;
    // The questions are normalised by the length of the article's own questions, against the average of the
    // articles that have some: a service with many questions has many rare words in them ("Ostbahnhof"), each
    // of which says less about it.
    const float averageQuestions = docsWithQuestions > 0 ? float(totalQuestions / docsWithQuestions) : 1.0f;
    const auto questionScore = [&](unsigned tf, unsigned length) {
        const float norm = 1 - b + b * float(length) / averageQuestions;
        return tf == 0 ? 0.0f : kQuestionWeight * float(tf) * (k1 + 1) / (float(tf) + k1 * norm);
    };
    for (size_t ti = 0; ti < x.terms.size(); ++ti) {
        Term &t = x.terms[ti];
        const double df = double(raw[ti].size());
        t.idf = float(std::log(1.0 + (n - df + 0.5) / (df + 0.5)));
        t.postings.reserve(raw[ti].size());
        for (const RawPosting &p : raw[ti]) {
            const float lengthNorm = 1 - b + b * float(x.docs[p.doc].bodyLength) / x.averageBodyLength;
            const float body = p.body == 0 ? 0.0f : float(p.body) * (k1 + 1) / (float(p.body) + k1 * lengthNorm);
            float field = kTitleWeight * saturate(p.title) + kKeywordWeight * saturate(p.keywords) +
                          kBodyWeight * 0.5f * body + questionScore(p.questions, x.docs[p.doc].questionLength);
            field *= p.direct ? 1.0f : kPartFactor;
            t.postings.push_back({p.doc, field * t.idf});
        }
        raw[ti] = {};
    }

    // A pair seen in one article is that article's own business (its keyword finds it directly); seen in
    // several, it says how the catalogue's readers name what those titles call otherwise.
    for (const auto &[pair, articlesWithPair] : keywordTitlePairs) {
        if (articlesWithPair >= kMinAssociationArticles) {
            const auto keyword = uint32_t(pair >> 32);
            x.associations[keyword].push_back({uint32_t(pair), float(articlesWithPair) / float(keywordOnly[keyword])});
        }
    }
    // The strongest few, the same in every run: a large catalogue would otherwise tie a common keyword to
    // hundreds of title words, and each costs a posting list per query.
    for (auto &[keyword, titleTermsOfIt] : x.associations) {
        std::sort(titleTermsOfIt.begin(), titleTermsOfIt.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        std::erase_if(titleTermsOfIt, [](const auto &a) { return a.second < kMinAssociationShare; });
        if (titleTermsOfIt.size() > kMaxAssociations) {
            titleTermsOfIt.resize(kMaxAssociations);
        }
    }
    std::erase_if(x.associations, [](const auto &entry) { return entry.second.empty(); });
    // A service the rest of the catalogue often mentions ("Personalausweis" as a document to bring)
    // is one callers often ask for: without a search log, that is the best prior there is.
    const double logN = std::log1p(n);
    for (Doc &doc : x.docs) {
        double sum = 0;
        for (uint32_t w : doc.titleWords) {
            sum += std::log1p(double(x.terms[x.words[w].term].postings.size())) / logN;
        }
        doc.prior = doc.titleWords.empty() ? 0.0f : float(sum / double(doc.titleWords.size()));
    }
    // Editors give the services callers ask for most the most search terms ("Perso", "Ausweis weg",
    // "Kinderausweis" …): the length of an article's keyword list is the catalogue's own record of
    // demand. Log-scaled against the longest list; a catalogue without keywords gets no such prior.
    float mostKeywords = 0;
    for (const Doc &doc : x.docs) {
        mostKeywords = std::max(mostKeywords, doc.keywordPrior);
    }
    for (Doc &doc : x.docs) {
        doc.keywordPrior = mostKeywords > 0 ? std::log1p(doc.keywordPrior) / std::log1p(mostKeywords) : 0.0f;
    }

    // Equal scores are ordered by title; comparing an index is cheaper than comparing titles, and a common
    // word in a large catalogue ties thousands of articles.
    {
        std::vector<uint32_t> byTitle(x.docs.size());
        for (uint32_t i = 0; i < byTitle.size(); ++i) {
            byTitle[i] = i;
        }
        std::stable_sort(byTitle.begin(), byTitle.end(),
                         [&x](uint32_t a, uint32_t b) { return x.docs[a].title < x.docs[b].title; });
        for (uint32_t rank = 0; rank < byTitle.size(); ++rank) {
            x.docs[byTitle[rank]].titleOrder = rank;
        }
    }

    // Lookup structures for completion and typos.
    x.wordsByText.resize(x.words.size());
    for (uint32_t w = 0; w < x.words.size(); ++w) {
        x.wordsByText[w] = w;
        if (x.words[w].folded.size() >= 3) {
            const std::vector<uint32_t> grams = bigrams(x.words[w].folded);
            for (uint32_t g : grams) {
                x.wordsByBigram[g].push_back(w);
            }
            x.words[w].bigramCount = uint16_t(std::min<size_t>(grams.size(), 65535));
        }
    }
    std::sort(x.wordsByText.begin(), x.wordsByText.end(),
              [&x](uint32_t a, uint32_t b) { return x.words[a].folded < x.words[b].folded; });
    x.termsByText.resize(x.terms.size());
    for (uint32_t t = 0; t < x.terms.size(); ++t) {
        x.termsByText[t] = t;
    }
    std::sort(x.termsByText.begin(), x.termsByText.end(),
              [&x](uint32_t a, uint32_t b) { return x.terms[a].stem < x.terms[b].stem; });

    for (uint32_t t = 0; t < x.terms.size(); ++t) {
        x.termsByPlainVowels[withoutUmlauts(x.terms[t].stem)].push_back(t);
    }
    std::erase_if(x.termsByPlainVowels, [](const auto &entry) { return entry.second.size() < 2; });

    for (const Synonym &s : synonyms) {
        // Hyphenated words are one word here as in a query: "Kfz-Zulassung" is the key "kfzzulassung", which
        // "Kfz Zulassung" written apart finds too.
        std::vector<text::Token> key = text::tokenize(s.term);
        for (size_t k = 0; k + 1 < key.size();) {
            if (isHyphenated(s.term, key[k], key[k + 1])) {
                joinWithNext(key, k);
            } else {
                ++k;
            }
        }
        if (key.empty()) {
            continue;
        }
        std::vector<std::vector<std::string>> phraseExpansions;
        if (key.size() > 1) {
            Index::PhraseSynonym phrase;
            for (const text::Token &t : key) {
                phrase.stems.push_back(Stemmer::local().stem(t.folded));
            }
            x.phraseSynonyms.push_back(std::move(phrase));
        }
        auto &expansions = key.size() == 1 ? x.synonyms[key.front().folded] : x.phraseSynonyms.back().expansions;
        for (const QString &e : s.expansions) {
            std::vector<std::string> words;
            for (const text::Token &t : text::tokenize(e)) {
                if (!text::isStopWord(t.folded)) {
                    words.push_back(t.folded);
                }
            }
            if (!words.empty()) {
                expansions.push_back(std::move(words));
            }
        }
    }
    for (const auto &[key, expansions] : x.synonyms) {
        x.synonymKeys.push_back(key);
        auto &byStem = x.synonymsByStem[Stemmer::local().stem(key)];
        for (const std::vector<std::string> &words : expansions) {
            if (std::find(byStem.begin(), byStem.end(), words) == byStem.end()) {
                byStem.push_back(words);
            }
        }
    }
    std::sort(x.synonymKeys.begin(), x.synonymKeys.end());
    for (const std::string &key : x.synonymKeys) {
        x.synonymKeyLetters.push_back(letterSet(key));
    }
    d = std::move(index);
}

QList<SearchHit> SearchEngine::search(const QString &query, const SearchOptions &options) const
{
    const Index &x = *d;
    QList<SearchHit> hits;
    const int limit = std::clamp(options.limit, 1, 1000);
    if (x.docs.empty()) {
        return hits;
    }
    const std::vector<Concept> concepts = x.parse(query);
    int required = 0;
    for (const Concept &c : concepts) {
        required += c.optional ? 0 : 1;
    }
    if (concepts.empty()) {
        return hits;
    }

    Scratch &s = scratch();
    s.ensure(x.docs.size(), x.words.size());
    std::unordered_map<uint32_t, float> matchedTerms; // term → weight of the best way it matched

    for (const Concept &c : concepts) {
        float conceptBest = 0; // the best score of this query word in any article
        for (const Alternative &alt : c.alternatives) {
            // One term (most alternatives: the stem, a completion, a typo, a synonym): straight into the
            // word's best score, without the per-alternative pass.
            if (alt.groups.size() == 1 && alt.groups.front().size() == 1) {
                const Term &term = x.terms[alt.groups.front().front()];
                if (term.postings.empty()) {
                    continue;
                }
                float &best = matchedTerms[alt.groups.front().front()];
                best = std::max(best, alt.weight);
                for (const Posting &p : term.postings) {
                    float &word = s.wordScore[p.doc];
                    if (word == 0) {
                        s.touchedConcept.push_back(p.doc);
                    }
                    const float score = alt.weight * p.score;
                    word = std::max(word, score);
                    conceptBest = std::max(conceptBest, score);
                }
                continue;
            }
            const float share = alt.weight / float(alt.groups.size());
            const bool several = alt.groups.size() > 1;
            for (size_t g = 0; g < alt.groups.size(); ++g) {
                for (uint32_t t : alt.groups[g]) {
                    const Term &term = x.terms[t];
                    if (!term.postings.empty()) {
                        float &best = matchedTerms[t];
                        best = std::max(best, alt.weight);
                    }
                    for (const Posting &p : term.postings) {
                        if (s.alt[p.doc] == 0) {
                            s.touchedAlt.push_back(p.doc);
                        }
                        s.alt[p.doc] += share * p.score;
                        // Groups are visited in order, so the count reaches g + 1 only for a document
                        // that matched every group before this one.
                        if (several && s.groupsMatched[p.doc] == g) {
                            s.groupsMatched[p.doc] = uint16_t(g + 1);
                        }
                    }
                }
            }
            for (uint32_t doc : s.touchedAlt) {
                if (s.wordScore[doc] == 0) {
                    s.touchedConcept.push_back(doc);
                }
                // The parts of a compound belong together: an article with only some of them (any
                // "…wechsel" for "Arbeitgeberwechsel") is only weakly what was asked.
                float score = s.alt[doc];
                if (several) {
                    score *= s.groupsMatched[doc] == alt.groups.size() ? 1.0f : kPartialGroupsFactor;
                    s.groupsMatched[doc] = 0;
                }
                s.wordScore[doc] = std::max(s.wordScore[doc], score);
                conceptBest = std::max(conceptBest, score);
                s.alt[doc] = 0;
            }
            s.touchedAlt.clear();
        }
        // A word counts as covered by an article in proportion to how well it matches there, up to
        // kCoverShare of its best match anywhere: "Personalausweis" among the documents to bring of
        // another service covers "personalausweis verlängern" less than the article of that name.
        const float full = kCoverShare * conceptBest;
        for (uint32_t doc : s.touchedConcept) {
            if (s.total[doc] == 0) {
                s.touchedTotal.push_back(doc);
            }
            s.total[doc] += s.wordScore[doc];
            if (!c.optional) {
                s.matched[doc] += full > 0 ? std::min(1.0f, s.wordScore[doc] / full) : 1.0f;
            }
            s.wordScore[doc] = 0;
        }
        s.touchedConcept.clear();
    }

    // Rank by how much of the query an article covers, then by the weighted match.
    struct Candidate
    {
        float score;
        uint32_t doc;
    };
    auto byScore = [&x](const Candidate &a, const Candidate &c) {
        return a.score != c.score ? a.score > c.score : x.docs[a.doc].titleOrder < x.docs[c.doc].titleOrder;
    };
    // The best `depth` in a heap whose front is the weakest of them (a common word touches most of a large
    // catalogue, and most articles it touches lose to that front at one comparison); sorted after the title
    // bonus below. The order is total (titles rank uniquely), so the set is the same as a full sort's.
    const size_t depth = size_t(std::max(kRerankDepth, limit));
    std::vector<Candidate> candidates;
    candidates.reserve(std::min(depth, s.touchedTotal.size()));
    for (uint32_t doc : s.touchedTotal) {
        const float coverage = required == 0 ? 1.0f : s.matched[doc] / float(required);
        const Candidate c{s.total[doc] * coverage * std::sqrt(coverage), doc}; // coverage^1.5
        s.total[doc] = 0;
        s.matched[doc] = 0;
        if (candidates.size() < depth) {
            candidates.push_back(c);
            std::push_heap(candidates.begin(), candidates.end(), byScore);
        } else if (byScore(c, candidates.front())) {
            std::pop_heap(candidates.begin(), candidates.end(), byScore);
            candidates.back() = c;
            std::push_heap(candidates.begin(), candidates.end(), byScore);
        }
    }
    s.touchedTotal.clear();

    // Prefer articles whose title is what was asked, and nothing else: "Personalausweis" before
    // "Verlust oder Diebstahl Personalausweis" for "personalausweis".
    auto matchedWeight = [&matchedTerms](uint32_t t) {
        const auto it = matchedTerms.find(t);
        return it == matchedTerms.end() ? 0.0f : it->second;
    };
    for (Candidate &c : candidates) {
        const std::vector<uint32_t> &titleWords = x.docs[c.doc].titleWords;
        if (titleWords.empty()) {
            continue;
        }
        float covered = 0;
        for (uint32_t w : titleWords) {
            const Word &word = x.words[w];
            float parts = 0;
            for (uint32_t p : word.partTerms) {
                parts += matchedWeight(p);
            }
            const float partCoverage = word.partTerms.empty() ? 0.0f : parts / float(word.partTerms.size() + 1);
            covered += std::max(matchedWeight(word.term), partCoverage);
        }
        const float coverage = covered / float(titleWords.size());
        c.score *= (1.0f + 0.6f * coverage + (coverage > 0.99f ? 0.4f : 0.0f)) *
                   (1.0f + kPriorWeight * x.docs[c.doc].prior) *
                   (1.0f + kKeywordPriorWeight * x.docs[c.doc].keywordPrior);
    }
    std::sort(candidates.begin(), candidates.end(), byScore);

    for (size_t i = 0; i < candidates.size() && hits.size() < limit; ++i) {
        const Doc &doc = x.docs[candidates[i].doc];
        hits.append({doc.id, doc.title, double(candidates[i].score), x.snippet(doc, matchedTerms)});
    }
    return hits;
}

// One line a query word, then one a way it can match: weight, how, the stems it looks for and in how many
// articles each is. For leads checking why an article ranks where it does, and for tuning.
QString SearchEngine::Index::explain(const QString &query) const
{
    QString out;
    for (const Concept &c : parse(query)) {
        out += QStringLiteral("%1%2%3\n")
                   .arg(QString::fromStdString(c.word),
                        c.optional ? QStringLiteral(" (a stop word being typed: counts only where it matches)")
                                   : QString(),
                        c.alternatives.empty() ? QStringLiteral(": no match in the catalogue") : QString());
        for (const Alternative &alt : c.alternatives) {
            QStringList groups;
            for (const std::vector<uint32_t> &group : alt.groups) {
                QStringList any;
                for (uint32_t t : group) {
                    any << QStringLiteral("%1 (%2)")
                               .arg(QString::fromStdString(terms[t].stem))
                               .arg(terms[t].postings.size());
                }
                groups << any.join(QLatin1String(" | "));
            }
            out += QStringLiteral("  %1  %2: %3\n")
                       .arg(double(alt.weight), 0, 'f', 2)
                       .arg(QString::fromUtf8(alt.how), groups.join(QLatin1String(" + ")));
        }
    }
    return out;
}

QString SearchEngine::explain(const QString &query) const
{
    return d->explain(query);
}

QStringList SearchEngine::unmatchedWords(const QString &query) const
{
    QStringList unmatched;
    if (d->docs.empty()) {
        return unmatched;
    }
    // An alternative reaches an article only if each of its groups (the parts of a compound) has a term
    // that some article contains.
    const auto reaches = [this](const Alternative &alt) {
        return !alt.groups.empty() &&
               std::all_of(alt.groups.begin(), alt.groups.end(), [this](const std::vector<uint32_t> &group) {
                   return std::any_of(group.begin(), group.end(),
                                      [this](uint32_t t) { return !d->terms[t].postings.empty(); });
               });
    };
    // The typed form of a concept's folded word: the first run of adjacent tokens whose folded forms make it up
    // (parse() joins "Au-pair" and "P Schein" into one word).
    const QStringView view = QStringView(query).left(qsizetype(kMaxQueryChars));
    const std::vector<text::Token> tokens = text::tokenize(view);
    const auto typed = [&view, &tokens](const std::string &word) {
        for (size_t i = 0; i < tokens.size(); ++i) {
            std::string joined;
            for (size_t j = i; j < tokens.size() && joined.size() < word.size(); ++j) {
                joined += tokens[j].folded;
                if (joined == word) {
                    const qsizetype end = tokens[j].begin + tokens[j].length;
                    return view.mid(tokens[i].begin, end - tokens[i].begin).toString();
                }
                if (word.compare(0, joined.size(), joined) != 0) {
                    break;
                }
            }
        }
        return QString::fromStdString(word);
    };
    for (const Concept &c : d->parse(query)) {
        if (!c.optional && !text::isStopWord(c.word) &&
            std::none_of(c.alternatives.begin(), c.alternatives.end(), reaches)) {
            unmatched << typed(c.word);
        }
    }
    return unmatched;
}

int SearchEngine::articleCount() const
{
    return int(d->docs.size());
}

} // namespace kb
