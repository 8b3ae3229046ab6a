// Importers on the real catalogue files, malformed input, JSON Lines round trip, default catalogue.
#include <catch2/catch.hpp>

#include "defaultcatalogue.h"
#include "dldbimporter.h"
#include "importer.h"
#include "jsonlformat.h"
#include "sqlitestore.h"
#include "textutil.h"

#include "../support/qtstringmaker.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(HOTLINE_SHARED_DATA_DIR "/") + QLatin1String(name);
}

QJsonArray records(const char *name)
{
    QFile f(dataFile(name));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("data")).toArray();
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

std::unique_ptr<kb::Store> openStore(const QTemporaryDir &dir, const QString &name = QStringLiteral("kb.db"))
{
    QString error;
    auto store = kb::openSqliteStore(dir.filePath(name), &error);
    INFO(error.toStdString());
    REQUIRE(store);
    return store;
}

const QStringList kMunich = {dataFile("munich_dldb_services_de.json"), dataFile("munich_dldb_locations_de.json")};

} // namespace

TEST_CASE("Munich DLDB services and locations import", "[import][dldb]")
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    kb::ImportReport report;
    QString error;
    REQUIRE(kb::importFiles(*store, kb::ImportFormat::Dldb, kMunich, &report, &error));
    INFO(error.toStdString());

    const QJsonArray services = records("munich_dldb_services_de.json");
    const QJsonArray locations = records("munich_dldb_locations_de.json");
    REQUIRE(services.size() == 287);
    REQUIRE(locations.size() == 109);

    // The internal booking entries are left out, every citizen service is in.
    QSet<QString> internal;
    for (const QJsonValue &v : services) {
        const QJsonObject o = v.toObject();
        if (kb::isInternalBookingEntry(o.value(QLatin1String("name")).toString(),
                                       o.value(QLatin1String("description")).toString())) {
            internal.insert(o.value(QLatin1String("id")).toString());
        }
    }
    CHECK(internal.size() == 13);
    for (const char *id : {"10515039", "10415066", "10492997", "10431906", "10415090", "10484238"}) {
        CHECK(internal.contains(QLatin1String(id)));   // Testleistung, Shortlane, SB, Spontanvorsprache, Wartenummer
    }
    CHECK(report.skipped.size() == 13);
    const kb::StoreStats stats = store->stats();
    CHECK(stats.articles == 287 - 13);
    CHECK(stats.offices == 109);
    CHECK(report.written.articlesInserted == 274);
    CHECK(report.droppedOfficeLinks == 0);

    const auto perso = store->article(QStringLiteral("1063441"));
    REQUIRE(perso);
    CHECK(perso->title == QStringLiteral("Personalausweis"));
    CHECK(perso->leikaKey == QStringLiteral("99008001000000"));
    CHECK(perso->keywords.contains(QStringLiteral("Perso")));
    CHECK(perso->source == QStringLiteral("Landeshauptstadt München"));
    CHECK(perso->url.endsWith(QStringLiteral("/services/1063441")));
    CHECK(perso->descriptionHtml.startsWith(QStringLiteral("<p>Sie erhalten den Personalausweis")));
    CHECK(perso->summary.startsWith(QStringLiteral("Sie erhalten den Personalausweis im Scheckkartenformat mit Chip.")));
    CHECK(perso->feesHtml.contains(QStringLiteral("46 Euro")));
    CHECK(perso->category == QStringLiteral("Kreisverwaltungsreferat"));
    CHECK(perso->durationMinutes == 15);
    CHECK(perso->links.size() == 17);   // forms and links are the same list in Munich's export
    REQUIRE(perso->offices.size() == 7);
    CHECK(perso->offices.first().bookable);
    CHECK(perso->offices.first().appointmentUrl.contains(QStringLiteral("locations/102522")));

    // Appointment lengths per office come from the locations file.
    int checkedDurations = 0;
    for (const QJsonValue &lv : locations) {
        const QJsonObject location = lv.toObject();
        for (const QJsonValue &sv : location.value(QLatin1String("services")).toArray()) {
            const QJsonObject entry = sv.toObject();
            const auto article = store->article(entry.value(QLatin1String("service")).toString());
            if (!article) {
                continue;
            }
            for (const kb::OfficeLink &link : article->offices) {
                if (link.officeId == location.value(QLatin1String("id")).toString()) {
                    CHECK(link.durationMinutes == entry.value(QLatin1String("duration")).toInt());
                    ++checkedDurations;
                }
            }
        }
    }
    CHECK(checkedDurations == stats.officeLinks);

    // Documents to bring, where a description names them.
    const auto lost = store->article(QStringLiteral("1076889"));   // Verlust oder Diebstahl Personalausweis
    REQUIRE(lost);
    CHECK(lost->documents == QStringList{QStringLiteral("Zusätzliches biometrisches Passfoto")});
    CHECK(lost->descriptionHtml.contains(QStringLiteral("biometrisches Passfoto mit")));   // description intact
    CHECK(store->article(QStringLiteral("1063519"))->documents == QStringList{QStringLiteral("Benachrichtigung")});
    int withDocuments = 0;
    int withKeywords = 0;
    for (const kb::Article &a : store->articles()) {
        withDocuments += a.documents.isEmpty() ? 0 : 1;
        withKeywords += a.keywords.isEmpty() ? 0 : 1;
        CHECK_FALSE(a.summary.contains(QLatin1Char('<')));
        CHECK_FALSE(a.summary.contains(QChar(0x200B)));
        CHECK_FALSE(a.summary.contains(QStringLiteral("&nbsp;")));
        CHECK(a.source == QStringLiteral("Landeshauptstadt München"));
        CHECK_FALSE(a.title.startsWith(QStringLiteral("Shortlane")));
    }
    CHECK(withDocuments >= 4);
    CHECK(withKeywords >= 150);

    const auto office = store->office(QStringLiteral("10546"));
    REQUIRE(office);
    CHECK(office->name == QStringLiteral("Gewerbeamt"));
    CHECK(office->organization == QStringLiteral("Landeshauptstadt München / Kreisverwaltungsreferat"));
    CHECK(office->address() == QStringLiteral("Implerstraße 11, 81371 München"));
    CHECK(office->email == QStringLiteral("gewerbemeldung.kvr@muenchen.de"));
    CHECK(office->phone == QStringLiteral("089 233-45141"));
    CHECK(office->latitude == Approx(48.1228).epsilon(1e-4));
    CHECK(office->keywords.contains(QStringLiteral("Gewerbeangelegenheiten und Verbraucherschutz")));

    SECTION("re-importing changes nothing; a changed record is updated by id")
    {
        const qint64 revision = store->revision();
        REQUIRE(kb::importFiles(*store, kb::ImportFormat::Dldb, kMunich, &report, &error));
        CHECK(report.written.articlesUnchanged == 274);
        CHECK(store->revision() == revision);
    }
}

