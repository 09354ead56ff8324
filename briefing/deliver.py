"""Delivery: email a built brief to its audience, once per recipient, resumably.

`send_brief` reads the PDF and the `.json` the build wrote beside it, finds the
recipients (`--to`, else `recipients:` in the audience's `audience.yaml`), reads the
SMTP settings (BRIEFING_SMTP_* over an optional config file outside the repository),
and sends one message per recipient over one connection. Every delivery is written to
a ledger beside the PDF (`BRIEF.pdf.sent.json`, keyed by the PDF's sha256 and the
recipient) before the next one starts, so re-running after a failure skips whoever
already has this very PDF. Every failure is one DeliveryError line.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import time
from datetime import datetime, timezone
from email.headerregistry import Address
from pathlib import Path
from typing import Callable, Iterator, Mapping

import briefing
from briefing import mail
from briefing.errors import BriefingError, DeliveryError
from briefing.yamlload import load_yaml, mark_of

BUNDLED_TEMPLATES = Path(briefing.__file__).resolve().parent.parent / "templates"
PROJECT_ROOT = Path(briefing.__file__).resolve().parent.parent
TLS_MODES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
TRIES = 3  # per recipient; transient failures only
BACKOFF_BASE = 0.5  # seconds before try 2; doubled before each later try
FILE_KEYS = {"host": "HOST", "port": "PORT", "user": "USER", "password": "PASSWORD",
             "tls": "TLS", "from": "FROM", "timeout": "TIMEOUT", "cafile": "CAFILE"}
LOOPBACK = ("localhost", "127.0.0.1", "::1")
PLACEHOLDER_SENDER = "briefing@example.invalid"  # RFC 2606: can never be a real sender


# ------------------------------------------------------------------------ configuration

def _config_file(env: Mapping[str, str]) -> Path | None:
    if env.get("BRIEFING_SMTP_CONFIG"):
        path = Path(env["BRIEFING_SMTP_CONFIG"]).expanduser()
        if not path.is_file():
            raise DeliveryError(f"BRIEFING_SMTP_CONFIG: {path}: no such file")
        return path
    base = Path(env.get("XDG_CONFIG_HOME") or Path(env.get("HOME") or "~").expanduser()
                / ".config")
    path = base / "briefing" / "smtp.yaml"
    return path if path.is_file() else None


def _read_config_file(path: Path) -> dict[str, str]:
    try:
        data = load_yaml(path)
    except BriefingError as exc:
        raise DeliveryError(str(exc)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DeliveryError(f"{mark_of(data, default=path)}: expected a mapping of "
                            f"SMTP settings ({', '.join(FILE_KEYS)})")
    for key in data:
        if key not in FILE_KEYS:
            raise DeliveryError(f"{mark_of(data, key)}: unknown SMTP setting '{key}' "
                                f"(expected one of: {', '.join(FILE_KEYS)})")
    if data.get("password"):
        # A password in a file is only as safe as the file: keep it out of the
        # repository (where it would be committed) and away from other users.
        if path.resolve().is_relative_to(PROJECT_ROOT) and (PROJECT_ROOT / ".git").exists():
            raise DeliveryError(f"{path}: an SMTP password must not live inside the "
                                f"repository; move the file to ~/.config/briefing/smtp.yaml")
        if path.stat().st_mode & 0o077:
            raise DeliveryError(f"{path}: holds a password but other users can read it; "
                                f"run: chmod 600 {path}")
    return {FILE_KEYS[k]: str(v) for k, v in data.items() if v is not None}


def load_smtp_config(env: Mapping[str, str], *, need_server: bool = True) -> mail.SmtpConfig:
    """Settings from BRIEFING_SMTP_* over the config file; one clear error if unusable.

    A dry run needs no server: a missing host is then allowed and a missing sender
    becomes PLACEHOLDER_SENDER so the preview can still be written.
    """
    path = _config_file(env)
    settings = _read_config_file(path) if path else {}
    for name in FILE_KEYS.values():
        if env.get(f"BRIEFING_SMTP_{name}"):
            settings[name] = env[f"BRIEFING_SMTP_{name}"]
    origin = f" (nor in {path})" if path else ""

    def missing(name: str) -> DeliveryError:
        return DeliveryError(f"BRIEFING_SMTP_{name} is not set{origin}: "
                             f"it must name the SMTP {'server' if name == 'HOST' else 'sender'}")

    tls = settings.get("TLS", "starttls").strip().lower()
    if tls not in TLS_MODES:
        raise DeliveryError(f"BRIEFING_SMTP_TLS must be one of {', '.join(TLS_MODES)}, "
                            f"got {settings['TLS']!r}")
    host = settings.get("HOST", "").strip()
    if need_server and not host:
        raise missing("HOST")
    if "FROM" not in settings and need_server:
        raise missing("FROM")
    sender_text = settings.get("FROM", PLACEHOLDER_SENDER)
    sender = mail.parse_address(sender_text)
    if sender is None:
        raise DeliveryError(f"BRIEFING_SMTP_FROM is not an email address: {sender_text!r}")
    try:
        port = int(settings.get("PORT", DEFAULT_PORTS[tls]))
        if not 0 < port < 65536:
            raise ValueError
    except ValueError:
        raise DeliveryError(f"BRIEFING_SMTP_PORT must be a port number (1-65535), "
                            f"got {settings['PORT']!r}") from None
    try:
        timeout = float(settings.get("TIMEOUT", 20))
        if not 0 < timeout <= 600:
            raise ValueError
    except ValueError:
        raise DeliveryError(f"BRIEFING_SMTP_TIMEOUT must be seconds (above 0, at most 600), "
                            f"got {settings['TIMEOUT']!r}") from None
    user, password = settings.get("USER", ""), settings.get("PASSWORD", "")
    if user and not password:
        raise DeliveryError("BRIEFING_SMTP_USER is set but BRIEFING_SMTP_PASSWORD is not")
    if password and tls == "none" and host not in LOOPBACK:
        raise DeliveryError("BRIEFING_SMTP_TLS=none would send the password in clear to "
                            f"{host}; use starttls or ssl")
    return mail.SmtpConfig(host=host, port=port, sender=sender, tls=tls, user=user,
                           password=password, timeout=timeout, cafile=settings.get("CAFILE"))


# --------------------------------------------------------------------------- recipients

def resolve_recipients(audience: str, to: list[str],
                       templates_dir: Path | None) -> list[Address]:
    """`--to` if given, else the audience's `recipients:`; each address once.

    The audience must exist either way, so a misspelt `--audience` is caught.
    """
    searched = [d for d in (templates_dir, BUNDLED_TEMPLATES) if d is not None]
    if not audience or audience in (".", "..") or "/" in audience or "\\" in audience:
        raise DeliveryError(f"audience must be a folder name, got {audience!r}")
    folders = [d / audience for d in searched if (d / audience).is_dir()]
    if not folders:
        raise DeliveryError(f"unknown audience '{audience}': no folder '{audience}' in "
                            + ", ".join(str(d) for d in searched))
    if to:
        found = []
        for text in to:
            address = mail.parse_address(text)
            if address is None:
                raise DeliveryError(f"--to {text!r}: not an email address")
            found.append(address)
        return _unique(found)
    yaml_files = [f / "audience.yaml" for f in folders if (f / "audience.yaml").is_file()]
    if not yaml_files:
        raise DeliveryError(f"no recipients: no audience.yaml in "
                            f"{', '.join(str(f) for f in folders)} and no --to given")
    path = yaml_files[0]
    try:
        data = load_yaml(path)
    except BriefingError as exc:
        raise DeliveryError(str(exc)) from None
    listed = data.get("recipients") if isinstance(data, dict) else None
    if not listed:
        raise DeliveryError(f"no recipients: {path} has no 'recipients:' list "
                            f"and no --to given")
    if not isinstance(listed, list):
        raise DeliveryError(f"{mark_of(data, 'recipients')}: 'recipients' must be a list "
                            f"of email addresses")
    found = []
    for index, text in enumerate(listed):
        address = mail.parse_address(text)
        if address is None:
            raise DeliveryError(f"{mark_of(listed, index, default=path)}: recipient "
                                f"{text!r} is not an email address")
        found.append(address)
    return _unique(found)


def _key(address: Address) -> str:
    # Case-folded so that "Ann@X" and "ann@x" count as one person: at worst someone
    # misses a duplicate copy, never receives one.
    return address.addr_spec.lower()


def _unique(addresses: list[Address]) -> list[Address]:
    return list({_key(a): a for a in reversed(addresses)}.values())[::-1]


# ------------------------------------------------------------------------------- ledger

class Ledger:
    """Who already has which PDF: `{sha256: {recipient: {"at", "message_id", ...}}}`.

    Saved (atomically) after every delivery, so a crash loses at most the one
    message in flight.
    """

    def __init__(self, path: Path, sha256: str):
        self.path, self.sha256 = path, sha256
        try:
            self.data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
            if not isinstance(self.data, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as exc:
            # Never start afresh over a damaged ledger: that would resend to everyone.
            raise DeliveryError(f"{path}: unreadable delivery ledger ({exc}); fix or "
                                f"remove it (removing it resends to everyone)") from None

    def entry(self, address: Address) -> dict | None:
        """What was recorded for this recipient and this PDF, if anything."""
        return self.data.get(self.sha256, {}).get(_key(address))

    def record(self, address: Address, **facts: str) -> None:
        """Note an outcome for this recipient and save the ledger at once."""
        self.data.setdefault(self.sha256, {})[_key(address)] = facts
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(self.data, indent=1, sort_keys=True) + "\n",
                       encoding="utf-8")
        os.replace(tmp, self.path)


# ---------------------------------------------------------------------------- the brief

def read_brief(pdf_path: Path) -> tuple[bytes, mail.BriefSummary]:
    """The PDF's bytes and the summary of the `.json` the build wrote beside it."""
    try:
        pdf = pdf_path.read_bytes()
    except OSError as exc:
        raise DeliveryError(f"{pdf_path}: cannot read ({exc.strerror})") from None
    if not pdf.startswith(b"%PDF-"):
        raise DeliveryError(f"{pdf_path}: not a PDF file")
    json_path = pdf_path.with_suffix(".json")
    try:
        brief = json.loads(json_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DeliveryError(f"{json_path}: not found; send needs the .json that "
                            f"'briefing build' writes beside the PDF") from None
    except (OSError, ValueError) as exc:
        raise DeliveryError(f"{json_path}: cannot read as JSON ({exc})") from None
    if not (isinstance(brief, dict) and isinstance(brief.get("title"), str)
            and brief["title"].strip() and isinstance(brief.get("as_of"), str)):
        raise DeliveryError(f"{json_path}: expected a brief with 'title' and 'as_of'")
    try:
        datetime.strptime(brief["as_of"], "%Y-%m-%d")
    except ValueError:
        raise DeliveryError(f"{json_path}: 'as_of' must be YYYY-MM-DD, "
                            f"got {brief['as_of']!r}") from None
    return pdf, mail.summarise(brief)


# ------------------------------------------------------------------------- the sending

def _sleep(seconds: float) -> None:
    # Looked up at call time so tests can make backoff instant.
    time.sleep(seconds)


def _now(env: Mapping[str, str], dry_run: bool) -> tuple[datetime, bool]:
    """The Date header, and whether the message should be byte-reproducible."""
    epoch = env.get("SOURCE_DATE_EPOCH")
    if dry_run and epoch:
        try:
            return datetime.fromtimestamp(int(epoch), timezone.utc), True
        except (ValueError, OverflowError):
            raise DeliveryError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, "
                                f"got {epoch!r}") from None
    return datetime.now(timezone.utc).astimezone(), False


