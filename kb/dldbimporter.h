#pragma once

#include "article.h"

#include <QString>
#include <QStringList>

namespace kb {

struct DldbReadReport
{
    int services = 0;               // services read (after skipping internal entries)
    int locations = 0;
    QStringList skipped;            // "id title" of internal booking entries left out
};

// Reads ZMS/DLDB JSON exports (Munich's it@M eappointment files, Berlin's service.berlin.de
// fixtures): each file holds either services or locations, told apart by its records. Files of one
// run are merged: a location's per-service appointment length fills in the service's office link.
// All or nothing: the first malformed record is reported as "<file>: record <n> (id "<id>"):
// field "<name>": <problem>" and nothing is returned.
bool readDldbFiles(const QStringList &paths, Catalogue *catalogue, DldbReadReport *report, QString *error);

// The documents to bring that a service description lists (a list under "Erforderliche
// Unterlagen", "Bitte bringen Sie … mit", …), one plain-text entry each; the description stays as it is.
QStringList extractDocuments(const QString &descriptionHtml);

// Munich's export carries entries that exist only for the booking system (test services, quick
// lanes, walk-in numbers, self-service kiosks). True for those; they are not citizen services.
bool isInternalBookingEntry(const QString &name, const QString &descriptionHtml);

} // namespace kb
