#pragma once

#include <QSize>

class QWidget;

namespace desk {

// The size a window opens with: `preferred`, shrunk to the available area of the screen the window is on (an
// agent's 1280×800 laptop must not get a window taller than its screen), never below the window's minimum size.
void resizeWithinScreen(QWidget *window, const QSize &preferred);

} // namespace desk