TEST_CASE("Berlin DLDB files import", "[import][dldb]")
{
    QTemporaryDir dir;
    QString error;
    kb::ImportReport report;
    {
        auto store = openStore(dir, QStringLiteral("b2018.db"));
        REQUIRE(kb::importFiles(*store, kb::ImportFormat::Dldb,
                                {dataFile("berlin_dldb_locations_de_2018.json"), dataFile("berlin_dldb_services_de_2018.json")},
                                &report, &error));
        CHECK(store->stats().articles == 653);
        CHECK(store->stats().offices == 537);
        CHECK(store->stats().officeLinks > 0);
        const auto a = store->article(QStringLiteral("120335"));
        REQUIRE(a);
        CHECK(a->title == QStringLiteral("Abmeldung einer Wohnung"));
        CHECK(a->source == QStringLiteral("Land Berlin"));
        CHECK(a->url == QStringLiteral("https://service.berlin.de/dienstleistung/120335/"));
        const auto o = store->office(QStringLiteral("121362"));
        REQUIRE(o);
        CHECK(o->city == QStringLiteral("Berlin"));
        CHECK(std::isnan(o->latitude));   // the fixtures' 53.45/13.45 is a placeholder
        CHECK(o->source == QStringLiteral("Land Berlin"));
    }
    {
        auto store = openStore(dir, QStringLiteral("b2016.db"));
        REQUIRE(kb::importFiles(*store, kb::ImportFormat::Dldb,
                                {dataFile("berlin_dldb_services_de_2016.json"), dataFile("berlin_dldb_locations_de_2016.json")},
                                &report, &error));
        CHECK(store->stats().articles == 560);
        CHECK(store->stats().offices == 496);
        const auto a = store->article(QStringLiteral("326690"));
        REQUIRE(a);
        CHECK(a->source == QStringLiteral("Land Berlin"));   // from its offices: the record names no URL
        CHECK(a->category.isEmpty());
        // With the topics file in the same run, the root topic becomes the category.
        REQUIRE(kb::importFiles(*store, kb::ImportFormat::Dldb,
                                {dataFile("berlin_dldb_services_de_2016.json"), dataFile("berlin_dldb_topics_de_2016.json")},
                                &report, &error));
        CHECK(store->article(QStringLiteral("326690"))->category == QStringLiteral("Umwelt, Natur und Tiere"));
        CHECK(store->article(QStringLiteral("326690"))->source == QStringLiteral("Land Berlin"));   // kept
        CHECK(report.written.articlesUpdated > 500);
        // Berlin 2018 services alone: links to offices that are not in the catalogue are dropped.
        REQUIRE(kb::importFiles(*store, kb::ImportFormat::Dldb, {dataFile("berlin_dldb_services_de_2018.json")}, &report,
                                &error));
        CHECK(report.written.articlesInserted == 653 - 549);
        CHECK(report.written.articlesUpdated > 0);
        CHECK(report.droppedOfficeLinks > 0);
    }
}

