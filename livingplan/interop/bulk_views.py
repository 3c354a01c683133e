"""FHIR Bulk Data `$export` for other systems (ADR-045): kick-off, status, files, cancel.

Thin, like `views`: a fhir token acts as its user; an export is its asker's only, and anyone
else's, or a cancelled one, is a 404. The export itself runs on the task worker (`tasks`).
"""

from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from livingplan.accounts.models import User
from livingplan.core.audit_context import of_request
from livingplan.interop import exports
from livingplan.interop.models import BulkExport
from livingplan.interop.views import fhir_response, problem, with_token

POLL_EVERY_SECONDS = "2"


@require_safe
@with_token
def kick_off(request: HttpRequest, user: User, level: str) -> HttpResponse:
    if "respond-async" not in request.headers.get("Prefer", ""):
        return problem(400, "required", "Ask for a bulk export with the header Prefer: respond-async.")
    try:
        types = exports.types_asked({name: request.GET[name] for name in request.GET})
    except exports.BadRequest as bad:
        return problem(400, "not-supported", str(bad))
    job = exports.start(
        user, level=level, types=types, request_url=request.build_absolute_uri(), audit=of_request(request)
    )
    status_url = request.build_absolute_uri(reverse("interop:export_status", args=[job.pk]))
    response = HttpResponse(status=202)
    response["Content-Location"] = status_url
    return response


@csrf_exempt  # a bearer token, never a cookie: nothing for a forged request to ride on
@require_http_methods(["GET", "HEAD", "DELETE"])
@with_token
def status(request: HttpRequest, user: User, export_pk: int) -> HttpResponse:
    try:
        job = exports.find(user, export_pk)
    except exports.NoSuchExport:
        return problem(404, "not-found", "There is no such export, or it was cancelled.")
    if request.method == "DELETE":
        exports.cancel(job, audit=of_request(request))
        return HttpResponse(status=202)
    if job.is_going:
        response = HttpResponse(status=202)
        response["X-Progress"] = exports.progress_words(job)
        response["Retry-After"] = POLL_EVERY_SECONDS
        return response
    if job.status == BulkExport.Status.FAILED:
        return problem(500, "exception", exports.progress_words(job))
    base = request.build_absolute_uri("/fhir/r4").rstrip("/")
    return fhir_response(exports.manifest(job, base=base))


@require_safe
@with_token
def download(request: HttpRequest, user: User, export_pk: int, kind: str) -> HttpResponseBase:
    try:
        path = exports.file_path(exports.find(user, export_pk), kind)
    except exports.NoSuchExport:
        return problem(404, "not-found", "There is no such file, or its export was cancelled.")
    return FileResponse(path.open("rb"), content_type="application/fhir+ndjson")
