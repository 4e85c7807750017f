"""Every button leads somewhere, and no form puts a secret in the address bar.

Seeds the demo shop, then, as each role, walks the site breadth-first from the home page the
way a user clicks: every `<a href>` on this site must open (200/302/304), every form's target
must accept its method (a POST with an empty body may answer 400 with a form error, never
403/404/405), and no GET form may carry the CSRF token or another token-like hidden input.
POSTs run inside a rolled-back savepoint and the client's cookies are restored after each, so
"Delete" and "Revoke" targets are checked without changing what the crawl sees next. The walk
is bounded by URL name (a few pages each), so it stays fast as the demo shop grows.
"""

from __future__ import annotations

import io
import re
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve

from keel.core.models import Membership, Role, Workspace
from keel.core.tests.factories import MembershipFactory
from keel.ui.nav import front_url

pytestmark = pytest.mark.django_db

DEMO_SLUG = "demo"
PAGES_PER_URL_NAME = 2  # distinct URLs fetched per URL name (query variants, other objects)
POSTS_PER_URL_NAME = 1  # whether a view takes POST does not depend on the object
MAX_REQUESTS = 600  # a safety net: a crawl that grows past this is itself a finding

# Paths the crawl never follows: signing out ends the walk; static files and the admin are
# not Keel pages; the API is tested by its own suites.
SKIP_PREFIXES = ("/static/", "/media/", "/admin/", "/api/")
SKIP_URL_NAMES = frozenset({"account_logout"})
# Non-page answers are checked for their status only (downloads, feeds, charts).
OK_GET = frozenset({200, 302, 304})
OK_POST_CLIENT_ERROR = frozenset({400})  # an empty body may be refused with a form error
SECRET_NAME_RE = re.compile(r"csrf|token|secret|password|api[_-]?key", re.IGNORECASE)


@dataclass
class Form:
    action: str | None
    method: str
    hidden: list[str] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    # (formaction, formmethod) of submit buttons that override the form's own target
    overrides: list[tuple[str | None, str | None]] = field(default_factory=list)


class PageParser(HTMLParser):
    """Links and forms of one page (enough HTML understanding for the crawl)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._open: Form | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
        elif tag == "form":
            self._open = Form(action=a.get("action"), method=(a.get("method") or "get").lower())
            self.forms.append(self._open)
        elif self._open is not None and tag in ("input", "button", "select", "textarea"):
            name = a.get("name") or ""
            if tag == "input" and (a.get("type") or "").lower() == "hidden" and name:
                self._open.hidden.append(name)
            elif name:
                self._open.inputs.append(name)
            if "formaction" in a or "formmethod" in a:
                method = a.get("formmethod")
                self._open.overrides.append((a.get("formaction"), method and method.lower()))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._open = None


def _internal_path(base: str, href: str) -> str | None:
    """The site-relative URL (path and query) of `href` on page `base`, or None to skip it."""
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    parts = urlsplit(urljoin(f"http://testserver{base}", href))
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    if parts.path.startswith(SKIP_PREFIXES):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _url_name(url: str) -> str:
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return "<unresolved>"
    return match.view_name


def _submissions(form: Form, page: str) -> Iterator[tuple[str, str, bool]]:
    """(method, target, carries_secret) for the form's own submit and each button override."""
    variants = [(form.action, form.method)] + [
        (action if action is not None else form.action, method or form.method)
        for action, method in form.overrides
    ]
    secrets = [n for n in form.hidden if SECRET_NAME_RE.search(n)]
    secrets += [n for n in form.inputs if n == "csrfmiddlewaretoken"]
    for action, method in variants:
        target = _internal_path(page, action if action else page)
        if target is not None:
            yield method, target, bool(secrets)


