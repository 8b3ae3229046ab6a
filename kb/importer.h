#pragma once

#include "store.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace kb {

enum class ImportFormat { Dldb, Jsonl };

// "dldb" / "jsonl" (case-insensitive) → format; false for anything else.
bool parseImportFormat(const QString &name, ImportFormat *format);

struct ImportReport
{
    UpsertReport written;
    int articlesRead = 0;
    int officesRead = 0;
    QStringList skipped;            // records left out on purpose (DLDB internal booking entries)
    int droppedOfficeLinks = 0;     // links to offices neither in the import nor in the store
};

// Called between the steps of a long import: a short line such as "reading services_de.json (1/2)".
using ImportProgress = std::function<void(const QString &step)>;

// Reads and checks every file first, then writes everything in one transaction: either the
// whole import is stored or nothing is. Links to offices that are neither in the import nor
// already in the store are dropped (and counted) instead of failing the import: a service's
// office may simply not be part of the catalogue, and no link may point nowhere. An imported article
// without example questions keeps the stored article's (UpsertOptions::keepStoredQuestions).
bool importFiles(Store &store, ImportFormat format, const QStringList &paths, ImportReport *report, QString *error,
                 const ImportProgress &progress = {});

// The same, for a catalogue already in memory (the default catalogue, the editor).
bool importCatalogue(Store &store, Catalogue catalogue, ImportReport *report, QString *error);

} // namespace kb
