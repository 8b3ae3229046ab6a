// hotline-sip-engine: the isolated SIP process. Started and supervised by cti::SipProvider (desk or hotline-cti);
// holds liblinphone so that a crash on hostile SIP input takes down only this process.
#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include "sipengine.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype i = args.indexOf(QStringLiteral("--server"));
    if (i < 0 || i + 1 >= args.size()) {
        QTextStream(stderr) << "usage: hotline-sip-engine --server LOCAL_SOCKET_NAME\n"
                               "Started by the desk or hotline-cti; speaks the protocol of docs/telephony.md.\n";
        return 64;
    }
    cti::engine::SipEngine engine;
    QString error;
    if (!engine.connectToDesk(args.at(i + 1), &error)) {
        QTextStream(stderr) << "hotline-sip-engine: cannot reach the desk at " << args.at(i + 1) << ": " << error << '\n';
        return 69;
    }
    return app.exec();
}
