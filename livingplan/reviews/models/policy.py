"""How an organisation runs reviews (its `ReviewPolicy`), and how the person chose to have theirs
(`ReviewChoice`). Both append-only: the newest row is the one in force, the older ones are its history.

The policy is the organisation's, not a person's, so it carries no `person_id`; which policy applies
to a person is their lead organisation's (`reviews.policy`). No row: the deployment's defaults.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from livingplan.accounts.models import Organisation
from livingplan.core.models import PersonalDataModel
from livingplan.people.models import ForPersonQuerySet, Person

MOST_MONTHS = 12  # the Care Act's outer limit: no policy or choice goes past it


class ReviewPolicy(models.Model):
    """One version of an organisation's review targets, set by its admin. Never updated."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    every_months = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(MOST_MONTHS)])
    first_review_weeks = models.PositiveSmallIntegerField(validators=[MaxValueValidator(52)])
    # {"MEDICATION": 2, ...} for every trigger category, in working days (0: the same day).
    decision_days = models.JSONField()
    answer_days = models.PositiveSmallIntegerField(validators=[MaxValueValidator(60)])
    update_days = models.PositiveSmallIntegerField(validators=[MaxValueValidator(120)])
    # [["ORG_HOUSING", "Housing changed"], ...] added to the fixed list of reasons for an unplanned review.
    extra_reasons = models.JSONField(default=list)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-set_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(every_months__gte=1, every_months__lte=MOST_MONTHS), name="review_policy_twelve_months"
            )
        ]

    def __str__(self) -> str:
        return f"Review policy {self.pk}"


class ReviewHow(models.TextChoices):
    SELF_WITH_FAMILY = "SELF_WITH_FAMILY", "I look at my plan myself, with my family or friends"
    PHONE = "PHONE", "A phone call with my coordinator"
    MEETING = "MEETING", "A meeting with the people who support me"


class ReviewChoice(PersonalDataModel):
    """How the person wants their planned reviews to happen and how often. The newest row is in force."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    how = models.CharField(max_length=20, choices=ReviewHow.choices)
    every_months = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(MOST_MONTHS)])
    chosen_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    chosen_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["ReviewChoice"].as_manager()

    class Meta:
        ordering = ["-chosen_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(every_months__gte=1, every_months__lte=MOST_MONTHS), name="review_choice_twelve_months"
            )
        ]
