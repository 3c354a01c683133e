"""A review asked for by the person, their family or a practitioner, and its one answer."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from livingplan.core.models import PersonalDataModel
from livingplan.people.models import ForPersonQuerySet, Person
from livingplan.plans.models import PlanNote


class AskedAs(models.TextChoices):
    PERSON = "PERSON", "The person"
    CIRCLE = "CIRCLE", "Family or circle of support"
    PRACTITIONER = "PRACTITIONER", "Practitioner"


class ReviewRequest(PersonalDataModel):
    """Who asked for a review, as whom and why. The answer is its own row; the clock runs from `asked_at`."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_as = models.CharField(max_length=20, choices=AskedAs.choices)
    reason = models.TextField()
    # The note between reviews that prompted the request, when it was asked for from one.
    note = models.ForeignKey(PlanNote, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    asked_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["ReviewRequest"].as_manager()

    class Meta:
        ordering = ["asked_at", "pk"]

    def __str__(self) -> str:
        return f"Review request {self.pk}"


class RequestAnswer(PersonalDataModel):
    """Accepted with the date of the review, or declined with a reason the person reads. Once only."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    request = models.OneToOneField(ReviewRequest, on_delete=models.CASCADE, related_name="answer")
    accepted = models.BooleanField()
    review_on = models.DateField(null=True, blank=True)
    reason = models.TextField(blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["RequestAnswer"].as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(accepted=True, review_on__isnull=False) | (Q(accepted=False) & ~Q(reason="")),
                name="review_request_answer_has_date_or_reason",
            )
        ]
