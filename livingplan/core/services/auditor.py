"""The one way anything is written to the audit trail.

Refuses an anonymous actor outright: a record of "somebody" changing a plan is worse than
no change at all, so the caller's transaction rolls back. Refuses a member of staff with no
organisation for the same reason: "who has looked" must say which organisation looked.
"""

from collections.abc import Callable, Mapping
from typing import Any

from django.db import models
from django.http import HttpRequest

from livingplan.core.models import AuditEvent

# Given an actor and the person an event is about (or None), the name of the organisation the
# actor acts for, "" for a member of staff whose organisation cannot be told, or None for someone
# who is not staff (a person or their circle). The kernel knows no memberships (ADR-006 layers),
# so the people app registers this when it starts (ADR-020).
OrganisationFinder = Callable[[Any, int | None], str | None]
_organisation_finder: OrganisationFinder | None = None

# Set on a request once anything about a person is audited in it, so the read auditing in
# `core.audit_reads` writes no second row for the same page.
AUDITED_PEOPLE = "_audited_person_ids"


class AnonymousAuditError(PermissionError):
    """Raised when something tries to audit an action with no signed-in actor."""


class UnattributedStaffEventError(PermissionError):
    """Raised when a member of staff's event cannot say which organisation they acted for."""


def register_organisation_finder(finder: OrganisationFinder) -> None:
    global _organisation_finder  # one finder for the process, set at start-up
    _organisation_finder = finder


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def _organisation(actor: Any, person_id: int | None, request: HttpRequest | None) -> str:
    if _organisation_finder is None:
        raise UnattributedStaffEventError("No organisation finder is registered: is the people app installed?")
    # Found once per actor and person for a request: a page that records several events asks once.
    found: dict[tuple[int, int | None], str | None] = getattr(request, "_audit_organisations", {})
    key = (actor.pk, person_id)
    if key not in found:
        found[key] = _organisation_finder(actor, person_id)
        if request is not None:
            request._audit_organisations = found  # type: ignore[attr-defined]
    name = found[key]
    if name == "":
        raise UnattributedStaffEventError(f"Staff member {actor.pk} acts for no organisation we can tell.")
    return name or ""


def record(
    action: str,
    *,
    actor: Any,
    person_id: int | None = None,
    obj: models.Model | None = None,
    request: HttpRequest | None = None,
    organisation: str = "",
    detail: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit event. `action` is a namespaced code such as `people.person.viewed`.

    `organisation` is found from the actor's memberships when the caller does not give it.
    """
    if actor is None or not getattr(actor, "is_authenticated", False) or actor.pk is None:
        raise AnonymousAuditError(f"Refusing to audit {action!r} without a signed-in actor.")
    if action.count(".") < 2:
        raise ValueError(f"Audit action codes look like 'app.thing.verb', not {action!r}.")
    if not organisation:
        organisation = _organisation(actor, person_id, request)
    if request is not None and person_id is not None:
        audited: set[int] = getattr(request, AUDITED_PEOPLE, set())
        audited.add(person_id)
        setattr(request, AUDITED_PEOPLE, audited)
    return AuditEvent.objects.create(
        actor=actor,
        actor_organisation=organisation,
        action=action,
        person_id=person_id,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        ip_address=_client_ip(request),
        user_agent=(request.META.get("HTTP_USER_AGENT", "")[:300] if request is not None else ""),
        detail=dict(detail or {}),
    )
