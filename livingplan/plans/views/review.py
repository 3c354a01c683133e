"""Starting a review asks first (issue 9): what a review is, who will see it, and that the agreed
plan stays in force until a new one is agreed. The page's button posts the step itself
(`plans:transition`, `start_review`), so the step has one write path."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.plans import lifecycle, rules
from livingplan.plans.forms import StartReviewForm
from livingplan.plans.models import Plan
from livingplan.plans.views._load import plan_for


def who_will_see(plan: Plan) -> list[str]:
    """Everyone who helps with the plan sees on it that it is being reviewed: the circle members
    the person has let in and the care team as it is now. Two queries."""
    circle = plan.person.circle.filter(has_access=True).values_list("name", flat=True)
    team = plan.person.care_team.filter(ended_on__isnull=True).select_related("user", "organisation")
    return [*circle, *(f"{m.user.display_name} ({m.organisation.name})" for m in team)]


@login_required
@require_safe
def confirm_review(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    plan = plan_for(request, person_pk)
    step = lifecycle.TRANSITIONS["start_review"]
    if not lifecycle.may_take(step, rules.lifecycle_actors(request.user, plan.person)):
        raise PermissionDenied(lifecycle.refusal(step))
    if plan.status not in step.sources:
        messages.error(request, "This plan is already open for change.")
        return redirect("plans:plan", person_pk=person_pk)
    return render_confirm_review(request, plan, StartReviewForm(initial={"revision": plan.revision}))


def render_confirm_review(
    request: AuthenticatedRequest, plan: Plan, form: StartReviewForm, *, status: int = 200
) -> HttpResponse:
    context = {
        "person": plan.person,
        "plan": plan,
        "is_self": rules.is_the_person(request.user, plan.person),
        "who_will_see": who_will_see(plan),
        "form": form,
    }
    return render(request, "plans/confirm_review.jinja", context, status=status)
