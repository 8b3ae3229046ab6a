#include "textnormalizer.h"

#include <libstemmer.h>

#include <QChar>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

namespace kb::text {

namespace {

// Folded spelling of each code point below U+0250 (Latin-1 and Latin Extended-A/B), built once
// from Qt's case and decomposition tables plus the German two-letter spellings.
struct FoldTable
{
    std::array<std::string, 0x250> entries;
    std::array<bool, 0x250> wordChar;

    FoldTable()
    {
        for (char32_t c = 0; c < entries.size(); ++c) {
            entries[c] = computeFold(c);
            wordChar[c] = QChar::isLetterOrNumber(c) || QChar::isMark(c);
        }
    }

    static std::string computeFold(char32_t c)
    {
        switch (c) {
        case U'ä':
        case U'Ä':
            return "ae";
        case U'ö':
        case U'Ö':
            return "oe";
        case U'ü':
        case U'Ü':
            return "ue";
        case U'ß':
            return "ss";
        case U'æ':
        case U'Æ':
            return "ae";
        case U'œ':
        case U'Œ':
            return "oe";
        case U'ø':
        case U'Ø':
            return "o";
        case U'đ':
        case U'Đ':
            return "d";
        case U'ł':
        case U'Ł':
            return "l";
        case U'þ':
        case U'Þ':
            return "th";
        default:
            break;
        }
        if (!QChar::isLetterOrNumber(c)) {
            return {};
        }
        const char32_t lower = QChar::toLower(c);
        const QString decomposed = QChar::decomposition(lower);
        const char32_t base = decomposed.isEmpty() ? lower : char32_t(decomposed.at(0).unicode());
        return QString::fromUcs4(&base, 1).toStdString();
    }
};

// Built before main(): the tokenizer consults it for every character, and a function-local static
// would cost a guard check each time.
const FoldTable g_foldTable;

const FoldTable &foldTable()
{
    return g_foldTable;
}

void appendFolded(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out.push_back(char(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
        return;
    }
    if (c < 0x250) {
        out += foldTable().entries[c];
        return;
    }
    if (QChar::isMark(c)) {
        return; // combining diacritics: folded away
    }
    char32_t lower = QChar::toLower(c);
    const QString decomposed = QChar::decomposition(lower);
    if (!decomposed.isEmpty() && QChar::decompositionTag(lower) == QChar::Canonical) {
        lower = decomposed.at(0).unicode();
        if (lower < 0x250) {
            out += foldTable().entries[lower];
            return;
        }
    }
    out += QString::fromUcs4(&lower, 1).toStdString();
}

bool isWordChar(char32_t c)
{
    if (c < 0x250) {
        return foldTable().wordChar[c];
    }
    return QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

// Snowball's German stop list plus the question and filler words of callers' sentences,
// written as folded forms.
const std::unordered_set<std::string> &stopWords()
{
    static const std::unordered_set<std::string> words = {
        // (Snowball's list, folded; these were missing from it.)
        "gegen",
        "hinter",
        "ueber",
        "unter",
        "vor",
        "waehrend",
        "zwischen",
        "derselbe",
        "derselben",
        "denselben",
        "desselben",
        "demselben",
        "anderr",
        "aber",
        "alle",
        "allem",
        "allen",
        "aller",
        "alles",
        "als",
        "also",
        "am",
        "an",
        "ander",
        "andere",
        "anderem",
        "anderen",
        "anderer",
        "anderes",
        "anderm",
        "andern",
        "anders",
        "auch",
        "auf",
        "aus",
        "bei",
        "bin",
        "bis",
        "bist",
        "da",
        "damit",
        "dann",
        "der",
        "den",
        "des",
        "dem",
        "die",
        "das",
        "dass",
        "dieselbe",
        "dieselben",
        "dasselbe",
        "dazu",
        "dein",
        "deine",
        "deinem",
        "deinen",
        "deiner",
        "deines",
        "denn",
        "derer",
        "dessen",
        "dich",
        "dir",
        "du",
        "dies",
        "diese",
        "diesem",
        "diesen",
        "dieser",
        "dieses",
        "doch",
        "dort",
        "durch",
        "ein",
        "eine",
        "einem",
        "einen",
        "einer",
        "eines",
        "einig",
        "einige",
        "einigem",
        "einigen",
        "einiger",
        "einiges",
        "einmal",
        "er",
        "ihn",
        "ihm",
        "es",
        "etwas",
        "euer",
        "eure",
        "eurem",
        "euren",
        "eurer",
        "eures",
        "fuer",
        "hab",
        "habe",
        "haben",
        "hat",
        "hatte",
        "hatten",
        "hier",
        "hin",
        "ich",
        "mich",
        "mir",
        "ihr",
        "ihre",
        "ihrem",
        "ihren",
        "ihrer",
        "ihres",
        "euch",
        "im",
        "in",
        "indem",
        "ins",
        "ist",
        "jede",
        "jedem",
        "jeden",
        "jeder",
        "jedes",
        "jene",
        "jenem",
        "jenen",
        "jener",
        "jenes",
        "jetzt",
        "kann",
        "kein",
        "keine",
        "keinem",
        "keinen",
        "keiner",
        "keines",
        "koennen",
        "koennte",
        "koennten",
        "man",
        "manche",
        "manchem",
        "manchen",
        "mancher",
        "manches",
        "mein",
        "meine",
        "meinem",
        "meinen",
        "meiner",
        "meines",
        "mit",
        "muss",
        "musste",
        "muessen",
        "nach",
        "nicht",
        "nichts",
        "noch",
        "nun",
        "nur",
        "ob",
        "oder",
        "sehr",
        "sein",
        "seine",
        "seinem",
        "seinen",
        "seiner",
        "seines",
        "selbst",
        "sich",
        "sie",
        "ihnen",
        "sind",
        "so",
        "solche",
        "solchem",
        "solchen",
        "solcher",
        "solches",
        "soll",
        "sollte",
        "sondern",
        "sonst",
        "um",
        "und",
        "uns",
        "unsere",
        "unserem",
        "unseren",
        "unser",
        "unseres",
        "viel",
        "vom",
        "von",
        "war",
        "waren",
        "warst",
        "was",
        "weil",
        "welche",
        "welchem",
        "welchen",
        "welcher",
        "welches",
        "wenn",
        "werde",
        "werden",
        "wie",
        "wieder",
        "will",
        "wir",
        "wird",
        "wirst",
        "wo",
        "wollen",
        "wollte",
        "wuerde",
        "wuerden",
        "zu",
        "zum",
        "zur",
        "zwar",
        "wurde",
        "wurden",
        "worden",
        "ist",
        "seid",
        "gewesen",
        // questions and fillers of spoken requests
        "wer",
        "wann",
        "warum",
        "wieso",
        "weshalb",
        "woher",
        "wohin",
        "womit",
        "wozu",
        "wobei",
        "worauf",
        "bitte",
        "hallo",
        "guten",
        "tag",
        "danke",
        "gerne",
        "gern",
        "mal",
        "ja",
        "nein",
        "schon",
        "eigentlich",
        "moechte",
        "moechten",
        "brauche",
        "brauchen",
        "braucht",
        "benoetige",
        "benoetigen",
        "darf",
        "duerfen",
        "kriege",
        "kriegen",
        "bekomme",
        "bekommen",
        "gibt",
        "geht",
        "gehen",
        "tun",
        "mache",
        "machen",
        "macht",
        "lassen",
        "lasse",
        "laesst",
        "bekommt",
        "koennt",
        "kannst",
        "sollen",
        "soll",
        "muesste",
        "waere",
        "ueberhaupt",
        "irgendwo",
        "irgendwie",
        "halt",
        "eben",
        "echt",
        "einfach",
        "gerade",
        "passiert", // "Was passiert, wenn …"
        "passieren",
        "grad",
        "denn",
        "bzw",
        "usw",
        "dafuer",
        "dabei",
        "davon",
        "darum",
        "daran",
        "darauf",
        "etc",
    };
    return words;
}

// Appends the folded form of `word` to `out`.
void foldInto(std::string &out, QStringView word)
{
    out.reserve(out.size() + size_t(word.size()));
    for (qsizetype i = 0; i < word.size(); ++i) {
        char32_t c = word.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < word.size() && word.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(word.at(i), word.at(i + 1));
            ++i;
        }
        appendFolded(out, c);
    }
}

} // namespace

void forEachToken(QStringView text, const std::function<void(qsizetype, qsizetype, std::string_view)> &visit)
{
    std::string folded;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        // Skip separators.
        while (i < n) {
            char32_t c = text.at(i).unicode();
            qsizetype width = 1;
            if (QChar::isHighSurrogate(c) && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
                c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
                width = 2;
            }
            if (isWordChar(c) && (c < 0x300 || !QChar::isMark(c))) {
                break;
            }
            i += width;
        }
        if (i >= n) {
            break;
        }
        const qsizetype begin = i;
        bool hasMark = false; // decomposed input ("u" + combining diaeresis) folds like its composed form
        while (i < n) {
            char32_t c = text.at(i).unicode();
            qsizetype width = 1;
            if (QChar::isHighSurrogate(c) && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
                c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
                width = 2;
            }
            if (!isWordChar(c)) {
                break;
            }
            hasMark = hasMark || (c >= 0x300 && QChar::isMark(c));
            i += width;
        }
        const QStringView word = text.mid(begin, i - begin);
        folded.clear();
        if (hasMark) {
            foldInto(folded, word.toString().normalized(QString::NormalizationForm_C));
        } else {
            foldInto(folded, word);
        }
        if (!folded.empty()) {
            visit(begin, i - begin, folded);
        }
    }
}

std::string fold(QStringView word)
{
    std::string out;
    foldInto(out, word);
    return out;
}

std::vector<Token> tokenize(QStringView text)
{
    std::vector<Token> tokens;
    tokens.reserve(size_t(text.size() / 7) + 1); // German words with their separators: about 7 characters
    forEachToken(text, [&tokens](qsizetype begin, qsizetype length, std::string_view folded) {
        tokens.push_back({begin, length, std::string(folded)});
    });
    return tokens;
}

bool isStopWord(const std::string &folded)
{
    return stopWords().contains(folded);
}

const std::vector<std::string> &derivedNouns(const std::string &stem)
{
    // General German morphology, not the catalogue's vocabulary: verbs whose nouns change the stem
    // (ablaut, suppletion), which neither Snowball nor the prefix family ("meld" → "meldung") joins.
    // Each line lists forms of one verb, then "=", then its simple nouns; compounds of them
    // ("Fundsache", "Sterbefall") are reached through the index's own compound parts.
    static const char *const families[] = {
        "verlieren verliere verlierst verliert verlor verloren = verlust",
        "stehlen stehle stiehlt stahl gestohlen klauen klaue klaut geklaut = diebstahl",
        "finden finde findet fand gefunden = fund",
        "sterben stirbt starb gestorben verstorben versterben = tod",
        "gebaeren gebar geboren = geburt",
        "umziehen umziehe umzieht umzog umgezogen = umzug",
        // Callers say "ziehen" for moving house: "wir sind nach Giesing gezogen", "ich zieh zu meinem Freund".
        "ziehen ziehe ziehst zieht zog zogen gezogen herziehen hergezogen = umzug",
        "zuziehen zuziehe zuzog zugezogen = zuzug",
        "wegziehen wegziehe wegzog weggezogen = wegzug",
        "einziehen einziehe einzog eingezogen = einzug",
        "ausziehen ausziehe auszog ausgezogen = auszug",
        "fliehen fliehe flieht floh geflohen gefluechtet fluechten = flucht fluechtling",
        "austreten austrete austritt austrat ausgetreten = austritt",
        "eintreten eintrete eintrat eingetreten = eintritt",
        "abgeben abgebe abgibt abgab abgegeben = abgabe",
        "annehmen annehme annimmt annahm angenommen = annahme",
        "aufnehmen aufnehme aufnimmt aufnahm aufgenommen = aufnahme",
        "teilnehmen teilnehme teilnimmt teilnahm teilgenommen = teilnahme",
        "einbrechen einbreche einbricht einbrach eingebrochen = einbruch",
        "verbieten verbiete verbietet verbot verboten = verbot",
        "schiessen schiesse schiesst schoss geschossen = schuss",
        "beschliessen beschloss beschlossen = beschluss",
        "ausschliessen ausschloss ausgeschlossen = ausschluss",
        "anschliessen anschloss angeschlossen = anschluss",
        "abschliessen abschloss abgeschlossen = abschluss",
        "verzichten verzichte verzichtet = verzicht",
        "widersprechen widerspreche widerspricht widersprach widersprochen = widerspruch",
        "ansprechen anspricht ansprach angesprochen = anspruch",
        "zurueckgeben zurueckgibt zurueckgab zurueckgegeben = rueckgabe",
        "ausgeben ausgibt ausgab ausgegeben = ausgabe",
        "angeben angibt angab angegeben = angabe",
        "schlagen schlaegt schlug geschlagen = schlag",
        "fahren faehrt fuhr gefahren = fahrt",
        "einreisen eingereist = einreise",
        "ausreisen ausgereist = ausreise",
        "heiraten heirate heiratet geheiratet = ehe",
        "studieren studiere studiert = studium",
    };
    static const std::unordered_map<std::string, std::vector<std::string>> byStem = [] {
        std::unordered_map<std::string, std::vector<std::string>> map;
        Stemmer stemmer;
        for (const char *family : families) {
            const std::string line(family);
            const size_t eq = line.find(" = ");
            std::vector<std::string> nouns;
            for (size_t pos = eq + 3; pos < line.size();) {
                const size_t end = std::min(line.find(' ', pos), line.size());
                nouns.push_back(line.substr(pos, end - pos));
                pos = end + 1;
            }
            for (size_t pos = 0; pos < eq;) {
                const size_t end = std::min(line.find(' ', pos), eq);
                const std::string verbStem = stemmer.stem(line.substr(pos, end - pos));
                auto &target = map[verbStem];
                for (const std::string &noun : nouns) {
                    if (stemmer.stem(noun) != verbStem &&
                        std::find(target.begin(), target.end(), noun) == target.end()) {
                        target.push_back(noun);
                    }
                }
                pos = end + 1;
            }
        }
        // Prefixed verbs of a few strong verbs share their noun's ablaut with the prefix in front:
        // "nachziehen" → Nachzug, "entziehen" → Entzug, "einsehen" → Einsicht, "verstoßen" → Verstoß,
        // "unterschreiben" → Unterschrift. Only prefixed forms: the bare verbs' nouns ("Zug", "Sicht")
        // mean too many other things. A noun the catalogue does not use is simply not found.
        static const char *const bases[] = {
            "ziehen zieht zog zogen gezogen = zug",
            "treten tritt trat traten getreten = tritt",
            "geben gibt gab gaben gegeben = gabe",
            "nehmen nimmt nahm nahmen genommen = nahme",
            "schliessen schliesst schloss schlossen geschlossen = schluss",
            "sprechen spricht sprach sprachen gesprochen = spruch",
            "brechen bricht brach brachen gebrochen = bruch",
            "fliegen fliegt flog flogen geflogen = flug",
            "schreiben schreibt schrieb schrieben geschrieben = schrift",
            "schlagen schlaegt schlug schlugen geschlagen = schlag",
            "halten haelt hielt hielten gehalten = halt",
            "laufen laeuft lief liefen gelaufen = lauf",
            "greifen greift griff griffen gegriffen = griff",
            "weisen weist wies wiesen gewiesen = weis",
            "tragen traegt trug trugen getragen = trag",
            "sehen sieht sah sahen gesehen = sicht",
            "werfen wirft warf warfen geworfen = wurf",
            "fangen faengt fing fingen gefangen = fang",
            "steigen steigt stieg stiegen gestiegen = stieg",
            "schneiden schneidet schnitt schnitten geschnitten = schnitt",
            "sitzen sitzt sass sassen gesessen = sitz",
            "fliessen fliesst floss flossen geflossen = fluss",
            "stossen stoesst stiess stiessen gestossen = stoss",
        };
        static const char *const separable[] = {"ab",   "an",   "auf", "aus",      "bei",     "ein", "mit",
                                                "nach", "vor",  "weg", "zu",       "zurueck", "um",  "hin",
                                                "her",  "fort", "dar", "zusammen", "weiter"};
        static const char *const inseparable[] = {"be", "ver", "ent", "er", "ueber", "unter", "wider", "zer"};
        for (const char *base : bases) {
            const std::string line(base);
            const size_t eq = line.find(" = ");
            const std::string noun = line.substr(eq + 3);
            std::vector<std::string> forms;
            for (size_t pos = 0; pos < eq;) {
                const size_t end = std::min(line.find(' ', pos), eq);
                forms.push_back(line.substr(pos, end - pos));
                pos = end + 1;
            }
            auto addPrefixed = [&](const std::string &prefix, bool dropGe) {
                const std::string prefixedNoun = prefix + noun;
                for (const std::string &form : forms) {
                    const bool participle = form.starts_with("ge");
                    const std::string verb = prefix + (participle && dropGe ? form.substr(2) : form);
                    const std::string verbStem = stemmer.stem(verb);
                    auto &target = map[verbStem];
                    if (stemmer.stem(prefixedNoun) != verbStem &&
                        std::find(target.begin(), target.end(), prefixedNoun) == target.end()) {
                        target.push_back(prefixedNoun);
                    }
                }
            };
            for (const char *prefix : separable) {
                addPrefixed(prefix, false);
            }
            for (const char *prefix : inseparable) {
                addPrefixed(prefix, true);
            }
        }
        return map;
    }();
    static const std::vector<std::string> none;
    const auto it = byStem.find(stem);
    return it == byStem.end() ? none : it->second;
}

Stemmer::Stemmer() : m_stemmer(sb_stemmer_new("german", "UTF_8")) {}

Stemmer::~Stemmer()
{
    if (m_stemmer) {
        sb_stemmer_delete(m_stemmer);
    }
}

std::string Stemmer::stem(const std::string &folded)
{
    if (!m_stemmer || folded.empty()) {
        return folded;
    }
    const sb_symbol *out =
        sb_stemmer_stem(m_stemmer, reinterpret_cast<const sb_symbol *>(folded.data()), int(folded.size()));
    if (!out) {
        return folded; // out of memory inside libstemmer: the unstemmed word still matches itself
    }
    std::string result(reinterpret_cast<const char *>(out), size_t(sb_stemmer_length(m_stemmer)));
    // An adjective in -lich that Snowball cuts to a stem of five letters or fewer keeps its ending:
    // "persönlich" would otherwise be "perso", the callers' word for the Personalausweis.
    const size_t at = folded.rfind("lich");
    if (at != std::string::npos && at >= 3 && folded.size() - at <= 6 && result.size() <= 5 &&
        !result.ends_with("lich")) {
        const std::string_view tail = std::string_view(folded).substr(at + 4);
        if (tail.empty() || tail == "e" || tail == "en" || tail == "er" || tail == "es" || tail == "em") {
            result = folded.substr(0, at + 4);
        }
    }
    return result;
}

Stemmer &Stemmer::local()
{
    thread_local Stemmer stemmer;
    return stemmer;
}

} // namespace kb::text
