"""The people around the person: their care team, their circle of support, and invitations to sign in."""

from typing import Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from livingplan.accounts.models import Organisation
from livingplan.core.models import PersonalDataModel
from livingplan.core.viewer import Viewer, active_user
from livingplan.people import contact_details
from livingplan.people.models import invitation_link
from livingplan.people.models.invitation_link import InvitationLink
from livingplan.people.models.person import Person, collect_errors
from livingplan.people.models.querysets import ForPersonQuerySet


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
    email = models.EmailField(blank=True, error_messages={"invalid": contact_details.EMAIL_MESSAGE})
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
    def visible_to(self, viewer: Viewer) -> Self:
        """Invitations are the person's own business: only they see the ones sent from their record."""
        user = active_user(viewer)
        if user is None:
            return self.none()
        return self.filter(circle_member__person__user=user)

    def waiting(self) -> Self:
        return self.filter(invitation_link.waiting())


class CircleInvitation(InvitationLink):
    """A single-use, expiring invitation for someone in the circle to set a password and sign in."""

    circle_member = models.ForeignKey(CircleMember, on_delete=models.CASCADE, related_name="invitations")

    objects = CircleInvitationQuerySet.as_manager()

    class Meta(InvitationLink.Meta):
        pass

    def __str__(self) -> str:
        return f"Invitation for {self.circle_member}"