@dataclass
class Crawl:
    client: Client
    problems: list[str] = field(default_factory=list)
    per_name: Counter[str] = field(default_factory=Counter)
    seen: set[str] = field(default_factory=set)
    posted: set[str] = field(default_factory=set)
    requests: int = 0

    def _admit(self, url: str) -> bool:
        """Fetch `url` unless seen, or its URL name has used up its budget."""
        if url in self.seen:
            return False
        name = _url_name(url)
        if name in SKIP_URL_NAMES:
            return False
        if self.per_name[name] >= PAGES_PER_URL_NAME:
            return False
        self.seen.add(url)
        self.per_name[name] += 1
        return True

    def run(self, start: str) -> None:
        queue: deque[tuple[str, str]] = deque([(start, "(start)")])
        self._admit(start)
        while queue and self.requests < MAX_REQUESTS:
            url, source = queue.popleft()
            response = self.client.get(url)
            self.requests += 1
            if response.status_code not in OK_GET:
                self.problems.append(f"GET {url} -> {response.status_code} (linked from {source})")
                continue
            if response.status_code == 302:
                target = _internal_path(url, response["Location"])
                if target is not None and self._admit(target):
                    queue.append((target, f"redirect from {url}"))
                continue
            if "text/html" not in response.get("Content-Type", ""):
                continue  # a download, feed or chart: its status was the check
            parser = PageParser()
            parser.feed(response.content.decode())
            for href in parser.links:
                target = _internal_path(url, href)
                if target is not None and self._admit(target):
                    queue.append((target, url))
            for form in parser.forms:
                for method, target, carries_secret in _submissions(form, url):
                    if method == "get":
                        if carries_secret:
                            self.problems.append(
                                f"GET form on {url} (to {target}) carries a token or secret"
                            )
                        if self._admit(target):
                            queue.append((target, f"form on {url}"))
                    elif method == "post":
                        self._check_post(target, url)
                    elif method != "dialog":
                        self.problems.append(f"form on {url} has unknown method {method!r}")

    def _check_post(self, target: str, source: str) -> None:
        key = _url_name(target)
        if key in SKIP_URL_NAMES or target in self.posted:
            return
        if self.per_name[f"POST {key}"] >= POSTS_PER_URL_NAME:
            return
        self.posted.add(target)
        self.per_name[f"POST {key}"] += 1
        cookies = self.client.cookies
        self.client.cookies = type(cookies)(cookies)
        try:
            with transaction.atomic():
                response = self.client.post(target, {})
                self.requests += 1
                transaction.set_rollback(True)
        finally:
            self.client.cookies = cookies
        status = response.status_code
        if status >= 400 and status not in OK_POST_CLIENT_ERROR:
            self.problems.append(f"POST {target} -> {status} (form on {source})")


@pytest.fixture
def demo_shop(monkeypatch) -> Workspace:
    monkeypatch.setenv("KEEL_DEMO_PASSWORD", "crawl-demo-password-1")
    monkeypatch.delenv("KEEL_DEMO_LANGUAGE", raising=False)  # the English shop, slug "demo"
    call_command("seed", "demo", stdout=io.StringIO())
    ws = Workspace.objects.get(slug=DEMO_SLUG)
    # The demo shop has no admin or guest: add one of each so every role is walked.
    MembershipFactory(workspace=ws, role=Role.ADMIN, user__email="admin@demo.example")
    MembershipFactory(workspace=ws, role=Role.GUEST, user__email="guest@outside.example")
    return ws


def _crawl_as(role: str, ws: Workspace) -> Crawl:
    membership = (
        Membership.objects.filter(workspace=ws, role=role, offboarded_at__isnull=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    assert membership is not None, f"no {role} in the demo shop"
    client = Client()
    client.force_login(membership.user)
    crawl = Crawl(client=client)
    crawl.run(front_url(ws.slug))
    return crawl


def test_every_link_and_form_target_works_for_each_role(demo_shop):
    # One test for all roles: seeding the demo shop once is a good part of the runtime.
    problems: list[str] = []
    for role in Role.values:
        crawl = _crawl_as(role, demo_shop)
        assert crawl.requests < MAX_REQUESTS, f"as {role}: the crawl did not finish in budget"
        assert crawl.requests > 5, f"as {role}: the crawl found almost nothing"
        problems += [f"as {role}: {problem}" for problem in crawl.problems]
    assert not problems, "\n".join(problems)


def test_page_parser_finds_get_forms_that_carry_a_token():
    parser = PageParser()
    parser.feed(
        '<form method="post" action="/x/"><input type="hidden" name="csrfmiddlewaretoken" '
        'value="t"><button formmethod="get">Preview</button></form>'
        '<form action="/y/"><input type="hidden" name="api_token" value="s"></form>'
        '<form method="get" action="/z/"><input name="q"></form>'
    )
    found = [(m, t, s) for form in parser.forms for (m, t, s) in _submissions(form, "/p/")]
    assert found == [
        ("post", "/x/", True),
        ("get", "/x/", True),
        ("get", "/y/", True),
        ("get", "/z/", False),
    ]
