"""One checked Open Referral service as the values of a `Resource` (pure).

The directory keeps what a person needs to decide and to get there: name, description, who runs
it, where (the first location), when (the schedules' words), cost, who it is for, contact,
accessibility and tags. The rest of a record (funding, languages, service areas) is not kept.
"""

from typing import Any

from livingplan.community import areas
from livingplan.community.models import ResourceKind
from livingplan.community.oruk.shapes import Found
from livingplan.community.oruk.vocabulary import KIND_CODES, KIND_TAXONOMY, STATUS_FROM_ORUK

COST_MAX = 300


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _lines(*parts: Any) -> str:
    return "\n".join(p for p in (_text(part) for part in parts) if p)


def _first(items: Any) -> dict[str, Any]:
    return items[0] if isinstance(items, list) and items and isinstance(items[0], dict) else {}


def _location(found: Found) -> dict[str, Any]:
    if isinstance(found.location, dict):
        return found.location
    location = _first(found.service.get("service_at_locations")).get("location")
    return location if isinstance(location, dict) else {}


def _place(location: dict[str, Any]) -> tuple[str, str]:
    """(where, postcode): a UK postcode goes in its own field; any other stays in the address."""
    address = _first(location.get("addresses"))
    postal = _text(address.get("postal_code"))
    postcode = postal.upper() if areas.district(postal) else ""
    name = _text(location.get("name"))
    where = _lines(
        name,
        "" if _text(address.get("address_1")) == name else address.get("address_1"),
        address.get("address_2"),
        address.get("city"),
        "" if postcode else postal,
    )
    return where, postcode


def _when(schedules: Any) -> str:
    words = []
    for schedule in schedules or []:
        said = _text(schedule.get("description"))
        if not said and schedule.get("opens_at"):
            days = _text(schedule.get("byday")) or "open"
            said = f"{days}: {_text(schedule.get('opens_at'))} to {_text(schedule.get('closes_at'))}"
        if said:
            words.append(said)
    return "\n".join(words)


def _cost(service: dict[str, Any]) -> str:
    parts = []
    for option in service.get("cost_options") or []:
        amount = option.get("amount")
        price = f"£{amount:,.2f}".replace(".00", "") if isinstance(amount, int | float) else ""
        said = " ".join(p for p in (price, _text(option.get("amount_description"))) if p)
        label = _text(option.get("option"))
        parts.append(f"{label}: {said}" if label and said else label or said)
    cost = "; ".join(p for p in parts if p) or _text(service.get("fees"))
    return cost if len(cost) <= COST_MAX else cost[: COST_MAX - 1].rsplit(" ", 1)[0] + "…"


def _contact(service: dict[str, Any]) -> tuple[str, str]:
    contact = _first(service.get("contacts"))
    phone = _first(contact.get("phones"))
    return _text(contact.get("name")), _text(phone.get("number"))


def _kind_and_tags(attributes: Any) -> tuple[str, list[str]]:
    kind: str = ResourceKind.OTHER
    tags: list[str] = []
    for attribute in attributes or []:
        term = attribute.get("taxonomy_term") or {}
        name = _text(term.get("name")) or _text(term.get("term"))
        if term.get("taxonomy") == KIND_TAXONOMY:
            kind = KIND_CODES.get(_text(term.get("term")).lower(), kind)
        elif name and name.lower() not in tags:
            tags.append(name.lower()[:50])
    return kind, tags


def resource_values(found: Found) -> tuple[dict[str, Any], list[str]]:
    service: dict[str, Any] = found.service
    organisation = service.get("organization") or found.organisation or {}
    location = _location(found)
    where, postcode = _place(location)
    contact_name, contact_phone = _contact(service)
    kind, tags = _kind_and_tags(service.get("attributes"))
    values = {
        "name": _text(service.get("name")),
        "kind": kind,
        "status": STATUS_FROM_ORUK[service["status"]],
        "description": _text(service.get("description")),
        "organisation_name": _text(organisation.get("name")),
        "where": where,
        "postcode": postcode,
        "when": _when(service.get("schedules")),
        "cost": _cost(service),
        # Not in the UK profile: HSDS 3's own field, which our export writes.
        "eligibility": _text(service.get("eligibility_description")),
        "minimum_age": service.get("minimum_age"),
        "maximum_age": service.get("maximum_age"),
        "contact_name": contact_name,
        "contact_phone": contact_phone,
        "contact_email": _text(service.get("email")),
        "website": _text(service.get("url")),
        "accessibility": _lines(*(a.get("description") or a.get("accessibility") for a in _accessibility(location))),
    }
    return values, tags


def _accessibility(location: dict[str, Any]) -> list[dict[str, Any]]:
    items = location.get("accessibility")
    return [a for a in items if isinstance(a, dict)] if isinstance(items, list) else []
