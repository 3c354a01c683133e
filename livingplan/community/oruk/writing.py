"""The directory as Open Referral UK JSON: a page of full services, as the profile's API gives them.

Ids of the parts of a service (its location, schedule, contact) are made from the service's id
(UUID 5), so exporting twice gives the same file and a re-import matches the same records.
Eligibility in words and a contact's phone are not in the UK profile: they are written as HSDS 3's
own `eligibility_description` and `phones`, which the profile's schema allows beside its fields.
"""

import uuid
from collections.abc import Iterable
from typing import Any

from livingplan.community.models import Resource, ResourceStatus
from livingplan.community.oruk.vocabulary import KIND_TAXONOMY, STATUS_TO_ORUK, TAG_TAXONOMY

_NAMESPACE = uuid.UUID("6f1f5d36-5d0c-4b8e-9b7a-2f6d0c1e9a10")  # ours: never change it


def _id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def _term(resource: Resource, taxonomy: str, code: str, name: str) -> dict[str, Any]:
    term_id = _id("term", taxonomy, code)
    return {
        "id": _id(resource.oruk_id, "attribute", taxonomy, code),
        "taxonomy_term_id": term_id,
        "taxonomy_term": {"id": term_id, "name": name, "description": name, "taxonomy": taxonomy, "term": code},
    }


def _location(resource: Resource) -> list[dict[str, Any]]:
    if not (resource.where or resource.postcode or resource.accessibility):
        return []
    lines = [line.strip() for line in resource.where.splitlines() if line.strip()] or [resource.name]
    location_id = _id(resource.oruk_id, "location")
    location: dict[str, Any] = {
        "id": location_id,
        "location_type": "physical",
        "name": lines[0],
        "addresses": [
            {
                "id": _id(resource.oruk_id, "address"),
                "location_id": location_id,
                "address_1": ", ".join(lines[1:]) or lines[0],
                "city": "",
                "state_province": "",
                "postal_code": resource.postcode,
                "country": "GB",
                "address_type": "physical",
            }
        ],
    }
    if resource.accessibility:
        location["accessibility"] = [
            {
                "id": _id(resource.oruk_id, "accessibility"),
                "location_id": location_id,
                "description": resource.accessibility,
            }
        ]
    return [{"id": _id(resource.oruk_id, "service-at-location"), "service_id": resource.oruk_id, "location": location}]


def _optional(resource: Resource) -> dict[str, Any]:
    """The fields written only when the resource has them."""
    service: dict[str, Any] = {}
    if resource.website:
        service["url"] = resource.website
    if resource.contact_email:
        service["email"] = resource.contact_email
    if resource.minimum_age is not None:
        service["minimum_age"] = resource.minimum_age
    if resource.maximum_age is not None:
        service["maximum_age"] = resource.maximum_age
    if resource.eligibility:
        service["eligibility_description"] = resource.eligibility
    if resource.organisation_name:
        service["organization"] = {
            "id": _id("organisation", resource.organisation_name),
            "name": resource.organisation_name,
            "description": resource.organisation_name,
        }
    return service


def _contacts(resource: Resource) -> list[dict[str, Any]]:
    if not (resource.contact_name or resource.contact_phone):
        return []
    contact: dict[str, Any] = {"id": _id(resource.oruk_id, "contact"), "service_id": resource.oruk_id}
    if resource.contact_name:
        contact["name"] = resource.contact_name
    if resource.contact_phone:
        contact["phones"] = [{"id": _id(resource.oruk_id, "phone"), "number": resource.contact_phone}]
    return [contact]


def service(resource: Resource) -> dict[str, Any]:
    """One resource as a full UK profile service. Reads `resource.tags` (prefetch them for many)."""
    sid = resource.oruk_id
    attributes = [_term(resource, KIND_TAXONOMY, resource.kind.lower(), resource.get_kind_display())]
    attributes += [_term(resource, TAG_TAXONOMY, tag.name, tag.name) for tag in resource.tags.all()]
    return {
        "id": sid,
        "name": resource.name,
        "description": resource.description,
        "status": STATUS_TO_ORUK[ResourceStatus(resource.status)],
        **_optional(resource),
        "last_modified": resource.updated_at.isoformat(),
        "schedules": [{"id": _id(sid, "schedule"), "service_id": sid, "description": resource.when}]
        if resource.when
        else [],
        "service_at_locations": _location(resource),
        "cost_options": [{"id": _id(sid, "cost"), "service_id": sid, "amount_description": resource.cost}]
        if resource.cost
        else [],
        "contacts": _contacts(resource),
        "attributes": attributes,
    }


def page(resources: Iterable[Resource]) -> dict[str, Any]:
    """Every resource given, as one page of the profile's `/services` answer."""
    contents = [service(r) for r in resources]
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }
