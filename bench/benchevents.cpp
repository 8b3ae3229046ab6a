#include "benchevents.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

namespace bench {

void prepareDeskEnvironment()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX")) {
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    }
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
}

void isolateSettings(const QString &applicationName)
{
    QCoreApplication::setOrganizationName(QStringLiteral("HotlineDeskBench"));
    QCoreApplication::setApplicationName(applicationName);
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

bool waitFor(const std::function<bool()> &done, int timeoutMs, int tickMs)
{
    QElapsedTimer t;
    t.start();
    QTimer tick;
    tick.start(tickMs);
    while (!done()) {
        if (t.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

} // namespace bench
