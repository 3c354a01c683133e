"""`livingplan fhir_import FILE_OR_DIR --as USERNAME [--organisation NAME]`: import FHIR R4 Bundles
(transaction or collection), lone resources and NDJSON, each all or nothing (ADR-044).

Prints what was created, matched and skipped and why for each, and for each refused one an
OperationOutcome naming every problem and where; exits 1 when any was refused. Running it again
creates nothing twice. A progress bar is drawn only on a terminal."""

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper

from livingplan.accounts.models import Membership, Organisation, OrganisationKind, User
from livingplan.interop.importing import sources
from livingplan.interop.importing.apply import import_unit
from livingplan.interop.importing.report import ImportReport, UnitReport


class Command(BaseCommand):
    help = "Import FHIR R4 Bundles or NDJSON from a file or a directory (in file-name order)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", metavar="FILE_OR_DIR")
        parser.add_argument("--as", dest="username", required=True, help="The member of staff the import acts as.")
        parser.add_argument(
            "--organisation",
            default="",
            help="The council that leads on new people (default: the staff member's council).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if not path.exists():
            raise CommandError(f"No such file or directory: {path}")
        actor = User.objects.filter(username=options["username"], is_active=True).first()
        if actor is None:
            raise CommandError(f"No active user called {options['username']}")
        organisation = self._organisation(actor, options["organisation"])
        report = ImportReport()
        files = sources.files(path)
        bar = Progress(len(files), self.stdout) if sys.stdout.isatty() else None
        for unit in sources.units(path):
            result = import_unit(unit, actor=actor, organisation=organisation)
            report.units.append(result)
            if bar:
                bar.clear()
            self._print(result)
            if bar:
                bar.step(unit.name)
        if bar:
            bar.clear()
        totals = report.totals()
        self.stdout.write(
            f"{len(report.units)} read, {len(report.refused)} refused; "
            + ", ".join(
                f"{kind} {outcome} {n}"
                for (kind, outcome), n in sorted(totals.items())
                if kind in ("Patient", "Goal", "CarePlan")
            )
        )
        if report.refused:
            raise SystemExit(1)

    def _organisation(self, actor: User, name: str) -> Organisation:
        memberships = Membership.objects.filter(user=actor).select_related("organisation")
        if name:
            found = memberships.filter(organisation__name=name).first()
            if found is None:
                raise CommandError(f"{actor.username} does not work for {name}")
            return found.organisation
        council = memberships.filter(organisation__kind=OrganisationKind.COUNCIL).first()
        if council is None:
            raise CommandError(
                f"{actor.username} works for no council: say which organisation leads with --organisation"
            )
        return council.organisation

    def _print(self, result: UnitReport) -> None:
        for line in result.lines():
            self.stdout.write(line)
        if result.refused:
            self.stdout.write(json.dumps(result.operation_outcome(), indent=2))


class Progress:
    """A bar on the terminal's last line: how many files are done of how many. The report's lines
    are written above it (the bar is cleared first, then drawn again)."""

    def __init__(self, total: int, out: OutputWrapper) -> None:
        self.total, self.done_count, self.out = max(total, 1), 0, out

    def step(self, name: str) -> None:
        self.done_count += 1
        filled = 30 * self.done_count // self.total
        self.out.write(f"[{'#' * filled}{' ' * (30 - filled)}] {self.done_count}/{self.total} {name[-40:]}", ending="")
        self.out.flush()

    def clear(self) -> None:
        self.out.write("\r\x1b[K", ending="")
