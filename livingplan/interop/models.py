"""What the FHIR import remembers so a second run matches instead of duplicating (ADR-044).

`ExternalIdentifier`: an identifier another system gave the person (Synthea's id, a hospital
number), so their next bundle finds the same person. `ImportedResource`: one row per resource
we made something from (a Goal's outcome, a CarePlan activity's action), keyed by the sending
system's identifier or full URL. Both carry `person_id`, as every table of a person's data does.
"""

from django.db import models

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
