"""`keel token create`: prints only the raw token; clear errors for unknown people or places."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from keel.accounts.models import ApiToken
from keel.accounts.tokens import token_authenticate


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("token", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_create_prints_only_a_working_token(owner):
    out, err = run("create", "--email", owner.user.email.upper(), "--workspace", "acme",
                   "--name", "Nightly export")  # fmt: skip

    raw = out.strip()
    assert out == raw + "\n"
    assert raw.startswith("keel_")
    token = token_authenticate(raw)
    assert token is not None
    assert token.membership == owner
    assert token.name == "Nightly export"
    assert raw not in err


def test_create_uses_a_default_name(owner):
    run("create", "--email", owner.user.email, "--workspace", "acme")
    assert ApiToken.objects.get().name == "CLI token"


def test_unknown_user_fails_without_creating_anything(db):
    with pytest.raises(CommandError, match="No user"):
        run("create", "--email", "nobody@acme.example", "--workspace", "acme")
    assert not ApiToken.objects.exists()


def test_non_member_fails(owner, outsider):
    with pytest.raises(CommandError, match="not an active member"):
        run("create", "--email", outsider.user.email, "--workspace", "acme")
    assert not ApiToken.objects.exists()


def test_offboarded_member_fails(member):
    member.offboarded_at = timezone.now()
    member.save(update_fields=["offboarded_at"])
    with pytest.raises(CommandError, match="not an active member"):
        run("create", "--email", member.user.email, "--workspace", "acme")
    assert not ApiToken.objects.exists()


def test_missing_arguments_are_an_error(db):
    with pytest.raises(CommandError):
        run("create", "--email", "someone@acme.example")
