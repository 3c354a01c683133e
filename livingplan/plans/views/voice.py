"""The person's own voice (ADR-025): deciding a suggestion, changing or withdrawing words with
their history, and choosing who may write for the person. Thin: load, check, one verb, redirect."""

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.accounts.models import User
from livingplan.plans import rules, services, voice
from livingplan.plans.forms import DecisionForm, RevisionForm, WordsForm, WriterForm
from livingplan.plans.models import Outcome, Plan, Statement, StatementStatus, WritesForPerson
from livingplan.plans.presenters.voice import Viewer, history, roles, voice_line
from livingplan.plans.sections import SECTION_GROUP, Section, SharingGroup
from livingplan.plans.views._load import person_for, plan_for, require_group
from livingplan.plans.views.edit import _form_page

ITEMS: dict[str, type[Statement] | type[Outcome]] = {"statement": Statement, "outcome": Outcome}


def _item(request: AuthenticatedRequest, plan: Plan, item: str, item_pk: int) -> tuple[voice.Words, Viewer]:
    """The statement or outcome, if the viewer may see it: its part of the plan is shared with them,
    and a suggestion is theirs or they are someone who sees every suggestion. Otherwise a 404."""
    if item not in ITEMS:
        raise Http404
    found = ITEMS[item].objects.visible_to(request.user).filter(plan=plan).select_related("contributed_by")
    obj = cast(voice.Words, get_object_or_404(found, pk=item_pk))
    require_group(request, plan, SECTION_GROUP[obj.section] if isinstance(obj, Statement) else SharingGroup.OUTCOMES)
    viewer = Viewer.of(request.user, plan.person)
    waiting = obj.status in (StatementStatus.PROPOSED, StatementStatus.DECLINED)
    if waiting and not (viewer.sees_suggestions or obj.contributed_by_id == request.user.pk):
        raise Http404
    return obj, viewer


def _where(obj: voice.Words) -> str:
    return Section(obj.section).label if isinstance(obj, Statement) else "Outcome"


def _quote(obj: voice.Words, plan: Plan, viewer: Viewer) -> dict[str, str]:
    line = voice_line(obj, person=plan.person, viewer=viewer, roles=roles(plan.person))
    return {"quote": obj.text, "quote_by": line, "caption": _where(obj)}


@login_required
def suggestion(request: AuthenticatedRequest, person_pk: int, item: str, item_pk: int) -> HttpResponse:
    """Accept or decline one suggestion for the person's own-voice sections or outcomes."""
    plan = plan_for(request, person_pk)
    obj, viewer = _item(request, plan, item, item_pk)
    if obj.status != StatementStatus.PROPOSED:
        raise Http404
    if not viewer.may_decide:
        raise PermissionDenied("Only the person, or someone with authority to decide for them, can accept it.")
    form = DecisionForm(request.POST or None, initial={"revision": plan.revision})
    decide = services.decide_statement if isinstance(obj, Statement) else voice.decide_outcome

    def save(data: dict[str, Any]) -> Any:
        accept = data["decision"] == "accept"
        return decide(obj, by=request.user, accept=accept, expected_revision=data["revision"], audit=request.audit)  # type: ignore[arg-type]

    accepted = request.POST.get("decision") == "accept"
    return _form_page(
        request,
        plan,
        form,
        title="A suggestion for your plan"
        if viewer.is_person
        else f"A suggestion for {plan.person.name_to_use}'s plan",
        save=save,
        done="Added to your plan." if accepted else "Suggestion not added.",
        context=_quote(obj, plan, viewer),
    )


def _changeable(
    request: AuthenticatedRequest, person_pk: int, item: str, item_pk: int
) -> tuple[Plan, voice.Words, Viewer]:
    plan = plan_for(request, person_pk)
    obj, viewer = _item(request, plan, item, item_pk)
    if not voice.may_change_words(request.user, plan.person, obj):
        raise PermissionDenied("Only the person, or whoever wrote these words, can change them.")
    return plan, obj, viewer


