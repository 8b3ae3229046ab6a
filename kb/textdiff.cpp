#include "textdiff.h"

#include "htmlsanitizer.h"
#include "textutil.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <vector>

namespace kb {

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::ArticleDiff)
};

constexpr qint64 kMaxCells = 16 * 1024 * 1024;

QStringList wordTokens(const QString &text)
{
    static const QRegularExpression token(QStringLiteral("\\s+|\\w+|[^\\w\\s]"),
                                          QRegularExpression::UseUnicodePropertiesOption);
    QStringList out;
    auto it = token.globalMatch(text);
    while (it.hasNext()) {
        out << it.next().captured(0);
    }
    return out;
}

QStringList lineTokens(const QString &text)
{
    QStringList out;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype nl = text.indexOf(QLatin1Char('\n'), start);
        const qsizetype end = nl < 0 ? text.size() : nl + 1;
        out << text.mid(start, end - start);
        start = end;
    }
    return out;
}

void append(QList<DiffSegment> &out, DiffSegment::Kind kind, const QString &text)
{
    if (text.isEmpty()) {
        return;
    }
    if (!out.isEmpty() && out.last().kind == kind) {
        out.last().text += text;
    } else {
        out << DiffSegment{kind, text};
    }
}

// LCS over tokens a[from..aEnd) and b[from..bEnd) after cutting the common prefix and suffix.
// Returns false when the table would be too large.
bool lcsDiff(const QStringList &a, const QStringList &b, QList<DiffSegment> &out)
{
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.at(prefix) == b.at(prefix)) {
        ++prefix;
    }
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
           && a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix)) {
        ++suffix;
    }
    const qsizetype n = a.size() - prefix - suffix;
    const qsizetype m = b.size() - prefix - suffix;
    if (qint64(n + 1) * qint64(m + 1) > kMaxCells) {
        return false;
    }
    QList<DiffSegment> result;
    for (qsizetype i = 0; i < prefix; ++i) {
        append(result, DiffSegment::Kind::Same, a.at(i));
    }
    // len[i][j]: LCS length of a[prefix+i..] and b[prefix+j..] (suffix form, so the walk goes forward).
    std::vector<quint32> len(size_t((n + 1) * (m + 1)), 0);
    auto at = [m](qsizetype i, qsizetype j) { return size_t(i * (m + 1) + j); };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            len[at(i, j)] = a.at(prefix + i) == b.at(prefix + j) ? len[at(i + 1, j + 1)] + 1
                                                                  : std::max(len[at(i + 1, j)], len[at(i, j + 1)]);
        }
    }
    // Collect a change run as "removed, then added" so the reader sees old → new.
    QString removed;
    QString added;
    auto flush = [&] {
        append(result, DiffSegment::Kind::Removed, removed);
        append(result, DiffSegment::Kind::Added, added);
        removed.clear();
        added.clear();
    };
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(prefix + i) == b.at(prefix + j)) {
            flush();
            append(result, DiffSegment::Kind::Same, a.at(prefix + i));
            ++i;
            ++j;
        } else if (j < m && (i == n || len[at(i, j + 1)] >= len[at(i + 1, j)])) {
            added += b.at(prefix + j++);
        } else {
            removed += a.at(prefix + i++);
        }
    }
    flush();
    for (qsizetype k = a.size() - suffix; k < a.size(); ++k) {
        append(result, DiffSegment::Kind::Same, a.at(k));
    }
    out = result;
    return true;
}

// Puts each run of changes into the form "one Removed, then one Added".
QList<DiffSegment> normalized(const QList<DiffSegment> &in)
{
    QList<DiffSegment> out;
    QString removed;
    QString added;
    auto flush = [&] {
        append(out, DiffSegment::Kind::Removed, removed);
        append(out, DiffSegment::Kind::Added, added);
        removed.clear();
        added.clear();
    };
    for (const DiffSegment &s : in) {
        if (s.kind == DiffSegment::Kind::Same) {
            flush();
            append(out, DiffSegment::Kind::Same, s.text);
        } else {
            (s.kind == DiffSegment::Kind::Removed ? removed : added) += s.text;
        }
    }
    flush();
    return out;
}

// Semantic clean-up (the rule of diff-match-patch's cleanupSemantic): a short common piece between
// two changes that are each at least as long, typically "," or " Euro" inside a rewritten
// sentence, reads better as part of the change than as a dozen fragments.
QList<DiffSegment> semanticCleanup(QList<DiffSegment> segments)
{
    for (bool changed = true; changed;) {
        changed = false;
        segments = normalized(segments);
        for (qsizetype i = 1; i + 1 < segments.size(); ++i) {
            if (segments.at(i).kind != DiffSegment::Kind::Same) {
                continue;
            }
            auto editLength = [&segments](qsizetype from, int step) {
                qsizetype removed = 0;
                qsizetype added = 0;
                for (qsizetype k = from; k >= 0 && k < segments.size() && segments.at(k).kind != DiffSegment::Kind::Same;
                     k += step) {
                    (segments.at(k).kind == DiffSegment::Kind::Removed ? removed : added) += segments.at(k).text.size();
                }
                return std::max(removed, added);
            };
            const qsizetype before = editLength(i - 1, -1);
            const qsizetype after = editLength(i + 1, 1);
            const qsizetype length = segments.at(i).text.size();
            if (before > 0 && after > 0 && length <= before && length <= after) {
                const QString text = segments.at(i).text;
                segments[i] = DiffSegment{DiffSegment::Kind::Removed, text};
                segments.insert(i + 1, DiffSegment{DiffSegment::Kind::Added, text});
                changed = true;
                break;
            }
        }
    }
    return segments;
}

