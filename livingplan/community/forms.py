"""Forms for the directory's pages: a resource, a file to import, a search, a link, an answer."""

from typing import Any

from django import forms

from livingplan.community import areas
from livingplan.community.models import NAME_MAX, Helped, ResourceKind, ResourceStatus
from livingplan.core.forms import fields

ANSWER_WORDS_MAX = 2000
TAGS_HINT = "Words people might search for, separated by commas. For example, walking, outdoors, friendship"


class ResourceForm(forms.Form):
    name = fields.CharField(label="Name", max_length=NAME_MAX)
    kind = fields.ChoiceField(label="What kind of thing is it", choices=ResourceKind.choices)
    description = fields.CharField(label="Description", widget=forms.Textarea, max_length=5000)
    organisation_name = fields.CharField(label="Who runs it", required=False, max_length=NAME_MAX)
    where = fields.CharField(label="Where", required=False, widget=forms.Textarea, max_length=1000)
    postcode = fields.CharField(
        label="Postcode", required=False, max_length=10, hint="The postcode of where it happens, if it has one"
    )
    when = fields.CharField(label="When", required=False, max_length=1000, hint="For example, Tuesdays at 10am")
    cost = fields.CharField(label="Cost", required=False, max_length=300, hint="For example, Free, or £2 a session")
    eligibility = fields.CharField(label="Who it is for", required=False, widget=forms.Textarea, max_length=1000)
    contact_name = fields.CharField(label="Contact name", required=False, max_length=NAME_MAX)
    contact_phone = fields.CharField(label="Contact phone number", required=False, max_length=30)
    contact_email = fields.EmailField(label="Contact email address", required=False)
    website = fields.CharField(label="Website", required=False, max_length=500)
    accessibility = fields.CharField(
        label="Accessibility",
        required=False,
        widget=forms.Textarea,
        max_length=2000,
        hint="For example, step-free access, a hearing loop, an accessible toilet",
    )
    tags = fields.CharField(label="Tags", required=False, max_length=500, hint=TAGS_HINT)
    status = fields.ChoiceField(label="Is it running", choices=ResourceStatus.choices, initial=ResourceStatus.ACTIVE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["description"].error_messages["required"] = "Enter a description"


class ImportForm(forms.Form):
    file = forms.FileField(label="Open Referral UK file (JSON)")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].error_messages["required"] = "Choose a file to import"
        self.fields["file"].error_messages["empty"] = "The file you chose is empty"


class SearchForm(forms.Form):
    need = fields.CharField(
        label="What are you looking for",
        required=False,
        max_length=100,
        hint="For example, walking, company, memory, carers",
    )
    tag = fields.CharField(label="Tag", required=False, max_length=50)
    area = fields.CharField(
        label="Area", required=False, max_length=10, hint="A postcode, or its first part, for example LS6"
    )

    def clean_area(self) -> str:
        typed = str(self.cleaned_data.get("area") or "").strip()
        if not typed:
            return ""
        found = areas.district(typed)
        if not found:
            raise forms.ValidationError("Enter a postcode or the first part of one, like LS6")
        return found


class LinkForm(forms.Form):
    resource = fields.ChoiceField(label="Which one", choices=())

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["resource"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices
        field.error_messages["required"] = "Select what to link to this action"


class AnswerForm(forms.Form):
    answer = fields.ChoiceField(label="Did it help?", choices=Helped.choices)
    words = fields.CharField(
        label="Anything you want to say about it (optional)",
        required=False,
        widget=forms.Textarea,
        max_length=ANSWER_WORDS_MAX,
        hint="Only you and the people who can see your plan read this. It is never shown beside the activity.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["answer"].error_messages["required"] = "Select yes, a bit or no"
