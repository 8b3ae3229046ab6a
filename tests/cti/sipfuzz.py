#!/usr/bin/python3
"""Throws hostile and odd SIP datagrams at a listening desk and checks after each that the same sender is still
heard (a probe INVITE gets a provisional or final answer). Exploration tool behind the table in
docs/telephony.md; the crashing/deafening cases are also in tests/cti/test_cti_sip.cpp. The inputs are in
sipcorpus.py (shared with bench/sipstacks/compare_sip_stacks.py).

    build/cti/hotline-cti listen --sip-port 5096 --json --answer --hangup-after 200 > /tmp/listen.jsonl &
    /usr/bin/python3 tests/cti/sipfuzz.py --port 5096 --listen-log /tmp/listen.jsonl [CASE ...]

Prints one line per case: the replies to it, whether the probe was answered, engine restarts so far.
"""
import argparse
import os
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sipcorpus  # noqa: E402  (the corpus is shared with bench/sipstacks/compare_sip_stacks.py)

cases = sipcorpus.build(port, args.from_port)


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
for i, (name, datagrams) in enumerate(cases.items()):
    if args.cases and name not in args.cases:
        continue
    for data in datagrams:
        s.sendto(data, ("127.0.0.1", port))
    time.sleep(0.6)
    replies = drain()
    time.sleep(0.4)
    s.sendto(sipcorpus.probe(port, args.from_port, i), ("127.0.0.1", port))
    ok = False
    t0 = time.time()
    while time.time() - t0 < 2.0 and not ok:
        ok = any(line.startswith("SIP/2.0 ") for line in drain())
    deaf += 0 if ok else 1
    print("%-26s probe=%-4s restarts=%-3d replies=%s" % (name, "ok" if ok else "DEAF", restarts(), ",".join(replies)[:60]),
          flush=True)
sys.exit(1 if deaf else 0)
