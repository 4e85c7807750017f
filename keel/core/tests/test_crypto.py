"""Envelope encryption: a sealed value opens only for its purpose and under its master key."""

from __future__ import annotations

import base64
import logging
import stat

import pytest
from django.core.exceptions import ImproperlyConfigured

from keel.core import crypto
from keel.settings import env as keel_env

KEY = bytes(range(32))


@pytest.fixture(autouse=True)
def _fresh_keys():
    crypto._cache.clear()
    yield
    crypto._cache.clear()


@pytest.fixture
def key_file(settings, tmp_path):
    """No KEEL_MASTER_KEY: the key comes from a key file in a data directory not yet made."""
    settings.KEEL_MASTER_KEY = ""
    path = tmp_path / "data" / "master.key"
    settings.KEEL_MASTER_KEY_FILE = path
    return path


def test_round_trip_opens_only_with_the_same_purpose():
    token = crypto.encrypt(b"JBSWY3DPEHPK3PXP", aad="mfa:7")

    assert crypto.decrypt(token, aad="mfa:7") == b"JBSWY3DPEHPK3PXP"
    assert "JBSWY3DPEHPK3PXP" not in token
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(token, aad="mfa:8")  # the same ciphertext moved to another row


def test_each_value_gets_its_own_data_key_and_nonce():
    first = crypto.encrypt(b"same", aad="mail")
    second = crypto.encrypt(b"same", aad="mail")

    assert first != second
    assert crypto.decrypt(first, aad="mail") == crypto.decrypt(second, aad="mail") == b"same"


def test_a_tampered_token_does_not_open():
    token = crypto.encrypt(b"secret link", aad="mail")
    raw = bytearray(base64.urlsafe_b64decode(token[3:] + "=" * (-len(token[3:]) % 4)))
    raw[-1] ^= 1
    tampered = "k1:" + base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=")

    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(tampered, aad="mail")


def test_a_value_sealed_under_another_master_key_names_both_key_ids(settings):
    token = crypto.encrypt(b"x", aad="mfa")
    old_id = crypto.key_id(crypto.master_key()).hex()
    settings.KEEL_MASTER_KEY = base64.b64encode(KEY).decode()

    with pytest.raises(crypto.DecryptionError) as error:
        crypto.decrypt(token, aad="mfa")

    assert old_id in str(error.value)
    assert crypto.key_id(KEY).hex() in str(error.value)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("JBSWY3DPEHPK3PXP", False),
        ("k1:short", False),
        ("k1:" + "!" * 120, False),
        (None, False),
        (42, False),
    ],
)
def test_is_encrypted_tells_plaintext_from_tokens(value, expected):
    assert crypto.is_encrypted(value) is expected
    assert crypto.is_encrypted(crypto.encrypt(b"", aad="mfa"))


@pytest.mark.parametrize(
    "text",
    [
        base64.b64encode(KEY).decode(),
        base64.urlsafe_b64encode(KEY).decode(),
        base64.urlsafe_b64encode(KEY).decode().rstrip("="),
        f"  {base64.b64encode(KEY).decode()}\n",
    ],
)
def test_master_key_from_the_setting_accepts_either_base64(settings, text):
    settings.KEEL_MASTER_KEY = text

    assert crypto.master_key() == KEY


@pytest.mark.parametrize("text", ["not base64 at all!", base64.b64encode(b"too short").decode()])
def test_a_bad_master_key_setting_is_refused_without_echoing_it(settings, text):
    settings.KEEL_MASTER_KEY = text

    with pytest.raises(ImproperlyConfigured) as error:
        crypto.master_key()

    assert "KEEL_MASTER_KEY" in str(error.value)
    assert text not in str(error.value)


def test_the_key_file_is_made_owner_only_on_first_use_and_then_reused(key_file):
    token = crypto.encrypt(b"totp secret", aad="mfa")

    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    crypto._cache.clear()  # a new process reads the same file
    assert crypto.decrypt(token, aad="mfa") == b"totp secret"
    assert len(crypto.parse_key(key_file.read_text(), source="file")) == 32
    assert [p.name for p in key_file.parent.iterdir()] == ["master.key"]  # no temp file left


def test_an_existing_key_file_is_used_not_replaced(key_file):
    key_file.parent.mkdir()
    key_file.write_text(base64.urlsafe_b64encode(KEY).decode() + "\n")
    key_file.chmod(0o600)

    assert crypto.master_key() == KEY


def test_production_creates_the_key_file_but_warns_to_back_it_up(key_file, monkeypatch, caplog):
    monkeypatch.setattr(keel_env, "KEEL_ENV", "production")

    with caplog.at_level(logging.INFO, logger="keel.core.crypto"):
        crypto.master_key()

    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings
    assert "Back it up" in warnings[0].getMessage()
    key_text = key_file.read_text().strip()
    assert all(key_text not in r.getMessage() for r in caplog.records)


def test_a_readable_key_file_is_warned_about(key_file, caplog):
    key_file.parent.mkdir()
    key_file.write_text(base64.urlsafe_b64encode(KEY).decode())
    key_file.chmod(0o644)

    with caplog.at_level(logging.WARNING, logger="keel.core.crypto"):
        crypto.master_key()

    assert "chmod 600" in caplog.text
