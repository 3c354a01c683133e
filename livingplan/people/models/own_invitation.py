"""An invitation for the person themself to sign in, sent by their care team (ADR-048).

The same kind of link as an invitation to the circle (ADR-016): single use, seven days, only a
hash of the token kept, swapped for a step in the visitor's session when opened. It is the
person's own record, so it carries `person_id` and is visible exactly when they are.
"""

from typing import Self

from django.db import models

from livingplan.people.models import invitation_link
from livingplan.people.models.invitation_link import InvitationLink
from livingplan.people.models.person import Person
from livingplan.people.models.querysets import ForPersonQuerySet


class OwnInvitationQuerySet(ForPersonQuerySet["OwnInvitation"]):
    def waiting(self) -> Self:
        return self.filter(invitation_link.waiting())


class OwnInvitation(InvitationLink):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="own_invitations")

    objects = OwnInvitationQuerySet.as_manager()

    class Meta(InvitationLink.Meta):
        pass

    def __str__(self) -> str:
        return f"Invitation for {self.person} to sign in"
