"""Registering a person and keeping their record up to date: details, communication needs,
capacity, advocacy and legal authority."""

import datetime as dt
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q

from livingplan.accounts.models import Membership, Organisation, User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.people import contact_details, nhs_number, rules
from livingplan.people.models import (
    Advocacy,
    CapacityAssessment,
    CommunicationNeeds,
    DecisionKind,
    LegalAuthority,
    Person,
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
    audit: AuditContext | None = None,
) -> Person:
    """A member of staff at the council leading on the person's care registers them."""
    if not Membership.objects.filter(user_id=by.pk, organisation=lead_organisation).exists():
        raise PermissionDenied(f"Only staff at {lead_organisation.name} can register someone it leads on.")
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
    auditor.record("people.person.created", audit=context_for(by, audit), person_id=person.pk, obj=person)
    return person


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


def guard_record_edit(person: Person, by: User) -> None:
    if not rules.can_edit_record(by, person):
        raise PermissionDenied("Only the person and their care team can change these details.")


@transaction.atomic
def update_person_details(person: Person, *, by: User, audit: AuditContext | None = None, **changes: Any) -> Person:
    guard_record_edit(person, by)
    unknown = set(changes) - set(PERSON_DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"Not person details: {sorted(unknown)}")
    if "nhs_number" in changes:
        changes["nhs_number"] = nhs_number.normalise(changes["nhs_number"] or "") or None
    for name, normalise in (
        ("phone", contact_details.normalise_phone),
        ("postcode", contact_details.normalise_postcode),
    ):
        if name in changes:
            changes[name] = normalise(changes[name] or "")
    changed = [name for name, value in changes.items() if getattr(person, name) != value]
    for name in changed:
        setattr(person, name, changes[name])
    person.full_clean()
    person.save()
    auditor.record(
        "people.person.updated",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=person,
        detail={"fields": changed},
    )
    return person


T = TypeVar("T", CommunicationNeeds, Advocacy)


def _update_one_per_person(
    model: type[T], person: Person, *, by: User, action: str, audit: AuditContext | None, values: dict[str, Any]
) -> T:
    """Create or change a row the person has at most one of (communication needs, advocacy)."""
    guard_record_edit(person, by)
    row, _ = model._default_manager.get_or_create(person=person)
    for name, value in values.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()
    auditor.record(
        action, audit=context_for(by, audit), person_id=person.pk, obj=row, detail={"fields": sorted(values)}
    )
    return row


@transaction.atomic
def set_communication_needs(
    person: Person, *, by: User, audit: AuditContext | None = None, **values: Any
) -> CommunicationNeeds:
    return _update_one_per_person(
        CommunicationNeeds, person, by=by, action="people.communication_needs.updated", audit=audit, values=values
    )


@transaction.atomic
def record_capacity_assessment(
    person: Person,
    *,
    by: User,
    decision: str,
    outcome: str,
    assessed_on: dt.date,
    decision_kind: str = DecisionKind.OTHER,
    notes: str = "",
    best_interests_decision: str = "",
    audit: AuditContext | None = None,
) -> CapacityAssessment:
    """Record an assessment about one decision. For the decisions the service acts on (agreeing
    the plan, sharing), the latest assessment of that kind decides who may make it."""
    if not rules.is_on_care_team(by, person):
        raise PermissionDenied("Capacity is assessed by a member of the person's care team.")
    assessment = CapacityAssessment(
        person=person,
        decision_kind=decision_kind,
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
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=assessment,
        detail={"decision": assessment.decision, "decision_kind": decision_kind, "outcome": outcome},
    )
    return assessment


@transaction.atomic
def set_advocacy(person: Person, *, by: User, audit: AuditContext | None = None, **values: Any) -> Advocacy:
    return _update_one_per_person(Advocacy, person, by=by, action="people.advocacy.updated", audit=audit, values=values)


@transaction.atomic
def add_legal_authority(
    person: Person,
    *,
    by: User,
    kind: str,
    name: str,
    contact: str = "",
    registered_on: dt.date | None = None,
    held_by: User | None = None,
    audit: AuditContext | None = None,
) -> LegalAuthority:
    """Record an attorney or deputy. `held_by` is their own sign-in, which must be someone in the
    person's circle or on their care team: the service acts on the authority only for that user."""
    guard_record_edit(person, by)
    if held_by is not None and held_by.pk not in {user.pk for user in people_who_may_hold_authority(person)}:
        raise ValidationError({"held_by": "Select someone from the circle of support or the care team"})
    authority = LegalAuthority(
        person=person,
        kind=kind,
        name=name.strip(),
        contact=contact.strip(),
        registered_on=registered_on,
        held_by=held_by,
    )
    authority.full_clean()
    authority.save()
    auditor.record(
        "people.legal_authority.added",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=authority,
        detail={"kind": kind, "held_by": held_by.display_name if held_by else ""},
    )
    return authority


def people_who_may_hold_authority(person: Person) -> list[User]:
    """Who can be linked to an attorney's or deputy's record: anyone in the circle with a sign-in,
    or a member of the current care team (a council deputy, for example)."""
    return list(
        User.objects.filter(
            Q(circle_roles__person=person) | Q(care_team_roles__person=person, care_team_roles__ended_on__isnull=True)
        )
        .exclude(pk=person.user_id or 0)
        .distinct()
        .order_by("first_name", "last_name", "pk")
    )
