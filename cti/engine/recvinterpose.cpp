// The engine executable exports these (ENABLE_EXPORTS), so they interpose libc's recvfrom()/recv() for belle-sip
// and bctoolbox, which read SIP datagrams with them. RTP takes the same path and is never touched: it does not
// look like SIP. A dropped or rejected datagram reads as "nothing there yet" (EAGAIN on belle-sip's non-blocking
// sockets); a rejected request is answered from the same socket first.
#include <cerrno>
#include <cstdlib>
#include <cstring>

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

// HOTLINE_SIP_INPUT_GUARD=off hands every datagram to belle-sip untouched (only the ACK bookkeeping stays): for
// measuring liblinphone alone (bench/sipstacks), never for production.
bool guardEnabled()
{
    static const bool enabled = [] {
        const char *v = std::getenv("HOTLINE_SIP_INPUT_GUARD");
        return !(v && std::strcmp(v, "off") == 0);
    }();
    return enabled;
}

// True when the datagram must not reach belle-sip.
bool intercept(int fd, void *buf, ssize_t n, int flags, const sockaddr *from, socklen_t fromLen)
{
    using cti::engine::GuardVerdict;
    if (n <= 0 || (flags & MSG_PEEK)) {
        return false;
    }
    if (!guardEnabled()) {
        if (isDatagramSocket(fd)) {
            cti::engine::noteAck(buf, std::size_t(n));
        }
        return false;
    }
    if (isDatagramSocket(fd)) {
        cti::engine::unfoldHeaders(static_cast<char *>(buf), std::size_t(n));
        cti::engine::noteAck(buf, std::size_t(n));
    }
    const GuardVerdict v = cti::engine::inspectSipDatagram(buf, std::size_t(n));
    if (v.action == GuardVerdict::Action::Pass || !isDatagramSocket(fd)) {
        return false;
    }
    if (v.action == GuardVerdict::Action::Reject && from && fromLen > 0) {
        const std::string response = cti::engine::buildRejection(buf, std::size_t(n), v.status, v.reason);
        if (!response.empty()) {
            ::sendto(fd, response.data(), response.size(), MSG_DONTWAIT, from, fromLen);
            cti::engine::countRejectedRequest();
            return true;
        }
    }
    cti::engine::countDroppedDatagram();
    return true;
}

} // namespace

extern "C" ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *from, socklen_t *fromLen)
{
    using Fn = ssize_t (*)(int, void *, size_t, int, struct sockaddr *, socklen_t *);
    static const Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "recvfrom"));
    // belle-sip may not ask for the sender; the guard needs it to answer a rejected request.
    sockaddr_storage own{};
    socklen_t ownLen = sizeof(own);
    sockaddr *addr = from ? from : reinterpret_cast<sockaddr *>(&own);
    socklen_t *addrLen = from ? fromLen : &ownLen;
    const ssize_t n = real(fd, buf, len, flags, addr, addrLen);
    if (intercept(fd, buf, n, flags, addr, addrLen ? *addrLen : 0)) {
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
    if (intercept(fd, buf, n, flags, nullptr, 0)) {
        errno = EAGAIN;
        return -1;
    }
    return n;
}
