"""`livingplan fhir_export --out DIR`: every plan as NDJSON, one file per resource type
(`Patient.ndjson`, `CarePlan.ndjson`, ...), as FHIR Bulk Data writes them (ADR-044, ADR-045).

The same writer as the `$export` task (`interop/bulk.py`), acting as the system (the whole
record), with a progress bar on a terminal. Memory stays flat however many plans there are."""

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from livingplan.interop import bulk
from livingplan.people.models import Person


class Command(BaseCommand):
    help = "Write every plan as NDJSON files, one per FHIR resource type, into --out DIR."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", required=True, help="The folder to write the NDJSON files into.")

    def handle(self, *args: Any, **options: Any) -> None:
        out = Path(options["out"])
        people = bulk.people_to_export(None)
        total = people.count()
        terminal = sys.stdout.isatty()
        done = 0

        def progress(chunk: list[Person]) -> bool:
            nonlocal done
            done += len(chunk)
            if terminal:
                filled = 30 * done // max(total, 1)
                self.stdout.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} plans", ending="")
            return True

        counts = bulk.write(people, out, viewer=None, after_chunk=progress) or {}
        if terminal:
            self.stdout.write("")
        self.stdout.write(
            f"{total} plans written to {out}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        )
