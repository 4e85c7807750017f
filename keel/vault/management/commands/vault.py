"""`keel vault rotate-workspace-key [--workspace SLUG]`: give each workspace (or one) a new
workspace key and re-wrap every item's data key under it. Item ciphertexts are not touched,
and each workspace is done in one transaction, so the site keeps running meanwhile."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from keel.core.models import Workspace
from keel.vault.crypto import rotate_workspace_key


class Command(BaseCommand):
    help = "Vault key maintenance."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        rotate = sub.add_parser(
            "rotate-workspace-key", help="New workspace keys; re-wrap the items' data keys."
        )
        rotate.add_argument("--workspace", help="Only this workspace (its slug).")

    def handle(self, *args: Any, **options: Any) -> None:
        workspaces = Workspace.objects.order_by("pk")
        if options.get("workspace"):
            workspaces = workspaces.filter(slug=options["workspace"].strip().lower())
            if not workspaces.exists():
                raise CommandError(f"No workspace {options['workspace']!r}.")
        for workspace in workspaces:
            count = rotate_workspace_key(workspace)
            self.stdout.write(f"{workspace.slug}: {count} item keys re-wrapped")
