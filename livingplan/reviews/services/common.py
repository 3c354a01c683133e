"""What every reviews verb shares: the audit row in the actor's context, and plain-text checks."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor

LONGEST = 5000


def record(
    action: str, obj: models.Model, *, person_id: int, by: User, context: AuditContext | None, **detail: Any
) -> None:
    auditor.record(action, audit=context_for(by, context), person_id=person_id, obj=obj, detail=detail)


def words(value: str | None, *, field: str, missing: str = "", longest: int = LONGEST) -> str:
    """Trimmed text; `missing` is the error when it is required and empty."""
    text = (value or "").strip()
    if missing and not text:
        raise ValidationError({field: missing})
    if len(text) > longest:
        raise ValidationError({field: f"Use {longest} characters or fewer"})
    if "\x00" in text:
        raise ValidationError({field: "Remove the unprintable characters"})
    return text