namespace {

struct BadCase
{
    const char *name;
    QByteArray content;
    QStringList expected;   // parts of the error message
};

void checkRejected(const QTemporaryDir &dir, kb::ImportFormat format, const BadCase &bad)
{
    auto store = openStore(dir, QStringLiteral("bad.db"));
    kb::Catalogue seed;
    kb::Article keep;
    keep.id = QStringLiteral("keep");
    keep.title = QStringLiteral("Bestand");
    seed.articles = {keep};
    QString error;
    REQUIRE(store->upsert(seed, nullptr, &error));
    const kb::StoreStats before = store->stats();

    // A good file beside the bad one: nothing of either may be stored.
    const QString good = writeFile(dir, QStringLiteral("good.jsonl"),
                                   "{\"id\":\"g1\",\"title\":\"Gut\"}\n{\"id\":\"keep\",\"title\":\"Geändert\"}\n");
    const QString path = writeFile(dir, QLatin1String(bad.name), bad.content);
    QStringList files{path};
    if (format == kb::ImportFormat::Jsonl) {
        files.prepend(good);
    }
    kb::ImportReport report;
    INFO(bad.name);
    CHECK_FALSE(kb::importFiles(*store, format, files, &report, &error));
    INFO(error.toStdString());
    CHECK(error.contains(path));
    for (const QString &part : bad.expected) {
        CHECK(error.contains(part));
    }
    const kb::StoreStats after = store->stats();
    CHECK(after.articles == before.articles);
    CHECK(after.revision == before.revision);
    CHECK(store->article(QStringLiteral("keep"))->title == QStringLiteral("Bestand"));
    CHECK_FALSE(store->article(QStringLiteral("g1")));
}

} // namespace

