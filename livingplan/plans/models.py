"""The one living plan: statements, outcomes, actions, risks, versions and sharing choices.

Every piece of content records who contributed it and whether it is in the person's own
words (`Contribution`). The lifecycle is a set of declared transitions (`lifecycle.py`)
with an append-only `PlanStatusChange` row per move; agreement freezes a `PlanVersion`.
Every table carries `person_id`, the natural key for sharding later.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from livingplan.accounts.models import Organisation
from livingplan.core import dates
from livingplan.core.models import PersonalDataModel
from livingplan.people.capacity import ACTING_AS
from livingplan.people.models import CircleMember, ForPersonQuerySet, LegalAuthority, Person
from livingplan.plans.sections import Section, SharingGroup


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


class ForPlanQuerySet(ForPersonQuerySet):
    """Plan content is visible exactly when its person is (section sharing is applied on top)."""


class PlanQuerySet(ForPersonQuerySet):
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


class Contribution(PersonalDataModel):
    """Who put this into the plan, when, and whether it is in the person's own words."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE)
    contributed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    contributor_kind = models.CharField(max_length=20, choices=ContributorKind.choices)
    contributed_at = models.DateTimeField(auto_now_add=True)
    in_own_words = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        abstract = True


class StatementStatus(models.TextChoices):
    ACCEPTED = "ACCEPTED", "In the plan"
    PROPOSED = "PROPOSED", "Suggested, waiting for the person"
    DECLINED = "DECLINED", "Not accepted by the person"
    REMOVED = "REMOVED", "Removed"


class OwnVoice(Contribution):
    """Content that may be in the person's own voice: a suggestion until they accept it (ADR-025)."""

    status = models.CharField(max_length=20, choices=StatementStatus.choices, default=StatementStatus.ACCEPTED)
    # Written straight in by a supporter the person named to write for them (`WritesForPerson`).
    written_for = models.BooleanField(default=False)
    # Who accepted or declined a suggestion: the person, or their attorney or deputy.
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class Statement(OwnVoice):
    """A piece of free text in one section of the plan or the one-page profile."""

    section = models.CharField(max_length=40, choices=Section.choices)
    text = models.TextField()

    class Meta:
        default_related_name = "statements"
        ordering = ["section", "position", "pk"]
        indexes = [models.Index(fields=["plan", "section", "status"], name="statement_plan_section")]

    def __str__(self) -> str:
        return self.text[:60]


# How much an outcome matters to the person, in the words the form offers and the plan shows.
IMPORTANCE_WORDS = {5: "Very important", 4: "Important", 3: "Quite important", 2: "A little", 1: "Not very"}


class Outcome(OwnVoice):
    """Something the person wants to achieve, in their words, with why it matters.

    `is_active` is true exactly when `status` is ACCEPTED (a check constraint keeps it so): every
    count, snapshot, export and API list reads `is_active`, so a suggestion or a withdrawn outcome
    is not in the plan anywhere."""

    text = models.TextField()
    why_it_matters = models.TextField(blank=True)
    importance = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1), MaxValueValidator(5)], help_text="1 (a little) to 5 (very)."
    )
    is_active = models.BooleanField(default=True)

    @property
    def importance_words(self) -> str:
        return IMPORTANCE_WORDS.get(self.importance, "")

    class Meta:
        default_related_name = "outcomes"
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_active=True, status=StatementStatus.ACCEPTED)
                | (models.Q(is_active=False) & ~models.Q(status=StatementStatus.ACCEPTED)),
                name="outcome_active_when_accepted",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]


# How each date is named in its messages, the same in forms, the API and here (core.dates).
DUE_DATE = "The due date"
NEXT_REVIEW_DATE = "The next review date"
PROGRESS_DATE = "The date"
START_DATE = "The start date"


