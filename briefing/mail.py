"""Email itself: the brief as a MIME message, and one SMTP transaction per recipient.

This module speaks `email` and `smtplib` and knows nothing of audiences, ledgers or
configuration files; `briefing.deliver` decides who gets what and when.

The message is multipart/mixed: a short plain-text part and its HTML alternative
(the first item of every section, then every open question, then the sources those
lines cite), and the PDF itself as an attachment.
"""

from __future__ import annotations

import hashlib
import html
import re
import smtplib
import socket
import ssl
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime, getaddresses, make_msgid

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

OPEN_QUESTIONS = "Open Questions"
SAFE_URL_SCHEMES = ("http:", "https:", "mailto:")


# --------------------------------------------------------------------------- the brief

@dataclass(frozen=True)
class BriefSummary:
    """What the email says about a brief: read from the `.json` the build writes.

    `lines` are (section name, Markdown text, citation numbers) in the order they are
    shown; `sources` maps a cited number to (title, outlet, url).
    """

    title: str
    as_of: str
    audience: str
    dates_inferred: bool
    lines: tuple[tuple[str, str, tuple[int, ...]], ...]
    sources: tuple[tuple[int, str, str, str], ...]


def summarise(brief: dict) -> BriefSummary:
    """Pick the lines worth an email from the brief's JSON: headlines and open questions.

    The caller has checked `title` and `as_of`; everything else is read leniently,
    because a brief with an empty section is still worth sending.
    """
    lines: list[tuple[str, str, tuple[int, ...]]] = []
    for section in brief.get("sections") or []:
        name = str(section.get("name", ""))
        items = [i for i in section.get("items") or [] if str(i.get("text", "")).strip()]
        # Open questions are what the reader must act on, so all of them go in;
        # of every other section only the headline (its first item).
        for item in items if name == OPEN_QUESTIONS else items[:1]:
            cites = tuple(int(n) for n in item.get("citations") or [] if isinstance(n, int))
            lines.append((name, str(item["text"]).strip(), cites))
    cited = {n for _, _, cites in lines for n in cites}
    sources = tuple(
        (int(s["number"]), str(s.get("title") or ""), str(s.get("outlet") or ""),
         str(s.get("url") or ""))
        for s in brief.get("sources") or []
        if isinstance(s.get("number"), int) and s["number"] in cited)
    return BriefSummary(
        title=one_line(str(brief["title"])), as_of=str(brief["as_of"]),
        audience=str(brief.get("audience") or ""),
        dates_inferred=bool(brief.get("dates_inferred")),
        lines=tuple(lines), sources=tuple(sorted(sources)))


def one_line(text: str) -> str:
    """Collapse all whitespace (newlines included) so text is safe in a header."""
    return " ".join(text.split())


def attachment_name(summary: BriefSummary) -> str:
    """A stable, meaningful file name: `brief-<slug of title>-<as_of>.pdf`."""
    ascii_title = unicodedata.normalize("NFKD", summary.title).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.decode().lower()).strip("-")
    slug = slug[:60].rstrip("-")
    return f"brief-{slug}-{summary.as_of}.pdf" if slug else f"brief-{summary.as_of}.pdf"


def subject(summary: BriefSummary) -> str:
    """The subject line: the brief's title and its as-of date."""
    return f"Brief: {summary.title} (as of {summary.as_of})"


# ------------------------------------------------------------------------------ bodies

def _cite_marks(cites: tuple[int, ...]) -> str:
    return f" [{', '.join(str(n) for n in cites)}]" if cites else ""


