"""The "Messages we send you" form: one checkbox per kind of message the user may turn off."""

from typing import Any

from django import forms

from livingplan.core import forms as ds
from livingplan.notifications.preferences import Kind


class MessageChoicesForm(forms.Form):
    wanted = ds.MultipleChoiceField(
        label="Which messages do you want?",
        hint="Untick any you do not want",
        required=False,
        choices=[],
    )

    def __init__(self, *args: Any, kinds: list[Kind], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["wanted"].choices = [(kind.template_key, kind.label) for kind in kinds]  # type: ignore[attr-defined]
