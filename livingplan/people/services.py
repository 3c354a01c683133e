"""Domain verbs about a person's record: the one write path for people, care teams,
circles and consent. Each guards, changes, and audits in one transaction.
"""

import datetime as dt
import hashlib
import re
import secrets
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest
from django.utils import timezone

from livingplan.accounts.models import Membership, Organisation, User
from livingplan.core.services import auditor
from livingplan.people import contact_details, nhs_number
from livingplan.people.models import (
    Advocacy,
    CapacityAssessment,
    CareTeamMember,
    CircleInvitation,
    CircleMember,
    CommunicationNeeds,
    DecisionKind,
    LegalAuthority,
    Person,
    SharingConsent,
)


def organisation_acted_for(user: User, person_id: int | None) -> str | None:
    """The organisation a member of staff acts for in an event about this person (or about nobody).

    Their organisation on the person's care team first, then the council that leads on the
    person, then their first organisation by name; None for someone with no organisation (the
    person and their circle). One query: the auditor asks this for every event (ADR-020).
    """
    memberships = Membership.objects.filter(user=user).order_by("organisation__name")
    if person_id is not None:
        on_team = CareTeamMember.objects.filter(
            person_id=person_id, user=user, ended_on__isnull=True, organisation=OuterRef("organisation_id")
        )
        leads = Person.objects.filter(pk=person_id, lead_organisation=OuterRef("organisation_id"))
        memberships = memberships.annotate(on_team=Exists(on_team), leads=Exists(leads)).order_by(
            "-on_team", "-leads", "organisation__name"
        )
    names = memberships.values_list("organisation__name", flat=True)
    return next(iter(names[:1]), None)


def acting_organisation_name(user: User, person: Person) -> str:
    """The organisation a member of staff is acting for when they open this person's record."""
    return organisation_acted_for(user, person.pk) or ""


def record_person_viewed(person: Person, *, by: User, request: HttpRequest | None = None) -> None:
    auditor.record(
        "people.person.viewed",
        actor=by,
        person_id=person.pk,
        obj=person,
        request=request,
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
        phone=contact_details.normalise_phone(phone),
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
        "people.person.updated", actor=by, person_id=person.pk, obj=person, request=request, detail={"fields": changed}
    )
    return person


T = TypeVar("T", CommunicationNeeds, Advocacy)


def _update_one_per_person(
    model: type[T], person: Person, *, by: User, action: str, request: HttpRequest | None, values: dict[str, Any]
) -> T:
    """Create or change a row the person has at most one of (communication needs, advocacy)."""
    _guard_record_edit(person, by)
    row, _ = model._default_manager.get_or_create(person=person)
    for name, value in values.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()
    auditor.record(action, actor=by, person_id=person.pk, obj=row, request=request, detail={"fields": sorted(values)})
    return row


@transaction.atomic
def set_communication_needs(
    person: Person, *, by: User, request: HttpRequest | None = None, **values: Any
) -> CommunicationNeeds:
    return _update_one_per_person(
        CommunicationNeeds, person, by=by, action="people.communication_needs.updated", request=request, values=values
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
    request: HttpRequest | None = None,
) -> CapacityAssessment:
    """Record an assessment about one decision. For the decisions the service acts on (agreeing
    the plan, sharing), the latest assessment of that kind decides who may make it."""
    if not person.care_team.filter(user=by, ended_on__isnull=True).exists():
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
        actor=by,
        person_id=person.pk,
        obj=assessment,
        request=request,
        detail={"decision": assessment.decision, "decision_kind": decision_kind, "outcome": outcome},
    )
    return assessment


@transaction.atomic
def set_advocacy(person: Person, *, by: User, request: HttpRequest | None = None, **values: Any) -> Advocacy:
    return _update_one_per_person(
        Advocacy, person, by=by, action="people.advocacy.updated", request=request, values=values
    )


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
    request: HttpRequest | None = None,
) -> LegalAuthority:
    """Record an attorney or deputy. `held_by` is their own sign-in, which must be someone in the
    person's circle or on their care team: the service acts on the authority only for that user."""
    _guard_record_edit(person, by)
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
        actor=by,
        person_id=person.pk,
        obj=authority,
        request=request,
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


# --- Care team and consent, as the person and their coordinator manage them --------------------


