"""Agreeing the plan on the person's behalf, when they have been assessed as lacking capacity to agree it."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.accounts.models import User
from livingplan.core.presenters import date_long
from livingplan.people.models import Person
from livingplan.plans import lifecycle, rules, services
from livingplan.plans.forms import AgreeForm, AgreeOnBehalfForm
from livingplan.plans.models import Plan, PlanVersion
from livingplan.plans.views._load import plan_for, stale_edit_page


def agreement_context(user: User, person: Person, plan: Plan) -> dict[str, Any]:
    """What the plan page's agreement block (`plans/_agree.jinja`) needs: one query for both
    decisions, remembered on `person` for this user (`people.capacity.standing`)."""
    agreement = rules.agreement_standing(user, person)
    return {
        "can_agree": agreement.may_decide,
        "agreement": agreement,
        "can_change_sharing": rules.sharing_standing(user, person).may_decide,
        "agree_form": AgreeForm(initial={"revision": plan.revision}),
        "on_behalf_form": AgreeOnBehalfForm(initial={"revision": plan.revision}, name=person.name_to_use),
    }


def agreed_message(version: PlanVersion, person: Person, *, is_self: bool) -> str:
    whose = "your plan" if is_self else f"{person.name_to_use}'s plan on {person.pronoun.their} behalf"
    when = (
        f"It starts on {date_long(version.starts_on)}. Until then, nothing changes."
        if version.starts_on
        else "It is now the plan in force."
    )
    return f"You agreed {whose}. It is saved as version {version.number}. {when}"


@login_required
def agree_on_behalf(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    plan = plan_for(request, person_pk)
    person = plan.person
    agreement = rules.agreement_standing(request.user, person)
    if not agreement.on_behalf:
        raise PermissionDenied  # they can see the plan, but this decision is not theirs to make
    back = redirect("plans:plan", person_pk=person.pk)
    if plan.status not in lifecycle.TRANSITIONS["agree"].sources:
        messages.error(request, f"{person.name_to_use}'s plan is not ready to be agreed.")
        return back
    posted = request.POST if request.method == "POST" else None
    form = AgreeOnBehalfForm(posted, initial={"revision": plan.revision}, name=person.name_to_use)
    status = 200
    if posted is not None:
        if form.is_valid():
            try:
                version = services.agree_plan(
                    plan,
                    by=request.user,
                    expected_revision=form.cleaned_data["revision"],
                    summary=form.cleaned_data["summary"],
                    best_interests_note=form.cleaned_data["best_interests_note"],
                    starts_on=form.cleaned_data["starts_on"],
                    audit=request.audit,
                )
            except services.StaleEdit as stale:
                return stale_edit_page(request, stale.plan)
            except lifecycle.TransitionNotAllowed as error:
                messages.error(request, str(error))
                return back
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, agreed_message(version, person, is_self=False))
                return back
        status = 400
    context = {"person": person, "plan": plan, "form": form, "agreement": agreement}
    return render(request, "plans/agree_on_behalf.jinja", context, status=status)
