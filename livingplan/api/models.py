"""Bearer tokens for the API, and the request counts that rate-limit them.

Only a SHA-256 hash of each token is stored; the token itself is shown once. A token carries a
set of scopes, always expires (at most a year after it was made) and can be revoked. It acts as
its user: a person or member of staff, or an organisation's system account (ADR-052).
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from livingplan.accounts.models import Organisation

# The longest a token may work for: another system's link is renewed at least once a year.
MAX_LIFETIME = dt.timedelta(days=366)


class TokenScope(models.TextChoices):
    """What a token may do. A write token may also read the JSON API."""

    READ = "read", "Read through the API"
    WRITE = "write", "Read and change through the API"
    # Reads over FHIR R4 at /fhir/r4/ only (issue 15): a partner system's link, not the JSON API.
    FHIR = "fhir", "Read as FHIR R4"


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def usable(self) -> "ApiTokenQuerySet":
        """Not revoked, not expired, and its user still active."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now(), user__is_active=True)

    def of_organisation(self, organisation: Organisation) -> "ApiTokenQuerySet":
        return self.filter(organisation=organisation)


class ApiToken(models.Model):
    """A token that acts as its user, under the same `visible_to` rules as that user signed in."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, for example, the GP system link.")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The scopes, sorted and joined with commas ("fhir,read"): a set both databases store alike.
    scopes = models.CharField(max_length=40, default=TokenScope.READ)
    # Set when an organisation admin made the token for their organisation's system account.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="api_tokens"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({', '.join(self.scope_labels)}) for {self.user}"

    @property
    def scope_set(self) -> frozenset[str]:
        return frozenset(s for s in self.scopes.split(",") if s)

    @property
    def scope_labels(self) -> list[str]:
        return [TokenScope(s).label for s in TokenScope.values if s in self.scope_set]

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    def allows(self, scope: str) -> bool:
        """`fhir` opens only the FHIR endpoints; `write` includes reading the JSON API."""
        if scope == TokenScope.READ:
            return bool(self.scope_set & {TokenScope.READ, TokenScope.WRITE})
        return scope in self.scope_set


class RequestCount(models.Model):
    """How many API requests one caller made in one fixed window (ADR-052).

    In the database, so every server process counts against the same allowance; one row per
    caller and window, added to with one UPDATE, and rows of finished windows pruned."""

    key = models.CharField(max_length=80)  # "token:12" or "user:7"
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window_start"], name="api_request_count_unique")]
        indexes = [models.Index(fields=["window_start"], name="api_request_count_window")]

    def __str__(self) -> str:
        return f"{self.key}: {self.count} from {self.window_start:%H:%M:%S}"
