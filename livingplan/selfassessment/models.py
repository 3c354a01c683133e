"""Instrument versions, assessment rounds, their raters and ratings, agreed levels and the action plan.

Nothing here is about one person: these rows describe how an organisation plans, so they carry
no `person_id` (ADR-046). Lifecycle changes (a round closing, a priority moving on) are
append-only status rows with declared transitions, as everywhere else.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from livingplan.accounts.models import Organisation, Role, Team
from livingplan.core.viewer import Viewer, active_user
from livingplan.selfassessment import instrument


class InstrumentVersion(models.Model):
    """One checked version of an instrument. Shipped ones have no organisation; imported ones name theirs."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    key = models.CharField(max_length=60)
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    source = models.TextField(help_text="The file exactly as it was imported.")
    content = models.JSONField(help_text="The checked sections, areas and levels.")
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["key", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key", "version"], name="instrument_version_unique"),
            models.UniqueConstraint(
                fields=["key", "version"], condition=Q(organisation__isnull=True), name="instrument_shipped_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"

    @property
    def instrument(self) -> instrument.Instrument:
        return instrument.from_data(self.content)


class RoundStatus(models.TextChoices):
    OPEN = "OPEN", "Open for ratings"
    CLOSED = "CLOSED", "Closed"


ROUND_TRANSITIONS: dict[str, set[str]] = {RoundStatus.OPEN: {RoundStatus.CLOSED}, RoundStatus.CLOSED: set()}


class RoundQuerySet(models.QuerySet["Round"]):
    def visible_to(self, viewer: Viewer) -> "RoundQuerySet":
        """Staff of the organisation assessed, and anyone invited to rate: nobody else knows a round exists."""
        user = active_user(viewer)
        if user is None:
            return self.none()
        return self.filter(Q(organisation__memberships__user=user) | Q(raters__user=user)).distinct()

    def managed_by(self, viewer: Viewer) -> "RoundQuerySet":
        """Rounds whose organisation `viewer` administers."""
        user = active_user(viewer)
        if user is None:
            return self.none()
        return self.filter(
            organisation__memberships__user=user, organisation__memberships__role=Role.ORGANISATION_ADMIN
        ).distinct()


class Round(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    instrument = models.ForeignKey(InstrumentVersion, on_delete=models.PROTECT, related_name="rounds")
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    # The product's own figures, computed when the round started and never recomputed (`figures.py`).
    figures = models.JSONField(default=list, blank=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN

    @property
    def who(self) -> str:
        return f"{self.team.name}, {self.organisation.name}" if self.team else self.organisation.name


class RoundStatusChange(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=10, choices=RoundStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=RoundStatus.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status or 'new'} -> {self.to_status}"


class RaterKind(models.TextChoices):
    STAFF = "STAFF", "Staff"
    PERSON = "PERSON", "Person who uses services"
    CARER = "CARER", "Family carer"
    PARTNER = "PARTNER", "Partner organisation"


# Whose view is lived experience, set against staff's when a gap is looked for.
LIVED_EXPERIENCE = (RaterKind.PERSON, RaterKind.CARER)


class Rater(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="raters")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=RaterKind.choices)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    invited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "user__first_name", "pk"]
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="rater_once_per_round")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_kind_display()})"


class Rating(models.Model):
    """A rater's current level for one area, with their evidence. Saved again as they change their mind."""

    rater = models.ForeignKey(Rater, on_delete=models.CASCADE, related_name="ratings")
    area_id = models.CharField(max_length=80)
    level = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(instrument.LEVELS)])
    evidence = models.TextField(blank=True)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["rater", "area_id"], name="rating_once_per_area"),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=instrument.LEVELS), name="rating_level_range"),
        ]

    def __str__(self) -> str:
        return f"{self.area_id}: level {self.level}"


class AgreedLevel(models.Model):
    """The level the group agreed for an area, and why. Append-only: the newest row for an area stands."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="agreed_levels")
    area_id = models.CharField(max_length=80)
    level = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(instrument.LEVELS)])
    reason = models.TextField()
    agreed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agreed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["area_id", "agreed_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=instrument.LEVELS), name="agreed_level_range")
        ]

    def __str__(self) -> str:
        return f"{self.area_id}: agreed level {self.level}"


class PriorityStatus(models.TextChoices):
    NOT_STARTED = "NOT_STARTED", "Not started"
    IN_PROGRESS = "IN_PROGRESS", "In progress"
    DONE = "DONE", "Done"
    STOPPED = "STOPPED", "Stopped"


PRIORITY_TRANSITIONS: dict[str, set[str]] = {
    PriorityStatus.NOT_STARTED: {PriorityStatus.IN_PROGRESS, PriorityStatus.DONE, PriorityStatus.STOPPED},
    PriorityStatus.IN_PROGRESS: {PriorityStatus.DONE, PriorityStatus.STOPPED},
    PriorityStatus.DONE: {PriorityStatus.IN_PROGRESS},
    PriorityStatus.STOPPED: {PriorityStatus.IN_PROGRESS},
}


class Priority(models.Model):
    """One detailed action plan: a priority for one area, who owns it, by when, and how we will know."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="priorities")
    area_id = models.CharField(max_length=80)
    priority = models.TextField()
    why = models.TextField()
    first_steps = models.TextField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    by_when = models.DateField()
    who_else = models.TextField(blank=True)
    getting_help = models.TextField(blank=True)
    support_inside = models.TextField(blank=True)
    support_outside = models.TextField(blank=True)
    how_we_will_know = models.TextField()
    status = models.CharField(max_length=15, choices=PriorityStatus.choices, default=PriorityStatus.NOT_STARTED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["by_when", "pk"]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return self.priority[:60]


class PriorityStatusChange(models.Model):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=15, choices=PriorityStatus.choices, blank=True)
    to_status = models.CharField(max_length=15, choices=PriorityStatus.choices)
    note = models.TextField(blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status or 'new'} -> {self.to_status}"


def latest_agreed(round_: Round) -> dict[str, AgreedLevel]:
    """The standing agreed level for each area of a round."""
    found: dict[str, AgreedLevel] = {}
    for row in round_.agreed_levels.select_related("agreed_by").order_by("agreed_at", "pk"):
        found[row.area_id] = row
    return found