class ProgressScore(PersonalDataModel):
    """How the person rates progress on an outcome, 0 (not started) to 10 (achieved), over time."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField(validators=[MinValueValidator(0), MaxValueValidator(10)])
    recorded_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=300, blank=True)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        ordering = ["recorded_on", "pk"]

    def clean(self) -> None:
        dates.validate_fields(recorded_on=(self.recorded_on, dates.HAPPENED, PROGRESS_DATE))


class Layer(models.TextChoices):
    """Support is built from the person outwards; the order of these values is that order."""

    SELF_CARE = "1_SELF_CARE", "What I will do myself"
    FAMILY_FRIENDS = "2_FAMILY_FRIENDS", "Family and friends"
    COMMUNITY = "3_COMMUNITY", "My community"
    UNIVERSAL = "4_UNIVERSAL", "Services open to everyone"
    SPECIALIST = "5_SPECIALIST", "Specialist health and social care"
    PERSONAL_BUDGET = "6_PERSONAL_BUDGET", "My personal budget"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "NOT_STARTED", "Not started"
    IN_PROGRESS = "IN_PROGRESS", "In progress"
    DONE = "DONE", "Done"
    STOPPED = "STOPPED", "Stopped"


# An action in one of these is over: it can no longer be overdue.
FINISHED_ACTION_STATUSES = (ActionStatus.DONE, ActionStatus.STOPPED)


class Action(Contribution):
    """A step towards an outcome: what, who, by when."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="actions")
    what = models.TextField()
    owner_name = models.CharField("Who", max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    layer = models.CharField(max_length=20, choices=Layer.choices)

    class Meta:
        default_related_name = "actions"
        ordering = ["layer", "due_on", "pk"]

    def __str__(self) -> str:
        return self.what[:60]

    def clean(self) -> None:
        dates.validate_fields(due_on=(self.due_on, dates.PLANNED, DUE_DATE))


class Risk(Contribution):
    """A risk handled as risk enablement: what could go wrong and what we agree to do about it."""

    what_could_go_wrong = models.TextField()
    what_we_agree = models.TextField()
    decided_by = models.CharField(max_length=200)
    persons_view = models.TextField(blank=True)

    class Meta:
        default_related_name = "risks"
        ordering = ["position", "pk"]


class Disagreement(PersonalDataModel):
    """Someone sees a part of the plan differently; recorded beside it with how it was handled."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="disagreements")
    # "statement:12", "outcome:3", "action:7", "risk:2": the item it sits beside.
    about = models.CharField(max_length=40)
    view = models.TextField()
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField(auto_now_add=True)
    how_handled = models.TextField(blank=True)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        ordering = ["raised_at"]


class LinkedPlan(PersonalDataModel):
    class Kind(models.TextChoices):
        EHC = "EHC", "Education, health and care plan"
        ADVANCE_CARE = "ADVANCE_CARE", "Advance care plan"
        MENTAL_HEALTH_CRISIS = "MENTAL_HEALTH_CRISIS", "Mental health crisis plan"
        CARERS = "CARERS", "Carer's support plan"
        OTHER = "OTHER", "Other plan"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="linked_plans")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    description = models.CharField(max_length=300)
    held_by = models.CharField(max_length=200, blank=True)

    objects = ForPlanQuerySet.as_manager()


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


# The longest note one person writes between reviews; longer belongs in a review (ADR-024).
NOTE_MAX_LENGTH = 2000


class PlanNote(PersonalDataModel):
    """A dated note in someone's own words about how things are going, between reviews (ADR-024).

    Not plan content: it is never in a `PlanVersion` snapshot and never moves the revision. Never
    edited in place. One that asks for a review is a request the coordinator sees while no review
    has started after it (`plans.notes.open_requests`)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="notes")
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    contributor_kind = models.CharField(max_length=20, choices=ContributorKind.choices)
    text = models.TextField(max_length=NOTE_MAX_LENGTH)
    asks_for_review = models.BooleanField(default=False)
    written_at = models.DateTimeField(auto_now_add=True)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-written_at", "-pk"]
        indexes = [models.Index(fields=["plan", "-written_at"], name="plannote_plan_written")]


class WritesForPerson(PersonalDataModel):
    """The person's choice that one supporter's words go straight into their own-voice sections.

    Append-only: a grant is never changed except to record when it ended and who ended it (ADR-025)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    supporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        ordering = ["granted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "supporter"], condition=models.Q(ended_at__isnull=True), name="one_open_grant"
            )
        ]


class EditKind(models.TextChoices):
    EDITED = "EDITED", "Changed"
    WITHDRAWN = "WITHDRAWN", "Withdrawn"


class ContentEdit(PersonalDataModel):
    """Append-only: one row per change to the words of a statement or outcome, with the words before."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="content_edits")
    # "statement:12" or "outcome:3", as `Disagreement.about`.
    about = models.CharField(max_length=40)
    kind = models.CharField(max_length=20, choices=EditKind.choices)
    old_text = models.TextField()
    new_text = models.TextField(blank=True)
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    edited_at = models.DateTimeField(auto_now_add=True)

    objects = ForPlanQuerySet.as_manager()

    class Meta:
        ordering = ["edited_at", "pk"]
        indexes = [models.Index(fields=["plan", "about"], name="content_edit_item")]
