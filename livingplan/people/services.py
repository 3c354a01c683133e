"""Domain verbs about a person's record: the one write path for people, care teams,
circles and consent. Each guards, changes, and audits in one transaction.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from livingplan.accounts.models import Organisation, User
from livingplan.core.services import auditor
from livingplan.people import nhs_number
from livingplan.people.models import (
    Advocacy,
    CapacityAssessment,
    CareTeamMember,
    CircleMember,
    CommunicationNeeds,
    LegalAuthority,
    Person,
    SharingConsent,
)


def acting_organisation_name(user: User, person: Person) -> str:
    """The organisation a member of staff is acting for when they open this person's record."""
    membership = person.care_team.filter(user=user, ended_on__isnull=True).select_related("organisation").first()
    if membership is not None:
        return membership.organisation.name
    first = user.memberships.select_related("organisation").first()
    return first.organisation.name if first is not None else ""


def record_person_viewed(person: Person, *, by: User, request: HttpRequest | None = None) -> None:
    auditor.record(
        "people.person.viewed",
        actor=by,
        person_id=person.pk,
        obj=person,
        request=request,
        organisation=acting_organisation_name(by, person),
    )


@transaction.atomic
def register_person(
    *,
    by: User,
    given_name: str,
    family_name: str,
    lead_organisation: Organisation,
    preferred_name: str = "",
    date_of_birth: dt.date | None = None,
    user: User | None = None,
) -> Person:
    person = Person(
        given_name=given_name,
        family_name=family_name,
        preferred_name=preferred_name,
        date_of_birth=date_of_birth,
        lead_organisation=lead_organisation,
        user=user,
    )
    person.full_clean()
    person.save()
    auditor.record("people.person.created", actor=by, person_id=person.pk, obj=person)
    return person


@transaction.atomic
def give_sharing_consent(person: Person, *, by: User, organisation: Organisation) -> SharingConsent:
    """The person agrees that their care team members from `organisation` may see their record."""
    consent, _ = SharingConsent.objects.update_or_create(
        person=person, organisation=organisation, defaults={"withdrawn_at": None}
    )
    auditor.record(
        "people.consent.given", actor=by, person_id=person.pk, obj=consent, detail={"organisation": organisation.name}
    )
    return consent


@transaction.atomic
def withdraw_sharing_consent(person: Person, *, by: User, organisation: Organisation) -> SharingConsent:
    consent = SharingConsent.objects.select_for_update().get(person=person, organisation=organisation)
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    auditor.record(
        "people.consent.withdrawn",
        actor=by,
        person_id=person.pk,
        obj=consent,
        detail={"organisation": organisation.name},
    )
    return consent


@transaction.atomic
def add_care_team_member(
    person: Person,
    *,
    by: User,
    user: User,
    organisation: Organisation,
    role_description: str = "",
    is_coordinator: bool = False,
) -> CareTeamMember:
    if not user.memberships.filter(organisation=organisation).exists():
        raise ValidationError(f"{user.display_name} does not work for {organisation.name}.")
    if is_coordinator:
        # One named coordinator at a time: the previous one steps back to an ordinary member.
        person.care_team.filter(is_coordinator=True, ended_on__isnull=True).update(is_coordinator=False)
    member = CareTeamMember.objects.create(
        person=person,
        user=user,
        organisation=organisation,
        role_description=role_description,
        is_coordinator=is_coordinator,
    )
    auditor.record(
        "people.care_team.member_added",
        actor=by,
        person_id=person.pk,
        obj=member,
        detail={"member": user.display_name, "organisation": organisation.name, "coordinator": is_coordinator},
    )
    return member


@transaction.atomic
def add_circle_member(
    person: Person,
    *,
    by: User,
    name: str,
    relationship: str,
    user: User | None = None,
    has_access: bool = False,
    is_carer: bool = False,
    phone: str = "",
    email: str = "",
) -> CircleMember:
    member = CircleMember(
        person=person,
        name=name,
        relationship=relationship,
        user=user,
        has_access=has_access,
        is_carer=is_carer,
        phone=phone,
        email=email,
    )
    member.full_clean()
    member.save()
    auditor.record(
        "people.circle.member_added", actor=by, person_id=person.pk, obj=member, detail={"relationship": relationship}
    )
    return member


