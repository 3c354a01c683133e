"""Domain verbs about a person's record: the one write path for people, care teams,
circles and consent. Each guards, changes, and audits in one transaction.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from livingplan.accounts.models import Organisation, User
from livingplan.core.services import auditor
from livingplan.people.models import CareTeamMember, CircleMember, Person, SharingConsent


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
