#pragma once

#include <cstddef>
#include <cstdint>

namespace cti::engine {

// True for a UDP datagram that looks like a SIP message and has a NUL byte in its start line or headers.
// liblinphone's belle-sip stops answering a sender for good after such a request (measured, docs/telephony.md),
// which no supervisor can notice; so the engine drops these datagrams before belle-sip reads them.
bool isPoisonedSipDatagram(const void *data, std::size_t size);

// Datagrams dropped so far (for the engine's diagnostics).
std::uint64_t droppedDatagrams();

} // namespace cti::engine
