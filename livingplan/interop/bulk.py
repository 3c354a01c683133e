"""Every plan a reader may see as NDJSON, one file per resource type, as FHIR Bulk Data writes
them (ADR-045): the one writer behind the `$export` task and `livingplan fhir_export --out DIR`.

Memory stays flat however many plans there are: people are read in chunks of `CHUNK` by primary
key (keyset, not OFFSET), each chunk's rows in a fixed number of queries (`export.load`), its
lines written and let go. Only the ids of resources many people share (organisations and staff)
are kept, to write each once: they grow with the staff, not the plans.
"""

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from django.conf import settings
from django.db.models import QuerySet

from livingplan.accounts.models import User
from livingplan.interop import export
from livingplan.people.models import Person
from livingplan.plans import sharing
from livingplan.plans.models import Plan
from livingplan.plans.sections import ALL_GROUPS

CHUNK = 500
# Resources many people share: written once each.
SHARED = frozenset({"Organization", "Practitioner"})
# Every type an export writes, in the order a reader would load them.
TYPES = (
    "Patient",
    "RelatedPerson",
    "Organization",
    "Practitioner",
    "PractitionerRole",
    "CareTeam",
    "CarePlan",
    "Goal",
    "QuestionnaireResponse",
    "Provenance",
    "Consent",
)

# Called with each chunk of people once their lines are written; False stops the export (cancelled).
AfterChunk = Callable[[list[Person]], bool]


def export_dir(export_id: int) -> Path:
    root = getattr(settings, "LIVINGPLAN_FHIR_EXPORT_DIR", "") or Path(settings.VAR_DIR) / "fhir-exports"
    return Path(root) / str(export_id)


def remove_files(export_id: int) -> None:
    shutil.rmtree(export_dir(export_id), ignore_errors=True)


def people_to_export(viewer: User | None) -> QuerySet[Person]:
    """Everyone with a plan the reader may see (`viewer=None`: everyone, for the command)."""
    people = Person.objects.all() if viewer is None else Person.objects.visible_to(viewer)
    return people.filter(pk__in=Plan.objects.values("person_id"))


def chunks(people: QuerySet[Person], size: int = CHUNK) -> Iterator[list[Person]]:
    last = 0
    while True:
        chunk = list(people.filter(pk__gt=last).order_by("pk")[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


class Writer:
    """One NDJSON file per resource type in `out`, opened as its first line comes."""

    def __init__(self, out: Path, types: frozenset[str] | None = None) -> None:
        self.out = out
        self.types = types
        self.files: dict[str, IO[str]] = {}
        self.counts: dict[str, int] = {}
        self.written: set[tuple[str, str]] = set()

    def write(self, resource: dict[str, object]) -> None:
        kind = str(resource["resourceType"])
        if self.types is not None and kind not in self.types:
            return
        if kind in SHARED:
            key = (kind, str(resource["id"]))
            if key in self.written:
                return
            self.written.add(key)
        if kind not in self.files:
            self.files[kind] = (self.out / f"{kind}.ndjson").open("w", encoding="utf-8")
        self.files[kind].write(json.dumps(resource, separators=(",", ":")) + "\n")
        self.counts[kind] = self.counts.get(kind, 0) + 1

    def close(self) -> None:
        for file in self.files.values():
            file.close()


def write(
    people: QuerySet[Person],
    out: Path,
    *,
    viewer: User | None,
    types: frozenset[str] | None = None,
    after_chunk: AfterChunk | None = None,
) -> dict[str, int] | None:
    """Write `people`'s resources into `out`; the count written of each type, or None if stopped.

    A reader sees of each plan only the groups its person shares with them (`plans.sharing`, the
    one rule; it costs a few queries per person, which the system's own export does not pay)."""
    out.mkdir(parents=True, exist_ok=True)
    writer = Writer(out, types)
    try:
        for chunk in chunks(people):
            loaded = export.load(chunk)
            for person in chunk:
                groups = ALL_GROUPS if viewer is None else sharing.groups_visible_to(viewer, person)
                for resource in export.resources_for(person, loaded, groups=groups):
                    writer.write(resource)
            if after_chunk is not None and not after_chunk(chunk):
                return None
    finally:
        writer.close()
    return {kind: writer.counts[kind] for kind in TYPES if kind in writer.counts} | {
        k: v for k, v in writer.counts.items() if k not in TYPES
    }
