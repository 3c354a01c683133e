"""Reading the plan, moving it through its lifecycle, and comparing its versions."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST, require_safe
from markupsafe import Markup

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.core.numbers import MAX_INT, whole_number
from livingplan.core.render_cache import cached_text
from livingplan.plans import lifecycle, rules, services
from livingplan.plans.forms import AgreeForm, TransitionForm
from livingplan.plans.models import Plan, PlanVersion
from livingplan.plans.presenters.plan import build_plan_page, content_version
from livingplan.plans.sections import SharingGroup
from livingplan.plans.sharing import groups_visible_to
from livingplan.plans.snapshot import diff, snapshot
from livingplan.plans.views._load import person_for, plan_for, stale_edit_page, today
from livingplan.plans.views.agreement import agreement_context


@login_required
@require_safe  # reading only: every change has its own view, carrying the revision
def plan_page(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)  # with the plan joined in, through the same visible_to
    plan = getattr(person, "plan", None)
    if plan is None:
        can_start = rules.can_contribute(request.user, person)
        return render(request, "plans/no_plan.jinja", {"person": person, "can_start": can_start})
    services.record_plan_viewed(plan, by=request.user, request=request)
    groups = groups_visible_to(request.user, person)
    context = {
        "person": person,
        "plan": plan,
        "is_self": rules.is_the_person(request.user, person),
        "can_contribute": rules.can_contribute(request.user, person),
        # Only the steps the table gives this viewer (ADR-021): nobody is offered a button that is refused.
        "transitions": lifecycle.available(plan.status, rules.lifecycle_actors(request.user, person)),
        **agreement_context(request.user, person, plan),
        # Whether a capacity assessment may be mentioned to this viewer (ADR-023).
        "shows_capacity": SharingGroup.CAPACITY in groups,
        # The person, or who decides for them, chooses who may write for them (ADR-025).
        "may_name_writers": rules.may_decide_suggestions(request.user, person),
    }
    # Our own template's output, autoescaped when it was rendered.
    context["content"] = Markup(render_plan_content(request, plan, groups, context))  # noqa: S704
    return render(request, "plans/plan.jinja", context)


def render_plan_content(request: AuthenticatedRequest, plan: Plan, groups: frozenset[str], context: dict) -> str:
    """The plan's content as HTML, built again only when the plan or what the viewer may see changes."""
    on = today()
    person = plan.person
    needs = getattr(person, "communication_needs", None)

    def build() -> str:
        page = build_plan_page(plan, viewer=request.user, groups=groups, today=on, suggestions=True)
        missing = services.missing_for_agreement(plan) if plan.status in lifecycle.EDITABLE else []
        return render_to_string(
            "plans/_plan_content.jinja", {**context, "page": page, "missing": missing}, request=request
        )

    depends_on = (
        *content_version(plan),
        request.user.pk,
        sorted(groups),
        context["is_self"],
        context["can_contribute"],
        context["can_change_sharing"],
        # Who decides suggestions follows capacity assessments, which do not move the revision.
        context["may_name_writers"],
        person.full_name,
        person.name_to_use,
        needs.information_format if needs else None,
        on,
    )
    return cached_text("plans.page", depends_on, build)


@login_required
@require_POST
def start(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)
    if not rules.can_contribute(request.user, person):
        raise PermissionDenied
    services.start_plan(person, by=request.user)
    return redirect("plans:plan", person_pk=person.pk)


TRANSITION_SERVICES: dict[str, Callable[..., Plan]] = {
    "propose": services.propose_plan,
    "withdraw": services.withdraw_plan,
    "activate": services.activate_plan,
    "start_review": services.start_review,
}


@login_required
@require_POST
def transition(request: AuthenticatedRequest, person_pk: int, name: str) -> HttpResponse:
    plan = plan_for(request, person_pk)
    if name != "agree" and name not in TRANSITION_SERVICES:
        raise Http404
    # Every step names the revision the button was shown at (ADR-008): agreeing, and the others.
    form = AgreeForm(request.POST) if name == "agree" else TransitionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Reload the page and try again")
        revision = form.cleaned_data["revision"]
        if name == "agree":
            version = services.agree_plan(
                plan, by=request.user, expected_revision=revision, summary=form.cleaned_data["summary"], request=request
            )
            messages.success(request, f"You agreed your plan. It is saved as version {version.number}.")
        else:
            TRANSITION_SERVICES[name](plan, by=request.user, expected_revision=revision, request=request)
            messages.success(request, f"Plan status: {plan.get_status_display().lower()}.")
    except services.StaleEdit as stale:
        return stale_edit_page(request, stale.plan)
    except (lifecycle.TransitionNotAllowed, ValidationError) as error:
        text = error.messages if isinstance(error, ValidationError) else [str(error)]
        for message in text:
            messages.error(request, message)
    return redirect("plans:plan", person_pk=person_pk)


@login_required
@require_safe
def versions(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    plan = plan_for(request, person_pk)
    rows = PlanVersion.objects.visible_to(request.user).filter(plan=plan).select_related("agreed_by").defer("snapshot")
    services.record_plan_viewed(plan, by=request.user, request=request, what="versions")
    return render(request, "plans/versions.jinja", {"person": plan.person, "plan": plan, "versions": rows})


@login_required
@require_safe
def compare(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    """What changed between two agreed versions, or between a version and the plan as it is now."""
    plan = plan_for(request, person_pk)
    groups = groups_visible_to(request.user, plan.person)
    all_versions = PlanVersion.objects.visible_to(request.user).filter(plan=plan)
    # Version numbers as ASCII digits in range only: '²' or a 20-digit number is a 404, not a 500.
    newer_text = request.GET.get("to", "current")
    older_number = whole_number(request.GET.get("from"), maximum=MAX_INT)
    newer_number = None if newer_text == "current" else whole_number(newer_text, maximum=MAX_INT)
    if older_number is None or (newer_number is None and newer_text != "current"):
        raise Http404
    older = get_object_or_404(all_versions, number=older_number)
    if newer_number is None:
        newer_snapshot, newer_label = snapshot(plan), "the plan as it is now"
    else:
        newer = get_object_or_404(all_versions, number=newer_number)
        newer_snapshot, newer_label = newer.snapshot, f"version {newer.number}"
    changes = diff(older.snapshot, newer_snapshot, groups)
    services.record_plan_viewed(plan, by=request.user, request=request, what="versions")
    context = {
        "person": plan.person,
        "older": older,
        "newer_label": newer_label,
        "diff": changes,
        "versions": all_versions.defer("snapshot"),
    }
    return render(request, "plans/compare.jinja", context)
