"""One unit's resources, checked and indexed so references between them resolve.

Every resource we map, and any resource sent alone, is checked in full (`fhir.checks`: the R4
models plus the codes they let through); one invalid resource refuses its whole unit, with each
problem and where it is. The resources we pass over inside a Bundle (a Synthea bundle is mostly
observations, claims and encounters) are skimmed: each must be an object naming an R4 resource
type, and nothing is read from them, so nothing can go wrong from them. Validating them in full
took three times as long as the import itself (ADR-044, `make bench-fhir`). References resolve
by an entry's full URL (`urn:uuid:...`), by `Type/id`, or conditionally (`Patient?identifier=
system|value`) against the unit's own resources."""

from dataclasses import dataclass, field
from typing import Any

from fhir.resources.R4B import get_fhir_model_class

from livingplan.interop.fhir.checks import Issue, problems
from livingplan.interop.importing.sources import Unit

# What the import reads, so what it validates in full.
MAPPED = frozenset({"Patient", "Goal", "CarePlan"})


@dataclass
class Entry:
    where: str
    resource: dict[str, Any]
    full_url: str

    @property
    def resource_type(self) -> str:
        return str(self.resource.get("resourceType") or "")

    @property
    def key(self) -> str:
        """How this resource is known again on the next run: its first identifier, else its URL."""
        for identifier in self.resource.get("identifier") or []:
            if isinstance(identifier, dict) and identifier.get("value"):
                return f"{identifier.get('system', '')}|{identifier['value']}"[:400]
        return (self.full_url or f"{self.resource_type}/{self.resource.get('id', '')}")[:400]


@dataclass
class Checked:
    entries: list[Entry] = field(default_factory=list)
    by_url: dict[str, Entry] = field(default_factory=dict)

    def of_type(self, resource_type: str) -> list[Entry]:
        return [e for e in self.entries if e.resource_type == resource_type]

    def resolve(self, ref: Any) -> Entry | None:
        raw = str(ref.get("reference") or "") if isinstance(ref, dict) else str(ref or "")
        if not raw:
            return None
        if raw in self.by_url:
            return self.by_url[raw]
        if "?" in raw:
            return self._conditional(raw)
        tail = "/".join(raw.rstrip("/").split("/")[-2:])
        return self.by_url.get(tail)

    def _conditional(self, raw: str) -> Entry | None:
        resource_type, _, query = raw.partition("?")
        name, _, wanted = query.partition("=")
        if name != "identifier":
            return None
        system, bar, value = wanted.rpartition("|")
        for entry in self.of_type(resource_type):
            for identifier in entry.resource.get("identifier") or []:
                if identifier.get("value") == (value if bar else wanted) and (
                    not bar or identifier.get("system") == system
                ):
                    return entry
        return None


def check(unit: Unit) -> tuple[Checked, list[Issue]]:
    checked = Checked()
    issues = list(unit.problems)
    for n, raw in enumerate(unit.entries):
        where = f"Bundle.entry[{n}].resource"
        resource = raw.get("resource") if isinstance(raw, dict) else None
        if not isinstance(resource, dict):
            issues.append(Issue(f"Bundle.entry[{n}]", "An entry with no resource"))
            continue
        label = f"{where}({resource.get('resourceType', '?')})"
        full = len(unit.entries) == 1 or resource.get("resourceType") in MAPPED
        issues += problems(resource, label) if full else skim(resource, label)
        entry = Entry(where, resource, str(raw.get("fullUrl") or ""))
        checked.entries.append(entry)
        if entry.full_url:
            checked.by_url[entry.full_url] = entry
        if resource.get("id"):
            checked.by_url[f"{entry.resource_type}/{resource['id']}"] = entry
    return checked, issues


def skim(resource: dict[str, Any], where: str) -> list[Issue]:
    try:
        get_fhir_model_class(str(resource.get("resourceType") or ""))
    except KeyError:
        return [
            Issue(
                where, f"{resource.get('resourceType') or 'A resource with no resourceType'} is not an R4 resource type"
            )
        ]
    return []
