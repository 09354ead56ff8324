"""`briefing send`: email against real SMTP servers on 127.0.0.1, and every failure.

Each test builds its own tiny brief (a PDF-shaped file and its .json) and audience
folder; no test runs the build. Error messages are asserted as exact strings.
"""

from __future__ import annotations

import email
import json
import time
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import deliver, mail
from briefing.cli import main
from briefing.errors import DeliveryError

try:  # the tests folder is on sys.path in pytest's default import mode …
    from smtp_fixtures import (SMTP_PASSWORD, SMTP_USER, Mailbox, certificate,  # noqa: F401
                               closed_port, silent_port, smtp_server)
except ModuleNotFoundError:  # … and a package if someone adds tests/__init__.py
    from tests.smtp_fixtures import (SMTP_PASSWORD, SMTP_USER, Mailbox,  # noqa: F401
                                     certificate, closed_port, silent_port, smtp_server)

ALICE, BOB, CAROL = "alice@example.org", "bob@example.org", "carol@example.org"
SENDER = "Briefing Desk <briefs@desk.example.net>"
TITLE = "Ministers sign the Harbour Accord: 5 <b>key</b> points"
# Every byte value, a line that is a lone dot, and CRLFs: the attachment must survive.
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\r\n.\r\n..\n%%EOF\n"
ATTACHMENT = "brief-ministers-sign-the-harbour-accord-5-b-key-b-points-2025-12-04.pdf"

BRIEF = {
    "title": TITLE, "as_of": "2025-12-04", "audience": "desk", "dates_inferred": True,
    "sources": [
        {"number": 1, "id": "a", "title": "Accord signed", "outlet": "Daily",
         "url": "https://daily.example/a", "published": "2025-12-03",
         "published_how": "inferred"},
        {"number": 2, "id": "b", "title": "Next steps", "outlet": "Wire",
         "url": "javascript:alert(1)", "published": None, "published_how": "unknown"},
        {"number": 3, "id": "c", "title": "Uncited", "outlet": "Other",
         "url": "https://other.example", "published": None, "published_how": "unknown"},
    ],
    "sections": [
        {"name": "Agreement", "items": [
            {"text": "Both sides **signed** the accord <script>alert(1)</script>",
             "citations": [1, 2], "rule": "r1", "priority": 1},
            {"text": "SECOND-AGREEMENT-ITEM", "citations": [3], "rule": "r2",
             "priority": 2}]},
        {"name": "Agenda", "items": [
            {"text": "Ratification [vote](javascript:alert(2)) due in March",
             "citations": [2], "rule": "r3", "priority": 1}]},
        {"name": "Context", "items": []},
        {"name": "Open Questions", "items": [
            {"text": "Who pays for the port?", "citations": [1], "rule": "q1",
             "priority": 1},
            {"text": "When does it take effect?", "citations": [], "rule": "q2",
             "priority": 2}]},
    ],
    "conflicts": [], "trimmed": [],
}


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    """No SMTP setting, config file or epoch of the person running the tests leaks in."""
    import os
    for name in list(os.environ):
        if name.startswith("BRIEFING_SMTP_") or name == "SOURCE_DATE_EPOCH":
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:
    """Backoff waits, recorded instead of slept."""
    waited: list[float] = []
    monkeypatch.setattr(deliver, "_sleep", waited.append)
    return waited


@pytest.fixture
def brief(tmp_path) -> Path:
    """out/brief.pdf with its .json, and a 'desk' audience of three recipients."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "brief.pdf").write_bytes(PDF)
    (out / "brief.json").write_text(json.dumps(BRIEF), encoding="utf-8")
    desk = tmp_path / "templates" / "desk"
    desk.mkdir(parents=True)
    (desk / "audience.yaml").write_text(
        f"recipients:\n  - {ALICE}\n  - Bob B <{BOB}>\n  - {CAROL}\n", encoding="utf-8")
    return out / "brief.pdf"


def smtp_env(certificate, port: int, **extra: str) -> dict[str, str]:
    """BRIEFING_SMTP_* for a test server (trusting the test certificate)."""
    env = {"BRIEFING_SMTP_HOST": "127.0.0.1", "BRIEFING_SMTP_PORT": str(port),
           "BRIEFING_SMTP_USER": SMTP_USER, "BRIEFING_SMTP_PASSWORD": SMTP_PASSWORD,
           "BRIEFING_SMTP_FROM": SENDER, "BRIEFING_SMTP_CAFILE": str(certificate[0]),
           "BRIEFING_SMTP_TIMEOUT": "5"}
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


def send(brief: Path, env: dict[str, str], *args: str):
    """Run `briefing send` on `brief` for the desk audience; return click's result."""
    templates = brief.parent.parent / "templates"
    return CliRunner().invoke(
        main, ["send", str(brief), "--audience", "desk", "--templates", str(templates),
               *args], env=env, catch_exceptions=False)