QList<DiffSegment> wholeChange(const QString &before, const QString &after)
{
    QList<DiffSegment> out;
    if (before == after) {
        append(out, DiffSegment::Kind::Same, before);
        return out;
    }
    append(out, DiffSegment::Kind::Removed, before);
    append(out, DiffSegment::Kind::Added, after);
    return out;
}

QString dateText(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString officesText(const QList<OfficeLink> &offices)
{
    QStringList lines;
    for (const OfficeLink &l : offices) {
        QString line = l.officeId;
        if (l.durationMinutes > 0) {
            line += Messages::tr(", %1 min").arg(l.durationMinutes);
        }
        if (l.bookable) {
            line += Messages::tr(", bookable");
        }
        if (!l.appointmentUrl.isEmpty()) {
            line += QStringLiteral(", ") + l.appointmentUrl;
        }
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QString linksText(const QList<Link> &links)
{
    QStringList lines;
    for (const Link &l : links) {
        QString line = QStringLiteral("%1 <%2>").arg(l.title, l.url);
        if (!l.description.isEmpty()) {
            line += QStringLiteral(" – ") + l.description;
        }
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QList<DiffSegment> diffLines(const QString &before, const QString &after)
{
    QList<DiffSegment> out;
    if (!lcsDiff(lineTokens(before), lineTokens(after), out)) {
        return wholeChange(before, after);
    }
    return out;
}

QList<DiffSegment> diffWords(const QString &before, const QString &after)
{
    QList<DiffSegment> out;
    if (lcsDiff(wordTokens(before), wordTokens(after), out)) {
        return semanticCleanup(out);
    }
    return diffLines(before, after);
}

QList<FieldDiff> diffArticles(const Article &before, const Article &after)
{
    enum class Mode { Words, Lines };
    QList<FieldDiff> out;
    auto field = [&out](const char *key, const QString &label, const QString &a, const QString &b, Mode mode) {
        FieldDiff d;
        d.field = QString::fromLatin1(key);
        d.label = label;
        d.before = a;
        d.after = b;
        d.changed = a != b;
        if (d.changed) {
            d.segments = mode == Mode::Words ? diffWords(a, b) : diffLines(a, b);
        }
        out << d;
    };
    const QChar nl = QLatin1Char('\n');
    field("title", Messages::tr("Title"), before.title, after.title, Mode::Words);
    field("keywords", Messages::tr("Synonyms and search terms"), before.keywords.join(nl), after.keywords.join(nl),
          Mode::Lines);
    field("questions", Messages::tr("Example questions"), before.questions.join(nl), after.questions.join(nl),
          Mode::Lines);
    field("summary", Messages::tr("Summary"), before.summary, after.summary, Mode::Words);
    field("description", Messages::tr("Description"), htmlToPlainText(before.descriptionHtml),
          htmlToPlainText(after.descriptionHtml), Mode::Words);
    field("documents", Messages::tr("Documents to bring"), before.documents.join(nl), after.documents.join(nl),
          Mode::Lines);
    // Fees as the editor shows them (paragraphs, lines, "– " list items), so a diff reads like what the lead typed.
    field("fees", Messages::tr("Fees"), HtmlSanitizer::toPlainText(before.feesHtml),
          HtmlSanitizer::toPlainText(after.feesHtml), Mode::Words);
    field("processing_time", Messages::tr("Processing time"), before.processingTime, after.processingTime, Mode::Words);
    field("legal_basis", Messages::tr("Legal basis"), before.legalBasis, after.legalBasis, Mode::Words);
    field("offices", Messages::tr("Responsible offices"), officesText(before.offices), officesText(after.offices),
          Mode::Lines);
    field("online_service_url", Messages::tr("Online service"), before.onlineServiceUrl, after.onlineServiceUrl,
          Mode::Words);
    field("url", Messages::tr("Web page"), before.url, after.url, Mode::Words);
    field("links", Messages::tr("Forms and links"), linksText(before.links), linksText(after.links), Mode::Lines);
    field("category", Messages::tr("Category"), before.category, after.category, Mode::Words);
    field("leika", Messages::tr("LeiKa key"), before.leikaKey, after.leikaKey, Mode::Words);
    field("duration_minutes", Messages::tr("Appointment length (minutes)"),
          before.durationMinutes > 0 ? QString::number(before.durationMinutes) : QString(),
          after.durationMinutes > 0 ? QString::number(after.durationMinutes) : QString(), Mode::Words);
    field("valid_from", Messages::tr("Valid from"), dateText(before.validFrom), dateText(after.validFrom), Mode::Words);
    field("valid_to", Messages::tr("Valid to"), dateText(before.validTo), dateText(after.validTo), Mode::Words);
    field("review_by", Messages::tr("Review by"), dateText(before.reviewBy), dateText(after.reviewBy), Mode::Words);
    field("last_reviewed", Messages::tr("Last reviewed"), dateText(before.lastReviewed), dateText(after.lastReviewed),
          Mode::Words);
    field("source", Messages::tr("Source"), before.source, after.source, Mode::Words);
    return out;
}

} // namespace kb
