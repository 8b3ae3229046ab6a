#pragma once

// Word and line diffs (longest common subsequence) and a field-by-field comparison of two article
// versions, for the history view: the desk renders the segments side by side.

#include "article.h"

#include <QList>
#include <QString>

namespace kb {

struct DiffSegment
{
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;       // concatenating Same+Removed gives `before`, Same+Added gives `after`

    friend bool operator==(const DiffSegment &, const DiffSegment &) = default;
};

// Word diff: tokens are words, runs of blanks and single punctuation marks, so segments keep the
// exact spacing. Adjacent segments of one kind are merged; a change reads "Removed, then Added".
// Texts too long for a word-level table (more than ~16 million token pairs after the common
// start and end are cut off) fall back to the line level, then to "all removed, all added".
QList<DiffSegment> diffWords(const QString &before, const QString &after);

// Line diff: each segment is one or more whole lines (with their "\n").
QList<DiffSegment> diffLines(const QString &before, const QString &after);

// One field of an article in two versions. Text fields are compared as agents read them
// (*Html fields as plain text), lists one entry a line.
struct FieldDiff
{
    QString field;          // stable key: "title", "description", "documents", "valid_from", …
    QString label;          // translated label for the UI
    QString before;         // the field as text in the first version
    QString after;
    bool changed = false;
    QList<DiffSegment> segments;    // word diff (lists and offices: line diff); empty when unchanged
};

// Every editable field, in editor order; unchanged fields have changed == false.
QList<FieldDiff> diffArticles(const Article &before, const Article &after);

} // namespace kb
