// hotline-desk: the agent's workstation. Wiring only; the widgets live in their own files.
#include "deskcatalogue.h"
#include "desksettings.h"
#include "language.h"
#include "mainwindow.h"
#include "screenshot.h"
#include "searchservice.h"
#include "serverstatuslabel.h"
#include "sharedstoreconnector.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStatusBar>

#include <memory>

int main(int argc, char *argv[])
{
    // QtWebEngineWidgets needs a shared GL context, set before the QApplication exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("HotlineDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("hotline-desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOTLINE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hotline Desk: search the service catalogue while on a call."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(QStringLiteral("database"),
                                      QStringLiteral("Open this catalogue database instead of the configured one."),
                                      QStringLiteral("path"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QString(), QStringLiteral("file"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption query(QStringLiteral("query"), QString(), QStringLiteral("text"), QStringLiteral("perso"));
    query.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({database, screenshot, query});
    parser.process(app);

    desk::DeskSettings settings;
    desk::LanguageManager language;
    language.apply(settings.language());

    const QString path =
        parser.isSet(database) ? parser.value(database) : settings.value(desk::DeskSettings::DatabasePath).toString();
    desk::SearchService service([path](QString *error) { return desk::openDeskCatalogue(path, error); });

    // Shared store: search the local replica, keep it in step with the server on a thread of its own.
    std::unique_ptr<desk::SharedStoreConnector> shared;
    const desk::SharedStoreConfig sharedConfig = desk::SharedStoreConfig::load();
    QString sharedError;
    if (sharedConfig.enabled && !parser.isSet(database)) {
        shared = std::make_unique<desk::SharedStoreConnector>(sharedConfig);
        if (shared->prepareReplica(&sharedError)) {
            service.restart(shared->replicaFactory());
        } else {
            shared.reset(); // the local catalogue keeps the desk usable; the status bar says why
        }
    } else {
        service.start(); // the catalogue opens on the search thread while the window is built
    }

    desk::MainWindow window(&service, &settings, &language);
    if (shared) {
        desk::attachSharedStore(&window, shared.get(), &service);
        shared->start();
    } else if (!sharedError.isEmpty()) {
        service.start();
        window.statusBar()->showMessage(sharedError);
    }
    if (parser.isSet(screenshot)) {
        desk::scheduleScreenshot(&window, parser.value(screenshot), parser.value(query));
    }
    window.show();
    return QApplication::exec();
}
