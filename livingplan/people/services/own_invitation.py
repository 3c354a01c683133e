"""Inviting the person themself to sign in, by their care team (ADR-048).

A person registered by the council has no way in until someone gives them one. Their coordinator
(or the care team at the council leading on them: `may_speak_for_the_team`) sends a link by the
person's own channel, email or text (a 43-character link is no use in a letter); the person opens
it and chooses a password. The link works once and for seven days, as a circle invitation does.
"""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from livingplan.accounts import services as accounts
from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext, as_link_holder, context_for
from livingplan.core.services import auditor
from livingplan.notifications import outbox, recipients
from livingplan.notifications.models import Channel
from livingplan.people import messaging
from livingplan.people.models import OwnInvitation, Person
from livingplan.people.services.coordinator import may_speak_for_the_team
from livingplan.people.services.invitations import (
    INVITATION_LIFETIME,
    INVITATION_STEP_LIFETIME,
    InvitationInvalid,
    hash_token,
)

TEMPLATE = "own_invitation"


def can_sign_in(person: Person) -> bool:
    return person.user is not None and person.user.has_usable_password()


@transaction.atomic
def invite_person_to_sign_in(person: Person, *, by: User, audit: AuditContext | None = None) -> str:
    """Send the person a link to choose a password. Returns the one-time token; only its hash is kept."""
    person = (
        Person.objects.select_for_update(of=("self",)).select_related("user", "communication_needs").get(pk=person.pk)
    )
    name = person.name_to_use
    if not may_speak_for_the_team(by, person):
        raise PermissionDenied(f"Only {name}'s coordinator or care team at their council can invite them to sign in.")
    if can_sign_in(person):
        raise ValidationError(f"{name} can already sign in.")
    to = messaging.recipient_for_person(person)
    if recipients.choose(to, (Channel.EMAIL, Channel.SMS)) is None:
        raise ValidationError(
            f"Add an email address or a UK mobile number to {name}'s personal details: the link is sent there."
        )
    if person.user is None:
        email = person.email.strip()
        if email and User.objects.filter(email__iexact=email).exists():
            raise ValidationError(f"Someone already has an account with {email}. Check {name}'s email address.")
        person.user = accounts.create_invited_user(name=person.full_name, email=email)
        person.save(update_fields=["user"])
    now = timezone.now()
    person.own_invitations.filter(accepted_at__isnull=True, cancelled_at__isnull=True).update(cancelled_at=now)
    token = secrets.token_urlsafe(32)
    invitation = OwnInvitation.objects.create(
        person=person, token_hash=hash_token(token), created_by=by, expires_at=now + INVITATION_LIFETIME
    )
    auditor.record("people.own_invitation.sent", audit=context_for(by, audit), person_id=person.pk, obj=invitation)
    outbox.queue(
        template=TEMPLATE,
        to=to,
        personalisation={
            "first_name": to.first_name,
            "by_name": by.display_name,
            "link": messaging.link(reverse("invitations:open", args=[token])),
        },
        key=f"own-invitation-{invitation.pk}",
        person_id=person.pk,
    )
    return token


@transaction.atomic
def open_own_invitation(token: str, *, audit: AuditContext | None = None) -> OwnInvitation | None:
    """Swap the link's token for the invitation, once: afterwards the link opens nothing."""
    invitation = (
        OwnInvitation.objects.select_for_update(of=("self",))
        .filter(token_hash=hash_token(token), opened_at__isnull=True)
        .waiting()
        .select_related("person__user")
        .first()
    )
    if invitation is None or invitation.person.user is None:
        return None
    invitation.opened_at = timezone.now()
    invitation.save(update_fields=["opened_at"])
    auditor.record(
        "people.own_invitation.opened",
        audit=as_link_holder(invitation.person.user, audit),
        person_id=invitation.person_id,
        obj=invitation,
    )
    return invitation


def opened_own_invitation(invitation_id: int | None) -> OwnInvitation | None:
    """The invitation opened in this browser, while there is still time to choose a password."""
    if not isinstance(invitation_id, int):
        return None
    return (
        OwnInvitation.objects.waiting()
        .filter(pk=invitation_id, opened_at__gt=timezone.now() - INVITATION_STEP_LIFETIME, person__user__isnull=False)
        .select_related("person__user")
        .first()
    )


@transaction.atomic
def accept_own_invitation(invitation_id: int, *, password: str, audit: AuditContext | None = None) -> User:
    """The person chooses a password: the invitation is used up and they can sign in."""
    invitation = (
        OwnInvitation.objects.select_for_update()
        .waiting()
        .filter(pk=invitation_id, opened_at__gt=timezone.now() - INVITATION_STEP_LIFETIME)
        .first()
    )
    user = invitation.person.user if invitation is not None else None
    if invitation is None or user is None:
        raise InvitationInvalid
    user.set_password(password)
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    auditor.record(
        "people.own_invitation.accepted",
        audit=as_link_holder(user, audit),
        person_id=invitation.person_id,
        obj=invitation,
    )
    return user
