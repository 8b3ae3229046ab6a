#include "logging.h"

namespace hotline::db {
Q_LOGGING_CATEGORY(lcDb, "hotline.db", QtInfoMsg)
}

namespace outbox {
Q_LOGGING_CATEGORY(lcOutbox, "hotline.outbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSmtp, "hotline.outbox.smtp", QtInfoMsg)
}
