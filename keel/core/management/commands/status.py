"""`keel status`: what an operator checks first — versions, the job queue, stuck and failed
jobs, and when each periodic job last ran. Exits 1 when a job needs attention, so a timer or
monitoring agent can run it and alert on failure.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from django.core.management.base import BaseCommand

from keel.core import reaper
from keel.core.job_status import FAILED_DAYS, Status, collect


def _when(moment: datetime | None, unknown: str = "never") -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if moment else unknown


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


class Command(BaseCommand):
    help = "Show versions, the job queue, stuck and failed jobs and periodic jobs' last runs."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args: Any, **options: Any) -> None:
        status = collect()
        if options["json"]:
            data = asdict(status) | {"needs_attention": status.needs_attention}
            self.stdout.write(json.dumps(data, default=str, indent=2))
        else:
            self.render(status)
        if status.needs_attention:
            sys.exit(1)

    def render(self, status: Status) -> None:
        out = self.stdout.write
        out(" · ".join(f"{name} {value}" for name, value in status.versions.items()))
        out(f"\nJobs ({status.backend})")
        oldest = status.oldest_ready_seconds
        waiting = f", oldest waiting {_duration(oldest)}" if oldest is not None else ""
        out(f"  queued: {status.ready}{waiting}")
        out(f"  running: {status.running}")
        out(f"  stuck (running over {reaper.job_timeout()} s): {status.stuck_count}")
        for job in status.stuck:
            out(f"    {_when(job.at, 'start unknown')}  {job.name}  {job.detail}")
        out(f"  failed in the last {FAILED_DAYS} days: {status.failed_count}")
        for job in status.failed:
            out(f"    {_when(job.at)}  {job.name}  {job.detail}")
        out("\nPeriodic jobs (last run)")
        width = max((len(row["name"]) for row in status.periodic), default=0)
        for row in status.periodic:
            late = "  OVERDUE: is a worker running?" if row["overdue"] else ""
            every = _duration(row["every_seconds"])
            out(f"  {row['name']:<{width}}  every {every:<7} {_when(row['last'])}{late}")
        if status.needs_attention:
            self.stdout.write(
                self.style.ERROR(
                    f"\nNeeds attention: {status.stuck_count} stuck, "
                    f"{status.failed_count} failed job(s). Details: the job admin or the logs."
                )
            )
        else:
            out(self.style.SUCCESS("\nOK: no stuck or failed jobs."))
