"""`keel seed demo` (the demo shop for `make run`) and `keel seed large` (benchmarks).

`keel seed --scale large --members 250` is the same as `keel seed large --members 250`.
`keel seed demo --language zh-hans` (or zh-hant, or KEEL_DEMO_LANGUAGE) seeds the demo shop in
that language, in its own workspace beside the English one.
"""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from keel.core import seeding
from keel.core.mail import absolute_url

# keel/devserver.py finds the block by this line to print it again once the server is up.
SIGN_IN_HEADING = "Sign in as the owner:"


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
        parser.add_argument(
            "--language",
            choices=seeding.DEMO_LANGUAGES,
            default=None,
            help=_(
                "The demo shop's language (default: KEEL_DEMO_LANGUAGE, else en); each "
                "language is its own workspace."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        dataset = options["dataset"] or options["scale"] or "demo"
        if options["dataset"] and options["scale"] and options["dataset"] != options["scale"]:
            raise CommandError("Give the data set once: `keel seed demo` or `keel seed large`.")
        if dataset == "large":
            if options["language"]:
                raise CommandError(_("--language is for the demo shop: `keel seed demo`."))
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
            language = options["language"] or os.environ.get("KEEL_DEMO_LANGUAGE") or "en"
            if language not in seeding.DEMO_LANGUAGES:
                raise CommandError(
                    _("KEEL_DEMO_LANGUAGE must be one of: %(list)s.")
                    % {"list": ", ".join(seeding.DEMO_LANGUAGES)}
                )
            result = seeding.seed_demo(language)
            where = "" if language == "en" else f" (/{result.workspace.slug}/)"
            self.stdout.write(
                f"{'Created' if result.created else 'Refreshed'} {result.workspace.name}{where}."
            )
        self.stdout.write(
            self.style.SUCCESS(SIGN_IN_HEADING)
            + f"\n  URL:      {absolute_url(reverse('account_login'))}"
            + f"\n  email:    {result.owner_email}"
            + f"\n  password: {result.password}"
        )
        if dataset == "demo":
            self.stdout.write("Other demo people (same password): " + ", ".join(result.people))
