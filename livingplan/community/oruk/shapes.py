"""Finding the services in an Open Referral UK file, whichever shape the file has (pure).

The UK profile's API returns a service, a page of services (`contents`), an organisation with
its `services`, a service at a location (with its `service` inside), or a taxonomy; an export
tool may also give a bare list of services. Each shape is taken as it comes.
"""

from dataclasses import dataclass
from typing import Any

# Keys that only a taxonomy or a taxonomy term has: a file of those holds no services.
_TAXONOMY_KEYS = frozenset({"taxonomy_terms", "version", "term_uri", "taxonomy"})
# Keys that only an organisation has: one listed without its services adds nothing.
_ORGANISATION_KEYS = frozenset({"website", "logo", "organization_identifiers", "parent_organization_id", "uri"})
TAXONOMY, ORGANISATION = "taxonomy", "organisation"


@dataclass(frozen=True)
class Found:
    """A service as found in the file: where it was (for the report), and what surrounds it."""

    where: str  # "record 2", used in the report
    service: Any  # not yet checked: may be anything the file holds
    organisation: Any = None  # the organisation a service was nested in, if any
    location: Any = None  # the location of a service-at-location record


@dataclass(frozen=True)
class Shape:
    found: list[Found]
    skipped: frozenset[str] = frozenset()  # kinds of record held that are not services (TAXONOMY, ORGANISATION)
    unknown: bool = False  # nothing in the file looks like Open Referral


def _not_a_service(item: dict[str, Any]) -> str:
    """TAXONOMY or ORGANISATION (one without its services) for a record that holds no service, else ""."""
    if "status" in item or "services" in item:
        return ""
    if _TAXONOMY_KEYS & item.keys():
        return TAXONOMY
    return ORGANISATION if _ORGANISATION_KEYS & item.keys() else ""


def _from_item(item: Any, where: str) -> list[Found] | str:
    """The services in one record of a list or page, or the kind of record it is if it holds none."""
    if not isinstance(item, dict):
        return [Found(where=where or "the service", service=item)]
    other = _not_a_service(item)
    if other:
        return other
    if "service" in item and "status" not in item:  # a service at a location
        return [Found(where=where or "the service", service=item["service"], location=item.get("location"))]
    if "services" in item and "status" not in item:  # an organisation with its services
        services = item["services"]
        if not isinstance(services, list):
            return [Found(where=f"{where} (organisation)" if where else "the organisation", service=services)]
        return [
            Found(where=f"{where}, service {n}" if where else f"service {n}", service=s, organisation=item)
            for n, s in enumerate(services, start=1)
        ]
    return [Found(where=where or "the service", service=item)]


def _from_list(items: list[Any], *, single: bool = False) -> Shape:
    found: list[Found] = []
    skipped: set[str] = set()
    for n, item in enumerate(items, start=1):
        inside = _from_item(item, "" if single else f"record {n}")
        if isinstance(inside, str):
            skipped.add(inside)
        else:
            found += inside
    return Shape(found=found, skipped=frozenset(skipped))


def find_services(data: Any) -> Shape:
    if isinstance(data, list):
        return _from_list(data)
    if not isinstance(data, dict):
        return Shape(found=[], unknown=True)
    if isinstance(data.get("contents"), list):  # a page of results
        return _from_list(data["contents"])
    if not ({"id", "name", "services", "service"} & data.keys()):
        return Shape(found=[], unknown=True)
    return _from_list([data], single=True)
