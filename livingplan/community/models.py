"""The community directory (what is available locally) and the links from a plan's actions to it.

A `Resource` is about a place or group, not a person: it holds no personal data and anyone signed
in may read it. A `ResourceLink` (an action in someone's plan points at a resource) and a
`HelpedAnswer` (did it help?) are about a person: they carry `person_id` and are read only through
`visible_to(viewer)`, like every other row about a person.
"""

import uuid

from django.conf import settings
from django.db import models

from livingplan.community import areas
from livingplan.core.models import PersonalDataModel
from livingplan.people.models import Person
from livingplan.people.models.querysets import ForPersonQuerySet
from livingplan.plans.models import Action

NAME_MAX = 200


class ResourceKind(models.TextChoices):
    GROUP = "GROUP", "Group"
    ACTIVITY = "ACTIVITY", "Activity"
    TIME_BANK = "TIME_BANK", "Time bank"
    LIBRARY = "LIBRARY", "Library"
    LEISURE = "LEISURE", "Leisure"
    PEER_SUPPORT = "PEER_SUPPORT", "Peer support"
    OTHER = "OTHER", "Something else"


class ResourceStatus(models.TextChoices):
    """Open Referral's service statuses; only an active resource is offered in search and packs."""

    ACTIVE = "ACTIVE", "Running"
    TEMPORARILY_CLOSED = "TEMPORARILY_CLOSED", "Closed for now"
    INACTIVE = "INACTIVE", "Not running"
    DEFUNCT = "DEFUNCT", "Closed for good"


def new_oruk_id() -> str:
    return str(uuid.uuid4())


class Tag(models.Model):
    """A word a resource is found by ("walking", "memory", "carers"), always kept in lower case."""

    name = models.CharField(max_length=50, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Resource(models.Model):
    """Something local a person might use: a group, an activity, a time bank, a library, leisure, peer support."""

    # The Open Referral UK service id: a re-import with the same id changes this row, never adds one.
    oruk_id = models.CharField(max_length=36, unique=True, default=new_oruk_id)
    kind = models.CharField(max_length=20, choices=ResourceKind.choices, default=ResourceKind.OTHER)
    status = models.CharField(max_length=20, choices=ResourceStatus.choices, default=ResourceStatus.ACTIVE)
    name = models.CharField(max_length=NAME_MAX)
    description = models.TextField(blank=True)
    organisation_name = models.CharField("Who runs it", max_length=NAME_MAX, blank=True)
    where = models.TextField("Where", blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    # Worked out from the postcode when saved (`areas.district`): what "search by area" matches.
    district = models.CharField(max_length=4, blank=True, db_index=True)
    when = models.TextField("When", blank=True)
    cost = models.CharField(max_length=300, blank=True)
    eligibility = models.TextField("Who it is for", blank=True)
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    contact_name = models.CharField(max_length=NAME_MAX, blank=True)
    contact_phone = models.CharField(max_length=30, blank=True)
    contact_email = models.EmailField(blank=True)
    website = models.URLField(max_length=500, blank=True)
    accessibility = models.TextField(blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="resources")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        # Derived, not business logic: the district is how the postcode is searched.
        self.district = areas.district(self.postcode)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def is_active(self) -> bool:
        return self.status == ResourceStatus.ACTIVE


class ResourceLinkQuerySet(ForPersonQuerySet["ResourceLink"]):
    """Visible exactly when the person is; the plan's sharing of the action is applied by presenters."""


class ResourceLink(PersonalDataModel):
    """An action in a person's plan points at a resource: "try the Tuesday walking group"."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="+")
    resource = models.ForeignKey(Resource, on_delete=models.PROTECT, related_name="links")
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField(auto_now_add=True)
    # The day the person is asked "did it help?" (COMMUNITY_ASK_AFTER_WEEKS after linking).
    ask_on = models.DateField()

    objects = ResourceLinkQuerySet.as_manager()

    class Meta:
        ordering = ["linked_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["action", "resource"], name="community_link_once")]
        indexes = [models.Index(fields=["ask_on"], name="community_link_ask_on")]

    def __str__(self) -> str:
        return f"Action {self.action_id} -> {self.resource_id}"


class Helped(models.TextChoices):
    YES = "YES", "Yes"
    A_BIT = "A_BIT", "A bit"
    NO = "NO", "No"


class HelpedAnswerQuerySet(ForPersonQuerySet["HelpedAnswer"]):
    """Visible exactly when the person is. Totals for a resource are counted in `feedback.py`."""


class HelpedAnswer(PersonalDataModel):
    """The person's answer to "did it help?" about one link: once, never changed (append-only)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    link = models.OneToOneField(ResourceLink, on_delete=models.CASCADE, related_name="answer")
    # Kept beside the link so the resource's totals need no join through people's plans.
    resource = models.ForeignKey(Resource, on_delete=models.PROTECT, related_name="answers")
    answer = models.CharField(max_length=10, choices=Helped.choices)
    words = models.TextField(blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(auto_now_add=True)

    objects = HelpedAnswerQuerySet.as_manager()

    class Meta:
        ordering = ["answered_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_answer_display()} for link {self.link_id}"