@login_required
def change_words(request: AuthenticatedRequest, person_pk: int, item: str, item_pk: int) -> HttpResponse:
    plan, obj, viewer = _changeable(request, person_pk, item, item_pk)
    form = WordsForm(request.POST or None, initial={"revision": plan.revision, "text": obj.text})

    def save(data: dict[str, Any]) -> Any:
        return voice.edit_words(
            obj, by=request.user, text=data["text"], expected_revision=data["revision"], audit=request.audit
        )

    context = {**_quote(obj, plan, viewer), "quote": "", "history_url": _history_url(plan, item, obj)}
    return _form_page(
        request, plan, form, title="Change the words", save=save, done="Your change is saved.", context=context
    )


@login_required
def withdraw_words(request: AuthenticatedRequest, person_pk: int, item: str, item_pk: int) -> HttpResponse:
    plan, obj, viewer = _changeable(request, person_pk, item, item_pk)
    form = RevisionForm(request.POST or None, initial={"revision": plan.revision})

    def save(data: dict[str, Any]) -> Any:
        return voice.withdraw_words(obj, by=request.user, expected_revision=data["revision"], audit=request.audit)

    context = {
        **_quote(obj, plan, viewer),
        "lead": "It will no longer be in the plan. The words stay in its history, with who wrote them.",
        "button_text": "Take it out of the plan",
    }
    return _form_page(
        request,
        plan,
        form,
        title="Take this out of the plan?",
        save=save,
        done="Taken out of the plan.",
        context=context,
    )


def _history_url(plan: Plan, item: str, obj: voice.Words) -> str:
    return reverse("plans:word-history", args=[plan.person_id, item, obj.pk])


@login_required
@require_safe
def word_history(request: AuthenticatedRequest, person_pk: int, item: str, item_pk: int) -> HttpResponse:
    """Every earlier version of an item's words, with who wrote and who changed them."""
    plan = plan_for(request, person_pk)
    obj, viewer = _item(request, plan, item, item_pk)
    context = {
        "person": plan.person,
        "plan": plan,
        "item": obj,
        "where": _where(obj),
        "first_by": voice_line(obj, person=plan.person, viewer=viewer, roles=roles(plan.person)),
        "edits": history(plan, voice.about(obj)),
        "viewer": viewer,
        "is_withdrawn": obj.status == voice.WITHDRAWN,
    }
    return render(request, "plans/word_history.jinja", context)


def _writers_person(request: AuthenticatedRequest, person_pk: int) -> Any:
    person = person_for(request, person_pk)
    if not rules.may_decide_suggestions(request.user, person):
        raise Http404  # like the sharing page: only who decides has it
    return person


@login_required
def writers(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    """Who may write straight into the person's own-voice sections, and choosing someone new."""
    person = _writers_person(request, person_pk)
    current = list(
        WritesForPerson.objects.visible_to(request.user)
        .filter(person=person, ended_at__isnull=True)
        .select_related("supporter", "granted_by")
    )
    possible = voice.possible_writers(person)
    named = {g.supporter_id for g in current}
    form = WriterForm(request.POST if request.method == "POST" else None)
    supporter = cast(forms.ChoiceField, form.fields["supporter"])
    supporter.choices = [(str(pk), label) for pk, label in possible.items() if pk not in named]
    if request.method == "POST" and form.is_valid():
        chosen = User.objects.get(pk=int(form.cleaned_data["supporter"]))
        try:
            voice.name_writer(person, by=request.user, supporter=chosen, audit=request.audit)
        except ValidationError as error:
            form.add_error("supporter", error.messages[0])
        else:
            messages.success(request, f"{chosen.display_name} can now write in the plan for {person.name_to_use}.")
            return redirect("plans:writers", person_pk=person.pk)
    context = {
        "person": person,
        "form": form,
        "current": [(g, possible.get(g.supporter_id, g.supporter.display_name)) for g in current],
        "is_self": rules.is_the_person(request.user, person),
    }
    return render(request, "plans/writers.jinja", context, status=400 if form.errors else 200)


@login_required
@require_POST
def end_writer(request: AuthenticatedRequest, person_pk: int, grant_pk: int) -> HttpResponse:
    person = _writers_person(request, person_pk)
    grant = get_object_or_404(
        WritesForPerson.objects.visible_to(request.user).filter(person=person, ended_at__isnull=True), pk=grant_pk
    )
    voice.end_writer(grant, by=request.user, audit=request.audit)
    messages.success(request, f"{grant.supporter.display_name}'s words will be suggestions from now on.")
    return redirect("plans:writers", person_pk=person.pk)
