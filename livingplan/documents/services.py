"""Audit verbs for documents: every rendering someone reads and every file someone downloads is recorded."""

from django.http import HttpRequest

from livingplan.accounts.models import User
from livingplan.core.services import auditor
from livingplan.people.models import Person
from livingplan.people.services import acting_organisation_name
from livingplan.plans.models import Plan


def record_plan_viewed(plan: Plan, *, by: User, request: HttpRequest | None, rendering: str) -> None:
    """Someone read the plan as an easy read, large print or printable page."""
    auditor.record(
        "plans.plan.viewed",
        actor=by,
        person_id=plan.person_id,
        obj=plan,
        request=request,
        organisation=acting_organisation_name(by, plan.person),
        detail={"rendering": rendering},
    )


def record_plan_exported(
    plan: Plan, *, by: User, request: HttpRequest | None, document: str, fmt: str, filename: str
) -> None:
    """Someone downloaded the plan or one-page profile as a PDF."""
    auditor.record(
        "plans.plan.exported",
        actor=by,
        person_id=plan.person_id,
        obj=plan,
        request=request,
        organisation=acting_organisation_name(by, plan.person),
        detail={"document": document, "format": fmt, "filename": filename},
    )


def record_record_exported(person: Person, *, by: User, request: HttpRequest | None, filename: str) -> None:
    """The person downloaded everything held about them."""
    auditor.record(
        "people.record.exported",
        actor=by,
        person_id=person.pk,
        obj=person,
        request=request,
        organisation=acting_organisation_name(by, person),
        detail={"filename": filename},
    )


def record_document_waiting(person: Person, *, by: User, request: HttpRequest | None, document: str, fmt: str) -> None:
    """Someone asked for a document that is still being made, and saw the page saying so."""
    auditor.record(
        "documents.document.viewed",
        actor=by,
        person_id=person.pk,
        obj=person,
        request=request,
        organisation=acting_organisation_name(by, person),
        detail={"document": document, "format": fmt, "ready": False},
    )
