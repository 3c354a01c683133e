"""Sign-off: append-only status rows (the clock is computed from them), approver assignments,
and the first payment or service after approval."""

from django.conf import settings
from django.db import models

from livingplan.budgets.models.budget import Budget, BudgetStatus
from livingplan.budgets.models.lines import SupportLine
from livingplan.core.models import PersonalDataModel
from livingplan.people.models import ForPersonQuerySet, Person


class BudgetStatusChange(PersonalDataModel):
    """One step of sign-off, never edited: who, when, why, at which tier, and the yearly cost then."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=BudgetStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=BudgetStatus.choices)
    tier = models.PositiveSmallIntegerField(default=0)  # 1 or 2 for an approver's decision
    yearly_pence = models.PositiveIntegerField()
    reason = models.TextField(blank=True)
    # A return names the line that needs changing (when it is about one line).
    line = models.ForeignKey(SupportLine, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField()

    objects = ForPersonQuerySet["BudgetStatusChange"].as_manager()

    class Meta:
        ordering = ["changed_at", "pk"]
        indexes = [models.Index(fields=["to_status", "changed_at"], name="budget_change_status_at")]

    def __str__(self) -> str:
        return f"{self.budget_id}: {self.from_status or 'new'} -> {self.to_status}"


class Level(models.TextChoices):
    TEAM_MANAGER = "TEAM_MANAGER", "Team manager"
    SENIOR_MANAGER = "SENIOR_MANAGER", "Senior manager"
    PANEL = "PANEL", "Funding panel"


class ApproverLevel(models.Model):
    """At which level a member of staff with the approver role signs off budgets, in an organisation.
    The money each level may approve is a setting (`BUDGET_APPROVAL_LIMITS`), not a row."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    level = models.CharField(max_length=20, choices=Level.choices)

    class Meta:
        ordering = ["organisation", "level"]
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="approver_level_once")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.level}"


class ApproverAssignment(PersonalDataModel):
    """Who is asked to decide, at which tier; the latest row for a tier is the one that counts."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="assignments")
    tier = models.PositiveSmallIntegerField()
    approver = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["ApproverAssignment"].as_manager()

    class Meta:
        ordering = ["assigned_at", "pk"]

    def __str__(self) -> str:
        return f"{self.budget_id} tier {self.tier}: {self.approver_id}"


class StartKind(models.TextChoices):
    PAYMENT = "PAYMENT", "First payment made"
    SERVICE = "SERVICE", "First service started"


class FirstPayment(PersonalDataModel):
    """When the money first reached the person or the support first started, as finance or the
    provider confirms it: the clock after approval stops here."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    budget = models.OneToOneField(Budget, on_delete=models.CASCADE, related_name="first_payment")
    kind = models.CharField(max_length=10, choices=StartKind.choices)
    happened_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["FirstPayment"].as_manager()

    def __str__(self) -> str:
        return f"{self.budget_id} {self.kind} {self.happened_on}"
