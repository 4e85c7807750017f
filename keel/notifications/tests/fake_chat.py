"""A local fake of the four chats' incoming webhooks, for the delivery tests.

It checks what the real chats check — the payload's shape and, for Feishu and DingTalk, the
signature computed from the secret it was given (independently of keel's code, from the
chats' published recipes) — and answers the way each chat answers, so a test sees Keel's
message accepted or refused for the same reasons a real chat would.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class FakeChat:
    secret: str = ""
    status: int = 200  # an HTTP status to answer with instead (500: the chat is down)
    received: list[dict[str, Any]] = field(default_factory=list)
    port: int = 0

    def url(self, provider: str) -> str:
        base = f"http://127.0.0.1:{self.port}"
        return {
            "slack": f"{base}/services/T000/B000/XXXX",
            "feishu": f"{base}/open-apis/bot/v2/hook/abc-123",
            "dingtalk": f"{base}/robot/send?access_token=tok123",
            "wecom": f"{base}/cgi-bin/webhook/send?key=key-123",
        }[provider]


def _feishu_ok(body: dict[str, Any], secret: str) -> bool:
    stamp = body.get("timestamp", "")
    key = f"{stamp}\n{secret}".encode()
    expected = base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()
    return hmac.compare_digest(str(body.get("sign", "")), expected)


def _dingtalk_ok(query: dict[str, list[str]], secret: str) -> bool:
    stamp = query.get("timestamp", [""])[0]
    digest = hmac.new(secret.encode(), f"{stamp}\n{secret}".encode(), hashlib.sha256).digest()
    expected = base64.b64encode(digest).decode()
    # parse_qs decodes the URL-encoding once, as DingTalk's server does.
    return hmac.compare_digest(query.get("sign", [""])[0], expected)


def _answer(chat: FakeChat, path: str, body: dict[str, Any]) -> tuple[int, Any]:
    parts = urlsplit(path)
    query = parse_qs(parts.query)
    if parts.path.startswith("/services/"):
        return (200, "ok") if isinstance(body.get("text"), str) else (400, "invalid_payload")
    if "/bot/v2/hook/" in parts.path:
        if chat.secret and not _feishu_ok(body, chat.secret):
            return 200, {
                "code": 19021,
                "msg": "sign match fail or timestamp is not within one hour",
            }
        post = body.get("content", {}).get("post", {})
        if body.get("msg_type") != "post" or not post:
            return 200, {"code": 9499, "msg": "Bad Request"}
        return 200, {"code": 0, "msg": "success", "data": {}}
    if parts.path == "/robot/send":
        if query.get("access_token") != ["tok123"]:
            return 200, {"errcode": 300001, "errmsg": "token is not exist"}
        if chat.secret and not _dingtalk_ok(query, chat.secret):
            return 200, {"errcode": 310000, "errmsg": "sign not match"}
        if body.get("msgtype") != "markdown" or not body.get("markdown", {}).get("text"):
            return 200, {"errcode": 40035, "errmsg": "missing parameter"}
        return 200, {"errcode": 0, "errmsg": "ok"}
    if parts.path == "/cgi-bin/webhook/send":
        if query.get("key") != ["key-123"]:
            return 200, {"errcode": 93000, "errmsg": "invalid webhook url"}
        content = body.get("markdown", {}).get("content", "")
        if body.get("msgtype") != "markdown" or len(content.encode()) > 4096:
            return 200, {"errcode": 40058, "errmsg": "markdown.content exceed max length 4096"}
        return 200, {"errcode": 0, "errmsg": "ok"}
    return 404, "not found"


@contextmanager
def fake_chat(*, secret: str = "", status: int = 200) -> Iterator[FakeChat]:
    chat = FakeChat(secret=secret, status=status)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            try:
                body = json.loads(raw.decode())
            except ValueError:
                body = {}
            kind = self.headers.get("Content-Type", "")
            chat.received.append({"path": self.path, "body": body, "content_type": kind})
            code, answer = (chat.status, "down") if chat.status != 200 else _answer(
                chat, self.path, body)  # fmt: skip
            data = answer.encode() if isinstance(answer, str) else json.dumps(answer).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    chat.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield chat
    finally:
        server.shutdown()
        server.server_close()
