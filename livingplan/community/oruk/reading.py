"""Reading an Open Referral UK file: every service it holds, or every problem with it (pure).

Nothing is saved here. The report names the record (its place in the file, name and id), the
field (as a path: `service_at_locations[0].location.addresses[0].postal_code`) and why it is wrong,
one line each, so whoever keeps the file can put it right and try again.
"""

import json
from dataclasses import dataclass, field
from typing import Any

from livingplan.community.models import NAME_MAX
from livingplan.community.oruk import checks, shapes
from livingplan.community.oruk.mapping import resource_values
from livingplan.community.oruk.shapes import Found

MAX_SERVICES = 5000
MAX_REPORTED = 200
PHONE_MAX = 30


@dataclass(frozen=True)
class Problem:
    where: str  # "Record 2 ("Walkers", id 1f2d...)" or "The file"
    field: str
    why: str

    @property
    def line(self) -> str:
        return f"{self.where}: {self.field} {self.why}" if self.field else f"{self.where}: {self.why}"


@dataclass(frozen=True)
class ParsedService:
    oruk_id: str
    values: dict[str, Any]
    tags: list[str]


@dataclass
class Reading:
    services: list[ParsedService] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Why a file with no problems added nothing: it held only records that are not services.
    nothing_to_add: str = ""

    @property
    def report(self) -> list[str]:
        lines = [p.line for p in self.problems[:MAX_REPORTED]]
        if len(self.problems) > MAX_REPORTED:
            lines.append(f"… and {len(self.problems) - MAX_REPORTED} more problems not listed.")
        return lines


def _the_file(why: str) -> Reading:
    return Reading(problems=[Problem(where="The file", field="", why=why)])


def read(content: bytes) -> Reading:
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return _the_file("is not text in UTF-8. Save it as UTF-8 JSON and try again.")
    except json.JSONDecodeError as error:
        # A file cut short (a partial download) ends here too, with where it stopped.
        return _the_file(f"is not complete, valid JSON: line {error.lineno}, column {error.colno}: {error.msg}.")
    shape = shapes.find_services(data)
    if shape.unknown:
        return _the_file(
            "is not in a shape we know: expected an Open Referral UK service, a list or page of services, "
            "an organisation with its services, or a service at a location."
        )
    if len(shape.found) > MAX_SERVICES:
        return _the_file(f"holds {len(shape.found)} services: import at most {MAX_SERVICES} at a time.")
    reading = Reading(nothing_to_add="" if shape.found else _nothing_to_add(shape.skipped))
    seen: dict[str, str] = {}
    for found in shape.found:
        _read_one(found, reading, seen)
    return reading


def _nothing_to_add(skipped: frozenset[str]) -> str:
    if shapes.TAXONOMY in skipped:
        return "The file holds a taxonomy, not services: there was nothing to add. Tags come from each service."
    if shapes.ORGANISATION in skipped:
        return "The file lists organisations without their services: there was nothing to add."
    return "The file holds no services: there was nothing to add."


def _label(found: Found) -> str:
    where = found.where[:1].upper() + found.where[1:]
    service = found.service if isinstance(found.service, dict) else {}
    name, oruk_id = service.get("name"), service.get("id")
    parts = [f'"{name[:60]}"' if isinstance(name, str) and name.strip() else "", f"id {oruk_id}" if oruk_id else ""]
    described = ", ".join(p for p in parts if p)
    return f"{where} ({described})" if described else where


def _read_one(found: Found, reading: Reading, seen: dict[str, str]) -> None:
    label = _label(found)
    problem = checks.record(found.service) or ("" if found.service is not None else "is empty (null)")
    if problem:
        reading.problems.append(Problem(where=label, field="the service", why=problem))
        return
    problems = [Problem(where=label, field=name, why=why) for name, why in service_problems(found) if why]
    oruk_id = found.service.get("id")
    if isinstance(oruk_id, str) and oruk_id in seen:
        problems.append(Problem(where=label, field="id", why=f"is used twice in this file (also {seen[oruk_id]})"))
    if problems:
        reading.problems += problems
        return
    seen[oruk_id] = found.where
    values, tags = resource_values(found)
    reading.services.append(ParsedService(oruk_id=oruk_id.lower(), values=values, tags=tags))


def service_problems(found: Found) -> list[tuple[str, str]]:
    """(field, why) for each field of the service that is wrong; why is "" for a right one."""
    s: dict[str, Any] = found.service
    organisation = s.get("organization") if s.get("organization") is not None else found.organisation
    location = found.location
    listed = [
        ("id", checks.identifier(s.get("id"))),
        ("name", checks.text(s.get("name"), required=True, limit=NAME_MAX)),
        ("status", checks.status(s.get("status"))),
        ("description", checks.text(s.get("description"))),
        ("url", checks.web_address(s.get("url"))),
        ("email", checks.email(s.get("email"))),
        ("minimum_age", checks.age(s.get("minimum_age"))),
        ("maximum_age", checks.age(s.get("maximum_age"))),
        ("organization", checks.record(organisation)),
        ("location", checks.record(location)),
    ]
    listed += [(name, checks.objects(s.get(name))) for name in LISTS]
    if not any(why for _, why in listed):
        listed += _nested_problems(s, organisation)
    return listed


LISTS = ("schedules", "service_at_locations", "cost_options", "contacts", "attributes")


def _nested_problems(s: dict[str, Any], organisation: dict[str, Any] | None) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if organisation is not None:
        found.append(("organization.name", checks.text(organisation.get("name"), limit=NAME_MAX)))
    low, high = s.get("minimum_age"), s.get("maximum_age")
    if low is not None and high is not None and low > high:
        found.append(("maximum_age", f"({high}) is below minimum_age ({low})"))
    for n, option in enumerate(s.get("cost_options") or []):
        found.append((f"cost_options[{n}].amount", checks.number(option.get("amount"))))
    for n, contact in enumerate(s.get("contacts") or []):
        found.append((f"contacts[{n}].name", checks.text(contact.get("name"), limit=NAME_MAX)))
        phones = contact.get("phones")
        found.append((f"contacts[{n}].phones", checks.objects(phones)))
        if isinstance(phones, list):
            found += [
                (f"contacts[{n}].phones[{m}].number", checks.text(p.get("number"), limit=PHONE_MAX))
                for m, p in enumerate(phones)
                if isinstance(p, dict)
            ]
    for n, at in enumerate(s.get("service_at_locations") or []):
        found += _location_problems(f"service_at_locations[{n}].location", at.get("location"))
    for n, attribute in enumerate(s.get("attributes") or []):
        found.append((f"attributes[{n}].taxonomy_term", checks.record(attribute.get("taxonomy_term"))))
    return found


def _location_problems(path: str, location: Any) -> list[tuple[str, str]]:
    problem = checks.record(location)
    if problem or location is None:
        return [(path, problem)]
    kind = location.get("location_type")
    found = [(f"{path}.{name}", checks.objects(location.get(name))) for name in ("addresses", "accessibility")]
    if kind is not None and kind not in checks.LOCATION_TYPES:
        found.append((f"{path}.location_type", f"must be one of {', '.join(checks.LOCATION_TYPES)}, not {kind!r}"))
    return found
