// Search behaviour on real catalogue entries (Munich), the way agents and callers type.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"

#include "dldbimporter.h"
#include "searchengine.h"
#include "textnormalizer.h"
#include "textutil.h"
#include "thesaurus.h"

#include <QTemporaryFile>

namespace {

// The real Munich services and offices, as the importer reads them.
const QList<kb::Article> &munich()
{
    static const QList<kb::Article> articles = [] {
        const QString dir = QStringLiteral(HOTLINE_SHARED_DATA_DIR);
        kb::Catalogue catalogue;
        kb::DldbReadReport report;
        QString error;
        const bool ok = kb::readDldbFiles({dir + QStringLiteral("/munich_dldb_services_de.json"),
                                           dir + QStringLiteral("/munich_dldb_locations_de.json")},
                                          &catalogue, &report, &error);
        REQUIRE(ok);
        return catalogue.articles;
    }();
    return articles;
}

const kb::SearchEngine &engine()
{
    static const kb::SearchEngine e = [] {
        kb::SearchEngine engine;
        engine.build(munich(), {{QStringLiteral("Perso"), {QStringLiteral("Personalausweis")}}});
        return engine;
    }();
    return e;
}

QStringList topTitles(const QString &query, int n = 3)
{
    QStringList titles;
    for (const kb::SearchHit &h : engine().search(query, {n})) {
        titles << h.title;
    }
    return titles;
}

kb::Article article(const char *id, const char *title, const char *body, QStringList keywords = {})
{
    kb::Article a;
    a.id = QString::fromUtf8(id);
    a.title = QString::fromUtf8(title);
    a.descriptionHtml = QString::fromUtf8(body);
    a.keywords = keywords;
    return a;
}

} // namespace

TEST_CASE("folding: case, umlauts, ß and diacritics", "[search][normalize]")
{
    using kb::text::fold;
    CHECK(fold(u"Führerschein") == "fuehrerschein");
    CHECK(fold(u"FUEHRERSCHEIN") == "fuehrerschein");
    CHECK(fold(u"Straße") == "strasse");
    CHECK(fold(u"Café") == "cafe");
    CHECK(fold(u"Łódź") == "lodz");
    CHECK(fold(QString::fromUtf8("Fu\xcc\x88hrerschein").normalized(QString::NormalizationForm_C)) == "fuehrerschein");
}

TEST_CASE("stop words: all of Snowball's German list, folded", "[search][normalize]")
{
    // snowballstem.org/algorithms/german/stop.txt; "Ich habe vor einem Jahr …" must not rank the
    // "Vor-Ort-Termin" services on "vor".
    const char *const snowball =
        "aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm andern "
        "anderr anders auch auf aus bei bin bis bist da damit dann der den des dem die das dass derselbe derselben "
        "denselben desselben demselben dieselbe dieselben dasselbe dazu dein deine deinem deinen deiner deines denn "
        "derer dessen dich dir du dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen einer "
        "eines einig einige einigem einigen einiger einiges einmal er ihn ihm es etwas euer eure eurem euren eurer "
        "eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich mich mir ihr ihre ihrem ihren "
        "ihrer ihres euch im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann "
        "kein keine keinem keinen keiner keines können könnte machen man manche manchem manchen mancher manches mein "
        "meine meinem meinen meiner meines mit muss musste nach nicht nichts noch nun nur ob oder sehr sein seine "
        "seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen solcher solches soll sollte "
        "sondern sonst über um und uns unsere unserem unseren unser unseres unter viel vom von vor während war waren "
        "warst was weil welche welchem welchen welcher welches wenn werde werden wie wieder will wir wird wirst wo "
        "wollen wollte würde würden zu zum zur zwar zwischen";
    for (const QString &word : QString::fromUtf8(snowball).split(QLatin1Char(' '))) {
        INFO(word.toStdString());
        CHECK(kb::text::isStopWord(kb::text::fold(word)));
    }
    // Kept out on purpose: "weg" ("Ausweis weg" is lost), "ohne" ("abmelden ohne Zulassungsbescheinigung"),
    // "weiter" (a particle callers use alone: "weiter gültig?").
    CHECK_FALSE(kb::text::isStopWord("weg"));
    CHECK_FALSE(kb::text::isStopWord("ohne"));
}

TEST_CASE("tokenizer splits on punctuation and keeps offsets", "[search][normalize]")
{
    const QString s = QStringLiteral("Kfz-Zulassung (Auto), § 5 😀 Straße");
    const auto tokens = kb::text::tokenize(s);
    REQUIRE(tokens.size() == 5);
    CHECK(tokens[0].folded == "kfz");
    CHECK(tokens[1].folded == "zulassung");
    CHECK(s.mid(tokens[1].begin, tokens[1].length) == QStringLiteral("Zulassung"));
    CHECK(tokens[3].folded == "5");
    CHECK(tokens[4].folded == "strasse");
}

TEST_CASE("Snowball stemming joins inflected forms", "[search][normalize]")
{
    auto &stemmer = kb::text::Stemmer::local();
    CHECK(stemmer.stem("ausweise") == stemmer.stem("ausweis"));
    CHECK(stemmer.stem("anmeldung") == stemmer.stem("anmelden"));
    // Snowball cuts "persoenlich" to "perso", the callers' word for the Personalausweis: a short stem keeps -lich.
    CHECK(stemmer.stem("persoenlich") != stemmer.stem("perso"));
    CHECK(stemmer.stem("persoenliche") == stemmer.stem("persoenlich"));
    CHECK(stemmer.stem("gesetzliche") == stemmer.stem("gesetzlich"));
}

TEST_CASE("html to plain text drops tags and decodes entities", "[search][normalize]")
{
    const QString plain = kb::htmlToPlainText(
        QStringLiteral("<p>Geb&uuml;hr: 37&nbsp;&euro;<br>\u200bBitte "
                       "<strong>mitbringen</strong>:</p><script>x()</script><ul><li>Pass</li></ul>"));
    CHECK(plain == QStringLiteral("Gebühr: 37 €\nBitte mitbringen:\nPass"));
}

TEST_CASE("umlaut spellings are equal", "[search]")
{
    CHECK(topTitles(QStringLiteral("Fuehrungszeugnis"), 1) == QStringList{QStringLiteral("Führungszeugnis")});
    CHECK(topTitles(QStringLiteral("führungszeugnis"), 1) == QStringList{QStringLiteral("Führungszeugnis")});
    CHECK(topTitles(QStringLiteral("FÜHRUNGSZEUGNIS"), 1) == QStringList{QStringLiteral("Führungszeugnis")});
}

TEST_CASE("stemming: plural finds the singular", "[search]")
{
    CHECK(topTitles(QStringLiteral("Reisepässe"), 3).contains(QStringLiteral("Reisepass")));
    CHECK(topTitles(QStringLiteral("Sterbeurkunden"), 1) == QStringList{QStringLiteral("Sterbeurkunde")});
}

