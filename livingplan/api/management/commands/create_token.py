"""`livingplan create_token USERNAME [--scope read|write] [--name NAME]`: prints only the new token."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from livingplan.accounts.models import User
from livingplan.api import tokens
from livingplan.api.models import TokenScope
from livingplan.core.audit_context import AuditContext

# On the audit row, where a browser would give its user agent (ADR-029).
COMMAND = "livingplan create_token"


class Command(BaseCommand):
    help = "Create an API token that acts as USERNAME. Prints only the token on stdout; it cannot be shown again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--scope", choices=TokenScope.values, default=TokenScope.READ)
        parser.add_argument("--name", default="", help="What the token is for, for example, 'GP system link'.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None or not user.is_active:
            raise CommandError(f"No active user with the username {options['username']!r}.")
        name = options["name"].strip() or "Created on the command line"
        audit = AuditContext.for_system(actor=user, via=COMMAND)
        _, raw = tokens.issue(user, name=name[:100], scope=options["scope"], audit=audit)
        self.stdout.write(raw)
