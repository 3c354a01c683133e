"""How an organisation signs off budgets, as it set it: append-only versions, the latest counts.

No personal data, so no `person_id`: it belongs to the organisation, like `ApproverLevel`. A
change is a new row with the next version (never an edit), so what a budget was judged by on a
given day can always be read back; the audit trail says who changed it and from what.
"""

from django.conf import settings
from django.db import models


class SecondTier(models.TextChoices):
    SENIOR_MANAGER = "SENIOR_MANAGER", "A senior manager, on their own"
    PANEL = "PANEL", "A funding panel, deciding together"


class SignOffSettings(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    target_days = models.PositiveSmallIntegerField()  # working days from submission to decision
    # The yearly cost in pence each level may sign off; empty for no limit.
    team_manager_limit_pence = models.PositiveIntegerField(null=True, blank=True)
    senior_manager_limit_pence = models.PositiveIntegerField(null=True, blank=True)
    panel_limit_pence = models.PositiveIntegerField(null=True, blank=True)
    second_tier_for_new_or_increased = models.BooleanField(default=False)
    second_tier = models.CharField(max_length=20, choices=SecondTier.choices, default=SecondTier.SENIOR_MANAGER)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "version"], name="budget_settings_version_once"),
            models.CheckConstraint(condition=models.Q(target_days__gte=1), name="budget_settings_target_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} v{self.version}"
