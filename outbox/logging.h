#pragma once

#include <QLoggingCategory>

namespace hotline::db {
Q_DECLARE_LOGGING_CATEGORY(lcDb)        // hotline.db
}

namespace outbox {
Q_DECLARE_LOGGING_CATEGORY(lcOutbox)    // hotline.outbox
Q_DECLARE_LOGGING_CATEGORY(lcSmtp)      // hotline.outbox.smtp
}