TEST_CASE("malformed JSON Lines are rejected whole, naming file, line and field", "[import][jsonl]")
{
    const QByteArray first = "{\"id\":\"a1\",\"title\":\"Eins\"}\n";
    const QList<BadCase> cases = {
        {"badjson.jsonl", first + "{\"id\":\"a2\",\"title\":\"Zwei\"\n", {QStringLiteral(":2:"), QStringLiteral("not valid JSON")}},
        {"noid.jsonl", first + "{\"title\":\"Zwei\"}\n", {QStringLiteral(":2:"), QStringLiteral("\"id\""), QStringLiteral("missing")}},
        {"notitle.jsonl", first + "\n{\"id\":\"a3\"}\n", {QStringLiteral(":3:"), QStringLiteral("\"title\"")}},
        {"emptytitle.jsonl", first + "{\"id\":\"a3\",\"title\":\"  \"}\n", {QStringLiteral(":2:"), QStringLiteral("\"title\"")}},
        {"idnumber.jsonl", first + "{\"id\":5,\"title\":\"Zwei\"}\n", {QStringLiteral(":2:"), QStringLiteral("\"id\""), QStringLiteral("string")}},
        {"keywords.jsonl", first + "{\"id\":\"a2\",\"title\":\"Zwei\",\"keywords\":\"Perso\"}\n",
         {QStringLiteral(":2:"), QStringLiteral("\"keywords\""), QStringLiteral("array")}},
        {"questions.jsonl", first + "{\"id\":\"a2\",\"title\":\"Zwei\",\"questions\":\"Wo ist mein Perso?\"}\n",
         {QStringLiteral(":2:"), QStringLiteral("\"questions\""), QStringLiteral("array")}},
        {"questionitem.jsonl", first + "{\"id\":\"a2\",\"title\":\"Zwei\",\"questions\":[\"Wo?\",7]}\n",
         {QStringLiteral(":2:"), QStringLiteral("\"questions\""), QStringLiteral("element 1")}},
        {"duration.jsonl", first + "{\"id\":\"a2\",\"title\":\"Zwei\",\"duration_minutes\":1.5}\n",
         {QStringLiteral(":2:"), QStringLiteral("\"duration_minutes\"")}},
        {"date.jsonl", first + "{\"id\":\"a2\",\"title\":\"Zwei\",\"valid_to\":\"31.12.2026\"}\n",
         {QStringLiteral(":2:"), QStringLiteral("\"valid_to\"")}},
        {"officelink.jsonl", first + "{\"id\":\"a2\",\"title\":\"Zwei\",\"offices\":[{\"bookable\":true}]}\n",
         {QStringLiteral(":2:"), QStringLiteral("\"offices\""), QStringLiteral("\"office_id\"")}},
        {"unknown.jsonl", first + "{\"id\":\"a2\",\"title\":\"Zwei\",\"keyword\":[\"x\"]}\n",
         {QStringLiteral(":2:"), QStringLiteral("\"keyword\"")}},
        {"type.jsonl", first + "{\"type\":\"topic\",\"id\":\"t\",\"title\":\"x\"}\n", {QStringLiteral(":2:"), QStringLiteral("\"type\"")}},
        {"duplicate.jsonl", first + "{\"id\":\"a2\",\"title\":\"Zwei\"}\n{\"id\":\"a1\",\"title\":\"Nochmal\"}\n",
         {QStringLiteral(":3:"), QStringLiteral("duplicate"), QStringLiteral("\"a1\""), QStringLiteral("line 1")}},
        {"duplicatefile.jsonl", "{\"id\":\"g1\",\"title\":\"Auch hier\"}\n",
         {QStringLiteral("duplicate"), QStringLiteral("\"g1\""), QStringLiteral("good.jsonl")}},
        {"utf8.jsonl", first + "{\"id\":\"a2\",\"title\":\"Gr\xfc\xdf Gott\"}\n", {QStringLiteral(":2:"), QStringLiteral("UTF-8")}},
        {"overlong.jsonl", first + "{\"id\":\"a2\",\"title\":\"\xc0\xaf\"}\n", {QStringLiteral(":2:"), QStringLiteral("UTF-8")}},
        {"office.jsonl", first + "{\"type\":\"office\",\"id\":\"o1\"}\n", {QStringLiteral(":2:"), QStringLiteral("office"), QStringLiteral("\"name\"")}},
    };
    for (const BadCase &bad : cases) {
        QTemporaryDir dir;
        checkRejected(dir, kb::ImportFormat::Jsonl, bad);
    }
}

TEST_CASE("malformed DLDB files are rejected whole, naming file, record, id and field", "[import][dldb]")
{
    const QByteArray head = "{\"meta\":{},\"data\":[{\"id\":\"1\",\"name\":\"Eins\",\"authorities\":[]},";
    const QList<BadCase> cases = {
        {"badjson.json", head + "{\"id\":\"2\",", {QStringLiteral("not valid JSON")}},
        {"noid.json", head + "{\"name\":\"Zwei\",\"authorities\":[]}]}",
         {QStringLiteral("record 2"), QStringLiteral("\"id\"")}},
        {"noname.json", head + "{\"id\":\"2\",\"authorities\":[]}]}",
         {QStringLiteral("record 2"), QStringLiteral("id \"2\""), QStringLiteral("\"name\"")}},
        {"wrongtype.json", head + "{\"id\":\"2\",\"name\":\"Zwei\",\"locations\":\"Rathaus\"}]}",
         {QStringLiteral("record 2"), QStringLiteral("\"locations\"")}},
        {"duplicate.json", head + "{\"id\":\"1\",\"name\":\"Nochmal\",\"authorities\":[]}]}",
         {QStringLiteral("record 2"), QStringLiteral("duplicate"), QStringLiteral("\"id\"")}},
        {"utf8.json", head + "{\"id\":\"2\",\"name\":\"Stra\xdf" "e\",\"authorities\":[]}]}", {QStringLiteral("UTF-8")}},
        {"nodata.json", "{\"meta\":{}}", {QStringLiteral("\"data\"")}},
        {"neither.json", "{\"data\":[{\"id\":\"1\",\"name\":\"x\"}]}", {QStringLiteral("neither")}},
        {"authorities.json", "{\"data\":[{\"id\":\"1\",\"name\":\"Bezirksamt\",\"locations\":[{\"id\":\"2\",\"name\":\"B\"}]}]}",
         {QStringLiteral("authorities")}},
    };
    for (const BadCase &bad : cases) {
        QTemporaryDir dir;
        checkRejected(dir, kb::ImportFormat::Dldb, bad);
    }
    QTemporaryDir dir;
    auto store = openStore(dir);
    QString error;
    CHECK_FALSE(kb::importFiles(*store, kb::ImportFormat::Dldb, {dir.filePath(QStringLiteral("missing.json"))}, nullptr, &error));
    CHECK(error.contains(QStringLiteral("missing.json")));
}

