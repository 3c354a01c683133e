"""Between reviews: handover prompts, family feedback, reflection logs, and the person's rating of a review."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from livingplan.core.models import PersonalDataModel
from livingplan.people.models import ForPersonQuerySet, Person
from livingplan.reviews.models.review import Review
from livingplan.reviews.models.triggers import Trigger


class HandoverCheck(PersonalDataModel):
    """ "Does anything today mean the plan needs to change?" answered at a visit or handover; yes raises a trigger."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    needs_change = models.BooleanField()
    trigger = models.OneToOneField(Trigger, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["HandoverCheck"].as_manager()

    class Meta:
        ordering = ["-answered_at", "-pk"]


class FamilyFeedback(PersonalDataModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    text = models.TextField()
    raises_concern = models.BooleanField(default=False)
    trigger = models.OneToOneField(Trigger, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    given_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["FamilyFeedback"].as_manager()

    class Meta:
        ordering = ["-given_at", "-pk"]


class ReflectionLog(PersonalDataModel):
    """What a person's feedback changed in everyday support, written by staff, read by quality leads."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    feedback = models.TextField()
    what_changed = models.TextField()
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["ReflectionLog"].as_manager()

    class Meta:
        ordering = ["-written_at", "-pk"]


class ReviewRating(PersonalDataModel):
    """How far one statement (`feedback.STATEMENTS`) was true of a review for the person or family, 1 to 5."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="ratings")
    statement = models.CharField(max_length=30)
    score = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    rated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    rated_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["ReviewRating"].as_manager()

    class Meta:
        ordering = ["rated_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "rated_by", "statement"], name="one_rating_per_statement")
        ]