PERSON_DETAIL_FIELDS = (
    "given_name",
    "family_name",
    "preferred_name",
    "pronouns",
    "date_of_birth",
    "nhs_number",
    "address",
    "postcode",
    "phone",
    "email",
    "gp_practice",
)


def can_edit_record(person: Person, user: User) -> bool:
    """The person and their care team keep the record up to date; the circle contributes to the plan instead."""
    return person.user_id == user.pk or person.care_team.filter(user=user, ended_on__isnull=True).exists()


def _guard_record_edit(person: Person, by: User) -> None:
    if not can_edit_record(person, by):
        raise PermissionDenied("Only the person and their care team can change these details.")


@transaction.atomic
def update_person_details(person: Person, *, by: User, request: HttpRequest | None = None, **changes: Any) -> Person:
    _guard_record_edit(person, by)
    unknown = set(changes) - set(PERSON_DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"Not person details: {sorted(unknown)}")
    if "nhs_number" in changes:
        changes["nhs_number"] = nhs_number.normalise(changes["nhs_number"] or "") or None
    changed = [name for name, value in changes.items() if getattr(person, name) != value]
    for name in changed:
        setattr(person, name, changes[name])
    person.full_clean()
    person.save()
    auditor.record(
        "people.person.updated", actor=by, person_id=person.pk, obj=person, request=request, detail={"fields": changed}
    )
    return person


@transaction.atomic
def set_communication_needs(
    person: Person, *, by: User, request: HttpRequest | None = None, **values: Any
) -> CommunicationNeeds:
    _guard_record_edit(person, by)
    needs, _ = CommunicationNeeds.objects.get_or_create(person=person)
    for name, value in values.items():
        setattr(needs, name, value)
    needs.full_clean()
    needs.save()
    auditor.record("people.communication_needs.updated", actor=by, person_id=person.pk, obj=needs, request=request)
    return needs


@transaction.atomic
def record_capacity_assessment(
    person: Person,
    *,
    by: User,
    decision: str,
    outcome: str,
    assessed_on: dt.date,
    notes: str = "",
    best_interests_decision: str = "",
    request: HttpRequest | None = None,
) -> CapacityAssessment:
    if not person.care_team.filter(user=by, ended_on__isnull=True).exists():
        raise PermissionDenied("Capacity is assessed by a member of the person's care team.")
    assessment = CapacityAssessment(
        person=person,
        decision=decision.strip(),
        outcome=outcome,
        assessed_by=by,
        assessed_on=assessed_on,
        notes=notes.strip(),
        best_interests_decision=best_interests_decision.strip(),
    )
    assessment.full_clean()
    assessment.save()
    auditor.record(
        "people.capacity.assessed",
        actor=by,
        person_id=person.pk,
        obj=assessment,
        request=request,
        detail={"decision": assessment.decision, "outcome": outcome},
    )
    return assessment


@transaction.atomic
def set_advocacy(person: Person, *, by: User, request: HttpRequest | None = None, **values: Any) -> Advocacy:
    _guard_record_edit(person, by)
    advocacy, _ = Advocacy.objects.get_or_create(person=person)
    for name, value in values.items():
        setattr(advocacy, name, value)
    advocacy.full_clean()
    advocacy.save()
    auditor.record("people.advocacy.updated", actor=by, person_id=person.pk, obj=advocacy, request=request)
    return advocacy


@transaction.atomic
def add_legal_authority(
    person: Person,
    *,
    by: User,
    kind: str,
    name: str,
    contact: str = "",
    registered_on: dt.date | None = None,
    request: HttpRequest | None = None,
) -> LegalAuthority:
    _guard_record_edit(person, by)
    authority = LegalAuthority(
        person=person, kind=kind, name=name.strip(), contact=contact.strip(), registered_on=registered_on
    )
    authority.full_clean()
    authority.save()
    auditor.record("people.legal_authority.added", actor=by, person_id=person.pk, obj=authority, request=request)
    return authority
