#!/usr/bin/python3
"""Which SIP stack from Debian holds up best under hostile input? Feeds the same corpus (tests/cti/sipcorpus.py:
tests/cti/sipfuzz.py's exploration plus the issue's known crashers and RFC 4475-style cases) to

  liblinphone-alone   hotline-cti listen --answer with the engine's input guard off (HOTLINE_SIP_INPUT_GUARD=off)
  liblinphone+guard   hotline-cti listen --answer as shipped (supervised engine with the input guard)
  libre               bench/harness_libre (libre 1.1, baresip's stack; sipsess + SDP offer/answer)
  sofia-sip           bench/harness_sofia (sofia-sip 1.12.11; NUA + SOA offer/answer)

Each case runs against a fresh process of the target listening on a free UDP port; then:
  crash   the harness process died (signal), or the supervised engine crashed (restarted by the supervisor);
  hang    a valid INVITE from the same socket and an OPTIONS from a fresh one both get no SIP response within 2 s
          each, or the supervised engine stopped answering its heartbeat (killed and restarted by the supervisor);
  deaf    the process answers the fresh sender's OPTIONS but not the valid INVITE from the same socket;
  call    a real call from baresip (baresip-core, ctrl_tcp) is answered afterwards (CALL_ESTABLISHED within 4 s).

    /usr/bin/python3 bench/sipstacks/compare_sip_stacks.py --build build [--targets libre,sofia-sip] [CASE ...]

Prints one line per case and target, then the comparison table. Exit 0 when it ran (a comparison, not a test).
"""
import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tests", "cti"))
import sipcorpus  # noqa: E402

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument("--build", default="build", help="the CMake build folder")
ap.add_argument("--targets", default="liblinphone-alone,liblinphone+guard,libre,sofia-sip")
ap.add_argument("cases", nargs="*", help="only these cases")
args = ap.parse_args()


def free_port(kind=socket.SOCK_DGRAM):
    s = socket.socket(socket.AF_INET, kind)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def udp_bound(port):
    with open("/proc/net/udp") as f:
        return any(line.split()[1].endswith(":%04X" % port) for line in f.readlines()[1:])


class Baresip:
    """One baresip for all real calls, driven over ctrl_tcp (netstring JSON)."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="cmpsip-baresip-")
        self.ctrl_port = free_port(socket.SOCK_STREAM)
        with open(os.path.join(self.dir, "config"), "w") as f:
            f.write("poll_method epoll\nsip_listen 127.0.0.1:0\naudio_player aufile,/dev/null\n"
                    "audio_source ausine,440\naudio_alert aufile,/dev/null\nausrc_srate 48000\nauplay_srate 48000\n"
                    "ausrc_channels 2\nauplay_channels 2\nrtp_ports 20000-40000\n"
                    "module_path /usr/lib/baresip/modules\nmodule g711.so\nmodule aufile.so\nmodule ausine.so\n"
                    "module_app account.so\nmodule_app menu.so\nmodule_app ctrl_tcp.so\n"
                    f"ctrl_tcp_listen 127.0.0.1:{self.ctrl_port}\n")
        with open(os.path.join(self.dir, "accounts"), "w") as f:
            f.write("<sip:+4934112345@127.0.0.1>;regint=0\n")
        self.proc = subprocess.Popen(["baresip", "-f", self.dir], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        t0 = time.time()
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", self.ctrl_port), timeout=0.2)
                break
            except OSError:
                if time.time() - t0 > 5:
                    raise RuntimeError("baresip did not start")
                time.sleep(0.05)
        self.sock.settimeout(0.05)
        self.buf = b""
        self.token = 0

    def command(self, command, params=""):
        self.token += 1
        body = json.dumps({"command": command, "params": params, "token": str(self.token)}).encode()
        self.sock.sendall(str(len(body)).encode() + b":" + body + b",")

    def events(self, timeout):
        t0 = time.time()
        while time.time() - t0 < timeout:
            try:
                data = self.sock.recv(65536)
                if not data:
                    return
                self.buf += data
            except socket.timeout:
                pass
            while b":" in self.buf:
                length, rest = self.buf.split(b":", 1)
                if not length.isdigit() or len(rest) < int(length) + 1:
                    break
                msg, self.buf = rest[:int(length)], rest[int(length) + 1:]
                try:
                    o = json.loads(msg)
                except ValueError:
                    continue
                if o.get("event"):
                    yield o

    def call(self, port):
        """True when a call to the target is answered."""
        list(self.events(0.05))  # drop stale events
        self.command("dial", f"sip:agent@127.0.0.1:{port}")
        ok = False
        for e in self.events(4.0):
            if e.get("type") == "CALL_ESTABLISHED":
                ok = True
                break
            if e.get("type") == "CALL_CLOSED":
                break
        self.command("hangup")
        for e in self.events(1.0):
            if e.get("type") == "CALL_CLOSED":
                break
        return ok

    def close(self):
        try:
            self.command("quit")
            self.proc.wait(2)
        except Exception:
            self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def answers_fresh_sender(port):
    """True when an OPTIONS from a socket the target has never seen gets a SIP response within 2 s."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    s.settimeout(0.05)
    fp = s.getsockname()[1]
    s.sendto((f"OPTIONS sip:agent@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{fp};branch=z9hG4bKo{fp}\r\n"
              f"Max-Forwards: 70\r\nFrom: <sip:check@127.0.0.1>;tag=o{fp}\r\nTo: <sip:agent@127.0.0.1>\r\n"
              f"Call-ID: options-{fp}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").encode(), ("127.0.0.1", port))
    t0 = time.time()
    try:
        while time.time() - t0 < 2.0:
            try:
                if s.recv(70000).startswith(b"SIP/2.0 "):
                    return True
            except socket.timeout:
                pass
        return False
    finally:
        s.close()


