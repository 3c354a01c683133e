"""Things to do for the person's coordinator, raised when a message cannot do its job (ADR-032).

A task belongs to the person, not to a member of staff: whoever is their coordinator now sees it,
so a change of coordinator hands the open tasks over with the caseload. What the task says is
built from these fields when it is shown (`people.tasks`), in the person's current pronouns.
"""

from typing import Self

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q

from livingplan.core.models import PersonalDataModel
from livingplan.core.viewer import Viewer, active_user
from livingplan.people.models.circle import CareTeamMember
from livingplan.people.models.person import Person
from livingplan.people.models.querysets import ForPersonQuerySet


class TaskKind(models.TextChoices):
    CALL = "CALL", "Call them instead of a message"
    NOT_DELIVERED = "NOT_DELIVERED", "A message did not reach them"
    NO_CONTACT = "NO_CONTACT", "Nothing recorded to reach them by"
    LANGUAGE = "LANGUAGE", "A message went in English, not their language"
    # Not about a message: the person asked for another coordinator. Done when it is answered, not by a button.
    COORDINATOR_CHANGE = "COORDINATOR_CHANGE", "They asked to change their coordinator"


class CoordinatorTaskQuerySet(ForPersonQuerySet["CoordinatorTask"]):
    def open(self) -> Self:
        return self.filter(done_at__isnull=True)

    def for_coordinator(self, viewer: Viewer) -> Self:
        """Tasks about the people `viewer` is the current coordinator of; nobody else's."""
        user = active_user(viewer)
        if user is None:
            return self.none()
        coordinates = CareTeamMember.objects.filter(
            person_id=OuterRef("person_id"), user=user, is_coordinator=True, ended_on__isnull=True
        )
        return self.filter(Exists(coordinates))


class CoordinatorTask(PersonalDataModel):
    """One thing the coordinator must do because a message could not: call, or find a way to reach someone."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="coordinator_tasks")
    kind = models.CharField(max_length=20, choices=TaskKind.choices)
    # The outbox message it is about (a plain id: the outbox keeps its own trail, ADR-030).
    message_id = models.BigIntegerField(null=True, blank=True)
    # What the message was about, in a few words for the coordinator ("his plan has been agreed"), with
    # {they}/{them}/{their} for the person's pronouns, filled in when shown.
    about = models.CharField(max_length=300)
    # Who the message was for: "" when it was the person themself, else the name of someone in their circle.
    recipient_name = models.CharField(max_length=200, blank=True)
    channel = models.CharField(max_length=10, blank=True)  # the outbox's channel: EMAIL, SMS, LETTER or NONE
    # For a message sent in English to someone whose recorded language was another: that language, as it was then.
    language = models.CharField(max_length=60, blank=True)
    # One task per message and kind, however often the outbox or Notify tells us.
    key = models.CharField(max_length=120, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set once, together, by `mark_task_done`; never cleared.
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = CoordinatorTaskQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["person", "done_at"], name="coordinator_task_open")]
        constraints = [
            models.CheckConstraint(
                condition=Q(done_at__isnull=True, done_by__isnull=True)
                | Q(done_at__isnull=False, done_by__isnull=False),
                name="coordinator_task_done_at_and_by_together",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.person_id}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
