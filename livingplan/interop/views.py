"""FHIR R4 endpoints at /fhir/r4/: thin views over `presenters`, every answer `application/fhir+json`,
every error an OperationOutcome with its status, every read of a person audited with the
organisation the caller acts for (ADR-020, ADR-029)."""

import json
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.views.decorators.http import require_safe

from livingplan.accounts.models import User
from livingplan.api import ratelimit
from livingplan.core.audit_context import of_request
from livingplan.core.services import auditor
from livingplan.interop import auth, export, presenters
from livingplan.interop.capability import SEARCHES, capability_statement
from livingplan.interop.fhir import about_me
from livingplan.interop.fhir.checks import Issue, operation_outcome
from livingplan.people.models import Person

CONTENT_TYPE = "application/fhir+json; charset=utf-8"


def fhir_response(body: dict[str, Any], status: int = 200, **headers: str) -> HttpResponse:
    response = HttpResponse(json.dumps(body), status=status, content_type=CONTENT_TYPE)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def problem(status: int, code: str, words: str, **headers: str) -> HttpResponse:
    return fhir_response(operation_outcome([Issue("", words, code=code)]), status, **headers)


def base_of(request: HttpRequest) -> str:
    return request.build_absolute_uri("/fhir/r4").rstrip("/")


def _audit_reads(request: HttpRequest, found: list[tuple[Person, dict[str, Any]]], what: str) -> None:
    audit = of_request(request)
    for person_id in sorted({person.pk for person, _ in found}):
        auditor.record("interop.fhir.read", audit=audit, person_id=person_id, detail={"request": what})


View = Callable[..., HttpResponseBase]


def with_token(view: View) -> View:
    """Authenticated by a fhir token; what the reader may not see, or does not exist, is a 404."""

    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            user = auth.authenticate(request)
            return view(request, user, *args, **kwargs)
        except auth.NotAuthenticated as refused:
            return problem(401, "login", str(refused), WWW_Authenticate='Bearer realm="fhir"')
        except ratelimit.RateLimited as over:
            return problem(429, "throttled", str(over), Retry_After=str(over.retry_after))
        except presenters.NotFound:
            return problem(404, "not-found", "There is no such resource, or it is not shared with you.")
        except presenters.BadSearch as bad:
            return problem(400, "not-supported", str(bad))

    return wrapped


@require_safe
def metadata(request: HttpRequest) -> HttpResponse:
    """Answered to anyone, as FHIR servers do: it says what is supported, nothing about anyone."""
    return fhir_response(capability_statement(base_of(request)))


@require_safe
@with_token
def read(request: HttpRequest, user: User, resource_type: str, resource_id: str) -> HttpResponse:
    if resource_type not in SEARCHES:
        return problem(404, "not-supported", f"{resource_type} is not served here: see /fhir/r4/metadata")
    person, resource = presenters.read(user, resource_type, resource_id)
    _audit_reads(request, [(person, resource)], f"{resource_type}/{resource_id}")
    return fhir_response(resource)


@require_safe
@with_token
def search(request: HttpRequest, user: User, resource_type: str) -> HttpResponse:
    if resource_type not in SEARCHES:
        return problem(404, "not-supported", f"{resource_type} is not served here: see /fhir/r4/metadata")
    params = {name: request.GET[name] for name in request.GET if name not in ("_format",)}
    found = presenters.search(user, resource_type, params)
    _audit_reads(request, found, request.get_full_path())
    base = base_of(request)
    bundle = {
        "resourceType": "Bundle",
        "type": "searchset",
        "timestamp": timezone.now().isoformat(),
        "total": len(found),
        "link": [{"relation": "self", "url": request.build_absolute_uri()}],
        "entry": [
            {"fullUrl": f"{base}/{r['resourceType']}/{r['id']}", "resource": r, "search": {"mode": "match"}}
            for _, r in found
        ],
    }
    return fhir_response(bundle)


@require_safe
@with_token
def everything(request: HttpRequest, user: User, resource_id: str) -> HttpResponse:
    """Patient/{id}/$everything: the person's plan as the export's collection Bundle."""
    person, bundle = presenters.everything(user, resource_id, base_of(request))
    _audit_reads(request, [(person, {})], f"Patient/{resource_id}/$everything")
    return fhir_response(bundle)


def not_found(request: HttpRequest, path: str) -> HttpResponse:
    return problem(404, "not-supported", f"Nothing is served at /fhir/r4/{path}: see /fhir/r4/metadata")


@require_safe
def questionnaire(request: HttpRequest, resource_id: str) -> HttpResponse:
    """Our own Questionnaires (About Me): definitions, about nobody, answered to anyone as metadata is."""
    if resource_id != about_me.QUESTIONNAIRE_ID:
        return problem(404, "not-found", "There is no such Questionnaire: the one here is Questionnaire/about-me")
    return fhir_response(about_me.questionnaire(export.base_url()))
