"""Forms for the person's record, with NHS-style messages."""

from typing import Any

from django import forms
from django.contrib.auth import password_validation

from livingplan.accounts.models import Organisation, User
from livingplan.accounts.staff_forms import new_password_field, nhs_style, password_again_field
from livingplan.core import dates
from livingplan.core import forms as ds
from livingplan.people import contact_details, nhs_number
from livingplan.people.models import CapacityOutcome, ContactChannel, DecisionKind, InformationFormat, LegalAuthority
from livingplan.people.models.person import TEXT_NEEDS_MOBILE


class PersonDetailsForm(forms.Form):
    given_name = ds.CharField(label="First name", max_length=100, autocomplete="given-name")
    family_name = ds.CharField(label="Last name", max_length=100, autocomplete="family-name")
    preferred_name = ds.CharField(
        label="Preferred name", required=False, max_length=100, hint="What you like to be called, if different"
    )
    pronouns = ds.CharField(
        label="Pronouns", required=False, max_length=40, hint="For example, she/her", classes="nhsuk-input--width-10"
    )
    date_of_birth = ds.DateField(
        label="Date of birth", required=False, example="15 3 1984", kind=dates.BIRTH, what="Date of birth"
    )
    nhs_number = ds.CharField(
        label="NHS number",
        required=False,
        max_length=14,
        hint="For example, 485 777 3456",
        classes="nhsuk-input--width-10",
    )
    address = ds.CharField(
        label="Address", required=False, widget=forms.Textarea(attrs={"rows": 3}), autocomplete="street-address"
    )
    postcode = ds.CharField(
        label="Postcode", required=False, max_length=10, classes="nhsuk-input--width-10", autocomplete="postal-code"
    )
    phone = ds.CharField(
        label="Phone number", required=False, max_length=40, autocomplete="tel", classes="nhsuk-input--width-20"
    )
    email = ds.EmailField(label="Email address", required=False)

    def __init__(self, *args: Any, texts: bool = False, **kwargs: Any) -> None:
        """`texts`: the person chose text messages, so the number must be a UK mobile."""
        super().__init__(*args, **kwargs)
        self.texts = texts
        self.fields["given_name"].error_messages["required"] = "Enter a first name"
        self.fields["family_name"].error_messages["required"] = "Enter a last name"
        if texts:
            self.fields["phone"].label = "Mobile phone number"
            self.fields["phone"].hint = "Text messages are sent to this number. For example, 07700 900 982"  # type: ignore[attr-defined]

    def clean_nhs_number(self) -> str:
        value: str = self.cleaned_data["nhs_number"]
        if value:
            nhs_number.validate(value)
        return nhs_number.normalise(value)

    def clean_phone(self) -> str:
        return _phone(self.cleaned_data["phone"], mobile=self.texts)

    def clean_postcode(self) -> str:
        value = contact_details.normalise_postcode(self.cleaned_data["postcode"])
        contact_details.validate_postcode(value)
        return value


def _phone(value: str, *, mobile: bool = False) -> str:
    value = contact_details.normalise_phone(value)
    (contact_details.validate_mobile if mobile else contact_details.validate_phone)(value)
    return value


class CommunicationNeedsForm(forms.Form):
    information_format = ds.ChoiceField(
        label="How should information be given to you?", choices=InformationFormat.choices
    )
    preferred_channel = ds.ChoiceField(label="How should we contact you?", choices=ContactChannel.choices)
    language = ds.CharField(label="Language", max_length=60, classes="nhsuk-input--width-20")
    needs_interpreter = ds.BooleanField(label="I need an interpreter", required=False)
    times_to_avoid = ds.CharField(
        label="Times to avoid contacting you", required=False, max_length=200, hint="For example, mornings before 10am"
    )
    other_needs = ds.CharField(
        label="Anything else that helps you communicate", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, phone: str = "", **kwargs: Any) -> None:
        """`phone`: the number on the record, which must be a UK mobile for text messages."""
        super().__init__(*args, **kwargs)
        self.phone = phone

    def clean_preferred_channel(self) -> str:
        channel: str = self.cleaned_data["preferred_channel"]
        if channel == ContactChannel.TEXT and not contact_details.is_uk_mobile(self.phone):
            raise forms.ValidationError(TEXT_NEEDS_MOBILE)
        return channel