def error_line(result) -> str:
    """The last line on stderr, which is the error after any progress lines."""
    return result.stderr.splitlines()[-1]


def ledger(brief: Path) -> dict:
    """The delivery ledger's entries for this PDF."""
    data = json.loads(brief.with_name("brief.pdf.sent.json").read_text())
    return data[deliver.hashlib.sha256(brief.read_bytes()).hexdigest()]


# ---------------------------------------------------------------------------- success

def test_sends_one_message_per_recipient_over_starttls_with_auth(
        brief, certificate, smtp_server, sleeps):
    box = Mailbox()
    port = smtp_server(box)
    result = send(brief, smtp_env(certificate, port))
    assert result.exit_code == 0, result.stderr
    assert [m.rcpt_tos for m in box.messages] == [[ALICE], [BOB], [CAROL]]
    for received, to in zip(box.messages, ("alice@example.org", "Bob B <bob@example.org>",
                                           "carol@example.org")):
        assert received.tls and received.authenticated
        assert received.mail_from == "briefs@desk.example.net"
        msg = email.message_from_bytes(received.content, policy=policy.default)
        assert msg["To"] == to
        assert msg["From"] == SENDER
        assert msg["Subject"] == f"Brief: {TITLE} (as of 2025-12-04)"
        assert msg["Message-ID"].endswith("@desk.example.net>")
        # The sending time, not the as-of date.
        assert abs(msg["Date"].datetime.timestamp() - time.time()) < 600
        [attachment] = list(msg.iter_attachments())
        assert attachment.get_content_type() == "application/pdf"
        assert attachment.get_filename() == ATTACHMENT
        assert attachment.get_content() == PDF
        plain = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
        assert plain.startswith(f"{TITLE}\nAs of 2025-12-04\n\nAgreement:\n- Both")
    assert len({m.content for m in box.messages}) == 3  # each its own Message-ID
    assert sleeps == []
    assert result.stderr.splitlines()[-1] == (
        f"done: 3 sent, 0 already had it; ledger {brief}.sent.json")
    assert set(ledger(brief)) == {ALICE, BOB, CAROL}
    everything = result.stderr + result.stdout + brief.with_name(
        "brief.pdf.sent.json").read_text()
    assert SMTP_PASSWORD not in everything
    assert SMTP_PASSWORD not in repr(deliver.load_smtp_config(smtp_env(certificate, port)))


# aiosmtpd warns about AUTH without STARTTLS; with implicit TLS the warning is moot.
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
def test_to_overrides_audience_and_implicit_tls_works(brief, certificate, smtp_server):
    box = Mailbox()
    port = smtp_server(box, tls="ssl")
    result = send(brief, smtp_env(certificate, port, BRIEFING_SMTP_TLS="ssl"),
                  "--to", "zed@example.com", "--to", "ZED@example.com")
    assert result.exit_code == 0, result.stderr
    assert [m.rcpt_tos for m in box.messages] == [["zed@example.com"]]
    assert box.messages[0].tls and box.messages[0].authenticated


def test_body_shows_headlines_and_every_open_question_escaped():
    summary = mail.summarise(BRIEF)
    text = mail.plain_body(summary, ATTACHMENT)
    page = mail.html_body(summary, ATTACHMENT)
    for part in (text, page):
        assert "SECOND-AGREEMENT-ITEM" not in part  # only each section's first item
        assert "Who pays for the port?" in part and "When does it take effect?" in part
        assert "Uncited" not in part  # only sources the shown lines cite
    assert "<strong>signed</strong> the accord &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<h1>Ministers sign the Harbour Accord: 5 &lt;b&gt;key&lt;/b&gt; points</h1>" in page
    assert "javascript" not in page and "<script" not in page
    assert "Ratification <span>vote</span> due in March<sup>[2]</sup>" in page
    assert '<a href="https://daily.example/a">Accord signed — Daily</a>' in page
    assert "- Both sides signed the accord <script>alert(1)</script> [1, 2]" in text


