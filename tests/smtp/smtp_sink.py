"""aiosmtpd handler for the Hotline Desk tests: stores each accepted message as a file.

Run:  PYTHONPATH=<this dir> SMTP_SINK_DIR=<dir> /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.Handler

Environment / control files in SMTP_SINK_DIR:
  SMTP_SINK_REJECT=a@x,b@y   recipients answered with 550 (permanent failure)
  <dir>/delay-rcpt           if present: RCPT waits SMTP_SINK_DELAY seconds (touches <dir>/in-rcpt first)
  <dir>/delay-data           if present: the message is stored, then the 250 reply to DATA waits
                             SMTP_SINK_DELAY seconds (touches <dir>/in-data first)
Stored messages: <dir>/mail/<n>.eml (written atomically), envelope in <n>.env (from, then recipients).
"""
import asyncio
import os
import pathlib
import time


class Handler:
    def __init__(self):
        self.dir = pathlib.Path(os.environ["SMTP_SINK_DIR"])
        (self.dir / "mail").mkdir(parents=True, exist_ok=True)
        self.reject = {a.strip().lower() for a in os.environ.get("SMTP_SINK_REJECT", "").split(",") if a.strip()}
        self.delay = float(os.environ.get("SMTP_SINK_DELAY", "30"))

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if (self.dir / "delay-rcpt").exists():
            (self.dir / "in-rcpt").touch()
            await asyncio.sleep(self.delay)
        if address.lower() in self.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = "%d" % time.time_ns()
        tmp = self.dir / "mail" / (name + ".tmp")
        tmp.write_bytes(envelope.original_content or envelope.content)
        (self.dir / "mail" / (name + ".env")).write_text("\n".join([envelope.mail_from] + envelope.rcpt_tos))
        tmp.rename(self.dir / "mail" / (name + ".eml"))
        if (self.dir / "delay-data").exists():
            (self.dir / "in-data").touch()
            await asyncio.sleep(self.delay)
        return "250 2.0.0 Ok: queued as %s" % name
