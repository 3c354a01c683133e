"""The person at the centre of a plan, their care team and their circle of support.

Who may see a person is decided here, once, by `Person.objects.visible_to(user)`: the
person themself; someone in their circle the person has let in; and staff on their care
team whose organisation the person has agreed to share their record with. Oversight roles
(approver, quality lead) see the people their own organisation leads on, again only with
that consent. When the person has been assessed as lacking capacity to decide who sees
their record, their health and welfare attorney or welfare deputy, linked to their sign-in,
sees it, because they make that decision for them (ADR-012). Organisation walls alone never
grant access.
"""

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from livingplan.accounts.models import Membership, Organisation, Role
from livingplan.core import dates
from livingplan.core.models import PersonalDataModel
from livingplan.people import contact_details, nhs_number
from livingplan.people.pronouns import Pronouns, pronouns_for

OVERSIGHT_ROLES = (Role.APPROVER, Role.QUALITY_LEAD)


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


@functools.cache
def _visible_ids_sql() -> str:
    """The ids of the people one user may see: the access rule above, as one statement.

    Written as SQL rather than composed with the ORM because every personal-data read in the
    service runs it, and the ORM took about ten times longer to build this query than the
    database took to answer it (ADR-014). It is self-contained (no reference to an outer
    query), so it is safe inside any other query, and each branch is an indexed lookup.
    """
    person, circle = Person._meta.db_table, CircleMember._meta.db_table
    team, consent = CareTeamMember._meta.db_table, SharingConsent._meta.db_table
    membership = Membership._meta.db_table
    authority = LegalAuthority._meta.db_table
    roles = ", ".join(["%s"] * len(OVERSIGHT_ROLES))
    # Only table names from our own models are formatted in; every value is a parameter.
    return f"""
        SELECT p.id FROM {person} p WHERE p.user_id = %s
        UNION
        SELECT c.person_id FROM {circle} c WHERE c.user_id = %s AND c.has_access = %s
        UNION
        SELECT t.person_id FROM {team} t
          JOIN {consent} s ON s.person_id = t.person_id AND s.organisation_id = t.organisation_id
         WHERE t.user_id = %s AND t.ended_on IS NULL AND s.withdrawn_at IS NULL
        UNION
        SELECT p.id FROM {person} p
          JOIN {membership} m ON m.organisation_id = p.lead_organisation_id
          JOIN {consent} s ON s.person_id = p.id AND s.organisation_id = p.lead_organisation_id
         WHERE m.user_id = %s AND m.role IN ({roles}) AND s.withdrawn_at IS NULL
        UNION
        SELECT a.person_id FROM {authority} a
         WHERE a.held_by_id = %s AND {ACTING_AUTHORITY_SQL}
           AND {latest_capacity_outcome_sql("a.person_id")} = %s
    """  # noqa: S608


def visible_person_ids(user: Any) -> RawSQL:
    """A subquery of the ids of the people `user` may see; use it only through a `visible_to`."""
    # The last branch is the attorney or deputy deciding who sees the record for a person who
    # lacks capacity to decide that (people.capacity states the same rule for the decision itself).
    acting = [user.pk, *acting_authority_params(), DecisionKind.SHARING, CapacityOutcome.LACKS_CAPACITY]
    params = [user.pk, user.pk, True, user.pk, user.pk, *OVERSIGHT_ROLES, *acting]
    return RawSQL(_visible_ids_sql(), params)  # noqa: S611 - fixed SQL, values passed as parameters


class PersonQuerySet(models.QuerySet["Person"]):
    def visible_to(self, user: Any) -> "PersonQuerySet":
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        return self.filter(pk__in=visible_person_ids(user))


class Person(PersonalDataModel):
    """Somebody with care and support needs: the owner of one living plan."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="person_record"
    )
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    pronouns = models.CharField(max_length=40, blank=True)
    nhs_number = models.CharField(
        "NHS number", max_length=10, null=True, blank=True, unique=True, validators=[nhs_number.validate]
    )
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    gp_practice = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="registered_people"
    )
    lead_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="people_led",
        help_text="The council that leads on this person's care and support.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def pronoun(self) -> Pronouns:
        """The words for them in a sentence: `person.pronoun.their` is "his" for he/him."""
        return pronouns_for(self.pronouns)

    @property
    def name_to_use(self) -> str:
        return self.preferred_name or self.given_name

    def clean(self) -> None:
        # The same rules and words as the forms (ADR-017), for every way in: forms, API, imports.
        errors = collect_errors(
            phone=lambda: contact_details.validate_phone(self.phone),
            postcode=lambda: contact_details.validate_postcode(self.postcode),
            date_of_birth=lambda: dates.validate(self.date_of_birth, dates.BIRTH, "Date of birth"),
        )
        if errors:
            raise ValidationError(errors)


def collect_errors(**checks: Callable[[], None]) -> dict[str, list[ValidationError]]:
    """Run each field's check; the errors by field name, for one `ValidationError` from `clean()`."""
    errors: dict[str, list[ValidationError]] = {}
    for field, check in checks.items():
        try:
            check()
        except ValidationError as error:
            errors[field] = error.error_list
    return errors