def test_dry_run_writes_a_reproducible_eml_and_sends_nothing(brief, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764806400")  # 2025-12-04T00:00:00Z
    eml = brief.with_name(ATTACHMENT[:-4] + ".eml")
    # No SMTP server is configured at all: a dry run needs none.
    result = send(brief, {}, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"dry run: wrote {eml}; nothing sent; would send to {ALICE}, {BOB}, {CAROL}")
    first = eml.read_bytes()
    assert send(brief, {}, "--dry-run").exit_code == 0
    assert eml.read_bytes() == first
    msg = email.message_from_bytes(first, policy=policy.default)
    assert msg["Date"] == "Thu, 04 Dec 2025 00:00:00 +0000"
    assert msg["To"] == ALICE
    assert next(msg.iter_attachments()).get_content() == PDF
    assert not brief.with_name("brief.pdf.sent.json").exists()


# --------------------------------------------------------------------------- failures

def test_connection_refused(brief, certificate, closed_port, sleeps):
    result = send(brief, smtp_env(certificate, closed_port))
    assert result.exit_code == 1
    assert error_line(result) == (f"briefing: error: cannot connect to SMTP server "
                                  f"127.0.0.1:{closed_port}: connection refused")
    assert sleeps == []  # nobody is listening: waiting would not help


def test_timeout_is_retried_then_reported(brief, certificate, silent_port, sleeps):
    started = time.monotonic()
    result = send(brief, smtp_env(certificate, silent_port, BRIEFING_SMTP_TIMEOUT="0.2"))
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    assert error_line(result) == (f"briefing: error: SMTP server 127.0.0.1:{silent_port} "
                                  f"did not answer within 0.2 s (3 tries)")
    assert sleeps == [0.5, 1.0]


def test_wrong_password(brief, certificate, smtp_server, sleeps):
    box = Mailbox()
    port = smtp_server(box)
    wrong = "not-the-Pa55word"
    result = send(brief, smtp_env(certificate, port, BRIEFING_SMTP_PASSWORD=wrong))
    assert result.exit_code == 1
    assert error_line(result) == (
        f"briefing: error: SMTP server 127.0.0.1:{port} rejected the login of 'alice' "
        f"(535 5.7.8 Authentication credentials invalid)")
    assert wrong not in result.stderr + result.stdout
    assert box.messages == [] and sleeps == []


def test_server_without_starttls_is_refused(brief, certificate, smtp_server):
    box = Mailbox()
    port = smtp_server(box, tls="none", auth=False)
    result = send(brief, smtp_env(certificate, port))
    assert result.exit_code == 1
    assert error_line(result) == (
        f"briefing: error: SMTP server 127.0.0.1:{port} does not offer STARTTLS, which "
        f"BRIEFING_SMTP_TLS=starttls requires; nothing was sent")
    assert box.messages == []


def test_untrusted_certificate_is_refused(brief, certificate, smtp_server):
    box = Mailbox()
    port = smtp_server(box)
    result = send(brief, smtp_env(certificate, port, BRIEFING_SMTP_CAFILE=None))
    assert result.exit_code == 1
    assert error_line(result) == (
        f"briefing: error: SMTP server 127.0.0.1:{port}: TLS certificate not trusted "
        f"(self-signed certificate); set BRIEFING_SMTP_CAFILE to its CA certificate")
    assert box.messages == []


def test_refused_recipient_does_not_stop_the_others(brief, certificate, smtp_server):
    box = Mailbox(refuse={BOB})
    port = smtp_server(box)
    result = send(brief, smtp_env(certificate, port))
    assert result.exit_code == 1
    assert error_line(result) == (
        f"briefing: error: not delivered to {BOB} (550 5.1.1 <{BOB}>: mailbox "
        f"unavailable); 2 of 3 recipients have it (re-running skips them)")
    assert [m.rcpt_tos for m in box.messages] == [[ALICE], [CAROL]]
    assert set(ledger(brief)) == {ALICE, CAROL}


def test_greylisting_is_retried_with_backoff(brief, certificate, smtp_server, sleeps):
    box = Mailbox(greylist={CAROL: 2})
    port = smtp_server(box)
    result = send(brief, smtp_env(certificate, port))
    assert result.exit_code == 0, result.stderr
    assert sleeps == [0.5, 1.0]
    assert f"retrying {CAROL} in 0.5 s: 451 4.7.1 greylisted, try again later" in (
        result.stderr.splitlines())
    assert [m.rcpt_tos for m in box.messages] == [[ALICE], [BOB], [CAROL]]


def test_resume_after_a_half_way_failure_sends_nobody_twice(
        brief, certificate, smtp_server, sleeps):
    box = Mailbox(fail_data_after=1)
    port = smtp_server(box)
    env = smtp_env(certificate, port)
    first = send(brief, env)
    assert first.exit_code == 1
    assert error_line(first) == (
        f"briefing: error: not delivered to {BOB} (451 4.3.0 queue full, try later "
        f"(3 tries)); {CAROL} (451 4.3.0 queue full, try later (3 tries)); "
        f"1 of 3 recipients have it (re-running skips them)")
    box.fail_data_after = None  # the server recovers
    second = send(brief, env)
    assert second.exit_code == 0, second.stderr
    assert second.stderr.splitlines()[1].startswith(f"skipped {ALICE}: delivered 20")
    third = send(brief, env)
    assert third.stderr.splitlines()[-1] == (
        f"done: 0 sent, 3 already had it; ledger {brief}.sent.json")
    assert [m.rcpt_tos for m in box.messages] == [[ALICE], [BOB], [CAROL]]
    # A new PDF is a new brief: everyone gets it again.
    brief.write_bytes(PDF + b"%rebuilt\n")
    assert send(brief, env).exit_code == 0
    assert len(box.messages) == 6


def test_silence_after_the_message_is_not_retried(brief, certificate, smtp_server, sleeps):
    box = Mailbox(stall_data=1.0)
    port = smtp_server(box)
    env = smtp_env(certificate, port, BRIEFING_SMTP_TIMEOUT="0.3")
    result = send(brief, env, "--to", ALICE)
    assert result.exit_code == 1
    assert error_line(result) == (
        f"briefing: error: not delivered to {ALICE} (no answer after the message was "
        f"sent; it may have arrived, so re-runs skip it unless its entry is removed "
        f"from {brief}.sent.json)")
    assert sleeps == []
    assert ledger(brief)[ALICE]["status"] == "unconfirmed"


# ---------------------------------------------------------------------- configuration

@pytest.mark.parametrize("env, message", [
    ({}, "BRIEFING_SMTP_HOST is not set: it must name the SMTP server"),
    ({"BRIEFING_SMTP_HOST": "mail.example"},
     "BRIEFING_SMTP_FROM is not set: it must name the SMTP sender"),
    ({"BRIEFING_SMTP_HOST": "h", "BRIEFING_SMTP_FROM": "a@b.example",
      "BRIEFING_SMTP_TLS": "yes"},
     "BRIEFING_SMTP_TLS must be one of starttls, ssl, none, got 'yes'"),
    ({"BRIEFING_SMTP_HOST": "h", "BRIEFING_SMTP_FROM": "a@b.example",
      "BRIEFING_SMTP_PORT": "smtp"},
     "BRIEFING_SMTP_PORT must be a port number (1-65535), got 'smtp'"),
    ({"BRIEFING_SMTP_HOST": "h", "BRIEFING_SMTP_FROM": "a@b.example",
      "BRIEFING_SMTP_USER": "u"},
     "BRIEFING_SMTP_USER is set but BRIEFING_SMTP_PASSWORD is not"),
    ({"BRIEFING_SMTP_HOST": "mail.example", "BRIEFING_SMTP_FROM": "a@b.example",
      "BRIEFING_SMTP_TLS": "none", "BRIEFING_SMTP_USER": "u",
      "BRIEFING_SMTP_PASSWORD": "pw"},
     "BRIEFING_SMTP_TLS=none would send the password in clear to mail.example; "
     "use starttls or ssl"),
])
def test_configuration_errors(brief, env, message):
    result = send(brief, env)
    assert result.exit_code == 1
    assert result.stderr == f"briefing: error: {message}\n"


def test_config_file_under_env(tmp_path):
    path = tmp_path / "smtp.yaml"
    path.write_text("host: file.example\nport: 2525\nfrom: f@file.example\n"
                    "password: filepw\nuser: u\n")
    path.chmod(0o600)
    config = deliver.load_smtp_config({"BRIEFING_SMTP_CONFIG": str(path),
                                       "BRIEFING_SMTP_HOST": "env.example"})
    assert (config.host, config.port, config.user, config.password, config.tls) == (
        "env.example", 2525, "u", "filepw", "starttls")
    assert "filepw" not in repr(config)
    path.chmod(0o644)
    with pytest.raises(DeliveryError) as err:
        deliver.load_smtp_config({"BRIEFING_SMTP_CONFIG": str(path)})
    assert str(err.value) == (f"{path}: holds a password but other users can read it; "
                              f"run: chmod 600 {path}")
    path.write_text("host: h\nfrom: a@b.example\npasword: x\n")
    with pytest.raises(DeliveryError) as err:
        deliver.load_smtp_config({"BRIEFING_SMTP_CONFIG": str(path)})
    assert str(err.value) == (f"{path}:3:1: unknown SMTP setting 'pasword' (expected "
                              f"one of: host, port, user, password, tls, from, timeout, "
                              f"cafile)")


def test_default_config_file_is_read(tmp_path):
    folder = tmp_path / "home" / ".config" / "briefing"
    folder.mkdir(parents=True)
    (folder / "smtp.yaml").write_text("host: home.example\nfrom: h@home.example\n")
    config = deliver.load_smtp_config({"HOME": str(tmp_path / "home")})
    assert (config.host, config.port, str(config.sender)) == (
        "home.example", 587, "h@home.example")


def test_unknown_audience_names_the_folders_searched(brief):
    templates = brief.parent.parent / "templates"
    result = CliRunner().invoke(main, ["send", str(brief), "--audience", "cabinet",
                                       "--templates", str(templates)])
    assert result.exit_code == 1
    assert result.stderr == (f"briefing: error: unknown audience 'cabinet': no folder "
                             f"'cabinet' in {templates}, {deliver.BUNDLED_TEMPLATES}\n")


def test_audience_without_recipients(brief):
    (brief.parent.parent / "templates" / "desk" / "audience.yaml").write_text("name: x\n")
    result = send(brief, {})
    assert result.stderr == (
        f"briefing: error: no recipients: {brief.parent.parent}/templates/desk/"
        f"audience.yaml has no 'recipients:' list and no --to given\n")


def test_bad_recipient_is_located(brief):
    path = brief.parent.parent / "templates" / "desk" / "audience.yaml"
    path.write_text("recipients:\n  - ok@example.org\n  - not-an-address\n")
    result = send(brief, {})
    assert result.stderr == (f"briefing: error: {path}:3:5: recipient 'not-an-address' "
                             f"is not an email address\n")


def test_missing_json_beside_the_pdf(brief):
    brief.with_suffix(".json").unlink()
    result = send(brief, {})
    assert result.stderr == (f"briefing: error: {brief.with_suffix('.json')}: not found; "
                             f"send needs the .json that 'briefing build' writes beside "
                             f"the PDF\n")


def test_lines_starting_with_a_dot_arrive_intact(smtp_server):
    box = Mailbox()
    port = smtp_server(box, tls="none", auth=False)
    # A lone "." line would end the message early if it were not dot-stuffed.
    payload = b"Subject: dots\r\n\r\n.\r\n..two\r\n.three\r\nend\r\n"
    config = mail.SmtpConfig("127.0.0.1", port, mail.parse_address("a@b.example"),
                             tls="none", timeout=5)
    connection = mail.SmtpConnection(config)
    try:
        mail.transmit(connection.open(), "a@b.example", ALICE, payload)
    finally:
        connection.close()
    assert [m.content for m in box.messages] == [payload]


def test_a_password_echoed_by_the_server_is_redacted():
    config = mail.SmtpConfig("h.example", 587, mail.parse_address("a@b.example"),
                             user="u", password="pw-123")
    text, transient, whole_batch = mail.diagnose(
        mail.smtplib.SMTPAuthenticationError(535, b"5.7.8 bad password pw-123"), config)
    assert deliver._redact(text, config) == (
        "SMTP server h.example:587 rejected the login of 'u' (535 5.7.8 bad password ***)")
    assert (transient, whole_batch) == (False, True)
