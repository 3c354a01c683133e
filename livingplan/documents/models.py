"""Documents made in the background: one row per file a viewer asked for (ADR-019).

A row is found by `key`, a hash of everything the file shows (the plan's revision, the viewer,
what they may see, the format, the day); so a change to any of it makes a new row and the old
one is never served again. Rows belong to one viewer and are only ever read through
`visible_to(viewer)`, so a file made for one person is never served to another.

The files are personal data kept in the database, with the same protection as the rows they
were made from. Each viewer keeps at most the newest file of each kind and format per person.
"""

from typing import Self

from django.conf import settings
from django.db import models

from livingplan.core.models import PersonalDataModel
from livingplan.core.viewer import Viewer, active_user
from livingplan.people.models import Person


class MadeDocumentQuerySet(models.QuerySet["MadeDocument"]):
    def visible_to(self, viewer: Viewer) -> Self:
        """Only the viewer a file was made for sees it (the view checks they may still see the person)."""
        user = active_user(viewer)
        if user is None:
            return self.none()
        return self.filter(viewer=user)


class MadeDocument(PersonalDataModel):
    class Status(models.TextChoices):
        WAITING = "WAITING", "Being made"
        READY = "READY", "Ready"
        FAILED = "FAILED", "Could not be made"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)  # DocKind's value, or "export" for the subject access ZIP
    fmt = models.CharField(max_length=20)
    key = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    filename = models.CharField(max_length=200)
    content = models.BinaryField(null=True, editable=False)
    requested_at = models.DateTimeField()
    made_at = models.DateTimeField(null=True, blank=True)

    objects = MadeDocumentQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["viewer", "person", "kind", "fmt"], name="made_document_slot")]

    @property
    def file(self) -> bytes | None:
        """The made file, once it is ready (the database may hand back a memoryview)."""
        if self.status != self.Status.READY or self.content is None:
            return None
        return bytes(self.content)

    def __str__(self) -> str:
        return f"{self.kind} ({self.fmt}) of person {self.person_id} for user {self.viewer_id}: {self.status}"
