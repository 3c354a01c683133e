"""The person's circle of support: who is in it, and whether they may see the record."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.people import contact_details, rules
from livingplan.people.models import CircleMember, Person
from livingplan.people.services.record import guard_record_edit


def guard_person_only(person: Person, by: User, message: str) -> None:
    if not rules.is_the_person(by, person):
        raise PermissionDenied(message)


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
    audit: AuditContext | None = None,
) -> CircleMember:
    """The person or their care team adds someone to the circle. Only the person can let someone
    with a sign-in see the record straight away; otherwise they are invited (`invitations.py`)."""
    guard_record_edit(person, by)
    if has_access and (user is None or not rules.is_the_person(by, person)):
        raise PermissionDenied("Only the person can decide who in their circle sees their record.")
    member = CircleMember(
        person=person,
        name=name,
        relationship=relationship,
        user=user,
        has_access=has_access,
        is_carer=is_carer,
        phone=contact_details.normalise_phone(phone),
        email=email,
    )
    member.full_clean()
    member.save()
    auditor.record(
        "people.circle.member_added",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=member,
        detail={"relationship": relationship},
    )
    return member


@transaction.atomic
def set_circle_access(
    member: CircleMember, *, by: User, has_access: bool, audit: AuditContext | None = None
) -> CircleMember:
    """The person lets someone in their circle see their record, or stops them."""
    member = CircleMember.objects.select_for_update().get(pk=member.pk)
    guard_person_only(member.person, by, "Only the person can decide who in their circle sees their record.")
    if has_access and (member.user is None or not member.user.has_usable_password()):
        raise ValidationError(f"{member.name} cannot sign in yet. Invite them first.")
    if member.has_access != has_access:
        member.has_access = has_access
        member.save(update_fields=["has_access"])
    auditor.record(
        "people.circle.access_turned_on" if has_access else "people.circle.access_turned_off",
        audit=context_for(by, audit),
        person_id=member.person_id,
        obj=member,
        detail={"member": member.name},
    )
    return member