def plain_body(summary: BriefSummary, pdf_name: str) -> str:
    """The short plain-text part: item text without Markdown emphasis."""
    out = [summary.title, f"As of {summary.as_of}", ""]
    current = None
    for section, text, cites in summary.lines:
        if section != current:
            out += ([""] if current is not None else []) + [f"{section}:"]
            current = section
        plain = re.sub(r"\*\*(.+?)\*\*|\*(.+?)\*", lambda m: m.group(1) or m.group(2),
                       one_line(text))
        out.append(f"- {plain}{_cite_marks(cites)}")
    if summary.sources:
        out += ["", "Sources:"]
        for number, title, outlet, url in summary.sources:
            out.append("  ".join(filter(None, (f"[{number}]", title, outlet, url))))
    if summary.dates_inferred:
        out += ["", "Some publication dates were inferred from the articles' text."]
    out += ["", f"The full brief is attached ({pdf_name})."]
    return "\n".join(out) + "\n"


class _NoRawHtml(Extension):
    """Markdown without raw-HTML passthrough, remote images or script-like links.

    Item text comes from articles; an article must not be able to put markup, a
    tracking pixel or a `javascript:` link into a minister's inbox.
    """

    def extendMarkdown(self, md):  # noqa: N802 - markdown's hook name
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "briefing_safe_links", 1)


class _SafeLinks(Treeprocessor):
    """Drops hrefs with unsafe schemes and turns images into their alt text."""

    def run(self, root):  # noqa: D102 - markdown's hook
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    child.tag, child.text = "span", child.get("alt", "")
                    child.attrib.clear()
                elif child.tag == "a":
                    # Relative links mean nothing in a mailbox, so they go too.
                    if not child.get("href", "").strip().lower().startswith(
                            SAFE_URL_SCHEMES):
                        child.tag = "span"
                        child.attrib.clear()


def render_inline(text: str) -> str:
    """One item's Markdown as HTML, without the paragraph around a single line."""
    rendered = markdown.markdown(text, extensions=[_NoRawHtml()])
    match = re.fullmatch(r"<p>(.*)</p>", rendered, flags=re.S)
    return match.group(1) if match and "<p>" not in match.group(1) else rendered


def html_body(summary: BriefSummary, pdf_name: str) -> str:
    """The HTML part: the same lines as the plain part, every outside string escaped."""
    esc = html.escape
    out = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8">',
           f"<title>{esc(summary.title)}</title></head><body>",
           f"<h1>{esc(summary.title)}</h1>", f"<p>As of {esc(summary.as_of)}</p>"]
    current = None
    for section, text, cites in summary.lines:
        if section != current:
            out += (["</ul>"] if current is not None else []) + [
                f"<h2>{esc(section)}</h2>", "<ul>"]
            current = section
        marks = f"<sup>{esc(_cite_marks(cites).strip())}</sup>" if cites else ""
        out.append(f"<li>{render_inline(text)}{marks}</li>")
    if current is not None:
        out.append("</ul>")
    if summary.sources:
        out += ["<h2>Sources</h2>", "<ol>"]
        for number, title, outlet, url in summary.sources:
            label = esc(" — ".join(filter(None, (title, outlet))) or url)
            if url.lower().startswith(("http://", "https://")):
                label = f'<a href="{esc(url)}">{label}</a>'
            out.append(f'<li value="{number}">{label}</li>')
        out.append("</ol>")
    if summary.dates_inferred:
        out.append("<p><em>Some publication dates were inferred from the articles' "
                   "text.</em></p>")
    out += [f"<p>The full brief is attached ({esc(pdf_name)}).</p>", "</body></html>"]
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------- message

def parse_address(text: str) -> Address | None:
    """`text` as one mailbox (`a@b.example` or `Name <a@b.example>`), or None."""
    if not isinstance(text, str) or any(c in text for c in "\r\n\0"):
        return None
    found = getaddresses([text])
    if len(found) != 1:
        return None
    name, spec = found[0]
    local, at, domain = spec.rpartition("@")
    if not (local and at and domain) or re.search(r"[\s<>,;]", spec) or "." not in domain:
        return None
    try:
        return Address(display_name=name, username=local, domain=domain)
    except (ValueError, TypeError):
        return None