TEST_CASE("JSON Lines round trip: export, read back, import elsewhere", "[import][jsonl]")
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QString error;
    REQUIRE(kb::importFiles(*store, kb::ImportFormat::Dldb, kMunich, nullptr, &error));
    kb::Catalogue original;
    original.offices = store->offices();
    original.articles = store->articles();

    QBuffer buffer;
    REQUIRE(buffer.open(QIODevice::ReadWrite));
    REQUIRE(kb::writeJsonl(original, &buffer, &error));
    buffer.seek(0);
    kb::Catalogue readBack;
    REQUIRE(kb::readJsonl(&buffer, QStringLiteral("buffer"), &readBack, &error));
    REQUIRE(readBack.articles.size() == original.articles.size());
    CHECK(readBack.articles == original.articles);   // every field, incl. version and updated_at
    REQUIRE(readBack.offices.size() == original.offices.size());
    for (qsizetype i = 0; i < original.offices.size(); ++i) {
        CHECK(kb::officeToJson(readBack.offices.at(i)) == kb::officeToJson(original.offices.at(i)));
    }

    const QString path = writeFile(dir, QStringLiteral("export.jsonl"), buffer.data());
    auto copy = openStore(dir, QStringLiteral("copy.db"));
    kb::ImportReport report;
    REQUIRE(kb::importFiles(*copy, kb::ImportFormat::Jsonl, {path}, &report, &error));
    CHECK(report.written.articlesInserted == original.articles.size());
    const QList<kb::Article> copied = copy->articles();
    REQUIRE(copied.size() == original.articles.size());
    for (qsizetype i = 0; i < copied.size(); ++i) {
        CHECK(kb::articleToJson(copied.at(i), false) == kb::articleToJson(original.articles.at(i), false));
    }
    CHECK(copy->stats().officeLinks == store->stats().officeLinks);
}

TEST_CASE("a JSON Lines file with every field", "[import][jsonl]")
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("full.jsonl"), R"({"type":"office","id":"bb1","name":"Bürgerbüro Mitte","street":"Markt 1","postal_code":"01067","city":"Dresden","latitude":51.05,"longitude":13.74,"phone":"0351 123","opening_hours":"Mo–Fr 8–18"}
{"id":"perso","title":"Personalausweis beantragen","body":"Erste Zeile.\nZweite Zeile.\n\nNeuer Absatz & mehr.","keywords":["Perso","Ausweis"],"summary":"Kurz.","documents":["Altes Ausweisdokument","Biometrisches Passfoto"],"fees":"37 Euro","processing_time":"3 Wochen","legal_basis":"PAuswG","online_service_url":"https://example.org/online","url":"https://example.org/perso","category":"Bürgerbüro","leika":"99008001000000","links":[{"title":"Antrag","url":"https://example.org/a.pdf","description":"PDF"}],"offices":[{"office_id":"bb1","duration_minutes":20,"bookable":true,"appointment_url":"https://example.org/termin"}],"duration_minutes":15,"valid_from":"2025-01-01","valid_to":"2027-12-31","last_reviewed":"2025-06-01","review_by":"2026-06-01","source":"Landeshauptstadt Dresden"}
)");
    auto store = openStore(dir);
    QString error;
    REQUIRE(kb::importFiles(*store, kb::ImportFormat::Jsonl, {path}, nullptr, &error));
    const auto a = store->article(QStringLiteral("perso"));
    REQUIRE(a);
    CHECK(a->descriptionHtml == QStringLiteral("<p>Erste Zeile.<br>Zweite Zeile.</p>\n<p>Neuer Absatz &amp; mehr.</p>"));
    CHECK(a->documents.size() == 2);
    CHECK(a->processingTime == QStringLiteral("3 Wochen"));
    CHECK(a->validTo == QDate(2027, 12, 31));
    CHECK(a->reviewBy == QDate(2026, 6, 1));
    REQUIRE(a->offices.size() == 1);
    CHECK(a->offices.first() == kb::OfficeLink{QStringLiteral("bb1"), 20, true, QStringLiteral("https://example.org/termin")});
    CHECK(a->links.first().description == QStringLiteral("PDF"));
    CHECK(store->office(QStringLiteral("bb1"))->openingHours == QStringLiteral("Mo–Fr 8–18"));

    // Re-importing a changed record updates it by id and bumps its version.
    const QString changed = writeFile(dir, QStringLiteral("changed.jsonl"),
                                      R"({"id":"perso","title":"Personalausweis","offices":[{"office_id":"bb1"}]})");
    kb::ImportReport report;
    REQUIRE(kb::importFiles(*store, kb::ImportFormat::Jsonl, {changed}, &report, &error));
    CHECK(report.written.articlesUpdated == 1);
    const auto updated = store->article(QStringLiteral("perso"));
    CHECK(updated->title == QStringLiteral("Personalausweis"));
    CHECK(updated->version == 2);
    CHECK(updated->documents.isEmpty());   // the line is the whole article
    CHECK(store->stats().articles == 1);
}

