#pragma once

#include <functional>

// The event loop of the bench targets that drive the desk.
namespace bench {

// Runs the event loop until done() is true (then true) or timeoutMs have passed (then false). Waits by sleeping in
// the event loop, never spinning: a spinning main thread would take a core from the threads being measured on a
// 2-core machine and distort every figure. A timer every tickMs bounds the wait for the timeout check.
bool waitFor(const std::function<bool()> &done, int timeoutMs, int tickMs);

} // namespace bench
