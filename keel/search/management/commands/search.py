"""`keel search rebuild [--workspace SLUG] [--kind KIND]`: rebuild the index from the
registered providers, with a progress bar on stderr. Safe while the site runs: each batch
is written in its own transaction and rows of deleted objects are pruned at the end."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper

from keel.core.models import Workspace
from keel.search.models import SearchDocument
from keel.search.registry import search_providers
from keel.search.services import rebuild


class Progress:
    """A one-line progress bar (a plain log line per batch when stderr is not a terminal)."""

    WIDTH = 30

    def __init__(self, stream: OutputWrapper, total: int, label: str) -> None:
        self.stream, self.total, self.label = stream, max(total, 1), label
        self.done = 0
        self.started = time.monotonic()
        self.tty = stream.isatty()

    def advance(self, kind: str, n: int) -> None:
        self.done += n
        filled = min(self.WIDTH, self.WIDTH * self.done // self.total)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        rate = self.done / max(time.monotonic() - self.started, 1e-6)
        line = f"{self.label} [{bar}] {self.done}/{self.total} {kind} ({rate:.0f}/s)"
        self.stream.write(("\r" + line) if self.tty else line, ending="" if self.tty else "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("")


class Command(BaseCommand):
    help = "Search index maintenance."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        build = sub.add_parser("rebuild", help="Rebuild the index from the source rows.")
        build.add_argument("--workspace", help="Only this workspace (its slug).")
        build.add_argument("--kind", action="append", help="Only this kind (repeatable).")

    def handle(self, *args: Any, **options: Any) -> None:
        workspaces = Workspace.objects.order_by("pk")
        if options.get("workspace"):
            workspaces = workspaces.filter(slug=options["workspace"].strip().lower())
            if not workspaces.exists():
                raise CommandError(f"No workspace {options['workspace']!r}.")
        kinds = options.get("kind")
        known = {p.kind for p in search_providers()}
        if kinds and not set(kinds) <= known:
            raise CommandError(f"Unknown kind; known kinds: {', '.join(sorted(known))}.")
        for workspace in workspaces:
            total = self._total(workspace, kinds)
            bar = Progress(self.stderr, total, workspace.slug)
            counts = rebuild(workspace=workspace, kinds=kinds, progress=bar.advance)
            bar.finish()
            summary = ", ".join(f"{kind}: {n}" for kind, n in counts.items()) or "no providers"
            indexed = SearchDocument.objects.in_workspace(workspace).count()
            self.stderr.write(f"{workspace.slug}: {summary} ({indexed} documents indexed)")

    def _total(self, workspace: Workspace, kinds: list[str] | None) -> int:
        """Documents to index, for the bar: the provider's count, else one reading pass."""
        total = 0
        for provider in search_providers():
            if kinds and provider.kind not in kinds:
                continue
            if provider.count_for is not None:
                total += provider.count_for(workspace)
            else:
                total += sum(1 for _ in provider.documents_for(workspace, None))
        return total