def send_brief(pdf_path: Path, audience: str, to: list[str], *, dry_run: bool = False,
               templates_dir: Path | None = None, env: Mapping[str, str] | None = None,
               sleep: Callable[[float], None] | None = None) -> Iterator[str]:
    """Email the brief at `pdf_path`; yield progress lines; raise DeliveryError on failure.

    One message per recipient, so one refused address does not stop the others and
    the ledger knows exactly who has it. Transient failures (4xx, dropped connections,
    timeouts) are retried with backoff; a message sent without an answer is never
    retried, since it may have arrived. `env` and `sleep` are for tests.
    """
    env = os.environ if env is None else env
    sleep = sleep or _sleep
    pdf, summary = read_brief(pdf_path)
    recipients = resolve_recipients(audience, to, templates_dir)
    config = load_smtp_config(env, need_server=not dry_run)
    sha256 = hashlib.sha256(pdf).hexdigest()
    date, reproducible = _now(env, dry_run)
    if dry_run and str(config.sender) == PLACEHOLDER_SENDER:
        yield f"note: BRIEFING_SMTP_FROM is not set; the preview is from {PLACEHOLDER_SENDER}"
    if summary.audience and summary.audience != audience:
        yield f"note: {pdf_path} was built for audience '{summary.audience}'"

    def message_for(recipient: Address):
        return mail.compose(summary, pdf, sender=config.sender, recipient=recipient,
                            date=date, reproducible=reproducible)

    ledger_path = pdf_path.with_name(pdf_path.name + ".sent.json")
    if dry_run:
        yield from _dry_run(pdf_path, ledger_path, sha256, recipients, message_for)
        return
    with _exclusive(pdf_path):
        ledger = Ledger(ledger_path, sha256)
        yield (f"sending {pdf_path} (sha256 {sha256[:12]}) to {len(recipients)} "
               f"recipient(s) via {config.where} ({config.tls}) as {config.sender}")
        yield from _deliver_all(config, ledger, recipients, message_for, sleep)


