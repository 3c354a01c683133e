"""Bearer tokens for the API. Only a SHA-256 hash of each token is stored; the token itself is shown once."""

from django.conf import settings
from django.db import models


class TokenScope(models.TextChoices):
    """What a token may do. A write token may also read."""

    READ = "read", "Read"
    WRITE = "write", "Read and write"
    # Reads over FHIR R4 at /fhir/r4/ only (issue 15): a partner system's link, not the JSON API.
    FHIR = "fhir", "FHIR read"


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def usable(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ApiToken(models.Model):
    """A token that acts as its user, under the same `visible_to` rules as that user signed in."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, for example, the GP system link.")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    scope = models.CharField(max_length=10, choices=TokenScope.choices, default=TokenScope.READ)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_scope_display()}) for {self.user}"

    def allows(self, scope: str) -> bool:
        if scope == TokenScope.FHIR or self.scope == TokenScope.FHIR:
            return scope == self.scope
        return scope == TokenScope.READ or self.scope == TokenScope.WRITE
