"""Who is calling: a bearer token, or the browser session (with CSRF on unsafe methods).

Either way the caller is a `User`, and every route applies `visible_to(user)` exactly as the
web pages do. A request that carries an Authorization header is judged on its token alone:
a wrong, revoked or unknown token is 401 even if a session cookie came with it.
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from livingplan.accounts.models import User
from livingplan.api import ratelimit, tokens
from livingplan.api.errors import CsrfFailed, InsufficientScope
from livingplan.api.models import TokenScope
from livingplan.core.audit_context import AuditContext

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class ApiRequest(HttpRequest):
    """For route functions: `request.auth` is the signed-in `User`, for the type checker."""

    auth: User
    audit: AuditContext


class BearerToken(HttpBearer):
    """`Authorization: Bearer lp_...`, created with `livingplan create_token`."""

    def __init__(self, scope: str) -> None:
        super().__init__()
        self.scope = scope

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        api_token = tokens.authenticate(token.strip())
        if api_token is None:
            return None
        if not api_token.allows(self.scope):
            raise InsufficientScope
        ratelimit.count_request(f"token:{api_token.pk}")  # each token its own allowance (ADR-052)
        request.user = api_token.user
        # The middleware built the context before the token was read: it is this user's now (ADR-029).
        request.audit = AuditContext.from_request(request)  # type: ignore[attr-defined]
        return api_token.user


class Session(APIKeyCookie):
    """The signed-in browser session. Unsafe methods need the CSRF token, as every form does."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__(csrf=False)  # checked below, only once we know this is a session request

    def authenticate(self, request: HttpRequest, key: Any) -> User | None:
        if "authorization" in request.headers or not request.user.is_authenticated:
            return None
        if request.method not in SAFE_METHODS and check_csrf(request) is not None:
            raise CsrfFailed
        ratelimit.count_request(f"user:{request.user.pk}")
        return request.user


READ = [BearerToken(TokenScope.READ), Session()]
WRITE = [BearerToken(TokenScope.WRITE), Session()]