def compose(summary: BriefSummary, pdf: bytes, *, sender: Address, recipient: Address,
            date: datetime, reproducible: bool) -> EmailMessage:
    """The message one recipient gets.

    With `reproducible` the Message-ID and MIME boundaries derive from the content
    instead of the clock and a random source, so a dry run under SOURCE_DATE_EPOCH
    writes the same bytes every time.
    """
    pdf_name = attachment_name(summary)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = recipient
    msg["Subject"] = subject(summary)
    msg["Date"] = format_datetime(date)
    seed = hashlib.sha256(pdf + str(recipient).encode() + msg["Date"].encode()).hexdigest()
    msg["Message-ID"] = (f"<brief.{seed[:32]}@{sender.domain}>" if reproducible
                         else make_msgid("brief", domain=sender.domain))
    msg.set_content(plain_body(summary, pdf_name))
    msg.add_alternative(html_body(summary, pdf_name), subtype="html")
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=pdf_name)
    if reproducible:
        for number, part in enumerate(p for p in msg.walk() if p.is_multipart()):
            part.set_boundary(f"=_brief_{seed[32:56]}_{number}")
    return msg


def as_bytes(msg: EmailMessage) -> bytes:
    """The message on the wire: CRLF line ends, long header lines folded."""
    return msg.as_bytes(policy=SMTP_POLICY)


# -------------------------------------------------------------------------------- SMTP

@dataclass(frozen=True)
class SmtpConfig:
    """Where and how to send. The password is left out of repr and of every message."""

    host: str
    port: int
    sender: Address
    tls: str = "starttls"
    user: str = ""
    password: str = field(default="", repr=False)
    timeout: float = 20.0
    cafile: str | None = None

    @property
    def where(self) -> str:
        """`host:port`, for messages."""
        return f"{self.host}:{self.port}"


class SmtpReply(Exception):
    """The server answered a step of the transaction with an error code."""

    def __init__(self, step: str, code: int, text: str):
        super().__init__(f"{code} {text}")
        self.step, self.code, self.text = step, code, text

    @property
    def transient(self) -> bool:
        """4xx replies say "try again later"."""
        return 400 <= self.code < 500


class UnknownOutcome(Exception):
    """The whole message went out but no reply came: it may have been delivered.

    Retrying could send it twice, so the caller must not retry this one.
    """


def reply_text(resp: bytes | str) -> str:
    """A server reply as one line of text."""
    text = resp.decode("utf-8", "replace") if isinstance(resp, bytes) else str(resp)
    return one_line(text)


def transmit(conn: smtplib.SMTP, envelope_from: str, rcpt: str, payload: bytes) -> str:
    """Run MAIL, RCPT and DATA for one recipient; return the server's final reply.

    This is `smtplib.SMTP.sendmail` split at the one point that matters to us: a failure
    before the final dot can be retried safely, a silence after it cannot.
    """
    for step, (code, resp), ok in (("MAIL", conn.mail(envelope_from), (250,)),
                                   ("RCPT", conn.rcpt(rcpt), (250, 251)),
                                   ("DATA", conn.docmd("DATA"), (354,))):
        if code not in ok:
            _reset_quietly(conn)
            raise SmtpReply(step, code, reply_text(resp))
    body = re.sub(rb"(?m)^\.", b"..", payload)
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    conn.send(body + b".\r\n")
    try:
        code, resp = conn.getreply()
    except (OSError, smtplib.SMTPServerDisconnected) as exc:
        raise UnknownOutcome(str(exc) or type(exc).__name__) from None
    if code != 250:
        _reset_quietly(conn)
        raise SmtpReply("end of DATA", code, reply_text(resp))
    return f"{code} {reply_text(resp)}"


def _reset_quietly(conn: smtplib.SMTP) -> None:
    # RSET readies the connection for the next recipient; if it fails the connection
    # is dropped anyway by the caller's next error, so there is nothing to report.
    try:
        conn.rset()
    except (OSError, smtplib.SMTPException):
        pass


def tls_context(cafile: str | None) -> ssl.SSLContext:
    """A verifying TLS context; `cafile` adds a private CA (a company relay, the tests)."""
    return ssl.create_default_context(cafile=cafile)


