"""Domain verbs for an organisation admin: invite a colleague, change a role, deactivate an account,
and give a colleague a link to set a new password. Each is guarded to the admin's own organisation.
"""

import datetime as dt
import hashlib
import re
import secrets

from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import Http404
from django.utils import timezone

from livingplan.accounts.models import (
    Membership,
    Organisation,
    PasswordLink,
    PasswordLinkKind,
    Role,
    Team,
    User,
)
from livingplan.core.audit_context import AuditContext, as_link_holder, context_for
from livingplan.core.services import auditor

LINK_LIFETIME = {PasswordLinkKind.INVITATION: dt.timedelta(days=7), PasswordLinkKind.RESET: dt.timedelta(days=1)}
# Once the link is opened, the browser that opened it has this long to choose a password.
LINK_STEP_LIFETIME = dt.timedelta(hours=1)


class LinkInvalid(Exception):
    """The link is unknown, used already, replaced, or out of date."""


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def administered_organisation(user: User, organisation_pk: int) -> Organisation:
    """The organisation, if `user` is its admin; otherwise 404, so nobody learns it exists."""
    organisation = Organisation.objects.filter(
        pk=organisation_pk, memberships__user=user, memberships__role=Role.ORGANISATION_ADMIN
    ).first()
    if organisation is None or not user.is_active:
        raise Http404
    return organisation


def colleague(organisation: Organisation, user_pk: int) -> User:
    """Someone who works for the organisation; 404 for anyone else."""
    user = User.objects.filter(pk=user_pk, memberships__organisation=organisation).distinct().first()
    if user is None:
        raise Http404
    return user


def _guard_admin(organisation: Organisation, by: User) -> None:
    if not by.memberships.filter(organisation=organisation, role=Role.ORGANISATION_ADMIN).exists():
        raise PermissionDenied("Only an admin of this organisation can do that.")


def _guard_not_self(user: User, by: User, message: str) -> None:
    # An admin who removes their own admin role or account could leave nobody able to manage staff.
    if user.pk == by.pk:
        raise ValidationError(message)


def _unique_username(email: str) -> str:
    base = re.sub(r"[^a-z0-9._-]+", ".", email.split("@", 1)[0].lower()).strip("._-")[:140] or "staff"
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


