"""The language switch's registry: ui shows the switch (shell and entrance pages) and owns its
view, but knows no app, so an app that remembers the choice registers a hook here (accounts
saves it to the signed-in person's account: a person's language is their account's).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest

LanguageHook = Callable[[HttpRequest, str], None]

_HOOKS: list[LanguageHook] = []


def on_language_chosen(hook: LanguageHook) -> None:
    """Call `hook(request, language)` whenever someone picks a language with the switch."""
    if hook not in _HOOKS:
        _HOOKS.append(hook)


def language_chosen(request: HttpRequest, language: str) -> None:
    for hook in _HOOKS:
        hook(request, language)
