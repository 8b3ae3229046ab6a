#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTextStream>

namespace cmdline {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

void setUpTool(const QString &name)
{
    QCoreApplication::setApplicationName(name);
    QCoreApplication::setApplicationVersion(QStringLiteral(HOTLINE_VERSION));
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        QLoggingCategory::setFilterRules(QStringLiteral("hotline.*.info=false"));
    }
}

int fail(const QString &message, int code)
{
    err() << QCoreApplication::applicationName() << ": " << message << Qt::endl;
    return code;
}

int usage(const QString &message, const QString &seeHelp)
{
    err() << QCoreApplication::applicationName() << ": " << message << '\n' << seeHelp << Qt::endl;
    return UsageError;
}

bool parseArguments(QCommandLineParser &parser, int *code)
{
    if (!parser.parse(QCoreApplication::arguments())) {
        *code = fail(parser.errorText(), UsageError);
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText() << Qt::endl;
        *code = Ok;
        return false;
    }
    return true;
}

HelpAndVersion::HelpAndVersion(QCommandLineParser &parser)
    : m_help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
             QCoreApplication::translate("cmdline", "Show this help.")),
      m_version(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                QCoreApplication::translate("cmdline", "Show the version."))
{
    parser.addOption(m_help);
    parser.addOption(m_version);
}

bool HelpAndVersion::handle(const QCommandLineParser &parser, const QString &commands, int *code) const
{
    const QString tool = QCoreApplication::applicationName();
    if (parser.isSet(m_version)) {
        out() << tool << ' ' << QCoreApplication::applicationVersion() << Qt::endl;
        *code = Ok;
        return true;
    }
    const bool asked = parser.isSet(m_help);
    if (!asked && !parser.positionalArguments().isEmpty()) {
        return false;
    }
    // QCommandLineParser names the binary as it was called (a path); the usage line names the tool.
    QString text = parser.helpText();
    text.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")), QStringLiteral("Usage: ") + tool);
    (asked ? out() : err()) << text << '\n' << commands << Qt::endl;
    *code = asked ? Ok : UsageError;
    return true;
}

} // namespace cmdline
