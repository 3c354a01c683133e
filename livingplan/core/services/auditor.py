"""The one way anything is written to the audit trail.

Refuses an anonymous actor outright: a record of "somebody" changing a plan is worse than
no change at all, so the caller's transaction rolls back. Refuses a member of staff with no
organisation for the same reason: "who has looked" must say which organisation looked.
Who, for which organisation and from where all come from one `AuditContext` (ADR-029).
"""

from collections.abc import Mapping
from typing import Any

from django.db import models

from livingplan.core.audit_context import (
    AuditContext,
    UnattributedStaffEventError,
    register_organisation_finder,
)
from livingplan.core.models import AuditEvent

__all__ = [
    "AnonymousAuditError",
    "AuditContext",
    "UnattributedStaffEventError",
    "record",
    "register_organisation_finder",
]


class AnonymousAuditError(PermissionError):
    """Raised when something tries to audit an action with no signed-in actor."""


def record(
    action: str,
    *,
    audit: AuditContext,
    person_id: int | None = None,
    obj: models.Model | None = None,
    organisation: str = "",
    detail: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit event. `action` is a namespaced code such as `people.person.viewed`.

    `organisation` is found from the actor's memberships (once per person, on the context) when
    the caller does not give it.
    """
    actor = audit.actor
    if actor is None or not getattr(actor, "is_authenticated", False) or actor.pk is None:
        raise AnonymousAuditError(f"Refusing to audit {action!r} without a signed-in actor.")
    if action.count(".") < 2:
        raise ValueError(f"Audit action codes look like 'app.thing.verb', not {action!r}.")
    if not organisation:
        organisation = audit.organisation_for(person_id)
    if person_id is not None:
        audit.audited_people.add(person_id)
    return AuditEvent.objects.create(
        actor=actor,
        actor_organisation=organisation,
        action=action,
        person_id=person_id,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        ip_address=audit.ip_address,
        user_agent=audit.user_agent,
        detail=dict(detail or {}),
    )
