"""MFA secrets are stored sealed with the master key, and second factors still work."""

from __future__ import annotations

import importlib
import json

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse

from keel.accounts.tests.factories import PASSWORD
from keel.core import crypto

migration = importlib.import_module("keel.accounts.migrations.0003_encrypt_mfa_secrets")


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()  # allauth's rate limits and used-code markers live in the cache
    yield
    cache.clear()


def _stored_data(authenticator: Authenticator) -> str:
    """The row as the database holds it (what a dump would show), not through the ORM."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE id = %s", [authenticator.pk])
        (data,) = cursor.fetchone()
    return data if isinstance(data, str) else json.dumps(data)


def _sign_in(client: Client, email: str):
    return client.post(reverse("account_login"), {"login": email, "password": PASSWORD})


def _signed_in(client: Client, user) -> bool:
    return client.session.get("_auth_user_id") == str(user.pk)


def test_totp_enabled_on_the_page_is_stored_sealed_and_signs_in(
    client, owner, django_capture_on_commit_callbacks
):
    _sign_in(client, owner.user.email)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mfa_activate_totp"), {"code": pyotp.TOTP(secret).now()})

    row = Authenticator.objects.get(user=owner.user, type=Authenticator.Type.TOTP)
    assert secret not in _stored_data(row)
    assert crypto.is_encrypted(row.data["secret"])

    fresh = Client()
    assert _sign_in(fresh, owner.user.email)["Location"] == reverse("mfa_authenticate")
    code = pyotp.TOTP(secret).now()
    fresh.post(reverse("mfa_authenticate"), {"code": f"{(int(code) + 1) % 10**6:06d}"})
    assert not _signed_in(fresh, owner.user)  # a wrong code still fails
    fresh.post(reverse("mfa_authenticate"), {"code": code})
    assert _signed_in(fresh, owner.user)


def test_recovery_codes_are_derived_from_a_sealed_seed_and_sign_in(owner):
    secret = pyotp.random_base32()
    totp = TOTP.activate(owner.user, secret)
    codes = RecoveryCodes.activate(owner.user)
    code = codes.get_unused_codes()[0]

    stored = _stored_data(totp.instance) + _stored_data(codes.instance)
    assert secret not in stored
    assert code not in stored
    assert crypto.is_encrypted(codes.instance.data["seed"])

    client = Client()
    _sign_in(client, owner.user.email)
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert _signed_in(client, owner.user)


def test_a_secret_sealed_for_another_purpose_is_refused(owner):
    row = TOTP.activate(owner.user, pyotp.random_base32()).instance
    row.data["secret"] = crypto.encrypt(b"JBSWY3DPEHPK3PXPJBSWY3DP", aad="mail")
    row.save()

    with pytest.raises(crypto.DecryptionError):
        TOTP(row).validate_code(pyotp.TOTP("JBSWY3DPEHPK3PXPJBSWY3DP").now())


def test_the_migration_seals_old_plaintext_rows_once_and_reverses(owner):
    secret = pyotp.random_base32()
    seed = RecoveryCodes.generate_seed()
    # Rows as allauth wrote them before Keel's adapter: secrets in the clear.
    totp = Authenticator.objects.create(
        user=owner.user, type=Authenticator.Type.TOTP, data={"secret": secret}
    )
    codes = Authenticator.objects.create(
        user=owner.user,
        type=Authenticator.Type.RECOVERY_CODES,
        data={"seed": seed, "used_mask": 0, "migrated_codes": ["12345678"]},
    )

    migration.encrypt_secrets(apps, None)

    totp.refresh_from_db()
    codes.refresh_from_db()
    assert secret not in _stored_data(totp)
    assert seed not in _stored_data(codes)
    assert "12345678" not in _stored_data(codes)
    assert codes.data["used_mask"] == 0
    assert TOTP(totp).validate_code(pyotp.TOTP(secret).now())
    assert RecoveryCodes(codes).get_unused_codes() == ["12345678"]

    sealed = (totp.data, codes.data)
    migration.encrypt_secrets(apps, None)  # a second run changes nothing
    totp.refresh_from_db()
    codes.refresh_from_db()
    assert (totp.data, codes.data) == sealed

    migration.decrypt_secrets(apps, None)
    totp.refresh_from_db()
    codes.refresh_from_db()
    assert totp.data == {"secret": secret}
    assert codes.data == {"seed": seed, "used_mask": 0, "migrated_codes": ["12345678"]}