def _dry_run(pdf_path, ledger_path, sha256, recipients, message_for) -> Iterator[str]:
    ledger = Ledger(ledger_path, sha256)
    pending = [r for r in recipients if ledger.entry(r) is None]
    for r in recipients:
        if ledger.entry(r) is not None:
            yield f"would skip {r.addr_spec}: already has this PDF ({ledger_path})"
    # The messages differ only in To and Message-ID, so one file shows them all.
    msg = message_for((pending or recipients)[0])
    eml = pdf_path.parent / (Path(msg.get_payload()[-1].get_filename()).stem + ".eml")
    tmp = eml.with_name(eml.name + ".tmp")
    tmp.write_bytes(mail.as_bytes(msg))
    os.replace(tmp, eml)
    names = ", ".join(r.addr_spec for r in pending) or "nobody (all have it)"
    yield f"dry run: wrote {eml}; nothing sent; would send to {names}"


class _exclusive:
    """Holds an advisory lock on the PDF so two sends of it cannot interleave."""

    def __init__(self, pdf_path: Path):
        self.pdf_path = pdf_path

    def __enter__(self):
        self.handle = open(self.pdf_path, "rb")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.close()
            raise DeliveryError(f"{self.pdf_path}: another 'briefing send' of this "
                                f"PDF is running") from None
        return self

    def __exit__(self, *exc):
        self.handle.close()  # closing releases the lock


