"""`keel token create --email E --workspace SLUG [--name N]`: mint a personal API token.

Prints only the raw token on stdout so scripts can capture it; everything else goes to stderr.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from keel.accounts.models import User
from keel.accounts.tokens import token_create
from keel.core.models import Membership


class Command(BaseCommand):
    help = "Manage personal API tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a token and print it once.")
        create.add_argument("--email", required=True, help="The user's sign-in address.")
        create.add_argument("--workspace", required=True, help="The workspace address (slug).")
        create.add_argument("--name", default="CLI token", help="A name to recognise it by.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "create":
            self._create(options["email"], options["workspace"], options["name"])

    def _create(self, email: str, slug: str, name: str) -> None:
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No user with the email address {email!r}.")
        membership = (
            Membership.objects.active()
            .select_related("workspace", "user")
            .filter(user=user, workspace__slug=slug.strip().lower())
            .first()
        )
        if membership is None:
            raise CommandError(f"{user.email} is not an active member of the workspace {slug!r}.")
        token, raw = token_create(membership=membership, name=name)
        self.stderr.write(f"Created token {token.name!r} for {user.email} in {slug}.")
        self.stdout.write(raw)
