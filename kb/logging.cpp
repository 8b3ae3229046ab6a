#include "logging.h"

namespace kb {

Q_LOGGING_CATEGORY(lcDb, "hotline.kb.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcImport, "hotline.kb.import", QtInfoMsg)

} // namespace kb
