"""The shared kernel's models: the audit trail and the base every personal-data model uses."""

from typing import ClassVar, Self

from django.conf import settings
from django.db import models

from livingplan.core.viewer import Viewer, active_user


class PersonalDataModel(models.Model):
    """A model that holds personal data.

    Every subclass's default manager must offer `visible_to(user)`; views and the API reach
    rows only through it (a test walks the view modules to keep that true).
    """

    holds_personal_data: ClassVar[bool] = True

    class Meta:
        abstract = True


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def about_person(self, person_id: int) -> "AuditEventQuerySet":
        return self.filter(person_id=person_id).order_by("-occurred_at")

    def visible_to(self, viewer: Viewer) -> Self:
        """A person may read the trail about their own record; nobody else reads it here."""
        # `person_record` is people's link to the user, named by attribute: the kernel imports no app.
        person_id = getattr(getattr(active_user(viewer), "person_record", None), "pk", None)
        if person_id is None:
            return self.none()
        return self.filter(person_id=person_id)


class AuditEvent(models.Model):
    """One thing somebody did or looked at: who, what, about whom, when and from where.

    `person_id` and `object_id` are plain columns, not foreign keys, so the trail outlives
    the records it describes and the kernel depends on no other app. The index on
    (person_id, occurred_at) serves "who looked at my record".
    """

    holds_personal_data: ClassVar[bool] = True

    occurred_at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The organisation the actor acted for, kept as text: memberships change, history must not.
    actor_organisation = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=100)
    person_id = models.BigIntegerField(null=True, blank=True)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["person_id", "-occurred_at"], name="audit_person_time"),
            models.Index(fields=["actor", "-occurred_at"], name="audit_actor_time"),
            models.Index(fields=["action", "-occurred_at"], name="audit_action_time"),
        ]
        ordering = ["-occurred_at"]

    def __str__(self) -> str:
        return f"{self.action} by {self.actor_id} at {self.occurred_at:%Y-%m-%d %H:%M}"

    @property
    def is_read(self) -> bool:
        return self.action.endswith(".viewed") or self.action.endswith(".exported")
