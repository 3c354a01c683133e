"""Keeping the directory: add or change one resource (organisation admins only)."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from livingplan.accounts.models import User
from livingplan.community import areas, rules
from livingplan.community.models import Resource, Tag
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor

ADDED = "community.resource.added"
CHANGED = "community.resource.changed"
TAG_MAX = 50

EDITABLE = (
    "name",
    "kind",
    "status",
    "description",
    "organisation_name",
    "where",
    "postcode",
    "when",
    "cost",
    "eligibility",
    "contact_name",
    "contact_phone",
    "contact_email",
    "website",
    "accessibility",
)


def parse_tags(text: str) -> list[str]:
    """ "Walking, outdoors,, walking" -> ["walking", "outdoors"]: lower case, each once, in order."""
    seen: dict[str, None] = {}
    for part in text.split(","):
        tag = " ".join(part.split()).lower()
        if tag:
            seen.setdefault(tag[:TAG_MAX])
    return list(seen)


def set_tags(resource: Resource, names: Iterable[str]) -> None:
    tags = [Tag.objects.get_or_create(name=name)[0] for name in names]
    resource.tags.set(tags)


def check_postcode(postcode: str) -> None:
    if postcode.strip() and not areas.district(postcode):
        raise ValidationError({"postcode": "Enter a real postcode, like LS6 3AB, or leave it empty"})


def require_maintainer(by: User) -> None:
    if not rules.may_maintain_directory(by):
        raise PermissionDenied("Only an organisation admin can change the community directory.")


@transaction.atomic
def save_resource(
    resource: Resource | None, *, by: User, tags: str = "", audit: AuditContext | None = None, **values: Any
) -> Resource:
    """Add a resource (`resource` None) or change one: guard, validate, save, tag, audit."""
    require_maintainer(by)
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise TypeError(f"Not fields of a resource: {sorted(unknown)}")
    check_postcode(str(values.get("postcode", "")))
    adding = resource is None
    target = Resource() if resource is None else resource
    for name, value in values.items():
        setattr(target, name, value.strip() if isinstance(value, str) else value)
    target.postcode = " ".join(target.postcode.upper().split())
    target.full_clean(exclude=["oruk_id"])
    target.save()
    set_tags(target, parse_tags(tags))
    auditor.record(
        ADDED if adding else CHANGED,
        audit=context_for(by, audit),
        obj=target,
        detail={"name": target.name, "fields": sorted(values)},
    )
    return target
