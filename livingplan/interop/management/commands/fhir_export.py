"""`livingplan fhir_export --out DIR`: every plan as NDJSON, one file per resource type
(`Patient.ndjson`, `CarePlan.ndjson`, ...), as FHIR Bulk Data writes them (ADR-044).

Memory stays flat however many plans there are: people are read in chunks with `.iterator()`,
each person's resources are written as they are mapped and let go, and only the ids of shared
resources (organisations and staff, which many people have) are kept, to write each once."""

import json
import sys
from pathlib import Path
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandParser

from livingplan.interop.export import plan_resources
from livingplan.people.models import Person
from livingplan.plans.models import Plan
from livingplan.plans.sections import ALL_GROUPS

# Resources many people share: written once each.
SHARED = frozenset({"Organization", "Practitioner"})
CHUNK = 500


class Command(BaseCommand):
    help = "Write every plan as NDJSON files, one per FHIR resource type, into --out DIR."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", required=True, help="The folder to write the NDJSON files into.")

    def handle(self, *args: Any, **options: Any) -> None:
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        people = Person.objects.filter(pk__in=Plan.objects.values("person_id")).select_related("lead_organisation")
        total = people.count()
        files: dict[str, IO[str]] = {}
        written: set[tuple[str, str]] = set()
        counts: dict[str, int] = {}
        terminal = sys.stdout.isatty()
        try:
            for n, person in enumerate(people.order_by("pk").iterator(chunk_size=CHUNK), start=1):
                for resource in plan_resources(person, groups=ALL_GROUPS):
                    kind = resource["resourceType"]
                    if kind in SHARED:
                        if (kind, resource["id"]) in written:
                            continue
                        written.add((kind, resource["id"]))
                    if kind not in files:
                        files[kind] = (out / f"{kind}.ndjson").open("w", encoding="utf-8")
                    files[kind].write(json.dumps(resource, separators=(",", ":")) + "\n")
                    counts[kind] = counts.get(kind, 0) + 1
                if terminal and (n % 100 == 0 or n == total):
                    self.stdout.write(f"\r{n}/{total} plans", ending="")
        finally:
            for file in files.values():
                file.close()
        if terminal:
            self.stdout.write("")
        self.stdout.write(
            f"{total} plans written to {out}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        )
