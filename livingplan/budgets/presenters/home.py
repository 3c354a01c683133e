"""What the home pages say about budgets: the person's budget and where sign-off is up to; for an
approver, how many budgets are waiting (each read through `visible_to`)."""

from typing import Any

from django.urls import reverse

from livingplan.budgets.models import ApproverLevel, Budget
from livingplan.budgets.money import pounds
from livingplan.core.viewer import Viewer
from livingplan.people.models import Person


def for_person(person: Person, viewer: Viewer) -> dict[str, Any] | None:
    budget = Budget.objects.visible_to(viewer).filter(person=person).first()
    if budget is None:
        return None
    amount = budget.agreed_pence if budget.agreed_pence is not None else budget.indicative_pence
    return {
        "status": budget.get_status_display(),
        "amount": pounds(amount),
        "url": reverse("budgets:budget", args=[person.pk]),
    }


def waiting_for(viewer: Viewer) -> int | None:
    """How many budgets wait for sign-off where `viewer` approves; None for someone who does not."""
    organisations = ApproverLevel.objects.filter(user_id=viewer.pk or 0).values("organisation_id")
    if not organisations.exists():
        return None
    return Budget.objects.visible_to(viewer).waiting().filter(person__lead_organisation_id__in=organisations).count()
