"""The bulk export's pages for a signed-in member of staff (ADR-045): their exports, each one's
progress in plain words, its files, and a way to start or cancel one. Thin: the verbs are in
`exports`, the words in `progress_page`. Anyone who is not staff, or asks for another's export,
gets a 404: the page does not exist for them."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.interop import exports
from livingplan.interop.models import BulkExport
from livingplan.interop.progress_page import export_page, exports_page


def _mine(request: AuthenticatedRequest, export_pk: int) -> BulkExport:
    if not request.user.is_staff_member:
        raise Http404
    try:
        return exports.find(request.user, export_pk)
    except exports.NoSuchExport:
        raise Http404 from None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def exports_list(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.is_staff_member:
        raise Http404
    if request.method == "POST":
        job = exports.start(
            request.user,
            level="system",
            types=[],
            request_url=request.build_absolute_uri(),
            audit=request.audit,
        )
        return redirect("fhir_exports:progress", job.pk)
    return render(request, "interop/exports.jinja", {"page": exports_page(request.user)})


@login_required
@require_safe
def progress(request: AuthenticatedRequest, export_pk: int) -> HttpResponse:
    job = _mine(request, export_pk)
    return render(request, "interop/export.jinja", {"page": export_page(job)})


@login_required
@require_POST
def cancel(request: AuthenticatedRequest, export_pk: int) -> HttpResponse:
    exports.cancel(_mine(request, export_pk), audit=request.audit)
    return redirect(reverse("fhir_exports:list"))


@login_required
@require_safe
def download(request: AuthenticatedRequest, export_pk: int, kind: str) -> HttpResponseBase:
    try:
        path = exports.file_path(_mine(request, export_pk), kind)
    except exports.NoSuchExport:
        raise Http404 from None
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name, content_type="application/fhir+ndjson")
