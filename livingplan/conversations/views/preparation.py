"""The person's own preparation, in their portal: answer the prompts, come back later, say when
they have finished, and choose which answers go into their plan. Thin: load through
`visible_to`, check the rule, call one service, redirect. Anyone else gets a 404."""

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.conversations import rules, services
from livingplan.conversations.forms import PreparationForm, PutInPlanForm
from livingplan.conversations.presenters.preparation import PreparationPage, may_read, preparation_page
from livingplan.conversations.views._load import page, person_for, posted
from livingplan.people.models import Person


def _readable(request: AuthenticatedRequest, person_pk: int) -> Person:
    person = person_for(request, person_pk)
    if not may_read(person, request.user):
        raise Http404
    return person


def _preparer(request: AuthenticatedRequest, person_pk: int) -> tuple[Person, PreparationPage]:
    person = person_for(request, person_pk)
    if not rules.may_prepare(request.user, person):
        raise Http404
    return person, preparation_page(person, request.user)


@login_required
@require_safe
def overview(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _readable(request, person_pk)
    return render(request, "conversations/preparation.jinja", {"page": preparation_page(person, request.user)})


@login_required
def answers(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person, shown = _preparer(request, person_pk)
    initial = {row.prompt: row.text for row in shown.rows}
    form = PreparationForm(posted(request), initial=initial)

    def save(data: dict[str, Any]) -> object:
        return services.save_answers(person, by=request.user, answers=data, audit=request.audit)

    return page(
        request,
        form,
        template="conversations/preparation_answers.jinja",
        save=save,
        success_url=reverse("conversations:preparation", args=[person.pk]),
        success_message="Your answers have been saved. You can come back and change them at any time.",
        context={"page": shown},
    )


@login_required
def put_in_plan(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person, shown = _preparer(request, person_pk)
    if not shown.plan_open:
        raise Http404  # the overview says why: no plan yet, or agreed and not being reviewed
    form = PutInPlanForm(posted(request), choices=shown.choices)

    def save(data: dict[str, Any]) -> object:
        return services.put_answers_in_plan(
            person, by=request.user, plan=person.plan, prompts=data["prompts"], audit=request.audit
        )

    return page(
        request,
        form,
        template="conversations/preparation_put_in_plan.jinja",
        save=save,
        success_url=reverse("plans:plan", args=[person.pk]),
        success_message="Your answers are in your plan, in your own words.",
        context={"page": shown},
    )


@login_required
def finish(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person, shown = _preparer(request, person_pk)

    def save(data: dict[str, Any]) -> object:
        services.finish_preparation(person, by=request.user, audit=request.audit)
        return None

    return page(
        request,
        forms.Form(posted(request)),
        template="conversations/preparation_finish.jinja",
        save=save,
        success_url=reverse("conversations:preparation", args=[person.pk]),
        success_message="You have finished preparing. Your care team can now read your answers.",
        context={"page": shown},
    )
