#!/usr/bin/python3
"""Throws hostile and odd SIP datagrams at a listening desk and checks after each that the same sender is still
heard (a probe INVITE gets a provisional or final answer). Exploration tool behind the table in
docs/telephony.md; the crashing/deafening cases are also in tests/cti/test_cti_sip.cpp.

    build/cti/hotline-cti listen --sip-port 5096 --json --answer --hangup-after 200 > /tmp/listen.jsonl &
    /usr/bin/python3 tests/cti/sipfuzz.py --port 5096 --listen-log /tmp/listen.jsonl [CASE ...]

Prints one line per case: the replies to it, whether the probe was answered, engine restarts so far.
"""
import argparse
import socket
import sys
import time

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument("--port", type=int, required=True, help="the desk's SIP port")
ap.add_argument("--from-port", type=int, default=5999, help="local UDP port to send from")
ap.add_argument("--listen-log", help="hotline-cti listen --json output, to count engine restarts")
ap.add_argument("cases", nargs="*", help="only these cases")
args = ap.parse_args()
port = args.port

n=[0]
def req(method="INVITE", headers="", body="", ctype="application/sdp", cl=None, ruri=None, fromhdr=None):
    n[0]+=1; cid="fz-%d-%f"%(n[0],time.time())
    ruri = ruri or f"sip:agent@127.0.0.1:{port}"
    fromhdr = fromhdr or "<sip:+4930111@127.0.0.1>;tag=ft%d"%n[0]
    m=(f"{method} {ruri} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK{cid}\r\nMax-Forwards: 70\r\n"
       f"From: {fromhdr}\r\nTo: <sip:agent@127.0.0.1>\r\nCall-ID: {cid}\r\nCSeq: 1 {method}\r\nContact: <sip:x@127.0.0.1:5999>\r\n{headers}")
    if body: m+=f"Content-Type: {ctype}\r\n"
    if cl is None: cl=len(body.encode('latin1'))
    if cl != "none": m+=f"Content-Length: {cl}\r\n"
    m+="\r\n"+body
    return m.encode('latin1')
