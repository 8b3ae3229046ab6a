#include "benchevents.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

namespace bench {

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
