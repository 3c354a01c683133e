"""Issue, check and revoke API tokens. The token is random; only its SHA-256 hash is kept.

A token acts as one user. For another organisation's system, an organisation admin makes a
token for their organisation's **system account**: a user made on demand that belongs to the
organisation with an oversight role, so it sees exactly the people the organisation leads on and
has the person's agreement to share with, under the same `visible_to` rule as everyone (ADR-052).
"""

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from livingplan.accounts.models import Membership, Organisation, Role, User
from livingplan.api.models import MAX_LIFETIME, ApiToken, TokenScope
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor

PREFIX = "lp_"
DEFAULT_LIFETIME = dt.timedelta(days=90)
# What the system account may see: the oversight branch of the visibility rule (people the
# organisation leads on, with the person's agreement), nothing it would need a care team place for.
SYSTEM_ROLE = Role.QUALITY_LEAD
SYSTEM_USERNAME = "system-account-{pk}"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def clean_scopes(scopes: Iterable[str]) -> str:
    """The scopes as stored: known ones only, sorted, at least one."""
    chosen = sorted(set(scopes))
    unknown = [s for s in chosen if s not in TokenScope.values]
    if unknown or not chosen:
        raise ValidationError({"scopes": "Select what the token may do: read, write or FHIR"})
    return ",".join(chosen)


def _expiry(expires_at: dt.datetime | None) -> dt.datetime:
    now = timezone.now()
    if expires_at is None:
        return now + DEFAULT_LIFETIME
    if expires_at <= now:
        raise ValidationError({"expires_at": "The date the token stops working must be in the future"})
    if expires_at > now + MAX_LIFETIME:
        raise ValidationError({"expires_at": "A token can work for a year at most"})
    return expires_at


@transaction.atomic
def issue(
    user: User,
    *,
    name: str,
    scope: str | None = None,
    scopes: Iterable[str] = (),
    expires_at: dt.datetime | None = None,
    organisation: Organisation | None = None,
    created_by: User | None = None,
    audit: AuditContext | None = None,
) -> tuple[ApiToken, str]:
    """A new token for `user`: the row, and the token itself, which is never stored and cannot be shown again.

    `scope` (one) or `scopes` (several); read only when neither is given. Audited in the name of
    whoever made it (`created_by`, else `user`); `audit` says what made it (ADR-029)."""
    chosen = clean_scopes([*scopes, *([scope] if scope else [])] or [TokenScope.READ])
    raw = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        scopes=chosen,
        token_hash=hash_token(raw),
        expires_at=_expiry(expires_at),
        organisation=organisation,
        created_by=created_by or user,
    )
    detail = {"name": name, "scopes": chosen, "expires_at": token.expires_at.isoformat(), "for": user.username}
    auditor.record("api.token.created", audit=context_for(created_by or user, audit), obj=token, detail=detail)
    return token, raw


def is_admin_of(user: User, organisation: Organisation) -> bool:
    return Membership.objects.filter(user=user, organisation=organisation, role=Role.ORGANISATION_ADMIN).exists()


def system_account(organisation: Organisation) -> User:
    """The organisation's system account, made the first time a token is made for it. It has no
    password, so nobody signs in as it; it acts only through the organisation's tokens."""
    user, made = User.objects.get_or_create(
        username=SYSTEM_USERNAME.format(pk=organisation.pk),
        defaults={"first_name": "System account", "last_name": organisation.name[:150]},
    )
    if made:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(
        user=user, organisation=organisation, role=SYSTEM_ROLE, defaults={"job_title": "System account"}
    )
    return user


@transaction.atomic
def issue_for_organisation(
    organisation: Organisation,
    *,
    by: User,
    name: str,
    scopes: Iterable[str],
    expires_at: dt.datetime,
    audit: AuditContext | None = None,
) -> tuple[ApiToken, str]:
    """A token for the organisation's system account, made by one of its admins."""
    if not is_admin_of(by, organisation):
        raise PermissionDenied("Only the organisation's admins can make its tokens.")
    account = system_account(organisation)
    return issue(
        account,
        name=name,
        scopes=scopes,
        expires_at=expires_at,
        organisation=organisation,
        created_by=by,
        audit=audit,
    )


def authenticate(raw: str) -> ApiToken | None:
    """The usable token `raw` names, marked as used now; None for an unknown, revoked or expired
    token, or an inactive user's."""
    if not raw.startswith(PREFIX) or len(raw) > 200:
        return None
    token = ApiToken.objects.usable().select_related("user").filter(token_hash=hash_token(raw)).first()
    if token is None:
        return None
    token.last_used_at = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=token.last_used_at)
    return token


@transaction.atomic
def revoke(token: ApiToken, *, by: User | None = None, audit: AuditContext | None = None) -> ApiToken:
    """Stop the token working at once. An organisation's token is revoked by its admins; anyone's
    own token by themself. Revoking twice changes nothing and records nothing."""
    actor = by or token.user
    organisation = token.organisation
    if organisation is not None and by is not None and not is_admin_of(by, organisation):
        raise PermissionDenied("Only the organisation's admins can revoke its tokens.")
    if organisation is None and actor.pk != token.user_id:
        raise PermissionDenied("Only the token's owner can revoke it.")
    locked = ApiToken.objects.select_for_update().get(pk=token.pk)
    if locked.revoked_at is None:
        locked.revoked_at, locked.revoked_by = timezone.now(), actor
        locked.save(update_fields=["revoked_at", "revoked_by"])
        auditor.record("api.token.revoked", audit=context_for(actor, audit), obj=locked, detail={"name": locked.name})
    return locked