class ForPersonQuerySet(models.QuerySet[Any]):
    """Rows that belong to one person are visible exactly when that person is."""

    def visible_to(self, user: Any) -> "ForPersonQuerySet":
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        return self.filter(person_id__in=visible_person_ids(user))


class CurrentConsentManager(models.Manager["SharingConsent"]):
    """Consents not withdrawn, for services asking whether an organisation may see a person
    (`services.consent`); never to list rows for a user (the visible_to lint refuses it in views)."""

    def get_queryset(self) -> models.QuerySet["SharingConsent"]:
        return super().get_queryset().filter(withdrawn_at__isnull=True)


class SharingConsent(PersonalDataModel):
    """The person agrees that an organisation's staff on their care team may see their record."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="sharing_consents")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    given_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = ForPersonQuerySet.as_manager()
    current = CurrentConsentManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "organisation"], name="one_consent_per_org")]


class CareTeamMember(PersonalDataModel):
    """A member of staff on the person's care team, from any organisation."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="care_team")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_team_roles")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    role_description = models.CharField(max_length=120, blank=True, help_text="For example, district nurse.")
    is_coordinator = models.BooleanField(default=False)
    started_on = models.DateField(auto_now_add=True)
    ended_on = models.DateField(null=True, blank=True)

    objects = ForPersonQuerySet.as_manager()

    class Meta:
        ordering = ["-is_coordinator", "user__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(is_coordinator=True, ended_on__isnull=True),
                name="one_current_coordinator",
            ),
            models.UniqueConstraint(
                fields=["person", "user"],
                condition=Q(ended_on__isnull=True),
                name="one_current_role_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} on {self.person}'s care team"


class CircleMember(PersonalDataModel):
    """Family, a friend or a carer in the person's circle of support."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="circle")
    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=100, help_text="For example, daughter, neighbour, carer.")
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    is_carer = models.BooleanField(default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="circle_roles"
    )
    has_access = models.BooleanField(default=False, help_text="The person lets them sign in and see their plan.")

    objects = ForPersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "user"], condition=Q(user__isnull=False), name="one_circle_row_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.relationship})"

    def clean(self) -> None:
        if errors := collect_errors(phone=lambda: contact_details.validate_phone(self.phone)):
            raise ValidationError(errors)


class CircleInvitationQuerySet(models.QuerySet["CircleInvitation"]):
    def visible_to(self, user: Any) -> "CircleInvitationQuerySet":
        """Invitations are the person's own business: only they see the ones sent from their record."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        return self.filter(circle_member__person__user=user)

    def waiting(self) -> "CircleInvitationQuerySet":
        """Sent, and not yet accepted, cancelled or out of date (opened ones too: not finished)."""
        return self.filter(accepted_at__isnull=True, cancelled_at__isnull=True, expires_at__gt=timezone.now())


class CircleInvitation(PersonalDataModel):
    """A single-use, expiring invitation for someone in the circle to set a password and sign in.

    Only a hash of the token is kept: the link itself is shown once, to the person who invites.
    The link works once: opening it (`opened_at`) swaps the token for a short step in the
    visitor's session, so the URL that access logs keep no longer opens anything.
    """

    circle_member = models.ForeignKey(CircleMember, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = CircleInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.circle_member}"


class InformationFormat(models.TextChoices):
    STANDARD = "STANDARD", "Standard print"
    EASY_READ = "EASY_READ", "Easy read"
    LARGE_PRINT = "LARGE_PRINT", "Large print"
    BRAILLE = "BRAILLE", "Braille"
    AUDIO = "AUDIO", "Audio"
    BSL = "BSL", "British Sign Language"


class ContactChannel(models.TextChoices):
    EMAIL = "EMAIL", "Email"
    LETTER = "LETTER", "Letter"
    PHONE = "PHONE", "Phone call"
    TEXT = "TEXT", "Text message"


class CommunicationNeeds(PersonalDataModel):
    """How the person needs information (Accessible Information Standard). Drives every rendering and message."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="communication_needs")
    information_format = models.CharField(
        max_length=20, choices=InformationFormat.choices, default=InformationFormat.STANDARD
    )
    preferred_channel = models.CharField(max_length=10, choices=ContactChannel.choices, default=ContactChannel.LETTER)
    language = models.CharField(max_length=60, default="English")
    needs_interpreter = models.BooleanField(default=False)
    times_to_avoid = models.CharField(max_length=200, blank=True)
    other_needs = models.TextField(blank=True, help_text="For example, a hearing loop, or extra time to answer.")
    updated_at = models.DateTimeField(auto_now=True)

    objects = ForPersonQuerySet.as_manager()


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
