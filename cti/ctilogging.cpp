#include "ctilogging.h"

Q_LOGGING_CATEGORY(lcCti, "hotline.cti", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCtiSip, "hotline.cti.sip", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCtiEngine, "hotline.cti.engine", QtInfoMsg)
