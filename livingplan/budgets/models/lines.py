"""Costed support lines, each linked to the outcomes it serves, versioned by date.

A change never edits a line: it ends the old one (`ended_on`) and starts a new one that
`replaces` it, so what was paid for when stays true. Suspending is a row too.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from livingplan.budgets.models.budget import Budget
from livingplan.core.models import PersonalDataModel
from livingplan.people.models import ForPersonQuerySet, Person
from livingplan.plans.models import Outcome

WEEKS_A_YEAR = 52


class Unit(models.TextChoices):
    HOUR = "HOUR", "An hour"
    WEEK = "WEEK", "A week"
    ONE_OFF = "ONE_OFF", "One-off"


class LineQuerySet(ForPersonQuerySet["SupportLine"]):
    def current(self, on: dt.date | None = None) -> "LineQuerySet":
        """Lines in force on a day (today's lines when `on` is None): started, not ended."""
        if on is None:
            return self.filter(ended_on__isnull=True)
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on), starts_on__lte=on)


class SupportLine(PersonalDataModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="lines")
    what = models.CharField(max_length=200)
    provider = models.CharField(max_length=200)
    unit = models.CharField(max_length=10, choices=Unit.choices)
    unit_cost_pence = models.PositiveIntegerField()
    # How many units: a week for hours and weeks, in all for a one-off.
    quantity = models.PositiveIntegerField()
    starts_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    replaces = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by")
    outcomes: "models.ManyToManyField[Outcome, LineOutcome]" = models.ManyToManyField(
        Outcome, through="LineOutcome", related_name="+"
    )
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    objects = LineQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("starts_on")),
                name="support_line_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.what

    @property
    def weekly_pence(self) -> int:
        return 0 if self.unit == Unit.ONE_OFF else self.unit_cost_pence * self.quantity

    @property
    def yearly_pence(self) -> int:
        if self.unit == Unit.ONE_OFF:
            return self.unit_cost_pence * self.quantity
        return self.weekly_pence * WEEKS_A_YEAR


class LineOutcome(PersonalDataModel):
    """Which outcome a line serves (a table of its own so it carries `person_id`)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    line = models.ForeignKey(SupportLine, on_delete=models.CASCADE, related_name="outcome_links")
    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="+")

    objects = ForPersonQuerySet["LineOutcome"].as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["line", "outcome"], name="line_outcome_once")]

    def __str__(self) -> str:
        return f"{self.line_id} -> {self.outcome_id}"


class LineSuspension(PersonalDataModel):
    """A line paused from a day (a stay in hospital), until it is resumed."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    line = models.ForeignKey(SupportLine, on_delete=models.CASCADE, related_name="suspensions")
    from_on = models.DateField()
    resumed_on = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=500)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["LineSuspension"].as_manager()

    class Meta:
        ordering = ["from_on", "pk"]

    def __str__(self) -> str:
        return f"{self.line_id} suspended from {self.from_on}"
