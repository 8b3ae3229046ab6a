#include "phonenumber.h"

#include <QSet>

namespace cti::PhoneNumber {

namespace {

bool isAllDigits(const QString &s)
{
    if (s.isEmpty()) {
        return false;
    }
    for (const QChar c : s) {
        if (c < u'0' || c > u'9') {
            return false;
        }
    }
    return true;
}

QString stripDecoration(QString s)
{
    s = s.trimmed();
    for (const QLatin1String scheme : {QLatin1String("tel:"), QLatin1String("sip:"), QLatin1String("sips:")}) {
        if (s.startsWith(scheme, Qt::CaseInsensitive)) {
            s.remove(0, scheme.size());
            break;
        }
    }
    // A SIP URI's user part ends at '@'; tel: URI parameters at ';'.
    const qsizetype at = s.indexOf(u'@');
    if (at >= 0) {
        s.truncate(at);
    }
    const qsizetype semi = s.indexOf(u';');
    if (semi >= 0) {
        s.truncate(semi);
    }
    QString out;
    out.reserve(s.size());
    for (const QChar c : std::as_const(s)) {
        if (c == u' ' || c == u'-' || c == u'/' || c == u'.' || c == u'(' || c == u')' || c == QChar(0x00A0)) {
            continue;
        }
        out.append(c);
    }
    return out;
}

} // namespace

QString toE164(const QString &raw, const NumberingPlan &plan)
{
    QString s = stripDecoration(raw);
    if (s.startsWith(u'+')) {
        const QString digits = s.mid(1);
        return isAllDigits(digits) && digits.size() >= 3 && digits.size() <= 15 ? u'+' + digits : QString();
    }
    if (!isAllDigits(s)) {
        return {};
    }
    if (!plan.internationalPrefix.isEmpty() && s.startsWith(plan.internationalPrefix)) {
        const QString digits = s.mid(plan.internationalPrefix.size());
        return digits.size() >= 3 && digits.size() <= 15 ? u'+' + digits : QString();
    }
    if (!plan.trunkPrefix.isEmpty() && s.startsWith(plan.trunkPrefix) && s.size() > plan.trunkPrefix.size() + 2) {
        return u'+' + plan.countryCode + s.mid(plan.trunkPrefix.size());
    }
    // Short codes (115, 110, 112) and extensions stay as dialled. A longer bare number is a local subscriber
    // number when the centre's area code is known.
    if (s.size() >= 5 && !plan.localAreaCode.isEmpty()) {
        return u'+' + plan.countryCode + plan.localAreaCode + s;
    }
    return s;
}

int germanAreaCodeLength(const QString &n)
{
    if (n.size() < 4 || !isAllDigits(n)) {
        return 0;
    }
    static const QSet<QString> twoDigit = {QStringLiteral("30"), QStringLiteral("40"), QStringLiteral("69"),
                                           QStringLiteral("89")};
    if (twoDigit.contains(n.left(2))) {
        return 2;
    }
    const QChar a = n.at(0);
    const QChar b = n.at(1);
    const QChar c = n.at(2);
    if (a == u'1') {
        // Mobile (015x, 016x, 017x) and service numbers (0180, 0137) all have three digits.
        return 3;
    }
    if (n.startsWith(QStringLiteral("800")) || n.startsWith(QStringLiteral("900")) || n.startsWith(QStringLiteral("700"))) {
        return 3;
    }
    // Three-digit codes of the large cities: mostly "xy1" (0221 Köln, 0341 Leipzig, 0711 Stuttgart) plus a few
    // others.
    static const QSet<QString> threeDigitExtra = {
        QStringLiteral("228"), QStringLiteral("234"), QStringLiteral("335"), QStringLiteral("340"),
        QStringLiteral("345"), QStringLiteral("355"), QStringLiteral("365"), QStringLiteral("375"),
        QStringLiteral("385"), QStringLiteral("395"), QStringLiteral("906")};
    const QString three = n.left(3);
    if (threeDigitExtra.contains(three)) {
        return 3;
    }
    if (c == u'1' && b != u'0') {
        return 3;
    }
    // The former GDR (033x–039x) has four-digit codes with an odd fourth digit (03421 Torgau) and five-digit codes
    // otherwise (034202 Delitzsch).
    if (a == u'3' && b >= u'3' && n.size() >= 6) {
        const int d = n.at(3).digitValue();
        return (d % 2 == 1) ? 4 : 5;
    }
    return 4;
}

QString formatNational(const QString &e164, const NumberingPlan &plan)
{
    if (!e164.startsWith(u'+') || !isAllDigits(e164.mid(1))) {
        return e164;
    }
    const QString digits = e164.mid(1);
    if (digits.startsWith(plan.countryCode)) {
        const QString national = digits.mid(plan.countryCode.size());
        if (plan.countryCode == QLatin1String("49")) {
            const int area = germanAreaCodeLength(national);
            if (area > 0 && area < national.size()) {
                return plan.trunkPrefix + national.left(area) + u' ' + national.mid(area);
            }
        }
        return plan.trunkPrefix + national;
    }
    // Foreign numbers: country codes are 1–3 digits and prefix-free; "+1" and "+7" are the only one-digit ones.
    int cc = 2;
    if (digits.startsWith(u'1') || digits.startsWith(u'7')) {
        cc = 1;
    } else {
        static const QSet<QString> twoDigitCountries = {
            QStringLiteral("20"), QStringLiteral("27"), QStringLiteral("30"), QStringLiteral("31"), QStringLiteral("32"),
            QStringLiteral("33"), QStringLiteral("34"), QStringLiteral("36"), QStringLiteral("39"), QStringLiteral("40"),
            QStringLiteral("41"), QStringLiteral("43"), QStringLiteral("44"), QStringLiteral("45"), QStringLiteral("46"),
            QStringLiteral("47"), QStringLiteral("48"), QStringLiteral("49"), QStringLiteral("51"), QStringLiteral("52"),
            QStringLiteral("53"), QStringLiteral("54"), QStringLiteral("55"), QStringLiteral("56"), QStringLiteral("57"),
            QStringLiteral("58"), QStringLiteral("60"), QStringLiteral("61"), QStringLiteral("62"), QStringLiteral("63"),
            QStringLiteral("64"), QStringLiteral("65"), QStringLiteral("66"), QStringLiteral("81"), QStringLiteral("82"),
            QStringLiteral("84"), QStringLiteral("86"), QStringLiteral("90"), QStringLiteral("91"), QStringLiteral("92"),
            QStringLiteral("93"), QStringLiteral("94"), QStringLiteral("95"), QStringLiteral("98")};
        cc = twoDigitCountries.contains(digits.left(2)) ? 2 : 3;
    }
    return u'+' + digits.left(cc) + u' ' + digits.mid(cc);
}

} // namespace cti::PhoneNumber
