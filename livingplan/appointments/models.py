"""Appointments: preparation meetings, the planning conversation and reviews (issue 12, ADR-036).

An appointment belongs to one person and is visible exactly when they are. Who comes is a row
per participant (the person, someone in their circle, a member of their care team). Its life is
declared (`TRANSITIONS`) and every change is an append-only `AppointmentStatusChange` row; the
calendar invitation's `uid` never changes and its `sequence` goes up with every change, so a
calendar updates or cancels the event it already holds rather than adding a second one.
"""

import uuid
from typing import Self

from django.conf import settings
from django.db import models
from django.db.models import Q

from livingplan.core.models import PersonalDataModel
from livingplan.people.models import CareTeamMember, CircleMember, ForPersonQuerySet, Person


class AppointmentKind(models.TextChoices):
    PREPARATION = "PREPARATION", "Preparation meeting"
    CONVERSATION = "CONVERSATION", "Planning conversation"
    REVIEW = "REVIEW", "Review"


class Place(models.TextChoices):
    HOME = "HOME", "At home"
    CLINIC = "CLINIC", "At a clinic or office"
    PHONE = "PHONE", "By phone"
    VIDEO = "VIDEO", "By video call"
    CHOSEN = "CHOSEN", "Somewhere the person chooses"


class AccessNeed(models.TextChoices):
    INTERPRETER = "INTERPRETER", "An interpreter"
    STEP_FREE = "STEP_FREE", "Step-free access"
    BSL = "BSL", "A British Sign Language (BSL) interpreter"


class AppointmentStatus(models.TextChoices):
    BOOKED = "BOOKED", "Booked"
    CHANGED = "CHANGED", "Changed"
    CANCELLED = "CANCELLED", "Cancelled"


# What may follow what; a cancelled appointment stays cancelled (book a new one instead).
TRANSITIONS: dict[str, frozenset[str]] = {
    AppointmentStatus.BOOKED: frozenset({AppointmentStatus.CHANGED, AppointmentStatus.CANCELLED}),
    AppointmentStatus.CHANGED: frozenset({AppointmentStatus.CHANGED, AppointmentStatus.CANCELLED}),
    AppointmentStatus.CANCELLED: frozenset(),
}


class ParticipantKind(models.TextChoices):
    PERSON = "PERSON", "The person"
    CIRCLE = "CIRCLE", "Circle of support"
    CARE_TEAM = "CARE_TEAM", "Care team"


class AppointmentQuerySet(ForPersonQuerySet["Appointment"]):
    def active(self) -> Self:
        return self.exclude(status=AppointmentStatus.CANCELLED)

    def overlapping(self, starts_at: object, ends_at: object) -> Self:
        """Appointments that share any moment with [starts_at, ends_at): touching end to start is not a clash."""
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)


class Appointment(PersonalDataModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="appointments")
    kind = models.CharField(max_length=20, choices=AppointmentKind.choices)
    place = models.CharField(max_length=10, choices=Place.choices)
    # The address, the room, the phone number to ring or the video link: whatever gets people there.
    where_details = models.CharField(max_length=500, blank=True)
    # Stored in UTC like every datetime here; shown and sent in Europe/London (with its clock changes).
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    access_needs = models.JSONField(default=list, blank=True)  # AccessNeed values
    access_other = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=AppointmentStatus.choices, default=AppointmentStatus.BOOKED)
    # The calendar's identity for this event (RFC 5545 UID) and how many times it has been reissued.
    uid = models.CharField(max_length=100, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    booked_at = models.DateTimeField(auto_now_add=True)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["person", "starts_at"], name="appointment_person_start")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="appointment_ends_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.person_id} at {self.starts_at:%Y-%m-%d %H:%M}"

    @staticmethod
    def new_uid() -> str:
        return f"{uuid.uuid4()}@livingplan"

    @property
    def is_cancelled(self) -> bool:
        return self.status == AppointmentStatus.CANCELLED


class AppointmentParticipant(PersonalDataModel):
    """One person invited: the person themself, someone in their circle, or a member of their care team."""

    appointment = models.ForeignKey(Appointment, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+"
    )  # whose appointment (ADR: every table)
    kind = models.CharField(max_length=10, choices=ParticipantKind.choices)
    circle_member = models.ForeignKey(CircleMember, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    care_team_member = models.ForeignKey(
        CareTeamMember, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Whoever signs in as this participant (the person, a circle member with a sign-in, staff): for clashes.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    name = models.CharField(max_length=200)  # as it was when invited, for the page and the invitation

    objects = ForPersonQuerySet["AppointmentParticipant"].as_manager()

    class Meta:
        ordering = ["appointment", "pk"]
        indexes = [models.Index(fields=["user"], name="appointment_participant_user")]

    def __str__(self) -> str:
        return f"{self.name} at appointment {self.appointment_id}"


class AppointmentStatusChange(PersonalDataModel):
    """One change to an appointment, never edited: when, where and the sequence each invitation carried."""

    appointment = models.ForeignKey(Appointment, on_delete=models.CASCADE, related_name="status_changes")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    from_status = models.CharField(max_length=10, choices=AppointmentStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=AppointmentStatus.choices)
    sequence = models.PositiveIntegerField()
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    place = models.CharField(max_length=10, choices=Place.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=500, blank=True)

    objects = ForPersonQuerySet["AppointmentStatusChange"].as_manager()

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.appointment_id}: {self.from_status or 'new'} -> {self.to_status}"


class RequestStatus(models.TextChoices):
    OPEN = "OPEN", "Waiting for an answer"
    ACCEPTED = "ACCEPTED", "Accepted"
    DECLINED = "DECLINED", "Not possible"


class ChangeRequest(PersonalDataModel):
    """The person proposes another time, or asks for a change in their own words; answered once."""

    appointment = models.ForeignKey(Appointment, on_delete=models.CASCADE, related_name="requests")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(auto_now_add=True)
    # A proposed time (both or neither); without one, the words say what they want changed.
    proposed_starts_at = models.DateTimeField(null=True, blank=True)
    proposed_ends_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=1000, blank=True)
    status = models.CharField(max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(max_length=1000, blank=True)

    objects = ForPersonQuerySet["ChangeRequest"].as_manager()

    class Meta:
        ordering = ["asked_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(proposed_starts_at__isnull=True, proposed_ends_at__isnull=True)
                | Q(proposed_starts_at__isnull=False, proposed_ends_at__isnull=False),
                name="change_request_proposed_time_whole",
            ),
            models.CheckConstraint(
                condition=Q(status=RequestStatus.OPEN, answered_at__isnull=True)
                | ~Q(status=RequestStatus.OPEN) & Q(answered_at__isnull=False, answered_by__isnull=False),
                name="change_request_answered_once",
            ),
        ]

    def __str__(self) -> str:
        return f"Request {self.pk} about appointment {self.appointment_id}"

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.OPEN
