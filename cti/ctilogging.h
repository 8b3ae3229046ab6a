#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCti)
Q_DECLARE_LOGGING_CATEGORY(lcCtiSip)
Q_DECLARE_LOGGING_CATEGORY(lcCtiEngine)
