"""What every invitation to sign in shares: to the circle (ADR-016) or to the person themself (ADR-048)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from livingplan.core.models import PersonalDataModel


def waiting() -> Q:
    """Sent, and not yet accepted, cancelled or out of date (opened ones too: not finished)."""
    return Q(accepted_at__isnull=True, cancelled_at__isnull=True, expires_at__gt=timezone.now())


class InvitationLink(PersonalDataModel):
    """What every sign-in invitation holds: a single-use link's hash, who sent it, and how it ended.

    Only a hash of the token is kept: the link itself goes to the one invited. Opening it
    (`opened_at`) swaps the token for a short step in the visitor's session, so the URL that access
    logs keep no longer opens anything. A newer invitation cancels one never used.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    opened_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]
