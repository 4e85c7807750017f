"""The module map for URL names: import-linter sees imports, not `reverse("name")` or
`{% url 'name' %}`, so an app could still link to a page of an app above it by name. This test
reads every app's code and templates and fails on such a link: a lower app reaches a higher
one's pages through a registry (e.g. `keel.ui.nav.front_url` for the home page).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from django.apps import apps
from django.urls import get_resolver

from keel.core.tests.isolation import _app_of, _callback_module, _walk

# The layers of pyproject.toml's import-linter contract, bottom first; siblings share a rank.
RANK = {"core": 0, "ui": 1, "accounts": 2, "notifications": 3, "org": 4, "tasks": 5, "vault": 5,
        "wiki": 6, "feedback": 6, "kpis": 7, "goals": 8, "home": 9}  # fmt: skip
# Pairs that share a rank or must not link to each other all the same.
SIBLINGS = ({"tasks", "goals"}, {"wiki", "feedback"}, {"tasks", "vault"})
URL_TAG = re.compile(r"""\{%\s*url\s+['"]([\w:]+)['"]""")
LINKERS = {"reverse", "reverse_lazy", "redirect"}


def _url_owners() -> dict[str, str]:
    owners = {}
    for _raw, name, callback, _regex in _walk(get_resolver().url_patterns, "/", "", False):
        module = _callback_module(callback)
        if name and module.startswith("keel."):
            owners[name] = _app_of(module)
    return owners


def _names_in_python(source: str) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        first = node.args[0]
        if called in LINKERS and isinstance(first, ast.Constant) and isinstance(first.value, str):
            names.append(first.value)
    return names


def _links(app: str) -> list[tuple[Path, str]]:
    root = Path(apps.get_app_config(app).path)
    found = []
    for path in root.rglob("*"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        if path.suffix == ".py":
            found += [(path, name) for name in _names_in_python(path.read_text())]
        elif path.suffix in {".html", ".txt"}:
            found += [(path, name) for name in URL_TAG.findall(path.read_text())]
    return found


def test_no_app_links_to_a_page_of_an_app_above_it() -> None:
    owners = _url_owners()
    wrong = [
        f"{path}: '{name}' belongs to {owner}"
        for app in RANK
        for path, name in _links(app)
        if (owner := owners.get(name)) and owner != app
        and (RANK[owner] > RANK[app] or {owner, app} in SIBLINGS)
    ]  # fmt: skip
    assert not wrong, "\n".join(wrong)


def test_the_check_sees_links() -> None:
    """It must be able to fail: accounts' own pages are found, with their owner."""
    owners = _url_owners()
    names = {name for _path, name in _links("accounts")}
    assert "members" in names and owners["members"] == "accounts"
    assert owners["workspace_home"] == "home"