def can_manage_care_team(person: Person, user: User) -> bool:
    """The person and their current coordinator decide who is on the care team."""
    return (
        person.user_id == user.pk
        or person.care_team.filter(user=user, is_coordinator=True, ended_on__isnull=True).exists()
    )


def organisations_to_add_from(person: Person, user: User) -> "list[Organisation]":
    """Staff add colleagues from the organisations they work for; the person, who works for none
    of them, may add staff from any organisation that has staff."""
    if user.memberships.exists():
        return list(Organisation.objects.filter(memberships__user=user).distinct())
    return list(Organisation.objects.filter(memberships__isnull=False).distinct())


@transaction.atomic
def add_care_team_member_by_email(
    person: Person,
    *,
    by: User,
    email: str,
    organisation: Organisation,
    role_description: str = "",
    is_coordinator: bool = False,
) -> CareTeamMember:
    if not can_manage_care_team(person, by):
        raise PermissionDenied("Only the person and their coordinator can change the care team.")
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
    return add_care_team_member(
        person,
        by=by,
        user=staff,
        organisation=organisation,
        role_description=role_description.strip(),
        is_coordinator=is_coordinator,
    )


def is_shared_with(person: Person, organisation: Organisation) -> bool:
    return SharingConsent.current.filter(person=person, organisation=organisation).exists()


@transaction.atomic
def set_sharing_consent(person: Person, *, by: User, organisation: Organisation, give: bool) -> SharingConsent | None:
    """Only the person decides which organisations' staff on their care team may see their record."""
    if person.user_id != by.pk:
        raise PermissionDenied("Only the person can decide who their record is shared with.")
    if give:
        return give_sharing_consent(person, by=by, organisation=organisation)
    if not SharingConsent.current.filter(person=person, organisation=organisation).exists():
        return None  # Nothing to withdraw: already not shared.
    return withdraw_sharing_consent(person, by=by, organisation=organisation)


# --- The circle of support: adding, inviting to sign in, and turning access on or off ------------

INVITATION_LIFETIME = dt.timedelta(days=7)
# How long, after opening the link, the invitee has to choose a password (in that browser only).
INVITATION_STEP_LIFETIME = dt.timedelta(hours=1)


class InvitationInvalid(Exception):
    """The invitation link is unknown, used already, cancelled, or out of date."""


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _guard_person_only(person: Person, by: User, message: str) -> None:
    if person.user_id != by.pk:
        raise PermissionDenied(message)


@transaction.atomic
def add_circle_member_to_record(person: Person, *, by: User, **values: Any) -> CircleMember:
    """The person or their care team adds someone to the circle (without sign-in access)."""
    _guard_record_edit(person, by)
    return add_circle_member(person, by=by, **values)


def _unique_username(member: CircleMember) -> str:
    base = member.email.split("@", 1)[0] if member.email else member.name
    base = re.sub(r"[^a-z0-9._-]+", ".", base.lower()).strip("._-")[:140] or "circle.member"
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


