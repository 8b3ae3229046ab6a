#include "screenfit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace desk {

void resizeWithinScreen(QWidget *window, const QSize &preferred)
{
    QSize size = preferred;
    const QScreen *screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (screen) {
        // The window manager adds a title bar and borders around the client area.
        constexpr int FrameAllowance = 40;
        const QSize available = screen->availableGeometry().size() - QSize(0, FrameAllowance);
        size = size.boundedTo(available);
    }
    window->resize(size.expandedTo(window->minimumSizeHint()));
}

} // namespace desk
