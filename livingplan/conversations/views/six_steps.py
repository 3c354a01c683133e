"""The plan in six steps, for social care: a view of the same plan, built by a presenter.
Thin: the plan through `visible_to` (404 for anyone who may not see it), then the presenter."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.conversations.presenters.six_steps import six_steps
from livingplan.plans.models import Plan


@login_required
@require_safe
def six_steps_page(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan.objects.visible_to(request.user).select_related("person"), person_id=person_pk)
    context = {"person": plan.person, "plan": plan, "page": six_steps(plan, request.user)}
    return render(request, "conversations/six_steps.jinja", context)
