#include "inputguard.h"

#include <atomic>
#include <cstring>

#include <strings.h>


namespace cti::engine {

namespace {
std::atomic<std::uint64_t> g_dropped{0};

bool looksLikeSip(const unsigned char *p, std::size_t n)
{
    if (n >= 8 && std::memcmp(p, "SIP/2.0 ", 8) == 0) {
        return true;
    }
    // A request line starts with an upper-case method token followed by a space.
    std::size_t i = 0;
    while (i < n && i < 32 && p[i] >= 'A' && p[i] <= 'Z') {
        ++i;
    }
    return i >= 3 && i < n && p[i] == ' ';
}
// The Content-Length (or compact "l") header's value, 0 when absent or not a number.
std::size_t contentLengthOf(const unsigned char *p, std::size_t headerBytes)
{
    std::size_t i = 0;
    while (i < headerBytes) {
        // start of a header line
        const unsigned char *line = p + i;
        const void *nl = std::memchr(line, '\n', headerBytes - i);
        const std::size_t lineLen = nl ? std::size_t(static_cast<const unsigned char *>(nl) - line) : headerBytes - i;
        std::size_t nameLen = 0;
        if (lineLen >= 15 && strncasecmp(reinterpret_cast<const char *>(line), "Content-Length", 14) == 0) {
            nameLen = 14;
        } else if (lineLen >= 2 && (line[0] == 'l' || line[0] == 'L')) {
            nameLen = 1;
        }
        if (nameLen) {
            std::size_t j = nameLen;
            while (j < lineLen && (line[j] == ' ' || line[j] == '\t')) {
                ++j;
            }
            if (j < lineLen && line[j] == ':') {
                ++j;
                while (j < lineLen && (line[j] == ' ' || line[j] == '\t')) {
                    ++j;
                }
                std::size_t value = 0;
                bool digits = false;
                while (j < lineLen && line[j] >= '0' && line[j] <= '9' && value < (std::size_t(1) << 40)) {
                    value = value * 10 + std::size_t(line[j] - '0');
                    digits = true;
                    ++j;
                }
                return digits ? value : 0;
            }
        }
        i += lineLen + 1;
    }
    return 0;
}

} // namespace

bool isPoisonedSipDatagram(const void *data, std::size_t size)
{
    const auto *p = static_cast<const unsigned char *>(data);
    if (size < 8 || !looksLikeSip(p, size)) {
        return false;
    }
    // Only the start line and headers: a body may legitimately carry binary data.
    const void *end = memmem(p, size, "\r\n\r\n", 4);
    const std::size_t headerBytes = end ? std::size_t(static_cast<const unsigned char *>(end) - p) : size;
    if (std::memchr(p, 0, headerBytes) != nullptr) {
        return true;
    }
    // A datagram is the whole message (RFC 3261 18.3): a Content-Length beyond its end makes belle-sip wait for
    // the rest from that sender for good (measured). Such a message is to be discarded anyway.
    if (end) {
        const std::size_t bodyBytes = size - headerBytes - 4;
        return contentLengthOf(p, headerBytes) > bodyBytes;
    }
    return false;
}

std::uint64_t droppedDatagrams()
{
    return g_dropped.load();
}

void countDroppedDatagram()
{
    g_dropped.fetch_add(1);
}

} // namespace cti::engine
