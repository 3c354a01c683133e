"""What the plan says: statements, outcomes and their progress, actions, risks, disagreements and linked plans.

Every piece of content records who contributed it and whether it is in the person's own words
(`Contribution`); own-voice content is a suggestion until the person accepts it (`OwnVoice`).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from livingplan.core import dates
from livingplan.core.models import PersonalDataModel
from livingplan.people.models import Person
from livingplan.plans.models.plan import DUE_DATE, PROGRESS_DATE, ContributorKind, ForPlanQuerySet, Plan
from livingplan.plans.sections import Section


class Contribution(PersonalDataModel):
    """Who put this into the plan, when, and whether it is in the person's own words."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE)
    contributed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    contributor_kind = models.CharField(max_length=20, choices=ContributorKind.choices)
    contributed_at = models.DateTimeField(auto_now_add=True)
    in_own_words = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        abstract = True


class StatementStatus(models.TextChoices):
    ACCEPTED = "ACCEPTED", "In the plan"
    PROPOSED = "PROPOSED", "Suggested, waiting for the person"
    DECLINED = "DECLINED", "Not accepted by the person"
    REMOVED = "REMOVED", "Removed"


class OwnVoice(Contribution):
    """Content that may be in the person's own voice: a suggestion until they accept it (ADR-025)."""

    status = models.CharField(max_length=20, choices=StatementStatus.choices, default=StatementStatus.ACCEPTED)
    # Written straight in by a supporter the person named to write for them (`WritesForPerson`).
    written_for = models.BooleanField(default=False)
    # Who accepted or declined a suggestion: the person, or their attorney or deputy.
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class Statement(OwnVoice):
    """A piece of free text in one section of the plan or the one-page profile."""

    section = models.CharField(max_length=40, choices=Section.choices)
    text = models.TextField()

    class Meta:
        default_related_name = "statements"
        ordering = ["section", "position", "pk"]
        indexes = [models.Index(fields=["plan", "section", "status"], name="statement_plan_section")]

    def __str__(self) -> str:
        return self.text[:60]


# How much an outcome matters to the person, in the words the form offers and the plan shows.
IMPORTANCE_WORDS = {5: "Very important", 4: "Important", 3: "Quite important", 2: "A little", 1: "Not very"}


class Outcome(OwnVoice):
    """Something the person wants to achieve, in their words, with why it matters.

    `is_active` is true exactly when `status` is ACCEPTED (a check constraint keeps it so): every
    count, snapshot, export and API list reads `is_active`, so a suggestion or a withdrawn outcome
    is not in the plan anywhere."""

    text = models.TextField()
    why_it_matters = models.TextField(blank=True)
    importance = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1), MaxValueValidator(5)], help_text="1 (a little) to 5 (very)."
    )
    is_active = models.BooleanField(default=True)

    @property
    def importance_words(self) -> str:
        return IMPORTANCE_WORDS.get(self.importance, "")

    class Meta:
        default_related_name = "outcomes"
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_active=True, status=StatementStatus.ACCEPTED)
                | (models.Q(is_active=False) & ~models.Q(status=StatementStatus.ACCEPTED)),
                name="outcome_active_when_accepted",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]


class ProgressScore(PersonalDataModel):
    """How the person rates progress on an outcome, 0 (not started) to 10 (achieved), over time."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField(validators=[MinValueValidator(0), MaxValueValidator(10)])
    recorded_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=300, blank=True)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        ordering = ["recorded_on", "pk"]

    def clean(self) -> None:
        dates.validate_fields(recorded_on=(self.recorded_on, dates.HAPPENED, PROGRESS_DATE))


class Layer(models.TextChoices):
    """Support is built from the person outwards; the order of these values is that order."""

    SELF_CARE = "1_SELF_CARE", "What I will do myself"
    FAMILY_FRIENDS = "2_FAMILY_FRIENDS", "Family and friends"
    COMMUNITY = "3_COMMUNITY", "My community"
    UNIVERSAL = "4_UNIVERSAL", "Services open to everyone"
    SPECIALIST = "5_SPECIALIST", "Specialist health and social care"
    PERSONAL_BUDGET = "6_PERSONAL_BUDGET", "My personal budget"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "NOT_STARTED", "Not started"
    IN_PROGRESS = "IN_PROGRESS", "In progress"
    DONE = "DONE", "Done"
    STOPPED = "STOPPED", "Stopped"


# An action in one of these is over: it can no longer be overdue.
FINISHED_ACTION_STATUSES = (ActionStatus.DONE, ActionStatus.STOPPED)


class Action(Contribution):
    """A step towards an outcome: what, who, by when."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="actions")
    what = models.TextField()
    owner_name = models.CharField("Who", max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    layer = models.CharField(max_length=20, choices=Layer.choices)

    class Meta:
        default_related_name = "actions"
        ordering = ["layer", "due_on", "pk"]

    def __str__(self) -> str:
        return self.what[:60]

    def clean(self) -> None:
        dates.validate_fields(due_on=(self.due_on, dates.PLANNED, DUE_DATE))


class Risk(Contribution):
    """A risk handled as risk enablement: what could go wrong and what we agree to do about it."""

    what_could_go_wrong = models.TextField()
    what_we_agree = models.TextField()
    decided_by = models.CharField(max_length=200)
    persons_view = models.TextField(blank=True)

    class Meta:
        default_related_name = "risks"
        ordering = ["position", "pk"]


class Disagreement(PersonalDataModel):
    """Someone sees a part of the plan differently; recorded beside it with how it was handled."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="disagreements")
    # "statement:12", "outcome:3", "action:7", "risk:2": the item it sits beside.
    about = models.CharField(max_length=40)
    view = models.TextField()
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField(auto_now_add=True)
    how_handled = models.TextField(blank=True)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        ordering = ["raised_at"]


class LinkedPlan(PersonalDataModel):
    class Kind(models.TextChoices):
        EHC = "EHC", "Education, health and care plan"
        ADVANCE_CARE = "ADVANCE_CARE", "Advance care plan"
        MENTAL_HEALTH_CRISIS = "MENTAL_HEALTH_CRISIS", "Mental health crisis plan"
        CARERS = "CARERS", "Carer's support plan"
        OTHER = "OTHER", "Other plan"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="linked_plans")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    description = models.CharField(max_length=300)
    held_by = models.CharField(max_length=200, blank=True)

    objects = ForPlanQuerySet.as_manager()
