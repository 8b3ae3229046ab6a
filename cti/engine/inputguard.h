#pragma once

#include <cstddef>
#include <cstdint>

namespace cti::engine {

// True for a UDP datagram that looks like a SIP message and that would make belle-sip stop answering its sender
// for good (measured, docs/telephony.md) — which no supervisor can notice, the engine stays healthy otherwise:
// a NUL byte in the start line or headers, or a Content-Length larger than the body the datagram carries
// (RFC 3261 18.3 says to discard those). The engine drops them before belle-sip reads them.
bool isPoisonedSipDatagram(const void *data, std::size_t size);

// Datagrams dropped so far (for the engine's diagnostics).
std::uint64_t droppedDatagrams();
void countDroppedDatagram();

} // namespace cti::engine