def _new_link(user: User, organisation: Organisation, kind: str, by: User) -> str:
    now = timezone.now()
    # A new link replaces any earlier one not yet used: only the latest link works.
    PasswordLink.objects.filter(user=user, used_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    token = secrets.token_urlsafe(32)
    PasswordLink.objects.create(
        user=user,
        organisation=organisation,
        kind=kind,
        token_hash=_hash_token(token),
        created_by=by,
        expires_at=now + LINK_LIFETIME[PasswordLinkKind(kind)],
    )
    return token


@transaction.atomic
def invite_staff(
    organisation: Organisation,
    *,
    by: User,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    team: Team | None = None,
    job_title: str = "",
    audit: AuditContext | None = None,
) -> tuple[User, str]:
    """Make an account and membership for a new colleague. Returns the user and a one-time token."""
    _guard_admin(organisation, by)
    email = email.strip()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": f"Someone already has an account with {email}"})
    if team is not None and team.organisation_id != organisation.pk:
        raise ValidationError({"team": "Select a team in your organisation"})
    user = User(username=_unique_username(email), email=email, first_name=first_name, last_name=last_name)
    user.set_unusable_password()
    user.save()
    Membership.objects.create(user=user, organisation=organisation, role=role, team=team, job_title=job_title)
    token = _new_link(user, organisation, PasswordLinkKind.INVITATION, by)
    auditor.record(
        "accounts.staff.invited",
        audit=context_for(by, audit),
        obj=user,
        organisation=organisation.name,
        detail={"role": role},
    )
    return user, token


@transaction.atomic
def change_role(membership: Membership, *, by: User, role: str, audit: AuditContext | None = None) -> Membership:
    membership = Membership.objects.select_for_update().select_related("organisation").get(pk=membership.pk)
    _guard_admin(membership.organisation, by)
    if membership.role == Role.ORGANISATION_ADMIN:
        _guard_not_self(membership.user, by, "You cannot change your own admin role. Ask another admin to do it")
    if role == membership.role:
        return membership
    if Membership.objects.filter(user=membership.user, organisation=membership.organisation, role=role).exists():
        raise ValidationError({"role": "They already have that role. Select a different role"})
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    auditor.record(
        "accounts.staff.role_changed",
        audit=context_for(by, audit),
        obj=membership.user,
        organisation=membership.organisation.name,
        detail={"from": before, "to": role},
    )
    return membership


def _end_sessions(user: User) -> int:
    """Sign the user out everywhere. Inactive users are refused on their next request anyway;
    deleting the sessions makes sure nothing they held open carries on.
    """
    ended = [
        s.pk
        for s in Session.objects.filter(expire_date__gt=timezone.now())
        if s.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


@transaction.atomic
def deactivate_account(organisation: Organisation, user: User, *, by: User, audit: AuditContext | None = None) -> User:
    """The colleague can no longer sign in; their sessions end and their links stop working."""
    _guard_admin(organisation, by)
    _guard_not_self(user, by, "You cannot deactivate your own account. Ask another admin to do it")
    user = User.objects.select_for_update().get(pk=colleague(organisation, user.pk).pk)
    if user.memberships.exclude(organisation=organisation).exists():
        # Their other organisations still rely on the account; the admin here may only end theirs.
        raise ValidationError("They also work for another organisation. Ask that organisation's admin")
    if not user.is_active:
        return user
    user.is_active = False
    user.save(update_fields=["is_active"])
    PasswordLink.objects.filter(user=user, used_at__isnull=True).update(expires_at=timezone.now())
    _end_sessions(user)
    auditor.record("accounts.staff.deactivated", audit=context_for(by, audit), obj=user, organisation=organisation.name)
    return user


@transaction.atomic
def send_password_reset(organisation: Organisation, user: User, *, by: User, audit: AuditContext | None = None) -> str:
    """A one-time link for the colleague to choose a new password; the admin passes it on."""
    _guard_admin(organisation, by)
    user = colleague(organisation, user.pk)
    if not user.is_active:
        raise ValidationError("This account is deactivated. It cannot be given a new password")
    kind = PasswordLinkKind.RESET if user.has_usable_password() else PasswordLinkKind.INVITATION
    token = _new_link(user, organisation, kind, by)
    auditor.record("accounts.staff.reset_sent", audit=context_for(by, audit), obj=user, organisation=organisation.name)
    return token


def _usable_links() -> "models.QuerySet[PasswordLink]":
    return PasswordLink.objects.filter(used_at__isnull=True, expires_at__gt=timezone.now(), user__is_active=True)


@transaction.atomic
def open_link(token: str) -> PasswordLink | None:
    """Swap the token for the link, once: afterwards the URL opens nothing."""
    link = _usable_links().select_for_update(of=("self",)).filter(token_hash=_hash_token(token)).first()
    if link is None or link.opened_at is not None:
        return None
    link.opened_at = timezone.now()
    link.save(update_fields=["opened_at"])
    return link


def opened_link(link_id: object) -> PasswordLink | None:
    """The link opened in this browser, while there is still time to choose a password."""
    if not isinstance(link_id, int):
        return None
    since = timezone.now() - LINK_STEP_LIFETIME
    return _usable_links().filter(pk=link_id, opened_at__gt=since).select_related("user").first()


@transaction.atomic
def use_link(link_id: int, *, password: str, audit: AuditContext | None = None) -> User:
    since = timezone.now() - LINK_STEP_LIFETIME
    link = _usable_links().select_for_update(of=("self",)).filter(pk=link_id, opened_at__gt=since).first()
    if link is None:
        raise LinkInvalid
    user = link.user
    user.set_password(password)
    user.save(update_fields=["password"])
    link.used_at = timezone.now()
    link.save(update_fields=["used_at"])
    auditor.record(
        "accounts.password.set_from_link",
        audit=as_link_holder(user, audit),
        obj=link,
        organisation=link.organisation.name,
        detail={"kind": link.kind},
    )
    return user
