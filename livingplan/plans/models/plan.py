"""The plan itself: its status and lifecycle moves, the versions agreed, and who sees which part.

The lifecycle is a set of declared transitions (`plans.lifecycle`) with an append-only
`PlanStatusChange` row per move; agreement freezes a `PlanVersion`.
"""

from typing import TypeVar

from django.conf import settings
from django.db import models

from livingplan.accounts.models import Organisation
from livingplan.core.models import PersonalDataModel
from livingplan.people.capacity import ACTING_AS
from livingplan.people.models import CircleMember, ForPersonQuerySet, LegalAuthority, Person
from livingplan.plans.sections import SharingGroup


class PlanStatus(models.TextChoices):
    DRAFT = "DRAFT", "Draft"
    PROPOSED = "PROPOSED", "Ready for agreement"
    AGREED = "AGREED", "Agreed"
    ACTIVE = "ACTIVE", "Active"
    UNDER_REVIEW = "UNDER_REVIEW", "Being reviewed"


class ContributorKind(models.TextChoices):
    PERSON = "PERSON", "The person"
    CIRCLE = "CIRCLE", "Circle of support"
    PRACTITIONER = "PRACTITIONER", "Practitioner"


_Row = TypeVar("_Row", bound=models.Model)


class ForPlanQuerySet(ForPersonQuerySet[_Row]):
    """Plan content is visible exactly when its person is (section sharing is applied on top)."""


class PlanQuerySet(ForPersonQuerySet["Plan"]):
    """The plan is visible exactly when its person is."""


class Plan(PersonalDataModel):
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="plan")
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    # Bumped by every edit; a form or API write naming an older value is stale (HTTP 409).
    revision = models.PositiveIntegerField(default=1)
    next_review_on = models.DateField(null=True, blank=True)
    review_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    early_review_triggers = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlanQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Plan for {self.person}"


class PlanStatusChange(PersonalDataModel):
    """Append-only: one row per lifecycle move, never updated."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=PlanStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=PlanStatus.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        ordering = ["changed_at", "pk"]


# How each date is named in its messages, the same in forms, the API and here (core.dates).
DUE_DATE = "The due date"
NEXT_REVIEW_DATE = "The next review date"
PROGRESS_DATE = "The date"
START_DATE = "The start date"


class AgreedAs(models.TextChoices):
    """In what capacity the plan was agreed: by the person, or for them under a legal authority."""

    PERSON = "PERSON", "the person"
    ATTORNEY = "ATTORNEY", ACTING_AS[LegalAuthority.Kind.LPA_HEALTH_WELFARE]
    DEPUTY = "DEPUTY", ACTING_AS[LegalAuthority.Kind.DEPUTY_WELFARE]


class PlanVersion(PersonalDataModel):
    """A frozen copy of the plan as agreed. Never changed after it is made."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    agreed_at = models.DateTimeField(auto_now_add=True)
    agreed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agreed_as = models.CharField(max_length=10, choices=AgreedAs.choices, default=AgreedAs.PERSON)
    # The attorney's or deputy's authority used to agree on the person's behalf. PROTECT: the
    # record of why someone else could agree must outlive any later tidying of the record page.
    acting_authority = models.ForeignKey(
        LegalAuthority, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    best_interests_note = models.TextField(
        blank=True, help_text="When agreed on the person's behalf: their wishes and feelings, and how they counted."
    )
    # A later day the person chose for the plan to come into force; until then the plan is agreed
    # but not in force (a worker task moves it on that day). Empty: in force once agreed.
    starts_on = models.DateField(null=True, blank=True)
    snapshot = models.JSONField()
    summary_of_changes = models.CharField(max_length=300, blank=True)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_unique"),
            # Agreed by the person, with no authority; or on their behalf, naming the authority and
            # saying how their wishes were taken into account. Never anything in between.
            models.CheckConstraint(
                condition=(
                    models.Q(agreed_as=AgreedAs.PERSON, acting_authority__isnull=True, best_interests_note="")
                    | (
                        models.Q(agreed_as__in=[AgreedAs.ATTORNEY, AgreedAs.DEPUTY], acting_authority__isnull=False)
                        & ~models.Q(best_interests_note="")
                    )
                ),
                name="plan_version_agreed_by_person_or_on_behalf",
            ),
        ]

    def __str__(self) -> str:
        return f"Version {self.number}"

    @property
    def is_agreed_on_behalf(self) -> bool:
        return self.agreed_as != AgreedAs.PERSON


class Signature(PersonalDataModel):
    """Someone other than the person who signed an agreed version (coordinator, carer, advocate)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="signatures")
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=100)
    signed_at = models.DateTimeField(auto_now_add=True)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "signed_by"], name="one_signature_per_signer")]


class SharingChoice(PersonalDataModel):
    """The person's choice to show or hide one group of sections from one circle member or organisation."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="sharing_choices")
    group = models.CharField(max_length=20, choices=SharingGroup.choices)
    circle_member = models.ForeignKey(CircleMember, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    is_shared = models.BooleanField()
    chosen_at = models.DateTimeField(auto_now=True)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(circle_member__isnull=False) & models.Q(organisation__isnull=True))
                | (models.Q(circle_member__isnull=True) & models.Q(organisation__isnull=False)),
                name="sharing_choice_one_audience",
            ),
            models.UniqueConstraint(
                fields=["person", "group", "circle_member"],
                condition=models.Q(circle_member__isnull=False),
                name="one_choice_per_circle_member",
            ),
            models.UniqueConstraint(
                fields=["person", "group", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="one_choice_per_organisation",
            ),
        ]
