"""Users, the organisations they work for, teams, and the roles they hold there."""

from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower


class Role(models.TextChoices):
    COORDINATOR = "COORDINATOR", "Coordinator"
    PRACTITIONER = "PRACTITIONER", "Practitioner"
    ADMINISTRATOR = "ADMINISTRATOR", "Administrator"
    APPROVER = "APPROVER", "Approver"
    QUALITY_LEAD = "QUALITY_LEAD", "Quality lead"
    COMMISSIONER = "COMMISSIONER", "Commissioner"
    ORGANISATION_ADMIN = "ORGANISATION_ADMIN", "Organisation admin"


class OrganisationKind(models.TextChoices):
    COUNCIL = "COUNCIL", "Council"
    NHS_BODY = "NHS_BODY", "NHS body"
    CARE_PROVIDER = "CARE_PROVIDER", "Care provider"
    COMMUNITY = "COMMUNITY", "Voluntary or community organisation"


class User(AbstractUser):
    """Anyone who signs in: staff, a person with a plan, or someone in their circle of support.

    Staff belong to organisations through memberships; people and their circle have none.
    """

    objects: ClassVar[UserManager["User"]] = UserManager()  # type: ignore[assignment]

    # Whether the user has a confirmed second factor, and whether an organisation they work for
    # requires one: loaded with the user for each request by `backends.UsernameOrEmailBackend`,
    # None on a user loaded any other way (ask `accounts.services` then).
    has_second_factor: bool | None = None
    needs_second_factor: bool | None = None

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci", condition=~models.Q(email=""))
        ]

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_staff_member(self) -> bool:
        """True for anyone who works for an organisation, as opposed to a person or their circle."""
        return self.memberships.exists()

    def roles(self) -> set[str]:
        return set(self.memberships.values_list("role", flat=True))

    def has_role(self, role: str) -> bool:
        return self.memberships.filter(role=role).exists()


class Organisation(models.Model):
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices)
    ods_code = models.CharField("ODS code", max_length=10, blank=True)
    requires_two_factor = models.BooleanField(default=False, help_text="Staff must use a second factor to sign in.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["organisation__name", "name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="team_name_unique_in_org")]

    def __str__(self) -> str:
        return f"{self.name}, {self.organisation}"


class Membership(models.Model):
    """A user holds a role at an organisation, optionally within one of its teams."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="memberships")
    role = models.CharField(max_length=30, choices=Role.choices)
    job_title = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["organisation__name", "role"]
        constraints = [models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role")]

    def __str__(self) -> str:
        return f"{self.user} - {self.get_role_display()} at {self.organisation}"


class PasswordLinkKind(models.TextChoices):
    INVITATION = "INVITATION", "Invitation"
    RESET = "RESET", "Password reset"


class PasswordLink(models.Model):
    """A one-time link an organisation admin passes on so a colleague can set a password.

    Living Plan cannot send email for admins yet, so the link is shown once, to the admin. Only a
    hash of its token is kept; opening it (`opened_at`) swaps the token for a short step in the
    visitor's session, so the URL that access logs keep no longer opens anything (ADR-022).
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="password_links")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=PasswordLinkKind.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    opened_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.user}"


class PasswordResetRequest(models.Model):
    """One request for a reset email, counted in the database so every worker shares the limit.

    Only a hash of the address is kept: the count must not become a list of addresses people typed.
    """

    address_hash = models.CharField(max_length=64, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    requested_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"Password reset request at {self.requested_at:%Y-%m-%d %H:%M}"
