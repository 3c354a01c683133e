"""What the FHIR import remembers so a second run matches instead of duplicating (ADR-044).

`ExternalIdentifier`: an identifier another system gave the person (Synthea's id, a hospital
number), so their next bundle finds the same person. `ImportedResource`: one row per resource
we made something from (a Goal's outcome, a CarePlan activity's action), keyed by the sending
system's identifier or full URL. Both carry `person_id`, as every table of a person's data does.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from livingplan.core.models import PersonalDataModel
from livingplan.people.models import ForPersonQuerySet, Person


class ExternalIdentifier(PersonalDataModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    system = models.CharField(max_length=300)
    value = models.CharField(max_length=200)

    objects = ForPersonQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["system", "value"], name="one_person_per_external_identifier")]

    def __str__(self) -> str:
        return f"{self.system}|{self.value}"


class ImportedResource(PersonalDataModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    resource_type = models.CharField(max_length=40)
    key = models.CharField(max_length=400, help_text="The sender's identifier, full URL or id of the resource.")
    object_type = models.CharField(max_length=100)
    object_id = models.PositiveBigIntegerField()
    imported_at = models.DateTimeField(auto_now_add=True)

    objects = ForPersonQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "resource_type", "key"], name="one_import_per_resource")
        ]

    def __str__(self) -> str:
        return f"{self.resource_type} {self.key}"


class BulkExport(models.Model):
    """One FHIR Bulk Data `$export` a user asked for (ADR-045): its progress, then its files.

    Not a person's data (its files are, and live on disk under `bulk.export_dir`): a job row
    the task worker moves on, read only by the user who asked (`for_user`)."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting to start"
        RUNNING = "running", "Being written"
        DONE = "done", "Ready to download"
        FAILED = "failed", "Could not be finished"
        CANCELLED = "cancelled", "Cancelled"

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    level = models.CharField(max_length=20, help_text="system ($export) or Patient (Patient/$export)")
    types = models.JSONField(default=list, blank=True, help_text="The resource types asked for; none: all.")
    request_url = models.CharField(max_length=2000)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    total = models.PositiveIntegerField(default=0)
    written = models.PositiveIntegerField(default=0)
    files = models.JSONField(default=list, blank=True, help_text='[{"type": "Goal", "count": 12}, ...]')
    requested_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"FHIR export {self.pk} ({self.status})"

    @property
    def is_going(self) -> bool:
        return self.status in (self.Status.WAITING, self.Status.RUNNING)
