"""Envelope encryption for secrets Keel keeps at rest (AES-256-GCM, `cryptography`).

Each value gets its own random data key; the data key is wrapped by the master key, which
lives outside the database (KEEL_MASTER_KEY, else `$KEEL_DATA_DIR/master.key`), so a database
dump alone reveals nothing. The associated data (`aad`, e.g. "mfa" or "vault:<ws>:<item>")
binds a ciphertext to its purpose: moved to another purpose it no longer decrypts.

Token: "k1:" + urlsafe base64 (no padding) of
    version (1 byte) | master key id (4) | wrap nonce (12) | wrapped data key (32 + 16 tag)
    | nonce (12) | ciphertext + 16-byte tag
The key id names the master key that wrapped the data key, so a later
`keel crypto rotate-master-key` can keep an old key for reading while it re-wraps.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import os
import secrets
import stat
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

PREFIX = "k1:"
VERSION = 1
KEY_FILE_NAME = "master.key"  # `keel backup --include-key` looks for exactly this name

_KEY_BYTES = 32
_NONCE_BYTES = 12
_TAG_BYTES = 16
_KEY_ID_BYTES = 4
_HEADER_BYTES = 1 + _KEY_ID_BYTES
_WRAPPED_BYTES = _NONCE_BYTES + _KEY_BYTES + _TAG_BYTES
_MIN_TOKEN_BYTES = _HEADER_BYTES + _WRAPPED_BYTES + _NONCE_BYTES + _TAG_BYTES

# Parsed keys by (setting value, key file path): reading the file once per process is enough,
# and keying on both lets tests switch keys with override_settings.
_cache: dict[tuple[str, str], bytes] = {}


class DecryptionError(Exception):
    """A token that is malformed, tampered with, moved to another purpose or under another key."""


def encrypt(plaintext: bytes, *, aad: str) -> str:
    """Seal `plaintext` for the purpose `aad`; only `decrypt(..., aad=aad)` opens it."""
    master = master_key()
    header = bytes([VERSION]) + key_id(master)
    data_key = AESGCM.generate_key(bit_length=256)
    wrap_nonce = os.urandom(_NONCE_BYTES)
    wrapped = AESGCM(master).encrypt(wrap_nonce, data_key, _wrap_aad(header, aad))
    nonce = os.urandom(_NONCE_BYTES)
    ciphertext = AESGCM(data_key).encrypt(nonce, plaintext, _data_aad(header, aad))
    raw = header + wrap_nonce + wrapped + nonce + ciphertext
    return PREFIX + base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def decrypt(token: str, *, aad: str) -> bytes:
    """Open a token made by `encrypt` with the same `aad`; DecryptionError otherwise."""
    raw = _unpack(token)
    if raw is None:
        raise DecryptionError("not a Keel encrypted value")
    header, rest = raw[:_HEADER_BYTES], raw[_HEADER_BYTES:]
    if header[0] != VERSION:
        raise DecryptionError(f"unknown encryption format version {header[0]}")
    master = master_key()
    if header[1:] != key_id(master):
        # Say which key is wanted (its id is not secret) so the operator can find it.
        raise DecryptionError(
            f"encrypted under master key {header[1:].hex()}, but the configured key is "
            f"{key_id(master).hex()}"
        )
    wrap_nonce, wrapped = rest[:_NONCE_BYTES], rest[_NONCE_BYTES:_WRAPPED_BYTES]
    nonce = rest[_WRAPPED_BYTES : _WRAPPED_BYTES + _NONCE_BYTES]
    ciphertext = rest[_WRAPPED_BYTES + _NONCE_BYTES :]
    try:
        data_key = AESGCM(master).decrypt(wrap_nonce, wrapped, _wrap_aad(header, aad))
        return AESGCM(data_key).decrypt(nonce, ciphertext, _data_aad(header, aad))
    except InvalidTag:
        raise DecryptionError("the value does not belong here or was altered") from None


def is_encrypted(value: Any) -> bool:
    """Whether `value` is a token of this module (used to make migrations idempotent)."""
    return isinstance(value, str) and _unpack(value) is not None


def key_id(key: bytes) -> bytes:
    """A short, non-secret name for a master key: a hash that cannot be turned back into it."""
    return hashlib.sha256(b"keel master key id\x00" + key).digest()[:_KEY_ID_BYTES]


def master_key() -> bytes:
    """The 32-byte master key: KEEL_MASTER_KEY if set, else the key file (made on first use)."""
    configured = str(getattr(settings, "KEEL_MASTER_KEY", "") or "").strip()
    path = key_file_path()
    cache_key = (configured, str(path))
    key = _cache.get(cache_key)
    if key is None:
        if configured:
            key = parse_key(configured, source="KEEL_MASTER_KEY")
        else:
            key = _read_or_create_key_file(path)
        _cache[cache_key] = key
    return key


def key_file_path() -> Path:
    """`$KEEL_DATA_DIR/master.key` (settings.KEEL_MASTER_KEY_FILE lets tests move it)."""
    configured = getattr(settings, "KEEL_MASTER_KEY_FILE", None)
    if configured:
        return Path(configured)
    from keel.settings.env import DATA_DIR

    return DATA_DIR / KEY_FILE_NAME


def generate_key() -> str:
    """A new master key as text, the form KEEL_MASTER_KEY and the key file hold."""
    return base64.urlsafe_b64encode(secrets.token_bytes(_KEY_BYTES)).decode("ascii")


def parse_key(text: str, *, source: str) -> bytes:
    """Standard or URL-safe base64 of exactly 32 bytes, padded or not.

    The error names where the key came from but never shows the key.
    """
    key = _b64decode(text.strip())
    if key is not None and len(key) == _KEY_BYTES:
        return key
    raise ImproperlyConfigured(
        f"{source} must be base64 of exactly 32 bytes; make one with "
        "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`."
    )


def _read_or_create_key_file(path: Path) -> bytes:
    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            logger.warning(
                "The master key file %s can be read by other users (mode %o); run chmod 600 on it.",
                path,
                mode,
            )
        return parse_key(path.read_text(encoding="ascii"), source=str(path))
    return parse_key(_create_key_file(path), source=str(path))


def _create_key_file(path: Path) -> str:
    """Write a new key atomically: of two processes racing here, both end with the same key.

    The key goes to a private temporary file first and is then hard-linked into place, which
    fails if the name exists; the loser reads the winner's file instead of overwriting it.
    """
    # Decision (issue #12): production does not refuse to start without a key. It creates
    # the file like development does, but warns loudly, because a key only on the server's
    # disk is lost with that disk and without it every encrypted secret is gone.
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    text = generate_key()
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(text + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            return path.read_text(encoding="ascii")
    finally:
        temporary.unlink(missing_ok=True)
    from keel.settings import env

    if env.KEEL_ENV == "production":
        logger.warning(
            "Created a new master key in %s. Back it up apart from the database backups "
            "(or move it to KEEL_MASTER_KEY): without it MFA secrets and queued mail cannot "
            "be decrypted.",
            path,
        )
    else:
        logger.info("Created a new master key in %s.", path)
    return text


def _unpack(token: str) -> bytes | None:
    if not isinstance(token, str) or not token.startswith(PREFIX):
        return None
    raw = _b64decode(token[len(PREFIX) :])
    if raw is None or len(raw) < _MIN_TOKEN_BYTES:
        return None
    return raw


def _b64decode(text: str) -> bytes | None:
    """Either base64 alphabet, padding optional; None for anything else (no silent skipping)."""
    text = text.replace("-", "+").replace("_", "/").rstrip("=")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def _wrap_aad(header: bytes, aad: str) -> bytes:
    return b"keel-wrap\x00" + header + aad.encode("utf-8")


def _data_aad(header: bytes, aad: str) -> bytes:
    return b"keel-data\x00" + header + aad.encode("utf-8")