class ServerFailure(Exception):
    """A failure of the connection as a whole (not of one recipient) found by us."""

    def __init__(self, message: str, transient: bool):
        super().__init__(message)
        self.transient = transient


class SmtpConnection:
    """One lazily opened, logged-in SMTP connection; reopened after a failure."""

    def __init__(self, config: SmtpConfig):
        self.config, self.smtp = config, None

    def open(self) -> smtplib.SMTP:
        """The live connection, connecting, securing and logging in if needed."""
        if self.smtp is None:
            self.smtp = self._connect()
        return self.smtp

    def _connect(self) -> smtplib.SMTP:
        c = self.config
        context = tls_context(c.cafile) if c.tls != "none" else None
        smtp = None
        try:
            if c.tls == "ssl":
                smtp = smtplib.SMTP_SSL(c.host, c.port, timeout=c.timeout, context=context)
            else:
                smtp = smtplib.SMTP(c.host, c.port, timeout=c.timeout)
            smtp.ehlo()
            if c.tls == "starttls":
                if not smtp.has_extn("starttls"):
                    raise ServerFailure(
                        f"SMTP server {c.where} does not offer STARTTLS, which "
                        f"BRIEFING_SMTP_TLS=starttls requires; nothing was sent", False)
                smtp.starttls(context=context)
                smtp.ehlo()
            if c.user:
                smtp.login(c.user, c.password)
            return smtp
        except BaseException:
            if smtp is not None:
                smtp.close()
            raise

    def close(self) -> None:
        """Say goodbye if the server still listens; forget the connection either way."""
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (OSError, smtplib.SMTPException):
                self.smtp.close()
            self.smtp = None


def diagnose(exc: BaseException, config: SmtpConfig) -> tuple[str, bool, bool]:
    """(message, transient, whole batch?) for a failure while sending."""
    where = config.where
    if isinstance(exc, ServerFailure):
        return str(exc), exc.transient, True
    if isinstance(exc, SmtpReply) and exc.step == "MAIL":
        # A refused sender concerns every recipient; RCPT and DATA only this one.
        return (f"SMTP server {where} refused the sender {config.sender.addr_spec} "
                f"({exc})", exc.transient, True)
    if isinstance(exc, SmtpReply):
        return str(exc), exc.transient, False
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return (f"SMTP server {where} rejected the login of {config.user!r} "
                f"({exc.smtp_code} {reply_text(exc.smtp_error)})", False, True)
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return f"SMTP server {where}: {exc}", False, True
    if isinstance(exc, smtplib.SMTPResponseException):
        return (f"SMTP server {where} answered {exc.smtp_code} "
                f"{reply_text(exc.smtp_error)}", 400 <= exc.smtp_code < 500, True)
    if isinstance(exc, ConnectionRefusedError):
        return f"cannot connect to SMTP server {where}: connection refused", False, True
    if isinstance(exc, socket.gaierror):
        return f"cannot find SMTP server {config.host}: {exc.strerror}", False, True
    if isinstance(exc, ssl.SSLCertVerificationError):
        return (f"SMTP server {where}: TLS certificate not trusted "
                f"({exc.verify_message}); set BRIEFING_SMTP_CAFILE to its CA "
                f"certificate", False, True)
    if isinstance(exc, ssl.SSLError):
        return f"SMTP server {where}: TLS failed ({exc.reason or exc})", False, True
    if isinstance(exc, TimeoutError) or isinstance(exc.__context__, TimeoutError):
        # smtplib reports a reply that timed out as SMTPServerDisconnected.
        return (f"SMTP server {where} did not answer within {config.timeout:g} s",
                True, True)
    if isinstance(exc, (smtplib.SMTPServerDisconnected, ConnectionError)):
        return f"SMTP server {where} closed the connection", True, True
    if isinstance(exc, OSError):
        return f"cannot talk to SMTP server {where}: {exc.strerror or exc}", False, True
    raise exc
