"""Who is on the person's care team, as the person and their coordinator manage it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse

from livingplan.accounts.models import Membership, Organisation, User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.notifications import outbox
from livingplan.people import messaging, rules
from livingplan.people.models import CareTeamMember, Person
from livingplan.people.services.coordinator import set_current_coordinator


def may_manage_care_team(person: Person, by: User) -> bool:
    """The person and their coordinator; until someone is coordinator, the staff of the council
    leading on the person, who registered them and name the first coordinator."""
    if rules.can_manage_care_team(by, person):
        return True
    return (
        not person.care_team.filter(is_coordinator=True, ended_on__isnull=True).exists()
        and Membership.objects.filter(user=by, organisation_id=person.lead_organisation_id).exists()
    )


def _guard(person: Person, by: User) -> None:
    if not may_manage_care_team(person, by):
        raise PermissionDenied("Only the person and their coordinator can change the care team.")


@transaction.atomic
def add_care_team_member(
    person: Person,
    *,
    by: User,
    user: User,
    organisation: Organisation,
    role_description: str = "",
    is_coordinator: bool = False,
    audit: AuditContext | None = None,
) -> CareTeamMember:
    _guard(person, by)
    if not user.memberships.filter(organisation=organisation).exists():
        raise ValidationError(f"{user.display_name} does not work for {organisation.name}.")
    member = CareTeamMember.objects.create(
        person=person, user=user, organisation=organisation, role_description=role_description.strip()
    )
    if is_coordinator:
        # One named coordinator at a time, through the one write path: the previous one stays on the team.
        set_current_coordinator(member)
    auditor.record(
        "people.care_team.member_added",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=member,
        detail={"member": user.display_name, "organisation": organisation.name, "coordinator": is_coordinator},
    )
    if user.pk != by.pk:  # nobody needs telling what they just did themselves
        _tell_new_member(member, by=by)
    return member


def _tell_new_member(member: CareTeamMember, *, by: User) -> None:
    """The practitioner hears they are on the team, in the same transaction as the change. Until the
    person agrees to share their record with the practitioner's organisation, they cannot see it,
    so the message does not name the person."""
    person = member.person
    to = messaging.recipient_for_staff(member.user)
    key = f"care-team-added-{member.pk}"
    if not Person.objects.visible_to(member.user).filter(pk=person.pk).exists():
        outbox.queue(
            template="care_team_added_awaiting_consent",
            to=to,
            personalisation={
                "first_name": to.first_name,
                "organisation": member.organisation.name,
                "link": messaging.link(reverse("home:home")),
            },
            key=key,
            person_id=person.pk,
        )
        return
    outbox.queue(
        template="care_team_added",
        to=to,
        personalisation={
            **messaging.pronoun_fields(person),
            "first_name": to.first_name,
            "by_name": by.display_name,
            "link": messaging.link(reverse("people:detail", args=[person.pk])),
        },
        key=key,
        person_id=person.pk,
    )


def organisations_to_add_from(person: Person, user: User) -> "list[Organisation]":
    """Staff add colleagues from the organisations they work for; the person, who works for none
    of them, may add staff from any organisation that has staff."""
    if user.memberships.exists():
        return list(Organisation.objects.filter(memberships__user=user).distinct())
    return list(Organisation.objects.filter(memberships__isnull=False).distinct())


def staff_to_add(person: Person, *, by: User, email: str, organisation: Organisation) -> User:
    """The member of staff the care team form names by email, checked before `add_care_team_member`:
    from an organisation `by` may add from, working there, and not on the team already. Reads only."""
    _guard(person, by)
    if organisation not in organisations_to_add_from(person, by):
        raise ValidationError({"organisation": "Select an organisation from the list"})
    staff = (
        User.objects.filter(email__iexact=email.strip(), is_active=True, memberships__isnull=False).distinct().first()
    )
    if staff is None:
        raise ValidationError({"email": "There is no member of staff with that email address. Check it and try again"})
    if not Membership.objects.filter(user=staff, organisation=organisation).exists():
        raise ValidationError({"organisation": f"{staff.display_name} does not work for {organisation.name}"})
    if person.care_team.filter(user=staff, ended_on__isnull=True).exists():
        raise ValidationError({"email": f"{staff.display_name} is already on the care team"})
    return staff
