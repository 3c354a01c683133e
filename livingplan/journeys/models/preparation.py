"""Preparation parts 1 (the process) and 3 (the practitioner's): checklists, results, readiness.

Every row is append-only. A checklist item's current answer is its latest row; a result is
explained once; the conversation is ready from the first `ReadyForConversation` row.
"""

from django.conf import settings
from django.db import models

from livingplan.core.models import PersonalDataModel
from livingplan.people.models import ForPersonQuerySet, Person


class ChecklistItem(models.TextChoices):
    # Part 1: the process.
    TOLD_WHAT_HAPPENS = "TOLD_WHAT_HAPPENS", "They have been told what will happen and when"
    INFORMATION = "INFORMATION", "How they want information is recorded"
    CONSENT = "CONSENT", "Their choices about sharing their record are recorded"
    ADVOCATE = "ADVOCATE", "Whether they need an independent advocate"
    INTERPRETER = "INTERPRETER", "Whether they need an interpreter"
    WHO_HELPS = "WHO_HELPS", "Who helps them prepare"
    # Part 3: the practitioner's preparation.
    TEAM_KNOWS = "TEAM_KNOWS", "What the team knows"
    TESTS_DUE = "TESTS_DUE", "Tests and assessments due"
    SOCIAL_CARE = "SOCIAL_CARE", "Whether a social care assessment or personal budget may apply"
    TEAM_VIEW = "TEAM_VIEW", "The team's view of what is working and not working"


class ChecklistAnswer(PersonalDataModel):
    """One answer to one checklist item; the latest row for an item is its answer now."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    item = models.CharField(max_length=30, choices=ChecklistItem.choices)
    answer = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["person", "item", "-recorded_at"])]

    def __str__(self) -> str:
        return f"{self.get_item_display()}: {self.answer}"


class AssessmentResult(PersonalDataModel):
    """A test or assessment result the person should understand before the conversation."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200, help_text="For example, blood test.")
    result = models.TextField()
    taken_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet.as_manager()

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return self.name


class ResultExplained(PersonalDataModel):
    """Someone on the care team explained a result to the person: who, and on which day."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    result = models.OneToOneField(AssessmentResult, on_delete=models.CASCADE, related_name="explained")
    explained_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    explained_on = models.DateField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.result} explained"


class GoAheadChoice(PersonalDataModel):
    """The person chose to have the conversation with results not yet explained to them.

    It covers the results recorded before it; a result recorded later needs explaining, or a new
    choice. `for_the_person`: a member of the care team recorded what the person told them."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    for_the_person = models.BooleanField(default=False)
    chosen_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.person} chose to go ahead"


class ReadyForConversation(PersonalDataModel):
    """The care team marked the conversation ready to happen: their preparation is done."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    marked_at = models.DateTimeField(auto_now_add=True)
    # Results still unexplained when it was marked, which the person chose to go ahead without.
    going_ahead_without = models.JSONField(default=list, blank=True)

    objects = ForPersonQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.person}: ready for the conversation"
