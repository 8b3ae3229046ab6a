#pragma once

#include <QLoggingCategory>

namespace kb {

// Diagnostics of the knowledge base (not the user-visible event log). Enable with
// QT_LOGGING_RULES="hotline.kb.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcDb)        // hotline.kb.db: opening, migrations, transactions
Q_DECLARE_LOGGING_CATEGORY(lcImport)    // hotline.kb.import: importers and the default catalogue

} // namespace kb
