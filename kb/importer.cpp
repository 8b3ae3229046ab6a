#include "importer.h"

#include "dldbimporter.h"
#include "jsonlformat.h"
#include "logging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace kb {

namespace {

// The translation context of this file's user-visible messages (lupdate reads the macro).
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::Importer)
};

} // namespace

bool parseImportFormat(const QString &name, ImportFormat *format)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("dldb")) {
        *format = ImportFormat::Dldb;
        return true;
    }
    if (n == QLatin1String("jsonl")) {
        *format = ImportFormat::Jsonl;
        return true;
    }
    return false;
}

bool importCatalogue(Store &store, Catalogue catalogue, ImportReport *report, QString *error)
{
    ImportReport result;
    result.articlesRead = int(catalogue.articles.size());
    result.officesRead = int(catalogue.offices.size());
    if (report) {
        result.skipped = report->skipped;
    }

    QSet<QString> knownOffices;
    for (const Office &o : std::as_const(catalogue.offices)) {
        knownOffices.insert(o.id);
    }
    bool storeOfficesLoaded = false;
    for (Article &a : catalogue.articles) {
        for (qsizetype i = a.offices.size() - 1; i >= 0; --i) {
            const QString &officeId = a.offices.at(i).officeId;
            if (knownOffices.contains(officeId)) {
                continue;
            }
            if (!storeOfficesLoaded) {
                QString readError;
                const QList<Office> existing = store.offices(&readError);
                if (!readError.isEmpty()) {
                    if (error) {
                        *error = readError;
                    }
                    return false;
                }
                for (const Office &o : existing) {
                    knownOffices.insert(o.id);
                }
                storeOfficesLoaded = true;
                if (knownOffices.contains(officeId)) {
                    continue;
                }
            }
            qCDebug(lcImport) << "dropping link of" << a.id << "to unknown office" << officeId;
            a.offices.removeAt(i);
            ++result.droppedOfficeLinks;
        }
    }
    // The example questions are the team's own work, which no feed has: an article that brings none keeps
    // what is stored (read in the upsert's transaction), one that brings some replaces them.
    UpsertOptions options;
    options.keepStoredQuestions = true;
    if (!store.upsert(catalogue, &result.written, error, options)) {
        return false;
    }
    if (report) {
        *report = result;
    }
    return true;
}

bool importFiles(Store &store, ImportFormat format, const QStringList &paths, ImportReport *report, QString *error,
                 const ImportProgress &progress)
{
    QString dummy;
    QString &err = error ? *error : dummy;
    if (paths.isEmpty()) {
        err = Messages::tr("no files to import");
        return false;
    }
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            err = Messages::tr("%1: no such file").arg(path);
            return false;
        }
        if (!info.isFile() || !info.isReadable()) {
            err = Messages::tr("%1: not a readable file").arg(path);
            return false;
        }
    }
    Catalogue catalogue;
    ImportReport result;
    if (format == ImportFormat::Dldb) {
        if (progress) {
            progress(Messages::tr("reading %n DLDB file(s)", nullptr, int(paths.size())));
        }
        DldbReadReport dldb;
        if (!readDldbFiles(paths, &catalogue, &dldb, &err)) {
            return false;
        }
        result.skipped = dldb.skipped;
        // A service whose records name no city (Berlin 2016) and whose offices came in an earlier
        // run: it belongs where those offices are.
        QHash<QString, QString> storedSources;
        for (Article &a : catalogue.articles) {
            if (!a.source.isEmpty() || a.offices.isEmpty()) {
                continue;
            }
            if (storedSources.isEmpty()) {
                for (const Office &o : store.offices()) {
                    storedSources.insert(o.id, o.source);
                }
            }
            QHash<QString, int> votes;
            for (const OfficeLink &link : std::as_const(a.offices)) {
                const QString source = storedSources.value(link.officeId);
                if (!source.isEmpty() && ++votes[source] > votes.value(a.source)) {
                    a.source = source;
                }
            }
        }
    } else {
        QHash<QString, QString> articleFile;
        QHash<QString, QString> officeFile;
        for (int i = 0; i < paths.size(); ++i) {
            if (progress) {
                progress(Messages::tr("reading %1 (%2/%3)").arg(QFileInfo(paths.at(i)).fileName()).arg(i + 1).arg(paths.size()));
            }
            Catalogue part;
            if (!readJsonlFile(paths.at(i), &part, &err)) {
                return false;
            }
            for (const Article &a : std::as_const(part.articles)) {
                if (articleFile.contains(a.id)) {
                    err = Messages::tr("%1: field \"id\": duplicate article id \"%2\" (also in %3)")
                              .arg(paths.at(i), a.id, articleFile.value(a.id));
                    return false;
                }
                articleFile.insert(a.id, paths.at(i));
            }
            for (const Office &o : std::as_const(part.offices)) {
                if (officeFile.contains(o.id)) {
                    err = Messages::tr("%1: field \"id\": duplicate office id \"%2\" (also in %3)")
                              .arg(paths.at(i), o.id, officeFile.value(o.id));
                    return false;
                }
                officeFile.insert(o.id, paths.at(i));
            }
            catalogue.articles << part.articles;
            catalogue.offices << part.offices;
        }
    }
    if (progress) {
        progress(Messages::tr("writing %1 articles and %2 offices").arg(catalogue.articles.size()).arg(catalogue.offices.size()));
    }
    if (!importCatalogue(store, std::move(catalogue), &result, &err)) {
        return false;
    }
    if (report) {
        *report = result;
    }
    return true;
}

} // namespace kb
