"""Writing the plan: one small view per thing a person adds. Each loads through visible_to,
checks the part is shared with the user, calls one service and redirects back to the plan.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.plans import lifecycle, limits, owners, rules, services
from livingplan.plans.forms import (
    SOMEONE_ELSE,
    ActionForm,
    ActionStatusForm,
    DisagreementForm,
    LinkedPlanForm,
    OutcomeForm,
    ProgressForm,
    ReviewArrangementsForm,
    RevisionForm,
    RiskForm,
    StatementForm,
)
from livingplan.plans.models import Action, Layer, Outcome, Plan, Statement
from livingplan.plans.presenters.changes import changes_since
from livingplan.plans.sections import OWN_VOICE_SECTIONS, SECTION_GROUP, Section, SharingGroup
from livingplan.plans.sharing import action_is_shared, groups_visible_to, shared_actions
from livingplan.plans.views._load import plan_for, require_group, stale_edit_page


def _opened_at(request: AuthenticatedRequest) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(request.POST.get("opened_at", ""))
    except ValueError:
        return None


def _form_page(
    request: AuthenticatedRequest,
    plan: Plan,
    form: forms.Form,
    *,
    title: str,
    save: Callable[[dict[str, Any]], Any],
    done: str,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """Show `form`; on a valid POST call `save`; keep the user's words if the plan moved on meanwhile."""
    status = 200
    conflict = False
    revision = plan.revision
    if request.method == "POST":
        if form.is_valid():
            try:
                save(form.cleaned_data)
            except services.StaleEdit as stale:
                # Keep what they typed; the next submit goes against the latest plan, once they have seen it.
                conflict, status, revision = True, 409, stale.plan.revision
            except limits.WriteRateExceeded as error:
                form.add_error(None, error)
                status = 429  # Too Many Requests: what they typed stays in the form
            except ValidationError as error:
                form.add_error(None, error)
                status = 400
            except lifecycle.TransitionNotAllowed as error:
                form.add_error(None, str(error))
                status = 400
            else:
                messages.success(request, done)
                return redirect("plans:plan", person_pk=plan.person_id)
        else:
            status = 400
    opened = _opened_at(request)
    recent = changes_since(plan, opened, groups_visible_to(request.user, plan.person)) if conflict and opened else []
    page = {
        "person": plan.person,
        "plan": plan,
        "form": form,
        "title": title,
        "conflict": conflict,
        # After a stale edit the form moves to the latest revision; otherwise it keeps the one it opened at.
        "revision": revision if conflict or not form.is_bound else form.data.get("revision", revision),
        "opened_at": timezone.now().isoformat(),
        "changes_since": recent,
        "is_self": rules.is_the_person(request.user, plan.person),
        **(context or {}),
    }
    return render(request, "plans/form.jinja", page, status=status)


def _editable_plan(request: AuthenticatedRequest, person_pk: int, group: str) -> Plan:
    plan = plan_for(request, person_pk)
    require_group(request, plan, group)
    if not rules.can_contribute(request.user, plan.person):
        raise PermissionDenied
    return plan


@login_required
def add_statement(request: AuthenticatedRequest, person_pk: int, section: str) -> HttpResponse:
    if section not in Section.values:
        raise Http404
    plan = _editable_plan(request, person_pk, SECTION_GROUP[section])
    form = StatementForm(request.POST or None, initial={"revision": plan.revision})
    if rules.is_the_person(request.user, plan.person):
        del form.fields["in_own_words"]  # the person's words are always their own
    label = Section(section).label
    suggests = section in OWN_VOICE_SECTIONS and not rules.writes_in_own_voice(request.user, plan.person)[0]
    name = plan.person.name_to_use

    def save(data: dict[str, Any]) -> Statement:
        return services.add_statement(
            plan,
            by=request.user,
            section=section,
            text=data["text"],
            in_own_words=data.get("in_own_words", False),
            expected_revision=data["revision"],
            audit=request.audit,
        )

    if suggests:
        # The person's own voice (ADR-025): say before they write that it waits for the person.
        lead = f"This is {name}'s own voice. What you write is a suggestion until {name} accepts it."
        done = f"Your suggestion for '{label}' is waiting for {name} to accept it."
        title = f"Suggest something for: {label}"
        return _form_page(request, plan, form, title=title, save=save, done=done, context={"lead": lead})
    return _form_page(request, plan, form, title=f"Add to: {label}", save=save, done=f"Added to '{label}'.")


