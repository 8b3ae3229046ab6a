#pragma once

#include <QCommandLineOption>
#include <QString>

class QCommandLineParser;
class QTextStream;

// What the command-line tools (hotline-kb, hotline-admin, hotline-admin-desk, hotline-outbox-service,
// hotline-journal, hotline-cti) share: exit codes, the standard streams and the "<tool>: message" error lines.
namespace cmdline {

enum ExitCode { Ok = 0, RuntimeError = 1, UsageError = 2 };

QTextStream &out(); // stdout
QTextStream &err(); // stderr

// Names the application (the prefix of the error lines) and its version, and keeps the hotline.* diagnostics quiet
// unless QT_LOGGING_RULES asks for them (QT_LOGGING_RULES="hotline.*=true" shows them).
void setUpTool(const QString &name);

// "<tool>: message" on stderr; returns code.
int fail(const QString &message, int code = RuntimeError);
// "<tool>: message" and below it `seeHelp` (where the usage is explained) on stderr; returns UsageError.
int usage(const QString &message, const QString &seeHelp);

// Parses the arguments of a tool that offers Qt's own --help (QCommandLineParser::addHelpOption). Returns false, with
// the exit code in *code, when the tool is done: a bad option ("<tool>: <the parser's error>", UsageError) or
// --help (the help on stdout, Ok).
bool parseArguments(QCommandLineParser &parser, int *code);

// -h/--help and -v/--version of a tool with commands (hotline-kb, hotline-admin).
class HelpAndVersion
{
public:
    explicit HelpAndVersion(QCommandLineParser &parser); // adds both options
    // After the parser has parsed: --version prints "<tool> <version>", --help (or no command at all) prints the
    // options with `commands` below them, on stdout when asked for and on stderr otherwise. Returns true, with the
    // exit code in *code, when it printed something and the tool is done.
    bool handle(const QCommandLineParser &parser, const QString &commands, int *code) const;

private:
    QCommandLineOption m_help;
    QCommandLineOption m_version;
};

} // namespace cmdline
