"""The person: who they are, how to reach them, and how they need information."""

from collections.abc import Callable
from typing import Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from livingplan.accounts.models import Organisation
from livingplan.core import dates
from livingplan.core.models import PersonalDataModel
from livingplan.core.viewer import Viewer, active_user
from livingplan.people import contact_details, nhs_number
from livingplan.people.models.querysets import ForPersonQuerySet, visible_ids
from livingplan.people.pronouns import Pronouns, pronouns_for


class PersonQuerySet(models.QuerySet["Person"]):
    def visible_to(self, viewer: Viewer) -> Self:
        """The people `viewer` may see: the rule in `visibility.py`."""
        user = active_user(viewer)
        if user is None:
            return self.none()
        return self.filter(pk__in=visible_ids(user))


class Person(PersonalDataModel):
    """Somebody with care and support needs: the owner of one living plan."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="person_record"
    )
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    pronouns = models.CharField(max_length=40, blank=True)
    nhs_number = models.CharField(
        "NHS number", max_length=10, null=True, blank=True, unique=True, validators=[nhs_number.validate]
    )
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True, error_messages={"invalid": contact_details.EMAIL_MESSAGE})
    gp_practice = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="registered_people"
    )
    lead_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="people_led",
        help_text="The council that leads on this person's care and support.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def pronoun(self) -> Pronouns:
        """The words for them in a sentence: `person.pronoun.their` is "his" for he/him."""
        return pronouns_for(self.pronouns)

    @property
    def name_to_use(self) -> str:
        return self.preferred_name or self.given_name

    def clean(self) -> None:
        # The same rules and words as the forms (ADR-017), for every way in: forms, API, imports.
        errors = collect_errors(
            phone=lambda: self._phone_check()(self.phone),
            postcode=lambda: contact_details.validate_postcode(self.postcode),
            date_of_birth=lambda: dates.validate(self.date_of_birth, dates.BIRTH, "Date of birth"),
        )
        if errors:
            raise ValidationError(errors)

    def _phone_check(self) -> Callable[[str], None]:
        """Someone who chose text messages needs a UK mobile; anyone else any number that can be dialled."""
        if self.pk is None:
            return contact_details.validate_phone
        chosen = CommunicationNeeds.objects.filter(person_id=self.pk).values_list("preferred_channel", flat=True)
        texts = chosen.first() == ContactChannel.TEXT
        return contact_details.validate_mobile if texts else contact_details.validate_phone


def collect_errors(**checks: Callable[[], None]) -> dict[str, list[ValidationError]]:
    """Run each field's check; the errors by field name, for one `ValidationError` from `clean()`."""
    errors: dict[str, list[ValidationError]] = {}
    for field, check in checks.items():
        try:
            check()
        except ValidationError as error:
            errors[field] = error.error_list
    return errors


class InformationFormat(models.TextChoices):
    STANDARD = "STANDARD", "Standard print"
    EASY_READ = "EASY_READ", "Easy read"
    LARGE_PRINT = "LARGE_PRINT", "Large print"
    BRAILLE = "BRAILLE", "Braille"
    AUDIO = "AUDIO", "Audio"
    BSL = "BSL", "British Sign Language"


class ContactChannel(models.TextChoices):
    EMAIL = "EMAIL", "Email"
    LETTER = "LETTER", "Letter"
    PHONE = "PHONE", "Phone call"
    TEXT = "TEXT", "Text message"


class CommunicationNeeds(PersonalDataModel):
    """How the person needs information (Accessible Information Standard). Drives every rendering and message."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="communication_needs")
    information_format = models.CharField(
        max_length=20, choices=InformationFormat.choices, default=InformationFormat.STANDARD
    )
    preferred_channel = models.CharField(max_length=10, choices=ContactChannel.choices, default=ContactChannel.LETTER)
    language = models.CharField(max_length=60, default="English")
    needs_interpreter = models.BooleanField(default=False)
    times_to_avoid = models.CharField(max_length=200, blank=True)
    other_needs = models.TextField(blank=True, help_text="For example, a hearing loop, or extra time to answer.")
    updated_at = models.DateTimeField(auto_now=True)

    objects = ForPersonQuerySet.as_manager()

    def clean(self) -> None:
        # Text messages need a UK mobile: refused here rather than found out when a text cannot go.
        if self.preferred_channel == ContactChannel.TEXT and not contact_details.is_uk_mobile(self.person.phone):
            raise ValidationError({"preferred_channel": TEXT_NEEDS_MOBILE})


TEXT_NEEDS_MOBILE = "To get text messages, add a UK mobile number to the personal details, like 07700 900 982"
