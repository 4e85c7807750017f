"""`keel worker`: runs background jobs and the periodic scheduler in one process.

With REDIS_URL set, jobs come from RQ; otherwise from the database queue.
"""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from keel.core import scheduler


class Command(BaseCommand):
    help = "Run background jobs and the periodic scheduler."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--no-scheduler", action="store_true", help="Only run jobs.")
        parser.add_argument("--interval", type=float, default=1.0, help="Queue poll seconds.")
        parser.add_argument("--batch", action="store_true", help="Run queued jobs, then exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        if not options["no_scheduler"] and not options["batch"]:
            thread = threading.Thread(
                target=scheduler.run_forever, args=(stop,), name="keel-scheduler", daemon=True
            )
            thread.start()
        backend = settings.TASKS["default"]["BACKEND"]
        try:
            if backend == "django_tasks_rq.RQBackend":
                rq_args = ["default", "--job-class", "django_tasks_rq.Job"]
                if options["batch"]:
                    rq_args.append("--burst")
                call_command("rqworker", *rq_args)
            else:
                db_args = ["--interval", str(options["interval"]), "--no-startup-delay"]
                db_args += ["--no-reload"]
                if options["batch"]:
                    db_args.append("--batch")
                call_command("db_worker", *db_args)
        finally:
            stop.set()
