#include "defaultcatalogue.h"

#include "importer.h"
#include "jsonlformat.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QStandardPaths>

namespace kb {

namespace {

const QString kCatalogueResource = QStringLiteral(":/kb/catalogue/munich.jsonl");
const QString kSynonymsResource = QStringLiteral(":/kb/catalogue/synonyms.jsonl");
const QString kQuestionsResource = QStringLiteral(":/kb/catalogue/questions.jsonl");

// The translation context of this file's user-visible messages (lupdate reads the macro).
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::DefaultCatalogue)
};

} // namespace

QString defaultDatabasePath()
{
    // AppDataLocation is <GenericDataLocation>/<organisation>/<application>; spelled out here so
    // that hotline-kb (another application name) lands in the desk's folder.
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    const QString folder = base + QStringLiteral("/HotlineDesk/hotline-desk");
    QDir().mkpath(folder);
    return folder + QStringLiteral("/hotline.db");
}

bool loadDefaultQuestions(QHash<QString, QStringList> *questions, QString *error)
{
    QFile file(kQuestionsResource);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = Messages::tr("the built-in example questions are missing: %1").arg(file.errorString());
        }
        return false;
    }
    return readQuestionsJsonl(&file, kQuestionsResource, questions, error);
}

bool loadDefaultCatalogue(Catalogue *catalogue, QList<Synonym> *synonyms, QString *error)
{
    if (catalogue) {
        QHash<QString, QStringList> questions;
        if (!readJsonlFile(kCatalogueResource, catalogue, error) || !loadDefaultQuestions(&questions, error)) {
            return false;
        }
        for (Article &a : catalogue->articles) {
            a.questions = questions.take(a.id);
        }
        if (!questions.isEmpty()) {
            if (error) {
                *error = Messages::tr("the built-in example questions name an article the catalogue lacks: %1")
                             .arg(questions.keys().constFirst());
            }
            return false;
        }
    }
    if (synonyms) {
        QFile file(kSynonymsResource);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error) {
                *error = Messages::tr("the built-in synonym list is missing: %1").arg(file.errorString());
            }
            return false;
        }
        if (!readSynonymsJsonl(&file, kSynonymsResource, synonyms, error)) {
            return false;
        }
    }
    return true;
}

namespace {

bool addMissing(Store &store, const QList<Synonym> &synonyms, int *added, QString *error)
{
    if (added) {
        *added = 0;
    }
    QString readError;
    const QList<Synonym> existing = store.synonyms(&readError);
    if (!readError.isEmpty()) {
        if (error) {
            *error = readError;
        }
        return false;
    }
    QSet<QString> terms;
    for (const Synonym &s : existing) {
        terms.insert(s.term.toCaseFolded());
    }
    for (const Synonym &s : synonyms) {
        if (terms.contains(s.term.toCaseFolded())) {
            continue;
        }
        if (!store.setSynonym(s, error)) {
            return false;
        }
        if (added) {
            ++*added;
        }
    }
    return true;
}

} // namespace

bool addMissingDefaultSynonyms(Store &store, int *added, QString *error)
{
    QList<Synonym> synonyms;
    return loadDefaultCatalogue(nullptr, &synonyms, error) && addMissing(store, synonyms, added, error);
}

bool addMissingDefaultQuestions(Store &store, int *added, QString *error)
{
    if (added) {
        *added = 0;
    }
    Catalogue builtIn;
    if (!loadDefaultCatalogue(&builtIn, nullptr, error)) {
        return false;
    }
    QHash<QString, const Article *> byId;
    for (const Article &a : std::as_const(builtIn.articles)) {
        byId.insert(a.id, &a);
    }
    QString readError;
    const QList<Article> stored = store.articles(&readError);
    if (!readError.isEmpty()) {
        if (error) {
            *error = readError;
        }
        return false;
    }
    Catalogue changed;
    for (const Article &a : stored) {
        const Article *same = byId.value(a.id);
        if (a.questions.isEmpty() && same && !same->questions.isEmpty() &&
            a.title.trimmed().compare(same->title.trimmed(), Qt::CaseInsensitive) == 0) {
            changed.articles.append(a);
            changed.articles.last().questions = same->questions;
        }
    }
    if (changed.articles.isEmpty()) {
        return true;
    }
    UpsertReport report;
    if (!store.upsert(changed, &report, error)) {
        return false;
    }
    if (added) {
        *added = int(changed.articles.size());
    }
    return true;
}

bool installDefaultCatalogue(Store &store, QString *error)
{
    Catalogue catalogue;
    QList<Synonym> synonyms;
    if (!loadDefaultCatalogue(&catalogue, &synonyms, error)) {
        return false;
    }
    ImportReport report;
    if (!importCatalogue(store, std::move(catalogue), &report, error) || !addMissing(store, synonyms, nullptr, error)) {
        return false;
    }
    qCInfo(lcImport) << "installed the built-in catalogue:" << report.written.articlesInserted << "articles,"
                     << report.written.officesInserted << "offices";
    return true;
}

bool installDefaultCatalogueIfEmpty(Store &store, bool *installed, QString *error)
{
    if (installed) {
        *installed = false;
    }
    QString readError;
    const StoreStats stats = store.stats();
    if (stats.articles < 0) {
        if (error) {
            *error = Messages::tr("cannot count the articles of the catalogue");
        }
        return false;
    }
    if (stats.articles > 0) {
        return true;
    }
    if (!installDefaultCatalogue(store, error)) {
        return false;
    }
    if (installed) {
        *installed = true;
    }
    return true;
}

} // namespace kb
