#pragma once

#include <QString>

namespace desk {

class MainWindow;

// For scripts/screenshot.sh only (hidden --screenshot option): once the catalogue is ready, types `query`,
// opens the first result, waits for the article to render, grabs the window into `file` and quits
// (exit code 0, or 1 with a message on stderr when something did not happen within `timeoutMs`).
void scheduleScreenshot(MainWindow *window, const QString &file, const QString &query, int timeoutMs = 60000);

} // namespace desk
