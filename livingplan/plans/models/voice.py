"""Around the plan's words: notes between reviews, who writes for the person, and every edit to their words."""

from django.conf import settings
from django.db import models

from livingplan.core.models import PersonalDataModel
from livingplan.people.models import Person
from livingplan.plans.models.plan import ContributorKind, ForPlanQuerySet, Plan

# The longest note one person writes between reviews; longer belongs in a review (ADR-024).
NOTE_MAX_LENGTH = 2000


class PlanNote(PersonalDataModel):
    """A dated note in someone's own words about how things are going, between reviews (ADR-024).

    Not plan content: it is never in a `PlanVersion` snapshot and never moves the revision. Never
    edited in place. One that asks for a review is a request the coordinator sees while no review
    has started after it (`plans.notes.open_requests`)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="notes")
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    contributor_kind = models.CharField(max_length=20, choices=ContributorKind.choices)
    text = models.TextField(max_length=NOTE_MAX_LENGTH)
    asks_for_review = models.BooleanField(default=False)
    written_at = models.DateTimeField(auto_now_add=True)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-written_at", "-pk"]
        indexes = [models.Index(fields=["plan", "-written_at"], name="plannote_plan_written")]


class WritesForPerson(PersonalDataModel):
    """The person's choice that one supporter's words go straight into their own-voice sections.

    Append-only: a grant is never changed except to record when it ended and who ended it (ADR-025)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    supporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        ordering = ["granted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "supporter"], condition=models.Q(ended_at__isnull=True), name="one_open_grant"
            )
        ]


class EditKind(models.TextChoices):
    EDITED = "EDITED", "Changed"
    WITHDRAWN = "WITHDRAWN", "Withdrawn"


class ContentEdit(PersonalDataModel):
    """Append-only: one row per change to the words of a statement or outcome, with the words before."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="content_edits")
    # "statement:12" or "outcome:3", as `Disagreement.about`.
    about = models.CharField(max_length=40)
    kind = models.CharField(max_length=20, choices=EditKind.choices)
    old_text = models.TextField()
    new_text = models.TextField(blank=True)
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    edited_at = models.DateTimeField(auto_now_add=True)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        ordering = ["edited_at", "pk"]
        indexes = [models.Index(fields=["plan", "about"], name="content_edit_item")]
