"""`keel serve`: the production web server (gunicorn, threaded workers) with Keel's defaults.

Everything comes from options or KEEL_* environment variables (docs/server.md). It does not
collect static files or migrate — the deployment does that first — but warns on stderr when
migrations are pending, since `/readyz` will then report the process as not ready.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connections

# Combined log format, plus the time taken (ms) and the request id from the proxy or from
# Keel's own middleware (`-` when absent), so one request can be followed across logs.
ACCESS_LOG_FORMAT = (
    '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms rid=%({x-request-id}i)s'
)


def default_workers(cpu_count: int | None = None) -> int:
    """CPU count + 1, at most 4.

    Each worker runs several threads (I/O waits overlap inside a process), so one process per
    core, plus one to cover a process blocked on I/O, keeps the CPUs busy. The cap keeps one
    server at 4 × 4 = 16 database connections: four web servers and their job workers still
    fit PostgreSQL's default max_connections of 100 (budget in docs/server.md).
    """
    cpus = cpu_count if cpu_count is not None else (os.cpu_count() or 1)
    return max(1, min(cpus + 1, 4))


@dataclass(frozen=True)
class ServeConfig:
    bind: str
    workers: int
    threads: int
    timeout: int = 30
    graceful_timeout: int = 30
    keepalive: int = 5
    max_requests: int = 2000
    max_requests_jitter: int = 200
    forwarded_allow_ips: str = "127.0.0.1,::1"

    @property
    def connections(self) -> int:
        """With CONN_MAX_AGE each thread may keep its own database connection open."""
        return self.workers * self.threads

    def budget_line(self) -> str:
        return (
            f"{self.workers} workers × {self.threads} threads = "
            f"{self.connections} database connections at most"
        )

    def gunicorn_options(self) -> dict[str, Any]:
        return {
            "bind": [self.bind],
            "workers": self.workers,
            "threads": self.threads,
            "worker_class": "gthread",
            "timeout": self.timeout,
            "graceful_timeout": self.graceful_timeout,
            "keepalive": self.keepalive,
            "max_requests": self.max_requests,
            "max_requests_jitter": self.max_requests_jitter,
            "forwarded_allow_ips": self.forwarded_allow_ips,
            "accesslog": "-",
            "errorlog": "-",
            "access_log_format": ACCESS_LOG_FORMAT,
            "proc_name": "keel-web",
            # gunicorn ≥ 25.1 opens a control socket in $HOME by default: two servers on one
            # machine (scale-out) would fight over it, and nothing of ours uses it.
            "control_socket_disable": True,
        }


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


def resolve_config(
    *, bind: str | None = None, workers: int | None = None, threads: int | None = None
) -> ServeConfig:
    """Options win over the environment, which wins over the defaults."""
    default_bind = f"127.0.0.1:{os.environ.get('KEEL_PORT', '').strip() or '8000'}"
    return ServeConfig(
        bind=bind or os.environ.get("KEEL_BIND", "").strip() or default_bind,
        workers=workers or _env_int("KEEL_WEB_WORKERS", default_workers()),
        threads=threads or _env_int("KEEL_WEB_THREADS", 4),
        forwarded_allow_ips=os.environ.get("KEEL_FORWARDED_ALLOW_IPS", "").strip()
        or "127.0.0.1,::1",
    )


def pending_migrations() -> int:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections["default"])
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def run_gunicorn(config: ServeConfig) -> None:
    from gunicorn.app.base import BaseApplication

    class KeelApplication(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in config.gunicorn_options().items():
                if key in self.cfg.settings:  # older gunicorns lack the newest settings
                    self.cfg.set(key, value)

        def load(self) -> Any:
            # Each worker builds the app after the fork, with DJANGO_SETTINGS_MODULE as is.
            from django.core.wsgi import get_wsgi_application

            from keel.core.serving import freeze_startup_heap

            application = get_wsgi_application()
            freeze_startup_heap()  # full collections stop walking Django's own objects
            return application

    KeelApplication().run()


class Command(BaseCommand):
    help = "Run the production web server (gunicorn). See docs/server.md."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", help="Address to listen on (KEEL_BIND).")
        parser.add_argument("--workers", type=int, help="Worker processes (KEEL_WEB_WORKERS).")
        parser.add_argument("--threads", type=int, help="Threads per worker (KEEL_WEB_THREADS).")
        parser.add_argument(
            "--check-config", action="store_true", help="Print the effective configuration."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        for name in ("workers", "threads"):
            if options[name] is not None and options[name] < 1:
                self.stderr.write(f"--{name} must be at least 1.")
                raise SystemExit(2)
        config = resolve_config(
            bind=options["bind"], workers=options["workers"], threads=options["threads"]
        )
        if options["check_config"]:
            for key, value in config.gunicorn_options().items():
                self.stdout.write(f"{key} = {value}")
            self.stdout.write(config.budget_line())
            return
        self._warn_pending_migrations()
        self.stdout.write(f"keel serve on {config.bind}: {config.budget_line()}")
        self.stdout.flush()
        run_gunicorn(config)

    def _warn_pending_migrations(self) -> None:
        try:
            pending = pending_migrations()
        except Exception as exc:  # the server still starts; /readyz reports the database
            self.stderr.write(f"Warning: could not check migrations ({type(exc).__name__}).")
        else:
            if pending:
                self.stderr.write(
                    f"Warning: {pending} unapplied migration(s); run `keel migrate`. "
                    "/readyz answers 503 until they are applied."
                )
        finally:
            # No connection may cross the fork into the workers.
            connections.close_all()
