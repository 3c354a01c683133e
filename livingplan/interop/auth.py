"""Who is calling the FHIR endpoints: another system, with a bearer token of the API's `ApiToken`
in the `fhir` scope, acting for the token's user under that user's `visible_to` rules. No browser
sessions here: these endpoints are for systems, and a missing or wrong token is a 401."""

from django.http import HttpRequest

from livingplan.accounts.models import User
from livingplan.api import ratelimit, tokens
from livingplan.api.models import TokenScope
from livingplan.core.audit_context import of_request


class NotAuthenticated(Exception):
    """No usable token: missing, unknown, revoked, or not in the `fhir` scope."""


def authenticate(request: HttpRequest) -> User:
    header = request.headers.get("Authorization", "")
    kind, _, raw = header.partition(" ")
    if kind.lower() != "bearer" or not raw.strip():
        raise NotAuthenticated("Send a bearer token in the fhir scope: Authorization: Bearer lp_...")
    token = tokens.authenticate(raw.strip())
    if token is None:
        raise NotAuthenticated("This token is not known, or was revoked.")
    if not token.allows(TokenScope.FHIR):
        raise NotAuthenticated("This token is not in the fhir scope: ask an organisation admin for one that is.")
    # The same allowance per token as the JSON API, counted in the same shared table (ADR-052).
    ratelimit.count_request(f"token:{token.pk}")
    request.user = token.user
    # The middleware built the context for an anonymous caller: it is this user's now (ADR-029).
    request.audit = of_request(request).as_actor(token.user)  # type: ignore[attr-defined]
    return token.user
