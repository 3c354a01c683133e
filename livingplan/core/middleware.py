"""Middleware for every response.

Responses with personal data are never stored by a browser or a shared cache. Any response
to a signed-in session or a request with an Authorization header (the API's bearer tokens)
is `Cache-Control: private, no-store`, unless the view chose its own header (the PDFs and
the export set the same). Without it a browser keeps the page on disk and shows it again
from Back or history after sign-out, on a shared computer in a care home or a library.
Signed-out requests for public pages, and the static files WhiteNoise answers before this
runs, are left as they are.

Losing a race for the database is a 409 or a 503 with Retry-After, never a 500 (ADR-018).

Every request carries one `AuditContext` as `request.audit` (ADR-029).
"""

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from livingplan.core.audit_context import AuditContext
from livingplan.core.conflicts import RETRY_AFTER_SECONDS, Conflict, is_lock_contention

logger = logging.getLogger(__name__)

NO_STORE = "private, no-store"


def _carries_personal_data(request: HttpRequest) -> bool:
    if "authorization" in request.headers:
        return True
    # Without a session cookie nobody is signed in: skip reading the session, so public pages
    # answered to signed-out visitors keep exactly the headers they had.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class NoStoreForSignedInMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if "Cache-Control" not in response and _carries_personal_data(request):
            response["Cache-Control"] = NO_STORE
        return response


class AuditContextMiddleware:
    """Builds `request.audit` once: who (still unloaded), from which address and browser.

    Below the two-factor middleware, which replaces `request.user` with its own wrapper."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        request.audit = AuditContext.from_request(request)  # type: ignore[attr-defined]
        return self.get_response(request)


class ContentionMiddleware:
    """A write that lost a race answers 409 (it was checked and refused) or 503 with Retry-After
    (it could not get the database's write lock in time), as a page or as API JSON. Nothing was
    saved in either case: the service's transaction rolled back before the error reached here."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponseBase | None:
        if isinstance(exception, Conflict):
            return _refusal(request, 409, CONFLICT_TITLE, "stale_revision")
        if is_lock_contention(exception):
            logger.warning("Write lock not granted in time on %s %s", request.method, request.path)
            response = _refusal(request, 503, BUSY_TITLE, "busy")
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        return None


CONFLICT_TITLE = "The plan changed while you were working on it"
BUSY_TITLE = "Sorry, the service is busy"


def _refusal(request: HttpRequest, status: int, title: str, code: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        detail = {409: "It changed since you read it. Read it again, then send your change again."}.get(
            status, f"Busy: nothing was saved. Send it again in {RETRY_AFTER_SECONDS} seconds."
        )
        return JsonResponse({"detail": detail, "code": code}, status=status)
    return render(request, "core/error.jinja", {"status": status, "title": title}, status=status)
