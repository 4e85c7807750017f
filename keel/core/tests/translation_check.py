"""Finds English left on a page rendered in Chinese: visible text nodes and the attributes a
person reads (title, aria-label, placeholder, alt), minus user data and a short allowlist.

`untranslated(html)` returns the offending strings in page order, each once.
"""

from __future__ import annotations

import re
import zoneinfo
from html.parser import HTMLParser

# Brand and technical words that stay in Latin letters in every language.
ALLOWED_WORDS = frozenset(
    {
        "Keel", "API", "APIs", "MFA", "TOTP", "CSV", "URL", "HTTP", "HTTPS", "JSON", "OpenAPI",
        "SMTP", "IMAP", "Bearer", "English", "UTC", "GMT", "QR", "ID", "IP", "Email", "email",
        "Cc", "htmx", "Swagger", "SVG", "PDF", "FTE", "SOP", "SOPs", "KPI", "KPIs", "vCard",
        "Markdown", "ZIP",
        # Products a page names as the user knows them (chats, shops, spreadsheets).
        "Slack", "Webhook", "Shopify", "Amazon", "Seller", "Central", "Excel",
        # ISO currency codes stay in Latin letters in Chinese UIs too.
        "CNY", "USD", "EUR", "HKD", "TWD", "GBP",
        # Key names as printed on keyboards.
        "Ctrl", "Mac", "Esc", "Enter", "Tab", "Shift",
    }
)  # fmt: skip
READABLE_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "aria-description")
SKIPPED_ELEMENTS = frozenset({"script", "style", "code", "pre", "kbd", "samp", "svg", "template"})
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip

LATIN_RUN = re.compile(r"[A-Za-z]{3,}")
# User data and identifiers that are not prose: emails, URLs, paths, token hints, time zones.
DATA_PATTERNS = [
    re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"),
    re.compile(r"\bhttps?://\S+"),
    re.compile(r"(?<!\w)/[\w./<>{}-]*"),
    re.compile(r"\bkeel_\w*…?"),
    re.compile(r"\b[\w-]+\.(?:example|com|org|net|cn|hk|tw)\b"),
]


# IANA time-zone names are identifiers (the time-zone menus list them as they are).
TIME_ZONES = frozenset(
    name for tz in zoneinfo.available_timezones() for name in (tz, tz.replace("_", " "))
)


# A time-zone menu's label (keel.ui.timezones): "(UTC+08:00) 上海 — Asia/Shanghai" or
# "(UTC+01:00) Africa/Algiers". The offset and the IANA name are identifiers; a city's name
# is prose and must be translated.
ZONE_LABEL = re.compile(r"^\(UTC[+-]\d\d:\d\d\) (?:(?P<city>.+) — )?(?P<zone>\S.*)$")


def offending(text: str, *, extra_allowed: frozenset[str] = frozenset()) -> bool:
    if text in TIME_ZONES:
        return False
    label = ZONE_LABEL.match(text)
    if label and label["zone"] in TIME_ZONES:
        text = label["city"] or ""
    for pattern in DATA_PATTERNS:
        text = pattern.sub(" ", text)
    allowed = ALLOWED_WORDS | extra_allowed
    return any(run not in allowed for run in LATIN_RUN.findall(text))


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.stack: list[str] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        hidden_input = tag == "input" and values.get("type") == "hidden"
        if not self.skip_depth and not hidden_input:
            for name in READABLE_ATTRIBUTES:
                if values.get(name):
                    self.found.append(f"[{name}] {values[name]}")
            if (
                tag == "input"
                and values.get("type") in {"submit", "button"}
                and values.get("value")
            ):
                self.found.append(f"[value] {values['value']}")
        if tag in VOID_ELEMENTS:
            return
        self.stack.append(tag)
        if tag in SKIPPED_ELEMENTS:
            self.skip_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS and self.stack and self.stack[-1] == tag:
            self.stack.pop()
            if tag in SKIPPED_ELEMENTS:
                self.skip_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS or tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if top in SKIPPED_ELEMENTS:
                self.skip_depth -= 1
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text and not self.skip_depth:
            self.found.append(text)


def untranslated(html: str, *, extra_allowed: frozenset[str] = frozenset()) -> list[str]:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    result: list[str] = []
    for text in collector.found:
        check = text.split("] ", 1)[1] if text.startswith("[") and "] " in text else text
        if offending(check, extra_allowed=extra_allowed) and text not in result:
            result.append(text)
    return result
