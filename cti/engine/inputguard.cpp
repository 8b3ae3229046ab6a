#include "inputguard.h"

#include <atomic>
#include <cerrno>
#include <cstring>

#include <dlfcn.h>
#include <sys/socket.h>
#include <sys/types.h>

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
    return std::memchr(p, 0, headerBytes) != nullptr;
}

std::uint64_t droppedDatagrams()
{
    return g_dropped.load();
}

namespace {

bool isDatagramSocket(int fd)
{
    int type = 0;
    socklen_t len = sizeof(type);
    return getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0 && type == SOCK_DGRAM;
}

} // namespace
} // namespace cti::engine

// The engine executable exports these (ENABLE_EXPORTS), so they interpose libc's for belle-sip and bctoolbox,
// which read SIP datagrams with recvfrom()/recv(). RTP takes the same path and is never touched: it does not look
// like SIP. A dropped datagram reads as "nothing there yet" (EAGAIN on belle-sip's non-blocking sockets).
extern "C" ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *from, socklen_t *fromLen)
{
    using Fn = ssize_t (*)(int, void *, size_t, int, struct sockaddr *, socklen_t *);
    static const Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "recvfrom"));
    const ssize_t n = real(fd, buf, len, flags, from, fromLen);
    if (n > 0 && !(flags & MSG_PEEK) && cti::engine::isPoisonedSipDatagram(buf, std::size_t(n))
        && cti::engine::isDatagramSocket(fd)) {
        cti::engine::g_dropped.fetch_add(1);
        errno = EAGAIN;
        return -1;
    }
    return n;
}

extern "C" ssize_t recv(int fd, void *buf, size_t len, int flags)
{
    using Fn = ssize_t (*)(int, void *, size_t, int);
    static const Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "recv"));
    const ssize_t n = real(fd, buf, len, flags);
    if (n > 0 && !(flags & MSG_PEEK) && cti::engine::isPoisonedSipDatagram(buf, std::size_t(n))
        && cti::engine::isDatagramSocket(fd)) {
        cti::engine::g_dropped.fetch_add(1);
        errno = EAGAIN;
        return -1;
    }
    return n;
}