TEST_CASE("example-question lines: malformed ones are rejected naming line and field", "[import][default]")
{
    QHash<QString, QStringList> questions;
    QString error;
    REQUIRE(kb::loadDefaultQuestions(&questions, &error));
    CHECK(questions.size() > 250);
    const auto read = [](const QByteArray &text, QString *message) {
        QBuffer buffer;
        buffer.setData(text);
        buffer.open(QIODevice::ReadOnly);
        QHash<QString, QStringList> out;
        return kb::readQuestionsJsonl(&buffer, QStringLiteral("q.jsonl"), &out, message) ? out.size() : -1;
    };
    CHECK(read("{\"id\":\"1\",\"questions\":[\"  Wo  krieg ich das? \"]}\n\n{\"id\":\"2\",\"questions\":[\"Und das?\"]}\n", &error) == 2);
    const std::pair<QByteArray, QStringList> bad[] = {
        {"{\"id\":\"1\",\"questions\":[\"a\"]}\n{\"id\":\"1\",\"questions\":[\"b\"]}\n",
         {QStringLiteral("q.jsonl:2:"), QStringLiteral("duplicate"), QStringLiteral("line 1")}},
        {"{\"id\":\"1\",\"questions\":\"a\"}\n", {QStringLiteral("q.jsonl:1:"), QStringLiteral("\"questions\"")}},
        {"{\"id\":\"1\",\"questions\":[\"a\",\" \"]}\n", {QStringLiteral(":1:"), QStringLiteral("\"questions\"")}},
        {"{\"id\":\"1\",\"questions\":[]}\n", {QStringLiteral(":1:"), QStringLiteral("\"questions\"")}},
        {"{\"questions\":[\"a\"]}\n", {QStringLiteral(":1:"), QStringLiteral("\"id\"")}},
        {"{\"id\":\"1\",\"question\":[\"a\"]}\n", {QStringLiteral(":1:"), QStringLiteral("\"question\"")}},
        {"[1]\n", {QStringLiteral(":1:"), QStringLiteral("JSON object")}},
    };
    for (const auto &[text, expected] : bad) {
        INFO(text.toStdString());
        error.clear();
        CHECK(read(text, &error) == -1);
        for (const QString &part : expected) {
            CHECK(error.contains(part));
        }
    }
}

