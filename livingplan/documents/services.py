"""Audit verbs for documents: every rendering someone reads and every file someone downloads is recorded."""

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.people.models import Person
from livingplan.plans.models import Plan


def record_plan_viewed(plan: Plan, *, by: User, audit: AuditContext | None, rendering: str) -> None:
    """Someone read the plan as an easy read, large print or printable page."""
    auditor.record(
        "plans.plan.viewed",
        audit=context_for(by, audit),
        person_id=plan.person_id,
        obj=plan,
        detail={"rendering": rendering},
    )


def record_plan_exported(
    plan: Plan, *, by: User, audit: AuditContext | None, document: str, fmt: str, filename: str
) -> None:
    """Someone downloaded the plan or one-page profile as a PDF."""
    auditor.record(
        "plans.plan.exported",
        audit=context_for(by, audit),
        person_id=plan.person_id,
        obj=plan,
        detail={"document": document, "format": fmt, "filename": filename},
    )


def record_record_exported(person: Person, *, by: User, audit: AuditContext | None, filename: str) -> None:
    """The person downloaded everything held about them."""
    auditor.record(
        "people.record.exported",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=person,
        detail={"filename": filename},
    )


def record_document_waiting(person: Person, *, by: User, audit: AuditContext | None, document: str, fmt: str) -> None:
    """Someone asked for a document that is still being made, and saw the page saying so."""
    auditor.record(
        "documents.document.viewed",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=person,
        detail={"document": document, "format": fmt, "ready": False},
    )


def record_pack_exported(person: Person, *, by: User, audit: AuditContext | None, fmt: str, filename: str) -> None:
    """Someone downloaded or printed the person's "what is on near you" pack (issue 12)."""
    auditor.record(
        "community.pack.exported",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=person,
        detail={"format": fmt, "filename": filename},
    )
