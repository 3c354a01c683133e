"""The person's consent for each organisation's staff on their care team to see their record."""

from django.db import models

from livingplan.accounts.models import Organisation
from livingplan.core.models import PersonalDataModel
from livingplan.people.models.person import Person
from livingplan.people.models.querysets import ForPersonQuerySet


class CurrentConsentManager(models.Manager["SharingConsent"]):
    """Consents not withdrawn, for the consent service to check before it changes one. Not scoped to
    a viewer, so never used to list rows for a user; `visible_to` has the rule as SQL (ADR-014)."""

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
