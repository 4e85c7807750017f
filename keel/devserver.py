"""`python -m keel.devserver --port 8000`: the web server and the worker, side by side.

Used by `make run` (`--seed demo` first runs `keel seed demo`). Each child runs in its own
process group so that Ctrl-C reaches only this supervisor, which then stops both children in
order (terminate, wait, kill) and exits 0. If either child dies on its own, the other is
stopped too and the exit code is non-zero. The seed's sign-in block is printed once more when
the server answers and the worker's start-up output (the demo's emails) has gone quiet.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from types import FrameType
from typing import IO

STOP_TIMEOUT = 10.0
# The sign-in block is repeated once the children have printed nothing for QUIET seconds (or
# after REMIND_AFTER at the latest), and the web server accepts connections.
QUIET = 2.0
REMIND_AFTER = 30.0
SIGN_IN_HEADING = "Sign in as the owner:"  # printed by `keel seed` (core/management/commands)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# When each child last printed a line (monotonic seconds), written by the forwarding threads.
_last_output: dict[str, float] = {}


def sign_in_block(seed_output: str) -> str:
    """The owner's sign-in lines of `keel seed`'s output (heading to the end), or ""."""
    text = _ANSI.sub("", seed_output)
    start = text.find(SIGN_IN_HEADING)
    return text[start:].strip() if start >= 0 else ""


def sign_in_reminder(block: str) -> str:
    """The block framed so that it stands out below the servers' start-up output."""
    rule = "=" * 72
    return f"\n{rule}\nKeel is ready. {block}\n{rule}\n"


def ready_to_remind(*, now: float, started: float, last_output: float, web_up: bool) -> bool:
    """True once the web server answers and the output has settled (or waited long enough)."""
    if not web_up:
        return False
    return now - last_output >= QUIET or now - started >= REMIND_AFTER


def _web_up(host: str, port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.5):
        return True
    return False


def _seed(dataset: str, env: dict[str, str]) -> str:
    """Run `keel seed <dataset>`, show its output, and return it."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "keel.manage", "seed", dataset],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        check=False,
    )
    sys.stdout.buffer.write(result.stdout)
    sys.stdout.flush()
    if result.returncode:
        raise SystemExit(result.returncode)
    return result.stdout.decode(errors="replace")


def _forward(prefix: str, stream: IO[bytes]) -> None:
    """Copy a child's output to ours, line by line, tagged with its name."""
    out = sys.stdout.buffer
    for line in iter(stream.readline, b""):
        _last_output[prefix] = time.monotonic()
        out.write(prefix.encode() + line)
        out.flush()
    stream.close()


def _start(name: str, args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "keel.manage", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
    )
    assert proc.stdout is not None
    threading.Thread(
        target=_forward, args=(f"[{name:6}] ", proc.stdout), name=f"forward-{name}", daemon=True
    ).start()
    return proc


def _stop(procs: Sequence[subprocess.Popen[bytes]]) -> None:
    """SIGTERM each child's whole group (runserver's autoreloader has a child of its own)."""
    for proc in procs:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run Keel's web server and worker together.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("KEEL_PORT", "8000")))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--noreload", action="store_true", help="Don't restart on code changes.")
    parser.add_argument(
        "--seed", choices=["demo"], help="Run `keel seed demo` first; repeat its sign-in."
    )
    args = parser.parse_args(argv)

    env = dict(os.environ, PYTHONUNBUFFERED="1", KEEL_PORT=str(args.port))
    block = sign_in_block(_seed(args.seed, env)) if args.seed else ""
    web_args = ["runserver", f"{args.host}:{args.port}"]
    if args.noreload:
        web_args.append("--noreload")

    stopping = threading.Event()

    def _on_signal(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)

    started = time.monotonic()
    procs = [_start("web", web_args, env), _start("worker", ["worker"], env)]
    print(f"Keel is starting on http://{args.host}:{args.port}/ (Ctrl-C stops it).", flush=True)
    failed = None
    while not stopping.wait(0.5):
        failed = next((p for p in procs if p.poll() is not None), None)
        if failed is not None:
            break
        if block and ready_to_remind(
            now=time.monotonic(),
            started=started,
            last_output=max(_last_output.values(), default=started),
            web_up=_web_up(args.host, args.port),
        ):
            print(sign_in_reminder(block), flush=True)
            block = ""
    _stop(procs)
    if failed is not None:
        print(f"A process exited with code {failed.returncode}; stopped the others.", flush=True)
        return failed.returncode or 1
    print("Keel stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
