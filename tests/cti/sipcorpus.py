"""Hostile and odd SIP datagrams, shared by tests/cti/sipfuzz.py (exploration against hotline-cti listen) and
bench/sipstacks/compare_sip_stacks.py (liblinphone vs libre vs sofia-sip). build(port, from_port) returns
{name: [datagram, ...]}; most cases are one datagram, "nul-byte-then-valid" sends two from the same socket.
The first 57 are tests/cti/sipfuzz.py's exploration; the rest are the issue's known crashers and the Catch2
hostile test's RFC 4475-style cases (tests/cti/test_cti_sip.cpp).
"""


def build(port, from_port):
    n = [0]

    def req(method="INVITE", headers="", body="", ctype="application/sdp", cl=None, ruri=None, fromhdr=None):
        n[0] += 1
        cid = "fz-%d-%d-%d" % (n[0], port, from_port)
        ruri = ruri or f"sip:agent@127.0.0.1:{port}"
        fromhdr = fromhdr or "<sip:+4930111@127.0.0.1>;tag=ft%d" % n[0]
        m = (f"{method} {ruri} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{from_port};branch=z9hG4bK{cid}\r\n"
             f"Max-Forwards: 70\r\nFrom: {fromhdr}\r\nTo: <sip:agent@127.0.0.1>\r\nCall-ID: {cid}\r\n"
             f"CSeq: 1 {method}\r\nContact: <sip:x@127.0.0.1:{from_port}>\r\n{headers}")
        if body:
            m += f"Content-Type: {ctype}\r\n"
        if cl is None:
            cl = len(body.encode("latin1"))
        if cl != "none":
            m += f"Content-Length: {cl}\r\n"
        m += "\r\n" + body
        return m.encode("latin1")

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
    cases = {k: [v] for k, v in cases.items()}
    # The known crashers and the Catch2 hostile test's torture cases.
    cases.update({
        "garbage": [b"\x01" * 300 + b"\xff\xfe garbage \r\n\r\n"],
        "invite-without-sdp": [req()],
        "replaces-require": [req(headers="Replaces: 12345@127.0.0.1;to-tag=1;from-tag=2\r\nRequire: replaces\r\n", body=sdp)],
        "unknown-media-before-audio": [req(body=sdp.replace("m=audio", "m=foo 40002 RTP/AVP 0\r\nm=audio"))],
        "message": [req("MESSAGE", body="Hallo", ctype="text/plain")],
        "nul-byte-then-valid": [req(headers="X-Evil: a\x00b\r\n", body=sdp), req(body=sdp)],
        "truncated": [req(body=sdp)[:120]],
        "content-length-9999": [req(body=sdp, cl=9999)],
        "content-length-negative": [req(body=sdp, cl=-999)],
        "cseq-2^65-max-forwards-300": [req(body=sdp).replace(b"CSeq: 1 INVITE", b"CSeq: 36893488147419103232 INVITE")
                                       .replace(b"Max-Forwards: 70", b"Max-Forwards: 300")],
        "escaped-nul-in-from-uri": [req(fromhdr="<sip:null-%00-null@127.0.0.1>;tag=e1", body=sdp)],
        "unknown-scheme-sip-7.0": [req(body=sdp).replace(f"INVITE sip:agent@127.0.0.1:{port} SIP/2.0".encode(),
                                                          b"INVITE nobodyKnowsThisScheme:totallyopaquecontent SIP/7.0")],
        "missing-call-id-and-from": [b"\r\n".join(l for l in req(body=sdp).split(b"\r\n")
                                                   if not l.startswith((b"Call-ID:", b"From:")))],
        "unknown-content-type-nul": [req(body="<xml>&&&\x00</xml>", ctype="application/unknownformat")],
        "sdp-port-and-address-out-of-range": [req(body=sdp.replace("m=audio 40000", "m=audio 99999999")
                                                  .replace("c=IN IP4 127.0.0.1", "c=IN IP4 300.1.2.3"))],
    })
    return cases


def probe(port, from_port, i):
    """A valid INVITE with SDP from the same sender: any SIP response to it means the target still hears us."""
    sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
    cid = "probe-%d-%d-%d" % (i, port, from_port)
    return (f"INVITE sip:agent@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{from_port};branch=z9hG4bK{cid}\r\n"
            f"Max-Forwards: 70\r\nFrom: <sip:+4930222@127.0.0.1>;tag=p{i}\r\nTo: <sip:agent@127.0.0.1>\r\n"
            f"Call-ID: {cid}\r\nCSeq: 1 INVITE\r\nContact: <sip:p@127.0.0.1:{from_port}>\r\n"
            f"Content-Type: application/sdp\r\nContent-Length: {len(sdp)}\r\n\r\n{sdp}").encode("latin1")
