"""Chat delivery: each chat's format and signature against a local fake that checks them,
retries with a visible last error, sealing of the address and secret, who may connect a
chat, and which of Keel's news reaches which chat."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.utils import timezone

from keel.core.models import AuditEvent, Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.notifications import chat_formats
from keel.notifications.models import ChatDelivery, ChatDeliveryStatus, ChatWebhook
from keel.notifications.services import (
    WebhookFields,
    chat_post,
    chat_webhook_create,
    chat_webhook_test,
    chat_webhook_update,
)
from keel.notifications.services.chat_delivery import MAX_ATTEMPTS, retry_due
from keel.notifications.tests.fake_chat import fake_chat

pytestmark = pytest.mark.django_db

TOPICS = ["group.message"]


@pytest.fixture
def admin() -> Any:
    return MembershipFactory(role=Role.ADMIN)


def connect(admin: Any, provider: str, url: str, secret: str = "", **kw: Any) -> ChatWebhook:
    fields = WebhookFields(name=kw.pop("name", "Ops chat"), provider=provider, url=url,
                           secret=secret, topics=kw.pop("topics", TOPICS), **kw)  # fmt: skip
    return chat_webhook_create(actor=admin, fields=fields)


def post(admin: Any, django_capture_on_commit_callbacks: Any, **params: Any) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        return chat_post(workspace=admin.workspace, topic="group.message", url="/x/groups/1/",
                         params={"actor": "Wang Fang", "group": "Purchasing",
                                 "subject": "New supplier", **params})  # fmt: skip


# --- formats and signatures against the fake chats ------------------------------------------


@override_settings(KEEL_CHAT_ALLOW_PRIVATE_HOSTS=True)
@pytest.mark.parametrize(("provider", "secret"), [
    ("slack", ""), ("feishu", ""), ("feishu", "feishu-secret"), ("dingtalk", ""),
    ("dingtalk", "SECdingtalk"), ("wecom", ""),
])  # fmt: skip
def test_each_chat_accepts_keels_message(
    admin: Any, django_capture_on_commit_callbacks: Any, provider: str, secret: str
) -> None:
    with fake_chat(secret=secret) as chat:
        hook = connect(admin, provider, chat.url(provider), secret)
        assert post(admin, django_capture_on_commit_callbacks) == 1
    delivery = ChatDelivery.objects.get(webhook=hook)
    assert delivery.status == ChatDeliveryStatus.SENT, delivery.last_error
    assert len(chat.received) == 1
    assert chat.received[0]["content_type"].startswith("application/json")
    text = str(chat.received[0]["body"])
    assert "Wang Fang wrote to Purchasing: New supplier" in text
    assert "http" in text  # the link back into Keel, absolute


@override_settings(KEEL_CHAT_ALLOW_PRIVATE_HOSTS=True)
@pytest.mark.parametrize("provider", ["feishu", "dingtalk"])
def test_a_wrong_signing_secret_is_refused_and_shown(
    admin: Any, django_capture_on_commit_callbacks: Any, provider: str
) -> None:
    with fake_chat(secret="the-real-secret") as chat:
        hook = connect(admin, provider, chat.url(provider), "a-wrong-secret")
        post(admin, django_capture_on_commit_callbacks)
    delivery = ChatDelivery.objects.get(webhook=hook)
    hook.refresh_from_db()
    assert delivery.status == ChatDeliveryStatus.PENDING  # to be retried
    assert "sign" in delivery.last_error and "sign" in hook.last_error
    assert delivery.attempts == 1
    assert delivery.next_attempt_at is not None and delivery.next_attempt_at > timezone.now()


def test_signatures_match_the_chats_recipes() -> None:
    # Feishu: base64(HMAC-SHA256(key="<ts>\n<secret>", msg="")), computed here by hand.
    import base64
    import hashlib
    import hmac

    expected = base64.b64encode(hmac.new(b"1599360473\ndemo", b"", hashlib.sha256).digest())
    assert chat_formats.feishu_sign("demo", 1599360473) == expected.decode()
    # DingTalk: the URL-encoded base64 of HMAC-SHA256(key=secret, msg="<ms>\n<secret>").
    sign = chat_formats.dingtalk_sign("SECabc", 1700000000000)
    assert "+" not in sign and "/" not in sign and sign.endswith("%3D")


def test_wecom_messages_are_cut_to_its_limit() -> None:
    _url, body = chat_formats.build_request(
        provider="wecom", url="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
        secret="", title="标题", lines=["长" * 3000], link="https://keel.example/x",
        link_label="打开", language="zh-hans", now=0,
    )  # fmt: skip
    import json

    assert len(json.loads(body)["markdown"]["content"].encode()) <= chat_formats.WECOM_MAX_BYTES


def test_chats_that_answer_an_error_code_in_200_count_as_failed() -> None:
    with pytest.raises(chat_formats.ChatSendError, match="310000"):
        chat_formats.check_response(
            "dingtalk", 200, b'{"errcode":310000,"errmsg":"sign not match"}'
        )
    with pytest.raises(chat_formats.ChatSendError, match="HTTP 500"):
        chat_formats.check_response("slack", 500, b"boom")
    chat_formats.check_response("feishu", 200, b'{"StatusCode":0,"StatusMessage":"success"}')


# --- retries ----------------------------------------------------------------------------------


@override_settings(KEEL_CHAT_ALLOW_PRIVATE_HOSTS=True)
def test_a_chat_that_is_down_is_retried_then_given_up(
    admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with fake_chat(status=503) as chat:
        hook = connect(admin, "slack", chat.url("slack"))
        post(admin, django_capture_on_commit_callbacks)
        delivery = ChatDelivery.objects.get(webhook=hook)
        assert delivery.status == ChatDeliveryStatus.PENDING and "503" in delivery.last_error
        # Nothing is due yet: the sweep sends nothing early.
        assert retry_due() == 0 and len(chat.received) == 1
        for _ in range(MAX_ATTEMPTS - 1):
            ChatDelivery.objects.filter(pk=delivery.pk).update(
                next_attempt_at=timezone.now() - timedelta(seconds=1)
            )
            retry_due()
        delivery.refresh_from_db()
        assert delivery.status == ChatDeliveryStatus.FAILED
        assert delivery.attempts == MAX_ATTEMPTS == len(chat.received)
        # Failed for good: no more attempts.
        assert retry_due() == 0 and len(chat.received) == MAX_ATTEMPTS


@override_settings(KEEL_CHAT_ALLOW_PRIVATE_HOSTS=True)
def test_a_retry_that_succeeds_clears_the_shown_error(
    admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from keel.notifications.views.chat import shows_error

    with fake_chat(status=500) as chat:
        hook = connect(admin, "slack", chat.url("slack"))
        post(admin, django_capture_on_commit_callbacks)
        chat.status = 200
        ChatDelivery.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
        assert retry_due() == 1
    hook.refresh_from_db()
    assert ChatDelivery.objects.get().status == ChatDeliveryStatus.SENT
    assert not shows_error(hook)


@override_settings(KEEL_CHAT_ALLOW_PRIVATE_HOSTS=True)
def test_a_delivery_is_sent_once_even_if_two_workers_try(
    admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from keel.notifications.services.chat_delivery import deliver

    with fake_chat() as chat:
        connect(admin, "slack", chat.url("slack"))
        post(admin, django_capture_on_commit_callbacks)
        pk = ChatDelivery.objects.get().pk
        assert deliver(pk) is False  # already sent by the job
        held = timezone.now() + timedelta(minutes=1)
        ChatDelivery.objects.filter(pk=pk).update(status=ChatDeliveryStatus.PENDING,
                                                  claimed_until=held)  # fmt: skip
        assert deliver(pk) is False  # another worker holds the claim
    assert len(chat.received) == 1


# --- sealing, validation and permissions -------------------------------------------------------


def test_the_address_and_secret_are_sealed_and_never_audited(admin: Any) -> None:
    url = "https://oapi.dingtalk.com/robot/send?access_token=supersecrettoken"
    hook = connect(admin, "dingtalk", url, "SECverysecret")
    raw = ChatWebhook.objects.filter(pk=hook.pk).values("url_sealed", "secret_sealed").get()
    assert (
        "supersecrettoken" not in raw["url_sealed"] and "SECverysecret" not in raw["secret_sealed"]
    )
    assert hook.url_hint == "oapi.dingtalk.com …oken"
    events = str(list(AuditEvent.objects.values("data", "target_repr")))
    assert "supersecrettoken" not in events and "SECverysecret" not in events
    # Moved to another webhook row, a sealed address no longer opens.
    other = connect(admin, "slack", "https://hooks.slack.com/services/T/B/C", name="Other")
    ChatWebhook.objects.filter(pk=other.pk).update(url_sealed=raw["url_sealed"])
    other.refresh_from_db()
    from keel.core.crypto import DecryptionError
    from keel.notifications.services.chat import unseal

    with pytest.raises(DecryptionError):
        unseal(other, "url")


@pytest.mark.parametrize(("provider", "url", "field"), [
    ("slack", "", "url"),
    ("slack", "ftp://hooks.slack.com/x", "url"),
    ("slack", "http://hooks.slack.com/services/x", "url"),  # https only
    ("slack", "https://127.0.0.1/hook", "url"),  # inside the network
    ("slack", "https://10.0.0.5/hook", "url"),
    ("slack", "https://localhost/hook", "url"),
    ("dingtalk", "https://oapi.dingtalk.com/robot/send", "url"),
    ("wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", "url"),
    ("feishu", "https://open.feishu.cn/open-apis/", "url"),
    ("teams", "https://example.com/x", "provider"),
])  # fmt: skip
def test_bad_addresses_get_a_clear_message(admin: Any, provider: str, url: str, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        connect(admin, provider, url)
    assert field in caught.value.message_dict
    assert not ChatWebhook.objects.exists()


def test_other_bad_fields(admin: Any) -> None:
    other_group = __import__("keel.accounts.models", fromlist=["Group"]).Group.objects.create(
        workspace=WorkspaceFactory(), name="Theirs", alias="theirs"
    )
    with pytest.raises(ValidationError) as caught:
        chat_webhook_create(actor=admin, fields=WebhookFields(
            name=" ", provider="slack", url="https://hooks.slack.com/services/T/B/C",
            secret="no-secret-for-slack", topics=["nope", "chat.test"], group_id=other_group.pk,
            language="fr"))  # fmt: skip
    assert set(caught.value.message_dict) == {"name", "secret", "topics", "group", "language"}


@pytest.mark.parametrize("role", [Role.MANAGER, Role.MEMBER, Role.ASSISTANT, Role.GUEST])
def test_only_admins_connect_chats(role: str) -> None:
    with pytest.raises(PermissionDenied):
        connect(MembershipFactory(role=role), "slack", "https://hooks.slack.com/services/T/B/C")


def test_an_edit_keeps_the_sealed_address_unless_a_new_one_is_given(admin: Any) -> None:
    hook = connect(admin, "feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/aaa", "s1")
    sealed = hook.url_sealed, hook.secret_sealed
    chat_webhook_update(actor=admin, webhook=hook, fields=WebhookFields(
        name="Renamed", provider="feishu", topics=TOPICS, secret=None))  # fmt: skip
    hook.refresh_from_db()
    assert (hook.url_sealed, hook.secret_sealed) == sealed and hook.name == "Renamed"
    chat_webhook_update(actor=admin, webhook=hook, fields=WebhookFields(
        name="Renamed", provider="feishu", topics=TOPICS, secret=""))  # fmt: skip
    hook.refresh_from_db()
    assert hook.secret_sealed == ""
    with pytest.raises(ValidationError) as caught:  # another chat needs its own address
        chat_webhook_update(actor=admin, webhook=hook, fields=WebhookFields(
            name="Renamed", provider="slack", topics=TOPICS))  # fmt: skip
    assert "url" in caught.value.message_dict


def test_keel_does_not_post_inside_its_network_unless_allowed(admin: Any) -> None:
    with override_settings(KEEL_CHAT_ALLOW_PRIVATE_HOSTS=True), fake_chat() as chat:
        hook = connect(admin, "slack", chat.url("slack"))
    # The setting is turned off later: the worker refuses before connecting.
    delivery = chat_webhook_test(actor=admin, webhook=hook)
    assert delivery.status == ChatDeliveryStatus.FAILED
    assert "inside this network" in delivery.last_error
    assert chat.received == []


# --- which news reaches which chat --------------------------------------------------------------


@override_settings(KEEL_CHAT_ALLOW_PRIVATE_HOSTS=True)
def test_group_topics_reach_the_groups_chat_and_the_workspaces(
    admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from keel.accounts.models import Group

    ours = Group.objects.create(workspace=admin.workspace, name="Purchasing", alias="buy")
    theirs = Group.objects.create(workspace=admin.workspace, name="Sales", alias="sales")
    with fake_chat() as chat:
        whole = connect(admin, "slack", chat.url("slack"), name="Everyone")
        ours_hook = connect(admin, "slack", chat.url("slack"), name="Buyers", group_id=ours.pk)
        connect(admin, "slack", chat.url("slack"), name="Sellers", group_id=theirs.pk)
        connect(admin, "slack", chat.url("slack"), name="Paused", is_active=False)
        connect(admin, "slack", chat.url("slack"), name="Other topics",
                topics=["tasks.status_update"])  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):
            params = {"actor": "A", "group": "Purchasing", "subject": "Hi"}
            sent = chat_post(workspace=admin.workspace, topic="group.message",
                             group_ids=[ours.pk], params=params)  # fmt: skip
    assert sent == 2
    assert set(ChatDelivery.objects.values_list("webhook_id", flat=True)) == {
        whole.pk,
        ours_hook.pk,
    }
    assert len(chat.received) == 2
    # Another workspace's chats never hear of it.
    assert not ChatDelivery.objects.exclude(workspace=admin.workspace).exists()


@override_settings(KEEL_CHAT_ALLOW_PRIVATE_HOSTS=True)
def test_messages_are_written_in_the_chats_language(
    admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with fake_chat() as chat:
        connect(admin, "feishu", chat.url("feishu"), language="zh-hans")
        post(admin, django_capture_on_commit_callbacks)
    body = chat.received[0]["body"]
    post_body = body["content"]["post"]
    assert "zh_cn" in post_body
    assert "Wang Fang 给 Purchasing 发送了消息：New supplier" in str(post_body)
    assert "在 Keel 中打开" in str(post_body)


def test_job_payloads_hold_ids_only(admin: Any, django_capture_on_commit_callbacks: Any) -> None:
    from unittest import mock

    connect(admin, "slack", "https://hooks.slack.com/services/T/B/secretpart")
    with mock.patch("keel.notifications.jobs.deliver_chat") as job:
        post(admin, django_capture_on_commit_callbacks)
    enqueue = job.enqueue
    (args,), _kw = enqueue.call_args
    assert all(isinstance(pk, int) for pk in args)
    assert "secretpart" not in str(enqueue.call_args)


# --- review: addresses that lie, words that link, errors in the reader's language ------------


@pytest.mark.parametrize(("address", "public"), [
    ("93.184.216.34", True), ("2606:2800:220:1:248:1893:25c8:1946", True),
    ("127.0.0.1", False), ("10.1.2.3", False), ("169.254.169.254", False), ("::1", False),
    ("64:ff9b::a9fe:a9fe", False),  # NAT64 of 169.254.169.254
    ("2002:7f00:1::1", False),  # 6to4 of 127.0.0.1
    ("::ffff:10.0.0.1", False), ("224.0.0.1", False),
])  # fmt: skip
def test_only_public_addresses_pass(address: str, public: bool) -> None:
    assert chat_formats.public_address(address) is public


def test_a_name_that_resolves_inside_or_not_at_all_is_refused(monkeypatch: Any) -> None:
    import socket

    def fake(host: str, *a: Any, **k: Any) -> list[Any]:
        if host == "nowhere.example":
            raise socket.gaierror("no such name")
        return [(2, 1, 6, "", ("93.184.216.34", 443)), (2, 1, 6, "", ("10.0.0.7", 443))]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with pytest.raises(chat_formats.ChatSendError, match="inside"):
        chat_formats.public_addresses("mixed.example", 443)  # one public, one inside: refused
    with pytest.raises(chat_formats.ChatSendError, match="does not resolve"):
        chat_formats.public_addresses("nowhere.example", 443)  # fails closed


@pytest.mark.parametrize("provider", ["dingtalk", "wecom"])
def test_peoples_words_do_not_become_links_in_markdown_chats(provider: str) -> None:
    import json

    _url, body = chat_formats.build_request(
        provider=provider, url="https://x.example/robot/send?access_token=t&key=k", secret="",
        title="[Reset your password](https://evil.example)",
        lines=["![](https://tracker.example/x.png) <font color=red>urgent</font>"],
        link="https://keel.example/acme/", link_label="Open in Keel", language="en", now=0,
    )  # fmt: skip
    text = json.dumps(json.loads(body), ensure_ascii=False)
    assert "](https://evil" not in text and "](https://tracker" not in text
    assert "<font" not in text
    assert "[Open in Keel](https://keel.example/acme/)" in text  # Keel's own link stays one


def test_an_answer_that_is_not_a_chats_is_not_repeated() -> None:
    with pytest.raises(chat_formats.ChatSendError) as caught:
        chat_formats.check_response("dingtalk", 200, b"<html>internal admin page</html>")
    assert "internal" not in str(caught.value)
    with pytest.raises(chat_formats.ChatSendError) as caught:
        chat_formats.check_response("feishu", 500, b"root:x:0:0:secret")
    assert str(caught.value) == "HTTP 500"


@pytest.mark.parametrize("url", [
    "https://[abc/x", "https://hooks.slack.com:99999/x", "https://hooks.slack.com:abc/x",
    "https://hooks.slack.com/services/a\tb", "https://user:pw@hooks.slack.com/services/x",
])  # fmt: skip
def test_malformed_addresses_are_refused_not_crashed(admin: Any, url: str) -> None:
    with pytest.raises(ValidationError) as caught:
        connect(admin, "slack", url)
    assert "url" in caught.value.message_dict


def test_a_group_chat_takes_only_what_concerns_groups(admin: Any) -> None:
    from keel.accounts.models import Group

    group = Group.objects.create(workspace=admin.workspace, name="Buyers", alias="buyers")
    with pytest.raises(ValidationError) as caught:
        connect(admin, "slack", "https://hooks.slack.com/services/T/B/C", group_id=group.pk,
                topics=["group.message", "tasks.status_update"])  # fmt: skip
    assert "topics" in caught.value.message_dict


def test_an_unexpected_failure_is_recorded_not_retried_for_ever(admin: Any) -> None:
    from unittest import mock

    hook = connect(admin, "slack", "https://hooks.slack.com/services/T/B/C")
    with mock.patch("keel.notifications.services.chat_delivery._send", side_effect=KeyError("x")):
        delivery = chat_webhook_test(actor=admin, webhook=hook)
    assert delivery.status == ChatDeliveryStatus.FAILED and delivery.claimed_until is None
    assert "unexpected" in delivery.last_error


def test_production_path_connects_to_the_checked_address_with_tls_for_the_name(
    monkeypatch: Any, settings: Any, tmp_path: Any
) -> None:
    """The pinned HTTPS connection: the host is resolved once (here: to this machine), the
    socket goes to that address, and TLS verifies the certificate against the host name."""
    import datetime as dt
    import ssl
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    from keel.notifications.services import chat_delivery

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "chat.example")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("chat.example")]), critical=False)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))  # fmt: skip
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            seen.append(self.headers.get("Host", ""))
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: Any) -> None:
            return

    server = HTTPServer(("127.0.0.1", 0), Handler)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert_file, key_file)
    server.socket = server_context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    settings.KEEL_CHAT_LOOPBACK_ONLY = False
    settings.KEEL_CHAT_ALLOW_PRIVATE_HOSTS = False
    trusted = ssl.create_default_context(cafile=str(cert_file))
    monkeypatch.setattr(ssl, "create_default_context", lambda: trusted)  # what it calls
    asked: list[str] = []

    def resolve(host: str, _port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]  # what the one lookup answered (checked as public in production)

    monkeypatch.setattr(chat_formats, "public_addresses", resolve)
    try:
        status, answer = chat_delivery._send(f"https://chat.example:{port}/services/x", b"{}")
    finally:
        server.shutdown()
        server.server_close()
    assert (status, answer) == (200, b"ok")
    assert asked == ["chat.example"] and seen == [f"chat.example:{port}"]
