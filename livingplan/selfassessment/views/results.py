"""Results (table, SVG charts, CSV), agreeing levels, and the action plan."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.selfassessment import pdf, services
from livingplan.selfassessment.forms import AgreeForm, MoveForm, PriorityForm
from livingplan.selfassessment.models import AgreedLevel, Priority
from livingplan.selfassessment.presenters import actions as action_pages
from livingplan.selfassessment.presenters import results as result_pages
from livingplan.selfassessment.presenters.rounds import level_items
from livingplan.selfassessment.views.rounds import _area, _form, _managed, _refused, _round

SVG = "image/svg+xml"


@login_required
@require_safe
def results(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = _round(request, pk)
    return render(request, "selfassessment/results.jinja", result_pages.results_page(found, request.user))


@login_required
@require_safe
def heatmap(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return HttpResponse(result_pages.heatmap_svg(_round(request, pk)), content_type=SVG)


@login_required
@require_safe
def comparison(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return HttpResponse(result_pages.comparison_svg(_round(request, pk)), content_type=SVG)


@login_required
@require_safe
def results_csv(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = _round(request, pk)
    response = HttpResponse(result_pages.results_csv(found), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(found.title) or "self-assessment"}.csv"'
    return response


@login_required
@require_safe
def results_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = _round(request, pk)
    content = pdf.results_pdf(found, result_pages.results_page(found, request.user))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slugify(found.title) or "self-assessment"}.pdf"'
    return response


@login_required
def agree(request: AuthenticatedRequest, pk: int, area_id: str) -> HttpResponse:
    found = _managed(request, pk)
    if not found.is_open:
        return _refused(request, found, services.ROUND_CLOSED, 409)
    area = _area(found, area_id)
    form = AgreeForm(request.POST or None)

    def save(data: dict[str, Any]) -> AgreedLevel:
        return services.agree_level(
            found,
            by=request.user,
            area_id=area.id,
            level=int(data["level"]),
            reason=data["reason"],
            audit=request.audit,
        )

    extra = {"level_overrides": {"items": level_items(area, form["level"].value())}}
    back = reverse("selfassessment:results", args=[found.pk]) + f"#{area.id}"
    return _form(
        request,
        form,
        title=f"Agree a level: {area.title}",
        save=save,
        caption=found.title,
        back=back,
        button="Save the agreed level",
        done=f"The agreed level for “{area.title}” is saved.",
        template="selfassessment/agree.jinja",
        extra=extra,
    )


@login_required
@require_safe
def actions(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = _round(request, pk)
    return render(request, "selfassessment/actions.jinja", action_pages.actions_page(found, request.user))


@login_required
def add_priority(request: AuthenticatedRequest, pk: int, area_id: str) -> HttpResponse:
    found = _managed(request, pk)
    area = _area(found, area_id)
    owners = {str(m.user_id): m.user for m in found.organisation.memberships.select_related("user")}
    form = PriorityForm(
        request.POST or None,
        owners=[("", "Choose someone"), *((pk_, u.display_name) for pk_, u in owners.items())],
        initial={"priority": action_pages.suggested_priority(found, area)},
    )

    def save(data: dict[str, Any]) -> Priority:
        details = services.PlanDetails(
            area_id=area.id, owner=owners[data["owner"]], **{k: v for k, v in data.items() if k != "owner"}
        )
        return services.add_priority(found, by=request.user, details=details, audit=request.audit)

    return _form(
        request,
        form,
        title=f"Add a priority: {area.title}",
        save=save,
        caption=found.title,
        back=reverse("selfassessment:actions", args=[found.pk]),
        button="Add to the action plan",
        done="The priority is in the action plan.",
    )


@login_required
def priority(request: AuthenticatedRequest, pk: int, priority_pk: int) -> HttpResponse:
    found = _round(request, pk)
    item = get_object_or_404(Priority.objects.select_related("owner", "round"), round=found, pk=priority_pk)
    form = MoveForm(request.POST or None, initial={"status": item.status})
    if request.method == "POST" and not services.can_move(request.user, item):
        raise PermissionDenied

    def save(data: dict[str, Any]) -> Priority:
        return services.move_priority(
            item, by=request.user, to=data["status"], note=data.get("note") or "", audit=request.audit
        )

    here = reverse("selfassessment:priority", args=[found.pk, item.pk])
    return _form(
        request,
        form,
        title=item.priority,
        save=save,
        caption=found.title,
        back=here,
        button="Save the status",
        done="The status is saved.",
        template="selfassessment/priority.jinja",
        extra=action_pages.priority_page(item, request.user),
    )
