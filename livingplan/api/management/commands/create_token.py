"""`livingplan create_token USERNAME [--scope SCOPE ...] [--name NAME] [--days N]`: prints only the token."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.api import tokens
from livingplan.api.models import MAX_LIFETIME, TokenScope
from livingplan.core.audit_context import AuditContext

# On the audit row, where a browser would give its user agent (ADR-029).
COMMAND = "livingplan create_token"


class Command(BaseCommand):
    help = "Create an API token that acts as USERNAME. Prints only the token on stdout; it cannot be shown again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--scope",
            action="append",
            choices=TokenScope.values,
            help="What the token may do; give it again for several (--scope read --scope fhir). Read if none.",
        )
        parser.add_argument("--name", default="", help="What the token is for, for example, 'GP system link'.")
        parser.add_argument(
            "--days",
            type=int,
            default=tokens.DEFAULT_LIFETIME.days,
            help=f"How many days the token works for (at most {MAX_LIFETIME.days}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None or not user.is_active:
            raise CommandError(f"No active user with the username {options['username']!r}.")
        days = options["days"]
        if not 1 <= days <= MAX_LIFETIME.days:
            raise CommandError(f"--days must be from 1 to {MAX_LIFETIME.days}.")
        name = options["name"].strip() or "Created on the command line"
        audit = AuditContext.for_system(actor=user, via=COMMAND)
        try:
            _, raw = tokens.issue(
                user,
                name=name[:100],
                scopes=options["scope"] or [TokenScope.READ],
                expires_at=timezone.now() + dt.timedelta(days=days),
                audit=audit,
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(raw)
