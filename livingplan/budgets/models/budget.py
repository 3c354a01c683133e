"""The personal budget of a plan: indicative then agreed amount, who funds it and how it is spent.

Money is integer pence everywhere (`*_pence`), shown as pounds by `money.pounds`. Every table
carries `person_id` and reads through `visible_to(viewer)`, visible exactly when the person is.
The sign-off status on `Budget` is a cache of the latest `BudgetStatusChange` row (the append-only
truth), kept so that two approvers can race on one conditional update (`services/decisions.py`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from livingplan.core.models import PersonalDataModel
from livingplan.people.models import ForPersonQuerySet, Person
from livingplan.plans.models import Plan


class BudgetStatus(models.TextChoices):
    DRAFTED = "DRAFTED", "Being drafted"
    SUBMITTED = "SUBMITTED", "Waiting for sign-off"
    RETURNED = "RETURNED", "Returned for changes"
    RESUBMITTED = "RESUBMITTED", "Waiting for sign-off again"
    SECOND_TIER = "SECOND_TIER", "Waiting for a senior manager"
    APPROVED = "APPROVED", "Approved"
    DECLINED = "DECLINED", "Not approved"


# What may follow what (declared transitions). Approved and declined are final: a change of
# package is a new budget, so its history and its clock are its own.
TRANSITIONS: dict[str, frozenset[str]] = {
    BudgetStatus.DRAFTED: frozenset({BudgetStatus.SUBMITTED}),
    BudgetStatus.SUBMITTED: frozenset(
        {BudgetStatus.RETURNED, BudgetStatus.SECOND_TIER, BudgetStatus.APPROVED, BudgetStatus.DECLINED}
    ),
    BudgetStatus.RETURNED: frozenset({BudgetStatus.RESUBMITTED}),
    BudgetStatus.RESUBMITTED: frozenset(
        {BudgetStatus.RETURNED, BudgetStatus.SECOND_TIER, BudgetStatus.APPROVED, BudgetStatus.DECLINED}
    ),
    BudgetStatus.SECOND_TIER: frozenset({BudgetStatus.RETURNED, BudgetStatus.APPROVED, BudgetStatus.DECLINED}),
    BudgetStatus.APPROVED: frozenset(),
    BudgetStatus.DECLINED: frozenset(),
}
WAITING = (BudgetStatus.SUBMITTED, BudgetStatus.RESUBMITTED, BudgetStatus.SECOND_TIER)
EDITABLE = (BudgetStatus.DRAFTED, BudgetStatus.RETURNED)
DECIDED = (BudgetStatus.APPROVED, BudgetStatus.DECLINED)
# Support may be paused while drafting or once approved, never under an approver's eyes.
PAUSABLE = (BudgetStatus.DRAFTED, BudgetStatus.RETURNED, BudgetStatus.APPROVED)


class Deployment(models.TextChoices):
    DIRECT_PAYMENT = "DIRECT_PAYMENT", "Direct payment"
    ISF = "ISF", "Individual service fund"
    COUNCIL_MANAGED = "COUNCIL_MANAGED", "Managed by the council"


class BudgetQuerySet(ForPersonQuerySet["Budget"]):
    def waiting(self) -> "BudgetQuerySet":
        return self.filter(status__in=WAITING)


class Budget(PersonalDataModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="budgets")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="budgets")
    indicative_pence = models.PositiveIntegerField()
    indicative_basis = models.TextField()  # how the indicative amount was worked out
    agreed_pence = models.PositiveIntegerField(null=True, blank=True)
    # The yearly cost of the package this one replaces: an increase may need the second tier.
    previous_yearly_pence = models.PositiveIntegerField(null=True, blank=True)
    contribution_pence = models.PositiveIntegerField(default=0)  # the person's assessed yearly contribution
    advice_given = models.TextField(blank=True)  # advice and information given (Care Act)
    person_involvement = models.TextField(blank=True)  # how the person was involved in the plan and budget
    status = models.CharField(max_length=20, choices=BudgetStatus.choices, default=BudgetStatus.DRAFTED)
    # Bumped by every change: a decision made on an older page is stale and refused.
    revision = models.PositiveIntegerField(default=1)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BudgetQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="budget_status_created")]

    def __str__(self) -> str:
        return f"Budget {self.pk} for {self.person_id}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE


class FundingKind(models.TextChoices):
    COUNCIL = "COUNCIL", "Council social care (Care Act personal budget)"
    PHB_NOTIONAL = "PHB_NOTIONAL", "NHS personal health budget, held by the NHS (notional)"
    PHB_THIRD_PARTY = "PHB_THIRD_PARTY", "NHS personal health budget, held by a third party"
    PHB_DIRECT = "PHB_DIRECT", "NHS personal health budget, as a direct payment"
    CHC = "CHC", "NHS continuing healthcare"
    S117 = "S117", "Aftercare under section 117 of the Mental Health Act"


# Funding the person never contributes to: NHS care is free at the point of use, and s.117
# aftercare may not be charged for.
NO_CHARGE = frozenset(
    {FundingKind.PHB_NOTIONAL, FundingKind.PHB_THIRD_PARTY, FundingKind.PHB_DIRECT, FundingKind.CHC, FundingKind.S117}
)


class FundingSource(PersonalDataModel):
    """One funder's yearly share; several make a joint, integrated budget."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="funding")
    kind = models.CharField(max_length=20, choices=FundingKind.choices)
    yearly_pence = models.PositiveIntegerField()
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["FundingSource"].as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["budget", "kind"], name="budget_funding_kind_once")]

    def __str__(self) -> str:
        return f"{self.kind} {self.yearly_pence}"


class DeploymentRoute(PersonalDataModel):
    """How part of the money is spent; more than one route is a mixed deployment."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="routes")
    route = models.CharField(max_length=20, choices=Deployment.choices)
    yearly_pence = models.PositiveIntegerField()
    # For a direct payment: who manages it and the needs it meets.
    managed_by = models.CharField(max_length=200, blank=True)
    needs_met = models.TextField(blank=True)
    payment_frequency = models.CharField(max_length=40, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["DeploymentRoute"].as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "route"], name="budget_route_once"),
            models.CheckConstraint(
                condition=~Q(route=Deployment.DIRECT_PAYMENT) | ~Q(managed_by=""),
                name="direct_payment_has_manager",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.route} {self.yearly_pence}"
