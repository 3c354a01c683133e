"""The approvers' queue and the managers' dashboard (with its charts and CSV): for approvers only,
a 404 for anyone else; every figure is read through `visible_to`."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.budgets.models import ApproverLevel
from livingplan.budgets.presenters import dashboard
from livingplan.budgets.presenters.queue import queue_page


def _approver(request: AuthenticatedRequest) -> None:
    if not ApproverLevel.objects.filter(user_id=request.user.pk).exists():
        raise Http404


@login_required
@require_safe
def queue(request: AuthenticatedRequest) -> HttpResponse:
    _approver(request)
    return render(request, "budgets/queue.jinja", queue_page(request.user))


@login_required
@require_safe
def board(request: AuthenticatedRequest) -> HttpResponse:
    _approver(request)
    return render(request, "budgets/dashboard.jinja", dashboard.dashboard_page(request.user))


@login_required
@require_safe
def sign_off_chart(request: AuthenticatedRequest) -> HttpResponse:
    _approver(request)
    return HttpResponse(dashboard.sign_off_svg(request.user), content_type="image/svg+xml")


@login_required
@require_safe
def first_payment_chart(request: AuthenticatedRequest) -> HttpResponse:
    _approver(request)
    return HttpResponse(dashboard.first_payment_svg(request.user), content_type="image/svg+xml")


@login_required
@require_safe
def board_csv(request: AuthenticatedRequest) -> HttpResponse:
    _approver(request)
    response = HttpResponse(dashboard.dashboard_csv(request.user), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="budget-sign-off.csv"'
    return response