class CapacityForm(forms.Form):
    decision_kind = ds.ChoiceField(
        label="What is the decision about?",
        choices=DecisionKind.choices,
        hint=(
            "If it is about agreeing the care and support plan, or who information is shared with, "
            "the service uses the latest assessment to decide who can make that decision"
        ),
        required_message="Select what the decision is about",
    )
    decision = ds.CharField(
        label="Which decision was assessed?",
        max_length=300,
        hint="Capacity is about one decision at a time, for example, moving home",
        required_message="Enter the decision that was assessed",
    )
    outcome = ds.ChoiceField(
        label="What was the outcome?",
        choices=CapacityOutcome.choices,
        required_message="Select the outcome of the assessment",
    )
    assessed_on = ds.DateField(
        label="Date of assessment",
        required_message="Enter the date of the assessment",
        kind=dates.HAPPENED,
        what="The date of the assessment",
    )
    notes = ds.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    best_interests_decision = ds.CharField(
        label="Best interests decision, if one was made", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AdvocacyForm(forms.Form):
    is_needed = ds.BooleanField(label="An independent advocate is needed", required=False)
    reason = ds.CharField(label="Why an advocate is needed", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    advocate_name = ds.CharField(label="Advocate's name", required=False, max_length=200)
    advocate_organisation = ds.CharField(label="Advocacy organisation", required=False, max_length=200)
    advocate_contact = ds.CharField(label="How to contact the advocate", required=False, max_length=200)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("is_needed") and not data.get("reason"):
            self.add_error("reason", "Enter why an advocate is needed")
        return data


class LegalAuthorityForm(forms.Form):
    kind = ds.ChoiceField(
        label="What kind of authority?",
        choices=LegalAuthority.Kind.choices,
        required_message="Select the kind of authority",
    )
    name = ds.CharField(label="Name", max_length=200, required_message="Enter their name")
    contact = ds.CharField(label="Contact details", required=False, max_length=200)
    registered_on = ds.DateField(
        label="Date registered",
        required=False,
        hint=(
            "For a lasting power of attorney, the date the Office of the Public Guardian registered it. "
            "An attorney can only act once it is registered"
        ),
        kind=dates.HAPPENED,
        what="The date registered",
    )
    held_by = ds.ChoiceField(
        label="Do they sign in to Living Plan?",
        required=False,
        hint=(
            "Link them to their own sign-in so that, for decisions the person has been assessed as not "
            "able to make, they can act on the person's behalf"
        ),
    )

    def __init__(self, *args: Any, holders: list[User], is_self: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if is_self:  # the person adding their own attorney is spoken to, not about
            self.fields["held_by"].hint = (  # type: ignore[attr-defined]
                "Link them to their own sign-in so that, for decisions you have been assessed as not "
                "able to make, they can act on your behalf"
            )
        self.holders = {str(user.pk): user for user in holders}
        self.fields["held_by"].choices = [  # type: ignore[attr-defined]
            ("", "No, or not yet"),
            *[(str(user.pk), user.display_name) for user in holders],
        ]

    def clean_held_by(self) -> User | None:
        return self.holders.get(self.cleaned_data["held_by"] or "")


class CircleMemberForm(forms.Form):
    name = ds.CharField(label="Name", max_length=200, required_message="Enter their name")
    relationship = ds.CharField(
        label="Relationship",
        max_length=100,
        hint="For example, daughter, neighbour or friend",
        required_message="Enter how they are related to the person, for example, daughter",
        classes="nhsuk-input--width-20",
    )
    phone = ds.CharField(
        label="Phone number", required=False, max_length=40, autocomplete="off", classes="nhsuk-input--width-20"
    )
    email = ds.EmailField(
        label="Email address", required=False, autocomplete="off", hint="Needed if they are invited to sign in later"
    )
    is_carer = ds.BooleanField(label="They are a carer", required=False)

    def clean_phone(self) -> str:
        return _phone(self.cleaned_data["phone"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("name", "relationship", "phone", "email"):
            if isinstance(data.get(name), str):
                data[name] = data[name].strip()
        return data


class CareTeamMemberForm(forms.Form):
    email = ds.EmailField(
        label="Their work email address",
        autocomplete="off",
        required_message="Enter the work email address of the member of staff",
    )
    organisation = ds.ChoiceField(
        label="Which organisation do they work for?", required_message="Select the organisation they work for"
    )
    role_description = ds.CharField(
        label="Their role in the care team", required=False, max_length=120, hint="For example, district nurse"
    )
    is_coordinator = ds.BooleanField(
        label="Make them the coordinator",
        required=False,
        hint="There is one coordinator at a time. The current coordinator stays on the care team.",
    )

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = {str(org.pk): org for org in organisations}
        self.fields["organisation"].choices = [(str(org.pk), org.name) for org in organisations]  # type: ignore[attr-defined]

    def clean_organisation(self) -> Organisation:
        return self.organisations[self.cleaned_data["organisation"]]


class AcceptInvitationForm(forms.Form):
    """The invitee chooses their password, checked by the same rules as everyone's."""

    password1 = new_password_field()
    password2 = password_again_field()

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password1(self) -> str:
        password: str = self.cleaned_data["password1"]
        try:
            password_validation.validate_password(password, self.user)
        except forms.ValidationError as error:
            raise forms.ValidationError([nhs_style(message) for message in error.messages]) from error
        return password

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The passwords do not match. Enter the same password twice")
        return data
