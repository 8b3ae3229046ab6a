// The engine executable exports these (ENABLE_EXPORTS), so they interpose libc's recvfrom()/recv() for belle-sip
// and bctoolbox, which read SIP datagrams with them. RTP takes the same path and is never touched: it does not
// look like SIP. A dropped datagram reads as "nothing there yet" (EAGAIN on belle-sip's non-blocking sockets).
#include <cerrno>

#include <dlfcn.h>
#include <sys/socket.h>
#include <sys/types.h>

#include "inputguard.h"

namespace {

bool isDatagramSocket(int fd)
{
    int type = 0;
    socklen_t len = sizeof(type);
    return getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0 && type == SOCK_DGRAM;
}

bool dropIfPoisoned(int fd, const void *buf, ssize_t n, int flags)
{
    if (n > 0 && !(flags & MSG_PEEK) && cti::engine::isPoisonedSipDatagram(buf, std::size_t(n)) && isDatagramSocket(fd)) {
        cti::engine::countDroppedDatagram();
        errno = EAGAIN;
        return true;
    }
    return false;
}

} // namespace

extern "C" ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *from, socklen_t *fromLen)
{
    using Fn = ssize_t (*)(int, void *, size_t, int, struct sockaddr *, socklen_t *);
    static const Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "recvfrom"));
    const ssize_t n = real(fd, buf, len, flags, from, fromLen);
    return dropIfPoisoned(fd, buf, n, flags) ? -1 : n;
}

extern "C" ssize_t recv(int fd, void *buf, size_t len, int flags)
{
    using Fn = ssize_t (*)(int, void *, size_t, int);
    static const Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "recv"));
    const ssize_t n = real(fd, buf, len, flags);
    return dropIfPoisoned(fd, buf, n, flags) ? -1 : n;
}