@transaction.atomic
def invite_circle_member(member: CircleMember, *, by: User, request: HttpRequest | None = None) -> str:
    """Give someone in the circle a way to sign in. Returns the one-time token; only its hash is kept."""
    member = CircleMember.objects.select_for_update().get(pk=member.pk)
    person = member.person
    _guard_person_only(person, by, "Only the person can invite someone to see their record.")
    if member.has_access:
        raise ValidationError(f"{member.name} can already sign in and see your record.")
    user = member.user
    if user is not None and user.has_usable_password():
        raise ValidationError(f"{member.name} already has an account. Turn their access back on instead.")
    if user is None:
        email = member.email.strip()
        if email and User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                f"Someone already has an account with {email}. Change {member.name}'s email address, or remove it."
            )
        user = User(username=_unique_username(member), email=email, first_name=member.name[:150])
        user.set_unusable_password()
        user.save()
        member.user = user
        member.save(update_fields=["user"])
    now = timezone.now()
    # A new invitation replaces any earlier one that was never used.
    member.invitations.filter(accepted_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    token = secrets.token_urlsafe(32)
    invitation = CircleInvitation.objects.create(
        circle_member=member, token_hash=_hash_token(token), created_by=by, expires_at=now + INVITATION_LIFETIME
    )
    auditor.record(
        "people.circle.invited",
        actor=by,
        person_id=person.pk,
        obj=invitation,
        request=request,
        detail={"member": member.name},
    )
    return token


@transaction.atomic
def open_invitation(token: str, *, request: HttpRequest | None = None) -> CircleInvitation | None:
    """Swap the link's token for the invitation, once: afterwards the link opens nothing.

    Tokens travel in URLs, and URLs end up in access logs and browser history; a token that
    stops working when first used is no use to anyone who reads it there later.
    """
    invitation = (
        CircleInvitation.objects.select_for_update(of=("self",))
        .filter(token_hash=_hash_token(token), opened_at__isnull=True)
        .waiting()
        .select_related("circle_member__person", "circle_member__user")
        .first()
    )
    if invitation is None or invitation.circle_member.user is None:
        return None
    invitation.opened_at = timezone.now()
    invitation.save(update_fields=["opened_at"])
    member = invitation.circle_member
    # The invitee has no password yet; their new account is who opened the link.
    auditor.record(
        "people.circle.invitation_opened",
        actor=member.user,
        person_id=member.person_id,
        obj=invitation,
        request=request,
        detail={"member": member.name},
    )
    return invitation


def opened_invitation(invitation_id: int | None) -> CircleInvitation | None:
    """The invitation opened in this browser, while there is still time to choose a password."""
    if not isinstance(invitation_id, int):
        return None
    invitation = (
        CircleInvitation.objects.waiting()
        .filter(pk=invitation_id, opened_at__gt=timezone.now() - INVITATION_STEP_LIFETIME)
        .select_related("circle_member__person", "circle_member__user")
        .first()
    )
    if invitation is None or invitation.circle_member.user is None:
        return None
    return invitation


@transaction.atomic
def accept_invitation(invitation_id: int, *, password: str, request: HttpRequest | None = None) -> User:
    """The invitee sets a password: the invitation is used up and they can see the person's record."""
    invitation = (
        CircleInvitation.objects.select_for_update()
        .waiting()
        .filter(pk=invitation_id, opened_at__gt=timezone.now() - INVITATION_STEP_LIFETIME)
        .first()
    )
    if invitation is None:
        raise InvitationInvalid
    member = CircleMember.objects.select_for_update().get(pk=invitation.circle_member_id)
    user = member.user
    if user is None:
        raise InvitationInvalid
    user.set_password(password)
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    member.has_access = True
    member.save(update_fields=["has_access"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    auditor.record(
        "people.circle.invitation_accepted",
        actor=user,
        person_id=member.person_id,
        obj=invitation,
        request=request,
        detail={"member": member.name},
    )
    return user


@transaction.atomic
def cancel_invitation(
    invitation: CircleInvitation, *, by: User, request: HttpRequest | None = None
) -> CircleInvitation:
    """The person takes back an invitation nobody has accepted: its link stops working."""
    invitation = (
        CircleInvitation.objects.select_for_update(of=("self",))
        .select_related("circle_member__person")
        .get(pk=invitation.pk)
    )
    member = invitation.circle_member
    _guard_person_only(member.person, by, "Only the person can cancel an invitation to see their record.")
    if invitation.accepted_at is not None:
        raise ValidationError(f"{member.name} has already accepted this invitation. Stop their access instead.")
    if invitation.cancelled_at is not None or invitation.expires_at <= timezone.now():
        raise ValidationError(f"The invitation for {member.name} has already stopped working.")
    invitation.cancelled_at = timezone.now()
    invitation.save(update_fields=["cancelled_at"])
    auditor.record(
        "people.circle.invitation_cancelled",
        actor=by,
        person_id=member.person_id,
        obj=invitation,
        request=request,
        detail={"member": member.name},
    )
    return invitation


@transaction.atomic
def set_circle_access(
    member: CircleMember, *, by: User, has_access: bool, request: HttpRequest | None = None
) -> CircleMember:
    """The person lets someone in their circle see their record, or stops them."""
    member = CircleMember.objects.select_for_update().get(pk=member.pk)
    _guard_person_only(member.person, by, "Only the person can decide who in their circle sees their record.")
    if has_access and (member.user is None or not member.user.has_usable_password()):
        raise ValidationError(f"{member.name} cannot sign in yet. Invite them first.")
    if member.has_access != has_access:
        member.has_access = has_access
        member.save(update_fields=["has_access"])
    auditor.record(
        "people.circle.access_turned_on" if has_access else "people.circle.access_turned_off",
        actor=by,
        person_id=member.person_id,
        obj=member,
        request=request,
        detail={"member": member.name},
    )
    return member