sdp="v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
cases={
 "crlf-keepalive": b"\r\n\r\n",
 "extra-bytes-after-body": req(body=sdp, cl=10),
 "two-messages-in-one": req(body=sdp)+req(body=sdp),
 "no-content-length": req(body=sdp, cl="none"),
 "cl-abc": req(body=sdp, cl="abc"),
 "many-vias": req(headers="".join("Via: SIP/2.0/UDP 10.0.0.%d:5060;branch=z9hG4bKv%d\r\n"%(i%250,i) for i in range(300)), body=sdp),
 "header-folding": req(headers="Subject: line one\r\n  continued\r\n\tand more\r\n", body=sdp),
 "unsolicited-response": b"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKnope\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: nope\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
 "bye-unknown": req("BYE"), "cancel-unknown": req("CANCEL"), "ack-unknown": req("ACK"),
 "options": req("OPTIONS"), "subscribe": req("SUBSCRIBE", headers="Event: presence\r\n"), "notify": req("NOTIFY", headers="Event: talk\r\nSubscription-State: active\r\n"),
 "refer-out-of-dialog": req("REFER", headers="Refer-To: <sip:evil@127.0.0.1>\r\n"), "info": req("INFO", body="Signal=5\r\n", ctype="application/dtmf-relay"),
 "update": req("UPDATE", body=sdp), "prack": req("PRACK", headers="RAck: 1 1 INVITE\r\n"), "publish": req("PUBLISH", headers="Event: presence\r\n", body="x", ctype="application/pidf+xml"),
 "register-to-us": req("REGISTER"),
 "sdp-many-media": req(body=sdp.replace("m=audio", "".join("m=audio %d RTP/AVP 0\r\n"%(40002+2*i) for i in range(60))+"m=audio")),
 "sdp-port-zero": req(body=sdp.replace("m=audio 40000","m=audio 0")),
 "sdp-video-only": req(body=sdp.replace("m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000","m=video 40000 RTP/AVP 96\r\na=rtpmap:96 VP8/90000")),
 "sdp-unknown-codec-only": req(body=sdp.replace("RTP/AVP 0\r\na=rtpmap:0 PCMU/8000","RTP/AVP 99\r\na=rtpmap:99 FOO/8000")),
 "sdp-savp-bad-crypto": req(body=sdp.replace("RTP/AVP 0","RTP/SAVP 0")+"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:!!!!\r\n"),
 "sdp-garbage-lines": req(body="v=0\r\nzzz\r\n=\r\nm=\r\nc=\r\n"),
 "sdp-ipv6": req(body=sdp.replace("IN IP4 127.0.0.1","IN IP6 ::1")),
 "from-unicode-quoted": req(fromhdr='"Müller \\"Evil\\" \xe4\xf6" <sip:+4930111@127.0.0.1>;tag=u1', body=sdp),
 "from-no-tag": req(fromhdr="<sip:+4930111@127.0.0.1>", body=sdp),
 "ruri-tel": req(ruri="tel:+4934112345", body=sdp),
 "ruri-huge": req(ruri="sip:"+"a"*5000+"@127.0.0.1", body=sdp),
 "method-lowercase": req("invite", body=sdp),
 "unknown-method": req("FOOBAR"),
 "version-2.1": req(body=sdp).replace(b"SIP/2.0\r\n", b"SIP/2.1\r\n", 1),
 "require-unknown": req(headers="Require: nothing-we-know\r\n", body=sdp),
 "session-expires-1": req(headers="Session-Expires: 1\r\nSupported: timer\r\n", body=sdp),
 "replaces-existing-like": req(headers="Replaces: fz-1;to-tag=a;from-tag=b\r\n", body=sdp),
 "multipart-unquoted": req(ctype="multipart/mixed;boundary=b1", body="--b1\r\nContent-Type: application/sdp\r\n\r\n"+sdp+"\r\n--b1--\r\n"),
 "multipart-no-boundary": req(ctype="multipart/mixed", body="--b1\r\n\r\n"+sdp),
 "multipart-nested": req(ctype='multipart/mixed;boundary="o"', body='--o\r\nContent-Type: multipart/alternative;boundary="i"\r\n\r\n--i\r\nContent-Type: application/sdp\r\n\r\n'+sdp+'\r\n--i--\r\n--o--\r\n'),
 "binary-body-sdp": req(body="\xff\xfe\x00\x01"*50),
 "max-forwards-0": req(body=sdp).replace(b"Max-Forwards: 70", b"Max-Forwards: 0"),
 "cseq-method-mismatch": req(body=sdp).replace(b"CSeq: 1 INVITE", b"CSeq: 1 BYE"),
 "empty-datagram": b"",
 "just-request-line": b"INVITE sip:agent@127.0.0.1 SIP/2.0\r\n",
 "video-before-audio": req(body=sdp.replace("m=audio","m=video 40010 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\nm=audio")),
 "image-before-audio": req(body=sdp.replace("m=audio","m=image 40010 udptl t38\r\nm=audio")),
 "text-before-audio": req(body=sdp.replace("m=audio","m=text 40010 RTP/AVP 98\r\na=rtpmap:98 t140/1000\r\nm=audio")),
 "foo-after-audio": req(body=sdp+"m=foo 40010 RTP/AVP 0\r\n"),
 "ruri-1000": req(ruri="sip:"+"a"*1000+"@127.0.0.1", body=sdp),
 "ruri-2500": req(ruri="sip:"+"a"*2500+"@127.0.0.1", body=sdp),
 "from-5000": req(fromhdr="<sip:"+"b"*5000+"@127.0.0.1>;tag=x", body=sdp),
 "subscribe-dialog": req("SUBSCRIBE", headers="Event: dialog\r\n"),
 "subscribe-mwi": req("SUBSCRIBE", headers="Event: message-summary\r\n"),
 "multipart-quoted-answer": req(ctype='multipart/mixed;boundary="b1"', body='--b1\r\nContent-Type: application/sdp\r\n\r\n'+sdp+'\r\n--b1--\r\n'),
 "huge-65k": req(headers="X-A: "+"B"*65000+"\r\n")[:65507],
}
def restarts():
    if not args.listen_log:
        return -1
    with open(args.listen_log, encoding="utf-8", errors="replace") as f:
        return f.read().count("engine_restarted")

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", args.from_port))
s.settimeout(0.05)

def drain():
    out = []
    try:
        while True:
            d, _ = s.recvfrom(70000)
            out.append(d.split(b"\r\n")[0].decode("latin1"))
    except OSError:
        pass
    return out

deaf = 0
for name, data in cases.items():
    if args.cases and name not in args.cases:
        continue
    s.sendto(data, ("127.0.0.1", port))
    time.sleep(0.6)
    replies = drain()
    time.sleep(0.4)
    s.sendto(req(body=sdp), ("127.0.0.1", port))
    ok = False
    t0 = time.time()
    while time.time() - t0 < 2.0 and not ok:
        ok = any(line.startswith("SIP/2.0 ") for line in drain())
    deaf += 0 if ok else 1
    print("%-26s probe=%-4s restarts=%-3d replies=%s" % (name, "ok" if ok else "DEAF", restarts(), ",".join(replies)[:60]),
          flush=True)
sys.exit(1 if deaf else 0)
