"""Decisions about the person: capacity assessed one decision at a time, advocacy, and the
attorneys and deputies who may decide for them (ADR-012)."""

from django.conf import settings
from django.db import models
from django.db.models import Case, F, When
from django.utils import timezone

from livingplan.core import dates
from livingplan.core.models import PersonalDataModel
from livingplan.people.models.person import Person
from livingplan.people.models.querysets import ForPersonQuerySet


class CapacityOutcome(models.TextChoices):
    HAS_CAPACITY = "HAS_CAPACITY", "Has capacity to make this decision"
    LACKS_CAPACITY = "LACKS_CAPACITY", "Lacks capacity to make this decision"


class DecisionKind(models.TextChoices):
    """The decisions the service itself acts on, so an assessment about them can be found reliably.

    The wording of the decision stays free text on the assessment; this only says which it is.
    """

    AGREE_PLAN = "AGREE_PLAN", "Agreeing their care and support plan"
    SHARING = "SHARING", "Who their information is shared with"
    OTHER = "OTHER", "Another decision"


class CapacityAssessment(PersonalDataModel):
    """Capacity is assumed; this records an assessment about one specific decision, never in general.

    For a given `decision_kind` the latest assessment decides; with none, capacity is assumed.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="capacity_assessments")
    decision_kind = models.CharField(max_length=20, choices=DecisionKind.choices, default=DecisionKind.OTHER)
    decision = models.CharField(max_length=300, help_text="The specific decision, for example, where to live.")
    outcome = models.CharField(max_length=20, choices=CapacityOutcome.choices)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessed_on = models.DateField()
    # The day it was put on record. An assessment cannot have taken place after it was recorded,
    # so a date in the future (refused now, but stored before) counts as this day, and the
    # assessment recorded after it wins: one mistyped year cannot take a decision away for good.
    recorded_on = models.DateField(default=timezone.localdate, editable=False)
    notes = models.TextField(blank=True)
    best_interests_decision = models.TextField(blank=True)

    objects = ForPersonQuerySet.as_manager()

    class Meta:
        # Newest first, the same order `latest_capacity_outcome_sql` uses to find the one that decides.
        ordering = [
            Case(When(assessed_on__gt=F("recorded_on"), then=F("recorded_on")), default=F("assessed_on")).desc(),
            "-pk",
        ]

    def clean(self) -> None:
        # A "lacks capacity" assessment dated in the future would outrank every real one (ADR-017).
        dates.validate_fields(assessed_on=(self.assessed_on, dates.HAPPENED, "The date of the assessment"))


class Advocacy(PersonalDataModel):
    """Whether the person needs an independent advocate to take part, and who that is."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="advocacy")
    is_needed = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    advocate_name = models.CharField(max_length=200, blank=True)
    advocate_organisation = models.CharField(max_length=200, blank=True)
    advocate_contact = models.CharField(max_length=200, blank=True)

    objects = ForPersonQuerySet.as_manager()


class LegalAuthority(PersonalDataModel):
    """Someone with legal authority to decide for the person: an attorney or a court-appointed deputy."""

    class Kind(models.TextChoices):
        LPA_HEALTH_WELFARE = "LPA_HEALTH_WELFARE", "Lasting power of attorney for health and welfare"
        LPA_PROPERTY_FINANCE = "LPA_PROPERTY_FINANCE", "Lasting power of attorney for property and financial affairs"
        # The Court of Protection appoints a deputy for one or both areas; the order says which.
        DEPUTY_WELFARE = "DEPUTY_WELFARE", "Deputy for personal welfare, appointed by the Court of Protection"
        DEPUTY_PROPERTY_FINANCE = (
            "DEPUTY_PROPERTY_FINANCE",
            "Deputy for property and financial affairs, appointed by the Court of Protection",
        )

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="legal_authorities")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    name = models.CharField(max_length=200)
    contact = models.CharField(max_length=200, blank=True)
    registered_on = models.DateField(null=True, blank=True)
    # The account they sign in with, if any: how the service knows that the user in front of it
    # is this attorney or deputy. Without it the authority is on record but nobody can act on it here.
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="legal_authorities_held",
    )

    objects = ForPersonQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"

    def clean(self) -> None:
        dates.validate_fields(registered_on=(self.registered_on, dates.HAPPENED, "The date registered"))


def latest_capacity_outcome_sql(person_id: str) -> str:
    """SQL for the outcome of the latest capacity assessment of one decision kind (a parameter) about
    the person whose id is the SQL expression `person_id`. Capacity is assumed when this is NULL.

    "Latest" is `CapacityAssessment.ORDER`: by the date it took place, which is never after the day
    it was recorded, then by the order of recording (ADR-017).
    """
    return f"""(SELECT ca.outcome FROM {CapacityAssessment._meta.db_table} ca
                 WHERE ca.person_id = {person_id} AND ca.decision_kind = %s
                 ORDER BY CASE WHEN ca.assessed_on > ca.recorded_on THEN ca.recorded_on ELSE ca.assessed_on END DESC,
                          ca.id DESC LIMIT 1)"""  # noqa: S608 - fixed SQL


# A legal authority row `a` that lets its holder make health and welfare decisions: a welfare
# deputy (the court order is the authority), or a lasting power of attorney for health and
# welfare once registered. Property and financial affairs authorities never count here.
ACTING_AUTHORITY_SQL = "(a.kind = %s OR (a.kind = %s AND a.registered_on IS NOT NULL))"


def acting_authority_params() -> list[str]:
    return [LegalAuthority.Kind.DEPUTY_WELFARE, LegalAuthority.Kind.LPA_HEALTH_WELFARE]
