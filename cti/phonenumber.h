#pragma once

#include <QString>

namespace cti {

// How numbers without an international prefix are read: Germany by default.
struct NumberingPlan
{
    QString countryCode = QStringLiteral("49"); // without '+'
    QString trunkPrefix = QStringLiteral("0");
    QString internationalPrefix = QStringLiteral("00");
    // Area code of the centre (without trunk prefix, e.g. "341" for Leipzig). When set, a bare subscriber
    // number such as "1234567" is read as a local number in that area. Empty: bare numbers stay as they are.
    QString localAreaCode;
};

namespace PhoneNumber {

// Normalises a number as it arrives from SIP (user part of a sip:/tel: URI, or typed by an agent) to E.164
// ("+493411234567"). Visual separators (space, '-', '/', '.', parentheses) and a "tel:"/"sip:" scheme are
// ignored. Returns an empty string for anonymous callers and for anything that is not a dialable number
// (letters, "anonymous", "unknown"); short codes such as "115" and internal extensions are returned as digits
// without a '+'.
QString toE164(const QString &raw, const NumberingPlan &plan = {});

// Formats an E.164 number for display. Numbers of the plan's country are shown in national format with the
// area code split off ("+493411234567" → "0341 1234567", "+4915112345678" → "0151 12345678"); other countries as
// "+CC rest". Anything that is not E.164 is returned unchanged.
QString formatNational(const QString &e164, const NumberingPlan &plan = {});

// Length of the German area code (without the trunk "0") at the start of a national significant number, or 0 if
// it cannot be told. Uses the structure of the German numbering plan (2-digit codes for the four largest cities,
// 3-digit codes mostly ending in 1, mobile 15x/16x/17x, 4 or 5 digits otherwise); see docs/telephony.md.
int germanAreaCodeLength(const QString &nationalNumber);

} // namespace PhoneNumber
} // namespace cti
