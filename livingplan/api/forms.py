"""The form an organisation admin fills in to make a token for another system."""

import datetime as dt

from django import forms

from livingplan.api.models import TokenScope
from livingplan.core.forms import fields as ds

# How long a token works for: the admin picks one, so an expiry is never left out (a year at most).
LIFETIMES = [("30", "30 days"), ("90", "90 days"), ("180", "6 months"), ("365", "1 year")]


class TokenForm(forms.Form):
    name = ds.CharField(
        label="What is the token for?",
        max_length=100,
        hint="For example, the GP practice's care record system. Only admins see this.",
        required_message="Enter what the token is for",
    )
    scopes = ds.MultipleChoiceField(
        label="What may the other system do?",
        choices=[
            (TokenScope.READ, "Read people and their plans through the Living Plan API"),
            (TokenScope.WRITE, "Read and change plans through the Living Plan API"),
            (TokenScope.FHIR, "Read plans as FHIR R4, for health and care record systems"),
        ],
        hint="Select all that apply. Choose only what the other system needs.",
        required_message="Select what the other system may do",
    )
    days = ds.ChoiceField(
        label="How long should the token work for?",
        choices=LIFETIMES,
        required_message="Select how long the token should work for",
    )

    def lifetime(self) -> dt.timedelta:
        return dt.timedelta(days=int(self.cleaned_data["days"]))