TEST_CASE("text helpers", "[import][text]")
{
    CHECK(kb::htmlToPlainText(QStringLiteral("<p>Gr&uuml;&szlig;e&nbsp;aus\u200b <b>M&#252;nchen</b> &amp; mehr</p><ul><li>A</li><li>B</li></ul>"))
          == QStringLiteral("Grüße aus München & mehr\nA\nB"));
    CHECK(kb::summaryFromHtml(QStringLiteral("<p>Erster Satz, z. B. mit Abkürzung. Zweiter Satz.</p>"), 60)
          == QStringLiteral("Erster Satz, z. B. mit Abkürzung."));
    CHECK(kb::summaryFromHtml(QString()).isEmpty());
    qsizetype bad = -1;
    CHECK(kb::isValidUtf8(QByteArray("Stra\xc3\x9f" "e")));
    CHECK_FALSE(kb::isValidUtf8(QByteArray("ab\xed\xa0\x80"), &bad));   // a surrogate
    CHECK(bad == 2);
    CHECK_FALSE(kb::isValidUtf8(QByteArray("ab\xe2\x82"), &bad));       // truncated
    CHECK(kb::extractDocuments(QStringLiteral("<p><strong>Erforderliche Unterlagen</strong></p><ul><li>Reisepass</li>"
                                              "<li>Meldebescheinigung</li></ul><p>Bitte bringen Sie ein Passfoto mit.</p>"))
          == QStringList{QStringLiteral("Reisepass"), QStringLiteral("Meldebescheinigung"), QStringLiteral("Passfoto")});
    CHECK(kb::extractDocuments(QStringLiteral("<p>Sie können die Unterlagen online einreichen:</p><ul><li>Bitte laden Sie "
                                              "PDFs hoch</li></ul>"))
              .isEmpty());
    CHECK(kb::isInternalBookingEntry(QStringLiteral("Shortlane 15 min"), QString()));
    CHECK_FALSE(kb::isInternalBookingEntry(QStringLiteral("Shortlane 15 min"), QStringLiteral("<p>Ein echter Text.</p>")));
    CHECK_FALSE(kb::isInternalBookingEntry(QStringLiteral("Personalausweis"), QString()));
}

TEST_CASE("the built-in catalogue installs into an empty store", "[import][default]")
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    bool installed = false;
    QString error;
    REQUIRE(store->setSynonym({QStringLiteral("Perso"), {QStringLiteral("Eigene Erweiterung")}}, &error));
    REQUIRE(kb::installDefaultCatalogueIfEmpty(*store, &installed, &error));
    CHECK(installed);
    CHECK(store->stats().articles == 274);
    CHECK(store->stats().offices == 109);
    CHECK(store->stats().synonyms > 10);
    for (const kb::Synonym &s : store->synonyms()) {
        if (s.term == QStringLiteral("Perso")) {
            CHECK(s.expansions == QStringList{QStringLiteral("Eigene Erweiterung")});   // edited one kept
        }
    }
    for (const kb::Article &a : store->articles()) {
        CHECK(a.source == QStringLiteral("Landeshauptstadt München"));
    }
    REQUIRE(kb::installDefaultCatalogueIfEmpty(*store, &installed, &error));
    CHECK_FALSE(installed);

    // The embedded file is what the importer makes of the shared data today.
    auto fresh = openStore(dir, QStringLiteral("fresh.db"));
    REQUIRE(kb::importFiles(*fresh, kb::ImportFormat::Dldb, kMunich, nullptr, &error));
    kb::Catalogue builtIn;
    REQUIRE(kb::loadDefaultCatalogue(&builtIn, nullptr, &error));
    // … apart from the team's example questions, which the built-in catalogue adds to most services.
    qsizetype asked = 0;
    for (kb::Article &a : builtIn.articles) {
        asked += a.questions.isEmpty() ? 0 : 1;
        a.questions.clear();
    }
    CHECK(asked > 250);
    const QList<kb::Article> imported = fresh->articles();
    REQUIRE(imported.size() == builtIn.articles.size());
    for (qsizetype i = 0; i < imported.size(); ++i) {
        CHECK(kb::articleToJson(imported.at(i), false) == kb::articleToJson(builtIn.articles.at(i), false));
    }
    const QList<kb::Office> offices = fresh->offices();
    REQUIRE(offices.size() == builtIn.offices.size());
    for (qsizetype i = 0; i < offices.size(); ++i) {
        CHECK(kb::officeToJson(offices.at(i)) == kb::officeToJson(builtIn.offices.at(i)));
    }
    QStandardPaths::setTestModeEnabled(true);   // no folder in the real home
    CHECK(kb::defaultDatabasePath().endsWith(QStringLiteral("HotlineDesk/hotline-desk/hotline.db")));
}