@login_required
def add_outcome(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    plan = _editable_plan(request, person_pk, SharingGroup.OUTCOMES)
    form = OutcomeForm(request.POST or None, initial={"revision": plan.revision})  # no answer chosen for them
    if rules.is_the_person(request.user, plan.person):
        del form.fields["in_own_words"]

    def save(data: dict[str, Any]) -> Outcome:
        return services.add_outcome(
            plan,
            by=request.user,
            text=data["text"],
            why_it_matters=data["why_it_matters"],
            importance=int(data["importance"]),
            in_own_words=data.get("in_own_words", False),
            expected_revision=data["revision"],
            audit=request.audit,
        )

    if not rules.writes_in_own_voice(request.user, plan.person)[0]:
        name = plan.person.name_to_use
        lead = f"Outcomes are in {name}'s own words. What you write is a suggestion until {name} accepts it."
        done = f"Your suggested outcome is waiting for {name} to accept it."
        return _form_page(request, plan, form, title="Suggest an outcome", save=save, done=done, context={"lead": lead})
    return _form_page(request, plan, form, title="Add an outcome", save=save, done="Outcome added.")


def _outcome(request: AuthenticatedRequest, plan: Plan, outcome_pk: int) -> Outcome:
    outcomes = Outcome.objects.visible_to(request.user).filter(plan=plan, is_active=True)
    return get_object_or_404(outcomes, pk=outcome_pk)


@login_required
def add_action(request: AuthenticatedRequest, person_pk: int, outcome_pk: int) -> HttpResponse:
    plan = _editable_plan(request, person_pk, SharingGroup.OUTCOMES)
    outcome = _outcome(request, plan, outcome_pk)
    form = ActionForm(request.POST or None, initial={"revision": plan.revision})
    # Nobody adds to a part of the plan they cannot see, such as the personal budget.
    groups = groups_visible_to(request.user, plan.person)
    layer = cast(forms.ChoiceField, form.fields["layer"])
    layer.choices = [(value, label) for value, label in Layer.choices if action_is_shared(value, groups)]
    possible = owners.possible_owners(plan.person)
    people = {str(o.user.pk): o.user for o in possible}
    owner = cast(forms.ChoiceField, form.fields["owner"])
    owner.choices = [*((str(o.user.pk), o.label) for o in possible), (SOMEONE_ELSE, "Someone else")]

    def save(data: dict[str, Any]) -> Action:
        chosen = people.get(data["owner"])
        return services.add_action(
            outcome,
            by=request.user,
            what=data["what"],
            owner=chosen,
            owner_name="" if chosen else data["owner_name"],
            layer=data["layer"],
            due_on=data["due_on"],
            expected_revision=data["revision"],
            audit=request.audit,
        )

    return _form_page(
        request, plan, form, title="Add an action", save=save, done="Action added.", context={"caption": outcome.text}
    )


@login_required
def action_status(request: AuthenticatedRequest, person_pk: int, action_pk: int) -> HttpResponse:
    plan = _editable_plan(request, person_pk, SharingGroup.OUTCOMES)
    groups = groups_visible_to(request.user, plan.person)
    actions = shared_actions(Action.objects.visible_to(request.user).filter(plan=plan), groups)
    action = get_object_or_404(actions, pk=action_pk)
    form = ActionStatusForm(request.POST or None, initial={"revision": plan.revision, "status": action.status})

    def save(data: dict[str, Any]) -> Action:
        return services.set_action_status(
            action, by=request.user, status=data["status"], expected_revision=data["revision"], audit=request.audit
        )

    return _form_page(
        request,
        plan,
        form,
        title="Update an action",
        save=save,
        done="Action updated.",
        context={"caption": action.what},
    )


@login_required
def record_progress(request: AuthenticatedRequest, person_pk: int, outcome_pk: int) -> HttpResponse:
    plan = _editable_plan(request, person_pk, SharingGroup.OUTCOMES)
    outcome = _outcome(request, plan, outcome_pk)
    form = ProgressForm(request.POST or None, initial={"revision": plan.revision})

    def save(data: dict[str, Any]) -> Any:
        return services.record_progress(
            outcome,
            by=request.user,
            score=int(data["score"]),
            on=timezone.localdate(),
            note=data["note"],
            expected_revision=data["revision"],
            audit=request.audit,
        )

    return _form_page(
        request,
        plan,
        form,
        title="How is it going?",
        save=save,
        done="Progress saved.",
        context={"caption": outcome.text},
    )


def _add_page(
    request: AuthenticatedRequest,
    person_pk: int,
    *,
    group: str,
    form_class: type[forms.Form],
    add: Callable[..., Any],
    fields: tuple[str, ...],
    title: str,
    done: str,
) -> HttpResponse:
    """A page that adds one thing to a part of the plan from the form's `fields`, named as the service names them."""
    plan = _editable_plan(request, person_pk, group)
    form = form_class(request.POST or None, initial={"revision": plan.revision})

    def save(data: dict[str, Any]) -> Any:
        values = {name: data[name] for name in fields}
        return add(plan, by=request.user, expected_revision=data["revision"], audit=request.audit, **values)

    return _form_page(request, plan, form, title=title, save=save, done=done)


@login_required
def add_risk(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    return _add_page(
        request,
        person_pk,
        group=SharingGroup.RISKS,
        form_class=RiskForm,
        add=services.add_risk,
        fields=("what_could_go_wrong", "what_we_agree", "decided_by", "persons_view"),
        title="Add a risk and what we agree",
        done="Risk added.",
    )


@login_required
def review_arrangements(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    plan = _editable_plan(request, person_pk, SharingGroup.REVIEW)
    form = ReviewArrangementsForm(
        request.POST or None,
        initial={
            "revision": plan.revision,
            "next_review_on": plan.next_review_on,
            "early_review_triggers": plan.early_review_triggers,
        },
    )

    def save(data: dict[str, Any]) -> Any:
        return services.set_review_arrangements(
            plan,
            by=request.user,
            next_review_on=data["next_review_on"],
            review_lead=plan.review_lead,
            early_review_triggers=data["early_review_triggers"],
            expected_revision=data["revision"],
            audit=request.audit,
        )

    return _form_page(request, plan, form, title="Review arrangements", save=save, done="Review arrangements saved.")


@login_required
def add_linked_plan(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    return _add_page(
        request,
        person_pk,
        group=SharingGroup.LINKED_PLANS,
        form_class=LinkedPlanForm,
        add=services.add_linked_plan,
        fields=("kind", "description", "held_by"),
        title="Link another plan",
        done="Plan linked.",
    )


DISAGREEMENT_TARGETS = {"statement": Statement, "outcome": Outcome, "action": Action}


@login_required
def record_disagreement(request: AuthenticatedRequest, person_pk: int, kind: str, item_pk: int) -> HttpResponse:
    if kind not in DISAGREEMENT_TARGETS:
        raise Http404
    plan = plan_for(request, person_pk)
    item = get_object_or_404(DISAGREEMENT_TARGETS[kind].objects.visible_to(request.user).filter(plan=plan), pk=item_pk)
    group = SECTION_GROUP[item.section] if isinstance(item, Statement) else SharingGroup.OUTCOMES
    groups = require_group(request, plan, group)
    if isinstance(item, Action) and not action_is_shared(item.layer, groups):
        raise Http404
    if not rules.can_contribute(request.user, plan.person):
        raise PermissionDenied
    is_self = rules.is_the_person(request.user, plan.person)
    form = DisagreementForm(request.POST or None, initial={"revision": plan.revision}, is_self=is_self)

    def save(data: dict[str, Any]) -> Any:
        return services.record_disagreement(
            plan,
            by=request.user,
            audit=request.audit,
            expected_revision=data["revision"],
            about=f"{kind}:{item.pk}",
            view=data["view"],
            how_handled=data.get("how_handled", ""),
        )

    return _form_page(
        request,
        plan,
        form,
        title="Record a different view",
        save=save,
        done="Your view is recorded beside it.",
        context={"caption": str(item)},
    )


@login_required
@require_POST
def decide_statement(request: AuthenticatedRequest, person_pk: int, statement_pk: int, decision: str) -> HttpResponse:
    plan = plan_for(request, person_pk)
    statement = get_object_or_404(Statement.objects.visible_to(request.user).filter(plan=plan), pk=statement_pk)
    require_group(request, plan, SECTION_GROUP[statement.section])
    if decision not in ("accept", "decline"):
        raise Http404
    form = RevisionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Reload the page and try again")
        services.decide_statement(
            statement,
            by=request.user,
            accept=decision == "accept",
            expected_revision=form.cleaned_data["revision"],
            audit=request.audit,
        )
    except services.StaleEdit as stale:
        return stale_edit_page(request, stale.plan, back=reverse("plans:about-me", args=[person_pk]))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Added to your profile." if decision == "accept" else "Suggestion declined.")
    return redirect("plans:about-me", person_pk=person_pk)
