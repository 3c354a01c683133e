"""Reading the plan, moving it through its lifecycle, and comparing its versions."""

from collections.abc import Callable
from typing import Any

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
from livingplan.plans import lifecycle, notes, rules, services
from livingplan.plans.forms import AgreeForm, RevisionForm, StartReviewForm, TransitionForm
from livingplan.plans.models import Plan, PlanVersion
from livingplan.plans.presenters.plan import build_plan_page, content_version
from livingplan.plans.presenters.versions import version_rows
from livingplan.plans.sections import SharingGroup
from livingplan.plans.sharing import groups_visible_to
from livingplan.plans.snapshot import diff, snapshot
from livingplan.plans.views._load import person_for, plan_for, stale_edit_page, today
from livingplan.plans.views.agreement import agreed_message, agreement_context
from livingplan.plans.views.review import render_confirm_review

PLAN_PAGE_NOTES = 5  # the newest few; the notes page has them all


@login_required
@require_safe  # reading only: every change has its own view, carrying the revision
def plan_page(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)  # with the plan joined in, through the same visible_to
    plan = getattr(person, "plan", None)
    if plan is None:
        can_start = rules.can_contribute(request.user, person)
        return render(request, "plans/no_plan.jinja", {"person": person, "can_start": can_start})
    services.record_plan_viewed(plan, by=request.user, audit=request.audit)
    groups = groups_visible_to(request.user, person)
    actors = rules.lifecycle_actors(request.user, person)
    context = {
        "person": person,
        "plan": plan,
        "is_self": rules.is_the_person(request.user, person),
        "can_contribute": rules.can_contribute(request.user, person),
        # Only the steps the table gives this viewer (ADR-021): nobody is offered a button that is refused.
        "transitions": lifecycle.available(plan.status, actors),
        **agreement_context(request.user, person, plan),
        # Whether a capacity assessment may be mentioned to this viewer (ADR-023).
        "shows_capacity": SharingGroup.CAPACITY in groups,
        # Notes sit outside the cached content: they are not plan content and move no revision (ADR-024).
        "shows_notes": notes.NOTES in groups,
        "notes": notes.note_rows(plan, request.user, limit=PLAN_PAGE_NOTES) if notes.NOTES in groups else [],
        "is_coordinator": lifecycle.Actor.COORDINATOR in actors,
        # The person, or who decides for them, chooses who may write for them (ADR-025).
        "may_name_writers": rules.may_decide_suggestions(request.user, person),
    }
    # Our own template's output, autoescaped when it was rendered.
    context["content"] = Markup(render_plan_content(request, plan, groups, context))  # noqa: S704
    return render(request, "plans/plan.jinja", context)


def render_plan_content(
    request: AuthenticatedRequest, plan: Plan, groups: frozenset[str], context: dict[str, Any]
) -> str:
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
    services.start_plan(person, by=request.user, audit=request.audit)
    return redirect("plans:plan", person_pk=person.pk)


def _agree(request: AuthenticatedRequest, plan: Plan, data: dict[str, Any]) -> str:
    version = services.agree_plan(
        plan,
        by=request.user,
        expected_revision=data["revision"],
        summary=data["summary"],
        starts_on=data["starts_on"],
        audit=request.audit,
    )
    return agreed_message(version, plan.person, is_self=True)


def _start_review(request: AuthenticatedRequest, plan: Plan, data: dict[str, Any]) -> str:
    services.start_review(
        plan, by=request.user, reason=data["reason"], expected_revision=data["revision"], audit=request.audit
    )
    return "The review has started. You can now change the plan together."


def _simple_step(move: Callable[..., Plan]) -> Callable[[AuthenticatedRequest, Plan, dict[str, Any]], str]:
    def take(request: AuthenticatedRequest, plan: Plan, data: dict[str, Any]) -> str:
        move(plan, by=request.user, expected_revision=data["revision"], audit=request.audit)
        return f"Plan status: {plan.get_status_display().lower()}."

    return take


# Each step: its form (every one names the revision the button was shown at, ADR-008) and what
# taking it does, returning what the user is told. Agreeing and starting a review carry words
# and a date: a mistake in those is shown on their form, not as a banner.
STEPS: dict[str, tuple[type[RevisionForm], Callable[[AuthenticatedRequest, Plan, dict[str, Any]], str]]] = {
    "propose": (TransitionForm, _simple_step(services.propose_plan)),
    "withdraw": (TransitionForm, _simple_step(services.withdraw_plan)),
    "activate": (TransitionForm, _simple_step(services.activate_plan)),
    "agree": (AgreeForm, _agree),
    "start_review": (StartReviewForm, _start_review),
}
STEPS_WITH_FORMS = frozenset({"agree", "start_review"})


@login_required
@require_POST
def transition(request: AuthenticatedRequest, person_pk: int, name: str) -> HttpResponse:
    plan = plan_for(request, person_pk)
    if name not in STEPS:
        raise Http404
    form_class, take = STEPS[name]
    form = form_class(request.POST)
    if not form.is_valid():
        if name in STEPS_WITH_FORMS and "revision" not in form.errors:
            return _step_form_page(request, plan, name, form)
        messages.error(request, "Reload the page and try again")
        return redirect("plans:plan", person_pk=person_pk)
    try:
        messages.success(request, take(request, plan, form.cleaned_data))
    except services.StaleEdit as stale:
        return stale_edit_page(request, stale.plan)
    except ValidationError as error:
        if name in STEPS_WITH_FORMS and hasattr(error, "error_dict"):
            form.add_error(None, error)  # e.g. a start date the service refused: on its field
            return _step_form_page(request, plan, name, form)
        for message in error.messages:
            messages.error(request, message)
    except lifecycle.TransitionNotAllowed as error:
        messages.error(request, str(error))
    return redirect("plans:plan", person_pk=person_pk)


def _step_form_page(request: AuthenticatedRequest, plan: Plan, name: str, form: Any) -> HttpResponse:
    """The agreement or review form again, with what was wrong with it (400)."""
    if name == "start_review":
        return render_confirm_review(request, plan, form, status=400)
    context = {"person": plan.person, "plan": plan, "form": form}
    return render(request, "plans/agree.jinja", context, status=400)


@login_required
@require_safe
def versions(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    plan = plan_for(request, person_pk)
    versions = list(
        PlanVersion.objects.visible_to(request.user).filter(plan=plan).select_related("agreed_by").defer("snapshot")
    )
    services.record_plan_viewed(plan, by=request.user, audit=request.audit, what="versions")
    rows = version_rows(plan, versions, viewer=request.user)
    return render(request, "plans/versions.jinja", {"person": plan.person, "plan": plan, "rows": rows})


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
    services.record_plan_viewed(plan, by=request.user, audit=request.audit, what="versions")
    context = {
        "person": plan.person,
        "older": older,
        "newer_label": newer_label,
        "diff": changes,
        "versions": all_versions.defer("snapshot"),
    }
    return render(request, "plans/compare.jinja", context)
