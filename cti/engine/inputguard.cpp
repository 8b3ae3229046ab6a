#include "inputguard.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstring>
#include <deque>
#include <mutex>
#include <string_view>
#include <vector>

namespace cti::engine {

namespace {

std::atomic<std::uint64_t> g_dropped{0};
std::atomic<std::uint64_t> g_rejected{0};

constexpr std::size_t MaxLineBytes = 2048;

struct Header
{
    std::string name; // lower case, compact forms expanded
    std::string_view value;
    std::string_view raw; // the whole (first physical) line, for copying into responses
};

struct Message
{
    bool isRequest = false;
    std::string_view startLine;
    std::string_view method;
    std::vector<Header> headers;
    std::string_view body;
    bool complete = false; // a blank line ends the headers
};

bool looksLikeSip(std::string_view s)
{
    if (s.substr(0, 8) == "SIP/2.0 ") {
        return true;
    }
    // A request line starts with an upper-case method token followed by a space.
    std::size_t i = 0;
    while (i < s.size() && i < 32 && s[i] >= 'A' && s[i] <= 'Z') {
        ++i;
    }
    return i >= 3 && i < s.size() && s[i] == ' ';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

std::string expandCompact(const std::string &name)
{
    if (name.size() != 1) {
        return name;
    }
    switch (name[0]) {
    case 'v': return "via";
    case 'f': return "from";
    case 't': return "to";
    case 'i': return "call-id";
    case 'l': return "content-length";
    case 'c': return "content-type";
    case 'm': return "contact";
    case 'o': return "event";
    default: return name;
    }
}

Message parse(std::string_view s)
{
    Message m;
    std::size_t pos = 0;
    bool first = true;
    while (pos < s.size()) {
        std::size_t nl = s.find('\n', pos);
        const std::size_t end = nl == std::string_view::npos ? s.size() : nl;
        std::string_view line = s.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        pos = nl == std::string_view::npos ? s.size() : nl + 1;
        if (first) {
            m.startLine = line;
            first = false;
            continue;
        }
        if (line.empty()) {
            m.complete = true;
            m.body = s.substr(pos);
            break;
        }
        if ((line.front() == ' ' || line.front() == '\t') && !m.headers.empty()) {
            continue; // folded continuation: the first line is enough for what the guard looks at
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) {
            continue;
        }
        m.headers.push_back({expandCompact(lower(trim(line.substr(0, colon)))), trim(line.substr(colon + 1)), line});
    }
    m.isRequest = m.startLine.substr(0, 8) != "SIP/2.0 ";
    if (m.isRequest) {
        m.method = m.startLine.substr(0, m.startLine.find(' '));
    }
    return m;
}

const Header *find(const Message &m, const char *name)
{
    for (const Header &h : m.headers) {
        if (h.name == name) {
            return &h;
        }
    }
    return nullptr;
}

bool startsWithNoCase(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && lower(s.substr(0, prefix.size())) == prefix;
}

} // namespace

GuardVerdict inspectSipDatagram(const void *data, std::size_t size)
{
    using A = GuardVerdict::Action;
    const std::string_view s(static_cast<const char *>(data), size);
    if (size < 8 || !looksLikeSip(s)) {
        return {};
    }
    const std::size_t blank = s.find("\r\n\r\n");
    const std::size_t headerBytes = blank == std::string_view::npos ? size : blank;
    if (s.substr(0, headerBytes).find('\0') != std::string_view::npos) {
        return {A::Drop, 0, "", "nul-in-headers"};
    }
    const Message m = parse(s);
    if (const Header *cl = find(m, "content-length"); cl && m.complete) {
        std::size_t value = 0;
        bool digits = false;
        for (const char c : cl->value) {
            if (c < '0' || c > '9' || value > (std::size_t(1) << 40)) {
                break;
            }
            value = value * 10 + std::size_t(c - '0');
            digits = true;
        }
        if (digits && value > m.body.size()) {
            return {A::Drop, 0, "", "content-length-beyond-datagram"};
        }
    }
    if (!m.isRequest) {
        return {};
    }
    if (m.startLine.size() > MaxLineBytes) {
        return {A::Reject, 414, "Request-URI Too Long", "long-request-line"};
    }
    for (const Header &h : m.headers) {
        if ((h.name == "from" || h.name == "to" || h.name == "contact" || h.name == "call-id")
            && h.value.size() > MaxLineBytes) {
            return {A::Reject, 400, "Header Too Long", "long-header"};
        }
    }
    if (m.method == "SUBSCRIBE") {
        return {A::Reject, 489, "Bad Event", "subscribe"};
    }
    if (m.method == "INVITE" || m.method == "UPDATE") {
        const Header *type = find(m, "content-type");
        if (type && startsWithNoCase(type->value, "multipart/")) {
            return {A::Reject, 415, "Unsupported Media Type", "multipart-body"};
        }
        if (type && startsWithNoCase(type->value, "application/sdp")) {
            const std::size_t media = m.body.find("m=");
            const bool atLineStart = media == 0 || (media != std::string_view::npos && m.body[media - 1] == '\n');
            if (atLineStart && m.body.substr(media, 8) != "m=audio ") {
                return {A::Reject, 488, "Not Acceptable Here", "first-media-not-audio"};
            }
        }
    }
    return {};
}

int unfoldHeaders(char *data, std::size_t size)
{
    const std::string_view s(data, size);
    if (size < 8 || !looksLikeSip(s)) {
        return 0;
    }
    const std::size_t blank = s.find("\r\n\r\n");
    const std::size_t headerBytes = blank == std::string_view::npos ? size : blank;
    int folds = 0;
    for (std::size_t i = 0; i + 2 < headerBytes; ++i) {
        if (data[i] == '\r' && data[i + 1] == '\n' && (data[i + 2] == ' ' || data[i + 2] == '\t')) {
            data[i] = ' ';
            data[i + 1] = ' ';
            ++folds;
        }
    }
    return folds;
}

std::string buildRejection(const void *data, std::size_t size, int status, const char *reason)
{
    const Message m = parse(std::string_view(static_cast<const char *>(data), size));
    const Header *from = find(m, "from");
    const Header *to = find(m, "to");
    const Header *callId = find(m, "call-id");
    const Header *cseq = find(m, "cseq");
    bool hasVia = false;
    for (const Header &h : m.headers) {
        hasVia = hasVia || h.name == "via";
    }
    if (!from || !to || !callId || !cseq || !hasVia || m.method == "ACK") {
        return {};
    }
    std::string r = "SIP/2.0 " + std::to_string(status) + " " + reason + "\r\n";
    for (const Header &h : m.headers) {
        if (h.name == "via") {
            r.append("Via: ").append(h.value).append("\r\n");
        }
    }
    r.append("From: ").append(from->value).append("\r\n");
    r.append("To: ").append(to->value);
    if (lower(to->value).find(";tag=") == std::string::npos) {
        r.append(";tag=hg").append(std::to_string(std::hash<std::string_view>{}(callId->value) % 1000000007));
    }
    r.append("\r\nCall-ID: ").append(callId->value).append("\r\nCSeq: ").append(cseq->value).append("\r\n");
    if (status == 415) {
        r.append("Accept: application/sdp\r\n");
    }
    if (status == 489) {
        r.append("Allow-Events: \r\n");
    }
    r.append("Server: hotline-sip-engine\r\nContent-Length: 0\r\n\r\n");
    return r;
}

namespace {
std::mutex g_ackMutex;
std::deque<std::string> g_acks;
} // namespace

void noteAck(const void *data, std::size_t size)
{
    const std::string_view s(static_cast<const char *>(data), size);
    if (s.substr(0, 4) != "ACK ") {
        return;
    }
    const Message m = parse(s);
    if (const Header *id = find(m, "call-id")) {
        const std::lock_guard lock(g_ackMutex);
        g_acks.emplace_back(id->value);
        if (g_acks.size() > 512) {
            g_acks.pop_front();
        }
    }
}

bool ackSeen(const std::string &callId)
{
    const std::lock_guard lock(g_ackMutex);
    return std::find(g_acks.cbegin(), g_acks.cend(), callId) != g_acks.cend();
}

std::uint64_t droppedDatagrams()
{
    return g_dropped.load();
}

std::uint64_t rejectedRequests()
{
    return g_rejected.load();
}

void countDroppedDatagram()
{
    g_dropped.fetch_add(1);
}

void countRejectedRequest()
{
    g_rejected.fetch_add(1);
}

} // namespace cti::engine
