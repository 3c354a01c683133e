"""Pages for organisation admins keeping the directory: list, add, change, import, export.

Anyone else is refused with a 403: the directory is not a secret (everyone signed in searches
it), so a refusal confirms nothing a 404 would hide.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.community import rules, services
from livingplan.community.forms import ImportForm, ResourceForm
from livingplan.community.models import Resource
from livingplan.community.presenters import directory
from livingplan.core.formpage import form_page

MAX_UPLOAD_BYTES = 5_000_000


def _require_maintainer(request: AuthenticatedRequest) -> None:
    if not rules.may_maintain_directory(request.user):
        raise PermissionDenied


@login_required
@require_GET
def manage(request: AuthenticatedRequest) -> HttpResponse:
    _require_maintainer(request)
    cards = [directory.card(r) for r in directory.with_tags(Resource.objects.all())]
    return render(request, "community/manage.jinja", {"cards": cards})


@login_required
@require_http_methods(["GET", "POST"])
def add(request: AuthenticatedRequest) -> HttpResponse:
    _require_maintainer(request)
    form = ResourceForm(request.POST if request.method == "POST" else None)
    return form_page(
        request,
        form,
        template="community/resource_form.jinja",
        save=lambda data: services.save_resource(None, by=request.user, audit=request.audit, **data),
        success_url=reverse("community:manage"),
        success_message="The resource is in the directory.",
        context={"title": "Add to the directory"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_maintainer(request)
    resource = get_object_or_404(Resource.objects.prefetch_related("tags"), pk=pk)
    data = request.POST if request.method == "POST" else None
    form = ResourceForm(data, initial=directory.form_initial(resource))
    return form_page(
        request,
        form,
        template="community/resource_form.jinja",
        save=lambda data: services.save_resource(resource, by=request.user, audit=request.audit, **data),
        success_url=reverse("community:resource", args=[resource.pk]),
        success_message="Your changes are saved.",
        context={"title": f"Change {resource.name}", "resource": resource},
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_file(request: AuthenticatedRequest) -> HttpResponse:
    """Upload an ORUK file: all of it is saved, or nothing and the report of what is wrong."""
    _require_maintainer(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > MAX_UPLOAD_BYTES:
                form.add_error("file", f"The file must be smaller than {MAX_UPLOAD_BYTES // 1_000_000} MB")
            else:
                result = services.import_directory(
                    upload.read(), by=request.user, filename=upload.name or "", audit=request.audit
                )
        status = 200 if result is not None and result.imported else 400
    context = {"form": form, "result": result and directory.import_outcome(result)}
    return render(request, "community/import.jinja", context, status=status)


@login_required
@require_GET
def export(request: AuthenticatedRequest) -> HttpResponse:
    _require_maintainer(request)
    data = services.export_directory(by=request.user, audit=request.audit)
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="community-directory-oruk.json"'
    return response
