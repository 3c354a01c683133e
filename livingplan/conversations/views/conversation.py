"""The planning conversation: a care-team member records it, part by part, and each thing said
lands in the plan as theirs who said it. Thin: load through `visible_to`, check the rule, call
one service, redirect. Anyone who may not read it gets a 404."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.accounts.models import User
from livingplan.conversations import forms as f
from livingplan.conversations import rules, services
from livingplan.conversations.models import Conversation, Part
from livingplan.conversations.presenters.conversation import (
    conversation_page,
    conversations_for,
    is_the_person,
    may_read,
    people_labels,
)
from livingplan.conversations.views._load import page, person_for, posted
from livingplan.people.models import Person
from livingplan.plans import owners
from livingplan.plans.models import Outcome

FORMS: dict[str, type[f.SaidForm]] = {
    Part.WHAT_MATTERS: f.WhatMattersForm,
    Part.IDEA: f.IdeaForm,
    Part.OUTCOME: f.OutcomeForm,
    Part.NEXT_STEP: f.NextStepForm,
    Part.RISK: f.RiskForm,
    Part.GOING_WELL: f.GoingWellForm,
    Part.REVIEW_TRIGGER: f.ReviewTriggerForm,
}


def _readable(request: AuthenticatedRequest, person_pk: int) -> Person:
    person = person_for(request, person_pk)
    if not may_read(person, request.user):
        raise Http404
    return person


def _recorder(request: AuthenticatedRequest, person_pk: int) -> Person:
    """Someone who reads the conversations but does not record them (the person) gets a 403."""
    person = _readable(request, person_pk)
    if not rules.may_record_conversation(request.user, person):
        raise PermissionDenied
    return person


@login_required
@require_safe
def conversations(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _readable(request, person_pk)
    context = {
        "person": person,
        "rows": conversations_for(person, request.user),
        "may_record": rules.may_record_conversation(request.user, person),
        "is_self": is_the_person(person, request.user),
    }
    return render(request, "conversations/conversations.jinja", context)


@login_required
def start(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _recorder(request, person_pk)
    plan = getattr(person, "plan", None)
    if plan is None:
        raise Http404  # the list page says to start the plan first
    form = f.StartConversationForm(posted(request))
    started: list[Conversation] = []

    def save(data: dict[str, Any]) -> object:
        started.append(
            services.start_conversation(
                person, by=request.user, plan=plan, held_on=data["held_on"], where=data["where"], audit=request.audit
            )
        )
        return started[0]

    response = page(
        request,
        form,
        template="conversations/start.jinja",
        save=save,
        success_url=reverse("conversations:list", args=[person.pk]),
        success_message="Now record what was said, starting with what matters to them.",
        context={"person": person},
    )
    if started:  # go straight to the new record, not the list
        response["Location"] = reverse("conversations:record", args=[person.pk, started[0].pk])
    return response


def _conversation(request: AuthenticatedRequest, person: Person, conversation_pk: int) -> Conversation:
    rows = Conversation.objects.visible_to(request.user).filter(person=person).select_related("plan", "person")
    return get_object_or_404(rows, pk=conversation_pk)


@login_required
@require_safe
def record(request: AuthenticatedRequest, person_pk: int, conversation_pk: int) -> HttpResponse:
    person = _readable(request, person_pk)
    conversation = _conversation(request, person, conversation_pk)
    return render(request, "conversations/record.jinja", {"page": conversation_page(conversation, request.user)})


class Said:
    """One thing said, to record: who wrote it down (with their request's audit context), who said it."""

    def __init__(self, request: AuthenticatedRequest, said_by: User) -> None:
        self.by, self.said_by, self.audit = request.user, said_by, request.audit


def _next_step(c: Conversation, s: Said, d: dict[str, Any], people: dict[int, User]) -> object:
    owner = None if d["owner"] == f.SOMEONE_ELSE else people.get(int(d["owner"]))
    outcome = get_object_or_404(c.plan.outcomes.filter(is_active=True), pk=int(d["outcome"]))
    return services.record_next_step(
        c, by=s.by, said_by=s.said_by, audit=s.audit, outcome=outcome, what=d["what"], owner=owner,
        owner_name=d.get("owner_name") or "", due_on=d["due_on"], layer=d["layer"],
    )  # fmt: skip


def _outcome(c: Conversation, s: Said, d: dict[str, Any], _: dict[int, User]) -> object:
    return services.record_outcome(
        c, by=s.by, said_by=s.said_by, audit=s.audit, text=d["text"], why_it_matters=d["why_it_matters"],
        importance=int(d["importance"]),
    )  # fmt: skip


def _risk(c: Conversation, s: Said, d: dict[str, Any], _: dict[int, User]) -> object:
    return services.record_risk(
        c, by=s.by, said_by=s.said_by, audit=s.audit, what_could_go_wrong=d["what_could_go_wrong"],
        what_we_agree=d["what_we_agree"], persons_view=d["persons_view"],
    )  # fmt: skip


def _idea(c: Conversation, s: Said, d: dict[str, Any], _: dict[int, User]) -> object:
    return services.record_idea(c, by=s.by, said_by=s.said_by, audit=s.audit, text=d["text"], source=d["source"])


def _words(verb: Callable[..., object]) -> Callable[[Conversation, Said, dict[str, Any], dict[int, User]], object]:
    """For the parts that are just words: what matters, how we will know, what triggers a review."""

    def save(c: Conversation, s: Said, d: dict[str, Any], _: dict[int, User]) -> object:
        return verb(c, by=s.by, said_by=s.said_by, audit=s.audit, text=d["text"])

    return save


SAVES: dict[str, Callable[[Conversation, Said, dict[str, Any], dict[int, User]], object]] = {
    Part.WHAT_MATTERS: _words(services.record_what_matters),
    Part.IDEA: _idea,
    Part.OUTCOME: _outcome,
    Part.NEXT_STEP: _next_step,
    Part.RISK: _risk,
    Part.GOING_WELL: _words(services.record_going_well),
    Part.REVIEW_TRIGGER: _words(services.record_review_trigger),
}


@login_required
def add(request: AuthenticatedRequest, person_pk: int, conversation_pk: int, part: str) -> HttpResponse:
    if part not in FORMS:
        raise Http404
    person = _recorder(request, person_pk)
    conversation = _conversation(request, person, conversation_pk)
    labels = people_labels(person)
    people = {possible.user.pk: possible.user for possible in owners.possible_owners(person)}
    form = _form(part, request, labels, conversation)

    def save(data: dict[str, Any]) -> object:
        return SAVES[part](conversation, Said(request, people[int(data["said_by"])]), data, people)

    return page(
        request,
        form,
        template="conversations/add.jinja",
        save=save,
        success_url=reverse("conversations:record", args=[person.pk, conversation.pk]) + f"#{part.lower()}",
        success_message="Added to the conversation and to the plan.",
        context={"person": person, "conversation": conversation, "title": Part(part).label, "part": part},
    )


def _form(part: str, request: AuthenticatedRequest, labels: dict[int, str], c: Conversation) -> forms.Form:
    if part == Part.NEXT_STEP:
        outcomes = [
            (str(o.pk), o.text) for o in Outcome.objects.visible_to(request.user).filter(plan=c.plan, is_active=True)
        ]
        return f.NextStepForm(posted(request), speakers=labels, outcomes=outcomes)
    return FORMS[part](posted(request), speakers=labels)
