"""Something happened that may mean the plan must change, and the one decision about it.

Two clocks run from these rows (`clocks.py`): the trigger to its decision, and a decision to
update the plan to the next agreed version of it (a `plans.PlanVersion` agreed after it).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from livingplan.core.models import PersonalDataModel
from livingplan.people.models import ForPersonQuerySet, Person


class TriggerCategory(models.TextChoices):
    HEALTH = "HEALTH", "Health"
    BEHAVIOUR = "BEHAVIOUR", "Behaviour"
    FAMILY_CONTACT = "FAMILY_CONTACT", "Family contact"
    COMMUNICATION = "COMMUNICATION", "Communication"
    MEDICATION = "MEDICATION", "Medication"
    MOBILITY = "MOBILITY", "Mobility"
    CONFIDENCE = "CONFIDENCE", "Confidence"
    RELATIONSHIPS = "RELATIONSHIPS", "Relationships"
    SAFEGUARDING = "SAFEGUARDING", "Safeguarding concern"
    PERSONAL_GOAL = "PERSONAL_GOAL", "Change of personal goal"
    INCIDENT = "INCIDENT", "Incident"
    COMPLAINT = "COMPLAINT", "Complaint"
    FAMILY_FEEDBACK = "FAMILY_FEEDBACK", "Family feedback"
    OTHER = "OTHER", "Other"


class TriggerSource(models.TextChoices):
    RECORDED = "RECORDED", "Recorded by the care team"
    HANDOVER = "HANDOVER", "Handover prompt"
    FAMILY_FEEDBACK = "FAMILY_FEEDBACK", "Family feedback"


class Trigger(PersonalDataModel):
    """Category, what happened, who noticed and when. The decision clock starts when it is recorded."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=20, choices=TriggerCategory.choices)
    what_happened = models.TextField()
    noticed_by = models.CharField(max_length=200)
    noticed_on = models.DateField()
    source = models.CharField(max_length=20, choices=TriggerSource.choices, default=TriggerSource.RECORDED)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["Trigger"].as_manager()

    class Meta:
        ordering = ["raised_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(category="") & ~Q(what_happened=""), name="trigger_has_category_and_what"
            )
        ]

    def __str__(self) -> str:
        return f"Trigger {self.pk}"


class Decision(models.TextChoices):
    UPDATE_PLAN = "UPDATE_PLAN", "Update the plan"
    NO_CHANGE = "NO_CHANGE", "No change needed"


class TriggerDecision(PersonalDataModel):
    """Whether the plan needs to change, with the reason. One per trigger (the database says so too)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    trigger = models.OneToOneField(Trigger, on_delete=models.CASCADE, related_name="decision")
    decision = models.CharField(max_length=20, choices=Decision.choices)
    reason = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet["TriggerDecision"].as_manager()

    class Meta:
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="trigger_decision_has_reason")]
