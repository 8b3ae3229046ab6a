#pragma once

#include <QHash>
#include <QString>

#include "phonenumber.h"

namespace cti {

// Maps the dialled number (the line a call came in on) to the municipality the centre answers for on that line:
// one centre often answers the 115 lines of several towns. Keys are normalised to E.164 when they are numbers,
// so "0341 123-0", "+493411230" and "sip:+493411230@pbx" find the same entry.
class LineMap
{
public:
    LineMap() = default;
    explicit LineMap(const NumberingPlan &plan);

    void insert(const QString &line, const QString &municipality);
    // Municipality for a dialled number/line, or an empty string when the line is unknown.
    QString municipalityFor(const QString &dialled) const;
    qsizetype size() const;

    // Reads {"lines": {"<number>": "<municipality>", ...}} or a flat {"<number>": "<municipality>"} object.
    static bool fromJson(const QByteArray &json, LineMap *out, QString *error, const NumberingPlan &plan = {});
    static bool fromFile(const QString &path, LineMap *out, QString *error, const NumberingPlan &plan = {});

private:
    QString key(const QString &line) const;

    NumberingPlan m_plan;
    QHash<QString, QString> m_lines;
};

} // namespace cti
