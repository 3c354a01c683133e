"""The person's own preparation for planning, and the record of the planning conversation (ADR-035).

Every row here is append-only: an answer changed is a new answer, a status change is a new row,
and what went into the plan from here is a row naming the plan item it became. The plan itself
is written only through `plans.services`; these rows remember where its words came from.
"""

from django.conf import settings
from django.db import models

from livingplan.core.models import PersonalDataModel
from livingplan.people.models import ForPersonQuerySet, Person
from livingplan.plans.models import Action, ContributorKind, Outcome, Plan, Risk, Statement

# The longest answer to one prompt: enough for a page of someone's own words.
ANSWER_MAX_LENGTH = 4000


class Prompt(models.TextChoices):
    """The questions the person answers to get ready, in the order they are asked."""

    MATTERS_NOW = "MATTERS_NOW", "What matters to me now"
    HOPES = "HOPES", "What I hope for"
    WORKING = "WORKING", "What is working in my life"
    NOT_WORKING = "NOT_WORKING", "What is not working"
    WANT_TO_CHANGE = "WANT_TO_CHANGE", "What I want to change"
    ALREADY_TRIED = "ALREADY_TRIED", "What I have already tried"
    WHO_WHEN_WHERE = "WHO_WHEN_WHERE", "Who I want at my planning conversation, and when and where"


class PreparationStatus(models.TextChoices):
    NOT_STARTED = "NOT_STARTED", "Not started"
    IN_PROGRESS = "IN_PROGRESS", "In progress"
    DONE = "DONE", "Done"


class PreparationAnswer(PersonalDataModel):
    """One saved answer to one prompt. Never changed: the newest row for a prompt is the answer."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    prompt = models.CharField(max_length=30, choices=Prompt.choices)
    # Empty when the person cleared an answer they had saved.
    text = models.TextField(blank=True, max_length=ANSWER_MAX_LENGTH)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet.as_manager()

    class Meta:
        ordering = ["written_at", "pk"]
        indexes = [models.Index(fields=["person", "prompt", "-written_at"], name="prep_answer_latest")]


class PreparationStatusChange(PersonalDataModel):
    """Append-only: one row per move of the person's preparation (`preparation.TRANSITIONS`)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    from_status = models.CharField(max_length=20, choices=PreparationStatus.choices)
    to_status = models.CharField(max_length=20, choices=PreparationStatus.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet.as_manager()

    class Meta:
        ordering = ["changed_at", "pk"]


class AnswerInPlan(PersonalDataModel):
    """An answer the person chose to put into their plan, and the statement or outcome it became."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    answer = models.ForeignKey(PreparationAnswer, on_delete=models.CASCADE, related_name="in_plan")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet.as_manager()

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(statement__isnull=False, outcome__isnull=True)
                | models.Q(statement__isnull=True, outcome__isnull=False),
                name="answer_in_plan_is_one_item",
            )
        ]


# The planning conversation ------------------------------------------------------------------


class Part(models.TextChoices):
    """The parts of a planning conversation, in the order it goes: what matters first, services last."""

    WHAT_MATTERS = "WHAT_MATTERS", "What matters to the person"
    IDEA = "IDEA", "Ideas, from their own strengths, family, friends and community"
    OUTCOME = "OUTCOME", "Outcomes we agreed"
    NEXT_STEP = "NEXT_STEP", "Next steps: who does what, by when"
    RISK = "RISK", "Risks, and what we will do if things go wrong"
    GOING_WELL = "GOING_WELL", "How we will know it is working"
    REVIEW_TRIGGER = "REVIEW_TRIGGER", "What would make us review the plan early"


class Conversation(PersonalDataModel):
    """One planning conversation about a person's plan, as a coordinator or care-team member recorded it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    held_on = models.DateField()
    where = models.CharField(max_length=200)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-pk"]


class ConversationItem(PersonalDataModel):
    """Append-only: one thing said in the conversation, who said it, who wrote it down, and the
    plan item it became (none for a review trigger, which joins the plan's review arrangements)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="items")
    part = models.CharField(max_length=20, choices=Part.choices)
    text = models.TextField()
    said_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    speaker_kind = models.CharField(max_length=20, choices=ContributorKind.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, null=True, blank=True, related_name="+")

    objects = ForPersonQuerySet.as_manager()

    class Meta:
        ordering = ["recorded_at", "pk"]