TEST_CASE("compounds both ways", "[search]")
{
    // The query's compound is split against the index vocabulary.
    kb::SearchEngine e;
    e.build(
        {article("1", "Steuer auf die Zweitwohnung", "<p>Wer in der Stadt eine Zweitwohnung hat, zahlt Steuer.</p>"),
         article("2", "Hundesteuer", "<p>Für jeden Hund ist Steuer zu zahlen.</p>"),
         article("3", "Wohnsitzanmeldung", "<p>Melden Sie Ihren Wohnsitz innerhalb von zwei Wochen an.</p>"),
         article("4", "Wohnung kündigen", "<p>Mietrecht.</p>")});
    auto hits = e.search(QStringLiteral("Zweitwohnungssteuer"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("1"));
    // The article's compound is split at indexing: separate words find it.
    hits = e.search(QStringLiteral("Wohnsitz anmelden"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("3"));
    // And on the real catalogue.
    CHECK(topTitles(QStringLiteral("Wohnsitz anmelden"), 1) == QStringList{QStringLiteral("Wohnsitzanmeldung")});
}

TEST_CASE("compounds with a part only the German lexicon knows", "[search]")
{
    {
        // The word list reader: folded, plain words only, an over-long line skipped whole.
        QTemporaryFile list;
        REQUIRE(list.open());
        list.write("Touristen\nStra\xc3\x9f"
                   "e\nz.B.\nab\n" +
                   QByteArray(600, 'x') + "tail\nVisum\n");
        list.close();
        kb::Lexicon lexicon;
        REQUIRE(lexicon.load(list.fileName()));
        CHECK(lexicon.size() == 3);
        CHECK(lexicon.contains("touristen"));
        CHECK(lexicon.contains("strasse"));
        CHECK(lexicon.contains("visum"));
        CHECK_FALSE(lexicon.contains("tail"));
        CHECK_FALSE(lexicon.contains("ab"));
        CHECK_FALSE(kb::Lexicon().load(QStringLiteral("/nonexistent/word/list")));
    }
    const kb::Lexicon &lexicon = kb::Lexicon::system();
    if (lexicon.isEmpty()) {
        WARN("no German word list (Debian wngerman): lexicon decompounding not tested");
        return;
    }
    CHECK(lexicon.contains("touristen"));
    CHECK(lexicon.contains("fuehrerschein")); // folded like the index: ü → ue
    CHECK_FALSE(lexicon.contains("tourist1"));
    // Neither "Touristen" nor "Touristenvisum" is in these articles: the lexicon says "touristen" is
    // a word, so "visum" may carry the query, and the engine prefers it over nothing at all.
    kb::SearchEngine e;
    e.build({article("visa", "Visum für einen Besuch", "<p>Wer zu Besuch kommt, braucht ein Visum.</p>"),
             article("dog", "Hundesteuer", "<p>Für jeden Hund ist Steuer zu zahlen.</p>")});
    auto hits = e.search(QStringLiteral("Touristenvisum"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("visa"));
    // On the real catalogue: "Anglerschein" reaches the fishing licence (angler → Fischer via the
    // thesaurus), not just any "…schein".
    const QStringList top = topTitles(QStringLiteral("Anglerschein"), 3);
    CHECK(top.join(QLatin1Char('|')).contains(QStringLiteral("Fischereischein")));
}

TEST_CASE("verb forms reach their nouns: participles of separable and strong verbs", "[search]")
{
    CHECK(kb::text::derivedNouns(kb::text::Stemmer::local().stem("verloren")) == std::vector<std::string>{"verlust"});
    CHECK(kb::text::derivedNouns(kb::text::Stemmer::local().stem("gestohlen")) ==
          std::vector<std::string>{"diebstahl"});
    CHECK(kb::text::derivedNouns(kb::text::Stemmer::local().stem("ausweis")).empty());
    kb::SearchEngine e;
    e.build(
        {article("loss", "Verlust oder Diebstahl Reisepass", "<p>Melden Sie den Verlust.</p>"),
         article("fees", "Reisepass", "<p>Gebühren für den Reisepass.</p>"),
         article("dereg", "Gewerbe-Abmeldung", "<p>Wer sein Gewerbe aufgibt, meldet es ab.</p>"),
         article("reg", "Gewerbe-Anmeldung", "<p>Wer ein Gewerbe beginnt, meldet es an. Verloren ist nichts.</p>")});
    // "verloren" and "gestohlen" share no stem with "Verlust" and "Diebstahl".
    auto hits = e.search(QStringLiteral("Reisepass verloren"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("loss"));
    hits = e.search(QStringLiteral("Pass gestohlen"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("loss"));
    // A slip in such a verb still reaches its noun: "verlorn" is "verloren" (a word of this index).
    hits = e.search(QStringLiteral("Reisepass verlorn"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("loss"));
    // … and so is "abzumelden": ab|zu|melden.
    hits = e.search(QStringLiteral("Ich habe vergessen, mein Gewerbe abzumelden"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("dereg"));
    CHECK(e.explain(QStringLiteral("abzumelden ")).contains(QStringLiteral("verb form: abmeld")));
    // "abgemeldet" is a form of "abmelden": ab|ge|meldet.
    hits = e.search(QStringLiteral("Gewerbe abgemeldet"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("dereg"));
    // And on the real catalogue.
    CHECK(topTitles(QStringLiteral("Personalausweis verloren"), 1) ==
          QStringList{QStringLiteral("Verlust oder Diebstahl Personalausweis")});
}

TEST_CASE("a negated form of finden reports a loss, and fillers of spoken German are no search words", "[search]")
{
    kb::SearchEngine e;
    e.build({article("loss", "Verlust oder Diebstahl Reisepass", "<p>Melden Sie den Verlust sofort.</p>"),
             article("pass", "Reisepass", "<p>Den Reisepass beantragen Sie im Bürgerbüro.</p>"),
             article("found", "Fundsache abholen", "<p>Ihr Fund liegt im Fundbüro. Mehr dazu finden Sie dort.</p>")});
    for (const char *query : {"Ich finde meinen Reisepass nicht mehr", "Ich kann meinen Pass nirgends finden",
                              "Reisepass nicht auffindbar", "i find mein Pass nimmer"}) {
        INFO(query);
        const auto hits = e.search(QString::fromUtf8(query));
        REQUIRE(!hits.isEmpty());
        CHECK(hits.first().id == QStringLiteral("loss"));
    }
    // Found, it is a find: the loss article does not come first.
    auto hits = e.search(QStringLiteral("Ich habe einen Reisepass gefunden"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id != QStringLiteral("loss"));
    CHECK(e.explain(QStringLiteral("finde nicht")).contains(QStringLiteral("negated: verlust")));
    CHECK(!e.explain(QStringLiteral("gefunden")).contains(QStringLiteral("verlust")));
    // "mehr" after "nicht" and the fillers ask for nothing.
    CHECK(!e.explain(QStringLiteral("finde ihn nicht mehr")).contains(QStringLiteral("\nmehr")));
    const QString fillers = e.explain(QStringLiteral("irgendwie einfach halt den Reisepass"));
    CHECK(fillers.startsWith(QStringLiteral("reisepass\n")));
    CHECK(!fillers.contains(QStringLiteral("einfach")));
}

TEST_CASE("a feminine form of a person finds the word the catalogue uses, and its synonym entry", "[search]")
{
    kb::SearchEngine e;
    e.build({article("eu", "Bescheinigung für Italiener und Franzosen", "<p>Für Bürger der EU.</p>"),
             article("study", "Aufenthalt für Studenten", "<p>Zum Studium.</p>"),
             article("visa", "Einreise aus ausgewählten Staaten", "<p>Ohne Visum einreisen.</p>")},
            {{QStringLiteral("Kanadier"), {QStringLiteral("ausgewählten Staaten")}}});
    for (const auto &[query, id] :
         {std::pair{"Ich bin Italienerin", "eu"}, {"Studentinnen", "study"}, {"Kanadierin", "visa"}}) {
        INFO(query);
        const auto hits = e.search(QString::fromUtf8(query) + QLatin1Char(' '));
        REQUIRE(!hits.isEmpty());
        CHECK(hits.first().id == QLatin1String(id));
    }
    // Not every word in -in is one: the rest must be a word of the catalogue.
    CHECK(e.search(QStringLiteral("Benzin ")).isEmpty());
}

TEST_CASE("verbs of be- and a noun reach the noun: beantragen, beurkunden", "[search]")
{
    kb::SearchEngine e;
    e.build({article("pension", "Altersrente", "<p>Stellen Sie den Antrag rechtzeitig.</p>"),
             article("other", "Rente", "<p>Was im Bescheid steht.</p>"),
             article("deed", "Urkunde über die Vaterschaft", "<p>Das Jugendamt stellt sie aus.</p>"),
             article("father", "Vaterschaft", "<p>Wer als Vater gilt.</p>"),
             article("grant", "Bewilligung", "<p>Bestehen Sie darauf, sie zu beantragen und zu beurkunden.</p>")});
    // "beantragen" is not in the pension article; its noun "Antrag" is, and it makes the article cover the
    // query where the one titled "Rente" covers only half of it. (The verb is a word of this index, so it is
    // not split into be|antrag as an unknown word would be.)
    auto hits = e.search(QStringLiteral("Rente beantragen"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("pension"));
    hits = e.search(QStringLiteral("Vaterschaft beurkunden lassen"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("deed"));
    // The rest of "bestehen" ("stehen") is a verb, not a noun: no match through it.
    CHECK(e.search(QStringLiteral("bestehen")).size() <= 1);
    CHECK(e.explain(QStringLiteral("beantragen")).contains(QStringLiteral("be- verb: antrag")));
    CHECK(!e.explain(QStringLiteral("bestehen")).contains(QStringLiteral("be- verb")));
}

TEST_CASE("prefixed strong verbs reach their nouns, also when the particle stands apart", "[search]")
{
    auto nouns = [](const char *verb) { return kb::text::derivedNouns(kb::text::Stemmer::local().stem(verb)); };
    CHECK(nouns("nachziehen") == std::vector<std::string>{"nachzug"});
    CHECK(nouns("nachgezogen") == std::vector<std::string>{"nachzug"});
    CHECK(nouns("entzogen") == std::vector<std::string>{"entzug"});
    CHECK(nouns("unterschreiben") == std::vector<std::string>{"unterschrift"});
    CHECK(nouns("verstoesst") == std::vector<std::string>{"verstoss"}); // "verstoßen" has its stem already
    CHECK(nouns("eingesehen") == std::vector<std::string>{"einsicht"});
    // The bare verb's "Zug" means too many other things; callers say "ziehen" for moving house.
    CHECK(nouns("ziehen") == std::vector<std::string>{"umzug"});
    CHECK(nouns("gezogen") == std::vector<std::string>{"umzug"});

    kb::SearchEngine e;
    e.build({article("spouse", "Ehegatten aus dem Ausland", "<p>Der Nachzug Ihres Ehepartners zu Ihnen.</p>"),
             article("move", "Wohnsitzanmeldung", "<p>Nach einem Umzug in München melden Sie sich an.</p>"),
             article("trade", "Gewerbe-Anmeldung", "<p>Wer ein Gewerbe in München beginnt, meldet es an.</p>")});
    auto hits = e.search(QStringLiteral("Meine Frau soll nachziehen"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("spouse"));
    hits = e.search(QStringLiteral("Meine Frau zieht nach"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("spouse"));
    // "nach München gezogen" is a move, not a "Nachzug".
    hits = e.search(QStringLiteral("Ich bin letzte Woche nach München gezogen, wo muss ich mich anmelden?"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("move"));
    // The particle closes the clause; "nach" before "München" is a preposition.
    hits = e.search(QStringLiteral("Ich ziehe nach München um"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("move"));
    for (const kb::SearchHit &h : hits) {
        CHECK(h.id != QStringLiteral("spouse"));
    }
    // Spoken German puts a particle that is no preposition right after the verb: "ziehe weg aus …".
    e.build({article("leave", "Wohnsitz abmelden", "<p>Beim Wegzug aus München melden Sie sich ab.</p>"),
             article("city", "Stadtinformation", "<p>Alles über München.</p>")});
    hits = e.search(QStringLiteral("Ich ziehe weg aus München"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("leave"));
}

TEST_CASE("synonyms from the editable table and from catalogue keywords", "[search]")
{
    CHECK(topTitles(QStringLiteral("Perso"), 1) == QStringList{QStringLiteral("Personalausweis")});
    kb::SearchEngine e;
    e.build({article("1", "Personalausweis", "<p>Beantragung.</p>"), article("2", "Hundesteuer", "<p>Steuer.</p>")},
            {{QStringLiteral("Lappen"), {QStringLiteral("Personalausweis")}}});
    const auto hits = e.search(QStringLiteral("lappen"));
    REQUIRE(hits.size() == 1);
    CHECK(hits.first().id == QStringLiteral("1"));
    // An inflected form reaches the entry through its stem: leads list base forms, callers decline them.
    kb::SearchEngine inflected;
    inflected.build({article("1", "Eheschließung", "<p>Termin beim Standesamt.</p>"),
                     article("2", "Sterbeurkunde", "<p>Urkunde nach einem Todesfall.</p>")},
                    {{QStringLiteral("Hochzeit"), {QStringLiteral("Eheschließung")}}});
    for (const char *form : {"Hochzeit", "Hochzeiten"}) {
        const auto found = inflected.search(QString::fromUtf8(form));
        INFO(form);
        REQUIRE(found.size() == 1);
        CHECK(found.first().id == QStringLiteral("1"));
    }
    // A compound of the table written apart is the entry too: "Zoll Kennzeichen" for "Zollkennzeichen".
    kb::SearchEngine apart;
    apart.build({article("export", "Ausfuhrkennzeichen", "<p>Für die Ausfuhr eines Fahrzeugs.</p>"),
                 article("season", "Saisonkennzeichen", "<p>Ein Kennzeichen für einige Monate.</p>")},
                {{QStringLiteral("Zollkennzeichen"), {QStringLiteral("Ausfuhrkennzeichen")}}});
    for (const char *form : {"Zollkennzeichen", "zoll kennzeichen", "Zoll-Kennzeichen"}) {
        const auto found = apart.search(QString::fromUtf8(form));
        INFO(form);
        REQUIRE(!found.isEmpty());
        CHECK(found.first().id == QStringLiteral("export"));
    }
    // A hyphenated entry is found as written, written together and written apart.
    apart.build({article("plate", "Kennzeichen", "<p>Das Kennzeichen für Ihr Fahrzeug.</p>"),
                 article("old", "Historisches Kennzeichen", "<p>Für Oldtimer ab dreißig Jahren.</p>")},
                {{QStringLiteral("H-Kennzeichen"), {QStringLiteral("Historisches Kennzeichen")}}});
    for (const char *form : {"H-Kennzeichen", "hkennzeichen", "H Kennzeichen", "Wo krieg ich ein H-Kennzeichen?"}) {
        const auto found = apart.search(QString::fromUtf8(form));
        INFO(form);
        REQUIRE(!found.isEmpty());
        CHECK(found.first().id == QStringLiteral("old"));
    }
    // The start of a term being typed finds what the term does, once most of it is typed; a word of the
    // catalogue typed whole is taken as it is.
    kb::SearchEngine typing;
    typing.build({article("trade", "Reisegewerbe", "<p>Verkauf von Haus zu Haus und auf Märkten.</p>"),
                  article("pawn", "Pfandleihe", "<p>Ein Darlehen gegen ein Pfand, beim Haus der Pfandleihe.</p>")},
                 {{QStringLiteral("Foodtruck"), {QStringLiteral("Reisegewerbe")}},
                  {QStringLiteral("Haustürverkauf"), {QStringLiteral("Reisegewerbe")}}});
    const auto typed6 = typing.search(QStringLiteral("Foodtr"));
    REQUIRE(typed6.size() == 1);
    CHECK(typed6.first().id == QStringLiteral("trade"));
    CHECK(typing.search(QStringLiteral("Food")).isEmpty());    // too little of it typed
    CHECK(typing.search(QStringLiteral("Foodtr ")).isEmpty()); // a finished word that is no term
    const auto house = typing.search(QStringLiteral("Haus"));  // "Haus" is a word of the catalogue
    CHECK(house.size() == 2);
    CHECK(typing.explain(QStringLiteral("Haustürver")).contains(QStringLiteral("synonym table, completion")));
    CHECK(!typing.explain(QStringLiteral("Haus")).contains(QStringLiteral("synonym table, completion")));
    // A slip in a term of the table, as in a word of the catalogue; not further than the catalogue's own
    // closest word ("Miewagen" is a Mietwagen, not the table's "Eiswagen").
    kb::SearchEngine slips;
    slips.build({article("trade", "Reisegewerbe", "<p>Verkauf von Haus zu Haus und auf Märkten.</p>"),
                 article("hire", "Mietwagengenehmigung", "<p>Für einen Mietwagen mit Fahrer.</p>"),
                 article("fine", "Verwarnungsgeld", "<p>Falsch geparkt?</p>")},
                {{QStringLiteral("Foodtruck"), {QStringLiteral("Reisegewerbe")}},
                 {QStringLiteral("Eiswagen"), {QStringLiteral("Reisegewerbe")}},
                 {QStringLiteral("Knöllchen"), {QStringLiteral("Verwarnungsgeld")}}});
    for (const auto &[slip, id] : {std::pair{"Foodtrak", "trade"}, {"Knölchen", "fine"}, {"Miewagen", "hire"}}) {
        INFO(slip);
        const auto found = slips.search(QString::fromUtf8(slip) + QLatin1Char(' '));
        REQUIRE(!found.isEmpty());
        CHECK(found.first().id == QLatin1String(id));
    }
    CHECK(slips.explain(QStringLiteral("Knölchen ")).contains(QStringLiteral("synonym table, one typo")));
    CHECK(!slips.explain(QStringLiteral("Miewagen ")).contains(QStringLiteral("synonym table")));
    // A present-tense form of an entry's verb finds the entry, as the table writes it: "importiert" the entry
    // for "importieren", but "passt" not the one for "Pass", nor "geheiratet" (done) the one for "heiraten".
    kb::SearchEngine verbs;
    verbs.build({article("import", "Eingeführtes Fahrzeug anmelden", "<p>Aus dem Ausland.</p>"),
                 article("pass", "Reisepass", "<p>Für Reisen.</p>"),
                 article("marry", "Eheschließung", "<p>Beim Standesamt.</p>")},
                {{QStringLiteral("importieren"), {QStringLiteral("Eingeführtes Fahrzeug")}},
                 {QStringLiteral("Pass"), {QStringLiteral("Reisepass")}},
                 {QStringLiteral("heiraten"), {QStringLiteral("Eheschließung")}}});
    const auto imported = verbs.search(QStringLiteral("Motorrad aus den USA importiert"));
    REQUIRE(!imported.isEmpty());
    CHECK(imported.first().id == QStringLiteral("import"));
    CHECK(verbs.explain(QStringLiteral("importiert ")).contains(QStringLiteral("synonym table: "))); // not as a slip
    CHECK(verbs.search(QStringLiteral("passt ")).isEmpty());
    CHECK(!verbs.explain(QStringLiteral("geheiratet ")).contains(QStringLiteral("synonym table")));
    // The first expansion is the likeliest meaning: it comes first where the articles tie otherwise.
    kb::SearchEngine ordered;
    ordered.build({article("id", "Personalausweis", "<p>Ein Ausweisdokument.</p>"),
                   article("pass", "Reisepass", "<p>Ein Ausweisdokument.</p>")},
                  {{QStringLiteral("Dokument"), {QStringLiteral("Reisepass"), QStringLiteral("Personalausweis")}}});
    const auto both = ordered.search(QStringLiteral("Dokument "));
    REQUIRE(both.size() == 2);
    CHECK(both.first().id == QStringLiteral("pass"));
    // An abbreviation typed out is what the table says, not the start of a longer word: "perso verlängern"
    // is about the Personalausweis, not the Personenbeförderungsschein's renewal.
    kb::SearchEngine abbreviated;
    abbreviated.build({article("id", "Personalausweis", "<p>Ein neuer Ausweis für zehn Jahre.</p>"),
                       article("taxi", "Personenbeförderungsschein – Verlängerung",
                               "<p>Verlängern Sie Ihren Personenbeförderungsschein rechtzeitig.</p>")},
                      {{QStringLiteral("Perso"), {QStringLiteral("Personalausweis")}}});
    const auto renew = abbreviated.search(QStringLiteral("perso verlängern"));
    REQUIRE(!renew.isEmpty());
    CHECK(renew.first().id == QStringLiteral("id"));
    // While it is being typed it may still be the start of one.
    const auto typed = abbreviated.search(QStringLiteral("perso"));
    CHECK(typed.size() == 2);
    // "persönlich" is no Perso: neither by stem nor as "perso" + "enlich".
    abbreviated.build(
        {article("id", "Personalausweis", "<p>Beantragen Sie ihn persönlich.</p>", {QStringLiteral("Perso")}),
         article("visit", "Vorsprache", "<p>Kommen Sie persönlich vorbei, persönliche Beratung.</p>")},
        {{QStringLiteral("Perso"), {QStringLiteral("Personalausweis")}}});
    const auto perso = abbreviated.search(QStringLiteral("perso "));
    REQUIRE(perso.size() == 1);
    CHECK(perso.first().id == QStringLiteral("id"));
    CHECK(!perso.first().snippet.contains(QStringLiteral("<mark>persönlich</mark>")));

    // An entry of several words applies where those words stand together: "Blaue Karte EU" is the residence
    // title for skilled workers, while "Blaue Karte" alone stays what the catalogue calls it.
    kb::SearchEngine phrases;
    phrases.build({article("skilled", "Aufenthaltserlaubnis für Fachkräfte", "<p>Für akademische Fachkräfte.</p>"),
                   article("parking", "Parkausweis für Behinderte", "<p>Die blaue Karte für die EU.</p>")},
                  {{QStringLiteral("Blaue Karte EU"), {QStringLiteral("Fachkräfte")}}});
    auto found = phrases.search(QStringLiteral("Blaue Karte EU beantragen"));
    REQUIRE(!found.isEmpty());
    CHECK(found.first().id == QStringLiteral("skilled"));
    found = phrases.search(QStringLiteral("blaue Karte"));
    REQUIRE(!found.isEmpty());
    CHECK(found.first().id == QStringLiteral("parking"));
    found = phrases.search(QStringLiteral("EU Karte blaue"));
    REQUIRE(!found.isEmpty());
    CHECK(found.first().id == QStringLiteral("parking"));

    // A verb form whose noun has an entry reaches it: "umgezogen" → Umzug → Wohnsitzanmeldung.
    kb::SearchEngine nounEntry;
    nounEntry.build({article("move", "Wohnsitzanmeldung", "<p>Melden Sie Ihre neue Wohnung an.</p>"),
                     article("dog", "Hundesteuer", "<p>Steuer für Hunde.</p>")},
                    {{QStringLiteral("Umzug"), {QStringLiteral("Wohnsitzanmeldung")}}});
    const auto movedHouse = nounEntry.search(QStringLiteral("Ich bin umgezogen"));
    REQUIRE(!movedHouse.isEmpty());
    CHECK(movedHouse.first().id == QStringLiteral("move"));

    // A separable verb split in the sentence reaches the entry of the whole verb.
    kb::SearchEngine separable;
    separable.build({article("1", "Wohnsitzanmeldung", "<p>Melden Sie Ihre neue Wohnung an.</p>"),
                     article("2", "Hundesteuer", "<p>Steuer für Hunde.</p>")},
                    {{QStringLiteral("umziehen"), {QStringLiteral("Wohnsitzanmeldung")}}});
    const auto moved = separable.search(QStringLiteral("Wir ziehen nächste Woche um"));
    REQUIRE(!moved.isEmpty());
    CHECK(moved.first().id == QStringLiteral("1"));
    // Keywords: Munich lists "Gewerbeschein" for the trade registration.
    CHECK(topTitles(QStringLiteral("Gewerbeschein"), 3).contains(QStringLiteral("Gewerbe-Anmeldung")));
}

TEST_CASE("typos within one or two edits", "[search]")
{
    CHECK(topTitles(QStringLiteral("Personalausweiss"), 1) == QStringList{QStringLiteral("Personalausweis")});
    CHECK(topTitles(QStringLiteral("Fürerschein"), 5).join(QLatin1Char('|')).contains(QStringLiteral("Führerschein")));
    CHECK(topTitles(QStringLiteral("Einbürgrung"), 1) == QStringList{QStringLiteral("Einbürgerung")});
    CHECK(topTitles(QStringLiteral("Kirchenaustrit"), 1) == QStringList{QStringLiteral("Kirchenaustritt")});
    // Words with a bigram twice ("er" in "erwerben", "en" in "Hinterbliebenenrente"): the bound on shared
    // bigrams once counted letters, not distinct bigrams, and such words were never offered.
    for (const char *typo : {"Hinetrbliebenenrente", "Hiinterbliebenenrente", "Hinterbliebenenrnte"}) {
        INFO(typo);
        const QStringList top = topTitles(QString::fromUtf8(typo), 1);
        REQUIRE(top.size() == 1);
        CHECK(top.first().startsWith(QStringLiteral("Hinterbliebenenrente")));
    }
    CHECK(topTitles(QStringLiteral("Duldug"), 1) == QStringList{QStringLiteral("Duldung")});
    CHECK(engine().explain(QStringLiteral("erwerbn")).contains(QStringLiteral("one typo: erwerb")));
}

TEST_CASE("prefixes while typing", "[search]")
{
    CHECK(topTitles(QStringLiteral("persona"), 1) == QStringList{QStringLiteral("Personalausweis")});
    CHECK(topTitles(QStringLiteral("einbü"), 1) == QStringList{QStringLiteral("Einbürgerung")});
    CHECK(topTitles(QStringLiteral("kirchenaus"), 1) == QStringList{QStringLiteral("Kirchenaustritt")});
    // Only what is being typed is completed: a word followed by another, or by a space, is complete.
    kb::SearchEngine e;
    e.build({article("father", "Vaterschaftsanerkennung", "<p>Die Vaterschaft anerkennen.</p>"),
             article("drive", "Fahreignung im Alter", "<p>Wenn der Vater noch Auto fährt.</p>")});
    CHECK(e.explain(QStringLiteral("vate")).contains(QStringLiteral("completion: vaterschaft")));
    CHECK(!e.explain(QStringLiteral("vater ")).contains(QStringLiteral("completion")));
    const QString how = e.explain(QStringLiteral("Mein Vater fährt noch Auto"));
    INFO(how.toStdString());
    CHECK(!how.contains(QStringLiteral("completion: vaterschaft")));
    const auto hits = e.search(QStringLiteral("Mein Vater fährt noch Auto"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("drive"));
}

TEST_CASE("natural questions: stop words do not block a match", "[search]")
{
    CHECK(topTitles(QStringLiteral("Wie bekomme ich ein polizeiliches Führungszeugnis?"), 1) ==
          QStringList{QStringLiteral("Führungszeugnis")});
    CHECK(topTitles(QStringLiteral("Ich möchte aus der Kirche austreten"), 1) ==
          QStringList{QStringLiteral("Kirchenaustritt")});
    CHECK(topTitles(QStringLiteral("Wo kann ich meinen Reisepass verlängern?"), 1) ==
          QStringList{QStringLiteral("Reisepass")});
    // Separable verb: "melde … ab" means abmelden.
    CHECK(topTitles(QStringLiteral("Ich ziehe ins Ausland, wo melde ich mich ab?"), 1) ==
          QStringList{QStringLiteral("Wohnsitz abmelden")});
}

TEST_CASE("ranking: coverage and field weights", "[search]")
{
    kb::SearchEngine e;
    e.build({article("body", "Allgemeine Hinweise", "<p>Hier steht etwas zum Reisepass und zum Reisepass.</p>"),
             article("title", "Reisepass", "<p>Beantragung eines Passes.</p>"),
             article("keyword", "Dokumente für Reisen", "<p>Allgemeines.</p>", {QStringLiteral("Reisepass")}),
             article("both", "Reisepass verlängern", "<p>Verlängerung.</p>")});
    const auto hits = e.search(QStringLiteral("Reisepass"));
    REQUIRE(hits.size() == 4);
    // Title before keyword before body.
    CHECK(hits[0].id == QStringLiteral("title"));
    CHECK(hits[3].id == QStringLiteral("body"));
    QStringList order;
    for (const auto &h : hits) {
        order << h.id;
    }
    CHECK(order.indexOf(QStringLiteral("keyword")) < order.indexOf(QStringLiteral("body")));
    // Covering more of the query wins.
    const auto both = e.search(QStringLiteral("Reisepass verlängern"));
    REQUIRE(!both.isEmpty());
    CHECK(both.first().id == QStringLiteral("both"));
    for (qsizetype i = 1; i < hits.size(); ++i) {
        CHECK(hits[i - 1].score >= hits[i].score);
    }
    // A word matched only weakly (a document to bring of another service) covers less of the query than
    // the article of that name: the identity card comes before the taxi licence renewal.
    CHECK(topTitles(QStringLiteral("Personalausweis verlängern"), 1) == QStringList{QStringLiteral("Personalausweis")});
}

TEST_CASE("keyword associations: what several articles' keywords call their title", "[search]")
{
    // Three licences carry "Fahrgastbeförderung" among their keywords, a word their texts never use; the
    // fourth has no keywords. The word leads to the fourth through the title word the three share.
    const QStringList term{QStringLiteral("Fahrgastbeförderung")};
    const QList<kb::Article> articles{
        article("apply", "Personenbeförderungsschein – Antrag", "<p>Der Antrag auf den Schein.</p>", term),
        article("renew", "Personenbeförderungsschein – Verlängerung", "<p>Die Verlängerung des Scheins.</p>", term),
        article("lost", "Personenbeförderungsschein – Verlust", "<p>Wenn der Schein weg ist.</p>", term),
        article("pickup", "Abholung Personenbeförderungsschein", "<p>Abholen Sie persönlich.</p>"),
        article("other", "Abholung Reisepass", "<p>Abholen Sie persönlich.</p>")};
    kb::SearchEngine e;
    e.build(articles);
    QStringList ids;
    for (const kb::SearchHit &h : e.search(QStringLiteral("Fahrgastbeförderung"), {10})) {
        ids << h.id;
    }
    REQUIRE(ids.size() == 4);
    CHECK(ids.last() == QStringLiteral("pickup")); // below the three that name the word themselves
    CHECK_FALSE(ids.contains(QStringLiteral("other")));

    // One article's keyword alone ties nothing: that is the article's own business.
    QList<kb::Article> single = articles;
    single[1].keywords.clear();
    single[2].keywords.clear();
    e.build(single);
    ids.clear();
    for (const kb::SearchHit &h : e.search(QStringLiteral("Fahrgastbeförderung"), {10})) {
        ids << h.id;
    }
    CHECK(ids == QStringList{QStringLiteral("apply")});
}

TEST_CASE("the keyword list's length is a prior: the most-asked service first among equals", "[search]")
{
    kb::SearchEngine e;
    e.build({article("trade", "Anmeldung Gewerbe", "<p>Die Anmeldung.</p>", {QStringLiteral("Gewerbeschein")}),
             article("home", "Anmeldung Wohnsitz", "<p>Die Anmeldung.</p>",
                     {QStringLiteral("Ummelden"), QStringLiteral("Umzug"), QStringLiteral("Zuzug"),
                      QStringLiteral("Meldeschein"), QStringLiteral("Einwohnermeldeamt")})});
    const auto hits = e.search(QStringLiteral("Anmeldung"));
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].id == QStringLiteral("home"));
    CHECK(hits[0].score > hits[1].score);
    // Without keywords anywhere, no prior: the tie goes to the title in alphabetical order.
    e.build({article("trade", "Anmeldung Gewerbe", "<p>Die Anmeldung.</p>"),
             article("home", "Anmeldung Wohnsitz", "<p>Die Anmeldung.</p>")});
    const auto plain = e.search(QStringLiteral("Anmeldung"));
    REQUIRE(plain.size() == 2);
    CHECK(plain[0].id == QStringLiteral("trade"));
    CHECK(plain[0].score == plain[1].score);
}

TEST_CASE("compound splits: no pieces cut through a linking element, words before bare stems", "[search]")
{
    // "Taxis" beside "Taxischein" once made "chein" a piece of the vocabulary, and "taxi|s|chein" (chein
    // seen twice, "Schein" once) won over "taxi|schein": the licence that says "Taxi" and "Schein" apart
    // then matched only half of the query, below an article about taxis.
    kb::SearchEngine e;
    e.build({article("renew", "Personenbeförderung verlängern", "<p>Verlängerung.</p>",
                     {QStringLiteral("Taxischein verlängern")}),
             article("lost", "Personenbeförderung verloren", "<p>Verlust.</p>", {QStringLiteral("Taxischein weg")}),
             article("apply", "Fahrerlaubnis beantragen", "<p>Für Taxi und Mietwagen braucht man einen Schein.</p>"),
             article("taxis", "Abholung Taxigenehmigung", "<p>Für Taxis.</p>")});
    QStringList ids;
    for (const kb::SearchHit &h : e.search(QStringLiteral("Taxischein"), {4})) {
        ids << h.id;
    }
    REQUIRE(ids.size() >= 3);
    CHECK(ids[2] == QStringLiteral("apply"));

    // Between two splits of as many parts, words beat bare stems: "angler|schein", not
    // "angl(er)|erschein(en)", though "erscheinen" is the more common word here.
    e.build({article("youth", "Jugendfischereischein", "<p>Für junge Leute.</p>", {QStringLiteral("Anglerschein")}),
             article("fish", "Fischereiprüfung", "<p>Angler brauchen einen Schein.</p>"),
             article("appear", "Erscheinen zur Abholung", "<p>Bitte erscheinen Sie pünktlich.</p>"),
             article("appear2", "Abgabe", "<p>Sie müssen persönlich erscheinen.</p>")});
    ids.clear();
    for (const kb::SearchHit &h : e.search(QStringLiteral("Anglerschein"), {4})) {
        ids << h.id;
    }
    REQUIRE(ids.size() >= 2);
    CHECK(ids[0] == QStringLiteral("youth"));
    CHECK(ids[1] == QStringLiteral("fish"));

    // "zwei|twohnung" beside "Wohnung": a head that is a known word behind a letter the modifier should
    // have kept is no piece; "Zweitwohnung" is "zweit" + "wohnung", so it is also found as a Wohnung.
    e.build({article("second", "Nebenwohnung anmelden", "<p>Eine Zweitwohnung melden Sie im Bürgerbüro an.</p>"),
             article("flat", "Wohnung suchen", "<p>Zwei Zimmer und eine Küche.</p>"),
             article("two", "Zwei Ausweise", "<p>Zwei Pässe oder zwei Ausweise.</p>")});
    const QString how = e.explain(QStringLiteral("Zweitwohnung"));
    INFO(how.toStdString());
    CHECK(!how.contains(QStringLiteral("+ twohnung")));
    CHECK(how.contains(QStringLiteral("+ wohnung")));
    ids.clear();
    for (const kb::SearchHit &h : e.search(QStringLiteral("Wohnung"), {4})) {
        ids << h.id;
    }
    CHECK(ids.contains(QStringLiteral("second")));

    // "perso|nalausweis" beside the keyword "Perso" and the word "Personal": a cut inside a longer known
    // word is no piece, so a typo of a word beginning with "Perso…" is not taken for Perso + junk.
    e.build({article("id", "Personalausweis", "<p>Das Personal im Bürgerbüro hilft.</p>", {QStringLiteral("Perso")}),
             article("other", "Meldebescheinigung", "<p>Eine Bescheinigung.</p>")});
    const QString pieces = e.explain(QStringLiteral("Personalausweis"));
    INFO(pieces.toStdString());
    CHECK(!pieces.contains(QStringLiteral("+ nalausweis")));
    CHECK(pieces.contains(QStringLiteral("personal (1) + ausweis")));
}

TEST_CASE("a word with a linking ending is no compound of itself, nouns are no participles", "[search]")
{
    // "Jagdgewehre" is in the word list, so "jagdgewehr|e" (the word less a linking "e") once counted as a
    // split of one part, beat "jagd|gewehre" by having fewer parts, and left the query with no match at all.
    kb::SearchEngine e;
    e.build({article("hunt", "Jagdschein beantragen", "<p>Für die Jagd braucht man einen Schein.</p>"),
             article("dog", "Hundesteuer", "<p>Für jeden Hund.</p>")});
    if (!kb::Lexicon::system().contains("jagdgewehre")) {
        WARN("no German word list (Debian wngerman): the linking-ending split not tested");
    } else {
        const QString how = e.explain(QStringLiteral("Jagdgewehre"));
        INFO(how.toStdString());
        CHECK(how.contains(QStringLiteral("jagd (1)")));
        const auto hits = e.search(QStringLiteral("Jagdgewehre"));
        REQUIRE(!hits.isEmpty());
        CHECK(hits.first().id == QStringLiteral("hunt"));
    }

    // German capitalises nouns: the word list says which words are only nouns, and a noun that begins with
    // "ge" ("Gewehre") is no participle of "wehren".
    QTemporaryFile list;
    REQUIRE(list.open());
    list.write("Gewehre\ngemeldet\nGeb\xc3\xbchren\ngeb\xc3\xbchren\n\xc3\x84rzte\n");
    list.close();
    kb::Lexicon lexicon;
    REQUIRE(lexicon.load(list.fileName()));
    CHECK(lexicon.isNounOnly("gewehre"));
    CHECK(lexicon.isNounOnly("aerzte"));
    CHECK_FALSE(lexicon.isNounOnly("gemeldet"));
    CHECK_FALSE(lexicon.isNounOnly("gebuehren")); // also the verb "gebühren"
    CHECK_FALSE(lexicon.isNounOnly("unknown"));
    CHECK(lexicon.contains("gebuehren"));
    if (kb::Lexicon::system().isNounOnly("gewehre")) {
        e.build({article("resist", "Widerspruch", "<p>Wer sich wehren will, legt Widerspruch ein.</p>"),
                 article("dog", "Hundesteuer", "<p>Für jeden Hund.</p>")});
        const QString how = e.explain(QStringLiteral("Gewehre"));
        INFO(how.toStdString());
        CHECK(!how.contains(QStringLiteral("verb form")));
        CHECK(e.search(QStringLiteral("Gewehre")).isEmpty());
    }
}

TEST_CASE("inflected compounds are split too, without cuts of their endings", "[search]")
{
    // "Jagdscheins" is "jagdschein" + s: that "split" of one part once won over jagd|schein(s), so an inflected
    // compound was never found through its parts. Now "Jagd" finds it, as "Jagdschein" would be found.
    kb::SearchEngine e;
    e.build({article("lost", "Verlust", "<p>Bei Verlust des Jagdscheins melden Sie sich.</p>"),
             article("dog", "Hundesteuer", "<p>Für jeden Hund.</p>")});
    auto hits = e.search(QStringLiteral("jagd "));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("lost"));
    // … but a participle ending is no head ("abweich|enden"), and short pieces only the vocabulary reveals
    // are no parts: typing "Aush" is about the Aushändigung, not "ausl|aender" (Reiseausweis für Ausländer).
    CHECK(topTitles(QStringLiteral("Aush"), 1) ==
          QStringList{QStringLiteral("Aushändigung/Abgabe Originalunterlagen")});
    e.build({article("end", "Ende der Frist", "<p>Das Ende.</p>"),
             article("other", "Abweichende Regeln", "<p>Die abweichenden Regeln gelten.</p>")});
    hits = e.search(QStringLiteral("Ende "));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.size() == 1);
}

TEST_CASE("broader terms reach the catalogue's word for a class of things", "[search]")
{
    {
        // The MyThes reader: broader terms of single-word entries, annotations and phrases dropped.
        QTemporaryFile file;
        REQUIRE(file.open());
        file.write(
            "UTF-8\n"
            "birke|1\n-|Birke|Sandbirke|Laubbaum (Oberbegriff)|Baum (ugs.) (Oberbegriff)|ein Baum (Oberbegriff)\n"
            "gewehr bei fu\xc3\x9f|1\n-|bereitstehen|Waffe (Oberbegriff)\n"
            "pistole|2\n-|Pistole|Knarre (ugs.)\n-|Pistole|Handfeuerwaffe (Oberbegriff)\n");
        file.close();
        kb::Hypernyms hypernyms;
        REQUIRE(hypernyms.load(file.fileName()));
        const std::string birke = kb::text::Stemmer::local().stem("birke");
        CHECK(hypernyms.of(birke) == std::vector<std::string>{"laubbaum", "baum"});
        CHECK(hypernyms.of(kb::text::Stemmer::local().stem("pistole")) == std::vector<std::string>{"handfeuerwaffe"});
        CHECK(hypernyms.of(kb::text::Stemmer::local().stem("gewehr")).empty()); // only a phrase has it
        CHECK(hypernyms.of(kb::text::Stemmer::local().stem("bereitstehen")).empty());
        CHECK_FALSE(kb::Hypernyms().load(QStringLiteral("/nonexistent/thesaurus.dat")));
    }
    if (kb::Hypernyms::system().isEmpty()) {
        WARN("no MyThes thesaurus (Debian mythes-de): broader terms not tested on the real data");
        return;
    }
    // On the real catalogue "Baum" is only a piece of "Baumschutz", four letters that the word list knows.
    CHECK(topTitles(QStringLiteral("Birke"), 1) == QStringList{QStringLiteral("Baumschutz")});
    // Not for the start of the catalogue's words: "Kirche" is in "Kirchenaustritt", not a kind of building.
    CHECK(topTitles(QStringLiteral("Kirche"), 1) == QStringList{QStringLiteral("Kirchenaustritt")});
    // Callers name the thing, the catalogue the class: "Birke" → Laubbaum → (Baum)schutz,
    // "Gewehr" → Feuerwaffe / Schusswaffe → Waffe(nbesitzkarte).
    kb::SearchEngine e;
    e.build({article("tree", "Baumschutz", "<p>Wer einen Baum fällen will, braucht eine Erlaubnis.</p>"),
             article("arms", "Waffenbesitzkarte", "<p>Wer eine Waffe besitzen will.</p>"),
             article("dog", "Hundesteuer", "<p>Für jeden Hund.</p>")});
    auto hits = e.search(QStringLiteral("Birke"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("tree"));
    hits = e.search(QStringLiteral("Gewehr"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("arms"));
    // Also as the unknown part of a compound: "Jagdgewehre" → Jagd + (Feuer)waffe.
    e.build({article("arms", "Waffenbesitzkarte", "<p>Wer eine Waffe besitzen will.</p>"),
             article("hunt", "Jagdschein", "<p>Für die Jagd.</p>"),
             article("huntarms", "Waffen für die Jagd", "<p>Jäger und ihre Waffen.</p>")});
    hits = e.search(QStringLiteral("Jagdgewehre"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("huntarms"));
}

TEST_CASE("a real word is no typo, and a word of many meanings gets no thesaurus", "[search]")
{
    QTemporaryFile file;
    REQUIRE(file.open());
    file.write("machen;erstellen\nmachen;tun\nmachen;anfertigen\nNummernschild;Kennzeichen\n");
    file.close();
    kb::Thesaurus thesaurus;
    REQUIRE(thesaurus.load(file.fileName()));
    CHECK(thesaurus.senses(kb::text::Stemmer::local().stem("machen")) == 3);
    CHECK(thesaurus.senses(kb::text::Stemmer::local().stem("nummernschild")) == 1);
    CHECK(thesaurus.senses("unbekannt") == 0);
    if (kb::Lexicon::system().isEmpty() || kb::Thesaurus::system().isEmpty()) {
        WARN("no German word list or thesaurus: real-word typos and ambiguous words not tested");
        return;
    }
    kb::SearchEngine e;
    e.build({article("roof", "Dachsanierung", "<p>Das Dach neu decken.</p>"),
             article("after", "Nachzug", "<p>Nach dem Umzug.</p>"),
             article("make", "Herstellung", "<p>Erstellen und herstellen, tätig sein und handeln.</p>")});
    // "mach" (ich mach …) is a German word: not "Dach" or "nach" misspelt, and "machen" means too many
    // things for its thesaurus sets to stand for it.
    const QString how = e.explain(QStringLiteral("ich mach"));
    INFO(how.toStdString());
    CHECK(!how.contains(QStringLiteral("typo")));
    CHECK(!how.contains(QStringLiteral("thesaurus")));
    CHECK(e.search(QStringLiteral("ich mach")).isEmpty());
    // A misspelling that is no word still finds its word.
    const auto hits = e.search(QStringLiteral("Dachh"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("roof"));
}

TEST_CASE("a compound's part that the query also names alone counts once", "[search]")
{
    // "Mein Kind braucht einen Kinderreisepass": "Kind" stands alone and in the compound; the childcare
    // article, all about children, once won on "Kind" counted twice.
    CHECK(topTitles(QStringLiteral("Mein Kind braucht einen Kinderreisepass"), 1) ==
          QStringList{QStringLiteral("Reisepass")});
    kb::SearchEngine e;
    e.build({article("care", "Kinderbetreuung", "<p>Ein Platz für Ihr Kind. Kinder, Kinder, Kinder.</p>"),
             article("pass", "Reisepass", "<p>Auch für Kinder.</p>")});
    const QString how = e.explain(QStringLiteral("Kind Kinderreisepass"));
    INFO(how.toStdString());
    const auto hits = e.search(QStringLiteral("Kind Kinderreisepass"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("pass"));
}

TEST_CASE("a single letter before a word: P Schein as P-Schein", "[search]")
{
    kb::SearchEngine e;
    e.build({article("p", "Personenbeförderungsschein", "<p>Den P-Schein beantragen.</p>"),
             article("fish", "Fischereischein", "<p>Ein Schein zum Angeln.</p>"),
             article("lic", "Führerschein", "<p>Der Schein fürs Auto.</p>")});
    for (const char *query : {"P Schein", "p schein", "P-Schein", "pschein"}) {
        INFO(query);
        const auto hits = e.search(QString::fromUtf8(query));
        REQUIRE(!hits.isEmpty());
        CHECK(hits.first().id == QStringLiteral("p"));
    }
    // A letter the index does not know joined stays a word of its own.
    const auto hits = e.search(QStringLiteral("x Fischereischein"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("fish"));
}

TEST_CASE("separable verbs with weiter and wieder", "[search]")
{
    kb::SearchEngine e;
    e.build({article("again", "Wiederanmeldung eines Fahrzeugs", "<p>Ein stillgelegtes Fahrzeug.</p>"),
             article("first", "Erstzulassung eines Fahrzeugs", "<p>Ein neues Fahrzeug anmelden.</p>")});
    auto hits = e.search(QStringLiteral("Fahrzeug wieder anmelden"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("again"));
    hits = e.search(QStringLiteral("Fahrzeug wiederangemeldet"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("again"));
    if (kb::Thesaurus::system().isEmpty()) {
        WARN("no thesaurus (Debian openthesaurus-de-text): weitergeben → übermitteln not tested");
        return;
    }
    // "weitergegeben" is weiter|ge|geben; the thesaurus says "übermitteln", whose noun keeps no "e":
    // Snowball leaves "uebermitteln" whole, the index has "uebermittl(ung)".
    e.build({article("block", "Übermittlungssperre", "<p>Die Übermittlung Ihrer Daten sperren.</p>"),
             article("dog", "Hundesteuer", "<p>Für jeden Hund.</p>")});
    hits = e.search(QStringLiteral("Daten weitergegeben"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("block"));
    hits = e.search(QStringLiteral("weitergegeben"));
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("block"));
}

TEST_CASE("example questions find their article by the callers' words, and never show in a snippet", "[search]")
{
    kb::Article lost =
        article("lost", "Fundsache abholen", "<p>Gefundene Gegenstände werden im Fundbüro verwahrt.</p>");
    const QList<kb::Article> plain = {lost, article("tram", "Fahrkarte", "<p>Tickets für Bus und Tram.</p>"),
                                      article("card", "Bankkarte", "<p>Hinweise zur Sperrung.</p>")};
    QList<kb::Article> asked = plain;
    asked[0].questions = {
        QStringLiteral("Ich hab meinen Geldbeutel in der Tram liegen lassen, wo krieg ich den wieder?"),
        QStringLiteral("Jemand hat meinen Geldbeutel abgegeben, wie komm ich da ran?")};
    const QString query = QStringLiteral("Mein Geldbeutel ist in der Tram liegen geblieben");
    kb::SearchEngine without;
    without.build(plain);
    const auto before = without.search(query, {3});
    CHECK((before.isEmpty() || before.first().id != QStringLiteral("lost")));
    kb::SearchEngine with;
    with.build(asked);
    const auto hits = with.search(query, {3});
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().id == QStringLiteral("lost"));
    // The snippet is the article's own text: the questions are search material, not what the agent reads out.
    CHECK(hits.first().snippet.contains(QStringLiteral("Fundbüro")));
    CHECK(!hits.first().snippet.contains(QStringLiteral("Geldbeutel")));
    // A word in one of many questions says less about a service than the same word in one of few: the
    // questions are length-normalised like the body. (Alphabetically the many-question article comes first.)
    kb::Article many = article("many", "Abholung", "<p>Text.</p>");
    kb::Article few = article("few", "Zulassung", "<p>Text.</p>");
    for (int i = 0; i < 12; ++i) {
        many.questions << QStringLiteral("Frage Nummer %1 zu etwas ganz anderem").arg(i);
    }
    many.questions << QStringLiteral("Ich war am Ostbahnhof");
    few.questions = {QStringLiteral("Ich war am Ostbahnhof"), QStringLiteral("Noch eine Frage")};
    kb::SearchEngine normalised;
    normalised.build({many, few});
    const auto station = normalised.search(QStringLiteral("Ostbahnhof"), {2});
    REQUIRE(station.size() == 2);
    CHECK(station.first().id == QStringLiteral("few"));
    CHECK(station.first().score > station.last().score);

    // Words of the questions are words of the index: a slip of one is forgiven like any other.
    const auto slip = with.search(QStringLiteral("Geldbeutl"), {1});
    REQUIRE(slip.size() == 1);
    CHECK(slip.first().id == QStringLiteral("lost"));
}

TEST_CASE("snippet marks the matched words and is HTML-escaped", "[search]")
{
    kb::SearchEngine e;
    e.build({article("1", "Reisepass",
                     "<p>Bringen Sie <b>Ihr</b> altes Dokument &amp; ein biometrisches Passfoto mit. "
                     "<script>alert(1)</script> x < y</p>")});
    const auto hits = e.search(QStringLiteral("passfoto"));
    REQUIRE(hits.size() == 1);
    CHECK(hits.first().snippet.contains(QStringLiteral("<mark>Passfoto</mark>")));
    CHECK(hits.first().snippet.contains(QStringLiteral("&amp;")));
    CHECK(!hits.first().snippet.contains(QStringLiteral("<b>")));
    CHECK(!hits.first().snippet.contains(QStringLiteral("script")));

    // The matches stand near the start, where a result list's two lines show them, with a few words before.
    e.build({article("2", "Verlust",
                     "<p>Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn "
                     "fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig einundzwanzig zweiundzwanzig, "
                     "dann kommt der Verlust des Ausweises und danach noch viele andere Wörter ohne Bedeutung "
                     "für diese Suche, eins zwei drei vier fünf sechs sieben acht neun zehn.</p>")});
    const auto deep = e.search(QStringLiteral("Verlust Ausweis"));
    REQUIRE(deep.size() == 1);
    const QString snippet = deep.first().snippet;
    INFO(snippet.toStdString());
    const qsizetype mark = snippet.indexOf(QStringLiteral("<mark>"));
    CHECK(mark >= 0);
    CHECK(mark < 50);
    CHECK(snippet.startsWith(QStringLiteral("…")));
}

TEST_CASE("hostile input never errors or crashes", "[search]")
{
    const QStringList inputs = {
        QString(),
        QStringLiteral("   "),
        QStringLiteral("\"Reisepass"),
        QStringLiteral("(Pass OR Ausweis) AND NOT \"x\""),
        QStringLiteral("pass* -ausweis NEAR(a b, 3)"),
        QStringLiteral("'; DROP TABLE articles; --"),
        QStringLiteral("\x01\x02\x1b[31m\t\r\n"),
        QStringLiteral("😀🚗 Führerschein 🇩🇪"),
        QString(10000, QLatin1Char('a')),
        QStringLiteral("pass ").repeated(2000),
        QString(QChar(0xD800)) + QStringLiteral("pass"), // a lone surrogate
        QStringLiteral("wo ist das"),
    };
    for (const QString &q : inputs) {
        INFO(q.left(40).toStdString());
        const auto hits = engine().search(q);
        CHECK(hits.size() <= 10);
    }
    CHECK(engine().search(QStringLiteral("(Pass OR Ausweis)")).size() > 0);
    kb::SearchEngine empty;
    CHECK(empty.search(QStringLiteral("pass")).isEmpty());
}

TEST_CASE("limit and rebuild", "[search]")
{
    CHECK(engine().search(QStringLiteral("Aufenthaltserlaubnis"), {3}).size() == 3);
    CHECK(engine().search(QStringLiteral("Aufenthaltserlaubnis"), {25}).size() == 25);
    kb::SearchEngine e;
    e.build({article("1", "Reisepass", "")});
    CHECK(e.articleCount() == 1);
    e.build({article("2", "Hundesteuer", "")});
    CHECK(e.search(QStringLiteral("Reisepass")).isEmpty());
    CHECK(e.search(QStringLiteral("Hundesteuer")).size() == 1);
}

TEST_CASE("unmatchedWords: the query words nothing in the catalogue answers, as typed", "[search][unmatched]")
{
    CHECK(engine().unmatchedWords(QStringLiteral("foodtruck")) == QStringList{QStringLiteral("foodtruck")});
    CHECK(engine().unmatchedWords(QStringLiteral("Foodtruck anmelden")) == QStringList{QStringLiteral("Foodtruck")});
    CHECK(engine().unmatchedWords(QStringLiteral("Perso verloren")).isEmpty());
    CHECK(engine().unmatchedWords(QStringLiteral("perso")).isEmpty()); // the synonym table's entry
    CHECK(engine().unmatchedWords(QStringLiteral("Personalausweis")).isEmpty());
    // Typed forms in query order, stop words left out, each word once.
    CHECK(engine().unmatchedWords(QStringLiteral("Wo kann ich meinen Xyzq und QWRTZ xyzq Reisepass")) ==
          QStringList({QStringLiteral("Xyzq"), QStringLiteral("QWRTZ")}));
    CHECK(engine().unmatchedWords(QStringLiteral("Xyz-Qwrtz")) == QStringList{QStringLiteral("Xyz-Qwrtz")});
    // A typo within reach is matched.
    CHECK(engine().unmatchedWords(QStringLiteral("Reisepas")).isEmpty());

    if (kb::Hypernyms::system().isEmpty()) {
        WARN("no German thesaurus (mythes-de): 'Birke' reaches nothing through broader terms");
        CHECK(engine().unmatchedWords(QStringLiteral("Birke xyzq")).endsWith(QStringLiteral("xyzq")));
    } else {
        CHECK(engine().unmatchedWords(QStringLiteral("Birke xyzq")) == QStringList{QStringLiteral("xyzq")});
        CHECK(engine().unmatchedWords(QStringLiteral("Birke fällen")).isEmpty());
    }

    // Hostile input never crashes; nothing without letters is a word.
    CHECK(engine().unmatchedWords(QString()).isEmpty());
    CHECK(engine().unmatchedWords(QStringLiteral("   ")).isEmpty());
    CHECK(engine().unmatchedWords(QStringLiteral("😀🚗 🇩🇪")).isEmpty());
    CHECK(engine().unmatchedWords(QStringLiteral("😀 Führerschein 🚗")).isEmpty());
    CHECK(engine().unmatchedWords(QStringLiteral("😀xyzq😀")) == QStringList{QStringLiteral("xyzq")});
    CHECK(engine().unmatchedWords(QString(10000, QLatin1Char('a'))).size() <= 1);
    CHECK(engine().unmatchedWords(QStringLiteral("qqq ").repeated(3000)) == QStringList{QStringLiteral("qqq")});
    CHECK_NOTHROW(engine().unmatchedWords(QString(QChar(0xD800)) + QStringLiteral("pass")));
    CHECK_NOTHROW(engine().unmatchedWords(QStringLiteral("\x01\x02\x1b[31m\t\r\n")));

    // An empty index has nothing to compare with: no word is reported.
    kb::SearchEngine empty;
    CHECK(empty.unmatchedWords(QStringLiteral("foodtruck")).isEmpty());
}
