"""An invitation for the person themself to sign in, sent by their care team (ADR-048).

The same kind of link as an invitation to the circle (ADR-016): single use, seven days, only a
hash of the token kept, swapped for a step in the visitor's session when opened. It is the
person's own record, so it carries `person_id` and is visible exactly when they are.
"""

from typing import Self

from django.conf import settings
from django.db import models
from django.utils import timezone

from livingplan.core.models import PersonalDataModel
from livingplan.people.models.person import Person
from livingplan.people.models.querysets import ForPersonQuerySet


class OwnInvitationQuerySet(ForPersonQuerySet["OwnInvitation"]):
    def waiting(self) -> Self:
        """Sent, and not yet accepted, cancelled or out of date (opened ones too: not finished)."""
        return self.filter(accepted_at__isnull=True, cancelled_at__isnull=True, expires_at__gt=timezone.now())


class OwnInvitation(PersonalDataModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="own_invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    opened_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    # A newer invitation replaces one never used: the older link stops working.
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = OwnInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.person} to sign in"
