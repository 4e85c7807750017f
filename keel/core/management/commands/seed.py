"""`keel seed demo` (the demo shop for `make run`) and `keel seed large` (benchmarks).

`keel seed --scale large --members 250` is the same as `keel seed large --members 250`.
"""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from keel.core import seeding


class Command(BaseCommand):
    help = "Create the demo workspace (demo) or the benchmark data set (large)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("dataset", nargs="?", choices=["demo", "large"], default=None)
        parser.add_argument("--scale", choices=["demo", "large"], default=None)
        parser.add_argument("--members", type=int, default=250, help="People in `large`.")
        parser.add_argument(
            "--people-only",
            action="store_true",
            help="`large` without the modules' data (tasks, …): only people and groups.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        dataset = options["dataset"] or options["scale"] or "demo"
        if options["dataset"] and options["scale"] and options["dataset"] != options["scale"]:
            raise CommandError("Give the data set once: `keel seed demo` or `keel seed large`.")
        if dataset == "large":
            if options["members"] < 1:
                raise CommandError("--members must be at least 1.")
            result = seeding.seed_large(
                members=options["members"], modules=not options["people_only"]
            )
            self.stdout.write(
                f"{'Created' if result.created else 'Updated'} {result.workspace.name} "
                f"(/{result.workspace.slug}/) with {len(result.people) + 1} members."
            )
        else:
            result = seeding.seed_demo()
            self.stdout.write(
                f"{'Created' if result.created else 'Refreshed'} {result.workspace.name}."
            )
        port = os.environ.get("KEEL_PORT", "8000")
        self.stdout.write(
            self.style.SUCCESS("Sign in as the owner:")
            + f"\n  URL:      http://127.0.0.1:{port}/accounts/login/"
            + f"\n  email:    {result.owner_email}"
            + f"\n  password: {result.password}"
        )
        if dataset == "demo":
            self.stdout.write("Other demo people (same password): " + ", ".join(result.people))
