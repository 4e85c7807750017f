"""Issue 12, sign-in hardening: the admin behind allauth's sign-in and two-factor, per-IP
limits that see the client behind a proxy, growing per-account delays instead of lockouts,
and a sign-up that does not tell whether an address already has an account."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from keel.accounts import throttle
from keel.accounts.models import User
from keel.accounts.tests.factories import PASSWORD
from keel.core.models import Membership, Role, Workspace
from keel.settings import base as base_settings

SIGNUP = {
    "full_name": "Wang Fang",
    "password1": "Oolong-and-jasmine-42",
    "password2": "Oolong-and-jasmine-42",
    "company_name": "Tea Shop",
    "email_domain": "teashop.example",
    "language": "en",
    "timezone": "Asia/Shanghai",
}


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits and throttle state live in the cache, which outlives a test's transaction.
    cache.clear()
    yield
    cache.clear()


def sign_in(client: Client, email: str, password: str = PASSWORD, **headers: str):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, headers=headers
    )


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def errors(response) -> list[str]:
    return [str(e) for e in response.context["form"].non_field_errors()]


# --- Admin ---------------------------------------------------------------------------------


@pytest.fixture
def superuser_with_totp(db) -> tuple[User, str]:
    user = User.objects.create_superuser(email="root@acme.example", password=PASSWORD)
    secret = pyotp.random_base32()
    TOTP.activate(user, secret)
    return user, secret


def test_admin_is_absent_when_keel_admin_is_off(client, settings, superuser_with_totp):
    settings.KEEL_ADMIN = False
    client.force_login(superuser_with_totp[0])

    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404
    assert client.get("/admin/accounts/user/").status_code == 404


def test_admin_login_form_does_not_sign_in_with_the_password(client, settings, superuser_with_totp):
    settings.KEEL_ADMIN = True
    user, _ = superuser_with_totp

    response = client.post("/admin/login/", {"username": user.email, "password": PASSWORD})

    assert not signed_in(client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.get("/admin/").status_code == 302


def test_admin_sign_in_goes_through_allauth_and_its_second_factor(
    client, settings, superuser_with_totp
):
    settings.KEEL_ADMIN = True
    user, secret = superuser_with_totp

    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == f"{reverse('account_login')}?next=%2Fadmin%2F"

    response = client.post(
        f"{reverse('account_login')}?next=/admin/",
        {"login": user.email, "password": PASSWORD, "next": "/admin/"},
    )
    assert response["Location"] == reverse("mfa_authenticate")
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302  # the password alone opens nothing

    response = client.post(reverse("mfa_authenticate"), {"code": pyotp.TOTP(secret).now()})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_session_that_skipped_the_second_factor_gets_no_admin(
    client, settings, superuser_with_totp
):
    # A session made some other way than allauth's full sign-in (an old admin login, a
    # sign-in before TOTP was added) carries no record of the second factor.
    settings.KEEL_ADMIN = True
    user, secret = superuser_with_totp
    client.force_login(user)

    response = client.get("/admin/")
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response["Location"] == f"{reverse('mfa_reauthenticate')}?next=%2Fadmin%2F"

    response = client.post(response["Location"], {"code": pyotp.TOTP(secret).now()})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_staff_without_an_authenticator_still_signs_in_through_allauth(client, settings, db):
    settings.KEEL_ADMIN = True
    user = User.objects.create_superuser(email="plain@acme.example", password=PASSWORD)
    assert not Authenticator.objects.filter(user=user).exists()

    sign_in(client, user.email)

    assert client.get("/admin/").status_code == 200


def test_signed_in_non_staff_is_refused_by_the_admin(client, settings, owner):
    settings.KEEL_ADMIN = True
    sign_in(client, owner.user.email)

    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/login/").status_code == 403


# --- Per-IP limits behind a proxy ------------------------------------------------------------

PROXY = {"REMOTE_ADDR": "10.0.0.2"}  # every request arrives from the reverse proxy


def _five_failures_from(client: Client, **headers: str) -> None:
    # Five different unknown addresses: only the per-IP limit can trip, not the per-account delay.
    for n in range(5):
        client.post(
            reverse("account_login"),
            {"login": f"guess{n}@elsewhere.example", "password": "wrong-wrong-1"},
            headers=headers,
            **PROXY,
        )


@pytest.mark.parametrize(
    ("proxy_settings", "a", "b"),
    [
        ({"ALLAUTH_TRUSTED_PROXY_COUNT": 1}, {"x-forwarded-for": "198.51.100.7"},
         {"x-forwarded-for": "203.0.113.9"}),
        ({"ALLAUTH_TRUSTED_CLIENT_IP_HEADER": "X-Real-IP"}, {"x-real-ip": "198.51.100.7"},
         {"x-real-ip": "203.0.113.9"}),
    ],
)  # fmt: skip
def test_failures_from_one_client_do_not_block_another_behind_the_proxy(
    settings, owner, proxy_settings, a, b
):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/ip"}
    for name, value in proxy_settings.items():
        setattr(settings, name, value)
    attacker, colleague = Client(), Client()
    _five_failures_from(attacker, **a)

    blocked = attacker.post(
        reverse("account_login"), {"login": owner.user.email, "password": PASSWORD},
        headers=a, **PROXY,
    )  # fmt: skip
    assert not signed_in(attacker)
    assert "Too many failed login attempts" in blocked.content.decode()

    colleague.post(
        reverse("account_login"), {"login": owner.user.email, "password": PASSWORD},
        headers=b, **PROXY,
    )  # fmt: skip
    assert signed_in(colleague)


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings, owner):
    # The counterpart: unconfigured, a forged X-Forwarded-For cannot dodge the per-IP limit.
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/ip"}
    attacker, other = Client(), Client()
    _five_failures_from(attacker, **{"x-forwarded-for": "198.51.100.7"})

    other.post(
        reverse("account_login"), {"login": owner.user.email, "password": PASSWORD},
        headers={"x-forwarded-for": "203.0.113.9"}, **PROXY,
    )  # fmt: skip
    assert not signed_in(other)


def test_a_request_that_skipped_a_proxy_is_keyed_on_its_own_address(settings, owner):
    # Two trusted proxies but one X-Forwarded-For entry: the header was not written by us.
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/ip"}
    direct = Client()
    for n in range(5):
        response = direct.post(
            reverse("account_login"),
            {"login": f"guess{n}@elsewhere.example", "password": "wrong-wrong-1"},
            headers={"x-forwarded-for": f"198.51.100.{n}"}, **PROXY,
        )  # fmt: skip
        assert response.status_code == 200  # not a server error

    response = direct.post(
        reverse("account_login"), {"login": owner.user.email, "password": PASSWORD},
        headers={"x-forwarded-for": "203.0.113.9"}, **PROXY,
    )  # fmt: skip
    assert "Too many failed login attempts" in response.content.decode()


def _settings_in_a_fresh_process(code: str, tmp_path: Path, **env: str) -> str:
    """What `code` prints with the settings read from `env` (settings are read at import)."""
    full_env = {**os.environ, "KEEL_DATA_DIR": str(tmp_path), "KEEL_SECRET_KEY": "x" * 50}
    full_env.pop("KEEL_ADMIN", None)
    full_env.update(env)
    out = subprocess.run(
        [sys.executable, "-c", code], env=full_env, capture_output=True, text=True,
        timeout=60, check=True, cwd=Path(base_settings.__file__).resolve().parents[2],
    )  # fmt: skip
    return out.stdout.strip()


def test_proxy_settings_come_from_the_environment(tmp_path: Path):
    code = (
        "from keel.settings import base as b;"
        "print(b.ALLAUTH_TRUSTED_PROXY_COUNT, b.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)"
    )
    printed = _settings_in_a_fresh_process(
        code, tmp_path, KEEL_TRUSTED_PROXY_COUNT="1", KEEL_CLIENT_IP_HEADER="X-Real-IP"
    )
    assert printed == "1 X-Real-IP"


def test_production_serves_no_admin_unless_asked_even_with_debug(tmp_path: Path):
    code = "from keel.settings import production as p; print(p.KEEL_ADMIN)"
    env = {"KEEL_ENV": "production", "KEEL_DEBUG": "1", "KEEL_ALLOWED_HOSTS": "shop.example"}

    assert _settings_in_a_fresh_process(code, tmp_path, **env) == "False"
    assert _settings_in_a_fresh_process(code, tmp_path, **env, KEEL_ADMIN="1") == "True"


# --- Per-account: growing delays, not lockouts -----------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1_900_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch, settings) -> Clock:
    # The production limits, not the test settings' own.
    settings.ACCOUNT_RATE_LIMITS = base_settings.ACCOUNT_RATE_LIMITS
    c = Clock()
    monkeypatch.setattr(throttle, "_now", c)
    return c


def test_delays_double_after_five_failures_and_stop_at_fifteen_minutes():
    assert [throttle.delay_after(n) for n in range(1, 10)] == [0, 0, 0, 0, 1, 2, 4, 8, 16]
    assert throttle.delay_after(14) == 512
    assert throttle.delay_after(15) == throttle.delay_after(500) == 15 * 60


def _answers(
    email: str, clock: Clock, good_password: str, ip: str = "192.0.2.1"
) -> list[tuple[int, bool, list[str]]]:
    """One scripted run against `email`: what a client sees at each step."""
    client = Client(REMOTE_ADDR=ip)
    seen = []

    def attempt(password: str) -> None:
        response = sign_in(client, email, password)
        seen.append((response.status_code, signed_in(client),
                     errors(response) if response.status_code == 200 else []))  # fmt: skip

    for _ in range(5):
        attempt("wrong-wrong-1")
    attempt(good_password)  # at once: inside the 1 s wait, refused even with the right one
    clock.now += 1
    attempt("wrong-wrong-1")  # sixth failure: the wait becomes 2 s
    attempt("wrong-wrong-1")
    clock.now += 2
    attempt("wrong-wrong-1")  # seventh failure: 4 s
    clock.now += 3
    attempt(good_password)
    clock.now += 1
    attempt(good_password)  # the wait is over: the right password gets in
    return seen


def test_the_delay_grows_and_the_right_password_works_after_it(clock, owner):
    seen = _answers(owner.user.email, clock, PASSWORD)

    assert [s[1] for s in seen] == [False] * 10 + [True]
    refused = [s[2] for s in seen if s[2] and "Too many failed sign-ins" in s[2][0]]
    assert [re.findall(r"\d+ seconds?", e[0]) for e in refused] == [
        ["1 second"], ["2 seconds"], ["1 second"],
    ]  # fmt: skip
    # Signed in: the failures are forgotten, the next mistake is an ordinary one.
    assert throttle.wait_seconds(owner.user.email) == 0


def test_unknown_and_known_addresses_get_the_same_answers(clock, owner):
    known = _answers(owner.user.email, clock, "still-wrong-2")
    clock.now += 3600
    unknown = _answers("nobody@acme.example", clock, "still-wrong-2", ip="192.0.2.2")

    assert known == unknown


def test_an_attacker_cannot_keep_the_owner_out_for_long(clock, owner):
    # Many addresses (a botnet), so only the per-account rule stands between them and the owner.
    for n in range(40):
        sign_in(Client(REMOTE_ADDR=f"198.51.100.{n}"), owner.user.email, "wrong-wrong-1")
        clock.now += 15 * 60

    client = Client(REMOTE_ADDR="192.0.2.50")
    sign_in(client, owner.user.email)
    assert signed_in(client)


# --- Sign-up does not tell whether an address has an account ---------------------------------


def _page_text(response) -> str:
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _sign_up(email: str, slug: str, capture) -> tuple[int, str, str]:
    client = Client()
    with capture(execute=True):
        response = client.post(reverse("account_signup"), {**SIGNUP, "email": email, "slug": slug})
    page = client.get(response["Location"]) if response.status_code == 302 else response
    return response.status_code, response.get("Location", ""), _page_text(page).replace(email, "")


def test_signup_with_a_known_or_new_address_looks_the_same(
    settings, owner, django_capture_on_commit_callbacks
):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"  # the production default
    known = _sign_up(owner.user.email, "known-shop", django_capture_on_commit_callbacks)
    new = _sign_up("fang@teashop.example", "new-shop", django_capture_on_commit_callbacks)

    assert known == new
    # Neither took its workspace address yet, so retrying an address reveals nothing.
    assert not Workspace.objects.filter(slug__in=["known-shop", "new-shop"]).exists()
    assert [(m.to, "already" in m.subject.lower()) for m in mail.outbox] == [
        ([owner.user.email], True),
        (["fang@teashop.example"], False),
    ]


class CountingHasher(MD5PasswordHasher):
    calls = 0

    def encode(self, password: str, salt: str) -> str:
        CountingHasher.calls += 1
        return super().encode(password, salt)


def test_both_sign_up_paths_spend_one_password_hash(
    settings, owner, django_capture_on_commit_callbacks
):
    # The hash is the slow step: spent on one path only, response times would tell them apart.
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    spent: list[int] = []
    for email in (owner.user.email, "fang@teashop.example"):
        CountingHasher.calls = 0
        _sign_up(email, f"shop-{len(spent)}", django_capture_on_commit_callbacks)
        spent.append(CountingHasher.calls)

    assert spent == [1, 1]


def test_the_workspace_is_created_when_the_address_is_confirmed(
    settings, db, django_capture_on_commit_callbacks
):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    _sign_up("fang@teashop.example", "teashop", django_capture_on_commit_callbacks)
    Workspace.objects.create(name="Squatter", slug="teashop", email_domain="x.example")
    link = re.search(r"/accounts/confirm-email/[^/\s]+/", mail.outbox[0].body)
    assert link

    client = Client()
    client.post(link.group(0))

    user = User.objects.get(email="fang@teashop.example")
    membership = Membership.objects.get(user=user, role=Role.OWNER)
    # The address was taken meanwhile: the next free one, never someone else's workspace.
    assert (membership.workspace.slug, membership.workspace.name) == ("teashop-2", "Tea Shop")
