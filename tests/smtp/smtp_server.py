"""aiosmtpd with STARTTLS and/or implicit TLS and a required login, for the TLS/AUTH tests (the aiosmtpd
command line cannot require a login). Same storage handler as the plain sink (smtp_sink.Handler).

  smtp_server.py --port P [--starttls CERT KEY] [--smtps CERT KEY] [--login USER PASSWORD]
"""
import argparse
import signal
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from smtp_sink import Handler

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
parser.add_argument("--smtps", nargs=2, metavar=("CERT", "KEY"))
parser.add_argument("--login", nargs=2, metavar=("USER", "PASSWORD"))
args = parser.parse_args()


def context(pair):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(pair[0], pair[1])
    return ctx


class Authenticator:
    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and args.login
              and auth_data.login.decode() == args.login[0] and auth_data.password.decode() == args.login[1])
        return AuthResult(success=bool(ok), handled=False)


kwargs = {}
if args.starttls:
    kwargs.update(tls_context=context(args.starttls), require_starttls=True)
if args.login:
    kwargs.update(authenticator=Authenticator(), auth_required=True, auth_require_tls=bool(args.starttls or args.smtps))
controller = Controller(Handler(), hostname="127.0.0.1", port=args.port,
                        ssl_context=context(args.smtps) if args.smtps else None, **kwargs)
controller.start()
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *a: stop.set())
signal.signal(signal.SIGINT, lambda *a: stop.set())
stop.wait()
controller.stop()
