"""Planning started with a person: the first fact of their journey."""

from django.conf import settings
from django.db import models

from livingplan.core.models import PersonalDataModel
from livingplan.people.models import ForPersonQuerySet, Person


class PlanningStarted(PersonalDataModel):
    """Append-only: one row when a coordinator starts planning with the person (once per person)."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="planning_started")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)
    # When the planning conversation should have happened by: what the person is told to expect.
    conversation_by = models.DateField()

    objects = ForPersonQuerySet["PlanningStarted"].as_manager()

    def __str__(self) -> str:
        return f"Planning started with {self.person}"
