"""The four incoming-webhook dialects Keel posts in, and how each is signed and answered.

Pure functions (no models, no translation): the delivery service renders the text in the
webhook's language and hands it here. Each dialect was written from the chat's published
webhook documentation and is tested against a local fake server that checks the payload
and, where the chat has one, the signature (tests/test_chat_delivery.py):

- Slack (and Slack-compatible chats: Mattermost, Rocket.Chat, Discord's /slack endpoint):
  JSON `{"text": mrkdwn}`; answers 200 "ok".
- Feishu / Lark custom bot: JSON `{"msg_type": "post", "content": {"post": {<lang>: …}}}`;
  with a signing secret the body carries `timestamp` (seconds) and `sign` =
  base64(HMAC-SHA256(key = "<timestamp>\\n<secret>", message = "")); answers
  `{"code": 0}` (older bots `{"StatusCode": 0}`).
- DingTalk custom robot: JSON `{"msgtype": "markdown", "markdown": {title, text}}`; with a
  signing secret the URL gets `timestamp` (milliseconds) and `sign` =
  urlencode(base64(HMAC-SHA256(key = secret, message = "<timestamp>\\n<secret>")));
  answers `{"errcode": 0}`.
- WeCom group robot: JSON `{"msgtype": "markdown", "markdown": {"content": …}}` (at most
  4,096 bytes); the key in the URL is the credential, there is no signature; answers
  `{"errcode": 0}`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import socket
from collections.abc import Sequence
from urllib.parse import quote_plus, urlsplit

SLACK = "slack"
FEISHU = "feishu"
DINGTALK = "dingtalk"
WECOM = "wecom"
SIGNED = frozenset({FEISHU, DINGTALK})  # the chats that take a signing secret

WECOM_MAX_BYTES = 4096
MAX_CHARS = 3500  # every chat shows this much; longer messages are cut with an ellipsis


class ChatSendError(Exception):
    """The chat refused the message or could not be reached; `str()` is shown to admins."""


def feishu_sign(secret: str, timestamp: int) -> str:
    key = f"{timestamp}\n{secret}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    message = f"{timestamp_ms}\n{secret}".encode()
    digest = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return quote_plus(base64.b64encode(digest).decode())


def _cut(text: str, limit: int = MAX_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_request(
    *,
    provider: str,
    url: str,
    secret: str,
    title: str,
    lines: Sequence[str],
    link: str,
    link_label: str,
    language: str,
    now: float,
) -> tuple[str, bytes]:
    """The URL to post to and the JSON body, for one message. `now` is the Unix time."""
    body: dict[str, object]
    if provider == SLACK:
        text = "\n".join([f"*{_slack_escape(title)}*", *(_slack_escape(li) for li in lines)])
        if link:
            text += f"\n<{link}|{_slack_escape(link_label)}>"
        body = {"text": _cut(text)}
    elif provider == FEISHU:
        rows: list[list[dict[str, str]]] = [[{"tag": "text", "text": _cut(li)}] for li in lines]
        if link:
            rows.append([{"tag": "a", "text": link_label, "href": link}])
        locale = "zh_cn" if language.startswith("zh") else "en_us"
        post = {locale: {"title": _cut(title, 200), "content": rows}}
        body = {"msg_type": "post", "content": {"post": post}}
        if secret:
            stamp = int(now)
            body = {"timestamp": str(stamp), "sign": feishu_sign(secret, stamp), **body}
    elif provider == DINGTALK:
        text = "\n\n".join([f"#### {title}", *lines])
        if link:
            text += f"\n\n[{link_label}]({link})"
        body = {"msgtype": "markdown", "markdown": {"title": _cut(title, 100), "text": _cut(text)}}
        if secret:
            stamp_ms = int(now * 1000)
            joiner = "&" if "?" in url else "?"
            url = f"{url}{joiner}timestamp={stamp_ms}&sign={dingtalk_sign(secret, stamp_ms)}"
    elif provider == WECOM:
        text = "\n".join([f"**{title}**", *lines])
        if link:
            text += f"\n[{link_label}]({link})"
        encoded = text.encode()
        if len(encoded) > WECOM_MAX_BYTES:
            text = encoded[: WECOM_MAX_BYTES - 3].decode(errors="ignore") + "…"
        body = {"msgtype": "markdown", "markdown": {"content": text}}
    else:
        raise ValueError(f"Unknown chat provider {provider!r}")
    return url, json.dumps(body, ensure_ascii=False).encode()


def check_response(provider: str, status: int, body: bytes) -> None:
    """Raise ChatSendError unless the chat accepted the message. Chats answer HTTP 200 with
    an error code in the JSON when they refuse (a bad signature, a muted bot)."""
    text = body[:2000].decode("utf-8", errors="replace").strip()
    if status >= 300:
        raise ChatSendError(f"HTTP {status}: {text[:200]}")
    if provider == SLACK:
        return  # Slack answers "ok"; compatible chats answer JSON or nothing
    try:
        answer = json.loads(text) if text else {}
    except ValueError:
        raise ChatSendError(f"unexpected answer: {text[:200]}") from None
    if not isinstance(answer, dict):
        raise ChatSendError(f"unexpected answer: {text[:200]}")
    code = answer.get("code", answer.get("StatusCode", answer.get("errcode", 0)))
    if code not in (0, "0", None):
        message = answer.get("msg") or answer.get("StatusMessage") or answer.get("errmsg") or ""
        raise ChatSendError(f"error {code}: {str(message)[:200]}")


def url_hint(url: str) -> str:
    """What pages show of a webhook URL: its host and the last four characters."""
    parts = urlsplit(url)
    return f"{parts.hostname or '?'} …{url[-4:]}"


def loopback(url: str) -> bool:
    """True for a URL whose host is this machine, written as an address (no DNS needed)."""
    host = (urlsplit(url).hostname or "").lower()
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def literal_private_host(url: str) -> bool:
    """True for a URL whose host is an IP literal or name inside this network."""
    host = (urlsplit(url).hostname or "").lower()
    if host in ("localhost", "") or host.endswith((".localhost", ".local", ".internal")):
        return True
    try:
        return not ipaddress.ip_address(host).is_global
    except ValueError:
        return False


def resolves_inside(url: str) -> bool:
    """True when the URL's host resolves to an address that is not public: Keel does not
    post to the machines of its own network (the webhook URL is typed by a person; a URL
    pointing at an internal service would make Keel its messenger)."""
    parts = urlsplit(url)
    try:
        infos = socket.getaddrinfo(parts.hostname or "", parts.port or 443, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return False  # the send itself reports that the name does not resolve
    return any(not ipaddress.ip_address(info[4][0]).is_global for info in infos)
