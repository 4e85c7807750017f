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
from typing import Any
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


def _defuse(text: str) -> str:
    """People's words in DingTalk's and WeCom's markdown: a link or image written in them
    ("[Reset your password](https://…)") must not become one in a message from Keel's bot.
    A zero-width space between "]" and "(" leaves the text as it reads and breaks the link;
    "<" is written full-width so no tag (WeCom's <font>) is made."""
    return text.replace("](", "]\u200b(").replace("<", "\uff1c")


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
        text = "\n\n".join([f"#### {_defuse(title)}", *map(_defuse, lines)])
        if link:
            text += f"\n\n[{link_label}]({link})"
        body = {
            "msgtype": "markdown",
            "markdown": {"title": _cut(_defuse(title), 100), "text": _cut(text)},
        }
        if secret:
            stamp_ms = int(now * 1000)
            joiner = "&" if "?" in url else "?"
            url = f"{url}{joiner}timestamp={stamp_ms}&sign={dingtalk_sign(secret, stamp_ms)}"
    elif provider == WECOM:
        text = "\n".join([f"**{_defuse(title)}**", *map(_defuse, lines)])
        if link:
            text += f"\n[{link_label}]({link})"
        encoded = text.encode()
        if len(encoded) > WECOM_MAX_BYTES:
            text = encoded[: WECOM_MAX_BYTES - 3].decode(errors="ignore") + "…"
        body = {"msgtype": "markdown", "markdown": {"content": text}}
    else:
        raise ValueError(f"Unknown chat provider {provider!r}")
    return url, json.dumps(body, ensure_ascii=False).encode()


def _json(text: str) -> dict[str, Any] | None:
    try:
        answer = json.loads(text) if text else {}
    except ValueError:
        return None
    return answer if isinstance(answer, dict) else None


def _said(answer: dict[str, Any]) -> str:
    message = answer.get("msg") or answer.get("StatusMessage") or answer.get("errmsg") or ""
    message = message or answer.get("error") or answer.get("text") or ""
    return str(message)[:200]


def check_response(provider: str, status: int, body: bytes) -> None:
    """Raise ChatSendError unless the chat accepted the message. Chats answer HTTP 200 with
    an error code in the JSON when they refuse (a bad signature, a muted bot). Only a JSON
    answer's message is repeated (never a page's body): the error is shown to admins, and an
    answer from a server that is not a chat is none of their business."""
    text = body[:2000].decode("utf-8", errors="replace").strip()
    answer = _json(text)
    if status >= 300:
        # Slack answers a refusal as a short plain word ("invalid_token", "no_service").
        short_word = provider == SLACK and len(text) < 100 and text.isascii() and "<" not in text
        said = _said(answer) if answer else (text if short_word else "")
        raise ChatSendError(f"HTTP {status}: {said}" if said else f"HTTP {status}")
    if provider == SLACK:
        return  # Slack answers "ok"; compatible chats answer JSON or nothing
    if answer is None:
        raise ChatSendError(f"unexpected answer (HTTP {status}, {len(body)} bytes)")
    code = answer.get("code", answer.get("StatusCode", answer.get("errcode", 0)))
    if code not in (0, "0", None):
        raise ChatSendError(f"error {code}: {_said(answer)}")


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


def public_address(text: str) -> bool:
    """Whether an IP address is on the public internet — including the IPv4 address inside
    a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) IPv6 address, which `is_global` passes."""
    address = ipaddress.ip_address(text.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        elif address.sixtofour is not None:
            return public_address(str(address.sixtofour))
        elif address in ipaddress.ip_network("64:ff9b::/96"):
            return public_address(str(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)))
    return address.is_global and not address.is_multicast


def public_addresses(host: str, port: int) -> list[str]:
    """The host's addresses, resolved once, when every one is public; ChatSendError when the
    name does not resolve or any address is inside a network (fail closed). The caller
    connects to one of these very addresses, so a second lookup cannot answer otherwise
    (DNS rebinding): Keel does not post to the machines of its own network — the webhook
    URL is typed by a person, and must not make Keel an internal service's messenger."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise ChatSendError(f"{host} does not resolve") from None
    found = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not found or not all(public_address(a) for a in found):
        raise ChatSendError("inside")
    return found
