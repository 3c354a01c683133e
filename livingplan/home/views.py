from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.home.presenters import home_for
from livingplan.people import services
from livingplan.people.models import CoordinatorTask


@login_required
def home(request: AuthenticatedRequest) -> HttpResponse:
    # Filter and sort come from a plain GET form and links, so the caseload works without JavaScript.
    page = home_for(request.user, filter_key=request.GET.get("show", "all"), sort=request.GET.get("sort", "name"))
    return render(request, page.template, {"page": page})


@login_required
@require_POST
def task_done(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The coordinator marks one of their things to do as done; anyone else's is a 404."""
    tasks = CoordinatorTask.objects.visible_to(request.user).for_coordinator(request.user).select_related("person")
    task = get_object_or_404(tasks, pk=pk)
    try:
        services.mark_task_done(task, by=request.user, audit=request.audit)
    except ValidationError as refused:  # a request is done by answering it, not by this button
        messages.warning(request, refused.messages[0])
        return redirect("/#things-to-do")
    messages.success(request, f"Marked as done for {task.person.full_name}.")
    return redirect("/#things-to-do")
