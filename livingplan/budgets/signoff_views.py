"""Thin views for sign-off and after it: send for sign-off, ask an approver, decide, pause a line,
record the first payment. The same guards as drafting (`views.person_for`); one service each."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.budgets import forms as budget_forms
from livingplan.budgets import rules, services
from livingplan.budgets.models import PAUSABLE, WAITING, Budget, Level, SupportLine
from livingplan.budgets.presenters.page import budget_page, current_budget
from livingplan.budgets.presenters.people import approvers
from livingplan.budgets.views import Spec, drafting, page, person_for
from livingplan.people.models import Person

SUBMIT = Spec(
    "Send the budget for sign-off",
    "Send for sign-off",
    "Sent for sign-off",
    lead="The Care Act checks run again when you send it. A manager will sign it off, and the person is told.",
)
ASSIGN = Spec(
    "Ask someone to decide",
    "Ask them to decide",
    "Approver asked",
    lead=(
        "Nobody who drafted or sent this budget can decide it. Their approval limit is checked now and again "
        "when they decide; at the first tier, a budget over their limit goes on to the second."
    ),
)
PAUSE = Spec(
    "Pause support",
    "Pause the support",
    "Support paused",
    lead=(
        "The support stays in the budget that was signed off; what is being spent now leaves it out. "
        "The person is told."
    ),
)
DECIDE = Spec("Decide", "Record the decision", "Decision recorded", template="budgets/decide.jinja")
PANEL = Spec("The funding panel's decision", "Record the panel's decision", "Panel's decision recorded")
FIRST_PAYMENT = Spec("Record the first payment or service", "Record it", "Recorded")


@login_required
def submit(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person, found = drafting(request, person_pk)
    form = budget_forms.SubmitForm(request.POST or None)

    def save(data: dict[str, Any]) -> object:
        return services.submit_budget(found, by=request.user, note=data["note"], audit=request.audit)

    return page(request, form, person=person, spec=SUBMIT, save=save)


def _waiting(request: AuthenticatedRequest, person: Person) -> Budget:
    found = current_budget(person, request.user)
    if found is None or found.status not in WAITING:
        raise Http404
    return found


@login_required
def assign(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)
    if not (rules.can_draft(request.user, person) or rules.can_decide(request.user, person)):
        raise PermissionDenied
    found = _waiting(request, person)
    choices = approvers(person)
    form = budget_forms.AssignForm(request.POST or None, approvers=[(pk, label) for pk, (_, label) in choices.items()])

    def save(data: dict[str, Any]) -> object:
        approver = choices[data["approver"]][0]
        return services.assign_approver(found, by=request.user, approver=approver, audit=request.audit)

    return page(request, form, person=person, spec=ASSIGN, save=save)


@login_required
def decide(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)
    if not rules.can_decide(request.user, person):
        raise PermissionDenied
    shown = budget_page(person, request.user)
    found = shown["budget"]
    if found is None or not shown["is_waiting"]:
        raise Http404
    lines = [(str(line["id"]), line["what"]) for line in shown["lines"]]
    form = budget_forms.DecideForm(request.POST or None, lines=lines, initial={"revision": found.revision})

    def save(data: dict[str, Any]) -> object:
        return services.decide_budget(
            found,
            by=request.user,
            decision=data["decision"],
            revision=data["revision"],
            reason=data["reason"],
            line_id=int(data["line"]) if data["line"] else None,
            audit=request.audit,
        )

    spec = Spec(
        f"Decide {person.full_name}'s budget",
        "Record the decision",
        "Decision recorded",
        template="budgets/decide.jinja",
    )
    return page(request, form, person=person, spec=spec, save=save, back=reverse("budgets_staff:queue"), context=shown)


@login_required
def panel(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    """A panel member records the funding panel's decision, with who was present."""
    person = person_for(request, person_pk)
    if rules.approver_level(request.user, person) != Level.PANEL:
        raise PermissionDenied
    shown = budget_page(person, request.user)
    found = shown["budget"]
    if found is None or not shown["for_panel"]:
        raise Http404
    choices = approvers(person)
    lines = [(str(line["id"]), line["what"]) for line in shown["lines"]]
    members = [(pk, label) for pk, (_, label) in choices.items() if pk != str(request.user.pk)]
    form = budget_forms.PanelForm(
        request.POST or None, lines=lines, members=members, initial={"revision": found.revision}
    )

    def save(data: dict[str, Any]) -> object:
        outcome = services.PanelOutcome(
            decision=data["decision"],
            met_on=data["met_on"],
            reason=data["reason"],
            line_id=int(data["line"]) if data["line"] else None,
        )
        present = [choices[pk][0] for pk in data["members"]]
        return services.record_panel_decision(
            found, by=request.user, members=present, outcome=outcome, revision=data["revision"], audit=request.audit
        )

    spec = Spec(
        f"The funding panel's decision on {person.full_name}'s budget",
        "Record the panel's decision",
        "Panel's decision recorded",
        template=DECIDE.template,
    )
    return page(request, form, person=person, spec=spec, save=save, back=reverse("budgets_staff:queue"), context=shown)


@login_required
def pause(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    person, found = drafting(request, person_pk)
    if found.status not in PAUSABLE:
        raise Http404
    line = get_object_or_404(SupportLine.objects.visible_to(request.user).current(), budget=found, pk=pk)
    form = budget_forms.PauseForm(request.POST or None)

    def save(data: dict[str, Any]) -> object:
        return services.suspend_line(
            line, by=request.user, from_on=data["from_on"], reason=data["reason"], audit=request.audit
        )

    spec = Spec(f"Pause: {line.what}", PAUSE.button, PAUSE.done, lead=PAUSE.lead)
    return page(request, form, person=person, spec=spec, save=save)


@login_required
def first_payment(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)
    found = current_budget(person, request.user)
    if found is None:
        raise Http404
    if not rules.can_record_start(request.user, found):
        raise PermissionDenied
    form = budget_forms.FirstPaymentForm(request.POST or None)

    def save(data: dict[str, Any]) -> object:
        return services.record_first_payment(
            found, by=request.user, kind=data["kind"], happened_on=data["happened_on"], audit=request.audit
        )

    return page(request, form, person=person, spec=FIRST_PAYMENT, save=save)
