"""Which organisations' staff on the care team may see the person's record: the person's decision."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from livingplan.accounts.models import Membership, Organisation, User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.people import rules
from livingplan.people.models import Person, SharingConsent


def is_shared_with(person: Person, organisation: Organisation) -> bool:
    return SharingConsent.current.filter(person=person, organisation=organisation).exists()


def _recorded_for_the_person(person: Person, by: User) -> bool:
    """Someone without a sign-in tells staff at the council leading on their care, who record it
    (ADR-026). Anyone with a sign-in decides for themselves, here and nowhere else."""
    if rules.is_the_person(by, person):
        return False
    if (
        person.user_id is None
        and Membership.objects.filter(user=by, organisation_id=person.lead_organisation_id).exists()
    ):
        return True
    raise PermissionDenied("Only the person can decide who their record is shared with.")


@transaction.atomic
def set_sharing_consent(
    person: Person, *, by: User, organisation: Organisation, give: bool, audit: AuditContext | None = None
) -> SharingConsent | None:
    """The one way consent changes: the person decides which organisations' staff on their care
    team may see their record. None when there was nothing to withdraw."""
    detail: dict[str, Any] = {"organisation": organisation.name}
    if _recorded_for_the_person(person, by):
        detail["recorded_for_the_person"] = True
    if give:
        return _give(person, by=by, organisation=organisation, detail=detail, audit=audit)
    if not SharingConsent.current.filter(person=person, organisation=organisation).exists():
        return None  # Nothing to withdraw: already not shared.
    return _withdraw(person, by=by, organisation=organisation, detail=detail, audit=audit)


def _give(
    person: Person, *, by: User, organisation: Organisation, detail: dict[str, Any], audit: AuditContext | None
) -> SharingConsent:
    """The person agrees that their care team members from `organisation` may see their record."""
    consent, _ = SharingConsent.objects.update_or_create(
        person=person, organisation=organisation, defaults={"withdrawn_at": None}
    )
    auditor.record(
        "people.consent.given", audit=context_for(by, audit), person_id=person.pk, obj=consent, detail=detail
    )
    return consent


def _withdraw(
    person: Person, *, by: User, organisation: Organisation, detail: dict[str, Any], audit: AuditContext | None
) -> SharingConsent:
    consent = SharingConsent.objects.select_for_update().get(person=person, organisation=organisation)
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    auditor.record(
        "people.consent.withdrawn",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=consent,
        detail=detail,
    )
    return consent
