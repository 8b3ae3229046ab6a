#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace cti::engine {

// What the engine does with a SIP datagram before liblinphone (belle-sip) reads it. liblinphone 5.1 goes deaf to a
// sender after some inputs and crashes on others (measured; docs/telephony.md). Deafness cannot be noticed by
// any supervisor, and a crash costs the agent's current call, so the known triggers are stopped here:
//  - Drop:   a NUL byte in the start line or headers; a Content-Length beyond the datagram (RFC 3261 18.3: discard)
//  - Reject: answered statelessly with an error response, so the phone system learns at once and routes on:
//            request line > 2 KiB (414), From/To/Contact/Call-ID > 2 KiB (400), SUBSCRIBE (489: the desk offers no
//            event packages), INVITE/UPDATE with a multipart body (415) or an SDP whose first media line is not
//            audio (488).
// Everything else (responses, RTP, well-formed requests) passes untouched. The supervisor stays the safety net for
// whatever this list does not know.
struct GuardVerdict
{
    enum class Action { Pass, Drop, Reject };
    Action action = Action::Pass;
    int status = 0;          // Reject: SIP status code
    const char *reason = ""; // Reject: reason phrase
    const char *rule = "";   // which rule fired, for the engine's diagnostics
};

GuardVerdict inspectSipDatagram(const void *data, std::size_t size);

// Unfolds header continuation lines in place ("\r\n " and "\r\n\t" become spaces; same length, same meaning per
// RFC 3261 7.3.1). liblinphone crashed on a folded header (measured). Returns the number of folds removed.
int unfoldHeaders(char *data, std::size_t size);

// A stateless response to a rejected request: its Via headers, From, To (with a tag added if missing), Call-ID
// and CSeq copied. Empty if the request lacks any of them (then it is dropped instead).
std::string buildRejection(const void *data, std::size_t size, int status, const char *reason);

// Call-IDs of the ACKs seen on UDP lately (bounded). liblinphone reports an answered call as running before the
// caller's ACK arrives and gives no way to tell; a caller that never ACKs keeps the call (and 486 for anybody with
// the same address) for 32 s. The engine ends such calls early.
void noteAck(const void *data, std::size_t size);
bool ackSeen(const std::string &callId);

// Counters for the engine's diagnostics.
std::uint64_t droppedDatagrams();
std::uint64_t rejectedRequests();
void countDroppedDatagram();
void countRejectedRequest();

} // namespace cti::engine