class Target:
    def __init__(self, name, argv, env=None, supervised=False):
        self.name, self.argv, self.env, self.supervised = name, argv, env, supervised

    def start(self, port):
        self.log = tempfile.TemporaryFile()
        env = dict(os.environ)
        env.update(self.env or {})
        argv = [a.replace("@PORT@", str(port)) for a in self.argv]
        self.proc = subprocess.Popen(argv, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     env=env, start_new_session=True)
        t0 = time.time()
        while time.time() - t0 < 15:
            if self.proc.poll() is not None:
                return False
            if self.ready():
                return True
            time.sleep(0.02)
        return False

    def output(self):
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def ready(self):
        if self.supervised:
            return "engine_started" in self.output()
        return "listening" in self.output()

    def crashed(self):
        if self.supervised:
            out = self.output()
            return "engine_restarted" in out or "engine_failed" in out or self.proc.poll() is not None
        return self.proc.poll() is not None

    def crash_detail(self):
        if not self.supervised and self.proc.returncode is not None and self.proc.returncode < 0:
            return signal.Signals(-self.proc.returncode).name
        if self.supervised:
            # hotline-cti logs why the supervisor restarted the engine ("SIP engine failure: engine crashed",
            # "... no heartbeat ...").
            out = self.output()
            at = out.find("SIP engine failure:")
            return out[at + 20:].split("\n")[0].strip()[:40] if at >= 0 else "restart"
        return "exit %s" % self.proc.returncode

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(3)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()


build = os.path.abspath(args.build)
cti = os.path.join(build, "cti", "hotline-cti")
available = {
    "liblinphone-alone": Target("liblinphone-alone", [cti, "listen", "--sip-port", "@PORT@", "--json", "--answer"],
                                {"HOTLINE_SIP_INPUT_GUARD": "off"}, supervised=True),
    "liblinphone+guard": Target("liblinphone+guard", [cti, "listen", "--sip-port", "@PORT@", "--json", "--answer"],
                                supervised=True),
    "libre": Target("libre", [os.path.join(build, "bench", "harness_libre"), "@PORT@"]),
    "sofia-sip": Target("sofia-sip", [os.path.join(build, "bench", "harness_sofia"), "@PORT@"]),
}
targets = []
for name in args.targets.split(","):
    t = available[name]
    if not os.access(t.argv[0], os.X_OK):
        print(f"{name}: {t.argv[0]} not built, skipped", flush=True)
        continue
    targets.append(t)

signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # run the cleanup below (targets live in own sessions)
baresip = Baresip()
results = {t.name: {"crash": [], "hang": [], "deaf": [], "nocall": [], "cases": 0} for t in targets}
try:
    for t in targets:
        # A real call to a fresh target first: the harness works at all.
        port = free_port()
        if not t.start(port):
            print(f"{t.name}: did not start: {t.output()[-300:]}", flush=True)
            t.stop()
            continue
        print(f"{t.name}: real call before any hostile input: {'ok' if baresip.call(port) else 'FAILED'}", flush=True)
        t.stop()
        corpus_names = list(sipcorpus.build(5060, 5999).keys())
        for i, name in enumerate(corpus_names):
            if args.cases and name not in args.cases:
                continue
            port = free_port()
            if not t.start(port):
                print(f"{t.name:18} {name:36} target did not start", flush=True)
                t.stop()
                continue
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind(("127.0.0.1", 0))
            s.settimeout(0.05)
            for data in sipcorpus.build(port, s.getsockname()[1])[name]:
                s.sendto(data, ("127.0.0.1", port))
            time.sleep(0.5)
            replies = []
            try:
                while True:
                    replies.append(s.recv(70000).split(b"\r\n")[0].decode("latin1"))
            except OSError:
                pass
            crashed = t.crashed()
            detail = t.crash_detail() if crashed else ""
            s.sendto(sipcorpus.probe(port, s.getsockname()[1], i), ("127.0.0.1", port))
            heard = False
            t0 = time.time()
            while time.time() - t0 < 2.0 and not heard:
                try:
                    heard = s.recv(70000).startswith(b"SIP/2.0 ")
                except OSError:
                    pass
            s.close()
            # Unanswered: deaf to that sender only, or hung? A fresh sender's OPTIONS tells.
            fresh_heard = heard or answers_fresh_sender(port)
            call = baresip.call(port)
            if not crashed and t.crashed():  # a crash that came later (while probing or calling) counts too
                crashed, detail = True, t.crash_detail() + " (late)"
            # The supervisor kills an engine that stops answering its heartbeat: that is a hang, not a crash.
            hung = (crashed and "stopped answering" in detail) or (not crashed and not fresh_heard)
            if hung:
                crashed = False
            if (crashed or hung) and os.environ.get("COMPARE_SIP_STACKS_DEBUG"):
                print(t.output()[-3000:], flush=True)
            r = results[t.name]
            r["cases"] += 1
            if crashed:
                r["crash"].append(name + (" (late)" if "late" in detail else ""))
            elif hung:
                r["hang"].append(name)
            elif not heard:
                r["deaf"].append(name)
            if not call:
                r["nocall"].append(name)
            state = "CRASH " + detail if crashed else "HANG " + detail if hung else "alive"
            print(f"{t.name:18} {name:36} {state:14} "
                  f"probe={'ok' if heard else 'DEAF':4} call={'ok' if call else 'FAILED':6} "
                  f"replies={','.join(replies)[:50]}", flush=True)
            t.stop()
finally:
    for t in targets:
        if getattr(t, "proc", None) and t.proc.poll() is None:
            os.killpg(t.proc.pid, signal.SIGKILL)
    baresip.close()

print("\n| stack | cases | crashes | hangs | deaf to the sender | real call fails afterwards |")
print("| --- | --- | --- | --- | --- | --- |")
for t in targets:
    r = results[t.name]
    print(f"| {t.name} | {r['cases']} | {len(r['crash'])} | {len(r['hang'])} | {len(r['deaf'])} | {len(r['nocall'])} |")
for t in targets:
    r = results[t.name]
    print(f"\n{t.name}: crash: {', '.join(r['crash']) or '-'}\n  hang: {', '.join(r['hang']) or '-'}\n"
          f"  deaf: {', '.join(r['deaf']) or '-'}\n  call fails: {', '.join(r['nocall']) or '-'}")
