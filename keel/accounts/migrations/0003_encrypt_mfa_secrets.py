"""Encrypt the MFA secrets allauth stored in plaintext before KeelMFAAdapter existed.

Idempotent: values that are already sealed are left alone, so running it on a database
where some rows were written through the adapter is safe. Reversing opens them again.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

from keel.core import crypto

# Frozen here (not imported from keel.accounts.mfa_adapter): what this migration wrote
# must stay readable even if the adapter's constant changes later.
AAD = "mfa"
SECRET_KEYS = ("secret", "seed")  # TOTP secret, recovery-code seed
LIST_KEYS = ("migrated_codes",)  # recovery codes imported from django-allauth-2fa


def encrypt_data(data: dict[str, Any]) -> dict[str, Any]:
    """The row's data with every secret sealed; sealed ones and other keys unchanged."""
    return _convert(data, _seal)


def decrypt_data(data: dict[str, Any]) -> dict[str, Any]:
    """The row's data with every sealed secret opened (for the reverse migration)."""
    return _convert(data, _open)


def _seal(value: str) -> str:
    return value if crypto.is_encrypted(value) else crypto.encrypt(value.encode(), aad=AAD)


def _open(value: str) -> str:
    return crypto.decrypt(value, aad=AAD).decode() if crypto.is_encrypted(value) else value


def _convert(data: dict[str, Any], change: Any) -> dict[str, Any]:
    result = dict(data)
    for key in SECRET_KEYS:
        if isinstance(result.get(key), str):
            result[key] = change(result[key])
    for key in LIST_KEYS:
        if isinstance(result.get(key), list):
            result[key] = [change(v) if isinstance(v, str) else v for v in result[key]]
    return result


def _rewrite(apps: Any, convert: Any) -> None:
    authenticator = apps.get_model("mfa", "Authenticator")
    for row in authenticator.objects.only("pk", "data").iterator():
        data = convert(row.data or {})
        if data != row.data:
            row.data = data
            row.save(update_fields=["data"])


def encrypt_secrets(apps: Any, schema_editor: Any) -> None:
    _rewrite(apps, encrypt_data)


def decrypt_secrets(apps: Any, schema_editor: Any) -> None:
    _rewrite(apps, decrypt_data)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_secrets, decrypt_secrets, elidable=False)]
