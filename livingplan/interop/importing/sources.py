"""Which files to import, in which order, and the units in them.

A directory is walked in file-name order (its whole relative path, so one folder after another),
which is what lets Synthea's hospital and practitioner bundles be imported before the patients
that refer to them when they are named to come first. `.json` is one Bundle or one resource;
`.ndjson` is one resource a line, and the whole file is one unit, all or nothing. XML is refused
(send JSON); any other file is not FHIR and is passed over."""

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from livingplan.interop.fhir.checks import Issue

READ = (".json", ".ndjson")


@dataclass
class Unit:
    """One all-or-nothing import: the resources of one Bundle, lone resource or NDJSON file."""

    name: str
    bundle_type: str = "collection"
    entries: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Issue] = field(default_factory=list)


def files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted((p for p in path.rglob("*") if p.is_file()), key=lambda p: p.relative_to(path).as_posix())


def units(path: Path) -> Iterator[Unit]:
    root = path if path.is_dir() else path.parent
    for file in files(path):
        name = file.relative_to(root).as_posix()
        if file.suffix == ".xml":
            yield Unit(
                name,
                problems=[
                    Issue(name, "FHIR XML is not imported here: send the same resources as JSON", code="not-supported")
                ],
            )
        elif file.suffix in READ:
            yield read(file, name)


def read(file: Path, name: str) -> Unit:
    text = file.read_text(encoding="utf-8")
    if file.suffix == ".ndjson":
        return _ndjson(text, name)
    try:
        data = json.loads(text)
    except ValueError as error:
        return Unit(name, problems=[Issue(name, f"Not JSON: {error}", code="structure")])
    return from_json(data, name)


def from_json(data: Any, name: str) -> Unit:
    if not isinstance(data, dict) or not isinstance(data.get("resourceType"), str):
        return Unit(name, problems=[Issue(name, "Not a FHIR resource: there is no resourceType", code="structure")])
    if data["resourceType"] != "Bundle":
        return Unit(name, entries=[{"resource": data}])
    unit = Unit(name, bundle_type=str(data.get("type") or ""), entries=list(data.get("entry") or []))
    if unit.bundle_type not in ("transaction", "collection", "batch", "searchset"):
        unit.problems.append(
            Issue(
                "Bundle.type",
                f"A {unit.bundle_type or 'typeless'} Bundle is not imported: send a transaction or collection",
                code="not-supported",
            )
        )
    return unit


def _ndjson(text: str, name: str) -> Unit:
    unit = Unit(name)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            unit.entries.append({"resource": json.loads(line)})
        except ValueError as error:
            unit.problems.append(Issue(f"line {number}", f"Not JSON: {error}", code="structure"))
    return unit
