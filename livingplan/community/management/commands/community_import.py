"""`livingplan community_import FILE [--by USERNAME]`: import an Open Referral UK file into the directory.

All of the file or none of it: on any problem nothing is saved, each problem is printed on its own
line (which record, which field, why) and the command exits non-zero, so a script notices.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from livingplan.accounts.models import Role, User
from livingplan.community import services
from livingplan.community.rules import may_maintain_directory
from livingplan.core.audit_context import AuditContext

COMMAND = "livingplan community_import"  # on the audit row, where a browser would give its user agent


def _importer(username: str | None) -> User:
    """The organisation admin the import is made by: named, or the only one there is."""
    if username:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None or not may_maintain_directory(user):
            raise CommandError(f"{username!r} is not an active organisation admin, who keeps the directory.")
        return user
    admins = list(User.objects.filter(is_active=True, memberships__role=Role.ORGANISATION_ADMIN).distinct()[:2])
    if len(admins) != 1:
        raise CommandError("Say which organisation admin is importing, with --by USERNAME.")
    return admins[0]


class Command(BaseCommand):
    help = "Import an Open Referral UK JSON file into the community directory: all of it, or nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="A JSON file of services in the Open Referral UK shape.")
        parser.add_argument("--by", default=None, help="The organisation admin importing it (if there are several).")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        user = _importer(options["by"])
        audit = AuditContext.for_system(actor=user, via=COMMAND)
        result = services.import_directory(content, by=user, filename=path.name, audit=audit)
        if not result.imported:
            for line in result.report:
                self.stderr.write(line)
            raise CommandError(f"Nothing was imported from {path.name}: {len(result.report)} problem(s) listed above.")
        if result.nothing_to_add:
            self.stdout.write(f"{path.name}: {result.nothing_to_add}")
            return
        self.stdout.write(f"Imported {path.name}: {len(result.added)} added, {len(result.changed)} updated.")
