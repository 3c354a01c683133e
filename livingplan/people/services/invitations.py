"""Inviting someone in the circle to sign in: a link that lasts 7 days and works once (ADR-016)."""

import datetime as dt
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from livingplan.accounts import services as accounts
from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext, as_link_holder, context_for
from livingplan.core.services import auditor
from livingplan.notifications import outbox
from livingplan.people import messaging
from livingplan.people.models import CircleInvitation, CircleMember
from livingplan.people.services.circle import guard_person_only

INVITATION_LIFETIME = dt.timedelta(days=7)
# How long, after opening the link, the invitee has to choose a password (in that browser only).
INVITATION_STEP_LIFETIME = dt.timedelta(hours=1)


class InvitationInvalid(Exception):
    """The invitation link is unknown, used already, cancelled, or out of date."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invite_circle_member(member: CircleMember, *, by: User, audit: AuditContext | None = None) -> str:
    """Give someone in the circle a way to sign in. Returns the one-time token; only its hash is kept."""
    member = CircleMember.objects.select_for_update().get(pk=member.pk)
    person = member.person
    guard_person_only(person, by, "Only the person can invite someone to see their record.")
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
        user = accounts.create_invited_user(name=member.name, email=email)
        member.user = user
        member.save(update_fields=["user"])
    now = timezone.now()
    # A new invitation replaces any earlier one that was never used.
    member.invitations.filter(accepted_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    token = secrets.token_urlsafe(32)
    invitation = CircleInvitation.objects.create(
        circle_member=member, token_hash=hash_token(token), created_by=by, expires_at=now + INVITATION_LIFETIME
    )
    auditor.record(
        "people.circle.invited",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=invitation,
        detail={"member": member.name},
    )
    # The invitee is told in the same transaction: no invitation without its message, nor the reverse.
    outbox.queue(
        template="circle_invitation",
        to=messaging.recipient_for_circle_member(member),
        personalisation={
            "first_name": messaging.first_name(member.name),
            "person_first_name": person.name_to_use,
            "person_their": person.pronoun.their,
            "link": messaging.link(reverse("invitations:open", args=[token])),
        },
        key=f"circle-invitation-{invitation.pk}",
        person_id=person.pk,
    )
    return token


@transaction.atomic
def open_invitation(token: str, *, audit: AuditContext | None = None) -> CircleInvitation | None:
    """Swap the link's token for the invitation, once: afterwards the link opens nothing.

    Tokens travel in URLs, and URLs end up in access logs and browser history; a token that
    stops working when first used is no use to anyone who reads it there later.
    """
    invitation = (
        CircleInvitation.objects.select_for_update(of=("self",))
        .filter(token_hash=hash_token(token), opened_at__isnull=True)
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
        audit=as_link_holder(member.user, audit),
        person_id=member.person_id,
        obj=invitation,
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
def accept_invitation(invitation_id: int, *, password: str, audit: AuditContext | None = None) -> User:
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
        audit=as_link_holder(user, audit),
        person_id=member.person_id,
        obj=invitation,
        detail={"member": member.name},
    )
    return user


@transaction.atomic
def cancel_invitation(invitation: CircleInvitation, *, by: User, audit: AuditContext | None = None) -> CircleInvitation:
    """The person takes back an invitation nobody has accepted: its link stops working."""
    invitation = (
        CircleInvitation.objects.select_for_update(of=("self",))
        .select_related("circle_member__person")
        .get(pk=invitation.pk)
    )
    member = invitation.circle_member
    guard_person_only(member.person, by, "Only the person can cancel an invitation to see their record.")
    if invitation.accepted_at is not None:
        raise ValidationError(f"{member.name} has already accepted this invitation. Stop their access instead.")
    if invitation.cancelled_at is not None or invitation.expires_at <= timezone.now():
        raise ValidationError(f"The invitation for {member.name} has already stopped working.")
    invitation.cancelled_at = timezone.now()
    invitation.save(update_fields=["cancelled_at"])
    auditor.record(
        "people.circle.invitation_cancelled",
        audit=context_for(by, audit),
        person_id=member.person_id,
        obj=invitation,
        detail={"member": member.name},
    )
    return invitation
