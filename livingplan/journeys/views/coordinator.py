"""Choosing a coordinator, suggesting one, asking to change, and answering: thin, one verb each."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.core.formpage import form_page
from livingplan.journeys.forms import AnswerRequestForm, AskToChangeForm, ChooseCoordinatorForm
from livingplan.journeys.presenters.coordinator import CoordinatorPage, team_choices, team_member
from livingplan.journeys.views._load import person_for
from livingplan.people import services as people
from livingplan.people.models import CoordinatorChangeRequest, Person


def _posted(request: AuthenticatedRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _page_url(person: Person) -> str:
    return reverse("journeys:coordinator", args=[person.pk])


@login_required
def coordinator(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    """The page, and (for the person, before they have chosen) the choice itself."""
    person = person_for(request, person_pk)
    page = CoordinatorPage.build(request.user, person)
    if request.method == "POST" and not page.may_choose:
        raise PermissionDenied
    form = ChooseCoordinatorForm(_posted(request), team=team_choices(request.user, person))

    def save(data: dict[str, Any]) -> object:
        member = team_member(request.user, person, data["member"])
        assert member is not None  # a required choice among the team read as this user
        return people.choose_coordinator(person, by=request.user, member=member, audit=request.audit)

    return form_page(
        request,
        form,
        template="journeys/coordinator.jinja",
        save=save,
        success_url=_page_url(person),
        success_message="Your choice of coordinator is saved." if page.is_self else "The choice is saved.",
        context={"person": person, "page": page},
    )


@login_required
def suggest(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)
    if not CoordinatorPage.build(request.user, person).may_suggest:
        raise PermissionDenied
    label = f"Who would you suggest as {person.name_to_use}'s coordinator?"
    form = ChooseCoordinatorForm(_posted(request), team=team_choices(request.user, person), label=label)

    def save(data: dict[str, Any]) -> object:
        member = team_member(request.user, person, data["member"])
        assert member is not None
        return people.suggest_coordinator(person, by=request.user, member=member, audit=request.audit)

    return form_page(
        request,
        form,
        template="journeys/form.jinja",
        save=save,
        success_url=_page_url(person),
        success_message=f"Your suggestion is saved. {person.name_to_use} will see it when they choose.",
        context={"person": person, "title": "Suggest a coordinator", "intro": ""},
    )


@login_required
def ask_to_change(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)
    if not CoordinatorPage.build(request.user, person).may_ask_to_change:
        raise PermissionDenied
    form = AskToChangeForm(_posted(request), team=team_choices(request.user, person, but_not_coordinator=True))

    def save(data: dict[str, Any]) -> object:
        wanted = team_member(request.user, person, data["wanted"])
        return people.ask_to_change_coordinator(
            person, by=request.user, wanted=wanted, reason=data["reason"], audit=request.audit
        )

    return form_page(
        request,
        form,
        template="journeys/form.jinja",
        save=save,
        success_url=_page_url(person),
        success_message="You have asked to change your coordinator. You will see the answer here.",
        context={"person": person, "title": "Ask to change your coordinator", "intro": ""},
    )


@login_required
def answer(request: AuthenticatedRequest, person_pk: int, request_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)
    asked = get_object_or_404(
        CoordinatorChangeRequest.objects.visible_to(request.user).filter(person=person, answer__isnull=True),
        pk=request_pk,
    )
    if not people.may_speak_for_the_team(request.user, person):
        raise PermissionDenied
    form = AnswerRequestForm(_posted(request), team=team_choices(request.user, person, but_not_coordinator=True))

    def save(data: dict[str, Any]) -> object:
        return people.answer_coordinator_request(
            asked,
            by=request.user,
            accept=data["decision"] == "ACCEPT",
            new_member=team_member(request.user, person, data["new_member"]),
            reason=data["reason"],
            audit=request.audit,
        )

    page = CoordinatorPage.build(request.user, person)
    return form_page(
        request,
        form,
        template="journeys/form.jinja",
        save=save,
        success_url=_page_url(person),
        success_message="Your answer is saved. The person can see it.",
        context={
            "person": person,
            "title": f"Answer {person.name_to_use}'s request to change coordinator",
            "intro": page.history[0].words if page.history else "",
        },
    )
