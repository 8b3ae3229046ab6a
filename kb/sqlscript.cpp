#include "sqlscript_p.h"

#include "logging.h"

#include <QDir>
#include <QRegularExpression>

namespace kb {

QStringList numberedSqlFiles(const QString &resourceDir)
{
    const QStringList sorted = QDir(resourceDir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    QStringList out;
    for (int i = 0; i < sorted.size(); ++i) {
        const QString expected = QStringLiteral("%1_").arg(i + 1, 4, 10, QLatin1Char('0'));
        if (!sorted.at(i).startsWith(expected)) {
            qCCritical(lcDb) << "migration files in" << resourceDir << "are not numbered 1..N:" << sorted;
            break;
        }
        out << resourceDir + QLatin1Char('/') + sorted.at(i);
    }
    return out;
}

QStringList splitSqlStatements(const QString &sql)
{
    static const QRegularExpression separator(QStringLiteral(";[ \\t]*\\r?\\n[ \\t]*\\r?\\n"));
    static const QRegularExpression commentLine(QStringLiteral("^\\s*--[^\\n]*$"), QRegularExpression::MultilineOption);
    QStringList statements;
    const QStringList parts = sql.split(separator);
    for (const QString &part : parts) {
        QString code = part;
        code.remove(commentLine);
        code = code.trimmed();
        if (code.endsWith(QLatin1Char(';'))) {
            code.chop(1);
        }
        if (!code.trimmed().isEmpty()) {
            statements << code;
        }
    }
    return statements;
}

} // namespace kb
