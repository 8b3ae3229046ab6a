// Catch2 runner for the desk's GUI tests: a QApplication (offscreen unless a display is configured), set up
// for QtWebEngine. Catch2 lists the tests at build time by running this binary, so it must not need a display.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX")) {
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1"); // the sandbox refuses to run as root (CI)
    }
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts); // required before QApplication for WebEngine
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("HotlineDeskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("hotline-desk-tests"));
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    return Catch::Session().run(argc, argv);
}
