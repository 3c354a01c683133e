"""Forms for the person's record, with NHS-style messages."""

from typing import Any

from django import forms

from livingplan.core import forms as ds
from livingplan.people import nhs_number
from livingplan.people.models import CapacityOutcome, ContactChannel, InformationFormat, LegalAuthority


class PersonDetailsForm(forms.Form):
    given_name = ds.CharField(label="First name", max_length=100, autocomplete="given-name")
    family_name = ds.CharField(label="Last name", max_length=100, autocomplete="family-name")
    preferred_name = ds.CharField(
        label="Preferred name", required=False, max_length=100, hint="What you like to be called, if different"
    )
    pronouns = ds.CharField(
        label="Pronouns", required=False, max_length=40, hint="For example, she/her", classes="nhsuk-input--width-10"
    )
    date_of_birth = ds.DateField(label="Date of birth", required=False, hint="For example, 15 3 1984")
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["given_name"].error_messages["required"] = "Enter a first name"
        self.fields["family_name"].error_messages["required"] = "Enter a last name"

    def clean_nhs_number(self) -> str:
        value: str = self.cleaned_data["nhs_number"]
        if value:
            nhs_number.validate(value)
        return nhs_number.normalise(value)


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


class CapacityForm(forms.Form):
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
    assessed_on = ds.DateField(label="Date of assessment", required_message="Enter the date of the assessment")
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
    registered_on = ds.DateField(label="Date registered", required=False)
