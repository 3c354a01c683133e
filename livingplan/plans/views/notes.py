"""Notes between reviews (ADR-024): added in any status of the plan, read by whoever sees the
plan's REVIEW group. A part not shared with the viewer does not exist for them (404)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.plans import notes, rules
from livingplan.plans.forms import NoteForm
from livingplan.plans.models import PlanNote
from livingplan.plans.views._load import plan_for, require_group
from livingplan.plans.views.edit import _form_page


@login_required
@require_safe
def notes_page(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    plan = plan_for(request, person_pk)
    require_group(request, plan, notes.NOTES)
    context = {
        "person": plan.person,
        "plan": plan,
        "notes": notes.note_rows(plan, request.user),
        "is_self": rules.is_the_person(request.user, plan.person),
        "can_contribute": rules.can_contribute(request.user, plan.person),
    }
    return render(request, "plans/notes.jinja", context)


@login_required
def add_note(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    plan = plan_for(request, person_pk)
    require_group(request, plan, notes.NOTES)
    if not rules.can_contribute(request.user, plan.person):
        raise PermissionDenied
    form = NoteForm(request.POST or None, for_self=rules.is_the_person(request.user, plan.person))

    def save(data: dict[str, Any]) -> PlanNote:
        return notes.add_note(
            plan, by=request.user, text=data["text"], asks_for_review=data["asks_for_review"], audit=request.audit
        )

    asked = request.POST.get("asks_for_review") == "on"
    done = "Your note has been added." + (" Your coordinator will be told and will get back to you." if asked else "")
    return _form_page(request, plan, form, title="Add a note", save=save, done=done)
