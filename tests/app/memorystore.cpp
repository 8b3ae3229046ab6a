#include "memorystore.h"

namespace deskfixtures {

MemoryStore::MemoryStore(kb::Catalogue catalogue, QList<kb::Synonym> synonyms)
    : m_catalogue(std::move(catalogue)), m_synonyms(std::move(synonyms))
{
}

QString MemoryStore::backendName() const
{
    return QStringLiteral("memory (test double)");
}

bool MemoryStore::upsert(const kb::Catalogue &catalogue, kb::UpsertReport *report, QString *,
                         const kb::UpsertOptions &options)
{
    for (const kb::Article &a : catalogue.articles) {
        bool found = false;
        for (kb::Article &existing : m_catalogue.articles) {
            if (existing.id == a.id) {
                const QStringList stored = existing.questions;
                existing = a;
                if (options.keepStoredQuestions && a.questions.isEmpty()) {
                    existing.questions = stored;
                }
                found = true;
            }
        }
        if (!found) {
            m_catalogue.articles.append(a);
        }
        if (report) {
            ++(found ? report->articlesUpdated : report->articlesInserted);
        }
    }
    m_catalogue.offices.append(catalogue.offices);
    ++m_revision;
    return true;
}

bool MemoryStore::removeArticle(const QString &id, QString *)
{
    m_catalogue.articles.removeIf([&id](const kb::Article &a) { return a.id == id; });
    ++m_revision;
    return true;
}

std::optional<kb::Article> MemoryStore::article(const QString &id) const
{
    for (const kb::Article &a : m_catalogue.articles) {
        if (a.id == id) {
            return a;
        }
    }
    return std::nullopt;
}

QList<kb::Article> MemoryStore::articles(QString *) const
{
    return m_catalogue.articles;
}

std::optional<kb::Office> MemoryStore::office(const QString &id) const
{
    for (const kb::Office &o : m_catalogue.offices) {
        if (o.id == id) {
            return o;
        }
    }
    return std::nullopt;
}

QList<kb::Office> MemoryStore::offices(QString *) const
{
    return m_catalogue.offices;
}

QList<kb::Synonym> MemoryStore::synonyms(QString *) const
{
    return m_synonyms;
}

bool MemoryStore::setSynonym(const kb::Synonym &synonym, QString *)
{
    removeSynonym(synonym.term, nullptr);
    m_synonyms.append(synonym);
    ++m_revision;
    return true;
}

bool MemoryStore::removeSynonym(const QString &term, QString *)
{
    m_synonyms.removeIf([&term](const kb::Synonym &s) { return s.term == term; });
    return true;
}

qint64 MemoryStore::revision() const
{
    return m_revision;
}

kb::StoreStats MemoryStore::stats() const
{
    kb::StoreStats s;
    s.articles = int(m_catalogue.articles.size());
    s.offices = int(m_catalogue.offices.size());
    s.synonyms = int(m_synonyms.size());
    s.revision = m_revision;
    return s;
}

kb::Catalogue munichSample()
{
    kb::Catalogue c;
    kb::Office orleans;
    orleans.id = QStringLiteral("102522");
    orleans.name = QStringLiteral("Bürgerbüro Orleansplatz (KVR-II/231)");
    orleans.organization = QStringLiteral("Landeshauptstadt München");
    orleans.street = QStringLiteral("Orleansstraße 50");
    orleans.postalCode = QStringLiteral("81667");
    orleans.city = QStringLiteral("München");
    orleans.phone = QStringLiteral("089 233-96000");
    orleans.email = QStringLiteral("buergerbuero-orleansplatz.kvr@muenchen.de");
    orleans.openingHours = QStringLiteral("Mo, Di, Fr 7:30–12:00\nDo 8:30–15:00");
    orleans.source = QStringLiteral("Landeshauptstadt München");
    kb::Office ruppert;
    ruppert.id = QStringLiteral("10489");
    ruppert.name = QStringLiteral("Bürgerbüro Ruppertstraße (KVR-II/22)");
    ruppert.organization = QStringLiteral("Landeshauptstadt München");
    ruppert.street = QStringLiteral("Ruppertstraße 19");
    ruppert.postalCode = QStringLiteral("80337");
    ruppert.city = QStringLiteral("München");
    ruppert.phone = QStringLiteral("089 233-96000");
    ruppert.email = QStringLiteral("buergerbuero.kvr@muenchen.de");
    c.offices = {orleans, ruppert};

    kb::Article perso;
    perso.id = QStringLiteral("1063441");
    perso.title = QStringLiteral("Personalausweis");
    perso.leikaKey = QStringLiteral("99008001000000");
    perso.category = QStringLiteral("Ausweise und Dokumente");
    perso.summary = QStringLiteral("Sie erhalten den Personalausweis im Scheckkartenformat mit Chip.");
    perso.descriptionHtml = QStringLiteral(
        "<p>Sie erhalten den Personalausweis im Scheckkartenformat mit Chip. Darin sind die aufgedruckten "
        "Personaldaten, das Lichtbild und die Fingerabdrücke digital abgelegt.</p>\n<p><strong>Benötigen Sie sofort "
        "einen Personalausweis, kann Ihnen ein vorläufiger Personalausweis ausgestellt werden.</strong> Dieser ist "
        "drei Monate gültig.</p>\n<p>Rufen Sie dazu beim Bürgerbüro-Servicetelefon unter 089/233-96000 an oder "
        "benutzen Sie das <a href=\"https://service.muenchen.de/intelliform/forms/01/02/02/buergerbuero_kontakt/"
        "index?key=2\">Kontaktformular</a>.</p>");
    perso.documents = {QStringLiteral("Bisheriger Personalausweis oder Reisepass"),
                       QStringLiteral("Ein aktuelles biometrisches Passfoto"),
                       QStringLiteral("Geburts- oder Heiratsurkunde, falls kein Ausweisdokument vorhanden ist")};
    perso.feesHtml = QStringLiteral("<ul>\n <li>unter 24 Jahren: 27,60 Euro</li>\n <li>über 24 Jahren: 46 Euro</li>\n"
                                    " <li>vorläufiger Personalausweis: 10 Euro</li>\n</ul>\n<p><strong>Bitte zahlen "
                                    "Sie die Gebühren erst vor Ort.</strong></p>");
    perso.processingTime = QStringLiteral("etwa drei bis vier Wochen");
    perso.legalBasis = QStringLiteral("Personalausweisgesetz (PAuswG)");
    perso.url = QStringLiteral("https://stadt.muenchen.de/service/info/1063441/");
    perso.keywords = {QStringLiteral("Perso"), QStringLiteral("Ausweis")};
    perso.links = {{QStringLiteral("Informationen zum biometrischen Foto"),
                    QStringLiteral("https://www.bundesdruckerei.de/de/system/files/dokumente/pdf/"
                                   "Fotomustertafel-300dpi.pdf"),
                    QString()}};
    perso.offices = {{QStringLiteral("102522"), 20, true, QString()}, {QStringLiteral("10489"), 20, true, QString()}};
    perso.lastReviewed = QDate(2026, 6, 8);
    perso.source = QStringLiteral("Landeshauptstadt München");

    kb::Article pass;
    pass.id = QStringLiteral("1063453");
    pass.title = QStringLiteral("Reisepass");
    pass.category = QStringLiteral("Ausweise und Dokumente");
    pass.descriptionHtml = QStringLiteral(
        "<p>Beim Überschreiten von Staatsgrenzen ist grundsätzlich das Mitführen eines Ausweisdokumentes "
        "erforderlich. Bei Reisen innerhalb der Europäischen Union und in die meisten Urlaubsländer reicht für "
        "Deutsche jedoch die Vorlage des Personalausweises aus.</p>\n<p><strong>Hinweis für Vielreisende</strong> "
        "<br>\n Vielreisende können Reisepässe mit 48 Seiten statt mit 32 Seiten erhalten.</p>");
    pass.documents = {QStringLiteral("Bisheriger Reisepass oder Personalausweis"),
                      QStringLiteral("Ein aktuelles biometrisches Passfoto")};
    pass.feesHtml = QStringLiteral("<ul>\n <li>Unter 24 Jahren: 37,50 Euro</li>\n <li>Über 24 Jahren: 70 Euro</li>\n"
                                   " <li>Vorläufiger Reisepass: 26 Euro</li>\n</ul>");
    pass.offices = {{QStringLiteral("10489"), 20, true, QString()}};
    pass.source = QStringLiteral("Landeshauptstadt München");

    kb::Article wohnsitz;
    wohnsitz.id = QStringLiteral("1063475");
    wohnsitz.title = QStringLiteral("Wohnsitzanmeldung");
    wohnsitz.category = QStringLiteral("Wohnen und Meldewesen");
    wohnsitz.descriptionHtml = QStringLiteral(
        "<p>Die An- oder Ummeldung Ihres Wohnsitzes können Sie entweder online oder persönlich in einem der "
        "Bürgerbüros vornehmen. Bei der persönlichen Anmeldung müssen Sie selbst erscheinen – Sie können aber auch "
        "eine bevollmächtigte Person mit der Anmeldung beauftragen.</p>\n<p><strong>Der Online-Service ist nur für "
        "Hauptwohnsitze möglich. Eine An- oder Ummeldung von Nebenwohnsitzen ist online nicht möglich.</strong></p>");
    wohnsitz.documents = {QStringLiteral("Personalausweis oder Reisepass"), QStringLiteral("Wohnungsgeberbestätigung")};
    wohnsitz.feesHtml = QStringLiteral("<ul>\n <li>kostenfrei</li>\n <li>Adressänderung in Fahrzeugpapieren: 12,60 "
                                       "Euro</li>\n</ul>");
    wohnsitz.onlineServiceUrl = QStringLiteral("https://stadt.muenchen.de/buergerservice/anmeldung.html");
    wohnsitz.keywords = {QStringLiteral("Ummelden"), QStringLiteral("Anmelden")};
    wohnsitz.offices = {{QStringLiteral("102522"), 15, true, QString()}};
    wohnsitz.source = QStringLiteral("Landeshauptstadt München");

    c.articles = {perso, pass, wohnsitz};
    return c;
}

} // namespace deskfixtures
