"""The review itself: why it happened, each perspective, each outcome looked at again, and its completion.

A review in progress is the `Review` row; it is finished when its one `ReviewCompletion` row exists
(the database refuses a second), which records the person's view in their own words (or why it is
missing, which flags it), who took part, the result and the next review date it set on the plan.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from livingplan.core.models import PersonalDataModel
from livingplan.people.models import ForPersonQuerySet, Person
from livingplan.plans.models import Outcome, Plan
from livingplan.reviews.models.asking import ReviewRequest
from livingplan.reviews.models.triggers import Trigger


class ReviewKind(models.TextChoices):
    PLANNED = "PLANNED", "Planned"
    UNPLANNED = "UNPLANNED", "Unplanned"
    REQUESTED = "REQUESTED", "Requested"


class UnplannedReason(models.TextChoices):
    """The defaults; an organisation adds its own in `REVIEWS_EXTRA_UNPLANNED_REASONS` (settings)."""

    HOSPITAL = "HOSPITAL", "Hospital stay"
    CARER = "CARER", "Carer situation changed"
    SAFEGUARDING = "SAFEGUARDING", "Safeguarding"
    PROVIDER_FAILURE = "PROVIDER_FAILURE", "Provider failure"
    COMMISSIONING = "COMMISSIONING", "Commissioning change"
    NEED = "NEED", "Change in need"
    OTHER = "OTHER", "Other"


class Review(PersonalDataModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=ReviewKind.choices)
    unplanned_reason = models.CharField(max_length=40, blank=True)
    about = models.TextField(blank=True)
    request = models.ForeignKey(ReviewRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    trigger = models.ForeignKey(Trigger, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["Review"].as_manager()

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=ReviewKind.UNPLANNED) | ~Q(unplanned_reason=""), name="unplanned_review_has_reason"
            )
        ]

    def __str__(self) -> str:
        return f"Review {self.pk}"


class PerspectiveKind(models.TextChoices):
    PERSON = "PERSON", "The person"
    FAMILY = "FAMILY", "Family or circle of support"
    PRACTITIONER = "PRACTITIONER", "Practitioner"
    ADVOCATE = "ADVOCATE", "Advocate"


class Perspective(PersonalDataModel):
    """What is working and not working from one person's point of view, in their words.

    The statements are tagged for Working Together for Change only with `may_use_anonymously`."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="perspectives")
    kind = models.CharField(max_length=20, choices=PerspectiveKind.choices)
    whose = models.CharField(max_length=200)
    working = models.TextField(blank=True)
    not_working = models.TextField(blank=True)
    important_for_future = models.TextField(blank=True)
    may_use_anonymously = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["Perspective"].as_manager()

    class Meta:
        ordering = ["recorded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(working="") | ~Q(not_working="") | ~Q(important_for_future=""),
                name="perspective_says_something",
            )
        ]


class ReviewOutcomeCheck(PersonalDataModel):
    """One outcome looked at again: does it still matter, what changed. The score itself is the plan's
    `ProgressScore`, recorded through `plans.services.record_progress` at the same time."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="outcome_checks")
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="+")
    still_matters = models.BooleanField()
    progress = models.PositiveSmallIntegerField(validators=[MinValueValidator(0), MaxValueValidator(10)])
    what_changed = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["ReviewOutcomeCheck"].as_manager()

    class Meta:
        ordering = ["recorded_at", "pk"]


class ReviewResult(models.TextChoices):
    NO_CHANGE = "NO_CHANGE", "No change"
    INCREASED = "INCREASED", "Support increased"
    DECREASED = "DECREASED", "Support decreased"
    NEW_PLAN = "NEW_PLAN", "New plan"
    SETTING = "SETTING", "Change of setting"
    CLOSED = "CLOSED", "Closed"


class ReviewCompletion(PersonalDataModel):
    """The review finished: once only. Missing the person's own words needs a reason, and is flagged."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="completion")
    result = models.CharField(max_length=20, choices=ReviewResult.choices)
    persons_view = models.TextField(blank=True)
    no_view_reason = models.TextField(blank=True)
    took_part = models.TextField()
    in_a_year = models.TextField(blank=True)
    next_review_on = models.DateField()
    completed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    completed_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["ReviewCompletion"].as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~Q(persons_view="") | ~Q(no_view_reason=""), name="review_completion_has_view_or_reason"
            )
        ]

    @property
    def is_flagged(self) -> bool:
        """Completed without the person's own words: a warning sign for quality checks."""
        return not self.persons_view
