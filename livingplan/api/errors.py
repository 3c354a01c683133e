"""Every refusal as JSON with a stable `code`: the domain's exceptions mapped to HTTP statuses.

    Http404 (not visible, or not there)  -> 404 not_found, always the same words: no hints
    AuthenticationError                  -> 401 unauthorized
    PermissionDenied                     -> 403 forbidden (the caller can see it but may not do this)
    InsufficientScope                    -> 403 insufficient_scope (a read token tried to write)
    StaleEdit                            -> 409 stale_revision, with the current revision
    PlanLimitReached                     -> 409 limit_reached: that part of the plan is full
    WriteRateExceeded                    -> 429 rate_limited, with Retry-After (plan changes, ADR-019)
    RateLimited                          -> 429 rate_limited, with Retry-After (every request, ADR-052)
    TransitionNotAllowed                 -> 409 not_allowed
    ninja / Django ValidationError       -> 422 invalid, with the field named
    CsrfFailed                           -> 403 csrf_failed (a session write without the CSRF token)
    HttpError (an unparseable body)      -> its own status, 400 bad_request
    "database is locked" (SQLite busy)   -> 503 busy, with Retry-After: nothing was saved

Anything else is a bug and is left to Django's 500 handling, never hidden.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from livingplan.api.ratelimit import RateLimited
from livingplan.core.conflicts import RETRY_AFTER_SECONDS, is_lock_contention
from livingplan.plans.lifecycle import TransitionNotAllowed
from livingplan.plans.limits import PlanLimitReached, WriteRateExceeded
from livingplan.plans.services import StaleEdit

NOT_FOUND = "Not found."
NO_PLAN = "This person does not have a plan yet."
# Request bodies are always the `payload` parameter, so service errors point where ninja's do.
BODY = ["body", "payload"]


class PlanNotStarted(Http404):
    """The caller may see the person, who has no plan yet."""


class InsufficientScope(Exception):
    """A read-only token was used for a write."""


class CsrfFailed(Exception):
    """A signed-in browser session sent an unsafe request without a valid CSRF token."""


def service_errors(error: DjangoValidationError) -> list[dict[str, Any]]:
    """A Django ValidationError from a service, in the shape of ninja's own field errors."""
    if hasattr(error, "error_dict"):
        return [
            {"loc": [*BODY, field], "msg": message, "type": "value_error"}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return [{"loc": BODY, "msg": message, "type": "value_error"} for message in error.messages]


def _not_found(exc: Http404) -> tuple[int, dict[str, Any]]:
    return 404, {"detail": NO_PLAN if isinstance(exc, PlanNotStarted) else NOT_FOUND, "code": "not_found"}


def _unauthorized(exc: AuthenticationError) -> tuple[int, dict[str, Any]]:
    detail = "Sign in, or send a valid API token as 'Authorization: Bearer <token>'."
    return 401, {"detail": detail, "code": "unauthorized"}


def _forbidden(exc: PermissionDenied) -> tuple[int, dict[str, Any]]:
    return 403, {"detail": str(exc) or "You cannot do that.", "code": "forbidden"}


def _insufficient_scope(exc: InsufficientScope) -> tuple[int, dict[str, Any]]:
    detail = "This token can only read. Ask for a token with the write scope."
    return 403, {"detail": detail, "code": "insufficient_scope"}


def _csrf_failed(exc: CsrfFailed) -> tuple[int, dict[str, Any]]:
    detail = "Send the CSRF token in the X-CSRFToken header, or use an API token instead of a session."
    return 403, {"detail": detail, "code": "csrf_failed"}


def _stale(exc: StaleEdit) -> tuple[int, dict[str, Any]]:
    return 409, {
        "detail": "The plan has changed since you read it. Read it again, then send your change again.",
        "code": "stale_revision",
        "current_revision": exc.plan.revision,
        "expected_revision": exc.expected,
    }


def _not_allowed(exc: TransitionNotAllowed) -> tuple[int, dict[str, Any]]:
    return 409, {"detail": str(exc), "code": "not_allowed"}


def _limit_reached(exc: PlanLimitReached) -> tuple[int, dict[str, Any]]:
    return 409, {"detail": exc.messages[0], "code": "limit_reached"}


def _rate_limited(exc: WriteRateExceeded) -> tuple[int, dict[str, Any]]:
    return 429, {"detail": exc.messages[0], "code": "rate_limited", "limit": exc.cap, "retry_after": exc.retry_after}


def _too_many_requests(exc: RateLimited) -> tuple[int, dict[str, Any]]:
    rule = exc.allowance
    detail = (
        f"Too many requests: this token (or sign-in) may make {rule.limit} requests every {rule.window_seconds}"
        f" seconds. Wait {exc.retry_after} seconds, then send it again."
    )
    return 429, {
        "detail": detail,
        "code": "rate_limited",
        "limit": rule.limit,
        "window_seconds": rule.window_seconds,
        "retry_after": exc.retry_after,
    }


def _invalid(exc: NinjaValidationError) -> tuple[int, dict[str, Any]]:
    errors = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors]
    return 422, {"detail": errors, "code": "invalid"}


def _service_invalid(exc: DjangoValidationError) -> tuple[int, dict[str, Any]]:
    return 422, {"detail": service_errors(exc), "code": "invalid"}


def _http_error(exc: HttpError) -> tuple[int, dict[str, Any]]:
    code = {400: "bad_request", 429: "throttled"}.get(exc.status_code, "error")
    return exc.status_code, {"detail": str(exc), "code": code}


def _bad_request(exc: SuspiciousOperation) -> tuple[int, dict[str, Any]]:
    return 400, {"detail": "Bad request.", "code": "bad_request"}


def _busy(exc: OperationalError) -> tuple[int, dict[str, Any]]:
    if not is_lock_contention(exc):
        raise exc  # any other database failure is a bug, left to Django's 500 handling
    detail = f"Busy: nothing was saved. Send it again in {RETRY_AFTER_SECONDS} seconds."
    return 503, {"detail": detail, "code": "busy"}


HANDLERS: dict[type[Exception], Callable[[Any], tuple[int, dict[str, Any]]]] = {
    Http404: _not_found,
    AuthenticationError: _unauthorized,
    PermissionDenied: _forbidden,
    InsufficientScope: _insufficient_scope,
    CsrfFailed: _csrf_failed,
    StaleEdit: _stale,
    TransitionNotAllowed: _not_allowed,
    PlanLimitReached: _limit_reached,
    WriteRateExceeded: _rate_limited,
    RateLimited: _too_many_requests,
    NinjaValidationError: _invalid,
    DjangoValidationError: _service_invalid,
    HttpError: _http_error,
    SuspiciousOperation: _bad_request,
    OperationalError: _busy,
}


def install(api: NinjaAPI) -> None:
    for exc_class, describe in HANDLERS.items():
        api.add_exception_handler(exc_class, _responder(api, describe))


def _responder(
    api: NinjaAPI, describe: Callable[[Any], tuple[int, dict[str, Any]]]
) -> Callable[[HttpRequest, Any], HttpResponse]:
    def respond(request: HttpRequest, exc: Any) -> HttpResponse:
        status, body = describe(exc)
        response = api.create_response(request, body, status=status)
        if status == 401:
            response["WWW-Authenticate"] = 'Bearer realm="api"'
        if status == 503:
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        if status == 429 and "retry_after" in body:
            response["Retry-After"] = str(body["retry_after"])
        return response

    return respond


def json_not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """Any other path under /api/v1/: the same JSON 404 as a record the caller may not see."""
    return JsonResponse({"detail": NOT_FOUND, "code": "not_found"}, status=404)
