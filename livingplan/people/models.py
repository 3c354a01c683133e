"""The person at the centre of a plan, their care team and their circle of support.

Who may see a person is decided here, once, by `Person.objects.visible_to(user)`: the
person themself; someone in their circle the person has let in; and staff on their care
team whose organisation the person has agreed to share their record with. Oversight roles
(approver, quality lead) see the people their own organisation leads on, again only with
that consent. Organisation walls alone never grant access.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q

from livingplan.accounts.models import Organisation, Role
from livingplan.core.models import PersonalDataModel

OVERSIGHT_ROLES = (Role.APPROVER, Role.QUALITY_LEAD)


class PersonQuerySet(models.QuerySet["Person"]):
    def visible_to(self, user: Any) -> "PersonQuerySet":
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        on_care_team = CareTeamMember.objects.filter(person=OuterRef("pk"), user=user, ended_on__isnull=True).filter(
            Exists(SharingConsent.current.filter(person=OuterRef("person"), organisation=OuterRef("organisation")))
        )
        oversight_orgs = user.memberships.filter(role__in=OVERSIGHT_ROLES).values("organisation")
        oversight = Q(lead_organisation__in=oversight_orgs) & Q(
            Exists(SharingConsent.current.filter(person=OuterRef("pk"), organisation=OuterRef("lead_organisation")))
        )
        in_circle = CircleMember.objects.filter(person=OuterRef("pk"), user=user, has_access=True)
        return self.filter(Q(user=user) | Exists(in_circle) | Exists(on_care_team) | oversight)


class Person(PersonalDataModel):
    """Somebody with care and support needs: the owner of one living plan."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="person_record"
    )
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
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
    def name_to_use(self) -> str:
        return self.preferred_name or self.given_name


class ForPersonQuerySet(models.QuerySet[Any]):
    """Rows that belong to one person are visible exactly when that person is."""

    def visible_to(self, user: Any) -> "ForPersonQuerySet":
        return self.filter(person__in=Person.objects.visible_to(user))


class CurrentConsentManager(models.Manager["SharingConsent"]):
    """Consents not withdrawn. Used only inside `visible_to`, never to list rows for a user."""

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
