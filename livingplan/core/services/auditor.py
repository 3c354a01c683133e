"""The one way anything is written to the audit trail.

Refuses an anonymous actor outright: a record of "somebody" changing a plan is worse than
no change at all, so the caller's transaction rolls back.
"""

from collections.abc import Mapping
from typing import Any

from django.db import models
from django.http import HttpRequest

from livingplan.core.models import AuditEvent


class AnonymousAuditError(PermissionError):
    """Raised when something tries to audit an action with no signed-in actor."""


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


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
    """Write one audit event. `action` is a namespaced code such as `people.person.viewed`."""
    if actor is None or not getattr(actor, "is_authenticated", False) or actor.pk is None:
        raise AnonymousAuditError(f"Refusing to audit {action!r} without a signed-in actor.")
    if action.count(".") < 2:
        raise ValueError(f"Audit action codes look like 'app.thing.verb', not {action!r}.")
    if not organisation and request is not None:
        organisation = getattr(request, "acting_organisation_name", "") or ""
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
