#pragma once

#include "store.h"

#include <QHash>
#include <QList>
#include <QString>

namespace kb {

// Where the desk and hotline-kb keep the agent's catalogue by default:
// <AppDataLocation of "HotlineDesk"/"hotline-desk">/hotline.db (on Linux
// ~/.local/share/HotlineDesk/hotline-desk/hotline.db). The folder is created if needed.
// Independent of the calling program's own application name, so both share one file.
QString defaultDatabasePath();

// The catalogue built into kb (Munich's services and offices, Landeshauptstadt München, see
// resources/catalogue/ATTRIBUTION.md), with the team's example questions, and the colloquial synonyms
// seeded with it.
bool loadDefaultCatalogue(Catalogue *catalogue, QList<Synonym> *synonyms, QString *error);

// The built-in example questions by article id: how callers asked for each service, in their words, as the
// hotline team wrote them down (resources/catalogue/questions.jsonl).
bool loadDefaultQuestions(QHash<QString, QStringList> *questions, QString *error);

// Writes the built-in catalogue into `store` (one transaction) and adds the seed synonyms whose
// terms the store does not have yet (an edited synonym is never overwritten).
bool installDefaultCatalogue(Store &store, QString *error);

// Adds the built-in synonyms whose terms the store does not have (case-insensitive); an entry the store has,
// edited or not, is never overwritten. For a desk whose table predates newer defaults, and for a first start.
// `*added` (optional) says how many were added, also when a write fails part-way.
bool addMissingDefaultSynonyms(Store &store, int *added, QString *error);

// Gives each article of `store` that has no example questions the built-in ones of the same service: same id
// and same title (case-insensitive), so that another city's catalogue with clashing ids gets none. For a desk
// whose catalogue predates the built-in questions, and after a first import of Munich's own files.
// `*added` (optional) says to how many articles questions were added.
bool addMissingDefaultQuestions(Store &store, int *added, QString *error);

// First start: installs the built-in catalogue when the store has no articles. `*installed`
// says whether it did.
bool installDefaultCatalogueIfEmpty(Store &store, bool *installed, QString *error);

} // namespace kb