def _deliver_all(config, ledger, recipients, message_for, sleep) -> Iterator[str]:
    connection = mail.SmtpConnection(config)
    failed: list[str] = []
    delivered = skipped = 0
    try:
        for recipient in recipients:
            rcpt = recipient.addr_spec
            previous = ledger.entry(recipient)
            if previous is not None:
                skipped += 1
                yield (f"skipped {rcpt}: {previous.get('status', 'delivered')} "
                       f"{previous.get('at', '')} per {ledger.path}")
                continue
            msg = message_for(recipient)
            payload = mail.as_bytes(msg)
            for attempt in range(1, TRIES + 1):
                try:
                    reply = mail.transmit(connection.open(),
                                          config.sender.addr_spec, rcpt, payload)
                except mail.UnknownOutcome:
                    connection.close()
                    ledger.record(recipient, status="unconfirmed", at=_stamp(),
                                  message_id=msg["Message-ID"])
                    failed.append(f"{rcpt} (no answer after the message was sent; it "
                                  f"may have arrived, so re-runs skip it unless its "
                                  f"entry is removed from {ledger.path})")
                    break
                except Exception as exc:  # noqa: BLE001 - sorted by _diagnose
                    connection.close()
                    text, transient, whole_batch = mail.diagnose(exc, config)
                    text = _redact(text, config)
                    if transient and attempt < TRIES:
                        delay = BACKOFF_BASE * 2 ** (attempt - 1)
                        yield f"retrying {rcpt} in {delay:g} s: {text}"
                        sleep(delay)
                        continue
                    if transient:
                        text += f" ({TRIES} tries)"
                    if whole_batch:
                        raise DeliveryError(text + _progress(delivered, skipped,
                                                             recipients)) from None
                    failed.append(f"{rcpt} ({text})")
                    yield f"not delivered to {rcpt}: {text}"
                    break
                else:
                    ledger.record(recipient, status="delivered", at=_stamp(),
                                  message_id=msg["Message-ID"], reply=reply)
                    delivered += 1
                    yield f"delivered to {rcpt}"
                    break
    finally:
        connection.close()
    if failed:
        raise DeliveryError("not delivered to " + "; ".join(failed)
                            + _progress(delivered, skipped, recipients))
    yield (f"done: {delivered} sent, {skipped} already had it; ledger {ledger.path}")


def _progress(delivered: int, skipped: int, recipients: list) -> str:
    have = delivered + skipped
    if not have:
        return ""
    return (f"; {have} of {len(recipients)} recipients have it "
            f"(re-running skips them)")


def _stamp() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _redact(text: str, config: mail.SmtpConfig) -> str:
    # Servers may echo what they were sent; the password must never reach a log line.
    return text.replace(config.password, "***") if config.password else text
