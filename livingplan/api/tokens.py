"""Issue, check and revoke API tokens. The token is random; only its SHA-256 hash is kept."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.api.models import ApiToken, TokenScope
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor

PREFIX = "lp_"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def issue(
    user: User, *, name: str, scope: str = TokenScope.READ, audit: AuditContext | None = None
) -> tuple[ApiToken, str]:
    """A new token for `user`: the row, and the token itself, which is never stored and cannot be shown again.

    Audited in `user`'s name (the token acts as them); `audit` says what made it (ADR-029)."""
    raw = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, scope=TokenScope(scope), token_hash=hash_token(raw))
    auditor.record(
        "api.token.created", audit=context_for(user, audit), obj=token, detail={"name": name, "scope": token.scope}
    )
    return token, raw


def authenticate(raw: str) -> ApiToken | None:
    """The usable token `raw` names, marked as used now; None for an unknown, revoked or inactive user's token."""
    if not raw.startswith(PREFIX) or len(raw) > 200:
        return None
    token = ApiToken.objects.usable().select_related("user").filter(token_hash=hash_token(raw)).first()
    if token is None:
        return None
    token.last_used_at = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=token.last_used_at)
    return token


def revoke(token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
