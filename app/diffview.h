#pragma once

#include "textdiff.h"

#include <QList>
#include <QString>

namespace desk {

// Two versions of an article side by side as an HTML table for a QTextBrowser: one row per field, the left column
// with deletions struck through on red, the right one with insertions underlined on green (colour is never the only
// cue, for colour-blind readers and screen readers). Unchanged fields are left out unless `allFields`.
QString renderSideBySideDiff(const QList<kb::FieldDiff> &fields, const QString &leftTitle, const QString &rightTitle,
                             bool allFields = false);

} // namespace desk
