"""Preparation parts 1 and 3: the care team's checklists, results explained, and ready to talk."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.core.formpage import form_page
from livingplan.journeys import checklists, rules, services
from livingplan.journeys.forms import ExplainedForm, PractitionerForm, ProcessForm, ResultForm, checklist_initial
from livingplan.journeys.models import AssessmentResult
from livingplan.journeys.presenters.preparation import PractitionerPage, answers_for
from livingplan.journeys.views._load import person_for
from livingplan.people import rules as people_rules
from livingplan.people.models import Person


def _preparing_person(request: AuthenticatedRequest, person_pk: int) -> Person:
    person = person_for(request, person_pk)
    if not rules.may_prepare(request.user, person):
        raise PermissionDenied
    return person


def _posted(request: AuthenticatedRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _checklist_page(
    request: AuthenticatedRequest, person: Person, form: Any, *, title: str, intro: str, items: tuple[str, ...]
) -> HttpResponse:
    def save(data: dict[str, Any]) -> object:
        return services.answer_checklist(person, by=request.user, audit=request.audit, answers=form.answers())

    context = {"person": person, "title": title, "intro": intro, "back": reverse("journeys:planning", args=[person.pk])}
    if items == checklists.PRACTITIONER_ITEMS:
        context["practitioner"] = PractitionerPage.build(request.user, person)
    return form_page(
        request,
        form,
        template="journeys/checklist.jinja",
        save=save,
        success_url=reverse("journeys:planning", args=[person.pk]),
        success_message=f"{title}: saved.",
        context=context,
    )


@login_required
def process(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _preparing_person(request, person_pk)
    form = ProcessForm(_posted(request), initial=checklist_initial(answers_for(request.user, person)))
    intro = (
        f"Part 1: what {person.name_to_use} needs to know and have in place to take part in planning. "
        "Each answer is kept with who gave it and when."
    )
    return _checklist_page(
        request, person, form, title="Preparing for the process", intro=intro, items=checklists.PROCESS_ITEMS
    )


@login_required
def practitioner(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _preparing_person(request, person_pk)
    form = PractitionerForm(_posted(request), initial=checklist_initial(answers_for(request.user, person)))
    intro = "Part 3: what the care team brings to the conversation, and results explained to the person first."
    return _checklist_page(
        request,
        person,
        form,
        title="The practitioner's preparation",
        intro=intro,
        items=checklists.PRACTITIONER_ITEMS,
    )


@login_required
def add_result(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _preparing_person(request, person_pk)
    form = ResultForm(_posted(request))

    def save(data: dict[str, Any]) -> object:
        return services.add_result(person, by=request.user, audit=request.audit, **data)

    return form_page(
        request,
        form,
        template="journeys/form.jinja",
        save=save,
        success_url=reverse("journeys:practitioner", args=[person.pk]),
        success_message="Result added. Record when it is explained to the person.",
        context={"person": person, "title": "Add a test or assessment result", "intro": ""},
    )


@login_required
def explained(request: AuthenticatedRequest, person_pk: int, result_pk: int) -> HttpResponse:
    """Anyone who may see the person but is not on their care team is refused in words, with nothing saved."""
    person = person_for(request, person_pk)
    result = get_object_or_404(AssessmentResult.objects.visible_to(request.user).filter(person=person), pk=result_pk)
    if not people_rules.is_on_care_team(request.user, person):
        context = {
            "person": person,
            "reason": f"Only someone on {person.name_to_use}'s care team can record that a result was explained "
            f"to {person.pronoun.them}. Nothing has been saved.",
        }
        return render(request, "journeys/refused.jinja", context, status=403)
    form = ExplainedForm(_posted(request))

    def save(data: dict[str, Any]) -> object:
        return services.mark_result_explained(result, by=request.user, audit=request.audit, **data)

    return form_page(
        request,
        form,
        template="journeys/form.jinja",
        save=save,
        success_url=reverse("journeys:practitioner", args=[person.pk]),
        success_message=f"The {result.name} result is recorded as explained.",
        context={
            "person": person,
            "title": f"Record that the {result.name} result was explained",
            "intro": f"You explained the result to {person.name_to_use} yourself, before the planning conversation.",
        },
    )


@login_required
@require_POST
def go_ahead(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)
    if not rules.may_choose_to_go_ahead(request.user, person):
        raise PermissionDenied
    try:
        services.choose_to_go_ahead(person, by=request.user, audit=request.audit)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Recorded: the conversation can go ahead before every result is explained.")
    if people_rules.is_the_person(request.user, person):
        return redirect("journeys:planning", person_pk=person.pk)
    return redirect("journeys:practitioner", person_pk=person.pk)


@login_required
@require_POST
def ready(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _preparing_person(request, person_pk)
    try:
        services.mark_ready_for_conversation(person, by=request.user, audit=request.audit)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("journeys:practitioner", person_pk=person.pk)
    messages.success(request, "The conversation is marked ready.")
    return redirect("journeys:planning", person_pk=person.pk)
