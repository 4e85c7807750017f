"""`make run` repeats the owner's sign-in after the servers' start-up output (issue 9)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from keel import devserver
from keel.core.management.commands import seed

SEED_OUTPUT = (
    "Created Lantern & Loom.\n"
    "\x1b[32;1mSign in as the owner:\x1b[0m\n"
    "  URL:      http://127.0.0.1:8123/accounts/login/\n"
    "  email:    owner@demo.example\n"
    "  password: s3cret-words\n"
    "Other demo people (same password): mike@demo.example\n"
)


def test_sign_in_block_is_the_seeds_sign_in_lines_without_colours():
    block = devserver.sign_in_block(SEED_OUTPUT)
    assert block.startswith("Sign in as the owner:")
    assert "http://127.0.0.1:8123/accounts/login/" in block
    assert "owner@demo.example" in block and "s3cret-words" in block
    assert "Created" not in block and "\x1b" not in block
    assert devserver.sign_in_block("Created Lantern & Loom.\n") == ""


def test_reminder_frames_the_block():
    text = devserver.sign_in_reminder("Sign in as the owner:\n  email:    owner@demo.example")
    lines = text.strip().splitlines()
    assert lines[0] == lines[-1] == "=" * 72
    assert "Keel is ready. Sign in as the owner:" in text and "owner@demo.example" in text


@pytest.mark.parametrize(
    ("now", "last_output", "web_up", "expected"),
    [
        (10.0, 9.5, True, False),  # the worker is still printing (the demo's emails)
        (10.0, 7.0, True, True),  # quiet for 3 s
        (10.0, 7.0, False, False),  # the web server does not answer yet
        (31.0, 30.9, True, True),  # never quiet: repeat it after REMIND_AFTER anyway
    ],
)
def test_ready_to_remind_waits_for_the_server_and_quiet_output(now, last_output, web_up, expected):
    assert (
        devserver.ready_to_remind(now=now, started=0.0, last_output=last_output, web_up=web_up)
        is expected
    )


@pytest.mark.django_db
def test_the_real_seed_output_gives_the_block(settings, monkeypatch):
    settings.KEEL_BASE_URL = "http://127.0.0.1:8123"
    monkeypatch.setenv("KEEL_DEMO_PASSWORD", "demo shop password")
    out = io.StringIO()
    call_command("seed", "demo", stdout=out)
    block = devserver.sign_in_block(out.getvalue())
    assert seed.SIGN_IN_HEADING == devserver.SIGN_IN_HEADING
    assert "http://127.0.0.1:8123/accounts/login/" in block
    assert "owner@demo.example" in block and "demo shop password" in block
