"""Helpers for the browser tests: axe-core checks, signing a context in, the caught mailbox."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("serious", "critical")
MOBILE_WIDTH = 375


def axe_check(page: Any, *, label: str = "") -> None:
    """Run axe-core on the page; fail on any serious or critical violation.

    The script is injected by the test (the page's CSP forbids it otherwise, so contexts are
    made with bypass_csp=True).
    """
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm install --no-save axe-core@4` (make test does)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [v for v in results["violations"] if v.get("impact") in FAILING_IMPACTS]
    if bad:
        lines = [f"axe: {len(bad)} serious/critical violation(s) on {label or page.url}"]
        for v in bad:
            lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
            for node in v["nodes"][:8]:
                target = " ".join(str(t) for t in node.get("target", []))
                lines.append(f"    {target}: {node.get('failureSummary', '').splitlines()[-1:]}")
        pytest.fail("\n".join(lines), pytrace=False)


def horizontal_overflow(page: Any) -> int:
    """How many CSS pixels the document is wider than the viewport (0 when it fits)."""
    width = page.evaluate("() => document.documentElement.scrollWidth")
    viewport = page.evaluate("() => window.innerWidth")
    return max(0, int(width) - int(viewport))


def sign_in_context(context: Any, base_url: str, user: Any) -> None:
    """Give a browser context the session of `user` (made by Django's test client)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def set_language(context: Any, base_url: str, language: str) -> None:
    from django.conf import settings

    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base_url}]
    )


@dataclass
class Mailbox:
    """Messages caught by the test's SMTP server."""

    messages: list[EmailMessage] = field(default_factory=list)
    _arrived: threading.Condition = field(default_factory=threading.Condition)

    def add(self, raw: bytes) -> None:
        message = message_from_bytes(raw, policy=policy.default)
        with self._arrived:
            self.messages.append(message)  # type: ignore[arg-type]
            self._arrived.notify_all()

    def wait_for(self, *, to: str, timeout: float = 10.0) -> EmailMessage:
        """The first message to `to`, waiting for it to arrive (a condition, not a sleep)."""

        def find() -> EmailMessage | None:
            for message in self.messages:
                if to.lower() in str(message.get("To", "")).lower():
                    return message
            return None

        with self._arrived:
            self._arrived.wait_for(lambda: find() is not None, timeout=timeout)
            found = find()
        if found is None:
            seen = [str(m.get("To")) for m in self.messages]
            pytest.fail(f"no email to {to} within {timeout}s; caught: {seen}", pytrace=False)
        return found


def body_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    return part.get_content() if part is not None else ""


def first_link(text: str, *, containing: str) -> str:
    for url in re.findall(r"https?://\S+", text):
        if containing in url:
            return url.rstrip(".,)>")
    pytest.fail(f"no link containing {containing!r} in:\n{text}", pytrace=False)
