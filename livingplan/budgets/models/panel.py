"""A funding panel deciding a budget together at the second tier: the decision is recorded once,
as the status row it made, with who was present. Never edited (ADR-042)."""

from django.conf import settings
from django.db import models

from livingplan.budgets.models.budget import Budget
from livingplan.budgets.models.signoff import BudgetStatusChange
from livingplan.core.models import PersonalDataModel
from livingplan.people.models import ForPersonQuerySet, Person


class PanelDecision(PersonalDataModel):
    """The panel's decision: one per status row it made, so a step is never decided twice."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="panel_decisions")
    status_change = models.OneToOneField(BudgetStatusChange, on_delete=models.PROTECT, related_name="panel_decision")
    met_on = models.DateField()  # the day the panel met
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["PanelDecision"].as_manager()

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"Panel on {self.budget_id}, {self.met_on}"


class PanelMember(PersonalDataModel):
    """Someone present when the panel decided (the one who recorded it is always one of them)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    decision = models.ForeignKey(PanelDecision, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ForPersonQuerySet["PanelMember"].as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["decision", "user"], name="panel_member_once")]

    def __str__(self) -> str:
        return f"{self.decision_id}: {self.user_id}"
