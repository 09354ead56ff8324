"""Real SMTP servers on 127.0.0.1 for the delivery tests, started and stopped per test.

aiosmtpd serves STARTTLS (or implicit TLS) with a self-signed certificate made at run
time by the `openssl` command, and AUTH LOGIN/PLAIN against one user. `Mailbox`
records every accepted message and can be told to refuse, delay or fail on purpose.
Import the fixtures into a test module with `from tests.smtp_fixtures import *`.
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import ssl
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

__all__ = ["Mailbox", "Received", "certificate", "smtp_server", "closed_port",
           "silent_port", "SMTP_USER", "SMTP_PASSWORD"]

SMTP_USER = "alice"
SMTP_PASSWORD = "s3cret-Pa55-word"


@dataclass
class Received:
    """One message the server accepted, with what the session looked like."""

    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    tls: bool
    authenticated: bool


@dataclass
class Mailbox:
    """An aiosmtpd handler that records messages and misbehaves on request.

    refuse: addresses answered 550 at RCPT. greylist: address → how many RCPTs to
    answer 451 before accepting. fail_data_after: accept this many messages, then
    answer every DATA with `fail_data_reply`. stall_data: seconds to wait before
    answering DATA (to provoke a client timeout after the whole message went out).
    """

    refuse: set[str] = field(default_factory=set)
    greylist: dict[str, int] = field(default_factory=dict)
    fail_data_after: int | None = None
    fail_data_reply: str = "451 4.3.0 queue full, try later"
    stall_data: float = 0.0
    messages: list[Received] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        """Refuse, greylist or accept one recipient."""
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        if self.greylist.get(address, 0) > 0:
            self.greylist[address] -= 1
            return "451 4.7.1 greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        """Record the message, or fail as configured."""
        if self.stall_data:
            await asyncio.sleep(self.stall_data)
        if self.fail_data_after is not None and len(self.messages) >= self.fail_data_after:
            return self.fail_data_reply
        self.messages.append(Received(
            envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content,
            # session.ssl is only filled after STARTTLS, not for implicit TLS.
            bool(session.ssl or server.transport.get_extra_info("ssl_object")),
            bool(session.authenticated)))
        return "250 2.0.0 Message accepted"

    def to(self, address: str) -> list[Received]:
        """The messages that reached `address`."""
        return [m for m in self.messages if address in m.rcpt_tos]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    """(cert, key): a self-signed certificate for 127.0.0.1 and localhost."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
         "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", str(key), "-out",
         str(cert), "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True, timeout=30)
    return cert, key


def _authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = (isinstance(auth_data, LoginPassword)
          and auth_data.login == SMTP_USER.encode()
          and auth_data.password == SMTP_PASSWORD.encode())
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def smtp_server(certificate):
    """Factory: `smtp_server(mailbox, tls="starttls"|"ssl"|"none", auth=True)` → port.

    With tls="starttls" the server requires STARTTLS before anything else; with auth
    it requires LOGIN/PLAIN (only over TLS). Every server is stopped after the test.
    """
    started: list[Controller] = []

    def start(mailbox: Mailbox, tls: str = "starttls", auth: bool = True) -> int:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*certificate)
        options = {}
        if tls == "starttls":
            options.update(tls_context=context, require_starttls=True)
        elif tls == "ssl":
            options.update(ssl_context=context)
        if auth:
            # aiosmtpd only counts STARTTLS as TLS here; implicit TLS is TLS too.
            options.update(authenticator=_authenticate, auth_required=True,
                           auth_require_tls=tls == "starttls")
        port = _free_port()
        # server_hostname avoids socket.getfqdn(), which can wait on DNS.
        controller = Controller(mailbox, hostname="127.0.0.1", port=port,
                                server_hostname="localhost", ready_timeout=10, **options)
        controller.start()
        started.append(controller)
        return port

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 that nobody listens on: connecting is refused."""
    return _free_port()


@pytest.fixture
def silent_port():
    """A port that accepts connections (the kernel does) and never says a word."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]