TEST_CASE("example questions: JSON Lines round trip, and an import keeps the team's unless it brings its own",
          "[import][jsonl][questions]")
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QString error;
    REQUIRE(kb::importFiles(*store, kb::ImportFormat::Dldb, kMunich, nullptr, &error));
    const QList<kb::Article> imported = store->articles();
    REQUIRE(imported.size() > 100);
    const QString id = imported.at(42).id;
    CHECK(imported.at(42).questions.isEmpty()); // a DLDB feed has none

    // The team's questions come in as JSON Lines (the article as exported, plus questions; spaces and empty
    // entries go).
    kb::Article withQuestions = imported.at(42);
    QJsonObject line = kb::articleToJson(withQuestions, false);
    line.insert(QStringLiteral("questions"), QJsonArray{QStringLiteral("  Ich hab meinen Geldbeutel verloren, was nun? "),
                                                        QStringLiteral(""),
                                                        QStringLiteral("Wo melde ich einen Fund?")});
    const QStringList questions = {QStringLiteral("Ich hab meinen Geldbeutel verloren, was nun?"),
                                   QStringLiteral("Wo melde ich einen Fund?")};
    const QString teamFile =
        writeFile(dir, QStringLiteral("team.jsonl"), QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    kb::ImportReport report;
    REQUIRE(kb::importFiles(*store, kb::ImportFormat::Jsonl, {teamFile}, &report, &error));
    CHECK(report.written.articlesUpdated == 1);
    const auto withTeam = store->article(id);
    REQUIRE(withTeam);
    CHECK(withTeam->questions == questions);
    const int version = withTeam->version;

    // The city's feed again: it brings no questions, so the team's stay, and nothing counts as changed.
    REQUIRE(kb::importFiles(*store, kb::ImportFormat::Dldb, kMunich, &report, &error));
    CHECK(report.written.articlesUpdated == 0);
    CHECK(report.written.articlesUnchanged == imported.size());
    CHECK(store->article(id)->questions == questions);
    CHECK(store->article(id)->version == version);
    // A JSON Lines record without questions (or with an empty list) keeps them too, while its other fields apply.
    QJsonObject retitled = kb::articleToJson(*store->article(id), false);
    retitled.remove(QStringLiteral("questions"));
    retitled.insert(QStringLiteral("title"), QStringLiteral("Fundbüro"));
    const QString retitledFile = writeFile(dir, QStringLiteral("retitled.jsonl"),
                                           QJsonDocument(retitled).toJson(QJsonDocument::Compact) + '\n');
    REQUIRE(kb::importFiles(*store, kb::ImportFormat::Jsonl, {retitledFile}, &report, &error));
    CHECK(report.written.articlesUpdated == 1);
    CHECK(store->article(id)->title == QStringLiteral("Fundbüro"));
    CHECK(store->article(id)->questions == questions);

    // Export writes them; the export read back and imported elsewhere has them.
    QBuffer buffer;
    REQUIRE(buffer.open(QIODevice::ReadWrite));
    REQUIRE(kb::writeJsonl({store->articles(), store->offices()}, &buffer, &error));
    CHECK(buffer.data().contains("\"questions\":[\"Ich hab meinen Geldbeutel verloren, was nun?\""));
    buffer.seek(0);
    kb::Catalogue readBack;
    REQUIRE(kb::readJsonl(&buffer, QStringLiteral("buffer"), &readBack, &error));
    const auto readArticle = std::find_if(readBack.articles.cbegin(), readBack.articles.cend(),
                                          [&id](const kb::Article &a) { return a.id == id; });
    REQUIRE(readArticle != readBack.articles.cend());
    CHECK(readArticle->questions == questions);
    CHECK(readBack.articles == store->articles());
    const QString exported = writeFile(dir, QStringLiteral("export.jsonl"), buffer.data());
    auto copy = openStore(dir, QStringLiteral("copy.db"));
    REQUIRE(kb::importFiles(*copy, kb::ImportFormat::Jsonl, {exported}, &report, &error));
    CHECK(copy->article(id)->questions == questions);

    // A record with a non-empty list replaces them.
    QJsonObject replaced = retitled;
    replaced.insert(QStringLiteral("questions"), QJsonArray{QStringLiteral("Was tun mit einem gefundenen Handy?")});
    const QString replacedFile = writeFile(dir, QStringLiteral("replaced.jsonl"),
                                           QJsonDocument(replaced).toJson(QJsonDocument::Compact) + '\n');
    REQUIRE(kb::importFiles(*store, kb::ImportFormat::Jsonl, {replacedFile}, &report, &error));
    CHECK(report.written.articlesUpdated == 1);
    CHECK(store->article(id)->questions == QStringList{QStringLiteral("Was tun mit einem gefundenen Handy?")});
    CHECK(store->article(id)->title == QStringLiteral("Fundbüro"));
}
