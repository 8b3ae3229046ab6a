#pragma once

#include <functional>

class QString;

// The set-up and the event loop of the bench targets that drive the desk.
namespace bench {

// Before the QApplication: the offscreen platform and QtWebEngine without its sandbox (runs as root), unless the
// environment says otherwise, and shared OpenGL contexts (QtWebEngine needs them).
void prepareDeskEnvironment();

// After the QApplication: settings and data folders of the bench's own (test mode), the settings emptied.
void isolateSettings(const QString &applicationName);

// Runs the event loop until done() is true (then true) or timeoutMs have passed (then false). Waits by sleeping in
// the event loop, never spinning: a spinning main thread would take a core from the threads being measured on a
// 2-core machine and distort every figure. A timer every tickMs bounds the wait for the timeout check.
bool waitFor(const std::function<bool()> &done, int timeoutMs, int tickMs);

} // namespace bench
