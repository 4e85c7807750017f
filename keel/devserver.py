"""`python -m keel.devserver --port 8000`: the web server and the worker, side by side.

Used by `make run`. Each child runs in its own process group so that Ctrl-C reaches only
this supervisor, which then stops both children in order (terminate, wait, kill) and exits 0.
If either child dies on its own, the other is stopped too and the exit code is non-zero.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Sequence
from types import FrameType
from typing import IO

STOP_TIMEOUT = 10.0


def _forward(prefix: str, stream: IO[bytes]) -> None:
    """Copy a child's output to ours, line by line, tagged with its name."""
    out = sys.stdout.buffer
    for line in iter(stream.readline, b""):
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
    args = parser.parse_args(argv)

    env = dict(os.environ, PYTHONUNBUFFERED="1", KEEL_PORT=str(args.port))
    web_args = ["runserver", f"{args.host}:{args.port}"]
    if args.noreload:
        web_args.append("--noreload")

    stopping = threading.Event()

    def _on_signal(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)

    procs = [_start("web", web_args, env), _start("worker", ["worker"], env)]
    print(f"Keel is starting on http://{args.host}:{args.port}/ (Ctrl-C stops it).", flush=True)
    failed = None
    while not stopping.wait(0.5):
        failed = next((p for p in procs if p.poll() is not None), None)
        if failed is not None:
            break
    _stop(procs)
    if failed is not None:
        print(f"A process exited with code {failed.returncode}; stopped the others.", flush=True)
        return failed.returncode or 1
    print("Keel stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
