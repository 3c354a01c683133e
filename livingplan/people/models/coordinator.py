"""Choosing a coordinator: suggestions, the person's choice, and asking to change. All append-only.

`CareTeamMember.is_coordinator` says who coordinates now; these rows say how they came to: who
suggested whom, who chose and when, and each request to change with its answer. The flag itself has
one write path, `people.services.coordinator.set_current_coordinator`.
"""

from django.conf import settings
from django.db import models

from livingplan.core.models import PersonalDataModel
from livingplan.people.models.circle import CareTeamMember
from livingplan.people.models.person import Person
from livingplan.people.models.querysets import ForPersonQuerySet


class CoordinatorSuggestion(PersonalDataModel):
    """A member of staff suggests someone on the care team; the person may accept it or choose another."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(CareTeamMember, on_delete=models.PROTECT, related_name="+")
    suggested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    suggested_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.member.user} suggested for {self.person}"


class CoordinatorChoice(PersonalDataModel):
    """The person chose their coordinator. `for_the_person`: staff recorded the choice of someone who
    does not sign in, as they told them."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(CareTeamMember, on_delete=models.PROTECT, related_name="+")
    chosen_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    for_the_person = models.BooleanField(default=False)
    accepted_suggestion = models.ForeignKey(
        CoordinatorSuggestion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    chosen_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.person} chose {self.member.user}"


class CoordinatorChangeRequest(PersonalDataModel):
    """The person asks for a different coordinator, perhaps naming who they would like."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    wanted = models.ForeignKey(CareTeamMember, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reason = models.TextField(blank=True)
    asked_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet.as_manager()

    class Meta:
        ordering = ["-asked_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.person} asked to change coordinator"


class CoordinatorChangeAnswer(PersonalDataModel):
    """The answer to a request: accepted, with the new coordinator, or declined with a reason the person sees."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    request = models.OneToOneField(CoordinatorChangeRequest, on_delete=models.CASCADE, related_name="answer")
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    accepted = models.BooleanField()
    new_member = models.ForeignKey(CareTeamMember, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reason = models.TextField(blank=True)
    answered_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{'Accepted' if self.accepted else 'Declined'}: {self.request}"
